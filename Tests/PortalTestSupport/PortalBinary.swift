import Foundation

/// The `portal` executable, run as a user runs it: for the tests of what the command
/// line does (exit codes, messages, interrupted builds, working directories).
public enum PortalBinary {
    /// PORTAL, else the debug build that `make test` makes.
    public static let path =
        ProcessInfo.processInfo.environment["PORTAL"] ?? Fixtures.repository + "/.build/debug/portal"

    public struct Result: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Starts `portal arguments…` in `directory`, without the record key of the caller's
    /// environment unless `environment` gives one.
    public static func start(_ arguments: [String], in directory: String, environment extra: [String: String] = [:])
        throws -> (Process, Pipe, Pipe)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["PORTAL_ANON_KEY"] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs `portal arguments…` to the end.
    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws
        -> Result
    {
        let (process, out, err) = try start(arguments, in: directory, environment: environment)
        let stdout = out.fileHandleForReading.readDataToEndOfFile(),
            stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Temporary folders and what is in them. Every folder a test makes is inside one
/// folder per test process (`portal-tests-<pid>`), removed when the process exits, so a
/// test run leaves nothing behind in /tmp (the browser suite checks).
public enum Scratch {
    /// The folder of this process's temporary folders.
    public static let root: String = {
        let path = NSTemporaryDirectory() + "portal-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        return path
    }()

    public static func folder(_ name: String = "portal-tests") -> String {
        let path = root + "/\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `files` (relative path → bytes) below `folder`.
    public static func materialise(_ files: [String: Data], at folder: String) throws {
        for (path, data) in files {
            let target = folder + "/" + path
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: target))
        }
    }

    /// Every file and folder below `root` → its bytes (folders as a fixed marker).
    public static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let file as String in FileManager.default.enumerator(atPath: root) ?? FileManager.default.enumerator(
            atPath: "/dev/null")!
        {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isDirectory) {
                result[file] =
                    isDirectory.boolValue
                    ? Data("folder".utf8) : FileManager.default.contents(atPath: root + "/" + file)
            }
        }
        return result
    }

    /// The paths whose bytes differ between two snapshots (or exist in one only), sorted.
    public static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }
}
