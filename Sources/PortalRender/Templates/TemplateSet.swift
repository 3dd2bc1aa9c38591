import Foundation
import PortalModel

/// The templates of Templates/, parsed once (`MustacheParser`) for the renderer. A
/// syntax error, a reference to a partial or parent that does not exist, or a missing
/// page template is a diagnostic naming the template file, line and column.
public struct TemplateSet: Sendable {
    public let names: Set<String>
    let renderer: TemplateRenderer
    /// The keys of the strings file the templates write, and the sections they write whole.
    public var wordKeys: Set<String> = []
    /// Identifies the templates' text, so caches of rendered pages know when to forget.
    public var fingerprint = ""

    /// Templates the site needs, one per kind of page in the catalogue; each must exist.
    public static var required: [String] { PageKind.templates }

    /// With `words`, the templates' `{{words.section.key}}` tags are the site's words.
    public static func load(from directory: String, words: TemplateWords? = nil) throws(DiagnosticList) -> TemplateSet {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        // Each file is read and parsed on its own core; results in file order.
        let parsed = files.parallelMap {
            file -> Result<(name: String, path: String, text: String, template: CompiledTemplate), Diagnostic> in
            let path = root + "/" + file
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                return .failure(
                    Diagnostic(
                        path: path, line: 1, column: 1, "cannot read the template as UTF-8 text: save it as UTF-8"))
            }
            do {
                return .success((name, path, text, try MustacheParser.parse(text, words: words)))
            } catch let error as MustacheParser.SyntaxError {
                return .failure(
                    Diagnostic(path: path, line: error.line, column: error.column, "template syntax: \(error.message)"))
            } catch {
                return .failure(Diagnostic(path: path, line: 1, column: 1, "template syntax: \(error)"))
            }
        }
        var diagnostics: [Diagnostic] = []
        var sources: [String: (path: String, text: String, template: CompiledTemplate)] = [:]
        for result in parsed {
            switch result {
            case .success(let file): sources[file.name] = (file.path, file.text, file.template)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        // Names of every template file, parsed or not: one with a syntax error is reported
        // as such, not also as missing wherever it is included.
        let parsedOrBroken = Set(files.map { String($0.dropLast(".mustache".count)) })
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            for problem in source.template.wordProblems {
                diagnostics.append(
                    Diagnostic(path: source.path, line: problem.line, column: problem.column, problem.message))
            }
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in source.template.references where !parsedOrBroken.contains(reference.name) {
                diagnostics.append(
                    Diagnostic(
                        path: source.path, line: reference.line, column: reference.column,
                        "template '\(name)' includes '\(reference.name)', which does not exist: create \(root)/"
                            + "\(reference.name).mustache or correct the name"
                    ))
            }
        }
        for name in required where !parsedOrBroken.contains(name) {
            diagnostics.append(
                Diagnostic(
                    path: root + "/" + name + ".mustache", line: 1, column: 1,
                    "missing template: the site needs \(name).mustache in \(root)/"))
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        var set = TemplateSet(
            names: Set(sources.keys), renderer: TemplateRenderer(templates: sources.mapValues(\.template)))
        set.fingerprint =
            sources.sorted { $0.key < $1.key }.map { "\($0.key)\u{1}\($0.value.text)" }.joined(separator: "\u{2}")
            + (words.map { "\u{3}" + $0.fingerprint } ?? "")
        set.wordKeys = sources.values.reduce(into: []) { $0.formUnion($1.template.wordKeys) }
        return set
    }

    /// The template `name` (e.g. "pages/scenario") rendered with `value`, as UTF-8; nil
    /// when there is no such template (the load check makes that impossible for every
    /// kind of page in the catalogue).
    public func render(_ value: TemplateValue, template name: String) -> [UInt8]? {
        renderer.render(value, template: name)
    }
}
