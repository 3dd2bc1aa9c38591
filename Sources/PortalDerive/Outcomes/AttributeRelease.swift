import Foundation
import PortalModel

/// What withholding a figure costs, before the weight of its level: every figure the
/// same (unit), its count (value: big figures are dear to lose), or 1 + ln(count) (log,
/// between the two). tau-ARGUS offers the same three.
public enum SecondaryCost: String, CaseIterable, Sendable {
    case unit, value, log

    func of(_ count: Int) -> Double {
        switch self {
        case .unit: return 1
        case .value: return Double(max(count, 1))
        case .log: return 1 + Foundation.log(Double(max(count, 1)))
        }
    }

    /// The cost this version uses: chosen by measuring which loses least (see README).
    public static let chosen = SecondaryCost.value
}

/// What every attribute of a release shares: the layout, the series, the knobs.
struct ReleaseContext {
    let k: Int
    let layout: ReleaseLayout
    let tierGroups: TierGroups
    let scheme: CohortScheme
    let quasi: QuasiIdentifiers
    let earlier: [ReleaseRecord]
    /// No assessment is new: the last release's forms and pattern are kept if they pass.
    let reusePrevious: Bool
    let cost: SecondaryCost
    let facts: RuleFacts
    /// Per cohort: its slice, the cohorts sharing its place, sector and year whatever
    /// their tier group (what a reader can tell enterprises by).
    let sliceOfCohort: [Int]
    /// Per included record: its slice.
    let sliceOfRecord: [Int]
    let sliceCount: Int

    /// A tier group's figures cost this much more than a cohort's: they are margins of the
    /// cohort tables, given up only where no cohort figure can protect.
    static let groupWeight = 1_000.0
    /// The largest share of a table's figures that may be withheld; past it the table is
    /// published in coarser form.
    static let withheldShare = (numerator: 1, denominator: 4)
}

/// Steps 4 and 5 for one attribute: how each of its rows is published (the most detailed
/// form the data can carry), which figures are withheld, and the audit.
///
/// Each row — the province, a tier group, a cohort: "one attribute for one group" —
/// starts from its parent's form and merges every value counting 1 to k−1 into a
/// neighbour, so it says as much as its data can carry instead of withholding most of its
/// cells; a child is never finer than its parent. The province-wide row may withhold
/// nothing, so a small value there is at most shown inside its bin ("其中 …<k"). A known
/// attribute (place, year, declared tier …) is merged further in a cohort's row until no
/// bin holds 1 to k−1 enterprises of the cohort's slice, so no small group a reader can
/// name is placed by the zeros around it. Then: protect, audit, and merge again wherever a
/// row withholds more than a quarter of its figures or something could not be protected
/// (a value one sibling merges is worked out from the others: they merge it too) — until
/// nothing changes.
struct AttributeRelease {
    let attribute: Attribute
    let context: ReleaseContext
    /// True counts, atom × value.
    let truth: [Int]
    let structural: [Bool]
    let rules: [RuleRow]
    /// For an attribute readers know: records per slice × value (empty otherwise).
    let sliceCounts: [Int]
    /// The last release's forms (per row) and pattern, when they are to be kept.
    let previous: (forms: [Form], pattern: [String: [String: Bool]])?
    /// Whether a sum narrow only with the rule bounds counts as a failure here (the joint
    /// audit found it narrow too) rather than being left to the joint audit.
    var strictRules = false

    var k: Int { context.k }
    var layout: ReleaseLayout { context.layout }
    var valueCount: Int { attribute.values.count }

    struct Outcome {
        let published: PublishedAttribute
        let ledger: [String: [String: Int?]]
        let protection: Protection
        let problem: LinkedCounts
        let figures: FigureLayout
        let forms: [Form]
    }

    func run() -> Outcome {
        var forms = previous?.forms ?? initialForms()
        var outcome = attempt(forms, reuse: previous != nil)
        // Every round merges at least one bin of one row: it ends.
        for _ in 0..<(layout.rows.count * valueCount + 1) {
            guard let coarser = coarsened(forms, after: outcome) else { break }
            forms = coarser
            outcome = attempt(forms, reuse: false)
        }
        return outcome
    }

