import Foundation
import PortalModel
import Yams

/// Typed, position-aware access to one YAML mapping. Every wrong or missing field is
/// reported at the node it concerns (so type errors carry a position, which Codable
/// cannot give) and the reader carries on, so all problems are found in one run.
struct FieldReader {
    let document: YAMLDocument
    let node: Node
    let mapping: Node.Mapping
    let sink: DiagnosticSink
    /// What the mapping is, for messages: "scenario", "tier 'basic'".
    let what: String

    init?(_ node: Node, in document: YAMLDocument, sink: DiagnosticSink, what: String) {
        guard let mapping = node.mapping else {
            sink.report(
                document.location(of: node),
                "\(what) must be a set of `key: value` fields, found \(node.kindName): write one field per line as "
                    + "`key: value`"
            )
            return nil
        }
        self.document = document
        self.node = node
        self.mapping = mapping
        self.sink = sink
        self.what = what
    }

    var location: SourceLocation { document.location(of: node) }

    func node(_ key: String) -> Node? { mapping[key] }

    /// File line of `key`'s value (of the mapping when the key is absent).
    func line(of key: String) -> Int {
        document.location(of: mapping[key] ?? node).line
    }

    func has(_ key: String) -> Bool { mapping[key] != nil }

    func error(_ node: Node, _ message: String) {
        sink.report(document.location(of: node), message)
    }

    /// The value of a required key, or a "missing" diagnostic saying what to add:
    /// `key: hint`, or `advice` verbatim when given.
    func required(_ key: String, hint: String, advice: String? = nil) -> Node? {
        guard let value = mapping[key] else {
            sink.report(location, "\(what) has no '\(key)': add \(advice ?? "`\(key): \(hint)`")")
            return nil
        }
        return value
    }

    /// Required, non-empty text.
    func text(_ key: String, hint: String = "<text>") -> String? {
        guard let value = required(key, hint: hint) else { return nil }
        return textValue(value, key: key)
    }

    /// Optional text: nil when the key is absent or null.
    func optionalText(_ key: String) -> String? {
        guard let value = mapping[key], !value.isNull else { return nil }
        return textValue(value, key: key)
    }

    /// A key that must be present and holds text or null ("/" in the source).
    func nullableText(_ key: String, advice: String) -> String?? {
        guard let value = required(key, hint: "", advice: advice) else { return nil }
        if value.isNull { return .some(nil) }
        return textValue(value, key: key).map { .some($0) }
    }

    func textValue(_ value: Node, key: String) -> String? {
        guard let scalar = value.scalar, !value.isNull else {
            error(
                value,
                "'\(key)' must be text, found \(value.kindName): write the text after `\(key): ` (in quotes if it "
                    + "looks like a number, a date, yes/no or a list)"
            )
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        guard !text.isEmpty else {
            error(value, "'\(key)' is empty: write the text, or remove the field")
            return nil
        }
        return text
    }

    /// Required whole number within `range`.
    func int(_ key: String, in range: ClosedRange<Int>, hint: String = "<number>") -> Int? {
        guard let value = required(key, hint: hint) else { return nil }
        return intValue(value, key: key, in: range)
    }

    /// Optional whole number; nil when absent or null.
    /// `why`: said instead of the plain range message when the number is out of range.
    func optionalInt(_ key: String, in range: ClosedRange<Int>, why: String? = nil) -> Int? {
        guard let value = mapping[key], !value.isNull else { return nil }
        return intValue(value, key: key, in: range, why: why)
    }

    private func intValue(_ value: Node, key: String, in range: ClosedRange<Int>, why: String? = nil) -> Int? {
        guard value.scalar != nil, let number = Self.plainDigits(value) ?? value.int else {
            error(
                value,
                "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), found "
                    + "\(value.kindName): write the number in digits"
            )
            return nil
        }
        guard range.contains(number) else {
            if let why, number < range.lowerBound {
                error(value, "'\(key)' is \(number): \(why)")
            } else {
                error(
                    value,
                    "'\(key)' is \(number), outside \(range.lowerBound)…\(range.upperBound): use a number in that range"
                )
            }
            return nil
        }
        return number
    }

    /// A plain scalar of decimal digits without a leading zero (what nearly every number
    /// field holds), read directly: Yams' reader tries every YAML integer form through
    /// Foundation for each. Anything else (signs, `0x…`, octal `0…`, `1_000`) is Yams'.
    private static func plainDigits(_ node: Node) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return nil }
        let utf8 = scalar.string.utf8
        guard (1...18).contains(utf8.count), utf8.first != UInt8(ascii: "0"),
            utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(scalar.string)
    }

    /// Required number (integer or decimal).
    func number(_ key: String) -> Double? {
        guard let value = required(key, hint: "<number>") else { return nil }
        guard value.scalar != nil, let number = value.float ?? value.int.map(Double.init) else {
            error(
                value, "'\(key)' must be a number, found \(value.kindName): write it in digits, such as 350 or 1200.5")
            return nil
        }
        return number
    }

    /// Required list.
    func list(_ key: String, hint: String) -> [Node]? {
        guard let value = required(key, hint: hint) else { return nil }
        guard let sequence = value.sequence else {
            error(
                value,
                "'\(key)' must be a list, found \(value.kindName): write each entry on its own line starting with `- `")
            return nil
        }
        return Array(sequence)
    }

    /// Required nested mapping.
    func fields(_ key: String, hint: String, what nested: String) -> FieldReader? {
        guard let value = required(key, hint: hint) else { return nil }
        return FieldReader(value, in: document, sink: sink, what: nested)
    }

    /// Reports keys that are not in `allowed`: a misspelt key would otherwise be ignored.
    func rejectUnknownKeys(_ allowed: [String]) {
        for key in mapping.keys {
            let name = key.string ?? "?"
            if !allowed.contains(name) {
                error(key, "unknown field '\(name)' in \(what): expected one of \(allowed.joined(separator: ", "))")
            }
        }
    }
}

extension Node {
    var isNull: Bool {
        scalar != nil && null != nil
    }

    var kindName: String {
        switch self {
        case .mapping: return "a set of fields"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "null" }
            return "'\(scalar.string.prefix(20))'"
        }
    }
}
