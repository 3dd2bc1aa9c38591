import PortalModel
import Foundation

/// Stage 2, derive: turns the validated model into view models, one per page, plus
/// the open data. Pure: the same standard gives the same plan.
public struct SitePlanner: Sendable {
    let standard: Standard
    /// The site's own words (Templates/strings.zh-CN.yaml).
    let text: UIText
    let baseURL: String
    /// Whether pages carry word lists for the search index (only when one is built).
    public var searchTerms = false
    /// The day the build runs (YYYY-MM-DD), which the history page's statuses start from.
    public var today = isoDate(Date())
    /// Assessment outcomes, protected and audited, when there are assessments to publish.
    let outcomes: OutcomeRelease?
    /// The editions, and where this planner's pages go among them.
    let place: EditionPlace
    /// Its folder: "" at the root, "editions/<id>/" for an edition's own pages.
    var folder: String { place.folder }
    var site: SiteConfig { standard.site }
    var framework: Framework { standard.framework }
    /// The scenarios of each segment (by name), in model order: grouped once, because
    /// filtering every scenario per segment on every page grows with the square of the
    /// standard's size.
    /// The main navigation's sections, labels and places.
    let sections: [(String, Route)]
    let scenariosOfSegment: [String: [Scenario]]
    /// Each segment's area (a segment of no area is not in it), and how many scenarios
    /// each tier defines (by the tier's index): looked up and counted once, not for every
    /// scenario on every page that shows them.
    let areaOfSegment: [String: String]
    let definedCounts: [Int]
    /// The links of the layout for pages at each depth (by their root prefix): 4,000
    /// scenario pages at one depth share one set, made once.
    let layoutLinks: [String: LayoutLinks]

    /// `baseURL` overrides site.yaml's when given (`portal build --base-url`).
    /// `place`: where among the editions the pages go (the only edition, at the root, when nil).
    public init(
        standard: Standard, text: UIText, baseURL: String? = nil, outcomes: OutcomeRelease? = nil,
        place: EditionPlace? = nil
    ) {
        self.standard = standard
        self.text = text
        self.baseURL = baseURL ?? standard.site.baseURL
        let place = place ?? EditionPlace(only: standard)
        self.place = place
        // An edition's own folder publishes the standard, never outcomes.
        self.outcomes = place.isRoot ? outcomes : nil
        scenariosOfSegment = Dictionary(grouping: standard.scenarios, by: \.segment)
        var areas: [String: String] = [:]
        // Backwards, so the first segment of a name wins, as in Framework.segment(named:).
        for segment in standard.framework.segments.reversed() { areas[segment.name] = segment.area }
        areaOfSegment = areas
        definedCounts = standard.framework.tierIDs.map { tier in standard.scenarios.count { $0.text(at: tier) != nil } }
        // The main navigation is the same on every page: worked out once. An edition's own
        // pages lead to the root's outcomes and self-check as the latest's do.
        let folder = place.folder, hasOutcomes = outcomes != nil
        sections =
            PageKind.allCases
            .compactMap { kind -> (Int, String, Route)? in
                guard let place = kind.entry.navigation, let label = kind.entry.label,
                    hasOutcomes || !kind.isOutcome
                else { return nil }
                return (place, text(label), Route(kind, edition: folder))
            }
            .sorted { $0.0 < $1.0 }.map { ($0.1, $0.2) }
            + standard.pages.filter { $0.order <= 1 }.map { ($0.nav, Route(.page, $0.slug, edition: folder)) }
        // The site's pages are at most four folders deep; a deeper one makes its own.
        var links: [String: LayoutLinks] = [:]
        for depth in 0...4 {
            let from = Route(String(repeating: "d/", count: depth))
            links[from.rootPrefix] = LayoutLinks(
                sections: sections, pages: standard.pages, downloadsLabel: text(.layoutAllDownloads),
                outcomes: hasOutcomes, folder: folder
            ) { from.link(to: $0) }
        }
        layoutLinks = links
    }

