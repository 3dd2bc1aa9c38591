import PortalModel

/// Content/pages/<slug>.md → Page, published at /<slug>/.
enum PageLoader {
    /// First path segments the generator uses itself (the page catalogue's); a page may
    /// not take them.
    static let reservedSlugs = PageKind.reservedSlugs

    static func load(_ file: ContentFile, sink: DiagnosticSink) -> Page? {
        load(file, sink: sink, slug: nil)
    }

    /// `slug`: the page's fixed URL path where the generator decides it (the method page).
    static func load(_ file: ContentFile, sink: DiagnosticSink, slug fixedSlug: String?) -> Page? {
        let slug = fixedSlug ?? String(file.name.dropLast(".md".count))
        guard fixedSlug != nil || slug.isURLKey, !slug.isEmpty,
            fixedSlug != nil || !reservedSlugs.contains(slug)
        else {
            sink.report(
                SourceLocation(path: file.path, line: 1, column: 1),
                "the page file name '\(file.name)' cannot be a URL: use lower-case letters, digits and '-', and none "
                    + "of \(reservedSlugs.sorted().joined(separator: ", "))"
            )
            return nil
        }
        guard let (document, body) = file.frontMatter(sink: sink),
            let fields = FieldReader(document.root, in: document, sink: sink, what: "the page's front matter")
        else { return nil }
        fields.rejectUnknownKeys(["title", "nav", "order"])
        guard let title = fields.text("title", hint: "<page title>") else { return nil }
        return Page(
            slug: slug, title: title, nav: fields.optionalText("nav") ?? title,
            order: fields.optionalInt("order", in: 0...999) ?? 100, markdown: body.text,
            source: SourceFile(path: file.path, bodyLine: body.line))
    }
}
