import PortalModel

/// /data/rules.json: everything the in-browser self-check needs to apply the Annex 1
/// rules, written from the same model as the Swift engine reads.
public struct RulesRecord: Encodable, Sendable {
    struct TierRule: Encodable {
        var id: String
        var name: String
        var min_scenarios: Int
        var required_areas: [String]
        var min_maturity: Int?

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(min_scenarios, forKey: .min_scenarios)
            try c.encode(required_areas, forKey: .required_areas)
            try c.encode(min_maturity, forKey: .min_maturity)
        }
        enum CodingKeys: String, CodingKey { case id, name, min_scenarios, required_areas, min_maturity }
    }

    struct AreaEntry: Encodable { var id: String; var name: String }

    struct ScenarioEntry: Encodable {
        var no: Int
        var code: String
        var name: String
        var segment: String
        var area: String?
        var tiers: [String]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(no, forKey: .no)
            try c.encode(code, forKey: .code)
            try c.encode(name, forKey: .name)
            try c.encode(segment, forKey: .segment)
            try c.encode(area, forKey: .area)
            try c.encode(tiers, forKey: .tiers)
        }
        enum CodingKeys: String, CodingKey { case no, code, name, segment, area, tiers }
    }

    let tiers: [TierRule]
    let areas: [AreaEntry]
    let scenarios: [ScenarioEntry]

    public init(standard: Standard) {
        let framework = standard.framework
        tiers = framework.tiers.map {
            TierRule(id: $0.id.rawValue, name: $0.name, min_scenarios: $0.minScenarios, required_areas: $0.requiredAreas, min_maturity: $0.minMaturity)
        }
        areas = framework.areas.map { AreaEntry(id: $0.id, name: $0.name) }
        scenarios = standard.scenarios.map { scenario in
            ScenarioEntry(no: scenario.no, code: scenario.code, name: scenario.name, segment: scenario.segment,
                          area: framework.segment(named: scenario.segment)?.area ?? nil,
                          tiers: scenario.definedTiers.map(\.rawValue))
        }
    }
}
