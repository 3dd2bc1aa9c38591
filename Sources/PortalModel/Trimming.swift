/// Trimming without Foundation's NSString bridge, which showed as a sixth of the load
/// stage: thousands of content fields and millions of CSV cells, nearly all with nothing
/// to trim, so the common case returns at once.
extension String {
    /// Without leading and trailing spaces and tabs (as Foundation's `.whitespaces`:
    /// Unicode category Zs and U+0009).
    public var trimmingSpaces: String {
        trimming { $0 == "\t" || $0.isSpaceSeparator }
    }

    /// Without leading and trailing white space and line breaks (as Foundation's
    /// `.whitespacesAndNewlines`).
    public var trimmingWhitespace: String {
        trimming { scalar in
            scalar.isSpaceSeparator || scalar == "\t" || ("\n"..."\r").contains(scalar) || scalar == "\u{85}"
                || scalar == "\u{2028}" || scalar == "\u{2029}"  // Zl, Zp
        }
    }

    private func trimming(_ isBlank: (Unicode.Scalar) -> Bool) -> String {
        // Most cells start and end with a visible ASCII character: nothing to look up.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isBlank(first) || isBlank(last) else { return self }
        guard let start = scalars.firstIndex(where: { !isBlank($0) }),
            let end = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        // Copied as UTF-8 in one piece, not rebuilt scalar by scalar.
        return String(scalars[start...end])
    }
}

extension Unicode.Scalar {
    /// General category Zs, spelled out: a general-category lookup per character is
    /// costly over millions of CSV cells, and the set is fixed by Unicode's stability
    /// policy.
    var isSpaceSeparator: Bool {
        switch value {
        case 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
