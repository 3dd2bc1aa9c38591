import PortalModel

/// The outcome pages: figures under /outcomes/, already protected and audited by
/// OutcomeRelease; this file only arranges them for the templates. Every number shown is
/// a published count, a sum of published counts, a share of two published counts, or a
/// range the published figures prove (worked out as the audit works it out).
extension SitePlanner {
    /// The pages of one outcome kind of the catalogue.
    func outcomePages(_ kind: PageKind, _ outcomes: OutcomeRelease) -> [PlannedPage] {
        switch kind {
        case .outcomes: return [outcomesIndex(outcomes)]
        case .outcomeIndicators: return [indicatorOutcomes(outcomes)]
        case .outcomeScenarios: return [scenarioOutcomes(outcomes)]
        case .cohorts: return [cohortsList(outcomes)]
        case .records: return [recordsMoved(outcomes)]
        case .cohort: return outcomes.cohorts.indices.map { cohortPage($0, outcomes) }
        default: return []
        }
    }

    // MARK: Pieces

    /// A published count as shown: the number, "<k" (1 to k−1), or "×" (k or more,
    /// withheld to protect a "<k").
    func shown(_ count: PublishedCount, _ outcomes: OutcomeRelease) -> CellView {
        switch count {
        case .count(let value): return CellView(text: String(value))
        case .withheld(.primary):
            return CellView(
                text: text(.outcomesFewerThanK, ["k": outcomes.k]),
                note: text(.outcomesFewerThanKNote, ["high": outcomes.k - 1]), style: "withheld")
        case .withheld(.secondary):
            return CellView(
                text: text(.outcomesProtectsAnother), note: text(.outcomesProtectsAnotherNote, ["k": outcomes.k]),
                style: "withheld")
        }
    }

    /// "其中领航级 <5": a value shown inside its merged bin.
    func ofWhich(_ row: PublishedRow, inside cell: PublishedCell, _ outcomes: OutcomeRelease) -> String? {
        let inner = row.cells.filter { $0.ofWhich && cell.values.contains($0.values[0]) }
        guard !inner.isEmpty else { return nil }
        return inner.map { text(.outcomesOfWhich, ["label": $0.label, "count": shown($0.count, outcomes).text]) }
            .joined(separator: text(.tierListSeparator))
    }

    func notice(_ outcomes: OutcomeRelease, from route: Route) -> OutcomeNotice {
        OutcomeNotice(
            synthetic: outcomes.synthetic,
            label: outcomes.label ?? text(outcomes.synthetic ? .outcomesSyntheticData : .outcomesAssessmentData),
            k: outcomes.k, methodHref: route.link(to: .method), heldBack: outcomes.heldBack > 0)
    }

    func attribute(_ outcomes: OutcomeRelease, _ kind: AttributeKind) -> PublishedAttribute? {
        outcomes.attributes.first { $0.kind == kind }
    }

    /// "本表 40 个数字中 3 个不公布" over the given cells; with the rows not split at all
    /// ("—") counted apart, so that "全部公布" never stands beside a "—". `page`: the
    /// figures of a whole page (a cohort's), not of one table.
    func share(_ cells: [PublishedCell], withdrawn: Int = 0, page: Bool = false) -> String? {
        guard !cells.isEmpty else { return nil }
        let withheld = cells.filter { $0.count.value == nil }.count
        let values: [String: any CustomStringConvertible] = [
            "figures": cells.count, "withheld": withheld,
            "scope": text(page ? .outcomesSharePage : .outcomesShareTable),
        ]
        let figures = text(withheld == 0 ? .outcomesShareAll : .outcomesShareSome, values)
        return withdrawn == 0 ? figures : figures + text(.outcomesShareWithdrawn, ["count": withdrawn])
    }

