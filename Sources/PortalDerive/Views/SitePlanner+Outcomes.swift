import PortalModel

/// The outcome pages: figures under /outcomes/, already protected and audited by
/// OutcomeRelease; this file only arranges them for the templates. Every number shown is
/// a published count, a sum of published counts, or a share of two published counts.
extension SitePlanner {
    func outcomePages() -> [PlannedPage] {
        var pages: [PlannedPage] = []
        if let method = standard.method { pages.append(methodPage(method)) }
        guard let outcomes else { return pages }
        pages += [outcomesIndex(outcomes), indicatorOutcomes(outcomes), scenarioOutcomes(outcomes), cohortsList(outcomes),
                  recordsMoved(outcomes)]
        let grid = RadarChart.Grid(labels: standard.indicators.filter(\.isGraded).map(\.name), maximum: max(levelColumns, 1))
        pages += outcomes.cohorts.indices.map { cohortPage($0, outcomes, grid: grid) }
        return pages
    }

    // MARK: Pieces

    /// A published count as shown: the number, "<k" (fewer than k), or "×" (withheld to
    /// protect another figure).
    func shown(_ count: PublishedCount, _ outcomes: OutcomeRelease) -> CellView {
        switch count {
        case .count(let value): return CellView(text: String(value), note: nil)
        case .withheld(.primary): return CellView(text: text(.outcomesFewerThanK, ["k": outcomes.k]), note: text(.outcomesFewerThanKNote, ["k": outcomes.k]))
        case .withheld(.secondary): return CellView(text: text(.outcomesProtectsAnother), note: text(.outcomesProtectsAnotherNote))
        }
    }

    func notice(_ outcomes: OutcomeRelease, from route: Route) -> OutcomeNotice {
        OutcomeNotice(synthetic: outcomes.synthetic, label: outcomes.label ?? text(outcomes.synthetic ? .outcomesSyntheticData : .outcomesAssessmentData),
                      k: outcomes.k, methodHref: route.link(to: .method), heldBack: outcomes.heldBack > 0)
    }

    func attribute(_ outcomes: OutcomeRelease, _ kind: AttributeKind) -> PublishedAttribute? {
        outcomes.attributes.first { $0.kind == kind }
    }

    /// Rows: the attribute's values; columns: the tier groups, then 合计 (the total row).
    func valueByGroupTable(_ attribute: PublishedAttribute, _ outcomes: OutcomeRelease, caption: String, corner: String,
                           rowLabels: [String]? = nil) -> CountTableView {
        let rows = attribute.values.indices.filter { !attribute.impossible.contains($0) }.map { value in
            CountRowView(label: rowLabels?[value] ?? attribute.values[value].label,
                         cells: outcomes.tierGroups.groups.indices.map { shown(attribute.groups[$0][value], outcomes) },
                         total: shown(attribute.total[value], outcomes))
        }
        let totals = CountRowView(label: text(.outcomesTotal), cells: outcomes.groupSizes.map { CellView(text: String($0), note: nil) },
                                  total: CellView(text: String(outcomes.total), note: nil))
        return CountTableView(caption: caption, corner: corner, columns: outcomes.groupNames, rows: rows, totals: totals,
                              hasRowTotals: true, legend: legend(outcomes, [attribute.total] + attribute.groups))
    }

    /// Rows: values a cohort dimension takes (place, year); columns: tier groups. Sums of
    /// cohort sizes, all published.
    func cohortSizeTable(_ outcomes: OutcomeRelease, caption: String, corner: String,
                         label: (OutcomeRelease.Cohort) -> String?) -> CountTableView {
        var labels: [String] = []
        var counts: [String: [Int]] = [:]
        for cohort in outcomes.cohorts {
            guard let row = label(cohort) else { continue }
            if counts[row] == nil { labels.append(row); counts[row] = [Int](repeating: 0, count: outcomes.groupNames.count) }
            counts[row]![cohort.group] += cohort.size
        }
        let rows = labels.sorted().map { row in
            CountRowView(label: row, cells: counts[row]!.map { CellView(text: String($0), note: nil) },
                         total: CellView(text: String(counts[row]!.reduce(0, +)), note: nil))
        }
        let totals = CountRowView(label: text(.outcomesTotal), cells: outcomes.groupSizes.map { CellView(text: String($0), note: nil) },
                                  total: CellView(text: String(outcomes.total), note: nil))
        return CountTableView(caption: caption, corner: corner, columns: outcomes.groupNames, rows: rows, totals: totals,
                              hasRowTotals: true, legend: nil)
    }

