@testable import PortalDerive
@testable import PortalRender
import Testing

/// What the templates use beyond the specification: the functions of a list item's place
/// (`first()`, `last()`, `index()`, `even()`, `odd()`), functions of values (`empty(x)`,
/// `count(x)`), `'` escaped for attributes, Markdown that is empty counting as false,
/// and the syntax errors the template check reports.
@Suite struct TemplateRendererTests {
    func render(_ template: String, _ value: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var templates = try partials.mapValues { try MustacheParser.parse($0) }
        templates["main"] = try MustacheParser.parse(template)
        return String(
            decoding: try #require(TemplateRenderer(templates: templates).render(value, template: "main")),
            as: UTF8.self)
    }

    func parseError(_ template: String) -> MustacheParser.SyntaxError? {
        do { _ = try MustacheParser.parse(template); return nil } catch { return error }
    }

    let letters = TemplateValue.object(["list": .list([.text("a"), .text("b"), .text("c"), .text("d")])])

    @Test func firstAndLastMarkTheEnds() throws {
        #expect(
            try render(
                "{{#list}}{{#first()}}[{{/first()}}{{.}}{{^last()}},{{/last()}}{{#last()}}]{{/last()}}{{/list}}",
                letters) == "[a,b,c,d]")
        #expect(try render("{{#list}}{{^first()}}-{{/first()}}{{.}}{{/list}}", letters) == "a-b-c-d")
    }

    @Test func indexEvenAndOddCountFromZero() throws {
        #expect(
            try render("{{#list}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}} {{/list}}", letters)
                == "0e 1o 2e 3o ")
    }

    @Test func aNestedObjectHasNoPlaceInTheOuterList() throws {
        let value = TemplateValue.object(["list": .list([.object(["inner": .object(["x": .text("1")])])])])
        #expect(try render("{{#list}}{{#inner}}{{#first()}}F{{/first()}}{{x}}{{/inner}}{{/list}}", value) == "1")
    }

    @Test func functionsOfValues() throws {
        let value = TemplateValue.object([
            "list": .list([.number(1), .number(2)]), "none": .list([]), "name": .text("Ab"),
        ])
        #expect(
            try render(
                "{{count(list)}} {{#empty(none)}}empty{{/empty(none)}} {{^empty(list)}}full{{/empty(list)}} {{first("
                    + "list)}}{{last(list)}}",
                value) == "2 empty full 12")
        #expect(
            try render("{{#reversed(list)}}{{.}}{{/reversed(list)}} {{lowercased(name)}}{{uppercased(name)}}", value)
                == "21 abAB")
    }

    @Test func anEmptyListIsFalseAndKeepsTheScope() throws {
        let value = TemplateValue.object(["list": .list([]), "name": .text("n")])
        #expect(try render("{{^list}}none {{name}}{{/list}}{{#list}}some{{/list}}", value) == "none n")
    }

    @Test func escapesEverythingThatCanEndAnAttribute() throws {
        let value = TemplateValue.object(["x": .text("<a href='1' title=\"2\">&</a>")])
        #expect(try render("{{x}}", value) == "&lt;a href=&#39;1&#39; title=&quot;2&quot;&gt;&amp;&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{&x}}", value) == "<a href='1' title=\"2\">&</a>|<a href='1' title=\"2\">&</a>")
    }

    @Test func emptyMarkdownIsFalse() throws {
        let value = TemplateValue.object(["empty": .richText(RichText("")), "body": .richText(RichText("*b*"))])
        #expect(
            try render("{{#empty}}E{{/empty}}{{^empty}}none{{/empty}}|{{#body}}{{{body}}}{{/body}}", value)
                == "none|<p><em>b</em></p>\n")
    }

    @Test func aStandalonePartialIndentsEachOfItsLines() throws {
        let value = TemplateValue.object(["items": .list([.text("x"), .text("y")])])
        let output = try render(
            "<ul>\n  {{> item}}\n</ul>\n", value, partials: ["item": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n"])
        #expect(output == "<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\n")
    }

    @Test func indentationAddsUpThroughNestedPartials() throws {
        let output = try render(
            "<body>\n  {{> outer}}\n</body>\n", .object([:]),
            partials: ["outer": "<div>\n  {{> inner}}\n</div>\n", "inner": "<p>\n</p>\n"])
        #expect(output == "<body>\n  <div>\n    <p>\n    </p>\n  </div>\n</body>\n")
    }

    @Test func theCallersOverrideWinsOverTheParentsOwn() throws {
        let output = try render(
            "{{<page}}{{$title}}mine{{/title}}{{/page}}", .object([:]),
            partials: [
                "page": "{{<layout}}{{$title}}page's{{/title}}{{/layout}}",
                "layout": "<h1>{{$title}}layout's{{/title}}</h1>",
            ])
        #expect(output == "<h1>mine</h1>")
    }

    @Test func syntaxErrorsSayWhereAndWhat() throws {
        let unclosed = try #require(parseError("<p>\n  {{#items}}\n<b>{{name}}</b>\n"))
        #expect((unclosed.line, unclosed.column) == (2, 3))
        #expect(unclosed.message == "the section {{#items}} opened here is never closed: add {{/items}} where it ends")
        let wrong = try #require(parseError("{{#a}}x{{/b}}"))
        #expect((wrong.line, wrong.column) == (1, 8))
        #expect(wrong.message.hasPrefix("a section is closed with a different name than it was opened with"))
        #expect(parseError("a {{name")?.message == "the tag is not closed: end it with }}")
        #expect(parseError("x{{/a}}")?.message.hasPrefix("{{/a}} closes a section that is not open") == true)
        #expect(
            parseError("{{<layout}}{{title}}{{/layout}}")?.message.hasPrefix(
                "inside {{<layout}}…{{/layout}} only {{$name}}…{{/name}} overrides are allowed") == true)
        #expect(parseError("{{#firts()}}{{/firts()}}")?.message.hasPrefix("unknown function 'firts()'") == true)
        #expect(parseError("{{empty()}}")?.message == "'empty()' needs a name, as empty(list)")
        #expect(parseError("{{=<% %>=}}<%a%>") == nil)
        #expect(parseError("中文{{#a}}").map { ($0.line, $0.column) }! == (1, 3))
    }
}