    // MARK: Truth by row

    func rowTruth(_ row: Int, _ values: [Int]) -> Int {
        var total = 0
        for atom in layout.atomsThrough[row][layout.current] {
            for value in values { total += truth[atom * valueCount + value] }
        }
        return total
    }

    /// Whether nobody in the row can have the value (every atom of it rules it out).
    func isStructural(_ row: Int, _ value: Int) -> Bool {
        layout.atomsThrough[row][layout.current].allSatisfy { structural[$0 * valueCount + value] }
    }

    /// The row whose form a row's form coarsens: the province for a tier group, the tier
    /// group for a cohort.
    func parent(of row: Int) -> Int? {
        switch layout.rows[row].level {
        case .total: return nil
        case .group: return 0
        case .cohort(let group): return 1 + group
        }
    }

    /// The rows sharing a row's parent.
    func siblings(of row: Int) -> [Int] {
        guard let parent = parent(of: row) else { return [] }
        return layout.rows.indices.filter { $0 != row && self.parent(of: $0) == parent }
    }

    // MARK: Forms

    /// The forms before any protection: the province-wide row without a value of 1 to k−1
    /// (one shown inside its bin where there is room), then each row from its parent's,
    /// merged until nothing in it is small.
    func initialForms() -> [Form] {
        var forms = [Form](repeating: Form(bins: []), count: layout.rows.count)
        for row in layout.rows.indices {
            var form = parent(of: row).map { Form(bins: forms[$0].bins) } ?? Form.singletons(attribute.segments)
            // A row alone under its parent is its parent: merging it would hide nothing.
            if parent(of: row) != nil && siblings(of: row).isEmpty { forms[row] = form; continue }
            while let merged = mergingSmall(form, row: row) { form = merged }
            if row == 0 { form.ofWhich = ofWhich(form) }
            forms[row] = form
        }
        return forms
    }

    /// A row's bin counts, for choosing neighbours: a bin the row cannot hold counts as
    /// very large, so a small bin merges into one that adds something.
    private func neighbourTotals(_ form: Form, row: Int) -> [Int] {
        form.bins.map { bin in bin.allSatisfy { isStructural(row, $0) } ? Int.max / 4 : rowTruth(row, bin) }
    }

    /// The form with one small bin merged into a neighbour (in its segment, else across
    /// segments where the attribute allows, else — outside the province-wide row, which
    /// may withhold nothing — the row is not split): nil once no bin is small, or where a
    /// small bin can stay because the row has room to protect it (a "<k" needs a second
    /// withheld figure in its row, and a row may withhold a quarter: eight figures or
    /// more). Small: the row counts 1 to k−1 in it, or — for an attribute readers know, in
    /// a cohort — the cohort's slice does.
    private func mergingSmall(_ form: Form, row: Int) -> Form? {
        let sums = form.bins.map { rowTruth(row, $0) }
        let slice =
            attribute.isKnownToReaders && row > context.tierGroups.groups.count
            ? context.sliceOfCohort[layout.rows[row].cohorts[0]] : nil
        let small = form.bins.indices.filter { index in
            (1..<k).contains(sums[index]) || slice.map { (1..<k).contains(sliceCount($0, form.bins[index])) } == true
        }.sorted { (sums[$0], $0) < (sums[$1], $1) }
        let totals = neighbourTotals(form, row: row), segmentOf = attribute.segmentIndex()
        for bin in small {
            if let merged = form.merging(bin, totals: totals, segmentOf: { segmentOf[$0] }) { return merged }
        }
        let figures = form.bins.filter { bin in bin.contains { !isStructural(row, $0) } }.count
        guard !small.isEmpty, row == 0 || figures < 8 else { return nil }
        if row == 0 || attribute.segmentsMayJoin {
            for bin in small {
                if let merged = form.merging(bin, totals: totals, segmentOf: { _ in 0 }) { return merged }
            }
        }
        return row == 0 || form.publishesNothing ? nil : form.withdrawn()
    }

