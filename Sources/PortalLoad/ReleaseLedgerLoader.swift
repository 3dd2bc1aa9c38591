import Foundation
import PortalModel

/// Reads the release ledger: `release-NNNN.json` files, one per earlier release, in
/// order. A missing folder is an empty ledger (the first release of a series).
public enum ReleaseLedgerLoader {
    public static func load(_ folder: String) throws(DiagnosticList) -> ReleaseLedger {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return ReleaseLedger(folder: folder)
        }
        let files = names.filter { $0.hasPrefix("release-") && $0.hasSuffix(".json") }.sorted().map {
            folder + "/" + $0
        }
        var releases: [ReleaseRecord] = []
        var problems: [Diagnostic] = []
        for (index, file) in files.enumerated() {
            guard let data = FileManager.default.contents(atPath: file),
                let record = try? JSONDecoder().decode(ReleaseRecord.self, from: data)
            else {
                problems.append(
                    Diagnostic(
                        path: file, line: 1, column: 1,
                        "not a release record portal can read: restore it from version control (it records what an "
                            + "earlier release published)"
                    ))
                continue
            }
            if record.release != index + 1 {
                problems.append(
                    Diagnostic(
                        path: file, line: 1, column: 1,
                        "release \(record.release) is out of sequence (expected \(index + 1)): restore the release "
                            + "files as they were written"
                    ))
            }
            releases.append(record)
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return ReleaseLedger(folder: folder, releases: releases, files: files)
    }
}
