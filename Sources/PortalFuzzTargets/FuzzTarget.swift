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
}

/// The small valid content tree the targets run in, given by whoever runs them (the
/// tests pass Tests/Fixtures/valid/, `make fuzz` the same through PORTAL_FUZZ_TREE): the
/// library itself reads nothing from the repository.
public struct FuzzHarness: Sendable {
    let tree: MemoryFileSource
    let standard: Standard

    /// Reads the content tree at `folder` (its assessments left out) into memory.
    public init(validTree folder: String) throws {
        var files: [String: Data] = [:]
        for case let file as String in FileManager.default.enumerator(atPath: folder) ?? NSEnumerator() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isDirectory),
                !isDirectory.boolValue,
                !file.hasPrefix("assessments/")
            {
                files["content/" + file] = FileManager.default.contents(atPath: folder + "/" + file)
            }
        }
        tree = MemoryFileSource(data: files)
        standard = try ContentLoader(root: "content", files: tree).load()
    }

    public func run(_ target: FuzzTarget, _ input: Data) {
        switch target {
        case .frontMatter:
            var files = tree.contents
            files["content/scenarios/02-second.md"] = input
            _ = try? ContentLoader(root: "content", files: MemoryFileSource(data: files)).load()
        case .csv:
            _ = try? AssessmentLoader(standard: standard, files: MemoryFileSource(data: ["in/a.csv": input])).load(
                "in/a.csv")
        }
    }
}