    /// One value of 1 to k−1 inside a merged province-wide bin, shown on its own ("其中
    /// 领航级 <5") where the row keeps at least three bins (so it withholds at most a
    /// quarter): the highest such value.
    private func ofWhich(_ form: Form) -> [Int] {
        guard form.bins.count >= 3 else { return [] }
        let candidates = form.bins.filter { $0.count > 1 }.flatMap { $0 }.filter { (1..<k).contains(rowTruth(0, [$0])) }
        return candidates.max().map { [$0] } ?? []
    }

    /// How many of the release's records in `slice` have a value in `bin`.
    func sliceCount(_ slice: Int, _ bin: [Int]) -> Int {
        bin.reduce(0) { $0 + sliceCounts[slice * valueCount + $1] }
    }

    /// The forms one step coarser where the last attempt failed or withheld too much
    /// (children coarsened with their parents, never finer); nil when the attempt stands.
    func coarsened(_ forms: [Form], after outcome: Outcome) -> [Form]? {
        let figures = outcome.figures, withheld = outcome.protection.withheld
        var pressure = forms.map { [Int](repeating: 0, count: $0.bins.count) }
        var dropOfWhich = false
        // Where a row can merge no further, what it hides is shown by its parent: the
        // parent merges (up to the province-wide row, which can always merge).
        func press(_ row: Int, _ values: [Int]) {
            if forms[row].publishesNothing, let parent = parent(of: row) { return press(parent, values) }
            for (index, bin) in forms[row].bins.enumerated() where values.contains(where: bin.contains) {
                pressure[row][index] += 1
            }
        }
        for target in outcome.protection.audit.failures + (strictRules ? outcome.protection.audit.ruleOnly : []) {
            switch target.kind {
            case .figure:
                if figures.isOfWhich[target.index] {
                    dropOfWhich = true
                } else {
                    press(figures.row[target.index], figures.values[target.index])
                }
            case .earlier: press(figures.earlierRow[target.index], figures.earlierValues[target.index])
            case .hidden:
                let row = figures.hiddenRow[target.index], values = figures.hiddenValues[target.index]
                // A sum a row does not show is worked out from the rows that show it finer
                // (its siblings, its parent): one of them merges it. A difference between
                // releases merges where it is.
                if figures.hiddenByMerging[target.index], let chosen = finerRow(than: row, values, forms: forms) {
                    press(chosen.row, chosen.bin)
                } else {
                    press(row, values)
                }
            }
        }
        for (row, cells) in figures.cells.enumerated() where !cells.isEmpty {
            let held = cells.filter { withheld[$0] != nil }
            guard
                held.count * ReleaseContext.withheldShare.denominator > cells.count
                    * ReleaseContext.withheldShare.numerator
            else { continue }
            if held.contains(where: { figures.isOfWhich[$0] }) { dropOfWhich = true }
            for cell in held where !figures.isOfWhich[cell] { press(row, figures.values[cell]) }
        }
        var next = forms
        if dropOfWhich { next[0].ofWhich = [] }
        let segmentOf = attribute.segmentIndex()
        for row in forms.indices where pressure[row].contains(where: { $0 > 0 }) && !forms[row].publishesNothing {
            let totals = neighbourTotals(forms[row], row: row)
            next[row] =
                forms[row].coarsened(pressure: pressure[row], totals: totals, segmentOf: { segmentOf[$0] })
                ?? (row == 0 || attribute.segmentsMayJoin
                    ? forms[row].coarsened(pressure: pressure[row], totals: totals, segmentOf: { _ in 0 }) : nil)
                ?? forms[row].withdrawn()
        }
        // Children never finer than their parents (rows come parents first).
        for row in next.indices {
            guard let parent = parent(of: row), !next[row].coarsens(next[parent]) else { continue }
            next[row] = Self.meet(next[row], next[parent])
        }
        return next == forms ? nil : next
    }

