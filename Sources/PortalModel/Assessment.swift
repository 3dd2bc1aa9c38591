/// One enterprise's assessment, as ingested. The direct identifiers are kept apart in a
/// type that never prints its contents, so no log line or message can leak them.
///
/// A value type over one shared, copy-on-write box: the loader and disclosure control pass
/// 100,000 of these through several maps and filters, and a copy then retains one box
/// instead of nine reference-counted fields.
public struct Assessment: Sendable {
    private final class Storage: @unchecked Sendable {
        var identifiers: DirectIdentifiers
        var source: SourceLocation
        var region: String
        var industry: String
        var year: Int
        var declaredTier: TierID?
        var maturity: Int
        var indicators: [Int: IndicatorAnswer]
        var scenarios: BuiltScenarios

        init(
            identifiers: DirectIdentifiers, source: SourceLocation, region: String, industry: String, year: Int,
            declaredTier: TierID?, maturity: Int, indicators: [Int: IndicatorAnswer], scenarios: BuiltScenarios
        ) {
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

        func copy() -> Storage {
            Storage(
                identifiers: identifiers, source: source, region: region, industry: industry, year: year,
                declaredTier: declaredTier, maturity: maturity, indicators: indicators, scenarios: scenarios)
        }
    }

    private var storage: Storage

    /// The box to change: shared ones are copied first, so a change never shows in
    /// another copy (value semantics).
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public var identifiers: DirectIdentifiers {
        get { storage.identifiers }
        set { unique.identifiers = newValue }
    }
    /// Where the row is, for messages (file and line only, never values).
    public var source: SourceLocation {
        get { storage.source }
        set { unique.source = newValue }
    }
    public var region: String {
        get { storage.region }
        set { unique.region = newValue }
    }
    public var industry: String {
        get { storage.industry }
        set { unique.industry = newValue }
    }
    public var year: Int {
        get { storage.year }
        set { unique.year = newValue }
    }
    public var declaredTier: TierID? {
        get { storage.declaredTier }
        set { unique.declaredTier = newValue }
    }
    /// GB/T 39116 maturity level, 1–5.
    public var maturity: Int {
        get { storage.maturity }
        set { unique.maturity = newValue }
    }
    /// Answers to indicators 1…10, by indicator number.
    public var indicators: [Int: IndicatorAnswer] {
        get { storage.indicators }
        set { unique.indicators = newValue }
    }
    /// The tier at which each built scenario was built, by scenario number.
    public var scenarios: BuiltScenarios {
        get { storage.scenarios }
        set { unique.scenarios = newValue }
    }

    public init(
        identifiers: DirectIdentifiers, source: SourceLocation, region: String, industry: String, year: Int,
        declaredTier: TierID?, maturity: Int, indicators: [Int: IndicatorAnswer], scenarios: BuiltScenarios
    ) {
        storage = Storage(
            identifiers: identifiers, source: source, region: region, industry: industry, year: year,
            declaredTier: declaredTier, maturity: maturity, indicators: indicators, scenarios: scenarios)
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