    /// The legend under a table: only the kinds of withholding it shows.
    func legend(_ outcomes: OutcomeRelease, _ rows: [[PublishedCount]]) -> LegendView? {
        let all = rows.flatMap { $0 }
        let primary = all.contains(.withheld(.primary)), secondary = all.contains(.withheld(.secondary))
        guard primary || secondary else { return nil }
        return LegendView(primary: primary, secondary: secondary, k: outcomes.k)
    }

    /// The frame of an outcome page; `crumb` is its own label (a cohort's name).
    func outcomeLayout(_ route: Route, _ kind: PageKind, title: String, style: String, crumb: String?) -> Layout {
        let crumbs: [(String, Route?)] = crumb.map { [self.crumb(.outcomes), ($0, nil)] } ?? [(text(.pageOutcomes), nil)]
        return layout(route, kind, title: title, style: "outcomes \(style)", section: .outcomes, crumbs: crumbs)
    }

    /// The label of tier column `column`: 0 is "not built" (or "below the first tier").
    func columnLabel(_ column: Int, zero: TextKey) -> String {
        column == 0 ? text(zero) : framework.tiers[column - 1].name
    }

    func percent(_ share: Double) -> String { round1(share * 100) + "%" }

    /// What a cohort covers; the whole when it is not split that way.
    func place(_ cohort: OutcomeRelease.Cohort) -> String { cohort.place ?? text(.outcomesWholeRegion) }
    func sector(_ cohort: OutcomeRelease.Cohort) -> String { cohort.sector ?? text(.outcomesAllSectors) }
    func year(_ cohort: OutcomeRelease.Cohort) -> String { cohort.year.map { text(.outcomesYear, ["year": $0]) } ?? text(.outcomesAllYears) }

    // MARK: Pages

    private func outcomesIndex(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route.outcomes
        return PlannedPage(route: route, kind: .outcomes) {
            let cards = outcomes.tierGroups.groups.indices.map { group in
                TierCountView(id: outcomes.tierGroups.groups[group].count == 1 ? outcomes.tierGroups.columnKey(outcomes.tierGroups.groups[group][0]) : "group",
                              name: outcomes.groupNames[group], count: String(outcomes.groupSizes[group]))
            }
            let tierTable = attribute(outcomes, .tier).map { tier in
                valueByGroupTable(tier, outcomes, caption: text(.outcomesTierBreakdown), corner: text(.outcomesTierCorner))
            }
            let merged = outcomes.tierGroups.groups.contains { $0.count > 1 }
            let declared = attribute(outcomes, .declared).map {
                valueByGroupTable($0, outcomes, caption: text(.outcomesDeclaredCaption), corner: text(.outcomesDeclaredCorner),
                                  rowLabels: $0.values.map { $0.key == "none" ? text(.outcomesNotDeclared) : text(.outcomesDeclared, ["tier": $0.label]) })
            }
            let byRegion = attribute(outcomes, .region).map { valueByGroupTable($0, outcomes, caption: text(.outcomesByRegion), corner: text(.outcomesRegionCorner)) }
                ?? cohortSizeTable(outcomes, caption: text(.outcomesByRegion), corner: text(.outcomesRegionCorner)) { $0.place }
            let byYear = attribute(outcomes, .year).map { valueByGroupTable($0, outcomes, caption: text(.outcomesByYear), corner: text(.outcomesYearCorner)) }
                ?? cohortSizeTable(outcomes, caption: text(.outcomesByYear), corner: text(.outcomesYearCorner)) { $0.year.map { text(.outcomesYear, ["year": $0]) } }
            return OutcomesIndexView(
                layout: outcomeLayout(route, .outcomes, title: text(.pageOutcomes), style: "index", crumb: nil),
                notice: notice(outcomes, from: route), records: String(outcomes.total), tierCards: cards,
                tiers: merged ? tierTable : nil, declared: declared, progress: progress(outcomes, from: route),
                byRegion: byRegion, byYear: byYear, cohorts: outcomes.cohorts.count,
                links: [Link(label: text(.outcomesLinkIndicators), href: route.link(to: .outcomeIndicators)),
                        Link(label: text(.outcomesLinkScenarios), href: route.link(to: .outcomeScenarios)),
                        Link(label: text(.outcomesLinkCohorts, ["k": outcomes.k]), href: route.link(to: .cohorts)),
                        Link(label: text(.outcomesLinkMethod), href: route.link(to: .method))])
        }
    }

