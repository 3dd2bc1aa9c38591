/// The four tiers of the standard, in ascending order. The raw value is the stable
/// English key used in content files, URLs (`/tiers/basic/`) and element ids (`#basic`).
public enum TierID: String, CaseIterable, Sendable, Comparable, Codable {
    case basic, advanced, excellent, leading

    /// Position in ascending order (basic 0 … leading 3).
    public var index: Int {
        switch self {
        case .basic: 0
        case .advanced: 1
        case .excellent: 2
        case .leading: 3
        }
    }

    public static func < (lhs: TierID, rhs: TierID) -> Bool { lhs.index < rhs.index }
}

/// One tier with its Annex 1 rules and texts.
public struct Tier: Sendable, Equatable {
    public var id: TierID
    /// 基础级, 先进级, 卓越级, 领航级.
    public var name: String
    /// Minimum number of scenarios built at this tier (5/10/16/20).
    public var minScenarios: Int
    /// Areas a factory must cover at this tier.
    public var requiredAreas: [String]
    /// Minimum GB/T 39116-2020 maturity level, nil where Annex 1 names none.
    public var minMaturity: Int?
    /// Annex 1 paragraph introducing the tier, verbatim.
    public var intro: String
    /// The five area texts, in Annex 1 order.
    public var areaTexts: [AreaText]

    public init(id: TierID, name: String, minScenarios: Int, requiredAreas: [String], minMaturity: Int?, intro: String, areaTexts: [AreaText]) {
        self.id = id
        self.name = name
        self.minScenarios = minScenarios
        self.requiredAreas = requiredAreas
        self.minMaturity = minMaturity
        self.intro = intro
        self.areaTexts = areaTexts
    }
}

/// What a tier asks of one area ("1. 工厂建设：开展产线级…").
public struct AreaText: Sendable, Equatable {
    public var area: String
    /// The label as the source prints it (the leading tier prints 经营管理 for 运营管理).
    public var label: String
    public var text: String

    public init(area: String, label: String, text: String) {
        self.area = area
        self.label = label
        self.text = text
    }
}