    public func plan() -> SitePlan {
        // Only routes are worked out here: each page's view model is made when the page is
        // rendered. The pages that list every scenario come first: the writer takes pages
        // in this order on every core, so the largest start first and no core is left
        // rendering one of them alone at the end.
        // An edition's own folder repeats the standard's pages only.
        let all = PageKind.allCases.filter { place.isRoot || $0.entry.perEdition }.flatMap(pages)
        let pages =
            all.filter { Self.listsEveryScenario.contains($0.kind) }
            + all.filter { !Self.listsEveryScenario.contains($0.kind) }
        let urls = pages.filter { $0.kind != .notFound }.map(\.route).sorted().map(absoluteURL)
        let downloads = SiteFile.allCases.filter { place.isRoot || $0.entry.perEdition }.compactMap(download)
        let sitemap = absoluteURL(Route(.sitemap, edition: folder))
        return SitePlan(
            pages: pages, data: downloads.compactMap(\.json), csv: downloads.compactMap(\.csv),
            sitemap: SitemapView(urls: urls, sitemap: sitemap),
            robots: "User-agent: *\nAllow: /\n\nSitemap: \(sitemap)\n")
    }

    /// The kinds whose pages list every scenario (the largest to render).
    static let listsEveryScenario: Set<PageKind> = [.selfCheck, .matrix, .scenarios, .compare, .tier]

    /// The pages of one kind of the catalogue (none where the site has none of it). Every
    /// kind has its case: a kind added to the catalogue without a planner does not compile.
    func pages(_ kind: PageKind) -> [PlannedPage] {
        switch kind {
        case .home: return [home()]
        case .scenarios: return [scenariosIndex()]
        case .scenario: return standard.scenarios.indices.map(scenarioPage)
        case .tiers: return [tiersIndex()]
        case .tier: return framework.tierIDs.map(tierPage)
        case .indicators: return [indicatorsIndex()]
        case .indicator: return standard.indicators.indices.map(indicatorPage)
        case .matrix: return [matrix()]
        case .compareIndex: return [compareIndex()]
        case .compare: return tierPairs.map { comparePage(low: $0.0, high: $0.1) }
        case .selfCheck: return [selfCheck()]
        case .search: return [searchPage()]
        case .data: return [dataPage()]
        case .notFound: return [notFound()]
        case .page: return standard.pages.map(markdownPage)
        case .method: return standard.method.map { [methodPage($0)] } ?? []
        case .outcomes, .outcomeIndicators, .outcomeScenarios, .cohorts, .cohort, .records:
            return outcomes.map { outcomePages(kind, $0) } ?? []
        case .editions: return [editionsPage()]
        case .changes: return changesPages()
        case .formerScenario: return formerPages(.scenario)
        case .formerIndicator: return formerPages(.indicator)
        }
    }

    /// The address part of the comparison of two tiers: `basic-advanced`.
    func pairSlug(_ low: String, _ high: String) -> String { "\(low)-\(high)" }

    // MARK: Shared pieces

    func absoluteURL(_ route: Route) -> String { baseURL + route.path }

    /// The frame of a page of kind `pageKind`: the main navigation (marking the kind's
    /// section in the catalogue; a content page is a section of its own), its breadcrumbs,
    /// its style (the catalogue's, plus `extraStyle`), and, for kinds search indexes, its
    /// search kind, `filters` and word lists (`terms`, made only when an index is built).
    func layout(
        _ route: Route, _ pageKind: PageKind, title: String, extraStyle: String? = nil,
        crumbs: [(String, Route?)] = [], description: String? = nil, filters: [String] = [],
        terms: @autoclosure () -> [SearchTermBlock] = []
    ) -> Layout {
        let section =
            pageKind == .page
            ? route
            : pageKind.entry.section.flatMap { outcomes != nil || !$0.isOutcome ? Route($0, edition: folder) : nil }
        let style = pageKind.entry.style + (extraStyle.map { " " + $0 } ?? "")
        let linkBase = pageKind == .notFound ? nil : route
        func href(_ target: Route, _ fragment: String? = nil) -> String {
            // The 404 page is served at any URL, so its links start from the base path.
            guard let from = linkBase else { return basePath + target.path + (fragment.map { "#" + $0 } ?? "") }
            return from.link(to: target, fragment: fragment)
        }
        let links =
            linkBase.flatMap { layoutLinks[$0.rootPrefix] }
            ?? LayoutLinks(
                sections: sections, pages: standard.pages, downloadsLabel: text(.layoutAllDownloads),
                outcomes: outcomes != nil, folder: folder
            ) {
                href($0)
            }
        // The brand links home; the navigation lists the sections.
        var nav = links.nav
        for index in sections.indices where sections[index].1 == section { nav[index].current = true }
        let breadcrumbs =
            crumbs.isEmpty
            ? []
            : [Link(label: text(.pageHome), href: links.home)]
                + crumbs.map { Link(label: $0.0, href: $0.1.map { href($0) } ?? "") }
        var page = Layout(
            lang: site.language, siteTitle: site.title, shortTitle: site.shortTitle, edition: place.edition.title,
            title: title, description: description ?? site.description,
            root: linkBase?.rootPrefix ?? basePath, canonical: absoluteURL(route), kind: style,
            home: links.home, nav: nav, breadcrumbs: breadcrumbs, footer: links.footer, data: links.data)
        page.image = absoluteURL(Route(.linkPreview, edition: folder))
        page.assets = page.root + SiteFile.assetsFolder
        page.searchHref = links.search
        page.searchFallback = links.fallback
        page.editionBar = editionBar(route, pageKind) { href($0) }
        if !place.isRoot {
            page.noindex = true
            page.canonical = absoluteURL(route.inEdition(""))
        }
        if let search = pageKind.entry.search, place.isRoot {
            page.indexed = true
            page.searchFilters = ["kind:\(text(search))"] + filters
            if searchTerms { page.searchTerms = terms() }
        }
        return page
    }