    /// Factories at each tier or above against the plan's 2027 targets, from published
    /// counts only: where one is withheld the figure is a lower bound ("至少").
    private func progress(_ outcomes: OutcomeRelease, from route: Route) -> [ProgressView] {
        guard let tiers = attribute(outcomes, .tier) else { return [] }
        return framework.targets.perTier.compactMap { target -> ProgressView? in
            guard let goal = target.count else { return nil }
            let columns = framework.tierIDs.filter { $0 >= target.tier }.map { $0.index + 1 }
            var reached = 0, partial = false
            if target.perYear {
                // Per year: the latest year's cohorts or year counts, by whole tier groups.
                guard let year = latestYearCounts(outcomes) else { return nil }
                for group in outcomes.tierGroups.groups.indices {
                    let inGroup = outcomes.tierGroups.groups[group]
                    if inGroup.allSatisfy(columns.contains) {
                        if let value = year.counts[group] { reached += value } else { partial = true }
                    } else if inGroup.contains(where: columns.contains) { partial = true }
                }
                return ProgressView(tier: tierRef(target.tier, from: route),
                                    label: text(.outcomesProgressYearLabel, ["year": year.year, "tier": framework.tier(target.tier).name]),
                                    target: text(.outcomesProgressYearTarget, ["goal": goal]),
                                    reached: text(partial ? .outcomesAtLeast : .outcomesCompanies, ["count": reached]),
                                    percent: min(100, reached * 100 / goal), note: target.task)
            }
            // Whole tier groups count by their (published) sizes; a group only partly at
            // or above the target counts by its tiers' published cells.
            var withheldCells: [PublishedCount] = []
            for (group, inGroup) in outcomes.tierGroups.groups.enumerated() {
                if inGroup.allSatisfy(columns.contains) { reached += outcomes.groupSizes[group]; continue }
                for column in inGroup where columns.contains(column) {
                    if let value = tiers.total[column].value { reached += value } else { withheldCells.append(tiers.total[column]) }
                }
            }
            let shown: String
            if withheldCells == [.withheld(.primary)] {
                shown = reached == 0 ? text(.outcomesFewerThan, ["k": outcomes.k])
                    : text(.outcomesBetween, ["low": reached + 1, "high": reached + outcomes.k - 1])
            } else {
                shown = text(withheldCells.isEmpty ? .outcomesCompanies : .outcomesAtLeast, ["count": reached])
            }
            return ProgressView(tier: tierRef(target.tier, from: route), label: text(.outcomesProgressLabel, ["tier": framework.tier(target.tier).name]),
                                target: text(.outcomesProgressTarget, ["year": framework.targets.year, "goal": goal]), reached: shown,
                                percent: min(100, reached * 100 / goal), note: target.task)
        }
    }

    /// The latest year's count per tier group: from the year table, or from cohort sizes
    /// when cohorts are by year.
    private func latestYearCounts(_ outcomes: OutcomeRelease) -> (year: Int, counts: [Int?])? {
        if let years = attribute(outcomes, .year), let last = years.values.indices.last, let year = Int(years.values[last].key) {
            return (year, outcomes.tierGroups.groups.indices.map { years.groups[$0][last].value })
        }
        guard let year = outcomes.cohorts.compactMap(\.year).max() else { return nil }
        var counts = [Int?](repeating: 0, count: outcomes.tierGroups.groups.count)
        for cohort in outcomes.cohorts where cohort.year == year { counts[cohort.group] = (counts[cohort.group] ?? 0) + cohort.size }
        return (year, counts)
    }

