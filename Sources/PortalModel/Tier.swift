/// A tier of the standard: its stable English key, used in content files, URLs
/// (`/tiers/basic/`) and element ids (`#basic`), and its place in framework/tiers.yaml,
/// which lists the tiers lowest first. How many tiers there are, and which, is the
/// framework's to say (`Framework.tierIDs`).
public struct TierID: Hashable, Comparable, Sendable, Encodable, CustomStringConvertible {
    public let rawValue: String
    /// Position in ascending order (0 = the lowest tier).
    public let index: Int

    public init(_ rawValue: String, index: Int) {
        self.rawValue = rawValue
        self.index = index
    }

    public static func == (lhs: TierID, rhs: TierID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public static func < (lhs: TierID, rhs: TierID) -> Bool { lhs.index < rhs.index }
    public var description: String { rawValue }

    /// Written as its key.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One tier with its Annex 1 rules and texts.
public struct Tier: Sendable, Equatable {
    public var id: TierID
    /// Its name as the standard prints it.
    public var name: String
    /// Minimum number of scenarios built at this tier.
    public var minScenarios: Int
    /// Areas a factory must cover at this tier.
    public var requiredAreas: [String]
    /// Minimum GB/T 39116-2020 maturity level, nil where Annex 1 names none.
    public var minMaturity: Int?
    /// Annex 1 paragraph introducing the tier, verbatim.
    public var intro: String
    /// The five area texts, in Annex 1 order.
    public var areaTexts: [AreaText]

    public init(
        id: TierID, name: String, minScenarios: Int, requiredAreas: [String], minMaturity: Int?, intro: String,
        areaTexts: [AreaText]
    ) {
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
