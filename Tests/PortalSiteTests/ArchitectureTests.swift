import Foundation
import PortalModel
@testable import PortalRender
import Testing

/// The rules of the code's layout that a compiler does not check: the site's words live
/// in the strings file, and every kind of page in the catalogue has its template.
@Suite struct ArchitectureTests {
    static let sources = SiteBuild.repository + "/Sources"

    /// Code lines (not comments) of every Swift file under Sources/, by path.
    static func codeLines() throws -> [(path: String, line: Int, text: String)] {
        let files = (FileManager.default.enumerator(atPath: sources)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }.sorted()
        return try files.flatMap { file -> [(String, Int, String)] in
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? nil : (file, index + 1, String(line))
            }
        }
    }

    /// Chinese in code is text a reader sees (or an input format a reader writes), and
    /// belongs in Templates/strings.zh-CN.yaml or Content/. Only synthetic data
    /// (PortalSynth) makes Chinese names, on purpose.
    @Test func noChineseTextInCode() throws {
        let allowed = ["PortalSynth/"]
        let chinese = try Self.codeLines().filter { line in
            !allowed.contains { line.path.hasPrefix($0) }
                && line.text.unicodeScalars.contains { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
        }
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