    private func indicatorOutcomes(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route.outcomeIndicators
        return PlannedPage(route: route, kind: .outcomeIndicators) {
            let views = standard.indicators.compactMap { indicator -> IndicatorOutcomeView? in
                guard let distribution = attribute(outcomes, .indicator(indicator.no)) else { return nil }
                let options = distribution.values.map(\.label)
                let groups = outcomes.tierGroups.groups.indices.map { group in
                    (label: outcomes.groupNames[group], total: Optional(outcomes.groupSizes[group]), counts: distribution.groups[group].map(\.value))
                } + [(label: text(.outcomesAll), total: Optional(outcomes.total), counts: distribution.total.map(\.value))]
                let chart = StackedBarChart.make(
                    id: "chart-i\(indicator.code)", title: text(.outcomesIndicatorChartTitle, ["no": indicator.no, "name": indicator.name]),
                    description: text(.outcomesIndicatorChartDescription), options: options, groups: groups, text: text)
                return IndicatorOutcomeView(
                    id: "i\(indicator.code)", code: indicator.code, name: indicator.name,
                    href: route.link(to: .indicator(indicator.code)), chart: chart,
                    table: valueByGroupTable(distribution, outcomes, caption: text(.outcomesIndicatorCaption, ["no": indicator.no, "name": indicator.name]),
                                             corner: text(.outcomesIndicatorCorner)))
            }
            return IndicatorOutcomesView(layout: outcomeLayout(route, .outcomeIndicators, title: text(.pageOutcomeIndicators), style: "indicators",
                                                               crumb: text(.pageOutcomeIndicators)),
                                         notice: notice(outcomes, from: route), indicators: views)
        }
    }

    static let heatBuckets = 10

    private func scenarioOutcomes(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route.outcomeScenarios
        return PlannedPage(route: route, kind: .outcomeScenarios) {
            let columns = (0...framework.tiers.count).map { columnLabel($0, zero: .outcomesNotBuilt) }
            let rows = standard.scenarios.map { scenario in
                HeatRowView(code: scenario.code, name: scenario.name, href: route.link(to: .scenario(scenario.code)),
                            cells: columns.indices.map { heatCell(column: $0, scenario: scenario, outcomes) })
            }
            let legend = (0..<Self.heatBuckets).map { HeatLegendItem(bucket: "heat-\($0)", label: "\($0 * 10)–\($0 * 10 + 10)%") }
                + [HeatLegendItem(bucket: "heat-withheld", label: text(.outcomesLegendFewerThanK, ["k": outcomes.k])),
                   HeatLegendItem(bucket: "heat-withheld", label: text(.outcomesLegendProtectsAnother)),
                   HeatLegendItem(bucket: "heat-na", label: text(.outcomesLegendNotDefined))]
            return ScenarioOutcomesView(layout: outcomeLayout(route, .outcomeScenarios, title: text(.pageOutcomeScenarios), style: "scenarios",
                                                              crumb: text(.pageOutcomeScenarios)),
                                        notice: notice(outcomes, from: route), columns: columns, rows: rows, legend: legend)
        }
    }

    private func heatCell(column: Int, scenario: Scenario, _ outcomes: OutcomeRelease) -> HeatCellView {
        let label = columnLabel(column, zero: .outcomesNotBuilt)
        if column > 0 && scenario.text(at: framework.tierIDs[column - 1]) == nil {
            return HeatCellView(text: "/", bucket: "heat-na", title: text(.outcomesScenarioNotDefined, ["code": scenario.code, "name": scenario.name, "tier": label]))
        }
        guard let adoption = attribute(outcomes, .scenario(scenario.no)) else {
            return HeatCellView(text: text(.outcomesNoValue), bucket: "heat-na", title: "")
        }
        let count = adoption.total[column]
        guard let value = count.value else {
            let cell = shown(count, outcomes)
            return HeatCellView(text: cell.text, bucket: "heat-withheld", title: text(.outcomesScenarioWithheld, ["code": scenario.code, "name": scenario.name, "tier": label, "note": cell.note ?? ""]))
        }
        let share = Double(value) / Double(max(outcomes.total, 1))
        return HeatCellView(text: percent(share), bucket: "heat-\(min(Self.heatBuckets - 1, Int(share * Double(Self.heatBuckets))))",
                            title: text(.outcomesScenarioCell, ["code": scenario.code, "name": scenario.name, "tier": label, "count": value, "share": percent(share)]))
    }

