/// Every kind of page the site publishes, with everything else that must agree about it:
/// where it lives, which template draws it, what the navigation and breadcrumbs call it,
/// and whether (and as what) search indexes it. The planner, the template check, the
/// slugs pages may not take, the search filters and the data page's documentation all
/// read this one list; a new kind of page is a case here, one planner function and one
/// template.
public enum PageKind: String, CaseIterable, Sendable {
    case home, scenarios, scenario, tiers, tier, indicators, indicator, matrix
    case compareIndex, compare, selfCheck, search, data, notFound
    case outcomes, outcomeIndicators, outcomeScenarios, cohorts, cohort, records, method
    case page

    public struct Entry: Sendable {
        /// The template under Templates/pages/, without `.mustache`.
        public let template: String
        /// The path below the site root; `{…}` stands for the one part that varies.
        public let route: String
        /// Its name in the navigation and in breadcrumbs.
        public let label: TextKey?
        /// Its place in the main navigation (1 first), nil when it has none.
        public let navigation: Int?
        /// The kind search results are filtered by, when its pages are indexed.
        public let search: TextKey?
    }

    public var entry: Entry {
        switch self {
        case .home: return Entry(template: "home", route: "", label: .pageHome, navigation: nil, search: nil)
        case .tiers: return Entry(template: "tiers", route: "tiers/", label: .pageTiers, navigation: 1, search: .searchKindTier)
        case .tier: return Entry(template: "tier", route: "tiers/{tier}/", label: nil, navigation: nil, search: .searchKindTier)
        case .scenarios: return Entry(template: "scenarios", route: "scenarios/", label: .pageScenarios, navigation: 2, search: nil)
        case .scenario: return Entry(template: "scenario", route: "scenarios/{code}/", label: nil, navigation: nil, search: .searchKindScenario)
        case .compareIndex: return Entry(template: "compare-index", route: "compare/", label: .pageCompare, navigation: 3, search: nil)
        case .compare: return Entry(template: "compare", route: "compare/{pair}/", label: nil, navigation: nil, search: nil)
        case .matrix: return Entry(template: "matrix", route: "matrix/", label: .pageMatrix, navigation: 4, search: nil)
        case .indicators: return Entry(template: "indicators", route: "indicators/", label: .pageIndicators, navigation: 5, search: nil)
        case .indicator: return Entry(template: "indicator", route: "indicators/{code}/", label: nil, navigation: nil, search: .searchKindIndicator)
        case .outcomes: return Entry(template: "outcomes", route: "outcomes/", label: .pageOutcomes, navigation: 6, search: .searchKindOutcomes)
        case .outcomeIndicators:
            return Entry(template: "outcome-indicators", route: "outcomes/indicators/", label: .pageOutcomeIndicators, navigation: nil, search: .searchKindOutcomes)
        case .outcomeScenarios:
            return Entry(template: "outcome-scenarios", route: "outcomes/scenarios/", label: .pageOutcomeScenarios, navigation: nil, search: .searchKindOutcomes)
        case .cohorts: return Entry(template: "cohorts", route: "outcomes/cohorts/", label: .pageCohorts, navigation: nil, search: nil)
        case .cohort: return Entry(template: "cohort", route: "outcomes/cohorts/{cohort}/", label: nil, navigation: nil, search: nil)
        case .records: return Entry(template: "records", route: "outcomes/records/", label: .pageRecords, navigation: nil, search: nil)
        case .method: return Entry(template: "method", route: "outcomes/method/", label: nil, navigation: nil, search: nil)
        case .selfCheck: return Entry(template: "self-check", route: "self-check/", label: .pageSelfCheck, navigation: 7, search: nil)
        case .search: return Entry(template: "search", route: "search/", label: .pageSearch, navigation: nil, search: nil)
        case .data: return Entry(template: "data", route: "data/", label: .pageData, navigation: nil, search: nil)
        case .notFound: return Entry(template: "404", route: "404.html", label: .pageNotFound, navigation: nil, search: nil)
        case .page: return Entry(template: "page", route: "{slug}/", label: nil, navigation: nil, search: .searchKindPage)
        }
    }

    /// The path of this kind's page for `part` (the `{…}` of its route).
    public func path(_ part: String = "") -> String {
        let (head, tail) = Self.routeParts[self]!
        guard let tail else { return head }
        return head + part + tail
    }

    /// Each kind's route cut at its `{…}` (no tail: no placeholder), worked out once:
    /// every link on every page asks for a path.
    private static let routeParts: [PageKind: (head: String, tail: String?)] = Dictionary(uniqueKeysWithValues: allCases.map { kind in
        let route = kind.entry.route
        guard let open = route.firstIndex(of: "{"), let close = route.firstIndex(of: "}") else { return (kind, (route, nil)) }
        return (kind, (String(route[..<open]), String(route[route.index(after: close)...])))
    })

    /// Every template the site renders pages with (`pages/…`), plus the layout and the
    /// sitemap.
    public static var templates: [String] {
        ["layout", "sitemap"] + allCases.map { "pages/" + $0.entry.template }
    }

    /// First path segments the site's own pages use, which a content page may not take
    /// (plus `assets`, where the templates' files go).
    public static var reservedSlugs: Set<String> {
        Set(allCases.compactMap { kind -> String? in
            let first = kind.entry.route.prefix { $0 != "/" }
            return first.isEmpty || first.contains("{") || first.contains(".") ? nil : String(first)
        }).union(["assets"])
    }

    /// The kinds search results can be filtered by, in catalogue order, once each.
    public static func searchKinds(withOutcomes: Bool) -> [TextKey] {
        var kinds: [TextKey] = []
        for kind in allCases where withOutcomes || !kind.isOutcome {
            if let search = kind.entry.search, !kinds.contains(search) { kinds.append(search) }
        }
        return kinds
    }

    /// Pages that exist only when assessment outcomes are published.
    public var isOutcome: Bool { entry.route.hasPrefix("outcomes/") }
}
