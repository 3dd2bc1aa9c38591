import PortalModel

/// The changes between two editions, in one fixed vocabulary (OWASP ASVS's, plus added
/// and modified for what the crosswalk need not declare).
public enum ChangeKind: String, CaseIterable, Sendable {
    /// A code of the new edition that continues nothing of the old one.
    case added
    /// The same code in both editions, some of its texts changed.
    case modified
    case moved
    case split
    case merged
    case withdrawn
}

/// A text of one field, before and after, with what changed character by character
/// (an absent text diffs as empty).
public struct TextChange: Sendable, Equatable {
    public var field: TextField
    public var old: String?
    public var new: String?
    public var diff: CharacterDiff

    public init(field: TextField, old: String?, new: String?) {
        (self.field, self.old, self.new) = (field, old, new)
        diff = CharacterDiff(from: old ?? "", to: new ?? "")
    }
}

/// An item of the new edition set against one it comes from: its changed texts.
public struct Comparison: Sendable, Equatable {
    /// The code in the old edition, and in the new one.
    public var from: String
    public var to: String
    public var changes: [TextChange]
}

/// One scenario or indicator that changed: what happened to it, and its texts against
/// where it came from (a moved item against its old code, each part of a split against
/// the whole, a merged item against each of its sources).
public struct ItemChange: Sendable, Equatable {
    public var item: CrosswalkEntry.Item
    public var kind: ChangeKind
    /// Its codes in the old edition (none when added) and in the new one (none when withdrawn).
    public var from: [String]
    public var to: [String]
    /// The crosswalk's reason, where it gives one.
    public var reason: String?
    public var comparisons: [Comparison]

    /// Whether any text differs from its source(s) (a move may only renumber).
    public var textChanged: Bool { comparisons.contains { !$0.changes.isEmpty } }
}

/// A tier's Annex 1 rules, as two editions are compared.
public struct TierRules: Sendable, Equatable {
    public var minScenarios: Int
    public var requiredAreas: [String]
    public var minMaturity: Int?

    public init(_ tier: Tier) {
        (minScenarios, requiredAreas, minMaturity) = (tier.minScenarios, tier.requiredAreas, tier.minMaturity)
    }
}

/// A tier whose rules differ: added (no old rules), withdrawn (no new ones) or modified.
public struct TierRuleChange: Sendable, Equatable {
    public var tier: TierID
    public var old: TierRules?
    public var new: TierRules?

    public var kind: ChangeKind { old == nil ? .added : new == nil ? .withdrawn : .modified }
}

/// What changed from one edition to the next: every scenario and indicator added,
/// modified, moved, split, merged or withdrawn, with their texts' diffs, and every tier
/// whose rules changed. Items unchanged under the same code are not listed.
public struct EditionChanges: Sendable, Equatable {
    /// Sorted by code (the new one where there is one), then by kind.
    public var scenarios: [ItemChange]
    public var indicators: [ItemChange]
    /// In the order of the new edition's tiers, then the old edition's removed ones.
    public var tierRules: [TierRuleChange]

    /// How many scenarios or indicators (or both, for nil) changed in each way; every
    /// kind is present, zero included, for a summary.
    public func counts(of item: CrosswalkEntry.Item? = nil) -> [ChangeKind: Int] {
        let items = item == .indicator ? indicators : item == .scenario ? scenarios : scenarios + indicators
        var counts = Dictionary(uniqueKeysWithValues: ChangeKind.allCases.map { ($0, 0) })
        for change in items { counts[change.kind, default: 0] += 1 }
        return counts
    }

    /// Every changed cell of the scenario × tier matrix, a moved, split or merged
    /// scenario's against its source: including cells that became defined (old nil) or
    /// undefined (new nil). An added scenario's row is all new and not listed here.
    public var changedCells: [(scenario: String, source: String, tier: TierID, change: TextChange)] {
        scenarios.flatMap { item in
            item.comparisons.flatMap { comparison in
                comparison.changes.compactMap { change in
                    guard case .tier(let tier) = change.field else { return nil }
                    return (comparison.to, comparison.from, tier, change)
                }
            }
        }
    }

    public static func compute(from old: Standard, to new: Standard, crosswalk: [CrosswalkEntry]) -> EditionChanges {
        let tiers = tierIDs(old.framework, new.framework)
        return EditionChanges(
            scenarios: itemChanges(
                .scenario, old: old.scenarios.map { ItemTexts($0, tiers: tiers) },
                new: new.scenarios.map { ItemTexts($0, tiers: tiers) }, crosswalk: crosswalk),
            indicators: itemChanges(
                .indicator, old: old.indicators.map(ItemTexts.init), new: new.indicators.map(ItemTexts.init),
                crosswalk: crosswalk),
            tierRules: tierRuleChanges(from: old.framework, to: new.framework))
    }
}
