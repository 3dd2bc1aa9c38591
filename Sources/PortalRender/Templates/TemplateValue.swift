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

    /// The field `name` of an object; nil for every other value (a string, number or
    /// list has no named children).
    func child(_ name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}
