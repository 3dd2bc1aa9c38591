import Foundation
import PortalModel
import PortalSite
import Testing

/// Three editions (Tests/Fixtures/editions, laid over copies of the real Content/): every
/// address an earlier build published still resolves, each edition's pages hold its own
/// text, the change pages list exactly the fixture's changes, and a crosswalk that names
/// a missing item or forgets one stops the build at its line.
@Suite(.serialized) struct EditionsTests {
    static let fixture = SiteBuild.repository + "/Tests/Fixtures/editions"
    static let today = "2026-12-15"  // 2027 announced, not yet in force

    /// Content/ as the 2027 edition, with 2024 and 2025 under editions/.
    static func makeContent() throws -> String {
        let manager = FileManager.default
        let content = SiteBuild.temporaryDirectory("Content3")
        try manager.copyItem(atPath: SiteBuild.repository + "/Content", toPath: content)
        try manager.removeItem(atPath: content + "/assessments")  // outcomes are judged elsewhere
        for id in ["2024", "2025"] {
            let tree = content + "/editions/" + id
            try manager.createDirectory(atPath: tree, withIntermediateDirectories: true)
            for part in ["framework", "scenarios", "indicators", "pages"] {
                try manager.copyItem(atPath: SiteBuild.repository + "/Content/" + part, toPath: tree + "/" + part)
            }
            try manager.copyItem(atPath: fixture + "/\(id)/edition.yaml", toPath: tree + "/edition.yaml")
        }
        // 2024: an older text of 07, a lower threshold, an eleventh indicator.
        let old = content + "/editions/2024"
        try edit(scenario(7, in: old), "可基于规则自动调整", "可按规则调整")
        try edit(old + "/framework/tiers.yaml", "min_scenarios: 5", "min_scenarios: 4")
        try manager.copyItem(
            atPath: fixture + "/2024/indicators/11-legacy-indicator.md",
            toPath: old + "/indicators/11-legacy-indicator.md")
        // 2027: 39 and 40 swap numbers, 38 is split into 38 and 41, 42 is new, 07 changes.
        try? manager.removeItem(atPath: content + "/edition.yaml")
        try manager.copyItem(atPath: fixture + "/2027/edition.yaml", toPath: content + "/edition.yaml")
        try edit(scenario(7, in: content), "可基于规则自动调整", "可基于规则和约束自动调整")
        let (s39, s40) = (try scenario(39, in: content), try scenario(40, in: content))
        let (text39, text40) = (
            try String(contentsOfFile: s39, encoding: .utf8), try String(contentsOfFile: s40, encoding: .utf8)
        )
        try text40.replacingOccurrences(of: "no: 40", with: "no: 39").write(
            toFile: s39, atomically: true, encoding: .utf8)
        try text39.replacingOccurrences(of: "no: 39", with: "no: 40").write(
            toFile: s40, atomically: true, encoding: .utf8)
        let s38 = try String(contentsOfFile: try scenario(38, in: content), encoding: .utf8)
        try s38.replacingOccurrences(of: "no: 38", with: "no: 41").replacingOccurrences(
            of: "name: 弹性供应链", with: "name: 弹性供应链（二）"
        ).write(toFile: content + "/scenarios/41-split.md", atomically: true, encoding: .utf8)
        try manager.copyItem(
            atPath: fixture + "/2027/scenarios/42-added-scenario.md", toPath: content + "/scenarios/42-added.md")
        return content
    }

    static func scenario(_ no: Int, in tree: String) throws -> String {
        let name = try FileManager.default.contentsOfDirectory(atPath: tree + "/scenarios").first {
            $0.hasPrefix(String(format: "%02d-", no))
        }
        return tree + "/scenarios/" + (name ?? "")
    }

    static func edit(_ file: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        precondition(text.contains(old), "\(file) has no '\(old)'")
        try text.replacingOccurrences(of: old, with: new, options: [], range: text.range(of: old)).write(
            toFile: file, atomically: true, encoding: .utf8)
    }

    static func build(_ content: String, into output: String) throws -> BuildReport {
        try Pipeline.build(
            BuildOptions(
                content: content, templates: SiteBuild.repository + "/Templates", output: output,
                releases: output + ".releases", search: .off, environment: ["PORTAL_TODAY": today]))
    }

    static let content: String = try! makeContent()
    static let site: String = {
        let output = SiteBuild.temporaryDirectory("three-editions")
        _ = try! build(content, into: output)
        return output
    }()

    static func page(_ path: String) -> String {
        (try? String(contentsOfFile: site + "/" + path, encoding: .utf8)) ?? ""
    }

    /// Each earlier edition built alone (as the site was before the next one came): every
    /// page and file it published is still there.
    @Test func everyAddressOfAnEarlierBuildStillResolves() throws {
        for id in ["2024", "2025"] {
            let alone = SiteBuild.temporaryDirectory("content-\(id)")
            try FileManager.default.copyItem(atPath: Self.content + "/editions/" + id, toPath: alone)
            try FileManager.default.copyItem(atPath: Self.content + "/site.yaml", toPath: alone + "/site.yaml")
            let output = SiteBuild.temporaryDirectory("alone-\(id)")
            _ = try Self.build(alone, into: output)
            let before = SiteBuild.snapshot(output).keys.filter { !$0.hasPrefix(".") }
            let after = Set(SiteBuild.snapshot(Self.site).keys)
            let lost = before.filter { !after.contains($0) }.sorted()
            #expect(before.count > 100)
            #expect(lost.isEmpty, "addresses of the \(id) build gone: \(lost.prefix(10))")
        }
    }

