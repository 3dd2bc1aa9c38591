import Foundation

/// File access behind a small type, so tests can load content from memory and the
/// loader never touches the disk directly.
public protocol FileSource: Sendable {
    /// Names of the files directly in `directory`, sorted; empty if it does not exist.
    func files(in directory: String) throws -> [String]
    func read(_ path: String) throws -> Data
    func exists(_ path: String) -> Bool
}

/// The real file system.
public struct DiskFileSource: FileSource {
    public init() {}

    public func files(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { !$0.hasPrefix(".") }
            .filter { name in
                var sub: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &sub)
                return !sub.boolValue
            }
            .sorted()
    }

    /// Plain open, fstat, read: Foundation's Data(contentsOf:) makes a URL and reads the
    /// file's attributes first, which dominates reading thousands of small files.
    public func read(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        var data = Data(count: Int(status.st_size))
        var filled = 0
        let failure: Int32 = data.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 { if errno == EINTR { continue }; return errno }
                if count == 0 { break } // shortened since fstat: what is there
                filled += count
            }
            return 0
        }
        guard failure == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path]) }
        return filled == data.count ? data : data.prefix(filled)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}

/// Files held in memory, keyed by path: for tests and fuzzing.
public struct MemoryFileSource: FileSource {
    public var contents: [String: Data]

    public init(_ files: [String: String]) {
        contents = files.mapValues { Data($0.utf8) }
    }

    public init(data: [String: Data]) {
        contents = data
    }

    public func files(in directory: String) throws -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return contents.keys
            .filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
            .map { String($0.dropFirst(prefix.count)) }
            .sorted()
    }

    public func read(_ path: String) throws -> Data {
        guard let data = contents[path] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return data
    }

    public func exists(_ path: String) -> Bool {
        contents[path] != nil || contents.keys.contains { $0.hasPrefix(path.hasSuffix("/") ? path : path + "/") }
    }
}
