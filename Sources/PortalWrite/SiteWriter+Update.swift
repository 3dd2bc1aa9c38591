import Foundation
import PortalModel

extension SiteWriter {
    /// For `portal serve` only: brings an existing output folder (made by portal) up to date
    /// in place — files whose bytes changed are rewritten, files no longer produced are
    /// removed, the rest is not touched. An edit of one scenario then rewrites a handful of
    /// files instead of the whole site. A build that fails never gets here, so the last
    /// good site is kept; the all-or-nothing swap of `write` stays the rule for builds.
    public func update(_ files: [(path: String, contents: Data)]) throws(DiagnosticList) -> (written: Int, removed: Int) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output + "/" + Self.marker) else {
            let result = try write(files)
            return (result.count, 0)
        }
        try checkOutputIsSafe()
        var written = 0, removed = 0
        do {
            var wanted: Set<String> = [Self.marker]
            for file in files {
                wanted.insert(file.path)
                let path = output + "/" + file.path
                if fm.contents(atPath: path) == file.contents { continue }
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try file.contents.write(to: URL(fileURLWithPath: path), options: .atomic)
                written += 1
            }
            let existing = (fm.enumerator(atPath: output)?.allObjects as? [String]) ?? []
            for path in existing where !wanted.contains(path) {
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    try fm.removeItem(atPath: output + "/" + path)
                    removed += 1
                }
            }
        } catch {
            throw DiagnosticList([Diagnostic(path: output, line: 1, column: 1, "cannot update the preview (\(error.localizedDescription)): check that the folder is writable")])
        }
        return (written, removed)
    }
}
