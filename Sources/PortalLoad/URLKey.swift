extension String {
    /// Usable as a part of the site's URLs as it is: lower-case ASCII letters, digits and
    /// '-' (tier ids, region parts, page slugs). Not checked for emptiness.
    var isURLKey: Bool {
        allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
}
