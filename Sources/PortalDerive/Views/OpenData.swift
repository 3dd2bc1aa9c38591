import PortalModel

// The model as open data (/data/*.json): same source as the pages, English keys,
// null where the standard prints "/".

public struct ScenarioRecord: Encodable, Sendable {
    public var no: Int
    public var name: String
    public var segment: String
    /// nil for 多环节/模式创新, which belongs to no area.
    @Nullable public var area: String?
    /// Every tier's key, with null where the standard prints "/".
    public var tiers: [String: String?]
    public var url: String
}

public struct IndicatorRecord: Encodable, Sendable {
    public var no: Int
    public var group: String
    public var name: String
    public var description: String
    public var levels: [String]
    @Nullable public var question: String?
    @Nullable public var unit: String?
    @Nullable public var notApplicable: String?
    public var url: String

    enum CodingKeys: String, CodingKey {
        case no, group, name, description, levels, question, unit, url
        case notApplicable = "not_applicable"
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
    @Nullable public var area: String?
}

public struct TierRecord: Encodable, Sendable {
    public var id: String
    public var name: String
    public var minScenarios: Int
    public var requiredAreas: [String]
    @Nullable public var minMaturity: Int?
    public var intro: String
    public var areas: [AreaTextRecord]
    public var scenarios: [Int]
    public var url: String

    enum CodingKeys: String, CodingKey {
        case id, name, intro, areas, scenarios, url
        case minScenarios = "min_scenarios", requiredAreas = "required_areas", minMaturity = "min_maturity"
    }
}

public struct AreaTextRecord: Encodable, Sendable {
    public var area: String
    public var label: String
    public var text: String
}
