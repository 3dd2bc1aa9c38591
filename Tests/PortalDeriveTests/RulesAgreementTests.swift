import Foundation
import PortalDerive
import PortalLoad
import PortalModel
import Testing
import PortalTestSupport

/// One engine in Swift (outcome pages), one evaluator in JavaScript (the self-check):
/// both are run on the same few hundred answer sets and must agree on every figure.
@Suite struct RulesAgreementTests {
    static let standard = try! ContentLoader(root: Fixtures.repository + "/Content").load()

    struct Answer: Codable {
        var built: [String: String]
        var maturity: Int
    }

    struct TierResult: Codable, Equatable {
        var tier: String
        var counted: [Int]
        var scenariosShort: Int
        var areasCovered: [String]
        var areasMissing: [String]
        var maturityShort: Int
        var met: Bool
    }

    struct Result: Codable, Equatable {
        var derived: String?
        var next: String?
        var tiers: [TierResult]
    }

    /// Answer sets from sparse to full, every maturity level, with a fixed generator.
    static func answers(count: Int) -> [Answer] {
        var random = RandomSource(seed: 0x5EED)
        func next() -> UInt64 { random.next() }
        return (0..<count).map { index in
            let density = Double(index % 10) / 10
            var built: [String: String] = [:]
            for scenario in Self.standard.scenarios {
                guard Double(next() % 1000) / 1000 < density else { continue }
                // Any tier, also ones the scenario is not defined at: the engines must agree there too.
                built[String(scenario.no)] = TierID.allCases[Int(next() % 4)].rawValue
            }
            return Answer(built: built, maturity: 1 + index % 5)
        }
    }

    @Test func javascriptAndSwiftAgree() throws {
        let answers = Self.answers(count: 400)
        let engine = Eligibility(standard: Self.standard)
        let swift = answers.map { answer -> Result in
            let built = Dictionary(
                uniqueKeysWithValues: answer.built.map {
                    (Int($0.key)!, Self.standard.framework.tierID(named: $0.value)!)
                })
            let result = engine.evaluate(built: built, maturity: answer.maturity)
            return Result(
                derived: result.derived?.rawValue, next: result.next?.tier.rawValue,
                tiers: result.tiers.map {
                    TierResult(
                        tier: $0.tier.rawValue, counted: $0.counted, scenariosShort: $0.scenariosShort,
                        areasCovered: $0.areasCovered,
                        areasMissing: $0.areasMissing, maturityShort: $0.maturityShort, met: $0.met)
                })
        }
        let folder = Scratch.folder("agreement")
        try JSONEncoder().encode(RulesRecord(standard: Self.standard)).write(
            to: URL(fileURLWithPath: folder + "/rules.json"))
        try JSONEncoder().encode(answers).write(to: URL(fileURLWithPath: folder + "/answers.json"))

        let data = try NodeScript.evaluate([folder + "/rules.json", folder + "/answers.json"])
        let javascript = try JSONDecoder().decode([Result].self, from: data)
        #expect(javascript.count == swift.count)
        let disagreements = zip(swift, javascript).enumerated().filter { $0.element.0 != $0.element.1 }
        let first = disagreements.first.map { "\(answers[$0.offset]) swift \($0.element.0) js \($0.element.1)" } ?? ""
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, first: \(first)")
        // The cases cover every outcome.
        #expect(Set(swift.map { $0.derived ?? "none" }).count >= 4)
    }
}
