import Foundation
import PortalModel

/// The comparison pages (/compare/…) and the self-check (/self-check/).
extension SitePlanner {
    /// Every pair of tiers, lower first: basic-advanced, basic-excellent, … excellent-leading.
    var tierPairs: [(TierID, TierID)] {
        let tiers = framework.tierIDs
        return tiers.enumerated().flatMap { index, low in tiers.dropFirst(index + 1).map { (low, $0) } }
    }

    func filters(tiers: Bool) -> MatrixFilters {
        MatrixFilters(
            areas: framework.areas.map { FilterOption(value: $0.id, label: $0.name, group: nil) }
                + [FilterOption(value: "none", label: text(.compareMultiAreaFilter), group: nil)],
            segments: framework.segments.map { FilterOption(value: $0.id, label: $0.name, group: $0.area ?? "none") },
            tiers: tiers
                ? framework.tierIDs.map { FilterOption(value: $0.rawValue, label: framework.tier($0).name, group: nil) }
                : [])
    }

    func compareIndex() -> PlannedPage {
        let route = Route(.compareIndex, edition: folder)
        return PlannedPage(route: route, kind: .compareIndex) {
            let pairs = tierPairs.map { pair in
                ComparePairLink(
                    slug: pairSlug(pair.0.rawValue, pair.1.rawValue),
                    label: pairLabel(pair.0, pair.1),
                    href: route.link(to: .compare, pairSlug(pair.0.rawValue, pair.1.rawValue)),
                    newCount: standard.scenarios.filter { $0.text(at: pair.0) == nil && $0.text(at: pair.1) != nil }
                        .count)
            }
            let rules = framework.tiers.map { tier in
                // Counted in one pass: by area, then those of no area.
                var perArea: [String?: Int] = [:]
                for scenario in standard.scenarios where scenario.text(at: tier.id) != nil {
                    perArea[areaOf(scenario), default: 0] += 1
                }
                return RulesMatrixRow(
                    tier: tierRef(tier.id, from: route), minScenarios: tier.minScenarios,
                    requiredAreas: tier.requiredAreas.map { areaName($0) }.joined(separator: text(.tierListSeparator)),
                    maturity: maturityText(tier.minMaturity),
                    definedPerArea: (framework.areas.map { $0.id as String? } + [nil]).map { String(perArea[$0] ?? 0) },
                    defined: definedCounts[tier.id.index])
            }
            return CompareIndexView(
                layout: layout(
                    route, .compareIndex, title: text(.pageCompare),
                    crumbs: [(text(.pageCompare), nil)]),
                pairs: pairs, areaColumns: framework.areas.map(\.name) + [text(.compareMultiArea)], rules: rules)
        }
    }

    func comparePage(low: TierID, high: TierID) -> PlannedPage {
        let route = Route(.compare, pairSlug(low.rawValue, high.rawValue), edition: folder)
        return PlannedPage(route: route, kind: .compare) {
            let lowTier = framework.tier(low), highTier = framework.tier(high)
            let joined = { (areas: [String]) in areas.map { areaName($0) }.joined(separator: text(.tierListSeparator)) }
            let changes = [
                RuleChange(
                    label: text(.compareMinScenarios),
                    low: text(.compareScenariosCount, ["count": lowTier.minScenarios]),
                    high: text(.compareScenariosCount, ["count": highTier.minScenarios]),
                    changed: lowTier.minScenarios != highTier.minScenarios),
                RuleChange(
                    label: text(.compareRequiredAreas), low: joined(lowTier.requiredAreas),
                    high: joined(highTier.requiredAreas),
                    changed: lowTier.requiredAreas != highTier.requiredAreas),
                RuleChange(
                    label: text(.compareMaturity), low: maturityText(lowTier.minMaturity),
                    high: maturityText(highTier.minMaturity),
                    changed: lowTier.minMaturity != highTier.minMaturity),
            ]
            let areaTexts = zip(lowTier.areaTexts, highTier.areaTexts).map {
                AreaPairView(area: areaName($0.area), low: $0.text, high: $1.text)
            }
            var newCount = 0, droppedCount = 0
            let segments = framework.segments.compactMap { segment -> CompareSegment? in
                let rows = (scenariosOfSegment[segment.name] ?? []).compactMap { scenario -> CompareRow? in
                    let lowText = scenario.text(at: low), highText = scenario.text(at: high)
                    guard lowText != nil || highText != nil else { return nil }
                    let change = lowText == nil ? "new" : highText == nil ? "dropped" : ""
                    if change == "new" { newCount += 1 }
                    if change == "dropped" { droppedCount += 1 }
                    return CompareRow(
                        code: scenario.code, name: scenario.name, href: route.link(to: .scenario, scenario.code),
                        areaId: segment.area ?? "none", segmentId: segment.id, lowText: lowText, highText: highText,
                        lowHref: route.link(to: .scenario, scenario.code, fragment: low.rawValue),
                        highHref: route.link(to: .scenario, scenario.code, fragment: high.rawValue),
                        change: change,
                        changeLabel: change == "new"
                            ? text(.compareNewAt, ["tier": highTier.name])
                            : change == "dropped" ? text(.compareDroppedAt, ["tier": highTier.name]) : nil)
                }
                guard !rows.isEmpty else { return nil }
                return CompareSegment(
                    id: segment.id, name: segment.name, area: areaTag(segment), areaId: segment.area ?? "none",
                    rows: rows)
            }
            let title = pairLabel(low, high)
            return CompareView(
                layout: layout(
                    route, .compare, title: text(.pageComparePair, ["pair": title]),
                    crumbs: [crumb(.compareIndex), (title, nil)],
                    description: text(.compareDescription, ["high": highTier.name, "low": lowTier.name])),
                low: tierRef(low, from: route), high: tierRef(high, from: route), changes: changes,
                areaTexts: areaTexts,
                newCount: newCount, droppedCount: droppedCount, anyDropped: droppedCount > 0,
                filters: filters(tiers: false), segments: segments)
        }
    }

