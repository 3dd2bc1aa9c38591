import PortalModel

/// /data/rules.json: everything the in-browser self-check needs to apply the Annex 1
/// rules, written from the same model as the Swift engine reads.
public struct RulesRecord: Encodable, Sendable {
    struct TierRule: Encodable {
        var id: String
        var name: String
        var minScenarios: Int
        var requiredAreas: [String]
        @Nullable var minMaturity: Int?

        enum CodingKeys: String, CodingKey {
            case id, name
            case minScenarios = "min_scenarios", requiredAreas = "required_areas", minMaturity = "min_maturity"
        }
    }

    struct AreaEntry: Encodable { var id: String; var name: String }

    struct ScenarioEntry: Encodable {
        var no: Int
        var code: String
        var name: String
        var segment: String
        @Nullable var area: String?
        var tiers: [String]
    }

    let tiers: [TierRule]
    let areas: [AreaEntry]
    let scenarios: [ScenarioEntry]
    /// GB/T 39116's levels by name, lowest first: a maturity is 1 … their number.
    let maturityLevels: [String]

    enum CodingKeys: String, CodingKey {
        case tiers, areas, scenarios, maturityLevels = "maturity_levels"
    }

    public init(standard: Standard) {
        let framework = standard.framework
        tiers = framework.tiers.map {
            TierRule(
                id: $0.id.rawValue, name: $0.name, minScenarios: $0.minScenarios, requiredAreas: $0.requiredAreas,
                minMaturity: $0.minMaturity)
        }
        areas = framework.areas.map { AreaEntry(id: $0.id, name: $0.name) }
        maturityLevels = framework.maturityLevels
        scenarios = standard.scenarios.map { scenario in
            ScenarioEntry(
                no: scenario.no, code: scenario.code, name: scenario.name, segment: scenario.segment,
                area: framework.segment(named: scenario.segment)?.area ?? nil,
                tiers: scenario.definedTiers.map(\.rawValue))
        }
    }
}
