/// One typical scenario of Annex 3 with its requirement text per tier.
public struct Scenario: Sendable, Equatable {
    public var no: Int
    public var name: String
    /// Segment name as in the table, e.g. 工厂建设.
    public var segment: String
    /// Text per tier, one entry for each of the framework's tiers; nil where the source
    /// prints "/" (not defined at that tier).
    public var tiers: [TierID: String?]
    /// Optional editorial notes (Markdown) below the front matter.
    public var notes: String
    public var source: SourceFile

    public init(no: Int, name: String, segment: String, tiers: [TierID: String?], notes: String, source: SourceFile) {
        self.no = no
        self.name = name
        self.segment = segment
        self.tiers = tiers
        self.notes = notes
        self.source = source
    }

    /// The tier's text, or nil where the scenario is not defined at that tier.
    public func text(at tier: TierID) -> String? { tiers[tier] ?? nil }

    /// Tiers at which the standard defines this scenario, ascending.
    public var definedTiers: [TierID] { tiers.keys.sorted().filter { text(at: $0) != nil } }

    /// Two-digit number used in URLs and file names: 7 → "07".
    public var code: String { twoDigits(no) }
}

/// Two-digit zero-padded number, the form used in every URL.
public func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
