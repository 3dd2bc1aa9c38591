import Foundation
import PortalModel

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatterFile {
    var yaml: String
    /// Lines in the file before the first YAML line (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// 1-based line on which the body starts.
    var bodyLine: Int

    /// Splits `text` at the `---` fences. Front matter is required: these files are data.
    static func split(_ text: String, path: String) -> Result<FrontMatterFile, Diagnostic> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(Diagnostic(path: path, line: 1, column: 1,
                "missing front matter: the file must start with a line `---`, then the YAML fields, then another `---`"))
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" }) else {
            return .failure(Diagnostic(path: path, line: 1, column: 1,
                "front matter opened here is never closed: add a line `---` after the last YAML field"))
        }
        return .success(FrontMatterFile(
            yaml: lines[1..<close].joined(separator: "\n"),
            yamlLineOffset: 1,
            body: lines[(close + 1)...].joined(separator: "\n").trimmingWhitespace,
            bodyLine: close + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
