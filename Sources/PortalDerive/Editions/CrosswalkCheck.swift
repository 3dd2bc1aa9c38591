import PortalModel

/// What a crosswalk check found. Diagnostic carries no severity: errors stop a build,
/// warnings are printed (`warningDescription`) and let it go on.
public struct CrosswalkFindings: Sendable, Equatable {
    public var errors: [Diagnostic] = []
    public var warnings: [Diagnostic] = []
}

/// A new edition's crosswalk checked both ways against the two editions: every old code
/// is accounted for, every code it names exists, every entry has its kind's shape, and
/// a move keeps enough of its texts to be the same item.
public enum CrosswalkCheck {
    /// A moved item keeping less of its requirement texts than this (see
    /// `ItemTexts.share(keptIn:)`) is probably a different item: a warning.
    public static let minimumMovedShare = 0.2

    /// `newEdition.crosswalk`, from `old` (edition `oldEdition`) to `new`. Messages point at
    /// the entry, or at the new edition's file for an old code it leaves out.
    public static func check(
        from old: Standard, edition oldEdition: Edition, to new: Standard, edition newEdition: Edition
    ) -> CrosswalkFindings {
        let tiers = tierIDs(old.framework, new.framework)
        var findings = CrosswalkFindings()
        for item in CrosswalkEntry.Item.allCases {
            let side = CrosswalkSide(
                item: item, oldEdition: oldEdition, newEdition: newEdition,
                old: item == .scenario
                    ? old.scenarios.map { ItemTexts($0, tiers: tiers) } : old.indicators.map(ItemTexts.init),
                new: item == .scenario
                    ? new.scenarios.map { ItemTexts($0, tiers: tiers) } : new.indicators.map(ItemTexts.init))
            findings.errors += side.errors()
            findings.warnings += side.warnings()
        }
        return findings
    }
}

/// The check for one kind of item (scenarios or indicators).
struct CrosswalkSide {
    let item: CrosswalkEntry.Item
    let oldEdition: Edition, newEdition: Edition
    let old: [ItemTexts], new: [ItemTexts]

    var entries: [CrosswalkEntry] { newEdition.crosswalk.filter { $0.item == item } }
    var path: String { newEdition.source?.path ?? "edition.yaml" }

    func errors() -> [Diagnostic] {
        entries.compactMap(shapeError) + entries.flatMap(unknownCodes) + duplicates() + unaccounted()
            + targetsStillInUse()
    }

    func warnings() -> [Diagnostic] {
        let oldItems = Dictionary(old.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let newItems = Dictionary(new.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        return entries.compactMap { entry in
            guard entry.kind == .moved, entry.from.count == 1, entry.to.count == 1,
                let before = oldItems[entry.from[0]], let after = newItems[entry.to[0]]
            else { return nil }
            let share = before.share(keptIn: after)
            guard share < CrosswalkCheck.minimumMovedShare else { return nil }
            return diagnostic(
                at: entry,
                "\(item) \(before.code) moved to \(after.code) keeps \(Int((share * 100).rounded())) % of its "
                    + "texts: check the codes; if it is another \(item), write \(before.code) as withdrawn and "
                    + "leave \(after.code) out (it is then added)")
        }
    }

    /// Each kind's number of codes on each side; a withdrawal also needs its reason.
    func shapeError(_ entry: CrosswalkEntry) -> Diagnostic? {
        let (from, to) = (entry.from.count, entry.to.count)
        guard Self.fits(entry.kind, from: from, to: to) else {
            return diagnostic(
                at: entry, "\(entry.kind) \(item) entry maps \(from) code(s) to \(to): \(Self.shape(of: entry.kind))")
        }
        guard entry.kind == .withdrawn, (entry.reason ?? "").allSatisfy(\.isWhitespace) else { return nil }
        return diagnostic(
            at: entry, "withdrawn \(item) \(entry.from[0]) has no reason: add a `reason:` saying why it was withdrawn")
    }

    static func fits(_ kind: CrosswalkEntry.Kind, from: Int, to: Int) -> Bool {
        switch kind {
        case .moved: from == 1 && to == 1
        case .split: from == 1 && to >= 2
        case .merged: from >= 2 && to == 1
        case .withdrawn: from == 1 && to == 0
        }
    }

    static func shape(of kind: CrosswalkEntry.Kind) -> String {
        switch kind {
        case .moved: "moved maps one code to one (split one to several, merged several to one)"
        case .split: "split maps one code to two or more"
        case .merged: "merged maps two or more codes to one"
        case .withdrawn: "withdrawn names one code and no successor"
        }
    }

    /// `from` codes the old edition lacks, `to` codes the new one lacks.
    func unknownCodes(_ entry: CrosswalkEntry) -> [Diagnostic] {
        let oldCodes = Set(old.map(\.code)), newCodes = Set(new.map(\.code))
        let missingFrom = entry.from.filter { !oldCodes.contains($0) }.map { code in
            diagnostic(
                at: entry,
                "\(item) \(code) in `from` is not in edition \(oldEdition.id): write a code of edition "
                    + "\(oldEdition.id)'s \(item)s")
        }
        let missingTo = entry.to.filter { !newCodes.contains($0) }.map { code in
            diagnostic(
                at: entry,
                "\(item) \(code) in `to` is not in edition \(newEdition.id): write a code of edition "
                    + "\(newEdition.id)'s \(item)s")
        }
        return missingFrom + missingTo
    }

    /// An old code in more than one `from` (or twice in one), reported where it reappears.
    func duplicates() -> [Diagnostic] {
        var seen: Set<String> = []
        return entries.flatMap { entry in
            entry.from.compactMap { code in
                guard !seen.insert(code).inserted else { return nil }
                return diagnostic(
                    at: entry,
                    "\(item) \(code) of edition \(oldEdition.id) is named in the crosswalk more than once: "
                        + "keep it in one entry")
            }
        }
    }

    /// Old codes neither kept in the new edition nor named in a `from`.
    func unaccounted() -> [Diagnostic] {
        let newCodes = Set(new.map(\.code)), sources = Set(entries.flatMap(\.from))
        let line = newEdition.source?.idLine ?? 1
        return old.map(\.code).filter { !newCodes.contains($0) && !sources.contains($0) }.map { code in
            Diagnostic(
                path: path, line: line, column: 1,
                "\(item) \(code) of edition \(oldEdition.id) is neither in edition \(newEdition.id) nor in its "
                    + "crosswalk: add it to the crosswalk as moved, split, merged or withdrawn")
        }
    }

    /// A `to` code that is also an old code: the old item under it must have gone
    /// somewhere (be named in a `from`), or the code would name two items.
    func targetsStillInUse() -> [Diagnostic] {
        let oldCodes = Set(old.map(\.code)), sources = Set(entries.flatMap(\.from))
        return entries.flatMap { entry in
            entry.to.filter { oldCodes.contains($0) && !sources.contains($0) }.map { code in
                diagnostic(
                    at: entry,
                    "\(item) \(code) of edition \(newEdition.id) is a crosswalk target, but edition "
                        + "\(oldEdition.id)'s \(item) \(code) is not in the crosswalk: say where it went (moved, "
                        + "split, merged or withdrawn), or map to another code")
            }
        }
    }

    func diagnostic(at entry: CrosswalkEntry, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: entry.line, column: entry.column, message)
    }
}