    /// The links every page's layout carries, from one page: the navigation (none marked
    /// current), the footer, the downloads, home, search and its fallback.
    struct LayoutLinks: Sendable {
        let nav: [Link], footer: [Link], data: [Link]
        let home: String, search: String, fallback: String

        init(
            sections: [(String, Route)], pages: [Page], downloadsLabel: String, outcomes: Bool, folder: String,
            href: (Route) -> String
        ) {
            nav = sections.map { Link(label: $0.0, href: href($0.1)) }
            footer = pages.filter { $0.order > 1 }.map {
                Link(label: $0.nav, href: href(Route(.page, $0.slug, edition: folder)))
            }
            data =
                [Link(label: downloadsLabel, href: href(Route(.data, edition: folder)))]
                + SiteFile.allCases.filter { $0.entry.inFooter && (outcomes || !$0.entry.isOutcome) }.map {
                    Link(label: $0.name, href: href(Route($0, edition: folder)))
                }
            (home, search, fallback) = (
                href(Route(.home, edition: folder)), href(Route(.search, edition: folder)),
                href(Route(.scenarios, edition: folder))
            )
        }
    }

    /// The label a page kind has in breadcrumbs, with the route of its index page.
    func crumb(_ kind: PageKind) -> (String, Route?) {
        (kind.entry.label.map { text($0) } ?? kind.rawValue, Route(kind, edition: folder))
    }

