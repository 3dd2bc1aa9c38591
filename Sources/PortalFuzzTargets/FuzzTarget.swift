import Foundation
import PortalLoad
import PortalModel

/// What `make fuzz` feeds random bytes to, through the same public entry points a build
/// uses. Each run must end in a model or in diagnostics, never in a crash or a hang.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The bytes as a scenario file (front matter, YAML, Markdown body) in a small valid
    /// content tree, loaded and validated.
    case frontMatter = "front-matter"
    /// The bytes as an assessments CSV, ingested against the small standard.
    case csv

    public func run(_ input: Data) {
        switch self {
        case .frontMatter:
            var files = Self.validTree.contents
            files["content/scenarios/02-second.md"] = input
            _ = try? ContentLoader(root: "content", files: MemoryFileSource(data: files)).load()
        case .csv:
            _ = try? AssessmentLoader(standard: Self.standard, files: MemoryFileSource(data: ["in/a.csv": input])).load("in/a.csv")
        }
    }

    /// Tests/Fixtures/valid/, read once, mounted at content/.
    static let validTree: MemoryFileSource = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/valid").path
        var files: [String: Data] = [:]
        for case let file as String in FileManager.default.enumerator(atPath: root) ?? FileManager.default.enumerator(atPath: "/dev/null")! {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue,
               !file.hasPrefix("assessments/") {
                files["content/" + file] = FileManager.default.contents(atPath: root + "/" + file)
            }
        }
        return MemoryFileSource(data: files)
    }()

    static let standard: Standard = {
        do { return try ContentLoader(root: "content", files: validTree).load() }
        catch { fatalError("Tests/Fixtures/valid does not load: \(error)") }
    }()
}
