import Foundation
import PortalModel

/// One content file, decoded: its path for messages and its text.
struct ContentFile {
    let path: String
    let name: String
    let text: String

    /// Reads and decodes `directory/name`; reports and returns nil if it cannot.
    static func read(_ name: String, in directory: String, from files: FileSource, sink: DiagnosticSink) -> ContentFile?
    {
        let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        let data: Data
        do { data = try files.read(path) } catch {
            sink.report(
                SourceLocation(path: path, line: 1, column: 1),
                "cannot read the file: check that it exists and is readable")
            return nil
        }
        switch TextDecoding.decode(data, path: path) {
        case .success(let text):
            if text.trimmingWhitespace.isEmpty {
                sink.report(
                    SourceLocation(path: path, line: 1, column: 1), "the file is empty: fill it in or delete it")
                return nil
            }
            return ContentFile(path: path, name: name, text: text)
        case .failure(let diagnostic):
            sink.report(diagnostic)
            return nil
        }
    }

    /// "07-foo.md" → 7; nil when the name does not start with digits.
    var numberPrefix: Int? {
        Int(name.prefix { $0.isASCII && $0.isNumber })
    }

    /// The parsed front matter and the Markdown body below it.
    func frontMatter(sink: DiagnosticSink) -> (YAMLDocument, (text: String, line: Int))? {
        switch FrontMatterFile.split(text, path: path) {
        case .failure(let diagnostic):
            sink.report(diagnostic)
            return nil
        case .success(let split):
            guard
                let document = YAMLDocument.parse(split.yaml, path: path, lineOffset: split.yamlLineOffset, sink: sink)
            else { return nil }
            return (document, (split.body, split.bodyLine))
        }
    }

    /// The whole file as one YAML document.
    func yaml(sink: DiagnosticSink) -> YAMLDocument? {
        YAMLDocument.parse(text, path: path, sink: sink)
    }
}
