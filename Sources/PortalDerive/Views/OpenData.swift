import PortalModel

// The model as open data (/data/*.json): same source as the pages, English keys,
// null where the standard prints "/".

public struct ScenarioRecord: Encodable, Sendable {
    public var no: Int
    public var name: String
    public var segment: String
    public var area: String?
    public var tiers: [String: String?]
    public var url: String

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(no, forKey: .no)
        try c.encode(name, forKey: .name)
        try c.encode(segment, forKey: .segment)
        try c.encode(area, forKey: .area) // explicit null for 多环节/模式创新
        var t = c.nestedContainer(keyedBy: TierKey.self, forKey: .tiers)
        for tier in TierID.allCases {
            try t.encode(tiers[tier.rawValue] ?? nil, forKey: TierKey(tier.rawValue))
        }
        try c.encode(url, forKey: .url)
    }

    private enum Key: String, CodingKey { case no, name, segment, area, tiers, url }
    private struct TierKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

public struct IndicatorRecord: Encodable, Sendable {
    public var no: Int
    public var group: String
    public var name: String
    public var description: String
    public var levels: [String]
    public var question: String?
    public var unit: String?
    public var notApplicable: String?
    public var url: String

    enum CodingKeys: String, CodingKey {
        case no, group, name, description, levels, question, unit, url
        case notApplicable = "not_applicable"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(no, forKey: .no)
        try c.encode(group, forKey: .group)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(levels, forKey: .levels)
        try c.encode(question, forKey: .question)
        try c.encode(unit, forKey: .unit)
        try c.encode(notApplicable, forKey: .notApplicable)
        try c.encode(url, forKey: .url)
    }
}

public struct TiersRecord: Encodable, Sendable {
    public var edition: String
    public var intro: String
    public var requirements: [String]
    public var areas: [AreaRecord]
    public var segments: [SegmentRecord]
    public var tiers: [TierRecord]
}

public struct AreaRecord: Encodable, Sendable {
    public var id: String
    public var name: String
    public var note: String
    public var segments: [String]
}

public struct SegmentRecord: Encodable, Sendable {
    public var id: String
    public var name: String
    public var area: String?

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(area, forKey: .area)
    }
    enum CodingKeys: String, CodingKey { case id, name, area }
}

public struct TierRecord: Encodable, Sendable {
    public var id: String
    public var name: String
    public var minScenarios: Int
    public var requiredAreas: [String]
    public var minMaturity: Int?
    public var intro: String
    public var areas: [AreaText]
    public var scenarios: [Int]
    public var url: String

    enum CodingKeys: String, CodingKey {
        case id, name, intro, areas, scenarios, url
        case minScenarios = "min_scenarios", requiredAreas = "required_areas", minMaturity = "min_maturity"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(minScenarios, forKey: .minScenarios)
        try c.encode(requiredAreas, forKey: .requiredAreas)
        try c.encode(minMaturity, forKey: .minMaturity)
        try c.encode(intro, forKey: .intro)
        try c.encode(areas.map { ["area": $0.area, "label": $0.label, "text": $0.text] }, forKey: .areas)
        try c.encode(scenarios, forKey: .scenarios)
        try c.encode(url, forKey: .url)
    }
}
