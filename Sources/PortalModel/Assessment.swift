/// One enterprise's assessment, as ingested. The direct identifiers are kept apart in a
/// type that never prints its contents, so no log line or message can leak them.
public struct Assessment: Sendable {
    public var identifiers: DirectIdentifiers
    /// Where the row is, for messages (file and line only, never values).
    public var source: SourceLocation
    public var region: String
    public var industry: String
    public var year: Int
    public var declaredTier: TierID?
    /// GB/T 39116 maturity level, 1–5.
    public var maturity: Int
    /// Answers to indicators 1…10, by indicator number.
    public var indicators: [Int: IndicatorAnswer]
    /// The tier at which each built scenario was built, by scenario number.
    public var scenarios: [Int: TierID]

    public init(identifiers: DirectIdentifiers, source: SourceLocation, region: String, industry: String, year: Int,
                declaredTier: TierID?, maturity: Int, indicators: [Int: IndicatorAnswer], scenarios: [Int: TierID]) {
        self.identifiers = identifiers
        self.source = source
        self.region = region
        self.industry = industry
        self.year = year
        self.declaredTier = declaredTier
        self.maturity = maturity
        self.indicators = indicators
        self.scenarios = scenarios
    }
}

public enum IndicatorAnswer: Sendable, Equatable {
    /// Level 1–6.
    case level(Int)
    /// 不涉及.
    case notApplicable
    /// Indicator 7: an amount in 万元.
    case amount(Double)
}

/// Enterprise name and unified social credit code. Never published: its description is
/// redacted, and the only thing derived from it is a keyed hash.
public struct DirectIdentifiers: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let enterprise: String
    public let creditCode: String

    public init(enterprise: String, creditCode: String) {
        self.enterprise = enterprise
        self.creditCode = creditCode
    }

    public var description: String { "‹direct identifiers withheld›" }
    public var debugDescription: String { description }
    // Reflection (templates, dump()) sees nothing either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