    @Test func eachEditionShowsItsOwnText() {
        #expect(Self.page("editions/2024/scenarios/07/index.html").contains("可按规则调整"))
        let middle = Self.page("editions/2025/scenarios/07/index.html")
        #expect(middle.contains("可基于规则自动调整") && !middle.contains("和约束"))
        #expect(Self.page("scenarios/07/index.html").contains("可基于规则和约束自动调整"))
        #expect(Self.page("editions/2027/scenarios/07/index.html").contains("可基于规则和约束自动调整"))
        // Renumbered: 2027's 39 is 2025's 40 and the other way round.
        #expect(Self.page("scenarios/39/index.html").contains("可持续制造"))
        #expect(Self.page("editions/2025/scenarios/39/index.html").contains("全员数字化管理"))
    }

    @Test func anEarlierEditionSaysWhichIsLatestAndStaysOutOfSearchEngines() {
        let old = Self.page("editions/2024/scenarios/07/index.html")
        #expect(old.contains("class=\"edition-banner\"") && old.contains("2027年版"))
        #expect(old.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(old.contains("<link rel=\"canonical\" href=\"/scenarios/07/\">"))
        let latest = Self.page("scenarios/07/index.html")
        #expect(!latest.contains("edition-banner") && !latest.contains("noindex"))
        #expect(latest.contains("editions/2027/scenarios/07/index.html"))  // its permanent address
        // Its history: the three editions' pages of 07.
        for id in ["2024", "2025", "2027"] { #expect(latest.contains("editions/\(id)/scenarios/07/index.html")) }
    }

    @Test func aWithdrawnItemKeepsItsAddressWithWhatBecameOfIt() {
        let stub = Self.page("indicators/11/index.html")
        #expect(stub.contains("并入指标10") && stub.contains("editions/2024/indicators/11/index.html"))
        #expect(stub.contains("id=\"level-1\""))  // its old anchors
    }

    @Test func theHistoryGivesEachEditionItsStatusOnTheDay() {
        let history = Self.page("editions/index.html")
        let rows = history.components(separatedBy: "<tr id=\"edition-").dropFirst().map {
            $0.components(separatedBy: "</tr>")[0]
        }
        #expect(rows.count == 3)
        let status = Dictionary(
            uniqueKeysWithValues: rows.map { row in
                (String(row.prefix(4)), ["即将实施", "现行", "被代替"].first { row.contains($0) } ?? "")
            })
        #expect(status == ["2027": "即将实施", "2025": "现行", "2024": "被代替"])
        #expect(history.contains("changes/2024-2025/index.html") && history.contains("changes/2025-2027/index.html"))
    }

    @Test func theChangePagesListExactlyTheChanges() {
        func kinds(_ path: String) -> [String: Int] {
            let page = Self.page(path)
            var counts: [String: Int] = [:]
            for part in page.components(separatedBy: "data-change=\"").dropFirst() {
                counts[String(part.prefix { $0 != "\"" }), default: 0] += 1
            }
            return counts
        }
        #expect(kinds("changes/2025-2027/index.html") == ["modified": 1, "moved": 2, "split": 1, "added": 1])
        #expect(kinds("changes/2024-2025/index.html") == ["modified": 1, "withdrawn": 1])
        // The character diff marks exactly the inserted characters.
        let page = Self.page("changes/2025-2027/index.html")
        #expect(page.contains("规则<ins><span class=\"visually-hidden\">插入：</span>和约束</ins>自动调整"))
        let earlier = Self.page("changes/2024-2025/index.html")
        #expect(earlier.contains("<del>4</del>") && earlier.contains("<ins>5</ins>"))  // the threshold
    }

    @Test func aCrosswalkThatForgetsOrInventsAnItemStopsTheBuildAtItsLine() throws {
        let content = SiteBuild.temporaryDirectory("Content-bad-crosswalk")
        try FileManager.default.copyItem(atPath: Self.content, toPath: content)
        let file = content + "/editions/2025/edition.yaml"
        try Self.edit(
            file, "  - {item: indicator, kind: withdrawn, from: [\"11\"], reason: 并入指标10}",
            "  - {item: scenario, kind: moved, from: [\"77\"], to: [\"12\"]}")
        let output = SiteBuild.temporaryDirectory("bad-crosswalk")
        do {
            _ = try Self.build(content, into: output)
            Issue.record("the build went on")
        } catch {
            let text = String(describing: error)
            #expect(text.contains(file + ":"))
            #expect(text.contains("indicator 11 of edition 2024 is neither in edition 2025"))
            #expect(text.contains("77"))
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

/// Which edition judges an assessment, and what a table of any edition may answer.
@Suite struct EditionJudgingTests {
    static let editions: EditionSet = {
        let standard = SiteBuild.standard
        var earlier = standard
        earlier.scenarios.removeLast()  // an edition without the last scenario
        return EditionSet([
            EditionContent(
                edition: Edition(id: "2024", title: "2024", published: "2024-01-01", effective: "2024-03-01"),
                standard: earlier),
            EditionContent(
                edition: Edition(id: "2026", title: "2026", published: "2026-01-01", effective: "2026-07-01"),
                standard: standard),
        ])
    }()

    @Test func anAssessmentIsJudgedByTheEditionInForceAtTheEndOfItsYear() {
        #expect(Self.editions.judging(year: 2023).edition.id == "2024")  // before any: the oldest
        #expect(Self.editions.judging(year: 2025).edition.id == "2024")
        #expect(Self.editions.judging(year: 2026).edition.id == "2026")
    }

    @Test func aTableMayLeaveOutTheColumnsOfItemsSomeEditionLacks() {
        let last = SiteBuild.standard.scenarios.last!.no
        #expect(Self.editions.partialNumbers.scenarios == [last])
        #expect(Self.editions.partialNumbers.indicators.isEmpty)
        #expect(Self.editions.union.scenarios.count == SiteBuild.standard.scenarios.count)
    }
}
