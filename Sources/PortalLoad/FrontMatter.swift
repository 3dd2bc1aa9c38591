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
    /// Lines are found on the UTF-8 bytes (line ends are LF after decoding, and a line end
    /// is always a character of its own): splitting by characters walks grapheme
    /// clusters, costly over thousands of scenario files.
    static func split(_ text: String, path: String) -> Result<FrontMatterFile, Diagnostic> {
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        func isFence(_ line: Substring.UTF8View) -> Bool {
            var end = line.endIndex
            while end > line.startIndex, case let byte = line[line.index(before: end)], byte == 0x20 || byte == 0x09 {
                end = line.index(before: end)
            }
            return line[line.startIndex..<end].elementsEqual("---".utf8)
        }
        guard let first = lines.first, isFence(first) else {
            return .failure(
                Diagnostic(
                    path: path, line: 1, column: 1,
                    "missing front matter: the file must start with a line `---`, then the YAML fields, then another "
                        + "`---`"
                ))
        }
        guard let close = lines.dropFirst().firstIndex(where: isFence) else {
            return .failure(
                Diagnostic(
                    path: path, line: 1, column: 1,
                    "front matter opened here is never closed: add a line `---` after the last YAML field"))
        }
        // The text of whole lines from..<to, without the line end after the last.
        func joined(_ range: Range<Int>) -> String {
            guard let firstLine = range.first, let lastLine = range.last else { return "" }
            return String(Substring(text.utf8[lines[firstLine].startIndex..<lines[lastLine].endIndex]))
        }
        return .success(
            FrontMatterFile(
                yaml: joined(1..<close),
                yamlLineOffset: 1,
                body: joined((close + 1)..<lines.count).trimmingWhitespace,
                bodyLine: close + 2))
    }
}
