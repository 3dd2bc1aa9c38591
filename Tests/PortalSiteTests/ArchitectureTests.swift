import Foundation
import PortalModel
@testable import PortalRender
import Testing

/// The rules of the code's layout that a compiler does not check: the site's words live
/// in the strings file, and every kind of page in the catalogue has its template.
@Suite struct ArchitectureTests {
    static let sources = SiteBuild.repository + "/Sources"

    /// Code lines (not comments) of every file ending in `suffix` under `folder`, by path:
    /// block comments (/* … */) blanked, lines starting with // dropped and a trailing
    /// " // …" cut off.
    static func codeLines(in folder: String = sources, suffix: String = ".swift") throws -> [(path: String, line: Int, text: String)] {
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(suffix) }.sorted()
        return try files.flatMap { file -> [(String, Int, String)] in
            let text = withoutBlockComments(try String(contentsOfFile: folder + "/" + file, encoding: .utf8))
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { return nil }
                let code = line.range(of: " // ").map { String(line[..<$0.lowerBound]) } ?? String(line)
                return (file, index + 1, code)
            }
        }
    }

    /// `text` with every /* … */ replaced by its line ends, so line numbers stay.
    static func withoutBlockComments(_ text: String) -> String {
        var result = "", rest = Substring(text)
        while let open = rest.range(of: "/*") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "*/") else { rest = ""; break }
            result += String(repeating: "\n", count: rest[open.lowerBound..<close.upperBound].filter { $0 == "\n" }.count)
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
    }

    /// Chinese in code is text a reader sees (or an input format a reader writes), and
    /// belongs in Templates/strings.zh-CN.yaml or Content/. Only synthetic data
    /// (PortalSynth) makes Chinese names, on purpose.
    @Test func noChineseTextInCode() throws {
        let allowed = ["PortalSynth/"]
        let chinese = try Self.codeLines().filter { line in !allowed.contains { line.path.hasPrefix($0) } && Self.hasChinese(line.text) }
        #expect(chinese.isEmpty, "\(chinese.map { "\($0.path):\($0.line): \($0.text)" }.joined(separator: "\n"))")
    }

    /// The browser scripts hold logic only: the words they show come from the page (a
    /// JSON block in its template, read with site.js's PortalWords).
    @Test func noChineseTextInScripts() throws {
        let chinese = try Self.codeLines(in: SiteBuild.repository + "/Templates/assets", suffix: ".js").filter { Self.hasChinese($0.text) }
        #expect(chinese.isEmpty, "\(chinese.map { "\($0.path):\($0.line): \($0.text)" }.joined(separator: "\n"))")
    }

    @Test func everyKindOfPageHasItsTemplateAndAPlaceOfItsOwn() throws {
        let templates = try TemplateSet.load(from: SiteBuild.repository + "/Templates")
        for kind in PageKind.allCases {
            #expect(templates.names.contains("pages/" + kind.entry.template), "\(kind)")
        }
        let routes = PageKind.allCases.map(\.entry.route)
        #expect(Set(routes).count == routes.count)
        #expect(PageKind.reservedSlugs.isSuperset(of: ["tiers", "scenarios", "indicators", "matrix", "compare", "self-check", "search", "data", "outcomes", "assets"]))
        #expect(PageKind.searchKinds(withOutcomes: false).count == 4)
        #expect(PageKind.searchKinds(withOutcomes: true).count == 5)
    }

    @Test func everyPageOfThePlanUsesACatalogueTemplate() throws {
        let plan = try SiteBuild.plan()
        let used = Set(plan.pages.map(\.kind))
        #expect(used.isSuperset(of: [.home, .tier, .scenario, .indicator, .matrix, .compare, .selfCheck, .search, .data, .notFound]))
    }
}
