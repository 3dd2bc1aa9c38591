/// The site's own words (Templates/strings.zh-CN.yaml): every text by its key
/// (`section.key`), in the file's order. Swift reads the keys it knows by `TextKey` (the
/// loader refuses a file that lacks one, so those lookups always find their text);
/// templates and scripts read the others by name, checked when they load.
public struct UIText: Sendable {
    /// The strings file, in the templates folder.
    public static let fileName = "strings.zh-CN.yaml"

    /// Each text cut once into its literal runs and `{placeholders}`: views ask for these
    /// words thousands of times (every scenario page), so the text is not scanned for
    /// braces, character by character, on every request.
    public struct Entry: Sendable {
        public let text: String
        /// Literal runs and placeholder names in order; empty when there are none.
        public let parts: [(literal: Substring, name: Substring?)]
        /// Where the text is in the strings file.
        public let location: SourceLocation
    }

    /// The file's sections in order, each with its keys in order.
    public let sections: [(name: String, keys: [String])]
    private let entries: [String: Entry]

    /// `texts` in the file's order; they must hold every `TextKey` (the loader checks).
    public init(_ texts: [(key: String, text: String, location: SourceLocation)]) {
        var entries: [String: Entry] = [:]
        var sections: [(name: String, keys: [String])] = []
        for (key, text, location) in texts {
            entries[key] = Entry(text: text, parts: Self.parts(of: text), location: location)
            let section = String(key.prefix { $0 != "." })
            if sections.last?.name == section {
                sections[sections.count - 1].keys.append(key)
            } else {
                sections.append((section, [key]))
            }
        }
        let missing = TextKey.allCases.filter { entries[$0.rawValue] == nil }
        precondition(missing.isEmpty, "UIText without \(missing.map(\.rawValue))")
        self.entries = entries
        self.sections = sections
    }

    /// The text of `key` (`section.key`), if the file has it.
    public func entry(_ key: String) -> Entry? { entries[key] }

    /// The text of `key` with its `{placeholders}` filled in from `values`.
    public func callAsFunction(_ key: TextKey, _ values: [String: any CustomStringConvertible] = [:]) -> String {
        // Every TextKey is there: the initialiser requires it.
        guard let entry = entries[key.rawValue] else { return key.rawValue }
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
