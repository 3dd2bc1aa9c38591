import CCmarkGFM
import Foundation

/// Markdown → HTML through cmark-gfm, GitHub's C implementation, with the table,
/// strikethrough, autolink and tagfilter extensions. Safe mode (cmark's default, the
/// UNSAFE flag never set): raw HTML is replaced by a comment and `javascript:` links
/// are dropped, so content can never inject markup.
public enum Markdown {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// The extensions, looked up once (registration writes cmark-gfm's global registry).
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.compactMap { cmark_find_syntax_extension($0) }
    }()

    /// One conversion at a time: attaching an extension to a parser adds its characters
    /// (`~` for strikethrough, `:` `w` for autolinks) to a table that is global in this
    /// cmark-gfm, and freeing the parser removes them again — so a parser freed on one
    /// core silently turned off strikethrough and autolinks in a parse on the other (seen
    /// as a flaky test). MarkdownCache keeps the conversions few.
    private static let lock = NSLock()

    public static func html(_ markdown: String) -> String {
        keepCodesWhole(lock.withLock { convert(markdown) })
    }

    /// Codes with hyphens, dots or slashes between letters and digits (GB/T 39116-2020,
    /// release-0002.json) in the text between tags, wrapped in `<span class="nw">` so a
    /// line never breaks inside them (a browser may break after any hyphen). The text
    /// itself is unchanged: only markup is added, never inside a tag, a link's text (a
    /// URL may need to wrap on a phone) or code.
    static func keepCodesWhole(_ html: String) -> String {
        var result = ""
        result.reserveCapacity(html.utf8.count + 64)
        var tag: String?
        var text = ""
        var untouched = 0  // depth of <a> and <code> elements around the text
        func flush() {
            result += untouched > 0 ? text : wrapCodes(text)
            text = ""
        }
        for character in html {
            if var open = tag {
                open.append(character)
                tag = open
                guard character == ">" else { continue }
                result += open
                if open.hasPrefix("<a ") || open == "<a>" || open.hasPrefix("<code") { untouched += 1 }
                if open == "</a>" || open == "</code>" { untouched = max(0, untouched - 1) }
                tag = nil
            } else if character == "<" {
                flush()
                tag = "<"
            } else {
                text.append(character)
            }
        }
        flush()
        return result + (tag ?? "")
    }

    /// `text` with each run of letters and digits joined by `-`, `.` or `/` (the pattern
    /// `[0-9A-Za-z]+(?:[-./][0-9A-Za-z]+)+`, by whole characters) in a nowrap span.
    /// Scanned by hand: a Regex literal is parsed anew each time it is evaluated, and
    /// every Markdown conversion runs this.
    static func wrapCodes(_ text: String) -> String {
        func isWordCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber)
        }
        func isJoiner(_ character: Character) -> Bool { character == "-" || character == "." || character == "/" }
        let characters = Array(text)
        var result = ""
        var plainStart = 0, index = 0
        while index < characters.count {
            guard isWordCharacter(characters[index]) else { index += 1; continue }
            let start = index
            while index < characters.count && isWordCharacter(characters[index]) { index += 1 }
            var end = index, joined = false
            // Each joiner counts only when letters or digits follow it.
            while end + 1 < characters.count && isJoiner(characters[end]) && isWordCharacter(characters[end + 1]) {
                end += 1
                while end < characters.count && isWordCharacter(characters[end]) { end += 1 }
                joined = true
            }
            guard joined else { continue }
            result +=
                String(characters[plainStart..<start]) + "<span class=\"nw\">" + String(characters[start..<end])
                + "</span>"
            plainStart = end
            index = end
        }
        return plainStart == 0 ? text : result + String(characters[plainStart...])
    }

    private static func convert(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for syntax in extensions { cmark_parser_attach_syntax_extension(parser, syntax) }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(html) }
        return String(cString: html)
    }
}

/// HTML of texts already converted in this process. The same requirement text appears on
/// its scenario page, its tier page and several comparisons; it is converted once.
final class MarkdownCache: @unchecked Sendable {
    static let shared = MarkdownCache()
    private var html: [String: String] = [:]
    private let lock = NSLock()

    func html(_ markdown: String) -> String {
        if let hit = lock.withLock({ html[markdown] }) { return hit }
        let converted = Markdown.html(markdown)
        lock.withLock { html[markdown] = converted }
        return converted
    }
}