    /// The row that shows `values` in finer bins than `row` does, and its bin there, whose
    /// merging protects a sum of `values` in `row`: a sibling first, then the parent; one
    /// that can merge the bin with a neighbour first (else it would say nothing at all),
    /// the one with fewest there first.
    func finerRow(than row: Int, _ values: [Int], forms: [Form]) -> (row: Int, bin: [Int])? {
        let mine =
            forms[row].publishesNothing
            ? Set(0..<valueCount)
            : Set(forms[row].bins.filter { $0.contains(where: values.contains) }.flatMap { $0 })
        let candidates = siblings(of: row).map { ($0, false) } + (parent(of: row).map { [($0, true)] } ?? [])
        let finer = candidates.compactMap { other, isParent -> (row: Int, bin: [Int], order: (Int, Int, Int, Int))? in
            guard !forms[other].publishesNothing else { return nil }
            let theirs = forms[other].bins.filter { $0.contains(where: values.contains) }
            let covered = Set(theirs.flatMap { $0 })
            guard covered.count < mine.count, covered.isSubset(of: mine),
                let bin = theirs.min(by: { (rowTruth(other, $0), $0.count) < (rowTruth(other, $1), $1.count) })
            else { return nil }
            return (other, bin, (canMerge(forms[other], bin) ? 0 : 1, isParent ? 1 : 0, rowTruth(other, bin), other))
        }
        return finer.min { $0.order < $1.order }.map { ($0.row, $0.bin) }
    }

    /// Whether a bin of a form has a neighbour it may merge with.
    func canMerge(_ form: Form, _ bin: [Int]) -> Bool {
        guard let index = form.bins.firstIndex(of: bin) else { return false }
        let segmentOf = attribute.segmentIndex()
        return [index - 1, index + 1].contains {
            form.bins.indices.contains($0)
                && (attribute.segmentsMayJoin || segmentOf[form.bins[$0][0]] == segmentOf[bin[0]])
        }
    }

    /// The finest form coarser than both (bins joined wherever either joins them), its
    /// values and bins in the order the values first appear in `a`, then in `b`.
    static func meet(_ a: Form, _ b: Form) -> Form {
        var bins: [Set<Int>] = []
        for bin in a.bins + b.bins {
            let overlapping = bins.indices.filter { !bins[$0].isDisjoint(with: bin) }
            var merged = Set(bin)
            for index in overlapping.reversed() { merged.formUnion(bins.remove(at: index)) }
            bins.append(merged)
        }
        var seen = Set<Int>()
        let order = (a.bins.flatMap { $0 } + b.bins.flatMap { $0 }).filter { seen.insert($0).inserted }
        // Each bin as the positions of its values in `order`, ascending: its first is where it goes.
        let positions = bins.map { bin in order.indices.filter { bin.contains(order[$0]) } }
        return Form(bins: positions.sorted { $0[0] < $1[0] }.map { $0.map { order[$0] } })
    }

    // MARK: One attempt

    /// Figures from the forms, protected and audited.
    func attempt(_ forms: [Form], reuse: Bool) -> Outcome {
        let figures = FigureLayout(self, forms: forms)
        let problem = LinkedCounts(
            k: k, atomSizes: layout.atomSizes, valueCount: valueCount, truth: truth, structuralZero: structural,
            figures: figures.terms,
            mayProtect: figures.terms.indices.map { figures.level[$0] != .total && truthOf(figures.terms[$0]) >= k },
            cost: figures.terms.indices.map {
                context.cost.of(truthOf(figures.terms[$0]))
                    * (figures.level[$0] == .group ? ReleaseContext.groupWeight : 1)
            },
            earlier: figures.earlier, hidden: figures.hidden, hiddenByMerging: figures.hiddenByMerging, rules: rules)
        let kept = reuse ? previous.flatMap { keptPattern($0.pattern, figures: figures, problem: problem) } : nil
        let protection = Protector(
            problem: problem, previous: kept, blocks: layout.blocks,
            proven: unseenMoves(of: figures, forms: forms, problem: problem)
        ).protect()
        return Outcome(
            published: published(figures, protection.withheld), ledger: ledger(figures, protection.withheld),
            protection: protection, problem: problem, figures: figures, forms: forms)
    }

    func truthOf(_ terms: [Int]) -> Int { terms.reduce(0) { $0 + truth[$1] } }

