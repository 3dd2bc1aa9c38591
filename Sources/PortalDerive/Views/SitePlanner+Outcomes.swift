import PortalModel

/// The outcome pages: statistics under /outcomes/, already suppressed by
/// OutcomeStatistics; this file only arranges them for the templates.
extension SitePlanner {
    static let noTier = "未达基础级"

    func outcomePages() -> [PlannedPage] {
        var pages: [PlannedPage] = []
        if let method = standard.method { pages.append(methodPage(method)) }
        guard let outcomes else { return pages }
        pages += [outcomesIndex(outcomes), indicatorOutcomes(outcomes), scenarioOutcomes(outcomes), recordsList(outcomes)]
        let engine = Eligibility(standard: standard)
        let radar = RadarChart.Grid(labels: standard.indicators.filter { $0.question == nil }.map { String($0.name.prefix(6)) })
        pages += (outcomes.published ?? []).map { recordPage($0, outcomes, engine: engine, radar: radar) }
        return pages
    }

    // MARK: Pieces

    func count(_ value: Int?, _ outcomes: OutcomeStatistics) -> String {
        value.map(String.init) ?? "<\(outcomes.k)"
    }

    func tierColumnNames() -> [String] {
        OutcomeStatistics.tierColumns.map { $0.map { framework.tier($0).name } ?? Self.noTier }
    }

    func notice(_ outcomes: OutcomeStatistics, from route: Route) -> OutcomeNotice {
        OutcomeNotice(synthetic: outcomes.synthetic, label: outcomes.label ?? (outcomes.synthetic ? "合成示例数据" : "评估数据"),
                      k: outcomes.k, methodHref: route.link(to: .method))
    }

    func tableView(_ table: SuppressedTable, caption: String, corner: String, rows: [String], columns: [String],
                   _ outcomes: OutcomeStatistics) -> CountTableView {
        let rowViews = rows.indices.map { r in
            CountRowView(label: rows[r], cells: (0..<table.columns).map { count(table.cell(r, $0), outcomes) },
                         total: table.rowTotals.map { count($0[r], outcomes) })
        }
        let totals = table.columnTotals.map { totals in
            CountRowView(label: "合计", cells: totals.map { count($0, outcomes) }, total: table.rowTotals == nil ? nil : count(table.total, outcomes))
        }
        return CountTableView(caption: caption, corner: corner, columns: columns, rows: rowViews, totals: totals,
                              hasRowTotals: table.rowTotals != nil)
    }

    func outcomeLayout(_ route: Route, title: String, kind: String, crumb: String?) -> Layout {
        let crumbs: [(String, Route?)] = crumb.map { [("评估结果", .outcomes), ($0, nil)] } ?? [("评估结果", nil)]
        let page = layout(route, title: title, kind: "outcomes \(kind)", section: .outcomes, crumbs: crumbs)
        // Record pages are numbers, not text worth finding: only the summaries are indexed.
        return kind == "record" || kind == "records" ? page : indexed(page, kind: "评估结果")
    }

    // MARK: Pages

    private func outcomesIndex(_ outcomes: OutcomeStatistics) -> PlannedPage {
        let route = Route.outcomes
        let names = tierColumnNames()
        let cards = OutcomeStatistics.tierColumns.indices.map { index in
            TierCountView(id: OutcomeStatistics.tierColumns[index]?.rawValue ?? "none", name: names[index],
                          count: count(outcomes.byTier.cell(0, index), outcomes))
        }
        let declaredRows = OutcomeStatistics.tierColumns.map { $0.map { "申报" + framework.tier($0).name } ?? "未申报" }
        let view = OutcomesIndexView(
            layout: outcomeLayout(route, title: "评估结果", kind: "index", crumb: nil),
            notice: notice(outcomes, from: route), records: count(outcomes.records, outcomes), tierCards: cards,
            declared: tableView(outcomes.declaredVsDerived, caption: "申报层级与按规则认定层级对照", corner: "申报 \\ 认定",
                                rows: declaredRows, columns: names, outcomes),
            progress: progress(outcomes, from: route),
            byRegion: tableView(outcomes.byRegion, caption: "各盟市按规则认定的层级", corner: "盟市",
                                rows: outcomes.places, columns: names, outcomes),
            byYear: tableView(outcomes.byYear, caption: "各年度按规则认定的层级", corner: "年度",
                              rows: outcomes.years.map { "\($0)年" }, columns: names, outcomes),
            links: [Link(label: "各项能力指标的分布", href: route.link(to: .outcomeIndicators)),
                    Link(label: "典型场景建设情况", href: route.link(to: .outcomeScenarios)),
                    Link(label: "评估记录", href: route.link(to: .records)),
                    Link(label: "认定方法与数据保护", href: route.link(to: .method))])
        return PlannedPage(route: route, template: "outcomes", context: view)
    }

