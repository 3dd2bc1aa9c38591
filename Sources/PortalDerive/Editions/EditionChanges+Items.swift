import PortalModel

extension EditionChanges {
    /// The changes of one kind of item. The crosswalk says what became of the codes it
    /// names; every other code present in both editions is the same item. An old code the
    /// crosswalk leaves out and no same code continues is listed as withdrawn without a
    /// reason (CrosswalkCheck reports it as an error).
    static func itemChanges(
        _ item: CrosswalkEntry.Item, old: [ItemTexts], new: [ItemTexts], crosswalk: [CrosswalkEntry]
    ) -> [ItemChange] {
        let entries = crosswalk.filter { $0.item == item }
        let oldItems = Dictionary(old.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let newItems = Dictionary(new.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let sources = Set(entries.flatMap(\.from)), targets = Set(entries.flatMap(\.to))
        var changes = entries.map { declared($0, old: oldItems, new: newItems) }
        for after in new where !targets.contains(after.code) {
            guard let before = oldItems[after.code], !sources.contains(after.code) else {
                changes.append(ItemChange(item: item, kind: .added, from: [], to: [after.code], comparisons: []))
                continue
            }
            let comparison = Comparison(from: before.code, to: after.code, changes: before.changes(to: after))
            if comparison.changes.isEmpty { continue }
            changes.append(
                ItemChange(
                    item: item, kind: .modified, from: [before.code], to: [after.code], comparisons: [comparison]))
        }
        for before in old where !sources.contains(before.code) {
            guard newItems[before.code] == nil || targets.contains(before.code) else { continue }
            changes.append(ItemChange(item: item, kind: .withdrawn, from: [before.code], to: [], comparisons: []))
        }
        return changes.sorted(by: listedBefore)
    }

    /// A crosswalk entry as a change: each of its new items set against each of its sources
    /// (a code either edition lacks is left out; CrosswalkCheck reports it).
    static func declared(
        _ entry: CrosswalkEntry, old: [String: ItemTexts], new: [String: ItemTexts]
    ) -> ItemChange {
        var comparisons: [Comparison] = []
        for target in entry.to {
            for source in entry.from {
                guard let before = old[source], let after = new[target] else { continue }
                comparisons.append(Comparison(from: source, to: target, changes: before.changes(to: after)))
            }
        }
        return ItemChange(
            item: entry.item, kind: kind(of: entry.kind), from: entry.from, to: entry.to, reason: entry.reason,
            comparisons: comparisons)
    }

    static func kind(of kind: CrosswalkEntry.Kind) -> ChangeKind {
        switch kind {
        case .moved: .moved
        case .split: .split
        case .merged: .merged
        case .withdrawn: .withdrawn
        }
    }

    /// By the item's number (its new code, or its old one when withdrawn), then kind.
    static func listedBefore(_ a: ItemChange, _ b: ItemChange) -> Bool {
        func key(_ change: ItemChange) -> (Int, String, Int, String) {
            let code = change.to.first ?? change.from.first ?? ""
            let kind = ChangeKind.allCases.firstIndex(of: change.kind) ?? 0
            return (Int(code) ?? Int.max, code, kind, change.from.joined(separator: ","))
        }
        return key(a) < key(b)
    }

    /// Each tier of either framework whose rules differ, by the new edition's tier order.
    static func tierRuleChanges(from old: Framework, to new: Framework) -> [TierRuleChange] {
        tierIDs(old, new).compactMap { id in
            let before = old.tiers.first { $0.id == id }.map(TierRules.init)
            let after = new.tiers.first { $0.id == id }.map(TierRules.init)
            return before == after ? nil : TierRuleChange(tier: id, old: before, new: after)
        }
    }
}
