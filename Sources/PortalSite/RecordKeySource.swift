import Foundation
import PortalDerive
import PortalModel

/// Where the record key comes from: `--anon-key-file`, else PORTAL_ANON_KEY.
enum RecordKeySource {
    static let strong =
        "use at least 128 random bits, e.g. 32 or more hex digits (make site writes one: head -c 32 /dev/urandom | od"
        + " -An -tx1 | tr -d ' \\n')"

    static func resolve(_ options: BuildOptions) throws(DiagnosticList) -> (key: RecordKey?, reason: String?) {
        func refuse(_ path: String, _ message: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(path: path, line: 1, column: 1, message)])
        }
        if let file = options.keyFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw refuse(file, "cannot read the record key file: check the path given to --anon-key-file")
            }
            guard let key = RecordKey(text) else {
                throw refuse(
                    file,
                    "the record key is too weak (guessable keys let anyone holding credit codes match the release "
                        + "ledger): \(strong)"
                )
            }
            return (key, nil)
        }
        if let secret = options.environment["PORTAL_ANON_KEY"], !secret.isEmpty {
            guard let key = RecordKey(secret) else {
                throw refuse("PORTAL_ANON_KEY", "the record key in PORTAL_ANON_KEY is too weak: \(strong)")
            }
            return (key, nil)
        }
        return (
            nil,
            "no record key; set PORTAL_ANON_KEY or pass --anon-key-file with a file outside Content/ (make site makes"
                + " one)"
        )
    }
}
