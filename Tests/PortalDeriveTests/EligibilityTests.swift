import Foundation
import PortalDerive
import PortalLoad
import PortalModel
import Testing
import PortalTestSupport

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let standard = try! ContentLoader(root: repository + "/Content").load()
/// The site's own words, from the real strings file.
let text = try! UITextLoader.load(templates: repository + "/Templates")

/// The Annex 1 rules on hand-made cases at every threshold edge.
@Suite struct EligibilityTests {
    let engine = Eligibility(standard: standard)

    /// Scenario numbers by segment area in the real standard, for building cases.
    func scenarios(in area: String, definedAt tier: TierID) -> [Int] {
        let segments = Set(standard.framework.segments.filter { $0.area == area }.map(\.name))
        return standard.scenarios.filter { segments.contains($0.segment) && $0.text(at: tier) != nil }.map(\.no)
    }

    func built(_ numbers: [Int], at tier: TierID) -> [Int: TierID] {
        Dictionary(uniqueKeysWithValues: numbers.map { ($0, tier) })
    }

    @Test func fiveProductionScenariosMeetBasicFourDoNot() {
        let production = scenarios(in: "production", definedAt: .basic)
        #expect(production.count >= 5)
        let five = engine.evaluate(built: built(Array(production.prefix(5)), at: .basic), maturity: 1)
        #expect(five.derived == .basic)
        let four = engine.evaluate(built: built(Array(production.prefix(4)), at: .basic), maturity: 1)
        #expect(four.derived == nil)
        #expect(four.next?.tier == .basic)
        #expect(four.next?.scenariosShort == 1)
        #expect(four.next?.areasMissing == [])
    }

    @Test func basicNeedsTheProductionArea() {
        let elsewhere = scenarios(in: "management", definedAt: .basic) + scenarios(in: "operations", definedAt: .basic)
        let result = engine.evaluate(built: built(Array(elsewhere.prefix(8)), at: .basic), maturity: 5)
        #expect(result.tiers[0].counted.count == 8)
        #expect(result.derived == nil)
        #expect(result.next?.areasMissing == ["production"])
        #expect(result.next?.scenariosShort == 0)
    }

    /// Ten advanced scenarios across the three required areas, maturity 2.
    func advancedCase(maturity: Int, dropping area: String? = nil) -> EligibilityResult {
        var numbers: [Int] = []
        for required in ["production", "management", "operations"] where required != area {
            numbers += scenarios(in: required, definedAt: .advanced).prefix(4)
        }
        if numbers.count < 10 { numbers += scenarios(in: "factory", definedAt: .advanced).prefix(10 - numbers.count) }
        return engine.evaluate(built: built(Array(numbers.prefix(12)), at: .advanced), maturity: maturity)
    }

    @Test func advancedNeedsMaturityTwo() {
        #expect(advancedCase(maturity: 2).derived == .advanced)
        let short = advancedCase(maturity: 1)
        #expect(short.derived == .basic)
        #expect(short.next?.tier == .advanced)
        #expect(short.next?.maturityShort == 1)
        #expect(short.next?.scenariosShort == 0 && short.next?.areasMissing == [])
    }

    @Test func advancedNeedsEachOfItsThreeAreas() {
        let result = advancedCase(maturity: 3, dropping: "operations")
        #expect(result.derived != .advanced)
        #expect(result.tiers[1].areasMissing == ["operations"])
    }

    @Test func aScenarioBuiltHigherCountsLowerOnlyWhereDefined() {
        // Scenario 1 is "/" at basic: built at leading it counts for advanced and up only.
        let result = engine.evaluate(built: [1: .leading], maturity: 5)
        #expect(result.tiers.map { $0.counted } == [[], [1], [1], [1]])
        // Built at basic, scenario 7 does not count toward advanced.
        let low = engine.evaluate(built: [7: .basic], maturity: 5)
        #expect(low.tiers.map { $0.counted.count } == [1, 0, 0, 0])
    }

    @Test func multiLinkScenariosCountButCoverNoArea() {
        let multi = standard.scenarios.filter { $0.segment == "多环节/模式创新" }.map(\.no)
        let result = engine.evaluate(built: built(multi, at: .leading), maturity: 5)
        #expect(result.tiers[3].counted.count == multi.count)
        #expect(result.tiers[3].areasCovered.isEmpty)
    }

    @Test func excellentAndLeadingNeedAllFiveAreasAndTheirMaturity() {
        var numbers: [Int] = []
        for area in standard.framework.areas.map(\.id) { numbers += scenarios(in: area, definedAt: .leading).prefix(4) }
        #expect(numbers.count == 20)
        #expect(engine.evaluate(built: built(numbers, at: .leading), maturity: 4).derived == .leading)
        let short = engine.evaluate(built: built(numbers, at: .leading), maturity: 3)
        #expect(short.derived == .excellent)
        #expect(short.next?.maturityShort == 1)
        let nineteen = engine.evaluate(built: built(Array(numbers.dropLast()), at: .leading), maturity: 4)
        #expect(nineteen.derived == .excellent)
        #expect(nineteen.next?.scenariosShort == 1)
        #expect(engine.evaluate(built: built(numbers, at: .leading), maturity: 4).next == nil)
    }

    @Test func thresholdsComeFromTheFramework() {
        var changed = standard
        changed.framework.tiers[0].minScenarios = 4
        let production = scenarios(in: "production", definedAt: .basic)
        let four = built(Array(production.prefix(4)), at: .basic)
        #expect(engine.evaluate(built: four, maturity: 1).derived == nil)
        #expect(Eligibility(standard: changed).evaluate(built: four, maturity: 1).derived == .basic)
    }
}

/// The statistics use `derivedTier`, the compact form of the same rules; it must agree
/// with `evaluate` everywhere, including tiers a scenario is not defined at.
@Suite struct DerivedTierAgreementTests {
    @Test func derivedTierAgreesWithEvaluateOnRandomAnswers() {
        let engine = Eligibility(standard: standard)
        var random = RandomSource(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ bound: Int) -> Int { random.next(bound) }
        var seen: Set<TierID?> = []
        for _ in 0..<5000 {
            // Cases range from a few scenarios at low tiers to nearly all at the top.
            let density = next(101), lowest = next(4)
            var built: [Int: TierID] = [:]
            for scenario in standard.scenarios where next(100) < density {
                built[scenario.no] = TierID.allCases[lowest + next(4 - lowest)]
            }
            let maturity = 1 + next(5)
            let full = engine.evaluate(built: built, maturity: maturity).derived
            #expect(
                engine.derivedTier(built: built, maturity: maturity) == full, "built \(built), maturity \(maturity)")
            seen.insert(full)
        }
        // Every outcome was exercised, so agreement means something at each tier.
        #expect(seen.count == 5)
    }
}
