import Foundation

/// File access behind a small type, so tests can load content from memory and the
/// loader never touches the disk directly.
public protocol FileSource: Sendable {
    /// Names of the files directly in `directory`, sorted; empty if it does not exist.
    func files(in directory: String) throws -> [String]
    /// Names of the folders directly in `directory`, sorted; empty if it does not exist.
    func directories(in directory: String) throws -> [String]
    func read(_ path: String) throws -> Data
    /// The file's bytes as an array: what a byte-scanning reader (the CSV reader) wants,
    /// without a copy out of `Data`.
    func bytes(_ path: String) throws -> [UInt8]
    func exists(_ path: String) -> Bool
}

extension FileSource {
    public func bytes(_ path: String) throws -> [UInt8] { [UInt8](try read(path)) }
}

/// The real file system.
public struct DiskFileSource: FileSource {
    public init() {}

    public func files(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        return try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { !$0.hasPrefix(".") }
            .filter { name in
                var sub: ObjCBool = false
                _ = FileManager.default.fileExists(
                    atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &sub)
                return !sub.boolValue
            }
            .sorted()
    }

    public func directories(in directory: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return []
        }
        return try FileManager.default.contentsOfDirectory(atPath: directory).filter { name in
            var sub: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(
                    atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &sub)
                && sub.boolValue
        }.sorted()
    }

    /// Plain open, fstat, read: Foundation's Data(contentsOf:) makes a URL and reads the
    /// file's attributes first, which dominates reading thousands of small files.
    public func read(_ path: String) throws -> Data {
        try Self.reading(path) { descriptor, size in
            var data = Data(count: size)
            let filled = data.withUnsafeMutableBytes { Self.fill($0, from: descriptor) }
            guard let filled else { return nil }
            return filled == data.count ? data : data.prefix(filled)
        }
    }

    public func bytes(_ path: String) throws -> [UInt8] {
        try Self.reading(path) { descriptor, size in
            var failed = false
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                guard let filled = Self.fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor) else {
                    failed = true; count = 0; return
                }
                count = filled
            }
            return failed ? nil : bytes
        }
    }

    /// Opens `path`, a regular file, and hands `body` its descriptor and size; `body`
    /// gives nil when reading failed.
    private static func reading<T>(_ path: String, _ body: (Int32, Int) -> T?) throws -> T {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            let result = body(descriptor, Int(status.st_size))
        else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return result
    }

    /// Reads into `buffer` until it is full or the file ends (a file shortened since
    /// fstat gives what is there): the count read, nil on an error.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) -> Int? {
        var filled = 0
        while filled < buffer.count {
            let count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 { if errno == EINTR { continue }; return nil }
            if count == 0 { break }
            filled += count
        }
        return filled
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

    public func directories(in directory: String) throws -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return Set(
            contents.keys.filter { $0.hasPrefix(prefix) }.compactMap { path -> String? in
                let rest = path.dropFirst(prefix.count)
                guard let slash = rest.firstIndex(of: "/") else { return nil }
                return String(rest[..<slash])
            }
        ).sorted()
    }

    public func read(_ path: String) throws -> Data {
        guard let data = contents[path] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        return data
    }

    public func exists(_ path: String) -> Bool {
        contents[path] != nil || contents.keys.contains { $0.hasPrefix(path.hasSuffix("/") ? path : path + "/") }
    }
}
