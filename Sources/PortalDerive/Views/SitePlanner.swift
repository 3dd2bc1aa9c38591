import PortalModel

/// Stage 2, derive: turns the validated model into view models, one per page, plus
/// the open data. Pure: the same standard gives the same plan.
public struct SitePlanner: Sendable {
    let standard: Standard
    let baseURL: String
    /// Assessment outcomes, protected and audited, when there are assessments to publish.
    let outcomes: OutcomeRelease?
    var site: SiteConfig { standard.site }
    var framework: Framework { standard.framework }
    /// The scenarios of each segment (by name), in model order: grouped once, where
    /// filtering all scenarios per segment on every page compared Chinese names
    /// 60,000 times for a 4,000-scenario standard.
    let scenariosOfSegment: [String: [Scenario]]

    /// `baseURL` overrides site.yaml's when given (`portal build --base-url`).
    public init(standard: Standard, baseURL: String? = nil, outcomes: OutcomeRelease? = nil) {
        self.standard = standard
        self.baseURL = baseURL ?? standard.site.baseURL
        self.outcomes = outcomes
        scenariosOfSegment = Dictionary(grouping: standard.scenarios, by: \.segment)
    }

    public func plan() -> SitePlan {
        // Groups of pages made on every core (each page's view model is independent of
        // the others), kept in this order.
        let groups: [@Sendable (SitePlanner) -> [PlannedPage]] = [
            { [$0.home(), $0.tiersIndex(), $0.scenariosIndex(), $0.indicatorsIndex()] },
            { [$0.matrix(), $0.notFound()] },
            { planner in TierID.allCases.parallelMap { planner.tierPage($0) } },
            { planner in Array(planner.standard.scenarios.indices).parallelMap { planner.scenarioPage($0) } },
            { planner in planner.standard.indicators.indices.map(planner.indicatorPage) + planner.standard.pages.map(planner.markdownPage) },
            { $0.outcomePages() },
            { $0.comparePages() },
            { [$0.selfCheck(), $0.searchPage(), $0.dataPage()] },
        ]
        let pages = groups.parallelMap { $0(self) }.flatMap { $0 }
        let urls = pages.filter { $0.route != .notFound }.map(\.route).sorted().map(absoluteURL)
        return SitePlan(pages: pages, data: openData() + outcomeData() + [PlannedData(route: .data("rules.json"), value: RulesRecord(standard: standard))],
                        csv: csvFiles(),
                        sitemap: SitemapView(urls: urls, sitemap: absoluteURL(Route("sitemap.xml"))),
                        robots: "User-agent: *\nAllow: /\n\nSitemap: \(absoluteURL(Route("sitemap.xml")))\n")
    }

    // MARK: Shared pieces

    func absoluteURL(_ route: Route) -> String { baseURL + route.path }

    /// The sections of the main navigation, and the one a route belongs to.
    func layout(_ route: Route, title: String, kind: String, section: Route?,
                        crumbs: [(String, Route?)] = [], description: String? = nil) -> Layout {
        let linkBase = route == .notFound ? nil : route
        func href(_ target: Route, _ fragment: String? = nil) -> String {
            // The 404 page is served at any URL, so its links start from the base path.
            guard let from = linkBase else { return basePath + target.path + (fragment.map { "#" + $0 } ?? "") }
            return from.link(to: target, fragment: fragment)
        }
        // The brand links home; the navigation lists the sections.
        let sections: [(String, Route)] = [("层级要求", .tiers), ("典型场景", .scenarios), ("层级对比", .compare),
                                           ("对照矩阵", .matrix), ("能力评估", .indicators)]
            + (outcomes == nil ? [] : [("评估结果", Route.outcomes)])
            + [("自查", Route.selfCheck)]
            + standard.pages.filter { $0.order <= 1 }.map { ($0.nav, Route.page($0.slug)) }
        let nav = sections.map { Link(label: $0.0, href: href($0.1), current: $0.1 == section) }
        let footer = standard.pages.filter { $0.order > 1 }.map { Link(label: $0.nav, href: href(.page($0.slug))) }
        let data = [Link(label: "全部下载与说明", href: href(Route("data/")))]
            + ["scenarios.csv", "scenarios.json", "indicators.csv", "indicators.json"].map { Link(label: $0, href: href(.data($0))) }
        let breadcrumbs = crumbs.isEmpty ? [] : [Link(label: "首页", href: href(.home))]
            + crumbs.map { Link(label: $0.0, href: $0.1.map { href($0) } ?? "") }
        var page = Layout(lang: site.language, siteTitle: site.title, shortTitle: site.shortTitle, edition: site.edition,
                          title: title, description: description ?? site.description,
                          root: linkBase?.rootPrefix ?? basePath, canonical: absoluteURL(route), kind: kind,
                          home: href(.home), nav: nav, breadcrumbs: breadcrumbs, footer: footer, data: data)
        page.image = absoluteURL(Route("assets/og-card.png"))
        page.searchHref = href(.search)
        page.searchFallback = href(.scenarios)
        return page
    }

