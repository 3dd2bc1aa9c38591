/// The site's own words (Templates/strings.zh-CN.yaml), complete: the loader refuses a
/// file that lacks a key, so every lookup finds its text.
public struct UIText: Sendable {
    private let texts: [TextKey: String]

    /// `texts` must hold every key (the loader checks; a test builds one from the file).
    public init(_ texts: [TextKey: String]) {
        let missing = TextKey.allCases.filter { texts[$0] == nil }
        precondition(missing.isEmpty, "UIText without \(missing.map(\.rawValue))")
        self.texts = texts
    }

    /// The text of `key` with its `{placeholders}` filled in from `values`.
    public func callAsFunction(_ key: TextKey, _ values: [String: any CustomStringConvertible] = [:]) -> String {
        let text = texts[key]!
        guard !values.isEmpty, text.contains("{") else { return text }
        return Self.filling(text) { name, placeholder in values[String(name)].map { String(describing: $0) } ?? String(placeholder) }
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
