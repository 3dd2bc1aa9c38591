// View models of the comparison pages and the self-check.

public struct CompareIndexView: ViewModel {
    public var layout: Layout
    public var pairs: [ComparePairLink]
    public var areaColumns: [String]
    public var rules: [RulesMatrixRow]
}

public struct ComparePairLink: ViewModel {
    public var slug: String
    public var label: String
    public var href: String
    public var newCount: Int
}

public struct RulesMatrixRow: ViewModel {
    public var tier: TierRef
    public var minScenarios: Int
    public var requiredAreas: String
    public var maturity: String
    public var definedPerArea: [String]
    public var defined: Int
}

public struct CompareView: ViewModel {
    public var layout: Layout
    public var low: TierRef
    public var high: TierRef
    public var changes: [RuleChange]
    public var areaTexts: [AreaPairView]
    public var newCount: Int
    public var droppedCount: Int
    public var anyDropped: Bool
    public var filters: MatrixFilters
    public var segments: [CompareSegment]
}

public struct RuleChange: ViewModel {
    public var label: String
    public var low: String
    public var high: String
    public var changed: Bool
}

public struct AreaPairView: ViewModel {
    public var area: String
    public var low: String
    public var high: String
}

public struct CompareSegment: ViewModel {
    public var id: String
    public var name: String
    /// The area it belongs to, nil where that is its own name.
    public var area: String?
    public var areaId: String
    public var rows: [CompareRow]
}

public struct CompareRow: ViewModel {
    public var code: String
    public var name: String
    public var href: String
    public var areaId: String
    public var segmentId: String
    public var lowText: String?
    public var highText: String?
    public var lowHref: String
    public var highHref: String
    /// "new" (defined only at the higher tier), "dropped" (only at the lower) or "".
    public var change: String
    public var changeLabel: String?
}

/// The filter controls shared by the matrix and the comparison pages.
public struct MatrixFilters: ViewModel {
    public var areas: [FilterOption]
    public var segments: [FilterOption]
    public var tiers: [FilterOption]
}

public struct FilterOption: ViewModel {
    public var value: String
    public var label: String
    public var group: String?
}

public struct SelfCheckView: ViewModel {
    public var layout: Layout
    /// The tiers' page, for readers without JavaScript.
    public var tiersHref: String
    public var rulesJSON: String
    public var segments: [SelfCheckSegment]
    public var tiers: [TierSummary]
    /// The maturity levels to choose from (framework/maturity.yaml).
    public var maturityLevels: [FilterOption]
    /// The optional second part: a level (or band) for each Annex 2 indicator.
    public var indicators: [SelfCheckIndicator]
    /// The tier groups' published distributions to compare with; nil without outcomes.
    public var benchmarkJSON: String?
    /// The levels heading the comparison's tracks ("1" … "6"), which the browser draws
    /// (the answer and the group's median) for each graded indicator.
    public var levelScale: [String]
}

public struct SelfCheckIndicator: ViewModel {
    public var no: Int
    public var code: String
    public var name: String
    public var href: String
    /// "1" … "6" by level, or by investment band for an amount (1 = the lowest band).
    public var options: [FilterOption]
    /// Each level's description, to read before choosing.
    public var levels: [NumberedText]
    public var notApplicable: String?
    /// Answered by a level (drawn on a track), or by an amount in bands (words only).
    public var graded: Bool
}

public struct SelfCheckSegment: ViewModel {
    public var name: String
    /// The area it belongs to, nil where that is its own name.
    public var area: String?
    public var scenarios: [SelfCheckScenario]
}

public struct SelfCheckScenario: ViewModel {
    public var no: Int
    public var code: String
    public var name: String
    public var href: String
    public var options: [FilterOption]
    /// What each tier asks of the scenario, to read before answering.
    public var texts: [SelfCheckTierText]
}

public struct SelfCheckTierText: ViewModel {
    public var tier: TierRef
    public var text: String
}
