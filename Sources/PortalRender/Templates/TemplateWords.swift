import PortalModel

/// The site's words as templates read them: `{{words.section.key}}` is replaced, when the
/// template is loaded, by the text of `section.key` in the strings file — its literal runs
/// already escaped and its `{placeholders}` turned into tags that read the page's view
/// model (`{count}` becomes `{{count}}`). So the words cost nothing per page, a key the
/// file lacks is a load error at the tag, and templates hold markup only.
///
/// `{{{words.section}}}` (unescaped) writes a whole section as a JSON object, keys to
/// texts with their placeholders kept: the words of a script, read by `PortalWords` in
/// site.js inside a `<script type="application/json">` block.
public struct TemplateWords: Sendable {
    /// The name a template writes before a key.
    public static let root = "words"

    let text: UIText

    public init(_ text: UIText) { self.text = text }

    /// Identifies the words, so caches of rendered pages know when to forget.
    var fingerprint: String {
        text.sections.flatMap(\.keys).map { $0 + "\u{1}" + (text.entry($0)?.text ?? "") }.joined(separator: "\u{2}")
    }

    /// What a `words` tag stands for, or why it stands for nothing.
    enum Resolution {
        case nodes([CompiledTemplate.Node], key: String)
        case problem(String)
    }

    /// The nodes of `{{words.…}}` (`path` after `words`), escaped or not as the tag is.
    func resolve(_ path: ArraySlice<String>, escaped: Bool) -> Resolution {
        let key = path.joined(separator: ".")
        if path.count == 2, let entry = text.entry(key) { return .nodes(Self.nodes(entry, escaped: escaped), key: key) }
        if path.count == 1, let section = text.sections.first(where: { $0.name == key }) {
            guard !escaped else {
                return .problem(
                    "a section of words is written as JSON for a script, unescaped: write {{{words.\(key)}}} inside "
                        + "<script type=\"application/json\">"
                )
            }
            return .nodes([.text(Array(json(section.keys).utf8))], key: section.name)
        }
        return .problem(
            "the strings file has no text '\(key)': add it to \(UIText.fileName) (a section, then `key: text`) or "
                + "correct the name"
        )
    }

    /// A text as nodes: each literal run as bytes, each placeholder as a tag of its name.
    static func nodes(_ entry: UIText.Entry, escaped: Bool) -> [CompiledTemplate.Node] {
        func literal(_ text: Substring) -> CompiledTemplate.Node? {
            guard !text.isEmpty else { return nil }
            var bytes: [UInt8] = []
            if escaped { HTMLEscaping.append(String(text), to: &bytes) } else { bytes = Array(text.utf8) }
            return .text(bytes)
        }
        guard !entry.parts.isEmpty else { return [literal(entry.text[...])].compactMap { $0 } }
        return entry.parts.flatMap { part -> [CompiledTemplate.Node] in
            [literal(part.literal)].compactMap { $0 } + (part.name.map { placeholder($0, escaped: escaped) } ?? [])
        }
    }

    /// A placeholder as the tag it stands for: `{tier.name}` as `{{tier.name}}`,
    /// `{count(levels)}` as `{{count(levels)}}` — read by the parser, so a placeholder
    /// means exactly what the tag would. One that is not a name writes itself.
    static func placeholder(_ name: Substring, escaped: Bool) -> [CompiledTemplate.Node] {
        let tag = escaped ? "{{\(name)}}" : "{{{\(name)}}}"
        let nodes =
            (try? MustacheParser.parse(tag))?.nodes.filter { if case .lineStart = $0 { false } else { true } } ?? []
        guard !name.contains("{"), !name.contains("}"), nodes.count == 1, case .variable = nodes[0] else {
            return [.text(Array("{\(name)}".utf8))]
        }
        return nodes
    }

    /// A section's texts as one JSON object, in the file's order, safe inside a `<script>`
    /// element (`<` written as `\u003c`, so no `</script>` can end it early).
    func json(_ keys: [String]) -> String {
        let members = keys.compactMap { key -> String? in
            guard let entry = text.entry(key) else { return nil }
            return Self.quoted(String(key.drop { $0 != "." }.dropFirst())) + ": " + Self.quoted(entry.text)
        }
        return "{" + members.joined(separator: ", ") + "}"
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "<": result += "\\u003c"
            case _ where scalar.value < 0x20:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
