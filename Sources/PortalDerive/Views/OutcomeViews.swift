// View models of the outcome pages. Every number is already a published string: a
// count, "<k" where it counts 1 to k−1, or "×" where it counts k or more and is withheld
// to protect a "<k". A bin that counts several values (a merged "1–2 级") spans their
// rows or columns.

/// One cell of a count table; `note` says why it is withheld (the cell's tooltip).
public struct CellView: ViewModel {
    public var text: String
    public var note: String?
    /// Rows or columns a merged bin spans (nil: one).
    public var rowspan: Int?
    public var colspan: Int?
    /// What a merged cell counts ("3–4级"), or a value shown inside it ("其中领航级 <5").
    public var detail: String?
    /// A class for the cell (heat colour, "withheld", "merged").
    public var style: String?
}

public struct CountTableView: ViewModel {
    public var caption: String
    public var corner: String
    public var columns: [String]
    public var rows: [CountRowView]
    public var totals: CountRowView?
    public var legend: LegendView?
    /// "本表 40 个数字中 3 个不公布".
    public var share: String?
    /// Why there is no table: the data could not carry one split.
    public var withdrawn: String? = nil
}

public struct CountRowView: ViewModel {
    public var label: String
    public var cells: [CellView]
}

/// What the marks in a table mean: only those it uses, each exactly as a reader may take
/// it (the audit assumes no more and no less).
public struct LegendView: ViewModel {
    public var items: [LegendItemView]
}

public struct LegendItemView: ViewModel {
    public var mark: String
    public var meaning: String
}

public struct OutcomesIndexView: ViewModel {
    public var layout: Layout
    public var notice: OutcomeNotice
    public var enterprises: String
    public var tierCards: [TierCountView]
    public var progress: [ProgressView]
    /// The year the targets are set for (2027).
    public var targetYear: Int
    /// The lowest tier's target, set per year, year by year.
    public var yearly: YearlyProgressView?
    public var declared: CountTableView?
    public var byRegion: CountTableView
    public var bySector: CountTableView
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
    /// A smaller tier inside it ("其中领航级 <5").
    public var detail: String?
}

public struct ProgressView: ViewModel {
    public var tier: TierRef
    public var label: String
    public var target: String
    /// What is published: "95 家", "1–4 家".
    public var reached: String
    /// "已达到目标", "已超过目标", "可能已达到目标", or nil.
    public var status: String?
    public var bar: ProgressBar
    public var note: String
}

/// A bar against a target: solid up to what is certain, hatched over what is possible,
/// both in percent of the target (capped at 100), and a mark where an exceeded target lies.
public struct ProgressBar: ViewModel {
    public var certain: Int
    public var possible: Int
    public var exceeded: Bool
    /// Where the target falls when the bar is drawn past it (percent of the bar).
    public var targetAt: Int?
}

public struct YearlyProgressView: ViewModel {
    public var tier: TierRef
    public var label: String
    public var target: String
    public var note: String
    public var years: [YearProgressView]
}

public struct YearProgressView: ViewModel {
    public var year: String
    public var reached: String
    public var status: String?
    public var bar: ProgressBar
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
    public var share: String?
}

public struct HeatRowView: ViewModel {
    public var code: String
    public var name: String
    public var href: String
    public var cells: [CellView]
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
    /// Why nothing is shown, where the province-wide figures could not be split.
    public var withdrawn: String?
}

public struct AdoptionCellView: ViewModel {
    public var label: String
    public var count: String
    public var share: String
    public var detail: String?
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
    public var medians: [LevelRowView]
    /// The levels heading the medians' tracks ("1" … "6").
    public var levelScale: [String]
    public var scenarioColumns: [String]
    public var scenarios: [AdoptionRowView]
    /// Why the scenario table says nothing, where it cannot.
    public var scenariosWithdrawn: String?
    public var legend: LegendView?
    public var share: String?
    public var listHref: String
}

public struct DistributionView: ViewModel {
    public var id: String
    public var title: String
    public var cells: [DistributionCellView]
    /// Why the distribution is not published for this group.
    public var withdrawn: String?
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
    public var track: LevelTrack
}

public struct MethodView: ViewModel {
    public var layout: Layout
    public var body: RichText
    public var tiers: [TierSummary]
    public var k: Int
    /// This release's figures, when there are outcomes.
    public var release: MethodReleaseView?
}

public struct MethodReleaseView: ViewModel {
    public var number: String
    public var scheme: String
    public var groups: String
    public var figures: String
    public var primary: String
    public var secondary: String
    public var share: String
}
