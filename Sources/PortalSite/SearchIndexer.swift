import Foundation
import PortalModel

/// Whether to build the search index: `on` fails when the indexer is missing, `auto`
/// says so and goes on, `off` skips it.
public enum SearchMode: String, Sendable, CaseIterable {
    case auto, on, off
}

/// Runs Pagefind's extended build (Chinese word segmentation) over the finished site.
/// It is found through PORTAL's environment: PAGEFIND, else `pagefind_extended` on PATH.
struct SearchIndexer {
    let executable: String

    static func locate(environment: [String: String]) -> SearchIndexer? {
        if let explicit = environment["PAGEFIND"], !explicit.isEmpty {
            return FileManager.default.isExecutableFile(atPath: explicit) ? SearchIndexer(executable: explicit) : nil
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/pagefind_extended"
            if FileManager.default.isExecutableFile(atPath: candidate) { return SearchIndexer(executable: candidate) }
        }
        return nil
    }

    /// The indexer a build uses under `mode`, with a note when `auto` finds none; `on`
    /// without one is an error.
    static func choose(_ mode: SearchMode, environment: [String: String]) throws(DiagnosticList) -> (
        indexer: SearchIndexer?, note: String?
    ) {
        guard mode != .off else { return (nil, nil) }
        if let indexer = locate(environment: environment) { return (indexer, nil) }
        if mode == .on {
            throw DiagnosticList([
                Diagnostic(
                    path: "PAGEFIND", line: 1, column: 1,
                    "--search on, but the search indexer was not found: set PAGEFIND or put pagefind_extended on PATH"
                        + " (make site installs it)"
                )
            ])
        }
        return (
            nil,
            "search index not built: pagefind_extended not found (set PAGEFIND, or run make site); use --search off "
                + "to silence this"
        )
    }

    /// Indexes `site` in place (into the catalogue's search index folder, `site/pagefind/`).
    func index(_ site: String) throws(DiagnosticList) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // Result URLs keep index.html, like every link of the site, so they work from any host.
        process.arguments = [
            "--site", site, "--output-subdir", String(SiteFile.searchIndex.entry.path.dropLast()), "--keep-index-url",
            "--silent",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    path: executable, line: 1, column: 1,
                    "cannot run the search indexer: check PAGEFIND or install it with `make site`")
            ])
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let first =
                message.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw DiagnosticList([
                Diagnostic(
                    path: executable, line: 1, column: 1,
                    "the search indexer failed (\(first)): the previous site is unchanged")
            ])
        }
    }
}