    func selfCheck() -> PlannedPage {
        let route = Route(.selfCheck, edition: folder)
        return PlannedPage(route: route, kind: .selfCheck) {
            let segments = framework.segments.compactMap { segment -> SelfCheckSegment? in
                let scenarios = (scenariosOfSegment[segment.name] ?? []).map { scenario in
                    SelfCheckScenario(
                        no: scenario.no, code: scenario.code, name: scenario.name,
                        href: route.link(to: .scenario, scenario.code),
                        options: scenario.definedTiers.map {
                            FilterOption(value: $0.rawValue, label: framework.tier($0).name, group: nil)
                        },
                        texts: scenario.definedTiers.compactMap { tier in
                            scenario.text(at: tier).map {
                                SelfCheckTierText(tier: tierRef(tier, from: route), text: $0)
                            }
                        })
                }
                return scenarios.isEmpty
                    ? nil : SelfCheckSegment(name: segment.name, area: areaTag(segment), scenarios: scenarios)
            }
            return SelfCheckView(
                layout: layout(
                    route, .selfCheck, title: text(.pageSelfCheck),
                    crumbs: [(text(.pageSelfCheck), nil)], description: text(.selfCheckDescription)),
                tiersHref: route.link(to: .tiers), rulesJSON: Self.embeddedJSON(RulesRecord(standard: standard)),
                segments: segments,
                tiers: framework.tiers.map { summary($0, from: route) },
                maturityLevels: framework.maturityLevels.enumerated().map {
                    FilterOption(value: String($0.offset + 1), label: $0.element, group: nil)
                },
                indicators: standard.indicators.map { selfCheckIndicator($0, from: route) },
                benchmarkJSON: outcomes.map { Self.embeddedJSON(IndicatorBenchmark(outcomes: $0, standard: standard)) },
                levelScale: standard.indicators.contains(where: \.isGraded) ? LevelTrack.scale(levelColumns) : [])
        }
    }

    /// An indicator as a question: its levels by number, or — for an amount such as
    /// 数字化投入规模 — the bands the outcomes publish it in, so that the answer can be
    /// set beside the same published counts.
    private func selfCheckIndicator(_ indicator: Indicator, from route: Route) -> SelfCheckIndicator {
        let graded = indicator.isGraded
        let options =
            graded
            ? indicator.levels.indices.map {
                FilterOption(value: String($0 + 1), label: text(.outcomesLevelValue, ["level": $0 + 1]), group: nil)
            }
            : framework.investmentBands.enumerated().map {
                FilterOption(value: String($0.offset + 1), label: $0.element.label, group: nil)
            }
        return SelfCheckIndicator(
            no: indicator.no, code: indicator.code, name: indicator.name,
            href: route.link(to: .indicator, indicator.code),
            options: options,
            levels: indicator.levels.enumerated().map { NumberedText(number: $0.offset + 1, text: $0.element) },
            notApplicable: indicator.notApplicable, graded: graded)
    }

    /// JSON safe inside a <script type="application/json"> element: "<" is escaped, so no
    /// text from the content can close the element.
    static func embeddedJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(value)) ?? Data("{}".utf8)
        // One pass over the bytes, not one per character replaced: the rules of a large
        // standard are megabytes.
        var escaped: [UInt8] = []
        escaped.reserveCapacity(json.count + 64)
        for byte in json {
            switch byte {
            case UInt8(ascii: "<"): escaped += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): escaped += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): escaped += Array("\\u0026".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

extension SitePlanner {
    /// /search/: the results of a search (`?q=`), from the Pagefind index.
    func searchPage() -> PlannedPage {
        let route = Route(.search, edition: folder)
        return PlannedPage(route: route, kind: .search) {
            let kinds = PageKind.searchKinds(withOutcomes: outcomes != nil).map { text($0) }
            var page = layout(route, .search, title: text(.pageSearch), crumbs: [(text(.pageSearch), nil)])
            page.runsWebAssembly = true
            return SearchView(
                layout: page,
                kinds: kinds.map { FilterOption(value: $0, label: $0, group: nil) },
                scenariosHref: route.link(to: .scenarios), index: SiteFile.searchIndex.entry.path)
        }
    }
}

public struct SearchView: ViewModel {
    public var layout: Layout
    public var kinds: [FilterOption]
    public var scenariosHref: String
    /// The search index's folder below the site root (the catalogue's).
    public var index: String
}
