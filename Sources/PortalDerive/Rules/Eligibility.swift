import PortalModel

/// The Annex 1 tier rules as one engine, a pure function of the model: which tier an
/// assessment's built scenarios and maturity level reach, and what each tier still needs.
/// Outcome pages use it; the self-check is generated from the same rules.
///
/// For each tier T:
/// - a scenario counts toward T when the standard defines it at T (not "/") and it was
///   built at T or above;
/// - the areas covered at T are the areas whose segments hold a counted scenario;
/// - T is met when the count reaches T's minimum, T's required areas are covered and the
///   maturity level reaches T's minimum (where Annex 1 sets one).
/// The derived tier is the highest tier met, or none.
public struct Eligibility: Sendable {
    struct TierRule: Sendable {
        let tier: Tier
        /// Scenario number → area id (nil: the scenario's segment belongs to no area),
        /// only for scenarios defined at this tier.
        let defined: [Int: String?]
        /// The same as bits for `derivedTier`: scenario number → its area's bit (0 for
        /// no area), and the bits of the required areas.
        let areaBits: [Int: UInt64]
        let requiredBits: UInt64
    }

    let rules: [TierRule]
    let areaNames: [String: String]

    public init(standard: Standard) {
        let framework = standard.framework
        let areaOfSegment = Dictionary(uniqueKeysWithValues: framework.segments.map { ($0.name, $0.area) })
        let bitOfArea = Dictionary(
            uniqueKeysWithValues: framework.areas.enumerated().map { ($0.element.id, UInt64(1) << $0.offset) })
        rules = framework.tiers.map { tier in
            var defined: [Int: String?] = [:]
            for scenario in standard.scenarios where scenario.text(at: tier.id) != nil {
                defined[scenario.no] = areaOfSegment[scenario.segment] ?? nil
            }
            return TierRule(
                tier: tier, defined: defined,
                areaBits: defined.mapValues { area in area.flatMap { bitOfArea[$0] } ?? 0 },
                requiredBits: tier.requiredAreas.reduce(0) { $0 | (bitOfArea[$1] ?? 0) })
        }
        areaNames = Dictionary(uniqueKeysWithValues: framework.areas.map { ($0.id, $0.name) })
    }

    /// `built`: scenario number → tier at which it was built (a dictionary or a record's
    /// `BuiltScenarios`). `maturity`: GB/T 39116 level.
    public func evaluate<Built: Sequence<(key: Int, value: TierID)>>(built: Built, maturity: Int) -> EligibilityResult {
        let checks = rules.map { rule -> TierCheck in
            let tier = rule.tier
            var counted: [Int] = []
            var covered: Set<String> = []
            for (no, builtAt) in built where builtAt >= tier.id {
                guard let area = rule.defined[no] else { continue }
                counted.append(no)
                if let area { covered.insert(area) }
            }
            let missing = tier.requiredAreas.filter { !covered.contains($0) }
            let maturityShort = max(0, (tier.minMaturity ?? 0) - maturity)
            return TierCheck(
                tier: tier.id, counted: counted.sorted(), minimum: tier.minScenarios,
                scenariosShort: max(0, tier.minScenarios - counted.count),
                areasCovered: tier.requiredAreas.filter { covered.contains($0) }
                    + covered.subtracting(tier.requiredAreas).sorted(),
                areasMissing: missing, maturity: maturity, minMaturity: tier.minMaturity,
                maturityShort: maturityShort)
        }
        let derived = checks.last { $0.met }?.tier
        let next: TierCheck? = {
            guard let derived else { return checks.first }
            return checks.first { $0.tier > derived }
        }()
        return EligibilityResult(derived: derived, tiers: checks, next: next)
    }

    /// The derived tier alone: the rules of `evaluate` with a count and a bit set of areas
    /// instead of lists, for statistics over 100,000 records (no allocation per record).
    /// A test holds it to `evaluate(…).derived` on thousands of random answer sets.
    public func derivedTier<Built: Sequence<(key: Int, value: TierID)>>(built: Built, maturity: Int) -> TierID? {
        for rule in rules.reversed() where maturity >= (rule.tier.minMaturity ?? 0) {
            var count = 0
            var covered: UInt64 = 0
            for (no, builtAt) in built where builtAt >= rule.tier.id {
                guard let bit = rule.areaBits[no] else { continue }
                count += 1
                covered |= bit
            }
            if count >= rule.tier.minScenarios && covered & rule.requiredBits == rule.requiredBits {
                return rule.tier.id
            }
        }
        return nil
    }

    public func areaName(_ id: String) -> String { areaNames[id] ?? id }
}

public struct EligibilityResult: Sendable, Equatable {
    /// The highest tier met, nil when none is.
    public var derived: TierID?
    /// One check per tier, in tier order.
    public var tiers: [TierCheck]
    /// The first tier above the derived one, with what it still needs; nil at the top.
    public var next: TierCheck?
}

/// One tier's rules applied to one assessment.
public struct TierCheck: Sendable, Equatable {
    public var tier: TierID
    /// Scenarios that count toward the tier.
    public var counted: [Int]
    public var minimum: Int
    public var scenariosShort: Int
    public var areasCovered: [String]
    /// Required areas with no counted scenario.
    public var areasMissing: [String]
    public var maturity: Int
    public var minMaturity: Int?
    public var maturityShort: Int

    public var met: Bool { scenariosShort == 0 && areasMissing.isEmpty && maturityShort == 0 }
}
