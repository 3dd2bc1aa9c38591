import Mustache
import PortalDerive

/// Templates write `{{{body}}}` for Markdown fields: the HTML comes from cmark-gfm in
/// safe mode, never from the content verbatim.
extension RichText: MustacheCustomRenderable {
    public var renderText: String { MarkdownCache.shared.html(markdown) }
    public var isNull: Bool { markdown.isEmpty }
}
