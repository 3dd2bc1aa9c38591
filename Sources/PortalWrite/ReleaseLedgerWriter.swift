import Foundation
import PortalModel

/// Adds a release to the ledger: written to a temporary file beside it, then renamed,
/// so the ledger never holds half a record.
public enum ReleaseLedgerWriter {
    public static func file(for release: Int, in folder: String) -> String {
        folder + "/" + String(format: "release-%04d.json", release)
    }

    /// The record as the ledger keeps it: stable JSON (sorted keys). Made apart from the
    /// writing so a build can encode 100,000 fingerprints while it renders.
    public static func encoded(_ record: ReleaseRecord) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(record) + Data("\n".utf8)
    }

    /// Writes `encoded` (the record's bytes from `encoded(_:)`; nil if they could not be
    /// made) as the record's release.
    public static func append(_ record: ReleaseRecord, encoded: Data?, to folder: String) throws(DiagnosticList) {
        let path = file(for: record.release, in: folder)
        do {
            guard let data = encoded else { throw CocoaError(.fileWriteUnknown) }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = folder + "/.release.tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temporary, contents: data) else {
                throw CocoaError(.fileWriteUnknown)
            }
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    path: path, line: 1, column: 1,
                    "cannot record this release in the ledger: make the folder writable; the site was not published, "
                        + "since an unrecorded release could not be audited next time"
                )
            ])
        }
    }
}