    /// Rows: the province-wide row's bins; columns: the tier groups (a merged bin spans
    /// the rows it counts), then 全部 (the province-wide row); under them the groups' sizes.
    func binTable(_ attribute: PublishedAttribute, _ outcomes: OutcomeRelease, caption: String, corner: String)
        -> CountTableView
    {
        let rowBins = attribute.total.cells.filter { !$0.ofWhich }
        guard !rowBins.isEmpty else {
            return CountTableView(
                caption: caption, corner: corner, columns: [], rows: [], totals: nil, legend: nil, share: nil,
                withdrawn: text(.outcomesWithdrawnTable))
        }
        var columns: [[CellView?]] = []
        for group in outcomes.tierGroups.groups.indices {
            let row = attribute.groups[group]
            var column = [CellView?](repeating: nil, count: rowBins.count)
            if !row.isPublished {
                column[0] = CellView(
                    text: text(.outcomesNoValue), note: text(.outcomesWithdrawn),
                    rowspan: rowBins.count > 1 ? rowBins.count : nil, style: "withdrawn")
            } else {
                var index = 0
                while index < rowBins.count {
                    guard let cell = row.bin(holding: rowBins[index].values[0]) else {
                        column[index] = CellView(text: "/", note: text(.outcomesNotPossible))
                        index += 1
                        continue
                    }
                    let span = rowBins[index...].prefix { cell.values.contains($0.values[0]) }.count
                    var view = shown(cell.count, outcomes)
                    if span > 1 {
                        view.rowspan = span; view.detail = cell.label;
                        view.style = [view.style, "merged"].compactMap { $0 }.joined(separator: " ")
                    }
                    column[index] = view
                    index += max(span, 1)
                }
            }
            columns.append(column)
        }
        let rows = rowBins.enumerated().map { index, bin -> CountRowView in
            var total = shown(bin.count, outcomes)
            total.detail = ofWhich(attribute.total, inside: bin, outcomes)
            return CountRowView(label: bin.label, cells: columns.compactMap { $0[index] } + [total])
        }
        let sizes = outcomes.groupSizes.map { CellView(text: String($0)) } + [CellView(text: String(outcomes.total))]
        let shownCells = attribute.total.cells + attribute.groups.flatMap(\.cells)
        let withdrawn = attribute.groups.count { !$0.isPublished }
        return CountTableView(
            caption: caption, corner: corner, columns: outcomes.groupNames + [text(.outcomesAll)], rows: rows,
            totals: CountRowView(label: text(.outcomesTotal), cells: sizes),
            legend: legend(outcomes, shownCells, withdrawn: withdrawn > 0),
            share: share(shownCells, withdrawn: withdrawn))
    }

    /// Rows: values a cohort dimension takes (place, sector, year); columns: tier groups,
    /// then 全部. Sums of cohort sizes, all published.
    func cohortSizeTable(
        _ outcomes: OutcomeRelease, caption: String, corner: String,
        label: (OutcomeRelease.Cohort) -> String?
    ) -> CountTableView {
        var labels: [String] = []
        var counts: [String: [Int]] = [:]
        for cohort in outcomes.cohorts {
            guard let row = label(cohort) else { continue }
            if counts[row] == nil {
                labels.append(row); counts[row] = [Int](repeating: 0, count: outcomes.groupNames.count)
            }
            counts[row]![cohort.group] += cohort.size
        }
        let rows = labels.sorted().map { row in
            CountRowView(
                label: row, cells: (counts[row]! + [counts[row]!.reduce(0, +)]).map { CellView(text: String($0)) })
        }
        let totals = CountRowView(
            label: text(.outcomesTotal),
            cells: (outcomes.groupSizes + [outcomes.total]).map { CellView(text: String($0)) })
        return CountTableView(
            caption: caption, corner: corner, columns: outcomes.groupNames + [text(.outcomesAll)], rows: rows,
            totals: totals, legend: nil,
            share: text(.outcomesShareAll, ["figures": rows.count * (outcomes.groupNames.count + 1)]))
    }

    /// The legend under a table: only the marks it shows (`withdrawn`: some "—"), and
    /// that zeros are real.
    func legend(_ outcomes: OutcomeRelease, _ cells: [PublishedCell], withdrawn: Bool = false) -> LegendView? {
        var items: [LegendItemView] = []
        if withdrawn { items.append(LegendItemView(mark: text(.outcomesNoValue), meaning: text(.outcomesWithdrawn))) }
        if cells.contains(where: { $0.count == .withheld(.primary) }) {
            items.append(
                LegendItemView(
                    mark: text(.outcomesFewerThanK, ["k": outcomes.k]),
                    meaning: text(.outcomesFewerThanKNote, ["high": outcomes.k - 1])))
        }
        if cells.contains(where: { $0.count == .withheld(.secondary) }) {
            items.append(
                LegendItemView(
                    mark: text(.outcomesProtectsAnother), meaning: text(.outcomesProtectsAnotherNote, ["k": outcomes.k])
                ))
        }
        if cells.contains(where: { $0.values.count > 1 && !$0.ofWhich }) {
            items.append(LegendItemView(mark: text(.outcomesLegendMergedMark), meaning: text(.outcomesLegendMerged)))
        }
        guard !items.isEmpty else { return nil }
        items.append(LegendItemView(mark: "0", meaning: text(.outcomesLegendZero)))
        return LegendView(items: items)
    }

