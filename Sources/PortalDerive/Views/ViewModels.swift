import PortalModel

// View models: what templates see. Stored properties only (the render stage reads them
// through their synthesised Encodable conformance), plain values, no logic: every
// decision is made in SitePlanner.

/// Markdown source; the render stage turns it into HTML (cmark-gfm, safe mode).
public struct RichText: ViewModel, Equatable {
    public let markdown: String
    public init(_ markdown: String) { self.markdown = markdown }
}

public struct Link: ViewModel, Equatable {
    public var label: String
    public var href: String
    /// Marks the navigation entry of the section the page belongs to.
    public var current: Bool = false
}

/// Everything the shared layout needs: <head>, header, navigation, breadcrumbs, footer.
public struct Layout: ViewModel {
    public var lang: String
    public var siteTitle: String
    public var shortTitle: String
    public var edition: String
    /// The page's own title, used in <title> and Open Graph.
    public var title: String
    public var description: String
    /// Relative prefix back to the site root ("../../"), for assets.
    public var root: String
    public var canonical: String
    public var kind: String
    public var home: String
    public var nav: [Link]
    public var breadcrumbs: [Link]
    public var footer: [Link]
    public var data: [Link]
    /// The link-preview image (Open Graph, Twitter), at its published URL.
    public var image: String = ""
    /// Where the templates' own files are published (`root` + the catalogue's assets folder).
    public var assets: String = ""
    /// Where the header's search goes (the search page) and where it falls back without JavaScript.
    public var searchHref: String = ""
    public var searchFallback: String = ""
    /// Pagefind: whether the page's content is indexed, and its filters ("kind:典型场景").
    public var indexed: Bool = false
    public var searchFilters: [String] = []
    /// Words for the index beyond the page's text (SearchTerms.swift), never shown.
    public var searchTerms: [SearchTermBlock] = []
    /// The page runs WebAssembly (Pagefind's search), which its Content-Security-Policy
    /// must then allow; every other page forbids it.
    public var runsWebAssembly: Bool = false
    /// The edition it shows and its other addresses.
    public var editionBar: EditionBar? = nil
    /// Kept out of search engines: an edition's own copy (the latest's root page is the one).
    public var noindex: Bool = false
}

public struct TierRef: ViewModel, Equatable {
    public var id: String
    public var name: String
    public var href: String
}

/// One tier's rules in short, for tables and cards.
public struct TierSummary: ViewModel {
    public var tier: TierRef
    public var minScenarios: Int
    public var requiredAreas: String
    public var maturity: String
    public var definedCount: Int
    public var total: Int
}

// MARK: Home

public struct HomeView: ViewModel {
    public var layout: Layout
    public var lead: String
    public var tiersHref: String
    public var scenariosHref: String
    public var tiers: [TierSummary]
    public var goal: String
    /// The year the targets are set for (2027).
    public var targetYear: Int
    public var targets: [TargetView]
    public var entries: [EntryView]
}

public struct TargetView: ViewModel {
    public var tier: TierRef
    public var heading: String
    public var task: String
    public var figure: String
    public var figureLabel: String
    /// The published progress toward it (on the outcomes page), where outcomes exist.
    public var progressHref: String?
}

public struct EntryView: ViewModel {
    public var title: String
    /// What it holds, nil where that would repeat the title.
    public var text: String?
    public var href: String
}

// MARK: Tiers

public struct TiersIndexView: ViewModel {
    public var layout: Layout
    public var intro: String
    public var requirementsTitle: String
    public var requirements: [NumberedText]
    public var tiers: [TierSummary]
    public var areas: [AreaView]
}

public struct NumberedText: ViewModel {
    public var number: Int
    public var text: String
}

public struct AreaView: ViewModel {
    public var id: String
    public var name: String
    public var note: String
    public var segments: String
}