    /// The last release's pattern on these figures: what it withheld, withheld again, as
    /// "<k" or "×" by the figure's count now. Nil where a pattern an earlier version made
    /// (a withheld zero, a withheld province-wide figure) cannot be kept: its marks would
    /// not mean what they say now.
    private func keptPattern(
        _ pattern: [String: [String: Bool]], figures: FigureLayout,
        problem: LinkedCounts
    ) -> [Withholding?]? {
        let kept: [Withholding?] = figures.terms.indices.map { index in
            guard pattern[layout.rows[figures.row[index]].key]?[figures.key[index]] == true else { return nil }
            return (1..<k).contains(truthOf(figures.terms[index])) ? .primary : .secondary
        }
        return zip(kept, problem.mayProtect).contains { $0 == .secondary && !$1 } ? nil : kept
    }

    /// How far each small value a merged bin hides can move in tables that change no
    /// figure at all: one of the row's members moves between the value and another of its
    /// bin while a member of a sibling that merges the two does the opposite (or, in the
    /// province-wide row, a member of any other atom). Such a table is the proof the audit
    /// would otherwise solve a linear program for, twice per value.
    func unseenMoves(of figures: FigureLayout, forms: [Form], problem: LinkedCounts) -> [Target: Reach] {
        let containment = problem.containment(), need = k - 2, values = valueCount
        var proven: [Target: Reach] = [:]
        for index in figures.hidden.indices where figures.hiddenSource[index] == .mergedValue {
            let terms = figures.hidden[index]
            guard (1..<k).contains(truthOf(terms)) else { continue }
            let row = figures.hiddenRow[index], value = figures.hiddenValues[index][0]
            guard let bin = forms[row].bins.first(where: { $0.contains(value) }) else { continue }
            let mine = Set(terms.map { $0 / values })
            // Partners: atoms of siblings merging the value with another of this bin.
            let partnerRows = parent(of: row) == nil ? [] : siblings(of: row)
            let partners: [(atom: Int, merged: [Int])] =
                parent(of: row) == nil
                ? layout.atomSizes.indices.filter { !mine.contains($0) }.map { ($0, bin) }
                : partnerRows.flatMap { sibling -> [(atom: Int, merged: [Int])] in
                    guard let theirs = forms[sibling].bins.first(where: { $0.contains(value) }), theirs.count > 1 else {
                        return []
                    }
                    return layout.atomsThrough[sibling][layout.current].map { ($0, theirs.filter(bin.contains)) }
                }
            var reach = Reach()
            for direction in [1, -1] {
                var change: [Int: Int] = [:], moved = 0
                search: for atom in mine.sorted() {
                    for other in bin where other != value {
                        for partner in partners where partner.merged.contains(other) {
                            let cells = [
                                (atom * values + value, direction), (atom * values + other, -direction),
                                (partner.atom * values + value, -direction), (partner.atom * values + other, direction),
                            ]
                            while moved < need {
                                var next = change
                                for (cell, amount) in cells { next[cell, default: 0] += amount }
                                guard problem.isInvisible(next, containment) else { break }
                                change = next
                                moved += 1
                            }
                            if moved >= need { break search }
                        }
                    }
                }
                if direction > 0 { reach.up = moved } else { reach.down = moved }
                if reach.up + reach.down >= need { break }
            }
            if reach.up + reach.down > 0 { proven[Target(kind: .hidden, index: index)] = reach }
        }
        return proven
    }

    private func count(_ figure: Int, _ figures: FigureLayout, _ withheld: [Withholding?]) -> PublishedCount {
        withheld[figure].map(PublishedCount.withheld) ?? .count(truthOf(figures.terms[figure]))
    }

    private func ledger(_ figures: FigureLayout, _ withheld: [Withholding?]) -> [String: [String: Int?]] {
        var ledger: [String: [String: Int?]] = [:]
        for (row, cells) in figures.cells.enumerated() {
            var values: [String: Int?] = [:]
            for cell in cells { values[figures.key[cell]] = .some(count(cell, figures, withheld).value) }
            ledger[layout.rows[row].key] = values
        }
        return ledger
    }

