import Foundation
import PortalModel
import Yams

/// A YAML text inside a file, parsed into Yams nodes. Positions reported for it are
/// positions in the file: the front-matter offset is added to every mark.
struct YAMLDocument {
    let path: String
    let lineOffset: Int
    let root: Node

    /// Parses `yaml`; on failure reports one diagnostic and returns nil.
    static func parse(_ yaml: String, path: String, lineOffset: Int = 0, sink: DiagnosticSink) -> YAMLDocument? {
        do {
            // No implicit-tag rules: fields are read as the type the field asks for (int,
            // bool, null are recognised from the text when read), and Yams' default rules
            // would run five regular expressions on every key and scalar it hashes. The
            // encoding is given: by default Yams reads the whole environment on every parse.
            guard let root = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                sink.report(
                    SourceLocation(path: path, line: lineOffset + 1, column: 1),
                    "no YAML fields found: write the fields (`key: value`, one per line) between the two `---` lines")
                return nil
            }
            return YAMLDocument(path: path, lineOffset: lineOffset, root: root)
        } catch let error as YamlError {
            sink.report(diagnostic(for: error, yaml: yaml, path: path, lineOffset: lineOffset))
            return nil
        } catch {
            sink.report(SourceLocation(path: path, line: lineOffset + 1, column: 1), "cannot read YAML: \(error)")
            return nil
        }
    }

    func location(of node: Node) -> SourceLocation {
        location(node.mark)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// Turns a Yams error into `path:line:column` with advice for the usual slips.
    private static func diagnostic(for error: YamlError, yaml: String, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark, _ problem: String) -> Diagnostic {
            let line =
                yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first ?? ""
            let character = line.unicodeScalars.dropFirst(mark.column - 1).first
            return Diagnostic(
                path: path, line: mark.line + lineOffset, column: mark.column,
                "YAML: \(problem)" + advice(problem: problem, character: character))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            // A quote or bracket left open is found only at the end of the text: point at
            // where it was opened, which is where the editor has to look.
            if let context, problem.contains("end of stream") || problem.contains("end of the stream") {
                return at(context.mark, "\(problem) (\(context.text))")
            }
            let text = context.map { "\(problem) (\($0.text) at line \($0.mark.line + lineOffset))" } ?? problem
            return at(mark, text)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(
                path: path, line: context.mark.line + lineOffset, column: context.mark.column,
                "YAML: the key '\(duplicates.joined(separator: "', '"))' appears more than once in the same mapping: "
                    + "keep one"
            )
        case let .reader(problem, offset, _, _):
            let prefix = offset.map { String(yaml.prefix($0)) } ?? ""
            let line = prefix.filter { $0 == "\n" }.count + 1
            let column = (prefix.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0) + 1
            return Diagnostic(path: path, line: line + lineOffset, column: column, "YAML: \(problem)")
        default:
            return Diagnostic(path: path, line: lineOffset + 1, column: 1, "YAML: \(error)")
        }
    }

    private static func advice(problem: String, character: Unicode.Scalar?) -> String {
        if character == "\t" || problem.contains("tab") {
            return ": indent with spaces, not tabs"
        }
        if problem.contains("could not find expected ':'") || problem.contains("mapping values are not allowed") {
            return
                ": check the indentation and that every field is written `key: value` (quote texts that contain `: `)"
        }
        if problem.contains("end of the stream") || problem.contains("quoted scalar") {
            return ": a quoted text is not closed; add the closing quote"
        }
        return ": check the line against the content format in README.md"
    }
}