    /// The frame of an outcome page; `crumb` is its own label (a cohort's name).
    func outcomeLayout(_ route: Route, _ kind: PageKind, title: String, crumb: String?) -> Layout {
        let crumbs: [(String, Route?)] =
            crumb.map { [self.crumb(.outcomes), ($0, nil)] } ?? [(text(.pageOutcomes), nil)]
        return layout(route, kind, title: title, crumbs: crumbs)
    }

    /// The label of tier column `column`: 0 is "not built" (or "below the first tier").
    func columnLabel(_ column: Int, zero: TextKey) -> String {
        column == 0 ? text(zero) : framework.tiers[column - 1].name
    }

    func percent(_ share: Double) -> String { round1(share * 100) + "%" }

    /// What a cohort covers; the whole when it is not split that way.
    func place(_ cohort: OutcomeRelease.Cohort) -> String { cohort.place ?? text(.outcomesWholeRegion) }
    func sector(_ cohort: OutcomeRelease.Cohort) -> String { cohort.sector ?? text(.outcomesAllSectors) }
    func year(_ cohort: OutcomeRelease.Cohort) -> String {
        cohort.year.map { text(.outcomesYear, ["year": $0]) } ?? text(.outcomesAllYears)
    }

    /// "95 家" or "1–4 家".
    func companies(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound
            ? text(.outcomesCompanies, ["count": range.lowerBound])
            : text(.outcomesBetween, ["low": range.lowerBound, "high": range.upperBound])
    }

    /// A range against a goal: the bar and what it means.
    func progressBar(_ range: ClosedRange<Int>, goal: Int) -> (ProgressBar, String?) {
        let (low, high) = (range.lowerBound, range.upperBound)
        if low > goal {
            return (
                ProgressBar(certain: 100, possible: 100, exceeded: true, targetAt: max(1, goal * 100 / low)),
                text(.outcomesProgressExceeded)
            )
        }
        let bar = ProgressBar(
            certain: min(100, low * 100 / max(goal, 1)), possible: min(100, high * 100 / max(goal, 1)), exceeded: false,
            targetAt: nil)
        if low == goal { return (bar, text(.outcomesProgressMet)) }
        if high >= goal { return (bar, text(.outcomesProgressMaybe)) }
        return (bar, nil)
    }

    // MARK: Pages

    private func outcomesIndex(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route(.outcomes, edition: folder)
        return PlannedPage(route: route, kind: .outcomes) {
            let cards =
                attribute(outcomes, .tier).map { tiers in
                    tiers.total.cells.filter { !$0.ofWhich }.map { cell in
                        TierCountView(
                            id: cell.values.count == 1 ? tiers.values[cell.values[0]].key : "group", name: cell.label,
                            count: shown(cell.count, outcomes).text,
                            detail: ofWhich(tiers.total, inside: cell, outcomes))
                    }
                } ?? []
            let declared = attribute(outcomes, .declared).map {
                binTable($0, outcomes, caption: text(.outcomesDeclaredCaption), corner: text(.outcomesDeclaredCorner))
            }
            func table(
                _ kind: AttributeKind, caption: TextKey, corner: TextKey, label: (OutcomeRelease.Cohort) -> String?
            ) -> CountTableView {
                attribute(outcomes, kind).map { binTable($0, outcomes, caption: text(caption), corner: text(corner)) }
                    ?? cohortSizeTable(outcomes, caption: text(caption), corner: text(corner), label: label)
            }
            return OutcomesIndexView(
                layout: outcomeLayout(route, .outcomes, title: text(.pageOutcomes), crumb: nil),
                notice: notice(outcomes, from: route), enterprises: String(outcomes.total), tierCards: cards,
                progress: progress(outcomes, from: route), targetYear: framework.targets.year,
                yearly: yearly(outcomes, from: route),
                declared: declared,
                byRegion: table(.region, caption: .outcomesByRegion, corner: .outcomesRegionCorner) { $0.place },
                bySector: table(.sector, caption: .outcomesBySector, corner: .outcomesSectorCorner) { $0.sector },
                byYear: table(.year, caption: .outcomesByYear, corner: .outcomesYearCorner) {
                    $0.year.map { text(.outcomesYear, ["year": $0]) }
                },
                cohorts: outcomes.cohorts.count,
                links: [
                    Link(label: text(.outcomesLinkIndicators), href: route.link(to: .outcomeIndicators)),
                    Link(label: text(.outcomesLinkScenarios), href: route.link(to: .outcomeScenarios)),
                    Link(label: text(.outcomesLinkCohorts, ["k": outcomes.k]), href: route.link(to: .cohorts)),
                    Link(label: text(.outcomesLinkMethod), href: route.link(to: .method)),
                ])
        }
    }