    private func published(_ figures: FigureLayout, _ withheld: [Withholding?]) -> PublishedAttribute {
        func row(_ index: Int) -> PublishedRow {
            PublishedRow(
                cells: figures.cells[index].map { cell in
                    PublishedCell(
                        values: figures.values[cell], key: figures.key[cell],
                        label: attribute.label(of: figures.values[cell]),
                        count: count(cell, figures, withheld), ofWhich: figures.isOfWhich[cell])
                })
        }
        let groupRows = layout.rows.indices.filter { layout.rows[$0].level == .group }
        let cohortRows = layout.rows.indices.filter {
            if case .cohort = layout.rows[$0].level { return true } else { return false }
        }
        let everywhere = Set(truth.indices.filter { truth[$0] > 0 }.map { $0 % valueCount })
        return PublishedAttribute(
            id: attribute.id, title: attribute.title, kind: attribute.kind, values: attribute.values,
            impossible: attribute.impossible.filter { !everywhere.contains($0) },
            total: row(0), groups: groupRows.map(row), cohorts: cohortRows.map(row), mergedLabel: attribute.mergedLabel)
    }
}

/// The figures some forms give one attribute: per row, one per bin holding a value the
/// row can have (and the province-wide row's "其中" values); the same sum twice is one
/// figure (a cohort alone in its tier group is the group). With everything a reader can
/// set beside them: earlier releases' figures and the sums differencing or merging leaves.
struct FigureLayout {
    var terms: [[Int]] = []
    var row: [Int] = []
    var level: [RowLevel] = []
    var values: [[Int]] = []
    var key: [String] = []
    var isOfWhich: [Bool] = []
    /// Per row: its figures in display order.
    var cells: [[Int]]
    var earlier: [(terms: [Int], published: Int?)] = []
    var earlierRow: [Int] = []
    var earlierValues: [[Int]] = []
    var hidden: [[Int]] = []
    var hiddenRow: [Int] = []
    var hiddenValues: [[Int]] = []
    var hiddenSource: [HiddenSource] = []
    /// Whether merging protects a hidden sum (else withholding: a difference between releases).
    var hiddenByMerging: [Bool] { hiddenSource.map { $0 != .newcomers } }

    /// How a reader forms a sum no figure shows.
    enum HiddenSource: Equatable {
        /// A row's newcomers of one release, in a bin or value (a difference between releases).
        case newcomers
        /// One value a merged bin of the row keeps (or a withdrawn row hides).
        case mergedValue
        /// A bin another row of the attribute shows, asked of this row.
        case shownElsewhere
    }

    init(_ release: AttributeRelease, forms: [Form]) {
        let layout = release.layout, values = release.valueCount
        let current = layout.current
        cells = [[Int]](repeating: [], count: layout.rows.count)
        var figureOfTerms: [[Int]: Int] = [:]
        func atomsTimes(_ atoms: [Int], _ bin: [Int]) -> [Int] {
            atoms.flatMap { atom in bin.compactMap { release.structural[atom * values + $0] ? nil : atom * values + $0 }
            }
        }
        for (rowIndex, row) in layout.rows.enumerated() {
            let form = forms[rowIndex]
            guard !form.publishesNothing else { continue }
            let atoms = layout.atomsThrough[rowIndex][current]
            var shown: [([Int], Bool)] = []
            for bin in form.bins {
                shown.append((bin, false))
                if row.level == .total {
                    for value in form.ofWhich where bin.contains(value) && bin.count > 1 {
                        shown.append(([value], true))
                    }
                }
            }
            for (bin, ofWhich) in shown {
                let sum = atomsTimes(atoms, bin)
                guard !sum.isEmpty else { continue }
                if let existing = figureOfTerms[sum] { cells[rowIndex].append(existing); continue }
                figureOfTerms[sum] = terms.count
                cells[rowIndex].append(terms.count)
                terms.append(sum)
                self.row.append(rowIndex)
                level.append(row.level)
                self.values.append(bin)
                key.append(release.attribute.key(of: bin))
                isOfWhich.append(ofWhich)
            }
        }
        addEarlier(release)
        addHidden(release, forms: forms)
    }

