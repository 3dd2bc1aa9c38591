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
        entries = texts.mapValues { text in
            var parts: [(literal: Substring, name: Substring?)] = []
            var rest = text[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                parts.append((rest[..<open], rest[rest.index(after: open)..<close]))
                rest = rest[rest.index(after: close)...]
            }
            if !parts.isEmpty { parts.append((rest, nil)) }
            return Entry(text: text, parts: parts)
        }
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
        var names: [Substring] = []
        _ = filling(text) { name, _ in names.append(name); return "" }
        return names
    }

    /// `text` with each `{name}` replaced by `replace(name, "{name}")`.
    private static func filling(_ text: String, _ replace: (Substring, Substring) -> String) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += replace(rest[rest.index(after: open)..<close], rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