    /// Factories at each tier or above against the plan's 2027 targets. Built only from
    /// published cells: where one is withheld the figure is a lower bound ("至少").
    private func progress(_ outcomes: OutcomeStatistics, from route: Route) -> [ProgressView] {
        framework.targets.perTier.compactMap { target -> ProgressView? in
            guard let goal = target.count else { return nil }
            let columns = OutcomeStatistics.tierColumns.indices.filter { OutcomeStatistics.tierColumns[$0].map { $0 >= target.tier } ?? false }
            var reached = 0, partial = false
            if target.perYear, let year = outcomes.years.last {
                let row = outcomes.years.count - 1
                for column in columns {
                    if let value = outcomes.byYear.cell(row, column) { reached += value } else { partial = true }
                }
                return ProgressView(tier: tierRef(target.tier, from: route), label: "\(year)年 \(framework.tier(target.tier).name)及以上",
                                    target: "每年 \(goal) 家", reached: (partial ? "至少 " : "") + "\(reached) 家",
                                    percent: min(100, reached * 100 / goal), note: target.task)
            }
            for column in columns {
                if let value = outcomes.byTier.cell(0, column) { reached += value } else { partial = true }
            }
            return ProgressView(tier: tierRef(target.tier, from: route), label: "\(framework.tier(target.tier).name)及以上",
                                target: "2027 年 \(goal) 家", reached: (partial ? "至少 " : "") + "\(reached) 家",
                                percent: min(100, reached * 100 / goal), note: target.task)
        }
    }

    private func indicatorOutcomes(_ outcomes: OutcomeStatistics) -> PlannedPage {
        let route = Route.outcomeIndicators
        let names = tierColumnNames()
        let views = outcomes.indicators.map { distribution -> IndicatorOutcomeView in
            let table = distribution.table
            let groups = (0..<table.columns).map { column in
                (label: names[column], total: table.columnTotals?[column], counts: (0..<table.rows).map { table.cell($0, column) })
            } + [(label: "全部", total: table.total, counts: table.rowTotals ?? [])]
            let indicator = distribution.indicator
            let chart = StackedBarChart.make(
                id: "chart-i\(indicator.code)", title: "指标\(indicator.no) \(indicator.name)：按认定层级的等级分布",
                description: "每一横条是一个认定层级的企业，按所选等级分段；灰色斜纹为不足公布门槛而合并显示的部分。数值见右侧表格。",
                options: distribution.options, groups: groups)
            return IndicatorOutcomeView(
                id: "i\(indicator.code)", code: indicator.code, name: indicator.name,
                href: route.link(to: .indicator(indicator.code)), chart: chart,
                table: tableView(table, caption: "指标\(indicator.no) \(indicator.name)", corner: "选项 \\ 认定层级",
                                 rows: distribution.options, columns: names, outcomes))
        }
        let view = IndicatorOutcomesView(layout: outcomeLayout(route, title: "能力指标分布", kind: "indicators", crumb: "能力指标分布"),
                                         notice: notice(outcomes, from: route), indicators: views)
        return PlannedPage(route: route, template: "outcome-indicators", context: view)
    }

    static let heatBuckets = 10

