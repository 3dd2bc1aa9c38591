import Foundation

/// A site as the writer takes it: every file's path, known before any file is made (so
/// that what is no longer wanted can be pruned and the folders made first), and each
/// file's bytes made on demand by `contents(index)`. The writer asks for them on every
/// core and lets each file's bytes go once written: memory stays flat however large the
/// site, and rendering (CPU) overlaps with writing (the kernel).
public struct SiteFiles: Sendable {
    public let paths: [String]
    let contents: @Sendable (Int) throws -> Data

    public init(paths: [String], contents: @escaping @Sendable (Int) throws -> Data) {
        self.paths = paths
        self.contents = contents
    }

    /// Files already made.
    public init(_ files: [(path: String, contents: Data)]) {
        let bytes = files.map(\.contents)
        self.init(paths: files.map(\.path)) { bytes[$0] }
    }

    /// These files and one more at the end.
    func appending(_ file: (path: String, contents: Data)) -> SiteFiles {
        let count = paths.count, contents = self.contents
        return SiteFiles(paths: paths + [file.path]) { index in index == count ? file.contents : try contents(index) }
    }
}