    /// Whether the outcomes page shows progress toward `target` (at `#progress-<tier>`): a
    /// count to reach, and figures for its tier (year by year for a per-year target).
    func showsProgress(toward target: TierTarget, _ outcomes: OutcomeRelease) -> Bool {
        guard target.count != nil else { return false }
        guard target.perYear else { return target.tier.index < outcomes.headlines.atOrAbove.count }
        return target.tier == framework.tierIDs.first && !outcomes.headlines.lowestTierByYear.isEmpty
    }

    /// Factories at each tier or above against the plan's 2027 targets: the range the
    /// published figures prove, drawn solid where certain and hatched where possible.
    private func progress(_ outcomes: OutcomeRelease, from route: Route) -> [ProgressView] {
        framework.targets.perTier.compactMap { target -> ProgressView? in
            guard !target.perYear, showsProgress(toward: target, outcomes), let goal = target.count else { return nil }
            let range = outcomes.headlines.atOrAbove[target.tier.index]
            let (bar, status) = progressBar(range, goal: goal)
            return ProgressView(
                tier: tierRef(target.tier, from: route),
                label: text(.outcomesProgressLabel, ["tier": framework.tier(target.tier).name]),
                target: text(.outcomesProgressTarget, ["year": framework.targets.year, "goal": goal]),
                reached: companies(range), status: status, bar: bar, note: target.task)
        }
    }

    /// The lowest tier's per-year target ("每年推动 300 家"), year by year.
    private func yearly(_ outcomes: OutcomeRelease, from route: Route) -> YearlyProgressView? {
        guard let target = framework.targets.perTier.first(where: { $0.perYear }),
            showsProgress(toward: target, outcomes), let goal = target.count
        else { return nil }
        return YearlyProgressView(
            tier: tierRef(target.tier, from: route),
            label: text(.outcomesProgressYearLabel, ["tier": framework.tier(target.tier).name]),
            target: text(.outcomesProgressYearTarget, ["goal": goal]), note: target.task,
            years: outcomes.headlines.lowestTierByYear.map { year, range in
                let (bar, status) = progressBar(range, goal: goal)
                return YearProgressView(
                    year: text(.outcomesYear, ["year": year]), reached: companies(range), status: status, bar: bar)
            })
    }

    private func indicatorOutcomes(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route(.outcomeIndicators, edition: folder)
        return PlannedPage(route: route, kind: .outcomeIndicators) {
            let views = standard.indicators.compactMap { indicator -> IndicatorOutcomeView? in
                guard let distribution = attribute(outcomes, .indicator(indicator.no)) else { return nil }
                let bars =
                    outcomes.tierGroups.groups.indices.map { group in
                        StackedBarChart.Row(
                            label: outcomes.groupNames[group], size: outcomes.groupSizes[group],
                            cells: distribution.groups[group].cells)
                    } + [
                        StackedBarChart.Row(
                            label: text(.outcomesAll), size: outcomes.total,
                            cells: distribution.total.cells.filter { !$0.ofWhich })
                    ]
                let legendBins = distribution.total.bins
                let chart = StackedBarChart.make(
                    id: "chart-i\(indicator.code)",
                    title: text(.outcomesIndicatorChartTitle, ["no": indicator.no, "name": indicator.name]),
                    description: text(.outcomesIndicatorChartDescription),
                    legend: legendBins.map { (values: $0, label: distribution.label(of: $0)) },
                    scale: indicator.question == nil ? indicator.levels.count : framework.investmentBands.count,
                    rows: bars, text: text)
                return IndicatorOutcomeView(
                    id: "i\(indicator.code)", code: indicator.code, name: indicator.name,
                    href: route.link(to: .indicator, indicator.code), chart: chart,
                    table: binTable(
                        distribution, outcomes,
                        caption: text(.outcomesIndicatorCaption, ["no": indicator.no, "name": indicator.name]),
                        corner: text(.outcomesIndicatorCorner)))
            }
            return IndicatorOutcomesView(
                layout: outcomeLayout(
                    route, .outcomeIndicators, title: text(.pageOutcomeIndicators),
                    crumb: text(.pageOutcomeIndicators)),
                notice: notice(outcomes, from: route), indicators: views)
        }
    }

