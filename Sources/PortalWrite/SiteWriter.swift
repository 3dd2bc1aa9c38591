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
    ///
    /// The staging folder is the spare — the site before the current one, which the last
    /// build kept beside the output as `.<output>.spare` — brought up to date in place:
    /// only files whose bytes differ are written, files and folders no longer in the site
    /// are deleted. Without a spare it is a new, empty folder. Why: creating files and
    /// folders is the costly part when builds follow each other (ext4 searches past
    /// recently freed inodes for every new one), and a rebuild of an unchanged site
    /// creates nothing this way. The swap keeps it atomic.
    @discardableResult
    public func write(
        _ files: [(path: String, contents: Data)],
        finish: ((String) throws -> Void)? = nil
    ) throws(DiagnosticList) -> Files {
        try write(SiteFiles(files), finish: finish)
    }

    /// As above, with each file's bytes made while writing (`SiteFiles`). A problem making
    /// a file, reported as a DiagnosticList, stops the build like any other: the staging
    /// folder is removed and the previous site stays.
    @discardableResult
    public func write(_ files: SiteFiles, finish: ((String) throws -> Void)? = nil) throws(DiagnosticList) -> Files {
        try checkOutputIsSafe()
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        removeLeftovers(in: parent, name: name)
        let staging = parent + "/.\(name).tmp-\(getpid())"
        let site = files.appending(Self.markerFile)
        do {
            try FileTree.remove(staging)
            // Renamed first, so a build killed while updating it leaves a staging folder,
            // which the next build deletes, never a half-updated spare.
            if !(Self.isSite(spare) && rename(spare, staging) == 0) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                guard mkdir(staging, 0o755) == 0 else { throw POSIXFailure(path: staging, code: errno) }
            }
            let synced = try Self.sync(site, into: staging)
            if let finish {
                do { try finish(staging) } catch let list as DiagnosticList { throw FinishFailed(list: list) } catch {
                    throw FinishFailed(list: DiagnosticList([Diagnostic(path: output, line: 1, column: 1, "\(error)")]))
                }
            }
            try swapIn(staging)
            return Files(count: files.paths.count, bytes: synced.bytes - Self.markerFile.contents.count)
        } catch let failed as FinishFailed {
            try? FileTree.remove(staging)
            throw failed.list
        } catch let list as DiagnosticList {
            try? FileTree.remove(staging)
            throw list
        } catch {
            try? FileTree.remove(staging)
            throw DiagnosticList([
                Diagnostic(
                    path: output, line: 1, column: 1,
                    "cannot write the site (\(Self.reason(error))): check that the folder's parent exists and is "
                        + "writable; the previous site is unchanged"
                )
            ])
        }
    }

    /// The file that marks a folder as portal's, written with every site.
    static let markerFile = (
        path: marker, contents: Data("Made by portal build. portal replaces only folders holding this file.\n".utf8)
    )

    /// Where the previous site is kept for the next build to rewrite.
    public var spare: String {
        (output as NSString).deletingLastPathComponent + "/." + (output as NSString).lastPathComponent + ".spare"
    }

    /// A real folder (not a link) holding portal's marker.
    static func isSite(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
            && access(path + "/" + marker, F_OK) == 0
    }

    /// Every folder the files need, parents before children.
    static func folders(of paths: [String]) -> [String] {
        // (Not NSString.deletingLastPathComponent: this Foundation traps on "a".)
        func parent(_ path: String) -> String { path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" }
        var folders: Set<String> = []
        for path in paths {
            var folder = parent(path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = parent(folder) }
        }
        return folders.sorted()
    }

    /// Makes `root` (empty, or holding an older site) hold exactly `files`: what is no
    /// longer wanted is deleted (links and anything else but plain files and folders too),
    /// the folders are made, parents first, then each file is made (`SiteFiles`) and
    /// written if its bytes differ, on every core. Plain open/write/close: no
    /// temporary file and no fsync per file as Foundation's atomic writes do; what makes
    /// the output atomic is swapping the finished folder in, and that the files were
    /// written is checked call by call.
    @discardableResult
    static func sync(_ files: SiteFiles, into root: String) throws -> (written: Int, removed: Int, bytes: Int) {
        let wantedFiles = Set(files.paths)
        let folderList = folders(of: files.paths)
        let wantedFolders = Set(folderList)
        // The old tree is listed a level at a time, each level's folders on every core
        // (a site of 4,000 scenarios has 4,000 folders, and listing them one after
        // another leaves the other core idle). Only folders a listing showed to be real
        // folders are entered, never a link, so nothing outside `root` is ever listed or
        // deleted.
        var unwanted: [String] = []
        var existing: Set<String> = []
        var level = [""]
        while !level.isEmpty {
            let listed = try level.parallelMap { folder throws -> (remove: [String], enter: [String]) in
                guard let entries = FileTree.entries(of: folder.isEmpty ? root : root + "/" + folder) else {
                    throw POSIXFailure(path: folder.isEmpty ? root : root + "/" + folder, code: errno)
                }
                var remove: [String] = [], enter: [String] = []
                for entry in entries {
                    let relative = folder.isEmpty ? entry.name : folder + "/" + entry.name
                    if entry.isFolder && wantedFolders.contains(relative) {
                        enter.append(relative)
                    } else if !(entry.isFile && wantedFiles.contains(relative)) {
                        remove.append(relative)
                    }
                }
                return (remove, enter)
            }
            unwanted += listed.flatMap(\.remove)
            level = listed.flatMap(\.enter)
            existing.formUnion(level)
        }
        for relative in unwanted.sorted() { try FileTree.remove(root + "/" + relative) }
        for folder in folderList
        where !existing.contains(folder) && mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw POSIXFailure(path: root + "/" + folder, code: errno)
        }
        let removed = unwanted.count
        // Each file is made, written and let go by one worker, so at most one file per
        // core is in memory; one pass over all files, so no core waits for another at a
        // batch boundary (pages differ in size a thousandfold).
        let results = try Array(files.paths.indices).parallelMap { index -> (written: Bool, bytes: Int) in
            let contents = try files.contents(index)
            let path = root + "/" + files.paths[index]
            if FileTree.holds(path, contents) { return (false, contents.count) }
            try writeFile(path, contents)
            return (true, contents.count)
        }
        return (results.filter(\.written).count, removed, results.reduce(0) { $0 + $1.bytes })
    }

    static func writeFile(_ path: String, _ contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
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
    public func checkOutputIsSafe() throws(DiagnosticList) {
        func refuse(_ message: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(path: output, line: 1, column: 1, message)])
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        if output == "/" || output == Self.absolute(home)
            || output == Self.absolute(FileManager.default.currentDirectoryPath)
        {
            throw refuse(
                "refusing to write the site over \(output): choose a folder of its own with --output, e.g. Public")
        }
        for folder in protected
        where output == folder || folder.hasPrefix(output + "/") || output.hasPrefix(folder + "/") {
            throw refuse(
                "refusing to write the site into or over \(folder): --output must be a separate folder, e.g. Public")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !isDirectory.boolValue || (!entries.isEmpty && !entries.contains(Self.marker)) {
            throw refuse(
                "refusing to replace \(output): it was not made by portal (no \(Self.marker) file); move it away or "
                    + "choose another --output"
            )
        }
    }

    /// Exchanges staging and output atomically where the system can; otherwise two renames.
    private func swapIn(_ staging: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output) else {
            try fm.moveItem(atPath: staging, toPath: output)
            return
        }
        // Afterwards `staging` holds the previous site: kept as the next build's spare.
        if portal_exchange_paths(staging, output) == 0 {
            keepAsSpare(staging)
            return
        }
        let old = staging + ".old"
        try fm.moveItem(atPath: output, toPath: old)
        try fm.moveItem(atPath: staging, toPath: output)
        keepAsSpare(old)
    }

    /// The new site is in place by now: a spare that cannot be kept is only deleted. A
    /// folder by the spare's name that portal did not make is left alone.
    private func keepAsSpare(_ previous: String) {
        guard access(spare, F_OK) != 0 || Self.isSite(spare) else { try? FileTree.remove(previous); return }
        try? FileTree.remove(spare)
        if rename(previous, spare) != 0 { try? FileTree.remove(previous) }
    }

    /// Staging folders left by builds that were killed (named by us, never by a user).
    private func removeLeftovers(in parent: String, name: String) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(".\(name).tmp-") {
            try? FileTree.remove(parent + "/" + entry)
        }
    }

    private struct FinishFailed: Error { let list: DiagnosticList }

    static func absolute(_ path: String) -> String {
        let url =
            path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        var result = url.standardizedFileURL.resolvingSymlinksInPath().path
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }

    static func reason(_ error: Error) -> String {
        if let failure = error as? POSIXFailure {
            return "\(String(cString: strerror(failure.code)).lowercased()) at \(failure.path)"
        }
        if let error = error as? CocoaError, let path = error.userInfo[NSFilePathErrorKey] as? String {
            return "\(error.code == .fileWriteNoPermission ? "permission denied" : "write failed") at \(path)"
        }
        return (error as NSError).localizedDescription
    }
}
