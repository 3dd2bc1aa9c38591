import Foundation
import PortalDerive
import PortalLoad
import PortalModel
import PortalTestSupport
import Testing

/// How many tiers and maturity levels there are, and their order, is the framework's
/// to say: the valid fixture cut to three tiers and given six maturity levels plans a
/// site of three tiers and six levels everywhere.
@Suite struct FrameworkCountsTests {
    /// The valid fixture without its top tier (`leading`) and with a sixth maturity level.
    static func threeTiers() throws -> String {
        let root = Scratch.folder("portal-three-tiers") + "/content"
        try Scratch.materialise(Fixtures.tree(Fixtures.root + "/valid"), at: root)
        let tiers = root + "/framework/tiers.yaml"
        let text = try String(contentsOfFile: tiers, encoding: .utf8)
        try String(text[..<text.range(of: "  - id: leading")!.lowerBound]).write(
            toFile: tiers, atomically: true, encoding: .utf8)
        let targets = root + "/framework/targets.yaml"
        let goals = try String(contentsOfFile: targets, encoding: .utf8)
        try String(goals[..<goals.range(of: "  - tier: leading")!.lowerBound]).write(
            toFile: targets, atomically: true, encoding: .utf8)
        for file in try FileManager.default.contentsOfDirectory(atPath: root + "/scenarios") {
            let path = root + "/scenarios/" + file
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            try lines.filter { !$0.hasPrefix("  leading:") }.joined(separator: "\n").write(
                toFile: path, atomically: true, encoding: .utf8)
        }
        try "levels: [一级, 二级, 三级, 四级, 五级, 六级]\n".write(
            toFile: root + "/framework/maturity.yaml", atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: root + "/assessments")
        return root
    }

    @Test func aFrameworkOfThreeTiersAndSixLevelsGivesASiteOfThem() throws {
        let standard = try ContentLoader(root: try Self.threeTiers()).load()
        #expect(standard.framework.tierIDs.map(\.rawValue) == ["basic", "advanced", "excellent"])
        let plan = SitePlanner(standard: standard, text: SiteBuild.text).plan()
        #expect(plan.pages.filter { $0.kind == .tier }.count == 3)
        #expect(plan.pages.filter { $0.kind == .compare }.count == 3)  // three pairs of three tiers
        let csv = try #require(plan.csv.first { $0.route.path == "data/scenarios.csv" })
        #expect(csv.table.header == ["no", "name", "segment", "area", "basic", "advanced", "excellent", "url"])
        let selfCheck = try #require(plan.pages.first { $0.kind == .selfCheck }?.context as? SelfCheckView)
        #expect(selfCheck.maturityLevels.map(\.label) == ["一级", "二级", "三级", "四级", "五级", "六级"])
        let rules =
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(RulesRecord(standard: standard)))
            as? [String: Any]
        #expect((rules?["tiers"] as? [Any])?.count == 3)
        #expect((rules?["maturity_levels"] as? [Any])?.count == 6)
    }

    @Test func aTierTheScenarioFilesDoNotNameIsAnError() throws {
        let root = try Self.threeTiers()
        let text = try String(contentsOfFile: root + "/scenarios/01-first.md", encoding: .utf8)
        try text.replacingOccurrences(of: "  excellent:", with: "  leading:").write(
            toFile: root + "/scenarios/01-first.md", atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticList.self) { try ContentLoader(root: root).load() }
        #expect(error?.description.contains("leading") == true)
    }
}

/// The publisher is told, in one line that is not an error, when link previews, the
/// sitemap and robots.txt will carry relative addresses.
@Suite struct BaseURLWarningTests {
    @Test func aRelativeBaseURLIsWarnedAboutAndAnHTTPSOneIsNot() throws {
        let relative = try SiteBuild.build(into: SiteBuild.temporaryDirectory(), baseURL: "/portal/")
        #expect(relative.warnings.count == 1)
        #expect(relative.warnings.first?.hasPrefix("base_url is '/portal/', not an absolute https:// address") == true)
        let absolute = try SiteBuild.build(
            into: SiteBuild.temporaryDirectory(), baseURL: "https://example.gov.cn/portal/")
        #expect(absolute.warnings.isEmpty)
    }
}
