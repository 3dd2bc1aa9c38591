import Foundation
import PortalDerive
import PortalModel
import Testing
import PortalTestSupport

/// What a web host and a chat app see: absolute URLs under a base URL, link-preview
/// metadata on every page, and the CSV downloads.
@Suite struct PublishingTests {
    @Test func anAbsoluteBaseURLMakesCanonicalOpenGraphAndSitemapAbsolute() throws {
        let output = SiteBuild.temporaryDirectory()
        try SiteBuild.build(into: output, baseURL: "https://example.org/portal/")
        let page = SiteBuild.html(output, "scenarios/07/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/portal/scenarios/07/\">"))
        #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/portal/scenarios/07/\">"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://example.org/portal/assets/og-card.png\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        // Internal links stay relative, so the same output works under any other path too.
        #expect(page.contains("href=\"../../tiers/advanced/index.html\""))
        #expect(
            !HTML.attributes("href", in: page).contains {
                $0.hasPrefix("https://example.org") && !$0.contains("canonical") && $0.contains("/scenarios/")
                    && !$0.hasSuffix("/07/")
            })
        let sitemap = SiteBuild.html(output, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/portal/scenarios/40/</loc>"))
        #expect(SiteBuild.html(output, "robots.txt").contains("Sitemap: https://example.org/portal/sitemap.xml"))
        #expect(FileManager.default.fileExists(atPath: output + "/assets/og-card.png"))
    }

    @Test func everyPageHasTitleDescriptionAndCardMetadata() throws {
        for (path, data) in SiteBuild.snapshot(SiteBuild.shared) where path.hasSuffix(".html") {
            let page = try #require(String(data: data, encoding: .utf8))
            for needle in [
                "<title>", "<meta name=\"description\" content=\"", "og:title", "og:description", "og:url", "og:image",
                "twitter:card", "twitter:title", "twitter:image",
            ] {
                #expect(page.contains(needle), "\(path) lacks \(needle)")
            }
            #expect(!page.contains("content=\"\""), "\(path) has empty metadata")
        }
    }

    /// Parses our CSV (quoted cells, CRLF) into rows.
    func rows(_ name: String) throws -> [[String]] {
        let data = try #require(FileManager.default.contents(atPath: SiteBuild.shared + "/data/" + name))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) has no byte-order mark")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell); cell = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                cell.append(c)
            }
        }
        return rows
    }

    @Test func csvDownloadsHaveTheDocumentedColumns() throws {
        let standard = SiteBuild.standard
        let scenarios = try rows("scenarios.csv")
        #expect(
            scenarios.first == ["no", "name", "segment", "area", "basic", "advanced", "excellent", "leading", "url"])
        #expect(scenarios.count == 41)
        for (row, scenario) in zip(scenarios.dropFirst(), standard.scenarios) {
            #expect(row[1] == scenario.name)
            #expect(Array(row[4...7]) == TierID.allCases.map { scenario.text(at: $0) ?? "" })
        }
        let indicators = try rows("indicators.csv")
        #expect(indicators.first?.count == 14)
        #expect(indicators[1][4] == standard.indicators[0].levels[0])
        let outcomes = try rows("outcomes.csv")
        // The columns scripts read stay first; what a reader may take each figure to be follows.
        #expect(
            outcomes.first == [
                "attribute", "attribute_name", "group", "group_name", "value", "value_name", "count", "status",
                "lower", "upper", "within",
            ])
        #expect(outcomes.dropFirst().allSatisfy { ($0[6].isEmpty) == ($0[7] != "published") })
        #expect(outcomes.dropFirst().compactMap { Int($0[6]) }.allSatisfy { $0 == 0 || $0 >= 5 })
        #expect(
            Set(outcomes.dropFirst().map { $0[7] }).isSubset(of: ["published", "fewer_than_k", "protects_another"]))
        for row in outcomes.dropFirst() {
            switch row[7] {
            case "published": #expect(row[8] == row[6] && row[9] == row[6])
            case "fewer_than_k": #expect(row[8] == "1" && row[9] == "4" && !row[10].isEmpty)
            default: #expect(row[8] == "5" && row[9].isEmpty)
            }
        }
        // A merged bin counts the values its key names: a key of several is never a single value's.
        #expect(outcomes.dropFirst().contains { $0[4].contains("+") })
        let page = SiteBuild.html(SiteBuild.shared, "data/index.html")
        // A cell a spreadsheet would run as a formula is neutralised (OWASP CSV injection).
        #expect(
            CSVTable(header: ["a"], rows: [["=HYPERLINK(\"x\")"], ["+1"], ["-2"], ["@SUM(A1)"], ["\t=1"], ["安全"]]).text
                == "a\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n'+1\r\n'-2\r\n'@SUM(A1)\r\n'\t=1\r\n安全\r\n")
        // Line ends inside a cell are quoted, a CR+LF pair too (one Character, but two line-end bytes).
        #expect(
            CSVTable(header: ["a"], rows: [["一\r\n二"], ["\r=1"], ["a,b"]]).text
                == "a\r\n\"一\r\n二\"\r\n\"'\r=1\"\r\n\"a,b\"\r\n")
        for name in ["scenarios.csv", "indicators.csv", "outcomes.csv", "scenarios.json", "rules.json"] {
            #expect(page.contains(name))
        }
    }
}
