/// Trimming without Foundation's NSString bridge, which showed as a sixth of the load
/// stage: thousands of content fields and millions of CSV cells, nearly all with nothing
/// to trim, so the common case returns at once.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs (as Foundation's `.whitespaces`:
    /// Unicode category Zs and U+0009).
    public var trimmingSpaces: String {
        trimming { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// Without leading and trailing white space and line breaks (as Foundation's
    /// `.whitespacesAndNewlines`).
    public var trimmingWhitespace: String {
        trimming { scalar in
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return scalar == "\t" || ("\n"..."\r").contains(scalar) || scalar == "\u{85}"
            }
        }
    }

    private func trimming(_ isBlank: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return String(self) }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }), let end = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