    /// Marks a page's content for the search index, with its filters.
    func indexed(_ layout: Layout, kind: String, filters: [String] = []) -> Layout {
        var layout = layout
        layout.indexed = true
        layout.searchFilters = ["kind:\(kind)"] + filters
        return layout
    }

    /// Path part of the base URL: "/portal/" for "https://host/portal/".
    var basePath: String {
        guard let scheme = baseURL.firstRange(of: "://") else { return baseURL }
        let rest = baseURL[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }

    func tierRef(_ id: TierID, from route: Route) -> TierRef {
        TierRef(id: id.rawValue, name: framework.tier(id).name, href: route.link(to: .tier(id.rawValue)))
    }

    func areaName(_ id: String?) -> String {
        id.flatMap { framework.area($0)?.name } ?? "不属于任何环节"
    }

    private func areaOf(_ scenario: Scenario) -> String? {
        framework.segment(named: scenario.segment)?.area
    }

    private static let chineseDigits = ["一", "二", "三", "四", "五", "六"]

    private func maturityText(_ level: Int?) -> String {
        guard let level else { return "达到相应要求" }
        return "\(Self.chineseDigits[level - 1])级及以上"
    }

    func summary(_ tier: Tier, from route: Route) -> TierSummary {
        TierSummary(tier: tierRef(tier.id, from: route), minScenarios: tier.minScenarios,
                    requiredAreas: tier.requiredAreas.map { areaName($0) }.joined(separator: "、"),
                    maturity: maturityText(tier.minMaturity),
                    definedCount: standard.scenarios.filter { $0.text(at: tier.id) != nil }.count,
                    total: standard.scenarios.count)
    }

    /// Scenarios grouped by segment in the order of segments.yaml.
    private func segmentGroups(from route: Route) -> [SegmentGroup] {
        framework.segments.compactMap { segment in
            let rows = (scenariosOfSegment[segment.name] ?? []).map { scenario in
                ScenarioRow(code: scenario.code, name: scenario.name, href: route.link(to: .scenario(scenario.code)),
                            cells: TierID.allCases.map { tier in
                                MatrixCell(tier: tierRef(tier, from: route), defined: scenario.text(at: tier) != nil,
                                           text: scenario.text(at: tier),
                                           href: route.link(to: .scenario(scenario.code), fragment: tier.rawValue))
                            })
            }
            guard !rows.isEmpty else { return nil }
            return SegmentGroup(id: segment.id, name: segment.name, area: areaName(segment.area), areaId: segment.area ?? "none", scenarios: rows)
        }
    }

    private func neighbour(_ index: Int, of count: Int, _ link: (Int) -> Link) -> (Link?, Link?) {
        (index > 0 ? link(index - 1) : nil, index + 1 < count ? link(index + 1) : nil)
    }

    // MARK: Pages

    private func home() -> PlannedPage {
        let route = Route.home
        let entries = [
            EntryView(title: "层级要求", text: "四个梯度层级的要素条件：场景数量、覆盖环节与成熟度等级。", href: route.link(to: .tiers)),
            EntryView(title: "典型场景", text: "\(standard.scenarios.count) 个典型场景在各层级的参考标准。", href: route.link(to: .scenarios)),
            EntryView(title: "对照矩阵", text: "全部场景 × 四个层级的完整对照参考表。", href: route.link(to: .matrix)),
            EntryView(title: "能力评估", text: "\(standard.indicators.count) 项智能制造能力评估指标及其等级。", href: route.link(to: .indicators)),
            EntryView(title: "层级对比", text: "相邻层级逐个场景对比：下一层级还要求什么。", href: route.link(to: .compare)),
            EntryView(title: "自查", text: "填写已建场景和成熟度，看按规则可达到的层级和差距。数据不离开浏览器。", href: route.link(to: .selfCheck)),
        ] + standard.pages.map { EntryView(title: $0.nav, text: $0.title, href: route.link(to: .page($0.slug))) }
        let targets = framework.targets.perTier.map {
            TargetView(tier: tierRef($0.tier, from: route), heading: $0.heading, task: $0.task, figure: $0.figure, figureLabel: $0.figureLabel)
        }
        let view = HomeView(layout: layout(route, title: site.title, kind: "home", section: .home),
                            lead: site.description, tiersHref: route.link(to: .tiers), scenariosHref: route.link(to: .scenarios),
                            tiers: framework.tiers.map { summary($0, from: route) },
                            goal: framework.targets.goal, targets: targets, entries: entries)
        return PlannedPage(route: route, template: "home", context: view)
    }

    private func tiersIndex() -> PlannedPage {
        let route = Route.tiers
        let areas = framework.areas.map { area in
            AreaView(id: area.id, name: area.name, note: area.note,
                     segments: framework.segments.filter { $0.area == area.id }.map(\.name).joined(separator: "、"))
        }
        let view = TiersIndexView(layout: layout(route, title: "层级要求", kind: "tiers", section: .tiers, crumbs: [("层级要求", nil)]),
                                  intro: framework.intro,
                                  requirements: framework.requirements.enumerated().map { NumberedText(number: $0.offset + 1, text: $0.element) },
                                  tiers: framework.tiers.map { summary($0, from: route) }, areas: areas)
        return PlannedPage(route: route, template: "tiers", context: view)
    }

    private func tierPage(_ id: TierID) -> PlannedPage {
        let route = Route.tier(id.rawValue)
        let tier = framework.tier(id)
        let segments = framework.segments.compactMap { segment -> TierSegmentView? in
            let scenarios = (scenariosOfSegment[segment.name] ?? []).compactMap { scenario in
                scenario.text(at: id).map {
                    TierScenarioView(code: scenario.code, name: scenario.name, text: $0,
                                     href: route.link(to: .scenario(scenario.code), fragment: id.rawValue))
                }
            }
            return scenarios.isEmpty ? nil : TierSegmentView(name: segment.name, area: areaName(segment.area), scenarios: scenarios)
        }
        let index = TierID.allCases.firstIndex(of: id)!
        let (previous, next) = neighbour(index, of: TierID.allCases.count) {
            let other = framework.tier(TierID.allCases[$0])
            return Link(label: other.name, href: route.link(to: .tier(other.id.rawValue)))
        }
        let view = TierView(
            layout: indexed(layout(route, title: "\(tier.name)智能工厂", kind: "tier tier-\(id.rawValue)", section: .tiers,
                                   crumbs: [("层级要求", .tiers), (tier.name, nil)], description: tier.intro), kind: "层级要求"),
            tier: tierRef(id, from: route), summary: summary(tier, from: route), intro: tier.intro,
            areaTexts: tier.areaTexts.enumerated().map { AreaTextView(number: $0.offset + 1, label: $0.element.label, text: $0.element.text) },
            segments: segments,
            compareLinks: Self.tierPairs.filter { pair in
                (pair.0 == id || pair.1 == id) && abs(TierID.allCases.firstIndex(of: pair.0)! - TierID.allCases.firstIndex(of: pair.1)!) == 1
            }.map { pair in
                Link(label: "\(framework.tier(pair.0).name) → \(framework.tier(pair.1).name)",
                     href: route.link(to: .comparison(pair.0.rawValue, pair.1.rawValue)))
            },
            previous: previous, next: next)
        return PlannedPage(route: route, template: "tier", context: view)
    }

    private func scenariosIndex() -> PlannedPage {
        let route = Route.scenarios
        let view = ScenariosIndexView(
            layout: layout(route, title: "典型场景", kind: "scenarios", section: .scenarios, crumbs: [("典型场景", nil)]),
            tiers: TierID.allCases.map { tierRef($0, from: route) }, segments: segmentGroups(from: route),
            count: standard.scenarios.count)
        return PlannedPage(route: route, template: "scenarios", context: view)
    }

    private func scenarioPage(_ index: Int) -> PlannedPage {
        let scenario = standard.scenarios[index]
        let route = Route.scenario(scenario.code)
        let sections = TierID.allCases.map { tier in
            TierSection(tier: tierRef(tier, from: route), text: scenario.text(at: tier),
                        tierHref: route.link(to: .tier(tier.rawValue)), permalink: "#" + tier.rawValue)
        }
        let (previous, next) = neighbour(index, of: standard.scenarios.count) {
            let other = standard.scenarios[$0]
            return Link(label: "\(other.code) \(other.name)", href: route.link(to: .scenario(other.code)))
        }
        let firstText = TierID.allCases.lazy.compactMap { scenario.text(at: $0) }.first ?? scenario.name
        let view = ScenarioView(
            layout: indexed(layout(route, title: "\(scenario.code) \(scenario.name)", kind: "scenario", section: .scenarios,
                                   crumbs: [("典型场景", .scenarios), (scenario.segment, nil)], description: firstText),
                            kind: "典型场景",
                            filters: ["segment:\(scenario.segment)"] + scenario.definedTiers.map { "tier:\(framework.tier($0).name)" }),
            code: scenario.code, name: scenario.name, segment: scenario.segment, area: areaName(areaOf(scenario)),
            sections: sections,
            definedTiers: scenario.definedTiers.map { framework.tier($0).name }.joined(separator: "、"),
            notes: scenario.notes.isEmpty ? nil : RichText(scenario.notes), adoption: adoption(of: index, from: route),
            compareLinks: Self.tierPairs.filter { scenario.text(at: $0.0) != nil || scenario.text(at: $0.1) != nil }.map { pair in
                Link(label: "\(framework.tier(pair.0).name) → \(framework.tier(pair.1).name)",
                     href: route.link(to: .comparison(pair.0.rawValue, pair.1.rawValue), fragment: "s" + scenario.code))
            },
            previous: previous, next: next)
        return PlannedPage(route: route, template: "scenario", context: view)
    }

    private func indicatorsIndex() -> PlannedPage {
        let route = Route.indicators
        var groups: [IndicatorGroup] = []
        for indicator in standard.indicators {
            let row = IndicatorRow(code: indicator.code, name: indicator.name, description: indicator.description,
                                   href: route.link(to: .indicator(indicator.code)))
            if groups.last?.name == indicator.group { groups[groups.count - 1].indicators.append(row) }
            else { groups.append(IndicatorGroup(name: indicator.group, indicators: [row])) }
        }
        let view = IndicatorsIndexView(layout: layout(route, title: "能力评估指标", kind: "indicators", section: .indicators,
                                                      crumbs: [("能力评估", nil)]), groups: groups)
        return PlannedPage(route: route, template: "indicators", context: view)
    }

    private func indicatorPage(_ index: Int) -> PlannedPage {
        let indicator = standard.indicators[index]
        let route = Route.indicator(indicator.code)
        let (previous, next) = neighbour(index, of: standard.indicators.count) {
            let other = standard.indicators[$0]
            return Link(label: "\(other.code) \(other.name)", href: route.link(to: .indicator(other.code)))
        }
        let view = IndicatorView(
            layout: indexed(layout(route, title: "指标\(indicator.no) \(indicator.name)", kind: "indicator", section: .indicators,
                                   crumbs: [("能力评估", .indicators), (indicator.group, nil)], description: indicator.description),
                            kind: "能力指标"),
            code: indicator.code, name: indicator.name, group: indicator.group, description: indicator.description,
            levels: indicator.levels.enumerated().map { NumberedText(number: $0.offset + 1, text: $0.element) },
            question: indicator.question, unit: indicator.unit, notApplicable: indicator.notApplicable,
            notes: indicator.notes.isEmpty ? nil : RichText(indicator.notes), previous: previous, next: next)
        return PlannedPage(route: route, template: "indicator", context: view)
    }

    private func matrix() -> PlannedPage {
        let route = Route.matrix
        let view = MatrixView(layout: layout(route, title: "对照矩阵", kind: "matrix", section: .matrix, crumbs: [("对照矩阵", nil)]),
                              tiers: TierID.allCases.map { tierRef($0, from: route) }, segments: segmentGroups(from: route),
                              filters: filters(tiers: true))
        return PlannedPage(route: route, template: "matrix", context: view)
    }

    private func markdownPage(_ page: Page) -> PlannedPage {
        let route = Route.page(page.slug)
        let view = MarkdownPageView(layout: indexed(layout(route, title: page.title, kind: "page", section: route, crumbs: [(page.nav, nil)]),
                                                    kind: "文件原文"),
                                    body: RichText(page.markdown))
        return PlannedPage(route: route, template: "page", context: view)
    }

    private func notFound() -> PlannedPage {
        let route = Route.notFound
        let page = layout(route, title: "页面未找到", kind: "not-found", section: nil)
        let links = page.nav.filter { $0.label != "首页" }
        return PlannedPage(route: route, template: "404", context: NotFoundView(layout: page, links: links))
    }

    // MARK: Open data

    private func openData() -> [PlannedData] {
        let scenarios = standard.scenarios.map { scenario in
            ScenarioRecord(no: scenario.no, name: scenario.name, segment: scenario.segment, area: areaOf(scenario),
                           tiers: Dictionary(uniqueKeysWithValues: TierID.allCases.map { ($0.rawValue, scenario.text(at: $0)) }),
                           url: absoluteURL(.scenario(scenario.code)))
        }
        let indicators = standard.indicators.map {
            IndicatorRecord(no: $0.no, group: $0.group, name: $0.name, description: $0.description, levels: $0.levels,
                            question: $0.question, unit: $0.unit, notApplicable: $0.notApplicable, url: absoluteURL(.indicator($0.code)))
        }
        let tiers = TiersRecord(
            edition: site.edition, intro: framework.intro, requirements: framework.requirements,
            areas: framework.areas.map { area in
                AreaRecord(id: area.id, name: area.name, note: area.note,
                           segments: framework.segments.filter { $0.area == area.id }.map(\.name))
            },
            segments: framework.segments.map { SegmentRecord(id: $0.id, name: $0.name, area: $0.area) },
            tiers: framework.tiers.map { tier in
                TierRecord(id: tier.id.rawValue, name: tier.name, minScenarios: tier.minScenarios, requiredAreas: tier.requiredAreas,
                           minMaturity: tier.minMaturity, intro: tier.intro,
                           areas: tier.areaTexts.map { AreaTextRecord(area: $0.area, label: $0.label, text: $0.text) },
                           scenarios: standard.scenarios.filter { $0.text(at: tier.id) != nil }.map(\.no),
                           url: absoluteURL(.tier(tier.id.rawValue)))
            })
        return [PlannedData(route: .data("scenarios.json"), value: scenarios),
                PlannedData(route: .data("indicators.json"), value: indicators),
                PlannedData(route: .data("tiers.json"), value: tiers)]
    }
}
