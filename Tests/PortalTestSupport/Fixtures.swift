import Foundation
import PortalModel

/// Test fixtures under Tests/Fixtures: `valid/` is a small complete content tree; each
/// folder of `invalid/` holds only the files that differ from it, plus `expected.txt`.
public enum Fixtures {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path
    public static let repository = URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent()
        .path

    /// Every file below `directory`, keyed by its path relative to it.
    public static func tree(_ directory: String) -> [String: Data] {
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

    /// In a case folder, what is not content: the expectations, extra arguments, a
    /// templates overlay and files for the folder around the build.
    static let caseFiles: Set<String> = ["expected.txt", "args", "env", "links"]
    public static func isContent(_ path: String) -> Bool {
        !caseFiles.contains(path) && !path.hasPrefix("templates/") && !path.hasPrefix("root/")
    }

    /// The valid tree with `overlay`'s content files laid over it, by relative path.
    public static func contentFiles(overlay: String? = nil) -> [String: Data] {
        var files = tree(root + "/valid")
        if let overlay {
            for (path, data) in tree(root + "/invalid/" + overlay) where isContent(path) { files[path] = data }
        }
        return files
    }

    /// The same, mounted at "content/" in memory.
    public static func content(overlay: String? = nil) -> MemoryFileSource {
        MemoryFileSource(
            data: Dictionary(
                uniqueKeysWithValues: contentFiles(overlay: overlay).map { ("content/" + $0.key, $0.value) }))
    }

    public static var invalidCases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/invalid")) ?? []).sorted()
    }

    /// The cases the content loader alone must reject (not templates, assessments or the
    /// output folder).
    public static var invalidContentCases: [String] {
        invalidCases.filter { name in
            tree(root + "/invalid/" + name).keys.allSatisfy {
                isContent($0) ? !$0.hasPrefix("assessments/") : $0 == "expected.txt"
            }
        }
    }

    /// expected.txt: `exit N`, then pairs of lines: where (`path:line:column`, or a prefix
    /// of it), then a part of the message.
    public static func expectations(_ name: String) -> [(location: String, message: String)] {
        let lines = expectedLines(name).filter { !$0.hasPrefix("exit ") }
        return stride(from: 0, to: lines.count - 1, by: 2).map { (lines[$0], lines[$0 + 1]) }
    }

    public static func exitCode(_ name: String) -> Int32? {
        expectedLines(name).first { $0.hasPrefix("exit ") }.flatMap { Int32($0.dropFirst(5)) }
    }

    private static func expectedLines(_ name: String) -> [String] {
        let text = (try? String(contentsOfFile: root + "/invalid/\(name)/expected.txt", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }
}
