import Foundation

/// The browser's JavaScript run under Node for the agreement tests: Swift and the scripts
/// must give the same answers.
public enum NodeScript {
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Tests/agreement/evaluate.js under Node with `arguments`: its standard output.
    public static func evaluate(_ arguments: [String]) throws -> Data {
        let node = Process()
        node.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        node.arguments = ["node", Fixtures.repository + "/Tests/agreement/evaluate.js"] + arguments
        let output = Pipe(), errors = Pipe()
        node.standardOutput = output
        node.standardError = errors
        try node.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        node.waitUntilExit()
        guard node.terminationStatus == 0 else {
            throw Failure(
                message: "node failed: "
                    + String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        return data
    }
}
