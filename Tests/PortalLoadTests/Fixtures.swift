import Foundation
import PortalLoad
import PortalModel

/// Test fixtures under Tests/Fixtures: `valid/` is a small complete content tree; each
/// folder of `invalid/` holds only the files that differ from it, plus `expected.txt`.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path
    static let repository = URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent().path

    /// Every file below `directory`, keyed by its path relative to it.
    static func tree(_ directory: String) -> [String: Data] {
        let files = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
        var result: [String: Data] = [:]
        for file in files {
            var isDirectory: ObjCBool = false
            let path = directory + "/" + file
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[file] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    /// The valid tree with `overlay`'s files laid over it, mounted at "content/".
    static func content(overlay: String? = nil) -> MemoryFileSource {
        var files = tree(root + "/valid")
        if let overlay {
            for (path, data) in tree(root + "/invalid/" + overlay) where path != "expected.txt" { files[path] = data }
        }
        return MemoryFileSource(data: Dictionary(uniqueKeysWithValues: files.map { ("content/" + $0.key, $0.value) }))
    }

    static var invalidCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/invalid")) ?? []).sorted()
    }

    /// Pairs of lines in expected.txt: `path:line:column`, then a part of the message.
    static func expectations(_ name: String) -> [(location: String, message: String)] {
        let text = (try? String(contentsOfFile: root + "/invalid/\(name)/expected.txt", encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").map(String.init)
        return stride(from: 0, to: lines.count - 1, by: 2).map { (lines[$0], lines[$0 + 1]) }
    }
}
