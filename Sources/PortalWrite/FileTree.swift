import Foundation

/// Folder walking and deleting with plain system calls (open, readdir, unlinkat), never
/// following symbolic links. Why not FileManager: it spends more time per entry than
/// the system call itself, and every build walks or deletes a whole site.
public enum FileTree {
    public struct Entry: Sendable {
        public let name: String
        public let isFolder: Bool
        public let isFile: Bool
    }

    /// The entries of a folder (without `.` and `..`); nil if it cannot be read.
    public static func entries(of path: String) -> [Entry]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var result: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {  // some file systems leave the type to lstat
                var status = stat()
                guard lstat(path + "/" + name, &status) == 0 else { continue }
                type =
                    (status.st_mode & S_IFMT) == S_IFDIR
                    ? Int32(DT_DIR) : (status.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
            }
            result.append(Entry(name: name, isFolder: type == Int32(DT_DIR), isFile: type == Int32(DT_REG)))
        }
        return result
    }

    /// Every entry below `root`, depth first and in name order (a folder's entries right
    /// after it), never through a symbolic link: `visit` gets each one's path and kind.
    /// A folder that cannot be read is passed over.
    public static func walk(_ root: String, _ visit: (String, Entry) -> Void) {
        guard let entries = entries(of: root) else { return }
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            let path = root + "/" + entry.name
            visit(path, entry)
            if entry.isFolder { walk(path, visit) }
        }
    }

    /// Deletes `path` and everything below it; a missing path is not an error.
    static func remove(_ path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw SiteWriter.POSIXFailure(path: path, code: errno)
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            if unlink(path) != 0 { throw SiteWriter.POSIXFailure(path: path, code: errno) }
            return
        }
        for entry in entries(of: path) ?? [] {
            try remove(path + "/" + entry.name)
        }
        if rmdir(path) != 0 { throw SiteWriter.POSIXFailure(path: path, code: errno) }
    }

    /// Whether `path` is a regular file holding exactly `contents`.
    static func holds(_ path: String, _ contents: Data) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
            Int(status.st_size) == contents.count
        else { return false }
        return contents.withUnsafeBytes { expected -> Bool in
            guard let base = expected.baseAddress else { return true }
            var buffer = [UInt8](repeating: 0, count: min(expected.count, 1 << 20))
            var offset = 0
            while offset < expected.count {
                let count = buffer.withUnsafeMutableBytes {
                    read(descriptor, $0.baseAddress!, min($0.count, expected.count - offset))
                }
                if count < 0 && errno == EINTR { continue }
                guard count > 0, memcmp(buffer, base + offset, count) == 0 else { return false }
                offset += count
            }
            return true
        }
    }
}
