import PortalDerive

/// A view model as the compiled templates read it: a typed tree instead of `Any`, so a
/// lookup is a field read and a switch, never a dynamic cast.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case real(Double)
    case flag(Bool)
    case list([TemplateValue])
    /// A struct: its non-nil fields by name.
    case object(TemplateFields)
    /// Markdown, written as HTML by cmark-gfm (safe mode) when rendered.
    case richText(RichText)

    /// The field `name` of an object; nil for every other value (a string, number or
    /// list has no named children).
    func child(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

/// An object's fields in the order they were set. Why not a dictionary: a view model has
/// a handful of fields with short names (inline small strings, compared as two words),
/// so a scan beats hashing each name with SipHash — on every field written and on every
/// level of the context stack a name climbs. An object with many fields (a dictionary
/// encoded as one) keeps an index so a lookup never scans far.
public struct TemplateFields: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private(set) var names: [String] = []
    private(set) var values: [TemplateValue] = []
    private var index: [String: Int]?
    private static let scanLimit = 16

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        for (name, value) in elements { self[name] = value }
    }

    public init(_ fields: [String: TemplateValue]) {
        for (name, value) in fields { self[name] = value }
    }

    /// A struct's fields, in order, names distinct (as a struct's are, so none is
    /// searched for while they are set); nil values left out.
    init(ordered fields: KeyValuePairs<String, TemplateValue?>) {
        names.reserveCapacity(fields.count)
        values.reserveCapacity(fields.count)
        for (name, value) in fields {
            guard let value else { continue }
            names.append(name)
            values.append(value)
        }
        if names.count > Self.scanLimit { reindex() }
    }

    /// Equal when they hold the same fields in the same order (as one view model type
    /// always writes them).
    public static func == (lhs: TemplateFields, rhs: TemplateFields) -> Bool {
        lhs.names == rhs.names && lhs.values == rhs.values
    }

    public var count: Int { names.count }
    public var isEmpty: Bool { names.isEmpty }

    public subscript(name: String) -> TemplateValue? {
        get { position(of: name).map { values[$0] } }
        set {
            if let at = position(of: name) {
                if let newValue { values[at] = newValue } else { remove(at: at) }
                return
            }
            guard let newValue else { return }
            names.append(name)
            values.append(newValue)
            if index != nil {
                index![name] = names.count - 1
            } else if names.count > Self.scanLimit {
                reindex()
            }
        }
    }

    private func position(of name: String) -> Int? {
        if let index { return index[name] }
        return names.firstIndex(of: name)
    }

    private mutating func remove(at position: Int) {
        names.remove(at: position)
        values.remove(at: position)
        if index != nil { reindex() }
    }

    private mutating func reindex() {
        index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }
}