public struct TierView: ViewModel {
    public var layout: Layout
    public var tier: TierRef
    public var summary: TierSummary
    public var intro: String
    public var areaTexts: [AreaTextView]
    public var segments: [TierSegmentView]
    /// Comparisons with the neighbouring tiers.
    public var compareLinks: [Link]
    public var previous: Link?
    public var next: Link?
}

public struct AreaTextView: ViewModel {
    public var number: Int
    public var label: String
    public var text: String
}

public struct TierSegmentView: ViewModel {
    /// The segment's id, the anchor the page's contents list links to.
    public var id: String
    public var name: String
    /// The area it belongs to, nil where that is its own name.
    public var area: String?
    public var scenarios: [TierScenarioView]
}

public struct TierScenarioView: ViewModel {
    public var code: String
    public var name: String
    public var text: String
    public var href: String
}

// MARK: Scenarios

public struct ScenariosIndexView: ViewModel {
    public var layout: Layout
    public var tiers: [TierRef]
    public var segments: [SegmentGroup]
    public var count: Int
}

public struct SegmentGroup: ViewModel {
    public var id: String
    public var name: String
    /// The area it belongs to, nil where that is its own name.
    public var area: String?
    /// Area id for filters ("none" for 多环节/模式创新).
    public var areaId: String
    public var scenarios: [ScenarioRow]
}

public struct ScenarioRow: ViewModel {
    public var code: String
    public var name: String
    public var href: String
    public var cells: [MatrixCell]
}

/// One scenario × tier cell: the text (nil for "/") and the link to that tier section.
public struct MatrixCell: ViewModel {
    public var tier: TierRef
    public var defined: Bool
    public var text: String?
    public var href: String
}

public struct ScenarioView: ViewModel {
    public var layout: Layout
    public var code: String
    public var name: String
    public var segment: String
    /// The area its segment belongs to, nil where that is the segment's own name.
    public var area: String?
    public var sections: [TierSection]
    public var definedTiers: String
    public var notes: RichText?
    public var adoption: ScenarioAdoptionView?
    /// This scenario's row on each comparison page.
    public var compareLinks: [Link]
    /// Its page in each edition that has it (the permanent addresses), oldest first.
    public var history: [Link]
    public var previous: Link?
    public var next: Link?
}

public struct TierSection: ViewModel {
    public var tier: TierRef
    public var text: String?
    public var tierHref: String
    public var permalink: String
}

// MARK: Indicators

public struct IndicatorsIndexView: ViewModel {
    public var layout: Layout
    public var groups: [IndicatorGroup]
    /// How many indicators, and how many levels a graded one has (Annex 2: 10 and 6).
    public var indicatorCount: Int
    public var levelCount: Int
}

public struct IndicatorGroup: ViewModel {
    public var name: String
    public var indicators: [IndicatorRow]
}

public struct IndicatorRow: ViewModel {
    public var code: String
    public var name: String
    public var description: String
    public var href: String
}

public struct IndicatorView: ViewModel {
    public var layout: Layout
    public var code: String
    public var name: String
    public var group: String
    public var description: String
    public var levels: [NumberedText]
    public var question: String?
    public var unit: String?
    public var notApplicable: String?
    public var notes: RichText?
    /// Its published distribution (on the outcomes' indicator page), where outcomes exist.
    public var outcomesHref: String?
    /// Its page in each edition that has it (the permanent addresses), oldest first.
    public var history: [Link]
    public var previous: Link?
    public var next: Link?
}

// MARK: Matrix, pages, errors

public struct MatrixView: ViewModel {
    public var layout: Layout
    public var tiers: [TierRef]
    /// Columns of a row: number, name, one per tier.
    public var columns: Int
    public var segments: [SegmentGroup]
    public var filters: MatrixFilters
}

public struct MarkdownPageView: ViewModel {
    public var layout: Layout
    public var body: RichText
}

public struct NotFoundView: ViewModel {
    public var layout: Layout
    public var links: [Link]
}

public struct SitemapView: ViewModel {
    public var urls: [String]
    public var sitemap: String
}
