/// The site's own words (Templates/strings.zh-CN.yaml), complete: the loader refuses a
/// file that lacks a key, so every lookup finds its text.
public struct UIText: Sendable {
    /// Each text cut once into its literal runs and `{placeholders}`: views ask for these
    /// words thousands of times (every scenario page), so the text is not scanned for
    /// braces, character by character, on every request.
    private struct Entry: Sendable {
        let text: String
        /// Literal runs and placeholder names in order; empty when there are none.
        let parts: [(literal: Substring, name: Substring?)]
    }
    private let entries: [TextKey: Entry]

    /// `texts` must hold every key (the loader checks; a test builds one from the file).
    public init(_ texts: [TextKey: String]) {
        let missing = TextKey.allCases.filter { texts[$0] == nil }
        precondition(missing.isEmpty, "UIText without \(missing.map(\.rawValue))")
        entries = texts.mapValues { Entry(text: $0, parts: Self.parts(of: $0)) }
    }

    /// The text of `key` with its `{placeholders}` filled in from `values`.
    public func callAsFunction(_ key: TextKey, _ values: [String: any CustomStringConvertible] = [:]) -> String {
        let entry = entries[key]!
        guard !values.isEmpty, !entry.parts.isEmpty else { return entry.text }
        var result = ""
        for part in entry.parts {
            result += part.literal
            if let name = part.name { result += values[String(name)].map { String(describing: $0) } ?? "{\(name)}" }
        }
        return result
    }

    /// The `{name}` placeholders in a text.
    public static func placeholders(in text: String) -> [Substring] {
        parts(of: text).compactMap(\.name)
    }

    /// `text` cut into literal runs, each followed by the placeholder after it (the last
    /// run by none); empty when the text has no placeholder.
    private static func parts(of text: String) -> [(literal: Substring, name: Substring?)] {
        var parts: [(literal: Substring, name: Substring?)] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            parts.append((rest[..<open], rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if !parts.isEmpty { parts.append((rest, nil)) }
        return parts
    }
}