    static let heatBuckets = 10

    private func scenarioOutcomes(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route(.outcomeScenarios, edition: folder)
        return PlannedPage(route: route, kind: .outcomeScenarios) {
            let columns = (0...framework.tiers.count).map { columnLabel($0, zero: .outcomesNotBuilt) }
            var shownCells: [PublishedCell] = []
            let rows = standard.scenarios.map { scenario -> HeatRowView in
                let adoption = attribute(outcomes, .scenario(scenario.no))
                shownCells += adoption?.total.cells ?? []
                return HeatRowView(
                    code: scenario.code, name: scenario.name, href: route.link(to: .scenario, scenario.code),
                    cells: adoption.map { heatCells($0, scenario: scenario, outcomes) } ?? [])
            }
            let legend =
                (0..<Self.heatBuckets).map {
                    HeatLegendItem(bucket: "heat-\($0)", label: "\($0 * 10)–\($0 * 10 + 10)%")
                }
                + [
                    HeatLegendItem(bucket: "merged", label: text(.outcomesLegendMerged)),
                    HeatLegendItem(bucket: "heat-na", label: text(.outcomesLegendNotDefined)),
                ]
            return ScenarioOutcomesView(
                layout: outcomeLayout(
                    route, .outcomeScenarios, title: text(.pageOutcomeScenarios),
                    crumb: text(.pageOutcomeScenarios)),
                notice: notice(outcomes, from: route), columns: columns, rows: rows, legend: legend,
                share: share(shownCells))
        }
    }

    /// A scenario's province-wide row across the tier columns, as heat: the share of all
    /// enterprises in each bin.
    private func heatCells(_ adoption: PublishedAttribute, scenario: Scenario, _ outcomes: OutcomeRelease) -> [CellView]
    {
        tierColumns(adoption.total, scenario: scenario, withdrawnStyle: "heat-na withdrawn") { cell in
            let value = cell.count.value ?? 0
            let share = Double(value) / Double(max(outcomes.total, 1))
            var view = CellView(
                text: percent(share),
                note: text(
                    .outcomesScenarioCell,
                    [
                        "code": scenario.code, "name": scenario.name, "tier": cell.label, "count": value,
                        "share": percent(share),
                    ]),
                style: "heat-\(min(Self.heatBuckets - 1, Int(share * Double(Self.heatBuckets))))")
            view.detail = ofWhich(adoption.total, inside: cell, outcomes)
            return view
        }
    }

    /// One scenario's row across the tier columns (未建设, then each tier): a cell per bin,
    /// a merged bin spanning the columns it counts (its name under the figure); "/" where the
    /// standard does not define the tier; one cell across all when the row is not split.
    private func tierColumns(
        _ row: PublishedRow, scenario: Scenario, withdrawnStyle: String, cell make: (PublishedCell) -> CellView
    ) -> [CellView] {
        let columnCount = framework.tiers.count + 1
        guard row.isPublished else {
            return [
                CellView(
                    text: text(.outcomesNoValue), note: text(.outcomesWithdrawn), colspan: columnCount,
                    style: withdrawnStyle)
            ]
        }
        var cells: [CellView] = []
        var column = 0
        while column < columnCount {
            guard let cell = row.bin(holding: column) else {
                let label = columnLabel(column, zero: .outcomesNotBuilt)
                cells.append(
                    CellView(
                        text: "/",
                        note: text(
                            .outcomesScenarioNotDefined, ["code": scenario.code, "name": scenario.name, "tier": label]),
                        style: "heat-na"))
                column += 1
                continue
            }
            let span = (cell.values.max() ?? column) - column + 1
            var view = make(cell)
            if span > 1 {
                view.colspan = span
                view.detail = [cell.label, view.detail].compactMap { $0 }.joined(separator: text(.tierListSeparator))
                view.style = [view.style, "merged"].compactMap { $0 }.joined(separator: " ")
            }
            cells.append(view)
            column += span
        }
        return cells
    }

