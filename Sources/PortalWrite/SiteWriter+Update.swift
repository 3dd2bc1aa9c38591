import Foundation
import PortalModel

extension SiteWriter {
    /// For `portal serve` only: brings an existing output folder (made by portal) up to date
    /// in place — files whose bytes changed are rewritten, files no longer produced are
    /// removed, the rest is not touched. An edit of one scenario then rewrites a handful of
    /// files instead of the whole site. A build that fails never gets here, so the last
    /// good site is kept; the all-or-nothing swap of `write` stays the rule for builds.
    public func update(_ files: SiteFiles) throws(DiagnosticList) -> (written: Int, removed: Int, bytes: Int) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output + "/" + Self.marker) else {
            let result = try write(files)
            return (result.count, 0, result.bytes)
        }
        try checkOutputIsSafe()
        // The same sync the staging folder gets, in place (the one way a folder is
        // brought up to date); a page being read while it is rewritten reloads after.
        do {
            let synced = try Self.sync(files.appending(Self.markerFile), into: output)
            return (synced.written, synced.removed, synced.bytes - Self.markerFile.contents.count)
        } catch let list as DiagnosticList {
            throw list
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    path: output, line: 1, column: 1,
                    "cannot update the preview (\(Self.reason(error))): check that the folder is writable")
            ])
        }
    }
}