    private func scenarioOutcomes(_ outcomes: OutcomeStatistics) -> PlannedPage {
        let route = Route.outcomeScenarios
        let columns = ["未建设"] + TierID.allCases.map { framework.tier($0).name }
        let rows = standard.scenarios.enumerated().map { index, scenario in
            HeatRowView(code: scenario.code, name: scenario.name, href: route.link(to: .scenario(scenario.code)),
                        cells: (0..<5).map { column in heatCell(row: index, column: column, scenario: scenario, outcomes) })
        }
        let legend = (0..<Self.heatBuckets).map { HeatLegendItem(bucket: "heat-\($0)", label: "\($0 * 10)–\($0 * 10 + 10)%") }
            + [HeatLegendItem(bucket: "heat-withheld", label: "<\(outcomes.k) 家，不公布"),
               HeatLegendItem(bucket: "heat-na", label: "该层级未定义")]
        let view = ScenarioOutcomesView(layout: outcomeLayout(route, title: "典型场景建设情况", kind: "scenarios", crumb: "典型场景建设情况"),
                                        notice: notice(outcomes, from: route), columns: columns, rows: rows, legend: legend)
        return PlannedPage(route: route, template: "outcome-scenarios", context: view)
    }

    private func heatCell(row: Int, column: Int, scenario: Scenario, _ outcomes: OutcomeStatistics) -> HeatCellView {
        let label = column == 0 ? "未建设" : framework.tier(TierID.allCases[column - 1]).name
        if column > 0 && scenario.text(at: TierID.allCases[column - 1]) == nil {
            return HeatCellView(text: "/", bucket: "heat-na", title: "\(scenario.code) \(scenario.name)：\(label)未定义")
        }
        guard let value = outcomes.adoption.cell(row, column) else {
            return HeatCellView(text: "<\(outcomes.k)", bucket: "heat-withheld", title: "\(scenario.code) \(scenario.name) · \(label)：少于 \(outcomes.k) 家")
        }
        guard let total = outcomes.records, total > 0 else {
            return HeatCellView(text: "\(value)", bucket: "heat-0", title: "")
        }
        let share = Double(value) / Double(total)
        return HeatCellView(text: percent(share), bucket: "heat-\(min(Self.heatBuckets - 1, Int(share * Double(Self.heatBuckets))))",
                            title: "\(scenario.code) \(scenario.name) · \(label)：\(value) 家（\(percent(share))）")
    }

    func percent(_ share: Double) -> String { round1(share * 100) + "%" }

    /// A scenario's row of the adoption table, for its own page.
    func adoption(of index: Int, from route: Route) -> ScenarioAdoptionView? {
        guard let outcomes else { return nil }
        let scenario = standard.scenarios[index]
        let cells = (0..<5).compactMap { column -> AdoptionCellView? in
            let label = column == 0 ? "未建设" : framework.tier(TierID.allCases[column - 1]).name
            if column > 0 && scenario.text(at: TierID.allCases[column - 1]) == nil { return nil }
            let value = outcomes.adoption.cell(index, column)
            let share = value.flatMap { v in outcomes.records.map { percent(Double(v) / Double(max($0, 1))) } } ?? "—"
            return AdoptionCellView(label: label, count: count(value, outcomes), share: share)
        }
        return ScenarioAdoptionView(records: count(outcomes.records, outcomes), cells: cells,
                                    outcomesHref: route.link(to: .outcomeScenarios, fragment: "s" + scenario.code),
                                    synthetic: outcomes.synthetic)
    }

    private func recordsList(_ outcomes: OutcomeStatistics) -> PlannedPage {
        let route = Route.records
        let rows = (outcomes.published ?? []).map { record in
            RecordRowView(id: record.id, href: route.link(to: .record(record.id)), year: record.year, region: record.region,
                          sector: record.sector, tier: record.result.derived.map { framework.tier($0).name } ?? Self.noTier,
                          tierId: record.result.derived?.rawValue ?? "none")
        }
        let view = RecordsListView(layout: outcomeLayout(route, title: "评估记录", kind: "records", crumb: "评估记录"),
                                   notice: notice(outcomes, from: route), built: outcomes.published != nil,
                                   reason: recordsWithheldReason, published: rows.count, withheld: outcomes.withheld,
                                   scheme: outcomes.generalisation.description, records: rows)
        return PlannedPage(route: route, template: "records", context: view)
    }

