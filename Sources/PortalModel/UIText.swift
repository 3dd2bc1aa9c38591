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
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name].map { String(describing: $0) } ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The `{name}` placeholders in a text.
    public static func placeholders(in text: String) -> [Substring] {
        var names: [Substring] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
