import Foundation
import PortalModel

/// The templates of Templates/, parsed once (`MustacheParser`) for the renderer. A
/// syntax error, a reference to a partial or parent that does not exist, or a missing
/// page template is a diagnostic naming the template file, line and column.
public struct TemplateSet: Sendable {
    public let names: Set<String>
    let renderer: TemplateRenderer
    /// Identifies the templates' text, so caches of rendered pages know when to forget.
    public var fingerprint = ""

    /// Templates the site needs, one per kind of page in the catalogue; each must exist.
    public static var required: [String] { PageKind.templates }

    public static func load(from directory: String) throws(DiagnosticList) -> TemplateSet {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        // Each file is read and parsed on its own core; results in file order.
        let parsed = files.parallelMap { file -> Result<(name: String, path: String, text: String, template: CompiledTemplate), Diagnostic> in
            let path = root + "/" + file
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                return .failure(Diagnostic(path: path, line: 1, column: 1, "cannot read the template as UTF-8 text: save it as UTF-8"))
            }
            do {
                return .success((name, path, text, try MustacheParser.parse(text)))
            } catch let error as MustacheParser.SyntaxError {
                return .failure(Diagnostic(path: path, line: error.line, column: error.column, "template syntax: \(error.message)"))
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
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in source.template.references where !parsedOrBroken.contains(reference.name) {
                diagnostics.append(Diagnostic(path: source.path, line: reference.line, column: reference.column,
                    "template '\(name)' includes '\(reference.name)', which does not exist: create \(root)/\(reference.name).mustache or correct the name"))
            }
        }
        for name in required where !parsedOrBroken.contains(name) {
            diagnostics.append(Diagnostic(path: root + "/" + name + ".mustache", line: 1, column: 1,
                                          "missing template: the site needs \(name).mustache in \(root)/"))
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        var set = TemplateSet(names: Set(sources.keys), renderer: TemplateRenderer(templates: sources.mapValues(\.template)))
        set.fingerprint = sources.keys.sorted().map { "\($0)\u{1}\(sources[$0]!.text)" }.joined(separator: "\u{2}")
        return set
    }

    /// The template `name` (e.g. "pages/scenario") rendered with `value`, as UTF-8; nil
    /// when there is no such template (the load check makes that impossible for every
    /// kind of page in the catalogue).
    public func render(_ value: TemplateValue, template name: String) -> [UInt8]? {
        renderer.render(value, template: name)
    }
}
