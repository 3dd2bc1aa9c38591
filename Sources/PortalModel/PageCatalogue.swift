/// Every kind of page the site publishes, with everything else that must agree about it:
/// where it lives, which template draws it, what the style sheet calls it, which section
/// of the navigation it is in, what the navigation and breadcrumbs call it, and whether
/// (and as what) search indexes it. The planner (one function per kind, chosen by an
/// exhaustive switch: a kind without one does not compile), the template check, the
/// slugs pages may not take, the search filters and the data page's documentation all
/// read this one list; a new kind of page is a case here, one planner function and one
/// template. `SiteFile` is the same list for the files that are not pages.
public enum PageKind: String, CaseIterable, Sendable {
    case home, scenarios, scenario, tiers, tier, indicators, indicator, matrix
    case compareIndex, compare, selfCheck, search, data, notFound
    case outcomes, outcomeIndicators, outcomeScenarios, cohorts, cohort, records, method
    case page
    case editions, changes, formerScenario, formerIndicator

    public struct Entry: Sendable {
        /// The template under Templates/pages/, without `.mustache`.
        public let template: String
        /// The path below the site root; `{…}` stands for the one part that varies.
        public let route: String
        /// The page's classes for the style sheet (`<body class="kind-…">`).
        public let style: String
        /// The section of the main navigation it belongs to (marked current there).
        public let section: PageKind?
        /// Its name in the navigation and in breadcrumbs.
        public let label: TextKey?
        /// Its place in the main navigation (1 first), nil when it has none.
        public let navigation: Int?
        /// The kind search results are filtered by, when its pages are indexed.
        public let search: TextKey?
        /// Whether every edition has one at /editions/<id>/ + its route (the standard's
        /// own pages); the others (outcomes, the self-check, search) are the latest's only.
        public let perEdition: Bool
        /// The kind whose addresses it keeps, where the latest edition no longer has the
        /// item an earlier one had there (it then takes that kind's route).
        public let keepsAddressOf: PageKind?

        init(
            _ template: String, _ route: String, style: String? = nil, section: PageKind? = nil, label: TextKey? = nil,
            navigation: Int? = nil, search: TextKey? = nil, perEdition: Bool = false, keepsAddressOf: PageKind? = nil
        ) {
            (self.template, self.route, self.style, self.section) = (template, route, style ?? template, section)
            (self.label, self.navigation, self.search, self.perEdition) = (label, navigation, search, perEdition)
            self.keepsAddressOf = keepsAddressOf
        }
    }

    public var entry: Entry {
        switch self {
        case .home: return Entry("home", "", section: .home, label: .pageHome, perEdition: true)
        case .tiers:
            return Entry(
                "tiers", "tiers/", section: .tiers, label: .pageTiers, navigation: 1, search: .searchKindTier,
                perEdition: true)
        case .tier: return Entry("tier", "tiers/{tier}/", section: .tiers, search: .searchKindTier, perEdition: true)
        case .scenarios:
            return Entry(
                "scenarios", "scenarios/", section: .scenarios, label: .pageScenarios, navigation: 2, perEdition: true)
        case .scenario:
            return Entry(
                "scenario", "scenarios/{code}/", section: .scenarios, search: .searchKindScenario, perEdition: true)
        case .compareIndex:
            return Entry(
                "compare-index", "compare/", section: .compareIndex, label: .pageCompare, navigation: 3,
                perEdition: true)
        case .compare: return Entry("compare", "compare/{pair}/", section: .compareIndex, perEdition: true)
        case .matrix:
            return Entry("matrix", "matrix/", section: .matrix, label: .pageMatrix, navigation: 4, perEdition: true)
        case .indicators:
            return Entry(
                "indicators", "indicators/", section: .indicators, label: .pageIndicators, navigation: 5,
                perEdition: true)
        case .indicator:
            return Entry(
                "indicator", "indicators/{code}/", section: .indicators, search: .searchKindIndicator,
                perEdition: true)
        case .outcomes:
            return Entry(
                "outcomes", "outcomes/", style: "outcomes index", section: .outcomes, label: .pageOutcomes,
                navigation: 6,
                search: .searchKindOutcomes)
        case .outcomeIndicators:
            return Entry(
                "outcome-indicators", "outcomes/indicators/", style: "outcomes indicators", section: .outcomes,
                label: .pageOutcomeIndicators, search: .searchKindOutcomes)
        case .outcomeScenarios:
            return Entry(
                "outcome-scenarios", "outcomes/scenarios/", style: "outcomes scenarios", section: .outcomes,
                label: .pageOutcomeScenarios, search: .searchKindOutcomes)
        case .cohorts:
            return Entry(
                "cohorts", "outcomes/cohorts/", style: "outcomes cohorts", section: .outcomes, label: .pageCohorts)
        case .cohort: return Entry("cohort", "outcomes/cohorts/{cohort}/", style: "outcomes cohort", section: .outcomes)
        case .records:
            return Entry(
                "records", "outcomes/records/", style: "outcomes records", section: .outcomes, label: .pageRecords)
        case .method: return Entry("method", "outcomes/method/", style: "page method", section: .outcomes)
        case .selfCheck:
            return Entry("self-check", "self-check/", section: .selfCheck, label: .pageSelfCheck, navigation: 7)
        case .search: return Entry("search", "search/", label: .pageSearch)
        case .data: return Entry("data", "data/", label: .pageData, perEdition: true)
        case .notFound: return Entry("404", "404.html", style: "not-found", label: .pageNotFound)
        case .page: return Entry("page", "{slug}/", search: .searchKindPage, perEdition: true)
        case .editions: return Entry("editions", "editions/", label: .pageEditions)
        case .changes: return Entry("changes", "changes/{pair}/", style: "changes", section: .editions)
        // An item a later edition withdrew or renumbered keeps a page at its old address.
        case .formerScenario:
            return Entry("former", "scenarios/{code}/", style: "former", section: .scenarios, keepsAddressOf: .scenario)
        case .formerIndicator:
            return Entry(
                "former", "indicators/{code}/", style: "former", section: .indicators, keepsAddressOf: .indicator)
        }
    }

