import Foundation
import Mustache
import PortalModel

/// The templates of Templates/, parsed once by swift-mustache and compiled for the
/// renderer. A syntax error, a reference to a partial or layout that does not exist, or
/// a missing page template is a diagnostic naming the template file and line:
/// swift-mustache itself would render them as empty text.
public struct TemplateSet: Sendable {
    /// swift-mustache's parse of every template: the reference the compiled renderer is
    /// tested against.
    public let library: MustacheLibrary
    public let names: Set<String>
    let renderer: TemplateRenderer
    /// Identifies the templates' text, so caches of rendered pages know when to forget.
    public var fingerprint = ""

    /// Page templates the site needs; each must exist.
    public static let required = ["layout", "pages/home", "pages/tiers", "pages/tier", "pages/scenarios", "pages/scenario",
                                  "pages/indicators", "pages/indicator", "pages/matrix", "pages/page", "pages/404", "sitemap",
                                  "pages/outcomes", "pages/outcome-indicators", "pages/outcome-scenarios", "pages/records",
                                  "pages/cohorts", "pages/cohort", "pages/method", "pages/compare-index", "pages/compare", "pages/self-check", "pages/search", "pages/data"]

    public static func load(from directory: String) throws(DiagnosticList) -> TemplateSet {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var sources: [String: (path: String, text: String)] = [:]
        var compiled: [String: CompiledTemplate] = [:]
        let files = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        // Each file is read, parsed and compiled on its own core; results in file order.
        let parsed = files.parallelMap { file -> Result<(name: String, path: String, text: String, template: MustacheTemplate, compiled: CompiledTemplate), Diagnostic> in
            let path = root + "/" + file
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                return .failure(Diagnostic(path: path, line: 1, column: 1, "cannot read the template as UTF-8 text: save it as UTF-8"))
            }
            do {
                let template = try MustacheTemplate(string: text)
                return .success((name, path, text, template, try CompiledTemplate(template)))
            } catch let error as MustacheTemplate.ParserError {
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let section = unclosedSection(in: text) {
                    return .failure(Diagnostic(path: path, line: section.line, column: section.column,
                        "template syntax: the section {{\(section.sigil)\(section.name)}} opened here is never closed: add {{/\(section.name)}} where it ends"))
                }
                return .failure(Diagnostic(path: path, line: error.context.lineNumber, column: error.context.columnNumber,
                                           "template syntax: \(describe(error.error))"))
            } catch let error as CompiledTemplate.Unsupported {
                return .failure(Diagnostic(path: path, line: 1, column: 1, error.description))
            } catch {
                return .failure(Diagnostic(path: path, line: 1, column: 1, "template syntax: \(error)"))
            }
        }
        for result in parsed {
            switch result {
            case .success(let file):
                library.register(file.template, named: file.name)
                sources[file.name] = (file.path, file.text)
                compiled[file.name] = file.compiled
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        // Names of every template file, parsed or not: one with a syntax error is reported
        // as such, not also as missing wherever it is included.
        let parsedOrBroken = Set(files.map { String($0.dropLast(".mustache".count)) })
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where !parsedOrBroken.contains(reference.name) {
                diagnostics.append(Diagnostic(path: source.path, line: reference.line, column: reference.column,
                    "template '\(name)' includes '\(reference.name)', which does not exist: create \(root)/\(reference.name).mustache or correct the name"))
            }
        }
        for name in required where !parsedOrBroken.contains(name) {
            diagnostics.append(Diagnostic(path: root + "/" + name + ".mustache", line: 1, column: 1,
                                          "missing template: the site needs \(name).mustache in \(root)/"))
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        var set = TemplateSet(library: library, names: Set(sources.keys), renderer: TemplateRenderer(templates: compiled))
        set.fingerprint = sources.keys.sorted().map { "\($0)\u{1}\(sources[$0]!.text)" }.joined(separator: "\u{2}")
        return set
    }

    /// The template `name` (e.g. "pages/scenario") rendered with `value`, as UTF-8.
    public func render(_ value: TemplateValue, template name: String) -> [UInt8] {
        renderer.render(value, template: name) ?? []
    }

    /// Every `{{…}}` tag: its first character (`#`, `/`, `>`, … or none) and trimmed name,
    /// with its position (1-based).
    static func tags(in text: String) -> [(sigil: Character?, name: String, line: Int, column: Int)] {
        var result: [(Character?, String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.firstRange(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let sigil = tag.first.flatMap { "#^/$<>!&{".contains($0) ? $0 : nil }
                let name = (sigil == nil ? tag : String(tag.dropFirst())).trimmingCharacters(in: .whitespaces)
                result.append((sigil, name, lineIndex + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1))
                rest = afterOpen[close.upperBound...]
            }
        }
        return result
    }

    /// `{{> name}}` and `{{< name}}` tags with their positions.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        tags(in: text).filter { $0.sigil == ">" || $0.sigil == "<" }.map { ($0.name, $0.line, $0.column) }
    }

    /// The innermost section left open at the end: where swift-mustache only sees the end
    /// of the file, the editor needs the tag that opened it.
    static func unclosedSection(in text: String) -> (name: String, sigil: Character, line: Int, column: Int)? {
        var open: [(name: String, sigil: Character, line: Int, column: Int)] = []
        for tag in tags(in: text) {
            switch tag.sigil {
            case "#", "^", "$", "<": open.append((tag.name, tag.sigil!, tag.line, tag.column))
            case "/": if let last = open.last, last.name == tag.name { open.removeLast() }
            default: break
            }
        }
        return open.last
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a different name than it was opened with: match {{#name}} with {{/name}}"
        case .unfinishedName?: return "a tag is not closed: end it with }}"
        case .expectedSectionEnd?: return "a section is never closed: add its {{/name}}"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection?: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return "inside {{<layout}}…{{/layout}} only {{$block}}…{{/block}} sections are allowed"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: return "invalid {{% %}} configuration tag"
        case nil: return "\(error)"
        }
    }
}
