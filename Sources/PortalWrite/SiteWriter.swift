import CAtomicRename
import Foundation
import PortalModel

/// Stage 4, write: puts the rendered files in the output folder as one step. The site is
/// written into a temporary folder beside the output and swapped in, so a failed or
/// interrupted build leaves the previous site as it was (Toucan's approach).
public struct SiteWriter: Sendable {
    /// Marks a folder as made by portal: only such a folder is ever replaced.
    public static let marker = ".portal-output"

    public let output: String
    /// Folders the output may never be (or contain): content, templates, the project.
    public let protected: [String]

    public init(output: String, protected: [String] = []) {
        self.output = Self.absolute(output)
        self.protected = protected.map(Self.absolute)
    }

    public struct Files: Sendable {
        public var count: Int
        public var bytes: Int

        public init(count: Int, bytes: Int) {
            self.count = count
            self.bytes = bytes
        }
    }

    /// Writes `files` (path relative to the output → contents) and swaps them in.
    /// `finish` runs on the complete staging folder before the swap (the search indexer
    /// adds its files there); if it throws, nothing is swapped in.
    @discardableResult
    public func write(_ files: [(path: String, contents: Data)],
                      finish: ((String) throws -> Void)? = nil) throws(DiagnosticList) -> Files {
        try checkOutputIsSafe()
        let fm = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        removeLeftovers(in: parent, name: name)
        let staging = parent + "/.\(name).tmp-\(getpid())"
        do {
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try Self.writeFiles(files, into: staging)
            let bytes = files.reduce(0) { $0 + $1.contents.count }
            try Data("Made by portal build. portal replaces only folders holding this file.\n".utf8)
                .write(to: URL(fileURLWithPath: staging + "/" + Self.marker))
            if let finish {
                do { try finish(staging) } catch let list as DiagnosticList { throw FinishFailed(list: list) }
                catch { throw FinishFailed(list: DiagnosticList([Diagnostic(path: output, line: 1, column: 1, "\(error)")])) }
            }
            try swapIn(staging)
            return Files(count: files.count, bytes: bytes)
        } catch let failed as FinishFailed {
            try? fm.removeItem(atPath: staging)
            throw failed.list
        } catch {
            try? fm.removeItem(atPath: staging)
            throw DiagnosticList([Diagnostic(path: output, line: 1, column: 1,
                "cannot write the site (\(Self.reason(error))): check that the folder's parent exists and is writable; the previous site is unchanged")])
        }
    }

    /// Writes the files into `root` (an empty folder): folders first, parents before
    /// children, then the files on every core. Plain open/write/close: no temporary file
    /// and no fsync per file as Foundation's atomic writes do; what makes the output
    /// atomic is swapping the finished folder in, and that the files were written is
    /// checked call by call.
    static func writeFiles(_ files: [(path: String, contents: Data)], into root: String) throws {
        // (Not NSString.deletingLastPathComponent: this Foundation traps on "a".)
        func parent(_ path: String) -> String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
        var folders: Set<String> = []
        for file in files {
            var folder = parent(file.path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = parent(folder) }
        }
        for folder in folders.sorted() where mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw POSIXFailure(path: root + "/" + folder, code: errno)
        }
        _ = try files.parallelMap { file in try writeFile(root + "/" + file.path, file.contents) }
    }

    static func writeFile(_ path: String, _ contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXFailure(path: path, code: errno) }
        var failure: Int32 = 0
        contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; failure = errno; return }
                offset += count
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw POSIXFailure(path: path, code: failure) }
    }

    /// A failed system call: the file and the reason, for the one-line message.
    struct POSIXFailure: Error {
        let path: String
        let code: Int32
    }

    /// Refuses outputs that would destroy something that is not a generated site.
    func checkOutputIsSafe() throws(DiagnosticList) {
        func refuse(_ message: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(path: output, line: 1, column: 1, message)])
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        if output == "/" || output == Self.absolute(home) || output == Self.absolute(FileManager.default.currentDirectoryPath) {
            throw refuse("refusing to write the site over \(output): choose a folder of its own with --output, e.g. Public")
        }
        for folder in protected where output == folder || folder.hasPrefix(output + "/") || output.hasPrefix(folder + "/") {
            throw refuse("refusing to write the site into or over \(folder): --output must be a separate folder, e.g. Public")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !isDirectory.boolValue || (!entries.isEmpty && !entries.contains(Self.marker)) {
            throw refuse("refusing to replace \(output): it was not made by portal (no \(Self.marker) file); move it away or choose another --output")
        }
    }

    /// Exchanges staging and output atomically where the system can; otherwise two renames.
    private func swapIn(_ staging: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output) else {
            try fm.moveItem(atPath: staging, toPath: output)
            return
        }
        if portal_exchange_paths(staging, output) == 0 {
            try fm.removeItem(atPath: staging) // now holds the previous site
            return
        }
        let old = staging + ".old"
        try fm.moveItem(atPath: output, toPath: old)
        try fm.moveItem(atPath: staging, toPath: output)
        try? fm.removeItem(atPath: old)
    }

    /// Staging folders left by builds that were killed (named by us, never by a user).
    private func removeLeftovers(in parent: String, name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(".\(name).tmp-") {
            try? fm.removeItem(atPath: parent + "/" + entry)
        }
    }

    private struct FinishFailed: Error { let list: DiagnosticList }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        var result = url.standardizedFileURL.resolvingSymlinksInPath().path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }

    private static func reason(_ error: Error) -> String {
        if let failure = error as? POSIXFailure {
            return "\(String(cString: strerror(failure.code)).lowercased()) at \(failure.path)"
        }
        if let error = error as? CocoaError, let path = error.userInfo[NSFilePathErrorKey] as? String {
            return "\(error.code == .fileWriteNoPermission ? "permission denied" : "write failed") at \(path)"
        }
        return (error as NSError).localizedDescription
    }
}