    /// Path part of the base URL: "/portal/" for "https://host/portal/".
    var basePath: String {
        guard let scheme = baseURL.firstRange(of: "://") else { return baseURL }
        let rest = baseURL[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }

    func tierRef(_ id: TierID, from route: Route) -> TierRef {
        TierRef(id: id.rawValue, name: framework.tier(id).name, href: route.link(to: .tier, id.rawValue))
    }

    func areaName(_ id: String?) -> String {
        id.flatMap { framework.area($0)?.name } ?? text(.tierNoArea)
    }

    /// The area a segment heading names beside it, unless it is the segment's own name
    /// (工厂建设 is both): a tag repeating the heading says nothing.
    func areaTag(_ segment: Segment) -> String? {
        let name = areaName(segment.area)
        return name == segment.name ? nil : name
    }

    func areaOf(_ scenario: Scenario) -> String? {
        areaOfSegment[scenario.segment]
    }

    func maturityText(_ level: Int?) -> String {
        guard let level else { return text(.tierMaturityAsRequired) }
        return text(.tierMaturityAtLeast, ["level": framework.maturityLevels[level - 1]])
    }

    func summary(_ tier: Tier, from route: Route) -> TierSummary {
        TierSummary(
            tier: tierRef(tier.id, from: route), minScenarios: tier.minScenarios,
            requiredAreas: tier.requiredAreas.map { areaName($0) }.joined(separator: text(.tierListSeparator)),
            maturity: maturityText(tier.minMaturity),
            definedCount: definedCounts[tier.id.index],
            total: standard.scenarios.count)
    }

    /// Scenarios grouped by segment in the order of segments.yaml.
    private func segmentGroups(from route: Route) -> [SegmentGroup] {
        framework.segments.compactMap { segment in
            let rows = (scenariosOfSegment[segment.name] ?? []).map { scenario in
                ScenarioRow(
                    code: scenario.code, name: scenario.name, href: route.link(to: .scenario, scenario.code),
                    cells: framework.tierIDs.map { tier in
                        MatrixCell(
                            tier: tierRef(tier, from: route), defined: scenario.text(at: tier) != nil,
                            text: scenario.text(at: tier),
                            href: route.link(to: .scenario, scenario.code, fragment: tier.rawValue))
                    })
            }
            guard !rows.isEmpty else { return nil }
            return SegmentGroup(
                id: segment.id, name: segment.name, area: areaTag(segment), areaId: segment.area ?? "none",
                scenarios: rows)
        }
    }

    /// "基础级 → 先进级".
    func pairLabel(_ low: TierID, _ high: TierID) -> String {
        text(.tierPair, ["low": framework.tier(low).name, "high": framework.tier(high).name])
    }

    private func neighbour(_ index: Int, of count: Int, _ link: (Int) -> Link) -> (Link?, Link?) {
        (index > 0 ? link(index - 1) : nil, index + 1 < count ? link(index + 1) : nil)
    }

    // MARK: Pages

    private func home() -> PlannedPage {
        let route = Route(.home, edition: folder)
        return PlannedPage(route: route, kind: .home) {
            let counts: [PageKind: Int] = [
                .tiers: framework.tiers.count, .scenarios: standard.scenarios.count,
                .indicators: standard.indicators.count,
            ]
            let entry = { (kind: PageKind, key: TextKey) in
                EntryView(
                    title: text(kind.entry.label ?? key), text: text(key, ["count": counts[kind] ?? 0]),
                    href: route.link(to: Route(kind, edition: folder)))
            }
            let entries =
                [
                    entry(.tiers, .homeTiers), entry(.scenarios, .homeScenarios), entry(.matrix, .homeMatrix),
                    entry(.indicators, .homeIndicators), entry(.compareIndex, .homeCompare),
                    entry(.selfCheck, .homeSelfCheck),
                ]
                + (outcomes == nil ? [] : [entry(.outcomes, .homeOutcomes)])
                + standard.pages.map {
                    EntryView(
                        title: $0.nav, text: $0.title == $0.nav ? nil : $0.title, href: route.link(to: .page, $0.slug))
                }
            let targets = framework.targets.perTier.map {
                TargetView(
                    tier: tierRef($0.tier, from: route), heading: $0.heading, task: $0.task, figure: $0.figure,
                    figureLabel: $0.figureLabel,
                    progressHref: outcomes.flatMap { [target = $0] outcomes in
                        showsProgress(toward: target, outcomes)
                            ? route.link(to: .outcomes, fragment: "progress-\(target.tier)") : nil
                    })
            }
            return HomeView(
                layout: layout(route, .home, title: site.title),
                lead: site.description, tiersHref: route.link(to: .tiers), scenariosHref: route.link(to: .scenarios),
                tiers: framework.tiers.map { summary($0, from: route) },
                goal: framework.targets.goal, targetYear: framework.targets.year, targets: targets, entries: entries)
        }
    }

    private func tiersIndex() -> PlannedPage {
        let route = Route(.tiers, edition: folder)
        return PlannedPage(route: route, kind: .tiers) {
            let areas = framework.areas.map { area in
                AreaView(
                    id: area.id, name: area.name, note: area.note,
                    segments: framework.segments.filter { $0.area == area.id }.map(\.name).joined(
                        separator: text(.tierListSeparator)))
            }
            // Where the areas are defined (Annex 1): found first for their names.
            let frame = layout(
                route, .tiers, title: text(.pageTiers), crumbs: [(text(.pageTiers), nil)],
                terms: SearchTermBlock.names(framework.areas.map(\.name)))
            return TiersIndexView(
                layout: frame,
                intro: framework.intro, requirementsTitle: framework.requirementsTitle,
                requirements: framework.requirements.enumerated().map {
                    NumberedText(number: $0.offset + 1, text: $0.element)
                },
                tiers: framework.tiers.map { summary($0, from: route) }, areas: areas)
        }
    }

    private func tierPage(_ id: TierID) -> PlannedPage {
        let route = Route(.tier, id.rawValue, edition: folder)
        return PlannedPage(route: route, kind: .tier) {
            let tier = framework.tier(id)
            let segments = framework.segments.compactMap { segment -> TierSegmentView? in
                let scenarios = (scenariosOfSegment[segment.name] ?? []).compactMap { scenario in
                    scenario.text(at: id).map {
                        TierScenarioView(
                            code: scenario.code, name: scenario.name, text: $0,
                            href: route.link(to: .scenario, scenario.code, fragment: id.rawValue))
                    }
                }
                return scenarios.isEmpty
                    ? nil
                    : TierSegmentView(
                        id: segment.id, name: segment.name, area: areaTag(segment), scenarios: scenarios)
            }
            let (previous, next) = neighbour(id.index, of: framework.tiers.count) {
                let other = framework.tiers[$0]
                return Link(label: other.name, href: route.link(to: .tier, other.id.rawValue))
            }
            // Found first for its name and for the areas whose requirements it sets; the
            // scenario texts it lists are found on their own pages first.
            let frame = layout(
                route, .tier, title: text(.pageTier, ["tier": tier.name]), extraStyle: "tier-\(id.rawValue)",
                crumbs: [crumb(.tiers), (tier.name, nil)], description: tier.intro,
                terms: SearchTermBlock.names([tier.name]) + [
                    SearchTermBlock.of(tier.areaTexts.map(\.label), weight: 4, longest: 0)
                ])
            return TierView(
                layout: frame,
                tier: tierRef(id, from: route), summary: summary(tier, from: route), intro: tier.intro,
                areaTexts: tier.areaTexts.enumerated().map {
                    AreaTextView(number: $0.offset + 1, label: $0.element.label, text: $0.element.text)
                },
                segments: segments,
                compareLinks: tierPairs.filter { pair in
                    (pair.0 == id || pair.1 == id) && abs(pair.0.index - pair.1.index) == 1
                }.map { pair in
                    Link(
                        label: pairLabel(pair.0, pair.1),
                        href: route.link(to: .compare, pairSlug(pair.0.rawValue, pair.1.rawValue)))
                },
                previous: previous, next: next)
        }
    }

    private func scenariosIndex() -> PlannedPage {
        let route = Route(.scenarios, edition: folder)
        return PlannedPage(route: route, kind: .scenarios) {
            return ScenariosIndexView(
                layout: layout(route, .scenarios, title: text(.pageScenarios), crumbs: [(text(.pageScenarios), nil)]),
                tiers: framework.tierIDs.map { tierRef($0, from: route) }, segments: segmentGroups(from: route),
                count: standard.scenarios.count)
        }
    }

    private func scenarioPage(_ index: Int) -> PlannedPage {
        let scenario = standard.scenarios[index]
        let route = Route(.scenario, scenario.code, edition: folder)
        return PlannedPage(route: route, kind: .scenario) {
            let sections = framework.tierIDs.map { tier in
                TierSection(
                    tier: tierRef(tier, from: route), text: scenario.text(at: tier),
                    tierHref: route.link(to: .tier, tier.rawValue), permalink: "#" + tier.rawValue)
            }
            let (previous, next) = neighbour(index, of: standard.scenarios.count) {
                let other = standard.scenarios[$0]
                return Link(label: "\(other.code) \(other.name)", href: route.link(to: .scenario, other.code))
            }
            let firstText = framework.tierIDs.lazy.compactMap { scenario.text(at: $0) }.first ?? scenario.name
            // Found first for its name, then for its segment, then for what its texts say.
            let frame = layout(
                route, .scenario, title: "\(scenario.code) \(scenario.name)",
                crumbs: [crumb(.scenarios), (scenario.segment, nil)], description: firstText,
                filters: ["segment:\(scenario.segment)"]
                    + scenario.definedTiers.map { "tier:\(framework.tier($0).name)" },
                terms: SearchTermBlock.names([scenario.name], longest: 8)
                    + [
                        SearchTermBlock.of([scenario.segment], weight: 4, longest: 0),
                        SearchTermBlock.of([scenario.segment], weight: 1, whole: false),
                        SearchTermBlock.of(
                            framework.tierIDs.compactMap { scenario.text(at: $0) }, weight: 1.5, whole: false),
                    ])
            return ScenarioView(
                layout: frame,
                code: scenario.code, name: scenario.name, segment: scenario.segment,
                area: areaName(areaOf(scenario)) == scenario.segment ? nil : areaName(areaOf(scenario)),
                sections: sections,
                definedTiers: scenario.definedTiers.map { framework.tier($0).name }.joined(
                    separator: text(.tierListSeparator)),
                notes: scenario.notes.isEmpty ? nil : RichText(scenario.notes),
                adoption: adoption(of: index, from: route),
                compareLinks: tierPairs.filter { scenario.text(at: $0.0) != nil || scenario.text(at: $0.1) != nil }.map
                { pair in
                    Link(
                        label: pairLabel(pair.0, pair.1),
                        href: route.link(
                            to: .compare, pairSlug(pair.0.rawValue, pair.1.rawValue), fragment: "s" + scenario.code))
                },
                history: history(.scenario, scenario.code, from: route),
                previous: previous, next: next)
        }
    }

    private func indicatorsIndex() -> PlannedPage {
        let route = Route(.indicators, edition: folder)
        return PlannedPage(route: route, kind: .indicators) {
            var groups: [IndicatorGroup] = []
            for indicator in standard.indicators {
                let row = IndicatorRow(
                    code: indicator.code, name: indicator.name, description: indicator.description,
                    href: route.link(to: .indicator, indicator.code))
                if groups.last?.name == indicator.group {
                    groups[groups.count - 1].indicators.append(row)
                } else {
                    groups.append(IndicatorGroup(name: indicator.group, indicators: [row]))
                }
            }
            return IndicatorsIndexView(
                layout: layout(
                    route, .indicators, title: text(.pageIndicatorsTitle),
                    crumbs: [(text(.pageIndicators), nil)]), groups: groups,
                indicatorCount: standard.indicators.count,
                levelCount: standard.indicators.map(\.levels.count).max() ?? 0)
        }
    }

    private func indicatorPage(_ index: Int) -> PlannedPage {
        let indicator = standard.indicators[index]
        let route = Route(.indicator, indicator.code, edition: folder)
        return PlannedPage(route: route, kind: .indicator) {
            let (previous, next) = neighbour(index, of: standard.indicators.count) {
                let other = standard.indicators[$0]
                return Link(label: "\(other.code) \(other.name)", href: route.link(to: .indicator, other.code))
            }
            let frame = layout(
                route, .indicator, title: text(.pageIndicator, ["no": indicator.no, "name": indicator.name]),
                crumbs: [crumb(.indicators), (indicator.group, nil)], description: indicator.description,
                terms: SearchTermBlock.names([indicator.name], longest: 8)
                    + [
                        SearchTermBlock.of(
                            [indicator.description] + indicator.levels + [indicator.question].compactMap { $0 },
                            weight: 1.5, whole: false)
                    ])
            return IndicatorView(
                layout: frame,
                code: indicator.code, name: indicator.name, group: indicator.group, description: indicator.description,
                levels: indicator.levels.enumerated().map { NumberedText(number: $0.offset + 1, text: $0.element) },
                question: indicator.question, unit: indicator.unit, notApplicable: indicator.notApplicable,
                notes: indicator.notes.isEmpty ? nil : RichText(indicator.notes),
                outcomesHref: outcomes.flatMap { attribute($0, .indicator(indicator.no)) }.map {
                    route.link(to: .outcomeIndicators, fragment: $0.id)
                }, history: history(.indicator, indicator.code, from: route), previous: previous, next: next)
        }
    }

    private func matrix() -> PlannedPage {
        let route = Route(.matrix, edition: folder)
        return PlannedPage(route: route, kind: .matrix) {
            return MatrixView(
                layout: layout(route, .matrix, title: text(.pageMatrix), crumbs: [(text(.pageMatrix), nil)]),
                tiers: framework.tierIDs.map { tierRef($0, from: route) }, columns: framework.tiers.count + 2,
                segments: segmentGroups(from: route), filters: filters(tiers: true))
        }
    }

    private func markdownPage(_ page: Page) -> PlannedPage {
        let route = Route(.page, page.slug, edition: folder)
        return PlannedPage(route: route, kind: .page) {
            return MarkdownPageView(
                layout: layout(route, .page, title: page.title, crumbs: [(page.nav, nil)]),
                body: RichText(page.markdown))
        }
    }

    private func notFound() -> PlannedPage {
        let route = Route(.notFound, edition: folder)
        return PlannedPage(route: route, kind: .notFound) {
            let page = layout(route, .notFound, title: text(.pageNotFound))
            let links = page.nav
            return NotFoundView(layout: page, links: links)
        }
    }

    // MARK: Open data

    /// A file of the catalogue that the plan makes: a download, made when it is written
    /// (by the writing workers, beside the pages). Every file has its case: the sitemap
    /// and robots.txt are the plan's own, the link-preview image is a file of the
    /// templates' assets and the search index the indexer's.
    func download(_ file: SiteFile) -> PlannedDownload? {
        let route = Route(file, edition: folder)
        switch file {
        case .scenariosJSON: return PlannedDownload(json: PlannedData(route: route, value: scenarioRecords()))
        case .indicatorsJSON: return PlannedDownload(json: PlannedData(route: route, value: indicatorRecords()))
        case .tiersJSON: return PlannedDownload(json: PlannedData(route: route, value: tiersRecord()))
        case .rulesJSON: return PlannedDownload(json: PlannedData(route: route, value: RulesRecord(standard: standard)))
        case .outcomesJSON:
            return outcomes.map { outcomes in
                PlannedDownload(json: PlannedData(route: route, value: OutcomesRecord(outcomes)))
            }
        case .scenariosCSV: return PlannedDownload(csv: PlannedCSV(route: route, table: scenariosTable()))
        case .indicatorsCSV: return PlannedDownload(csv: PlannedCSV(route: route, table: indicatorsTable()))
        case .outcomesCSV:
            return outcomes.map { outcomes in
                PlannedDownload(csv: PlannedCSV(route: route, table: outcomesTable(outcomes)))
            }
        case .sitemap, .robots, .linkPreview, .searchIndex: return nil
        }
    }

    private func scenarioRecords() -> [ScenarioRecord] {
        standard.scenarios.map { scenario in
            ScenarioRecord(
                no: scenario.no, name: scenario.name, segment: scenario.segment, area: areaOf(scenario),
                tiers: Dictionary(uniqueKeysWithValues: framework.tierIDs.map { ($0.rawValue, scenario.text(at: $0)) }),
                url: absoluteURL(Route(.scenario, scenario.code, edition: folder)))
        }
    }

    private func indicatorRecords() -> [IndicatorRecord] {
        standard.indicators.map {
            IndicatorRecord(
                no: $0.no, group: $0.group, name: $0.name, description: $0.description, levels: $0.levels,
                question: $0.question, unit: $0.unit, notApplicable: $0.notApplicable,
                url: absoluteURL(Route(.indicator, $0.code, edition: folder)))
        }
    }

    private func tiersRecord() -> TiersRecord {
        TiersRecord(
            edition: site.edition, intro: framework.intro, requirements: framework.requirements,
            areas: framework.areas.map { area in
                AreaRecord(
                    id: area.id, name: area.name, note: area.note,
                    segments: framework.segments.filter { $0.area == area.id }.map(\.name))
            },
            segments: framework.segments.map { SegmentRecord(id: $0.id, name: $0.name, area: $0.area) },
            tiers: framework.tiers.map { tier in
                TierRecord(
                    id: tier.id.rawValue, name: tier.name, minScenarios: tier.minScenarios,
                    requiredAreas: tier.requiredAreas,
                    minMaturity: tier.minMaturity, intro: tier.intro,
                    areas: tier.areaTexts.map { AreaTextRecord(area: $0.area, label: $0.label, text: $0.text) },
                    scenarios: standard.scenarios.filter { $0.text(at: tier.id) != nil }.map(\.no),
                    url: absoluteURL(Route(.tier, tier.id.rawValue, edition: folder)))
            })
    }
}
