import Foundation
import PortalDerive
import Testing

/// The self-check's second part sets a user's indicator levels beside the tier groups'
/// medians, worked out in the browser (rules.js `medianRange`) from the counts embedded
/// in the page. The cohort pages work out the same medians in Swift (`MedianRange`).
/// Both must give the same ranges, and the embedded counts must be the published ones.
@Suite struct IndicatorAgreementTests {
    struct Case: Codable {
        var counts: [Int?]
        var others: [Int?]
        var size: Int
    }

    struct Range: Codable, Equatable {
        var low: Int
        var high: Int
    }

    /// What the page embeds (#benchmark-data).
    struct Benchmark: Decodable {
        struct Group: Decodable { var key: String; var records: Int }
        struct Counts: Decodable { var no: Int; var ordered: Int; var values: [String]; var counts: [String: [Int?]] }
        var groups: [Group]
        var indicators: [Counts]
    }

    static func embeddedBenchmark() throws -> Benchmark {
        let page = SiteBuild.html(SiteBuild.shared, "self-check/index.html")
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"benchmark-data\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        return try JSONDecoder().decode(Benchmark.self, from: Data(page[start.upperBound..<end.lowerBound].utf8))
    }

    /// Counts from sparse to full, with withheld cells, empty groups, sizes that do not
    /// add up, and only not-applicable answers, from a fixed generator.
    static func randomCases(_ count: Int) -> [Case] {
        var state: UInt64 = 0xC0FFEE
        func next(_ bound: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) % bound }
        return (0..<count).map { _ in
            let levels = 1 + next(6), withheldRate = next(4)
            let counts: [Int?] = (0..<levels).map { _ in next(4) < withheldRate ? nil : next(3) == 0 ? 0 : next(40) }
            let others: [Int?] = next(2) == 0 ? [] : [next(4) < withheldRate ? nil : next(20)]
            let published = counts.compactMap { $0 }.reduce(0, +) + others.compactMap { $0 }.reduce(0, +)
            return Case(counts: counts, others: others, size: published + (next(3) == 0 ? 0 : next(30)))
        }
    }

    @Test func browserAndSwiftGiveTheSameMedians() throws {
        let benchmark = try Self.embeddedBenchmark()
        var cases = Self.randomCases(600)
        for indicator in benchmark.indicators {
            for group in benchmark.groups {
                let row = try #require(indicator.counts[group.key])
                cases.append(Case(counts: Array(row.prefix(indicator.ordered)), others: Array(row.dropFirst(indicator.ordered)), size: group.records))
            }
        }
        let swift = cases.map { MedianRange(counts: $0.counts, others: $0.others, size: $0.size).map { Range(low: $0.low, high: $0.high) } }
        let folder = SiteBuild.temporaryDirectory("median-agreement")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(cases).write(to: URL(fileURLWithPath: folder + "/cases.json"))
        let javascript = try JSONDecoder().decode([Range?].self, from: RulesAgreementTests.runJavaScript(["--medians", folder + "/cases.json"]))
        #expect(javascript.count == swift.count)
        let disagreements = zip(swift, javascript).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, first: \(disagreements.first.map { "\(cases[$0.offset]) swift \(String(describing: $0.element.0)) js \(String(describing: $0.element.1))" } ?? "")")
        // The cases reach every kind of answer: none, one level, a range.
        #expect(swift.contains { $0 == nil } && swift.contains { $0.map { $0.low == $0.high } == true } && swift.contains { $0.map { $0.low < $0.high } == true })
    }

    @Test func theEmbeddedCountsAreThePublishedOnes() throws {
        let benchmark = try Self.embeddedBenchmark()
        let data = try #require(FileManager.default.contents(atPath: SiteBuild.shared + "/data/outcomes.json"))
        let outcomes = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let attributes = try #require(outcomes["attributes"] as? [String: Any])
        #expect(benchmark.indicators.count == SiteBuild.standard.indicators.count)
        for indicator in benchmark.indicators {
            let attribute = try #require(attributes[String(format: "i%02d", indicator.no)] as? [String: Any])
            let counts = try #require(attribute["counts"] as? [String: [String: Any]])
            for group in benchmark.groups {
                let published = try #require(counts["group:" + group.key])
                let expected = indicator.values.map { published[$0] as? Int }
                #expect(indicator.counts[group.key] == expected, "indicator \(indicator.no), group \(group.key)")
            }
        }
    }
}