    /// A scenario's adoption across all assessments, for its own page.
    func adoption(of index: Int, from route: Route) -> ScenarioAdoptionView? {
        guard let outcomes else { return nil }
        let scenario = standard.scenarios[index]
        guard let adoption = attribute(outcomes, .scenario(scenario.no)) else { return nil }
        let cells = (0...framework.tiers.count).compactMap { column -> AdoptionCellView? in
            let label = columnLabel(column, zero: .outcomesNotBuilt)
            if column > 0 && scenario.text(at: framework.tierIDs[column - 1]) == nil { return nil }
            let count = adoption.total[column]
            let share = count.value.map { percent(Double($0) / Double(max(outcomes.total, 1))) } ?? text(.outcomesNoValue)
            return AdoptionCellView(label: label, count: shown(count, outcomes).text, share: share)
        }
        return ScenarioAdoptionView(records: String(outcomes.total), cells: cells,
                                    outcomesHref: route.link(to: .outcomeScenarios, fragment: "s" + scenario.code),
                                    synthetic: outcomes.synthetic)
    }

    private func cohortsList(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route.cohorts
        return PlannedPage(route: route, kind: .cohorts) {
            let rows = outcomes.cohorts.map { cohort in
                CohortRowView(href: route.link(to: .cohort(cohort.slug)), name: cohort.name, group: outcomes.groupNames[cohort.group],
                              groupId: outcomes.tierGroups.groups[cohort.group].count == 1 ? outcomes.tierGroups.columnKey(outcomes.tierGroups.groups[cohort.group][0]) : "group",
                              place: place(cohort), sector: sector(cohort), year: year(cohort), size: String(cohort.size))
            }
            return CohortsListView(layout: outcomeLayout(route, .cohorts, title: text(.pageCohorts), style: "cohorts", crumb: text(.pageCohorts)),
                                   notice: notice(outcomes, from: route), scheme: outcomes.scheme.description(text), cohorts: rows)
        }
    }

    /// /outcomes/records/ was the per-assessment listing: it now explains why there is
    /// none and points to the cohorts, so old links still lead somewhere.
    private func recordsMoved(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route.records
        return PlannedPage(route: route, kind: .records) {
            return RecordsMovedView(layout: outcomeLayout(route, .records, title: text(.pageRecords), style: "records", crumb: text(.pageRecords)),
                                    notice: notice(outcomes, from: route), cohortsHref: route.link(to: .cohorts),
                                    methodHref: route.link(to: .method))
        }
    }