    /// A scenario's adoption across all assessments, for its own page.
    func adoption(of index: Int, from route: Route) -> ScenarioAdoptionView? {
        guard let outcomes else { return nil }
        let scenario = standard.scenarios[index]
        guard let adoption = attribute(outcomes, .scenario(scenario.no)) else { return nil }
        let cells = adoption.total.cells.filter { !$0.ofWhich }.map { cell in
            AdoptionCellView(
                label: cell.label, count: shown(cell.count, outcomes).text,
                share: cell.count.value.map { percent(Double($0) / Double(max(outcomes.total, 1))) }
                    ?? text(.outcomesNoValue),
                detail: ofWhich(adoption.total, inside: cell, outcomes))
        }
        return ScenarioAdoptionView(
            records: String(outcomes.total), cells: cells,
            outcomesHref: route.link(to: .outcomeScenarios, fragment: "s" + scenario.code),
            synthetic: outcomes.synthetic, withdrawn: adoption.total.isPublished ? nil : text(.outcomesWithdrawn))
    }

    private func cohortsList(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route(.cohorts, edition: folder)
        return PlannedPage(route: route, kind: .cohorts) {
            let rows = outcomes.cohorts.map { cohort in
                CohortRowView(
                    href: route.link(to: .cohort, cohort.slug), name: cohort.name,
                    group: outcomes.groupNames[cohort.group],
                    groupId: outcomes.tierGroups.groups[cohort.group].count == 1
                        ? outcomes.tierGroups.columnKey(outcomes.tierGroups.groups[cohort.group][0]) : "group",
                    place: place(cohort), sector: sector(cohort), year: year(cohort), size: String(cohort.size))
            }
            return CohortsListView(
                layout: outcomeLayout(route, .cohorts, title: text(.pageCohorts), crumb: text(.pageCohorts)),
                notice: notice(outcomes, from: route), scheme: outcomes.scheme.description(text), cohorts: rows)
        }
    }

    /// /outcomes/records/ was the per-assessment listing: it now explains why there is
    /// none and points to the cohorts, so old links still lead somewhere.
    private func recordsMoved(_ outcomes: OutcomeRelease) -> PlannedPage {
        let route = Route(.records, edition: folder)
        return PlannedPage(route: route, kind: .records) {
            return RecordsMovedView(
                layout: outcomeLayout(route, .records, title: text(.pageRecords), crumb: text(.pageRecords)),
                notice: notice(outcomes, from: route), cohortsHref: route.link(to: .cohorts),
                methodHref: route.link(to: .method))
        }
    }

