import PortalModel

/// The change pages: each edition against the one it replaces, computed from the two
/// content trees and the crosswalk (EditionChanges), every changed text as a character
/// diff.
extension SitePlanner {
    /// One page per edition that replaces another (none for a site of one edition).
    func changesPages() -> [PlannedPage] {
        guard place.isRoot else { return [] }
        let all = place.set.all
        return zip(all, all.dropFirst()).map { changesPage(from: $0, to: $1) }
    }

    /// The address part of a comparison of two editions: `2025-2027`.
    static func editionPair(_ from: Edition, _ to: Edition) -> String { from.id + "-" + to.id }

    private func changesPage(from old: EditionContent, to new: EditionContent) -> PlannedPage {
        let route = Route(.changes, Self.editionPair(old.edition, new.edition))
        return PlannedPage(route: route, kind: .changes) {
            let changes = EditionChanges.compute(
                from: old.standard, to: new.standard, crosswalk: new.edition.crosswalk)
            let titles = ["from": old.edition.title, "to": new.edition.title]
            let title = text(.pageChanges, titles)
            let items =
                changes.scenarios.map { item(.scenario, $0, old: old, new: new, from: route) }
                + changes.indicators.map { item(.indicator, $0, old: old, new: new, from: route) }
            let rules = changes.tierRules.flatMap { ruleChanges($0, old: old.standard, new: new.standard) }
            return ChangesView(
                layout: layout(route, .changes, title: title, crumbs: [crumb(.editions), (title, nil)]),
                from: old.edition.title, to: new.edition.title, summary: summary(changes, titles),
                items: items, rules: rules, unchanged: items.isEmpty && rules.isEmpty)
        }
    }

    /// "与2025年版相比，除编辑性改动外主要技术变化如下：" and one line per kind that occurred.
    private func summary(_ changes: EditionChanges, _ titles: [String: String]) -> [String] {
        var lines: [String] = []
        for item in CrosswalkEntry.Item.allCases {
            let counts = changes.counts(of: item)
            for kind in ChangeKind.allCases where (counts[kind] ?? 0) > 0 {
                lines.append(
                    text(
                        .changesCount,
                        [
                            "item": text(item == .scenario ? .changesScenario : .changesIndicator),
                            "kind": kindName(kind), "count": counts[kind] ?? 0,
                        ]))
            }
        }
        if !changes.tierRules.isEmpty { lines.append(text(.changesRules, ["count": changes.tierRules.count])) }
        return lines
    }

    private func kindName(_ kind: ChangeKind) -> String {
        switch kind {
        case .added: return text(.changesAdded)
        case .modified: return text(.changesModified)
        case .moved: return text(.changesMoved)
        case .split: return text(.changesSplit)
        case .merged: return text(.changesMerged)
        case .withdrawn: return text(.changesWithdrawn)
        }
    }

    private func item(
        _ item: CrosswalkEntry.Item, _ change: ItemChange, old: EditionContent, new: EditionContent,
        from route: Route
    ) -> ChangedItemView {
        let kind: PageKind = item == .scenario ? .scenario : .indicator
        let codes = (change.to.isEmpty ? change.from : change.to)
        let name = itemName(item, code: codes.first ?? "", in: change.to.isEmpty ? old.standard : new.standard)
        let label = text(
            item == .scenario ? .changesScenarioLabel : .changesIndicatorLabel,
            ["code": codes.joined(separator: text(.tierListSeparator)), "name": name])
        let oldHref = change.from.first.map {
            route.link(to: Route(kind, $0, edition: Route.editionFolder(old.edition.id)))
        }
        let newHref = change.to.first.map {
            route.link(to: Route(kind, $0, edition: Route.editionFolder(new.edition.id)))
        }
        let fields = change.comparisons.flatMap { comparison in
            comparison.changes.map { textChange in
                ChangedFieldView(
                    label: fieldLabel(textChange.field, new.standard)
                        + (change.comparisons.count > 1 ? text(.changesAgainst, ["code": comparison.from]) : ""),
                    runs: textChange.diff.runs.map {
                        DiffRunView(text: $0.text, deleted: $0.kind == .deleted, inserted: $0.kind == .inserted)
                    })
            }
        }
        let fromTo =
            change.kind == .moved || change.kind == .split || change.kind == .merged
            ? text(
                .changesFromTo,
                [
                    "from": change.from.joined(separator: text(.tierListSeparator)),
                    "to": change.to.joined(separator: text(.tierListSeparator)),
                ])
            : ""
        return ChangedItemView(
            id: "\(item.rawValue)-\(codes.first ?? "")", kind: change.kind.rawValue,
            heading: label + text(.changesKindAfter, ["kind": kindName(change.kind)]) + fromTo,
            reason: change.reason, oldHref: oldHref, newHref: newHref, fields: fields)
    }

    private func itemName(_ item: CrosswalkEntry.Item, code: String, in standard: Standard) -> String {
        switch item {
        case .scenario: return standard.scenarios.first { $0.code == code }?.name ?? ""
        case .indicator: return standard.indicators.first { $0.code == code }?.name ?? ""
        }
    }

    private func fieldLabel(_ field: TextField, _ standard: Standard) -> String {
        switch field {
        case .name: return text(.changesFieldName)
        case .segment: return text(.changesFieldSegment)
        case .group: return text(.changesFieldGroup)
        case .tier(let tier): return standard.framework.tiers.first { $0.id == tier }?.name ?? tier.rawValue
        case .description: return text(.changesFieldDescription)
        case .level(let number): return text(.indicatorLevel, ["number": number])
        case .question: return text(.indicatorQuestion)
        case .unit: return text(.changesFieldUnit)
        case .notApplicable: return text(.indicatorNotApplicable)
        }
    }

    /// A tier's rules side by side: each that changed, old and new.
    private func ruleChanges(_ change: TierRuleChange, old: Standard, new: Standard) -> [RuleChangeView] {
        let name =
            (new.framework.tiers.first { $0.id == change.tier } ?? old.framework.tiers.first { $0.id == change.tier })?
            .name ?? change.tier.rawValue
        let none = text(.changesNone)
        func areas(_ rules: TierRules?) -> String {
            rules.map { $0.requiredAreas.isEmpty ? none : $0.requiredAreas.joined(separator: text(.tierListSeparator)) }
                ?? none
        }
        func maturity(_ rules: TierRules?) -> String { rules?.minMaturity.map { String($0) } ?? none }
        let rows: [(TextKey, String, String)] = [
            (
                .compareMinScenarios, change.old.map { String($0.minScenarios) } ?? none,
                change.new.map { String($0.minScenarios) } ?? none
            ),
            (.compareRequiredAreas, areas(change.old), areas(change.new)),
            (.compareMaturity, maturity(change.old), maturity(change.new)),
        ]
        return rows.filter { $0.1 != $0.2 }.map { RuleChangeView(tier: name, label: text($0.0), old: $0.1, new: $0.2) }
    }
}
