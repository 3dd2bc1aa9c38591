import PortalDerive

/// A view model as the compiled templates read it: a typed tree instead of `Any`, so a
/// lookup is a dictionary read and a switch, never a dynamic cast.
public indirect enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case real(Double)
    case flag(Bool)
    case list([TemplateValue])
    /// A struct: its non-nil fields by name.
    case object([String: TemplateValue])
    /// Markdown, written as HTML by cmark-gfm (safe mode) when rendered.
    case richText(RichText)

    /// The field `name` of an object; nil for every other value (as swift-mustache finds
    /// no named child in a string, number or list).
    func child(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

extension TemplateValue {
    /// The tree as swift-mustache reads it (`[String: Any]`, `[Any]`, scalars, RichText as
    /// a custom-rendered value): what the reference renderer is given in tests.
    public var anyTree: Any {
        switch self {
        case .text(let text): return text
        case .number(let number): return number
        case .real(let number): return number
        case .flag(let flag): return flag
        case .list(let items): return items.map(\.anyTree)
        case .object(let fields): return fields.mapValues(\.anyTree)
        case .richText(let rich): return rich
        }
    }
}