    private func cohortPage(_ index: Int, _ outcomes: OutcomeRelease) -> PlannedPage {
        let cohort = outcomes.cohorts[index]
        let route = Route(.cohort, cohort.slug, edition: folder)
        return PlannedPage(route: route, kind: .cohort) {
            func distribution(_ attribute: PublishedAttribute) -> DistributionView {
                let row = attribute.cohorts[index]
                let cells = row.cells.map { cell -> DistributionCellView in
                    let view = shown(cell.count, outcomes)
                    return DistributionCellView(
                        label: cell.label, count: view.text, note: view.note,
                        share: cell.count.value.map { percent(Double($0) / Double(cohort.size)) }
                            ?? text(.outcomesNoValue))
                }
                return DistributionView(
                    id: attribute.id, title: attribute.title, cells: cells,
                    withdrawn: row.isPublished ? nil : text(.outcomesWithdrawn))
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
                guard let attribute = attribute(outcomes, .indicator(indicator.no)),
                    attribute.cohorts[index].isPublished
                else { return nil }
                return MedianRange(
                    bins: Self.medianBins(attribute.cohorts[index], levels: indicator.levels.count), size: cohort.size,
                    k: outcomes.k)
            }
            let medianRows = zip(graded, medians).map { indicator, median in
                LevelRowView(
                    name: text(.outcomesIndicatorCaption, ["no": indicator.no, "name": indicator.name]),
                    value: median.map { $0.text(text) } ?? text(.outcomesNoValue),
                    track: LevelTrack(maximum: levelColumns, low: median?.low, high: median?.high))
            }
            let scenarioAttributes = standard.scenarios.compactMap { scenario in
                attribute(outcomes, .scenario(scenario.no)).map { (scenario, $0) }
            }
            let anyScenario = scenarioAttributes.contains { $0.1.cohorts[index].isPublished }
            let scenarios =
                anyScenario
                ? scenarioAttributes.map { scenario, attribute in
                    AdoptionRowView(
                        code: scenario.code, name: scenario.name, href: route.link(to: .scenario, scenario.code),
                        cells: tierColumns(attribute.cohorts[index], scenario: scenario, withdrawnStyle: "withdrawn") {
                            shown($0.count, outcomes)
                        })
                } : []
            let scenarioColumns = (0...framework.tiers.count).map { columnLabel($0, zero: .outcomesNotBuilt) }
            let allCells = outcomes.attributes.flatMap { $0.cohorts[index].cells }
            // Items the page shows as not split ("—", or a line saying so).
            let withdrawnCount = outcomes.attributes.count { !$0.cohorts[index].isPublished }
            return CohortView(
                layout: outcomeLayout(
                    route, .cohort, title: text(.pageCohort, ["name": cohort.name]), crumb: cohort.name),
                notice: notice(outcomes, from: route), name: cohort.name, group: outcomes.groupNames[cohort.group],
                size: String(cohort.size), place: place(cohort), sector: sector(cohort), year: year(cohort),
                profile: profile,
                indicators: indicatorAttributes.map(distribution), medians: medianRows,
                levelScale: LevelTrack.scale(levelColumns),
                scenarioColumns: scenarioColumns, scenarios: scenarios,
                scenariosWithdrawn: anyScenario ? nil : text(.outcomesWithdrawn),
                legend: legend(outcomes, allCells, withdrawn: withdrawnCount > 0),
                share: share(allCells, withdrawn: withdrawnCount, page: true), listHref: route.link(to: .cohorts))
        }
    }

    /// A row's bins as the median works on them: levels 1…`levels` are the scale, the
    /// rest (不涉及, 未填) outside it.
    static func medianBins(_ row: PublishedRow, levels: Int) -> [MedianRange.Bin] {
        row.cells.filter { !$0.ofWhich }.map { cell in
            let scale = cell.values.filter { $0 < levels }
            let mark: String? =
                cell.count == .withheld(.primary) ? "<" : cell.count == .withheld(.secondary) ? "x" : nil
            return MedianRange.Bin(
                from: scale.min().map { $0 + 1 }, to: scale.max().map { $0 + 1 },
                other: cell.values.contains { $0 >= levels }, count: cell.count.value, mark: mark)
        }
    }

    func methodPage(_ page: Page) -> PlannedPage {
        let route = Route(.method, edition: folder)
        return PlannedPage(route: route, kind: .method) {
            let crumbs: [(String, Route?)] = outcomes == nil ? [(page.nav, nil)] : [crumb(.outcomes), (page.nav, nil)]
            let release = outcomes.map { outcomes in
                MethodReleaseView(
                    number: String(outcomes.release), scheme: outcomes.scheme.description(text),
                    groups: outcomes.groupNames.joined(separator: text(.tierListSeparator)),
                    figures: String(outcomes.audit.figures), primary: String(outcomes.audit.primary),
                    secondary: String(outcomes.audit.secondary),
                    share: percent(
                        Double(outcomes.audit.primary + outcomes.audit.secondary)
                            / Double(max(outcomes.audit.figures, 1))))
            }
            return MethodView(
                layout: layout(route, .method, title: page.title, crumbs: crumbs),
                body: RichText(Self.withThreshold(page.markdown, k: site.kAnonymity)),
                tiers: framework.tiers.map { summary($0, from: route) }, k: site.kAnonymity,
                release: release)
        }
    }

    /// The method page's text with the threshold in: `{k}` and `{k_minus_1}` (the page
    /// says "<5" where site.yaml sets 5, as every other page does).
    static func withThreshold(_ markdown: String, k: Int) -> String {
        markdown.replacingOccurrences(of: "{k_minus_1}", with: String(k - 1)).replacingOccurrences(
            of: "{k}", with: String(k))
    }

    // MARK: Open data

}