@Suite struct MarkdownCodesTests {
    @Test func codesAreWrappedWholeAndTheTextStaysTheSame() {
        let html = Markdown.html("按 GB/T 39116-2020 评估，见 [文件](https://a.b/c-d.json) 与 release-0002.json。")
        #expect(html.contains("<span class=\"nw\">39116-2020</span>"))
        #expect(html.contains("<span class=\"nw\">release-0002.json</span>"))
        #expect(html.contains("href=\"https://a.b/c-d.json\""))  // never inside a tag
        let text = html.replacingOccurrences(of: "<span class=\"nw\">", with: "").replacingOccurrences(
            of: "</span>", with: "")
        #expect(
            text
                == Markdown.keepCodesWhole(text).replacingOccurrences(of: "<span class=\"nw\">", with: "")
                .replacingOccurrences(of: "</span>", with: ""))
    }

    /// The hand-written scan wraps exactly what the pattern it stands for matches, on
    /// random strings of letters, digits, joiners, Chinese, spaces and combining marks.
    @Test func theScanMatchesThePattern() {
        let pieces = ["a", "Z", "7", "0", "-", ".", "/", " ", "中", "，", "&amp;", "e\u{301}", "GB", "39116", "--", "./"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let expected = text.replacing(/[0-9A-Za-z]+(?:[\-.\/][0-9A-Za-z]+)+/) {
                "<span class=\"nw\">\($0.output)</span>"
            }
            #expect(Markdown.wrapCodes(text) == expected, "\(text)")
        }
    }
}

/// The types TemplateTree writes directly give the tree their `Encodable` conformance
/// gives (every page of the real site is held to it in PortalSiteTests' DirectTreeTests).
@Suite struct TemplateTreeTests {
    @Test func directTreesAreTheEncodersTrees() throws {
        for link in [Link(label: "层级要求", href: "../tiers/index.html"), Link(label: "", href: "#a", current: true)] {
            #expect(try TemplateTree.make(link) == TemplateTree.encoded(link))
        }
        let tier = TierRef(id: "basic", name: "基础级", href: "../../tiers/basic/index.html")
        #expect(try TemplateTree.make(tier) == TemplateTree.encoded(tier))
        // A nil optional is left out, as the Encoder leaves it.
        let cell = MatrixCell(tier: tier, defined: false, text: nil, href: "#basic")
        #expect(try TemplateTree.make(cell) == TemplateTree.encoded(cell))
        #expect(try TemplateTree.make(cell).child("text") == nil)
    }
}