    /// Earlier releases' figures of this attribute, in a fixed order (the ledger is a
    /// dictionary: iterating it as stored would make each build's problem differ).
    private mutating func addEarlier(_ release: AttributeRelease) {
        let layout = release.layout, values = release.valueCount
        let rowIndex = layout.rowIndex
        let valueIndex = Dictionary(uniqueKeysWithValues: release.attribute.values.enumerated().map { ($1.key, $0) })
        for (number, record) in release.context.earlier.enumerated() {
            guard let rows = record.figures[release.attribute.id] else { continue }
            for rowKey in rows.keys.sorted() {
                guard let row = rowIndex[rowKey], let figures = rows[rowKey] else { continue }
                for binKey in figures.keys.sorted() {
                    let bin = binKey.split(separator: "+").compactMap { valueIndex[String($0)] }
                    guard !bin.isEmpty, bin.count == binKey.split(separator: "+").count, let published = figures[binKey]
                    else { continue }
                    let sum = layout.atomsThrough[row][number].flatMap { atom in bin.map { atom * values + $0 } }
                    guard !sum.isEmpty else { continue }
                    earlier.append((sum, published))
                    earlierRow.append(row)
                    earlierValues.append(bin)
                }
            }
        }
    }

    /// Sums a reader can form but no figure shows: a row's newcomers of each release in
    /// each value and each bin any row was ever published in, every single value a merged
    /// bin (or a withdrawn row) hides, and every bin any row shows, asked of each row that
    /// does not. Only those counting 1 to k−1 are audited; the rest are left out here.
    private mutating func addHidden(_ release: AttributeRelease, forms: [Form]) {
        let layout = release.layout, values = release.valueCount, current = layout.current
        var seen = Set(terms)
        func add(_ sum: [Int], row: Int, bin: [Int], source: HiddenSource) {
            guard !sum.isEmpty, (1..<release.k).contains(release.truthOf(sum)), seen.insert(sum).inserted else {
                return
            }
            hidden.append(sum)
            hiddenRow.append(row)
            hiddenValues.append(bin)
            hiddenSource.append(source)
        }
        func atomsTimes(_ atoms: [Int], _ bin: [Int]) -> [Int] {
            atoms.flatMap { atom in bin.compactMap { release.structural[atom * values + $0] ? nil : atom * values + $0 }
            }
        }
        // Every bin of several values any figure shows, now or before, in a fixed order.
        let everywhere = Set(self.values + earlierValues).filter { $0.count > 1 }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
        let singles = (0..<values).map { [$0] }
        for rowIndex in layout.rows.indices {
            let atoms = layout.atomsThrough[rowIndex][current]
            var bins = Set(cells[rowIndex].map { self.values[$0] })
            for (index, earlierRow) in earlierRow.enumerated() where earlierRow == rowIndex {
                bins.insert(earlierValues[index])
            }
            if current > 0 {
                for number in 0...current {
                    let batch = layout.newcomers[rowIndex][number]
                    if batch.isEmpty || batch == atoms { continue }
                    for bin in Set(bins.sorted { $0.lexicographicallyPrecedes($1) } + everywhere + singles).sorted(by: {
                        $0.lexicographicallyPrecedes($1)
                    }) {
                        add(atomsTimes(batch, bin), row: rowIndex, bin: bin, source: .newcomers)
                    }
                }
            }
            let form = forms[rowIndex]
            let shownAlone = Set(cells[rowIndex].filter { self.values[$0].count == 1 }.map { self.values[$0][0] })
            for bin in form.bins {
                for value in bin where !shownAlone.contains(value) && (bin.count > 1 || form.publishesNothing) {
                    add(atomsTimes(atoms, [value]), row: rowIndex, bin: [value], source: .mergedValue)
                }
            }
            for bin in everywhere where !bins.contains(bin) {
                add(atomsTimes(atoms, bin), row: rowIndex, bin: bin, source: .shownElsewhere)
            }
        }
    }

}