    private func recordPage(_ record: PublishedRecord, _ outcomes: OutcomeStatistics, engine: Eligibility, radar grid: RadarChart.Grid) -> PlannedPage {
        let route = Route.record(record.id)
        let result = record.result
        let next = result.next.map { check -> GapView in
            var items: [String] = []
            if check.scenariosShort > 0 { items.append("还差 \(check.scenariosShort) 个\(framework.tier(check.tier).name)场景（已有 \(check.counted.count) 个，至少 \(check.minimum) 个）") }
            if !check.areasMissing.isEmpty { items.append("未覆盖环节：" + check.areasMissing.map(engine.areaName).joined(separator: "、")) }
            if check.maturityShort > 0, let minimum = check.minMaturity { items.append("成熟度还差 \(check.maturityShort) 级（现为 \(check.maturity) 级，至少 \(minimum) 级）") }
            return GapView(tierName: framework.tier(check.tier).name, tierId: check.tier.rawValue, items: items)
        }
        let checks = result.tiers.map { check in
            TierCheckView(tierName: framework.tier(check.tier).name, tierId: check.tier.rawValue, met: check.met,
                          scenarios: "\(check.counted.count) / \(check.minimum)",
                          areas: check.areasMissing.isEmpty ? "已覆盖" : "缺 " + check.areasMissing.map(engine.areaName).joined(separator: "、"),
                          maturity: check.minMaturity.map { "\(check.maturity) / \($0)" } ?? "—")
        }
        let built = TierID.allCases.reversed().compactMap { tier -> BuiltGroupView? in
            let scenarios = standard.scenarios.filter { record.scenarios[$0.no] == tier }
            guard !scenarios.isEmpty else { return nil }
            return BuiltGroupView(tierName: framework.tier(tier).name, tierId: tier.rawValue,
                                  scenarios: scenarios.map { Link(label: "\($0.code) \($0.name)", href: route.link(to: .scenario($0.code), fragment: tier.rawValue)) })
        }
        let graded = standard.indicators.filter { $0.question == nil }
        let levels = graded.map { indicator -> Int in
            if case .level(let level)? = record.indicators[indicator.no] { return level }
            return 0
        }
        let radar = RadarChart.make(id: "radar-\(record.id)", title: "能力指标等级雷达图",
                                    description: "\(graded.count) 项分级指标的所选等级（1–6 级，不涉及记为 0）。数值见下表。",
                                    grid: grid, levels: levels)
        let levelRows = graded.map { indicator -> LevelRowView in
            switch record.indicators[indicator.no] {
            case .level(let level)?: return LevelRowView(name: "指标\(indicator.no) \(indicator.name)", value: "\(level) 级")
            case .notApplicable?: return LevelRowView(name: "指标\(indicator.no) \(indicator.name)", value: "不涉及")
            default: return LevelRowView(name: "指标\(indicator.no) \(indicator.name)", value: "—")
            }
        }
        let investment = standard.indicators.first { $0.question != nil }.flatMap { indicator -> String? in
            guard case .band(let band)? = record.indicators[indicator.no], band < framework.investmentBands.count else { return nil }
            return framework.investmentBands[band].label
        }
        let tierName = result.derived.map { framework.tier($0).name } ?? Self.noTier
        let view = RecordView(
            layout: outcomeLayout(route, title: "评估记录 \(record.id)", kind: "record", crumb: "记录 \(record.id)"),
            notice: notice(outcomes, from: route), id: record.id, year: record.year, region: record.region, sector: record.sector,
            tierName: tierName, tierId: result.derived?.rawValue ?? "none", maturity: record.maturity, next: next,
            checks: checks, built: built, radar: radar, levels: levelRows, investment: investment)
        return PlannedPage(route: route, template: "record", context: view)
    }

    private func methodPage(_ page: Page) -> PlannedPage {
        let route = Route.method
        let crumbs: [(String, Route?)] = outcomes == nil ? [(page.nav, nil)] : [("评估结果", .outcomes), (page.nav, nil)]
        let view = MethodView(layout: layout(route, title: page.title, kind: "page method", section: outcomes == nil ? nil : .outcomes, crumbs: crumbs),
                              body: RichText(page.markdown), tiers: framework.tiers.map { summary($0, from: route) }, k: site.kAnonymity)
        return PlannedPage(route: route, template: "method", context: view)
    }

    // MARK: Open data

    func outcomeData() -> [PlannedData] {
        guard let outcomes else { return [] }
        return [PlannedData(route: .data("outcomes.json"), value: OutcomesRecord(outcomes, framework: framework))]
    }
}
