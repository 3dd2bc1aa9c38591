import Foundation
import PortalModel
import Testing
import PortalTestSupport

/// The rendered site holds the model's text where reviewers and enterprises expect it.
@Suite struct PageTests {
    let site = SiteBuild.shared
    let standard = SiteBuild.standard

    @Test func everyPageExists() {
        var expected = [
            "index.html", "404.html", "sitemap.xml", "robots.txt", "matrix/index.html", "tiers/index.html",
            "scenarios/index.html", "indicators/index.html", "data/scenarios.json", "data/indicators.json",
            "data/tiers.json", "assets/site.css", "errata/index.html", "plan/index.html",
        ]
        expected += TierID.allCases.map { "tiers/\($0.rawValue)/index.html" }
        expected += (1...40).map { "scenarios/\(twoDigits($0))/index.html" }
        expected += (1...10).map { "indicators/\(twoDigits($0))/index.html" }
        for path in expected {
            #expect(FileManager.default.fileExists(atPath: site + "/" + path), "missing \(path)")
        }
    }

    @Test func everyScenarioPageHoldsItsFourTiers() throws {
        #expect(standard.scenarios.count == 40)
        for scenario in standard.scenarios {
            let page = SiteBuild.html(site, "scenarios/\(scenario.code)/index.html")
            #expect(page.contains("<h1><span class=\"num\">\(scenario.code)</span> \(HTML.escape(scenario.name))</h1>"))
            var previousEnd = page.startIndex
            for tier in TierID.allCases {
                let section = try #require(
                    HTML.element(id: tier.rawValue, tag: "section", in: page), "\(scenario.code) #\(tier)")
                let name = standard.framework.tier(tier).name
                #expect(section.contains("<span class=\"tier-name\">\(name)</span>"))
                if let text = scenario.text(at: tier) {
                    #expect(section.contains(">\(HTML.escape(text))</p>"), "\(scenario.code) \(tier) text")
                } else {
                    #expect(section.contains("本层级未定义该场景"), "\(scenario.code) \(tier) undefined")
                }
                // The four sections come in tier order.
                let position = try #require(page.firstRange(of: "<section id=\"\(tier.rawValue)\""))
                #expect(position.lowerBound > previousEnd)
                previousEnd = position.lowerBound
            }
        }
    }

    @Test func everyIndicatorPageHoldsItsLevels() throws {
        for indicator in standard.indicators {
            let page = SiteBuild.html(site, "indicators/\(indicator.code)/index.html")
            #expect(page.contains(HTML.escape(indicator.description)))
            for (index, level) in indicator.levels.enumerated() {
                let item = try #require(HTML.element(id: "level-\(index + 1)", tag: "li", in: page))
                #expect(item.contains("<p>\(HTML.escape(level))</p>"))
            }
            if let question = indicator.question { #expect(page.contains(HTML.escape(question))) }
            if let na = indicator.notApplicable { #expect(page.contains(HTML.escape(na))) }
        }
        #expect(standard.indicators.filter { $0.levels.count == 6 }.count == 9)
        #expect(standard.indicators[6].question != nil)
    }

    @Test func tierPagesListExactlyTheScenariosDefinedThere() {
        for tier in standard.framework.tiers {
            let page = SiteBuild.html(site, "tiers/\(tier.id.rawValue)/index.html")
            #expect(page.contains(HTML.escape(tier.intro)))
            for area in tier.areaTexts { #expect(page.contains(HTML.escape(area.text))) }
            for scenario in standard.scenarios {
                let link = "../../scenarios/\(scenario.code)/index.html#\(tier.id.rawValue)"
                #expect(page.contains(link) == (scenario.text(at: tier.id) != nil), "\(tier.id) / \(scenario.code)")
            }
        }
    }

    @Test func matrixLinksEveryCellToItsScenarioTier() {
        let page = SiteBuild.html(site, "matrix/index.html")
        for scenario in standard.scenarios {
            for tier in TierID.allCases {
                #expect(page.contains("href=\"../scenarios/\(scenario.code)/index.html#\(tier.rawValue)\""))
            }
            if let text = scenario.text(at: .leading) { #expect(page.contains(HTML.escape(text))) }
        }
    }

    @Test func everyPageIsAFullChinesePage() throws {
        for (path, data) in SiteBuild.snapshot(site) where path.hasSuffix(".html") {
            let page = try #require(String(data: data, encoding: .utf8))
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "\(path)")
            #expect(page.contains("<main id=\"main\""), "\(path)")
            #expect(page.contains("<h1"), "\(path) has no heading")
            #expect(!page.contains("{{") && !page.contains("}}"), "\(path) has unrendered template tags")
            #expect(page.contains("<title>") && !page.contains("<title> ·"), "\(path) has an empty title")
        }
    }

    @Test func openDataMatchesTheModel() throws {
        let data = try #require(FileManager.default.contents(atPath: site + "/data/scenarios.json"))
        let records = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(records.count == standard.scenarios.count)
        for (record, scenario) in zip(records, standard.scenarios) {
            #expect(record["no"] as? Int == scenario.no)
            #expect(record["name"] as? String == scenario.name)
            #expect(record["url"] as? String == "/scenarios/\(scenario.code)/")
            let tiers = try #require(record["tiers"] as? [String: Any])
            for tier in TierID.allCases {
                if let text = scenario.text(at: tier) {
                    #expect(tiers[tier.rawValue] as? String == text)
                } else {
                    #expect(tiers[tier.rawValue] is NSNull)
                }
            }
        }
        let tiersData = try #require(FileManager.default.contents(atPath: site + "/data/tiers.json"))
        let tiers = try #require(try JSONSerialization.jsonObject(with: tiersData) as? [String: Any])
        let list = try #require(tiers["tiers"] as? [[String: Any]])
        #expect(list.map { $0["min_scenarios"] as? Int } == [5, 10, 16, 20])
    }
}

/// The comparison pages and the self-check's rules.
@Suite struct ComparePageTests {
    let site = SiteBuild.shared
    let standard = SiteBuild.standard

    @Test func sixComparisonsWithEveryScenarioSideBySide() throws {
        let tiers = TierID.allCases
        var pairs = 0
        for (i, low) in tiers.enumerated() {
            for high in tiers.dropFirst(i + 1) {
                pairs += 1
                let page = SiteBuild.html(site, "compare/\(low.rawValue)-\(high.rawValue)/index.html")
                for scenario in standard.scenarios {
                    let lowText = scenario.text(at: low), highText = scenario.text(at: high)
                    let row = HTML.element(id: "s\(scenario.code)", tag: "tr", in: page)
                    if lowText == nil && highText == nil { #expect(row == nil); continue }
                    let cells = try #require(row, "\(low)-\(high) s\(scenario.code)")
                    if let lowText { #expect(cells.contains(HTML.escape(lowText))) }
                    if let highText { #expect(cells.contains(HTML.escape(highText))) }
                    #expect(
                        cells.contains("新增") == (lowText == nil && highText != nil),
                        "\(low)-\(high) s\(scenario.code) new mark")
                }
                let lowTier = standard.framework.tier(low), highTier = standard.framework.tier(high)
                #expect(page.contains("<td>\(lowTier.minScenarios) 个</td><td>\(highTier.minScenarios) 个"))
            }
        }
        #expect(pairs == 6)
        let index = SiteBuild.html(site, "compare/index.html")
        for tier in standard.framework.tiers { #expect(index.contains("<td>\(tier.minScenarios)</td>")) }
    }

    @Test func rulesJSONMatchesTheFramework() throws {
        let data = try #require(FileManager.default.contents(atPath: site + "/data/rules.json"))
        let rules = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tiers = try #require(rules["tiers"] as? [[String: Any]])
        #expect(tiers.map { $0["min_scenarios"] as? Int } == standard.framework.tiers.map(\.minScenarios))
        #expect(tiers.map { $0["required_areas"] as? [String] } == standard.framework.tiers.map(\.requiredAreas))
        let scenarios = try #require(rules["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 40)
        #expect(scenarios[0]["tiers"] as? [String] == ["advanced", "excellent", "leading"])
        #expect(scenarios[33]["area"] is NSNull)  // 多环节/模式创新
        // The self-check page embeds the same rules, with nothing that could end its script element.
        let page = SiteBuild.html(site, "self-check/index.html")
        let embedded = try #require(
            page.split(separator: "<script type=\"application/json\" id=\"rules-data\">").last?
                .split(separator: "</script>").first)
        #expect(!embedded.contains("<"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(embedded.utf8)) as? [String: Any])
        #expect((parsed["tiers"] as? [[String: Any]])?.count == 4)
    }
}
