// View models of the outcome pages. Every number is already a published string: a
// count, or "<k" where it is withheld.

public struct CountTableView: ViewModel {
    public var caption: String
    public var corner: String
    public var columns: [String]
    public var rows: [CountRowView]
    public var totals: CountRowView?
    public var hasRowTotals: Bool
}

public struct CountRowView: ViewModel {
    public var label: String
    public var cells: [String]
    public var total: String?
}

public struct OutcomesIndexView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var records: String
    public var tierCards: [TierCountView]
    public var declared: CountTableView
    public var progress: [ProgressView]
    public var byRegion: CountTableView
    public var byYear: CountTableView
    public var links: [Link]
}

/// Shown on every outcome page: what the data is and how it is protected.
public struct OutcomeNotice: ViewModel {
    public var synthetic: Bool
    public var label: String
    public var k: Int
    public var methodHref: String
}

public struct TierCountView: ViewModel {
    public var id: String
    public var name: String
    public var count: String
}

public struct ProgressView: ViewModel {
    public var tier: TierRef
    public var label: String
    public var target: String
    public var reached: String
    /// Bar width in percent of the target, capped at 100.
    public var percent: Int
    public var note: String
}

public struct IndicatorOutcomesView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var indicators: [IndicatorOutcomeView]
}

public struct IndicatorOutcomeView: ViewModel {
    public var id: String
    public var code: String
    public var name: String
    public var href: String
    public var chart: StackedBarChart
    public var table: CountTableView
}

public struct ScenarioOutcomesView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var columns: [String]
    public var rows: [HeatRowView]
    public var legend: [HeatLegendItem]
}

public struct HeatRowView: ViewModel {
    public var code: String
    public var name: String
    public var href: String
    public var cells: [HeatCellView]
}

public struct HeatCellView: ViewModel {
    public var text: String
    /// CSS class of the colour bucket: heat-0 … heat-9, heat-na, heat-withheld.
    public var bucket: String
    public var title: String
}

public struct HeatLegendItem: ViewModel {
    public var bucket: String
    public var label: String
}

/// A scenario's own adoption figures, on its page.
public struct ScenarioAdoptionView: ViewModel {
    public var records: String
    public var cells: [AdoptionCellView]
    public var outcomesHref: String
    public var synthetic: Bool
}

public struct AdoptionCellView: ViewModel {
    public var label: String
    public var count: String
    public var share: String
}

public struct RecordsListView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var built: Bool
    public var reason: String?
    public var published: Int
    public var withheld: Int
    /// The quasi-identifiers shown, as generalised.
    public var scheme: String
    public var records: [RecordRowView]
}

public struct RecordRowView: ViewModel {
    public var id: String
    public var href: String
    public var year: Int
    public var region: String
    public var sector: String
    public var tier: String
    public var tierId: String
}

public struct RecordView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var id: String
    public var year: Int
    public var region: String
    public var sector: String
    public var tierName: String
    public var tierId: String
    public var maturity: Int
    public var next: GapView?
    public var checks: [TierCheckView]
    public var built: [BuiltGroupView]
    public var radar: RadarChart
    public var levels: [LevelRowView]
    public var investment: String?
}

public struct GapView: ViewModel {
    public var tierName: String
    public var tierId: String
    public var items: [String]
}

public struct TierCheckView: ViewModel {
    public var tierName: String
    public var tierId: String
    public var met: Bool
    public var scenarios: String
    public var areas: String
    public var maturity: String
}

public struct BuiltGroupView: ViewModel {
    public var tierName: String
    public var tierId: String
    public var scenarios: [Link]
}

public struct LevelRowView: ViewModel {
    public var name: String
    public var value: String
}

public struct MethodView: ViewModel {
    public var layout: Layout
    public var body: RichText
    public var tiers: [TierSummary]
    public var k: Int
}
