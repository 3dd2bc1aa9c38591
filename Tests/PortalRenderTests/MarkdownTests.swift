import PortalModel
import PortalRender
import Testing

/// cmark-gfm with GitHub's extensions, in safe mode.
@Suite struct MarkdownTests {
    @Test func rendersTablesAndStrikethroughAndAutolinks() {
        let html = Markdown.html("| 层级 | 场景数 |\n|---|---|\n| 基础级 | 5 |\n\n~~旧~~ 见 https://example.org/a")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>层级</th>"))
        #expect(html.contains("<td>基础级</td>"))
        #expect(html.contains("<del>旧</del>"))
        #expect(html.contains("<a href=\"https://example.org/a\">https://example.org/a</a>"))
    }

    @Test func dropsRawHTML() {
        let html = Markdown.html(
            "<script>alert(1)</script>\n\n段落 <img src=x onerror=alert(1)> 结束\n\n<div onclick=\"x()\">块</div>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("<div"))
        #expect(html.contains("raw HTML omitted"))
        #expect(html.contains("段落"))
    }

    @Test func dropsScriptLinks() {
        let html = Markdown.html("[点我](javascript:alert(1)) [图](vbscript:x) [好](https://example.org)")
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(html.contains("href=\"https://example.org\""))
    }

    @Test func escapesTextCharacters() {
        #expect(Markdown.html("a < b & c > d").contains("a &lt; b &amp; c &gt; d"))
        #expect(Markdown.html("`<b>`").contains("<code>&lt;b&gt;</code>"))
    }

    /// Every extension works in every one of many parallel conversions (a parser freed on
    /// one thread once switched strikethrough and autolinks off in the others).
    @Test func isSafeToCallFromManyThreads() {
        let results = Array(0..<2000).parallelMap { n in
            Markdown.html("**\(n)** ~~旧~~ https://example.org/\(n)\n\n| a |\n|---|\n| b |")
        }
        #expect(results.count == 2000)
        #expect(
            results.allSatisfy {
                $0.contains("<strong>") && $0.contains("<table>") && $0.contains("<del>旧</del>")
                    && $0.contains("<a href=")
            })
    }
}
