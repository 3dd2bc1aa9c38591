import CCmarkGFM
import Foundation

/// Markdown → HTML through cmark-gfm, GitHub's C implementation, with the table,
/// strikethrough, autolink and tagfilter extensions. Safe mode (cmark's default, the
/// UNSAFE flag never set): raw HTML is replaced by a comment and `javascript:` links
/// are dropped, so content can never inject markup.
public enum Markdown {
    /// Extension registration and parsing touch global state inside cmark-gfm, so every
    /// call goes through this lock.
    private static let lock = NSLock()
    private static let extensions = ["table", "strikethrough", "autolink", "tagfilter"]
    nonisolated(unsafe) private static var registered = false

    public static func html(_ markdown: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if !registered {
            cmark_gfm_core_extensions_ensure_registered()
            registered = true
        }
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