    /// The template that draws this kind, as the renderer names it.
    public var template: String { "pages/" + entry.template }

    /// The path of this kind's page for `part` (the `{…}` of its route).
    public func path(_ part: String = "") -> String {
        let (head, tail) = Self.routeParts[rawValue] ?? (entry.route, nil)
        guard let tail else { return head }
        return head + part + tail
    }

    /// Each kind's route cut at its `{…}` (no tail: no placeholder), worked out once:
    /// every link on every page asks for a path.
    private static let routeParts: [String: (head: String, tail: String?)] = Dictionary(
        uniqueKeysWithValues: allCases.map { kind in
            let route = kind.entry.route
            guard let open = route.firstIndex(of: "{"), let close = route.firstIndex(of: "}") else {
                return (kind.rawValue, (route, nil))
            }
            return (kind.rawValue, (String(route[..<open]), String(route[route.index(after: close)...])))
        })

    /// Every template the site renders with: the layout, each kind's, and the files'.
    public static var templates: [String] {
        ["layout"] + allCases.map(\.template) + SiteFile.allCases.compactMap(\.entry.template)
    }

    /// First path segments the site's own pages and files use, which a content page may
    /// not take.
    public static var reservedSlugs: Set<String> {
        let paths = allCases.map(\.entry.route) + SiteFile.allCases.map(\.entry.path) + [SiteFile.assetsFolder]
        return Set(
            paths.compactMap { path -> String? in
                let first = path.prefix { $0 != "/" }
                return first.isEmpty || first.contains("{") || first.contains(".") ? nil : String(first)
            })
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

/// Every file the site publishes that is not a page: the downloads of /data/, the
/// sitemap, robots.txt, the link-preview image and the search index — where each goes,
/// what the data page says of it, which template draws it.
public enum SiteFile: String, CaseIterable, Sendable {
    case scenariosCSV, scenariosJSON, indicatorsCSV, indicatorsJSON, tiersJSON, rulesJSON, outcomesCSV, outcomesJSON
    case sitemap, robots, linkPreview, searchIndex

    /// Where the templates' own files (Templates/assets/) are published.
    public static let assetsFolder = "assets/"

    /// The file a folder's page is written to (`scenarios/07/` is `scenarios/07/index.html`).
    public static let folderIndex = "index.html"

    /// The downloads' folder: the data page's.
    private static var downloads: String { PageKind.data.entry.route }

    public struct Entry: Sendable {
        /// The path below the site root (a folder ends in `/`).
        public let path: String
        /// What the data page says it holds (downloads only).
        public let description: TextKey?
        /// The template that draws it, if one does.
        public let template: String?
        /// Linked from every page's footer.
        public let inFooter: Bool
        /// Published only with assessment outcomes.
        public let isOutcome: Bool
        /// Whether every edition has its own (the standard as open data), as its pages.
        public var perEdition: Bool { description != nil && !isOutcome }

        init(
            _ path: String, description: TextKey? = nil, template: String? = nil, inFooter: Bool = false,
            outcome: Bool = false
        ) {
            (self.path, self.description, self.template, self.inFooter, self.isOutcome) = (
                path, description, template, inFooter, outcome
            )
        }
    }

    public var entry: Entry {
        switch self {
        case .scenariosCSV:
            return Entry(Self.downloads + "scenarios.csv", description: .dataScenariosCsv, inFooter: true)
        case .scenariosJSON:
            return Entry(Self.downloads + "scenarios.json", description: .dataScenariosJson, inFooter: true)
        case .indicatorsCSV:
            return Entry(Self.downloads + "indicators.csv", description: .dataIndicatorsCsv, inFooter: true)
        case .indicatorsJSON:
            return Entry(Self.downloads + "indicators.json", description: .dataIndicatorsJson, inFooter: true)
        case .tiersJSON: return Entry(Self.downloads + "tiers.json", description: .dataTiersJson)
        case .rulesJSON: return Entry(Self.downloads + "rules.json", description: .dataRulesJson)
        case .outcomesCSV:
            return Entry(Self.downloads + "outcomes.csv", description: .dataOutcomesCsv, inFooter: true, outcome: true)
        case .outcomesJSON:
            return Entry(
                Self.downloads + "outcomes.json", description: .dataOutcomesJson, inFooter: true, outcome: true)
        case .sitemap: return Entry("sitemap.xml", template: "sitemap")
        case .robots: return Entry("robots.txt")
        case .linkPreview: return Entry(Self.assetsFolder + "og-card.png")
        case .searchIndex: return Entry("pagefind/")
        }
    }

    /// Its name as a reader sees it: the last part of its path.
    public var name: String { String(entry.path.split(separator: "/").last ?? "") }

    /// The downloads of /data/ (those the data page describes).
    public static var dataFiles: [SiteFile] { allCases.filter { $0.entry.description != nil } }
}
