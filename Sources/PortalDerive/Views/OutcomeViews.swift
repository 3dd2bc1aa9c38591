// View models of the outcome pages. Every number is already a published string: a
// count, "<k" where it counts fewer than k, or "×" where it is withheld to protect
// another figure.

/// One cell of a count table; `note` says why it is withheld (the cell's tooltip).
public struct CellView: ViewModel {
    public var text: String
    public var note: String?
}

public struct CountTableView: ViewModel {
    public var caption: String
    public var corner: String
    public var columns: [String]
    public var rows: [CountRowView]
    public var totals: CountRowView?
    public var hasRowTotals: Bool
    public var legend: LegendView?
}

public struct CountRowView: ViewModel {
    public var label: String
    public var cells: [CellView]
    public var total: CellView?
}

/// What the marks in a table mean: only those it uses.
public struct LegendView: ViewModel {
    public var primary: Bool
    public var secondary: Bool
    public var k: Int
}

public struct OutcomesIndexView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var records: String
    public var tierCards: [TierCountView]
    /// The exact tiers inside merged tier groups, when there are merged groups.
    public var tiers: CountTableView?
    public var declared: CountTableView?
    public var progress: [ProgressView]
    public var byRegion: CountTableView
    public var byYear: CountTableView
    public var cohorts: Int
    public var links: [Link]
}

/// Shown on every outcome page: what the data is and how it is protected.
public struct OutcomeNotice: ViewModel {
    public var synthetic: Bool
    public var label: String
    public var k: Int
    public var methodHref: String
    /// Some new assessments wait until at least k share a cohort.
    public var heldBack: Bool
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

public struct CohortsListView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    /// What a cohort is made of, in words.
    public var scheme: String
    public var cohorts: [CohortRowView]
}

public struct CohortRowView: ViewModel {
    public var href: String
    public var name: String
    public var group: String
    public var groupId: String
    public var place: String
    public var sector: String
    public var year: String
    public var size: String
}

public struct RecordsMovedView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var cohortsHref: String
    public var methodHref: String
}

public struct CohortView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var name: String
    public var group: String
    public var size: String
    public var place: String
    public var sector: String
    public var year: String
    /// Distributions of the attributes a reader already knows of each enterprise.
    public var profile: [DistributionView]
    public var indicators: [DistributionView]
    public var radar: RadarChart
    public var medians: [LevelRowView]
    public var scenarioColumns: [String]
    public var scenarios: [AdoptionRowView]
    public var legend: LegendView?
    public var listHref: String
}

public struct DistributionView: ViewModel {
    public var id: String
    public var title: String
    public var cells: [DistributionCellView]
}

public struct DistributionCellView: ViewModel {
    public var label: String
    public var count: String
    public var note: String?
    public var share: String
}

public struct AdoptionRowView: ViewModel {
    public var code: String
    public var name: String
    public var href: String
    public var cells: [CellView]
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
    /// This release's figures, when there are outcomes.
    public var scheme: String?
    public var groups: String?
    public var primary: String?
    public var secondary: String?
    public var release: String?
}
