import Foundation
import PortalDerive
import PortalModel
import PortalTestSupport
import Testing

/// The self-check's second part sets a user's indicator levels beside the tier groups'
/// medians, worked out in the browser (rules.js `medianRange`) from the counts embedded
/// in the page. The cohort pages work out the same medians in Swift (`MedianRange`).
/// Both must give the same ranges, and the embedded counts must be the published ones.
@Suite struct IndicatorAgreementTests {
    struct Case: Codable {
        var bins: [MedianRange.Bin]
        var size: Int
        var k: Int
    }

    struct Range: Codable, Equatable {
        var low: Int
        var high: Int
    }

    /// What the page embeds (#benchmark-data).
    struct Benchmark: Decodable {
        struct Group: Decodable { var key: String; var records: Int }
        struct Counts: Decodable { var no: Int; var bins: [String: [MedianRange.Bin]] }
        var k: Int
        var groups: [Group]
        var indicators: [Counts]
    }

    static func embeddedBenchmark() throws -> Benchmark {
        let page = SiteBuild.html(SiteBuild.shared, "self-check/index.html")
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"benchmark-data\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        return try JSONDecoder().decode(Benchmark.self, from: Data(page[start.upperBound..<end.lowerBound].utf8))
    }

    /// Rows from sparse to full, as the pages publish them: levels cut into bins of one or
    /// several, answers outside the scale alone or merged into the lowest bin, counts
    /// published or withheld ("<k" holding 1 to k−1, "×" k or more), from a fixed generator.
    static func randomCases(_ count: Int) -> [Case] {
        var random = RandomSource(seed: 0xC0FFEE)
        func next(_ bound: Int) -> Int { random.next(bound) }
        return (0..<count).map { _ in
            let k = 3 + next(3), levels = 1 + next(6), withheldRate = next(4)
            var bins: [MedianRange.Bin] = []
            var level = 1
            while level <= levels {
                let width = 1 + next(min(3, levels - level + 1))
                bins.append(MedianRange.Bin(from: level, to: level + width - 1, other: false, count: nil, mark: nil))
                level += width
            }
            switch next(3) {
            case 0: bins.insert(MedianRange.Bin(from: nil, to: nil, other: true, count: nil, mark: nil), at: 0)
            case 1: bins[0].other = true
            default: break
            }
            var size = 0
            for index in bins.indices {
                let truth = next(3) == 0 ? 0 : next(4) == 0 ? 1 + next(k - 1) : k + next(30)
                size += truth
                if truth > 0 && next(4) < withheldRate {
                    bins[index].mark = truth < k ? "<" : "x"
                } else {
                    bins[index].count = truth
                }
            }
            return Case(bins: bins, size: size, k: k)
        }
    }

    @Test func browserAndSwiftGiveTheSameMedians() throws {
        let benchmark = try Self.embeddedBenchmark()
        var cases = Self.randomCases(600)
        for indicator in benchmark.indicators {
            for group in benchmark.groups {
                guard let bins = indicator.bins[group.key] else { continue }
                cases.append(Case(bins: bins, size: group.records, k: benchmark.k))
            }
        }
        let swift = cases.map {
            MedianRange(bins: $0.bins, size: $0.size, k: $0.k).map { Range(low: $0.low, high: $0.high) }
        }
        let folder = SiteBuild.temporaryDirectory("median-agreement")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(cases).write(to: URL(fileURLWithPath: folder + "/cases.json"))
        let javascript = try JSONDecoder().decode(
            [Range?].self, from: NodeScript.evaluate(["--medians", folder + "/cases.json"]))
        #expect(javascript.count == swift.count)
        let disagreements = zip(swift, javascript).enumerated().filter { $0.element.0 != $0.element.1 }
        let first = disagreements.first.map {
            "\(cases[$0.offset]) swift \(String(describing: $0.element.0)) js \(String(describing: $0.element.1))"
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, first: \(first ?? "")")
        // The cases reach every kind of answer: none, one level, a range.
        #expect(
            swift.contains { $0 == nil } && swift.contains { $0.map { $0.low == $0.high } == true }
                && swift.contains { $0.map { $0.low < $0.high } == true })
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
            let forms = try #require(attribute["forms"] as? [String: [String]])
            for group in benchmark.groups {
                let bins = try #require(forms["group:" + group.key])
                let published = try #require(counts["group:" + group.key])
                #expect(
                    indicator.bins[group.key]?.map(\.count) ?? [] == bins.map { published[$0] as? Int },
                    "indicator \(indicator.no), group \(group.key)")
            }
        }
    }
}
