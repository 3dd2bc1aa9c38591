import Foundation
import PortalLoad
import PortalModel
@testable import PortalRender
import PortalTestSupport
import Testing

/// Templates and scripts read the site's words from the strings file by key: replaced when
/// the template loads (escaped, placeholders read from the page), a section written whole
/// as JSON for a script, and every key checked where it is written.
@Suite struct TemplateWordsTests {
    static let location = SourceLocation(path: "strings.zh-CN.yaml", line: 1, column: 1)

    /// Words with every TextKey (the real file's) plus `extra`.
    static func words(_ extra: [(String, String)] = []) -> TemplateWords {
        let base = TextKey.allCases.map { ($0.rawValue, "x", location) }
        return TemplateWords(UIText(base + extra.map { ($0.0, $0.1, location) }))
    }

    func render(_ template: String, _ context: TemplateValue, words: TemplateWords) throws -> String {
        let compiled = try MustacheParser.parse(template, words: words)
        #expect(compiled.wordProblems.isEmpty, "\(compiled.wordProblems)")
        let renderer = TemplateRenderer(templates: ["t": compiled])
        return String(decoding: renderer.render(context, template: "t") ?? [], as: UTF8.self)
    }

    @Test func aKeyIsItsTextEscapedWithItsPlaceholdersReadFromThePage() throws {
        let words = Self.words([
            ("t.share", "本表 {figures} 个数字中 {withheld} 个 <不公布>"), ("t.tier", "{tier.name}智能工厂"),
            ("t.levels", "分为 {count(levels)} 级"), ("t.here", "（{.}）"),
        ])
        let context = TemplateValue.object([
            "figures": .number(40), "withheld": .text("<3"),
            "tier": .object(["name": .text("基础级")]), "levels": .list([.number(1), .number(2)]),
        ])
        #expect(try render("{{words.t.share}}", context, words: words) == "本表 40 个数字中 &lt;3 个 &lt;不公布&gt;")
        #expect(try render("{{{words.t.share}}}", context, words: words) == "本表 40 个数字中 <3 个 <不公布>")
        #expect(try render("{{words.t.tier}}|{{words.t.levels}}", context, words: words) == "基础级智能工厂|分为 2 级")
        #expect(
            try render(
                "{{#tier}}{{words.t.here}}{{/tier}}{{#figures}}{{words.t.here}}{{/figures}}", context, words: words)
                == "（）（40）")
    }

    @Test func aSectionIsWrittenWholeAsJSONForAScript() throws {
        let words = Self.words([("demo_js.shown", "显示 {count} 个"), ("demo_js.quote", "“</script>”\\")])
        #expect(
            try render("{{{words.demo_js}}}", .object([:]), words: words)
                == #"{"shown": "显示 {count} 个", "quote": "“\u003c/script>”\\"}"#)
    }

    @Test func aKeyTheFileLacksIsAProblemWhereItIsWritten() throws {
        let compiled = try MustacheParser.parse(
            "<p>\n  {{words.page.hme}} {{#words.page.home}}x{{/words.page.home}}\n{{words.page_js}}</p>",
            words: Self.words())
        #expect(
            compiled.wordProblems.map { "\($0.line):\($0.column) \($0.message)" } == [
                "2:3 the strings file has no text 'page.hme': add it to strings.zh-CN.yaml (a section, then `key: "
                    + "text`) or correct the name",
                "2:22 words are written, not tested: write {{words.section.key}} without # or ^",
                "3:1 the strings file has no text 'page_js': add it to strings.zh-CN.yaml (a section, then `key: "
                    + "text`) or correct the name",
            ])
        let escapedSection = try MustacheParser.parse("{{words.page}}", words: Self.words())
        #expect(
            escapedSection.wordProblems.first?.message.hasPrefix(
                "a section of words is written as JSON for a script, unescaped") == true)
    }

    @Test func theTemplateSetReportsWordProblemsAtTheirFileAndRecordsTheKeysItReads() throws {
        let root = Scratch.folder("portal-words") + "/Templates"
        try FileManager.default.copyItem(atPath: TemplateSetTests.realTemplates, toPath: root)
        let text = try UITextLoader.load(templates: TemplateSetTests.realTemplates)
        let set = try TemplateSet.load(from: root, words: TemplateWords(text))
        #expect(set.wordKeys.contains("layout.skip_link") && set.wordKeys.contains("self_check_js"))
        let path = root + "/partials/pager.mustache"
        try "<nav>\n{{words.layout.pager_nxt}}</nav>\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticList.self) {
            try TemplateSet.load(from: root, words: TemplateWords(text))
        }
        #expect(
            error?.description
                == "\(path):2:1: error: the strings file has no text 'layout.pager_nxt': add it to strings.zh-CN.yaml"
                + " (a section, then `key: text`) or correct the name"
        )
    }

    @Test func aScriptShowsOnlyWordsOfItsOwnSection() throws {
        let text = UIText(
            TextKey.allCases.map { ($0.rawValue, "x", Self.location) } + [("demo_js.shown", "显示", Self.location)])
        let source = """
            var say = window.PortalWords("demo_js");
            say("shown"); say("shwn", {count: 2});
            var other = window.PortalWords("site_js"); say(key);
            """
        let found = ScriptWords.check(source, section: "demo_js", path: "demo.js", text: text)
        #expect(found.keys == ["demo_js.shown"])
        #expect(
            found.problems.map(\.description) == [
                "demo.js:3:20: error: a script reads its own words: write PortalWords(\"demo_js\") (the section named"
                    + " after the file)",
                "demo.js:2:15: error: the strings file has no text 'demo_js.shwn': add `shwn: <text>` to its section "
                    + "'demo_js' or correct the key",
                "demo.js:3:44: error: say() takes the key as a literal, as say(\"key\"): the check must see which "
                    + "words a script shows",
            ])
        #expect(ScriptWords.section(of: "self-check.js") == "self_check_js")
        let missing = ScriptWords.check(
            "var say = window.PortalWords(\"nope_js\");", section: "nope_js", path: "nope.js", text: text)
        #expect(
            missing.problems.map(\.message) == [
                "the strings file has no section 'nope_js': add it (the words this script shows) to strings.zh-CN.yaml"
            ])
    }

    @Test func theRealScriptsShowOnlyWordsTheFileHas() throws {
        let text = try UITextLoader.load(templates: TemplateSetTests.realTemplates)
        let found = ScriptWords.check(assets: TemplateSetTests.realTemplates + "/assets", text: text)
        #expect(found.problems.isEmpty, "\(found.problems)")
        #expect(found.keys.contains("self_check_js.scenarios_short") && found.keys.contains("search_js.only_partial"))
    }
}
