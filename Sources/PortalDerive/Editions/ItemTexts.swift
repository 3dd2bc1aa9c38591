import PortalModel

/// One text of a scenario or an indicator, as two editions are compared field by field.
/// Fields sort in the order a page shows them: name first, then the tiers lowest first (or
/// an indicator's description and levels), the small print last.
public enum TextField: Hashable, Sendable, Comparable, CustomStringConvertible {
    case name
    /// A scenario's segment (工厂建设 …).
    case segment
    /// An indicator's group.
    case group
    /// A scenario's requirement at a tier (a cell of the scenario × tier matrix).
    case tier(TierID)
    case description
    /// An indicator's level, numbered from 1 as the standard prints it ("□ 1.").
    case level(Int)
    case question
    case unit
    case notApplicable

    /// Whether the field says what is required, not what it is called or where it is
    /// filed: what "the same item under a new code" must keep.
    public var isRequirement: Bool {
        switch self {
        case .tier, .description, .level, .question: true
        case .name, .segment, .group, .unit, .notApplicable: false
        }
    }

    public var description: String {
        switch self {
        case .name: "name"
        case .segment: "segment"
        case .group: "group"
        case .tier(let tier): "tier \(tier.rawValue)"
        case .description: "description"
        case .level(let number): "level \(number)"
        case .question: "question"
        case .unit: "unit"
        case .notApplicable: "notApplicable"
        }
    }

    public static func < (a: TextField, b: TextField) -> Bool { a.rank < b.rank }

    /// Place in the page's order: the case, then the tier or level within it.
    private var rank: (order: Int, within: Int, name: String) {
        switch self {
        case .name: (0, 0, "")
        case .segment: (1, 0, "")
        case .group: (2, 0, "")
        case .tier(let tier): (3, tier.index, tier.rawValue)
        case .description: (4, 0, "")
        case .level(let number): (5, number, "")
        case .question: (6, 0, "")
        case .unit: (7, 0, "")
        case .notApplicable: (8, 0, "")
        }
    }
}

/// A scenario or an indicator reduced to its code and its texts by field (a field the
/// edition leaves out, such as a tier printed "/", is absent), so both kinds of item are
/// compared by the same code.
struct ItemTexts: Sendable {
    let code: String
    let texts: [TextField: String]

    init(code: String, texts: [TextField: String]) { (self.code, self.texts) = (code, texts) }

    /// `tiers`: every tier of both editions, so a tier one edition lacks reads as undefined.
    init(_ scenario: Scenario, tiers: [TierID]) {
        var texts: [TextField: String] = [.name: scenario.name, .segment: scenario.segment]
        for tier in tiers { texts[.tier(tier)] = scenario.text(at: tier) }
        self.init(code: scenario.code, texts: texts)
    }

    init(_ indicator: Indicator) {
        var texts: [TextField: String] = [
            .name: indicator.name, .group: indicator.group, .description: indicator.description,
        ]
        for (offset, level) in indicator.levels.enumerated() { texts[.level(offset + 1)] = level }
        texts[.question] = indicator.question
        texts[.unit] = indicator.unit
        texts[.notApplicable] = indicator.notApplicable
        self.init(code: indicator.code, texts: texts)
    }

    /// Every field whose text differs, in the page's order.
    func changes(to new: ItemTexts) -> [TextChange] {
        Set(texts.keys).union(new.texts.keys).sorted().compactMap { field in
            let before = texts[field], after = new.texts[field]
            return before == after ? nil : TextChange(field: field, old: before, new: after)
        }
    }

    /// How much of its requirement texts `new` keeps: twice the characters the diffs keep
    /// over the characters of both (1 where neither has any), tier by tier or level by level.
    func share(keptIn new: ItemTexts) -> Double {
        var kept = 0, total = 0
        for field in Set(texts.keys).union(new.texts.keys) where field.isRequirement {
            let before = texts[field] ?? "", after = new.texts[field] ?? ""
            total += before.count + after.count
            kept += 2 * (before == after ? before.count : CharacterDiff(from: before, to: after).sameCount)
        }
        return total == 0 ? 1 : Double(kept) / Double(total)
    }
}

/// The tiers of two frameworks: the new one's, then any only the old one had.
func tierIDs(_ old: Framework, _ new: Framework) -> [TierID] {
    new.tierIDs + old.tierIDs.filter { !new.tierIDs.contains($0) }
}