    private func cohortPage(_ index: Int, _ outcomes: OutcomeRelease, grid: RadarChart.Grid) -> PlannedPage {
        let cohort = outcomes.cohorts[index]
        let route = Route.cohort(cohort.slug)
        return PlannedPage(route: route, kind: .cohort) {
            func distribution(_ attribute: PublishedAttribute) -> DistributionView {
                let counts = attribute.cohorts[index]
                let cells = attribute.values.indices.filter { value in
                    !attribute.impossible.contains(value) && !(counts[value] == .count(0) && isStructural(attribute, value, cohort, outcomes))
                }.map { value -> DistributionCellView in
                    let cell = shown(counts[value], outcomes)
                    return DistributionCellView(label: attribute.values[value].label, count: cell.text, note: cell.note,
                                                share: counts[value].value.map { percent(Double($0) / Double(cohort.size)) } ?? text(.outcomesNoValue))
                }
                return DistributionView(id: attribute.id, title: attribute.title, cells: cells)
            }
            let profile = outcomes.attributes.filter {
                switch $0.kind {
                case .tier: return outcomes.tierGroups.groups[cohort.group].count > 1
                case .declared, .region, .sector, .year, .maturity: return true
                default: return false
                }
            }.map(distribution)
            let indicatorAttributes = standard.indicators.compactMap { attribute(outcomes, .indicator($0.no)) }
            let graded = standard.indicators.filter(\.isGraded)
            let medians = graded.map { indicator -> MedianRange? in
                guard let attribute = attribute(outcomes, .indicator(indicator.no)) else { return nil }
                return MedianRange(counts: attribute.cohorts[index].prefix(indicator.levels.count).map(\.value),
                                   others: attribute.cohorts[index].dropFirst(indicator.levels.count).map(\.value), size: cohort.size)
            }
            let radar = RadarChart.make(id: "radar-\(cohort.slug)", title: text(.outcomesRadarTitle),
                                        description: text(.outcomesRadarDescription, ["count": graded.count, "first": 1, "last": levelColumns]),
                                        grid: grid, levels: medians.map { $0?.low ?? 0 }, upper: medians.map { $0?.high ?? 0 })
            let medianRows = zip(graded, medians).map { indicator, median in
                LevelRowView(name: text(.outcomesIndicatorCaption, ["no": indicator.no, "name": indicator.name]),
                             value: median.map { $0.text(text) } ?? text(.outcomesNoValue))
            }
            let scenarios = standard.scenarios.compactMap { scenario -> AdoptionRowView? in
                guard let attribute = attribute(outcomes, .scenario(scenario.no)) else { return nil }
                return AdoptionRowView(code: scenario.code, name: scenario.name, href: route.link(to: .scenario(scenario.code)),
                                       cells: attribute.values.indices.map { value in
                                           attribute.impossible.contains(value) ? CellView(text: "/", note: text(.outcomesNotDefined))
                                               : shown(attribute.cohorts[index][value], outcomes)
                                       })
            }
            let scenarioColumns = (0...framework.tiers.count).map { columnLabel($0, zero: .outcomesNotBuilt) }
            let allCohortRows = outcomes.attributes.map { $0.cohorts[index] }
            return CohortView(
                layout: outcomeLayout(route, .cohort, title: text(.pageCohort, ["name": cohort.name]), style: "cohort", crumb: cohort.name),
                notice: notice(outcomes, from: route), name: cohort.name, group: outcomes.groupNames[cohort.group],
                size: String(cohort.size), place: place(cohort), sector: sector(cohort), year: year(cohort), profile: profile,
                indicators: indicatorAttributes.map(distribution), radar: radar, medians: medianRows,
                scenarioColumns: scenarioColumns, scenarios: scenarios, legend: legend(outcomes, allCohortRows),
                listHref: route.link(to: .cohorts))
        }
    }

    /// A zero the cohort's name already implies (a 蒙西 cohort has no assessment from a
    /// city of 蒙东): not worth a line on its page.
    private func isStructural(_ attribute: PublishedAttribute, _ value: Int, _ cohort: OutcomeRelease.Cohort, _ outcomes: OutcomeRelease) -> Bool {
        switch attribute.kind {
        case .tier: return !outcomes.tierGroups.groups[cohort.group].contains(value)
        case .region:
            guard let part = cohort.place else { return false }
            return framework.regions.first { $0.name == attribute.values[value].label }.map { $0.group != part } ?? false
        default: return false
        }
    }

    private func methodPage(_ page: Page) -> PlannedPage {
        let route = Route.method
        return PlannedPage(route: route, kind: .method) {
            let crumbs: [(String, Route?)] = outcomes == nil ? [(page.nav, nil)] : [crumb(.outcomes), (page.nav, nil)]
            return MethodView(layout: layout(route, .method, title: page.title, style: "page method", section: outcomes == nil ? nil : .outcomes, crumbs: crumbs),
                              body: RichText(page.markdown), tiers: framework.tiers.map { summary($0, from: route) }, k: site.kAnonymity,
                              scheme: outcomes?.scheme.description(text), groups: outcomes?.groupNames.joined(separator: text(.tierListSeparator)),
                              primary: outcomes.map { String($0.audit.primary) }, secondary: outcomes.map { String($0.audit.secondary) },
                              release: outcomes.map { String($0.release) })
        }
    }

    // MARK: Open data

    func outcomeData() -> [PlannedData] {
        guard let outcomes else { return [] }
        return [PlannedData(route: .data("outcomes.json"), value: OutcomesRecord(outcomes))]
    }
}
