/// Cell suppression for one `LinkedCounts`, chosen by linear programming and then audited
/// by linear programming (the approach of tau-ARGUS):
///
/// 1. Primary: every figure counting 1 to k−1 assessments is withheld.
/// 2. Protection: every withheld figure (and every small sum a reader could form from
///    two releases) must stay uncertain by at least k−1: a reader who knows every
///    published figure, of this release and of earlier ones, can only place it in an
///    interval such as 0–4 or 1–5 (k = 5). For each such target and each direction the
///    solver looks for another table that agrees with everything published except where
///    it withholds more, moves the target by the required amount, and changes published
///    figures as little as possible (weighted by their size: big figures are costly to
///    lose). The figures that other table changes are withheld too (secondary).
/// 3. Audit: every withheld figure (and small difference) must be shown to range over at
///    least k−1 among the tables consistent with everything published. Every alternative
///    table the solver found is such a table, and stays one as more is withheld: a sum
///    those tables already move k−1 apart is proven (a certificate, as in Fischetti and
///    Salazar's model); for every other one the LP minimum and maximum are computed. A
///    withheld figure narrower than k−1 becomes a target itself, and the loop repeats.
///
/// Most targets lie inside one tier group: the cheapest change is looked for there
/// first, leaving everything outside the group as it is (as HiTaS splits a hierarchical
/// table), then letting the group's and the grand totals move, only then in the whole
/// problem; a group that is a two-way table is solved as a flow (CellFlow), exactly and
/// fast. What is found is always a valid alternative table of the whole problem.
struct Protector {
    let problem: LinkedCounts
    /// A pattern to keep if the audit passes it: the last release's, when no new
    /// assessment is published (the same data is then published the same way).
    var previous: [Withholding?]? = nil
    /// Groups of atoms solved on their own first (atom indices): the tier groups' atoms.
    var blocks: [[Int]] = []
    /// Figures withheld from the start whatever their count: the cells of a group smaller
    /// than k (zeros included), which count as primary.
    var smallGroups: [Int] = []
    private var k: Int { problem.k }

    func protect() -> Protection {
        let figureCount = problem.figures.count
        let figureTruth = problem.figures.map(problem.sum)
        // Start from the last release's pattern when there is one (nothing new: the same
        // figures come out, and the loop below only certifies them).
        var withheld: [Withholding?] = previous ?? figureTruth.map { (1..<k).contains($0) ? .primary : nil }
        for figure in smallGroups where withheld[figure] == nil { withheld[figure] = .primary }
        var targets = initialTargets(withheld)
        // The whole problem's LP, built only if a target needs it.
        var model: ProtectionModel?
        // Each block's two models, made when a target first needs them (a release that
        // republishes the last one is certified without any).
        var closedModels = [Block?](repeating: nil, count: blocks.count), openModels = closedModels
        func closed(_ index: Int) -> Block {
            if closedModels[index] == nil { closedModels[index] = Block(problem, atoms: blocks[index], open: false) }
            return closedModels[index]!
        }
        func open(_ index: Int) -> Block {
            if openModels[index] == nil { openModels[index] = Block(problem, atoms: blocks[index], open: true) }
            return openModels[index]!
        }
        var blockOfAtom = [Int](repeating: -1, count: problem.atomSizes.count)
        for (index, atoms) in blocks.enumerated() { for atom in atoms { blockOfAtom[atom] = index } }
        // Best movement up and down seen for each withheld sum in some alternative table.
        var reach: [Target: (up: Double, down: Double)] = [:]
        let incidence = Incidence(problem)
        let slack = 1e-6
        for _ in 0..<12 {
            let before = withheld
            for target in targets {
                let terms = self.terms(target)
                let truth = problem.sum(terms)
                for (down, up) in splits(truth: truth) {
                    var seen = reach[target] ?? (0, 0)
                    var feasible = true
                    for (direction, amount) in [(1.0, Double(up)), (-1.0, Double(down))] where amount > 0 {
                        if (direction > 0 ? seen.up : seen.down) >= amount - slack { continue }
                        // A rectangle of already withheld cells protects for free: no solve.
                        if let free = freeRectangle(terms, direction * amount, withheld, blockOfAtom, incidence) {
                            record(free, into: &reach, incidence)
                            seen = reach[target] ?? seen
                            continue
                        }
                        let weights = (0..<figureCount).map { withheld[$0] == nil ? Double(figureTruth[$0] + 1) : 0 }
                        // In the target's own block, leaving everything outside as it is; for a
                        // target across blocks, the cheapest of the blocks on their own.
                        let home = Set(terms.map { blockOfAtom[problem.atom(of: $0)] })
                        var local: (change: [Double], changed: [Int], cost: Double)?
                        if home.count == 1, let index = home.first, index >= 0 {
                            local = closed(index).deviation(moving: terms, by: direction * amount, weights: weights)
                                ?? open(index).deviation(moving: terms, by: direction * amount, weights: weights)
                        } else if !home.contains(-1) {
                            local = home.sorted().compactMap { open($0).deviation(moving: terms, by: direction * amount, weights: weights) }
                                .min { $0.cost < $1.cost }
                        }
                        if let local {
                            for figure in local.changed where withheld[figure] == nil { withheld[figure] = .secondary }
                            record(local.change, into: &reach, incidence)
                            mirror(local.change, moved: amount, needed: Double(direction > 0 ? down : up), into: &reach, incidence)
                            seen = reach[target] ?? seen
                            continue
                        }
                        guard let deviation = { () -> ProtectionModel.Deviation? in
                            if model == nil { model = ProtectionModel(problem) }
                            return model!.cheapestDeviation(moving: terms, by: direction * amount, weights: weights)
                        }() else {
                            feasible = false
                            break
                        }
                        for figure in 0..<figureCount where withheld[figure] == nil && abs(deviation.figureChange[figure]) > slack {
                            withheld[figure] = .secondary
                        }
                        record(deviation.change, into: &reach, incidence)
                        mirror(deviation.change, moved: amount, needed: Double(direction > 0 ? down : up), into: &reach, incidence)
                        seen = reach[target] ?? seen
                    }
                    if feasible { break }
                }
            }
            let audit = Auditor(problem: problem, withheld: withheld, certified: reach).run()
            if audit.failures == 0 { return Protection(withheld: withheld, audit: audit) }
            // Figures that came out too narrow (secondary ones, typically) become targets
            // of their own and are solved again against the wider pattern.
            let failing = audit.intervals.filter { $0.high - $0.low < Double(k - 1) - slack }.map { Target(kind: $0.kind, index: $0.index) }
            let known = Set(targets)
            targets += failing.filter { !known.contains($0) }
            for target in failing { reach[target] = nil }
            if withheld == before && failing.allSatisfy(known.contains) { break }
        }
        // Last resort: nothing of this attribute is published but what everyone knows
        // anyway (sums of structural zeros).
        let small = Set(smallGroups)
        withheld = problem.figures.indices.map { index in
            (1..<k).contains(figureTruth[index]) || small.contains(index) ? .primary
                : problem.figures[index].allSatisfy { problem.structuralZero[$0] } ? nil : .secondary
        }
        return Protection(withheld: withheld, audit: Auditor(problem: problem, withheld: withheld).run())
    }

    /// How the k−1 of uncertainty may be split below and above the true value: first
    /// evenly (0–4 around 1, 1–5 around 3 for k = 5), then the others, nearest first.
    func splits(truth: Int) -> [(down: Int, up: Int)] {
        let preferred = min(truth, (k - 1) / 2)
        return (0...min(truth, k - 1)).sorted { (abs($0 - preferred), $0) < (abs($1 - preferred), $1) }.map { ($0, k - 1 - $0) }
    }

    func terms(_ target: Target) -> [Int] {
        switch target.kind {
        case .figure: return problem.figures[target.index]
        case .earlier: return problem.earlier[target.index].terms
        case .hidden: return problem.hidden[target.index]
        }
    }

    private func initialTargets(_ withheld: [Withholding?]) -> [Target] {
        var targets: [Target] = []
        for (index, state) in withheld.enumerated() where state != nil { targets.append(Target(kind: .figure, index: index)) }
        for (index, figure) in problem.earlier.enumerated() where figure.published == nil {
            targets.append(Target(kind: .earlier, index: index))
        }
        for (index, terms) in problem.hidden.enumerated() where (1..<k).contains(problem.sum(terms)) {
            targets.append(Target(kind: .hidden, index: index))
        }
        return targets
    }

    /// The same change the other way, scaled to what that direction needs, is also a
    /// table consistent with everything fixed (the constraints are linear and the
    /// figures it changes are the same) whenever it stays within 0…size: then it
    /// certifies the other direction without a solve of its own.
    private func mirror(_ change: [Double], moved: Double, needed: Double, into reach: inout [Target: (up: Double, down: Double)],
                        _ incidence: Incidence) {
        guard needed > 0, moved > 0 else { return }
        let scale = needed / moved
        var mirrored = [Double](repeating: 0, count: change.count)
        for variable in change.indices where change[variable] != 0 {
            let value = -change[variable] * scale, truth = Double(problem.truth[variable])
            let size = Double(problem.atomSizes[problem.atom(of: variable)])
            guard !problem.structuralZero[variable], truth + value >= -1e-9, truth + value <= size + 1e-9 else { return }
            mirrored[variable] = value
        }
        record(mirrored, into: &reach, incidence)
    }

    /// For a single cell: another value of its row and another row of its block whose
    /// three cells are withheld already, moved ±amount round the rectangle, change no
    /// published figure (the rows keep their sizes, the block's totals their values):
    /// the classic four-cell protection, found without a solve when it costs nothing.
    private func freeRectangle(_ terms: [Int], _ amount: Double, _ withheld: [Withholding?], _ blockOfAtom: [Int],
                               _ incidence: Incidence) -> [Double]? {
        guard terms.count == 1 else { return nil }
        let cell = terms[0], atom = problem.atom(of: cell), value = cell - atom * problem.valueCount
        let block = blockOfAtom[atom]
        guard block >= 0 else { return nil }
        func fits(_ variable: Int, _ change: Double) -> Bool {
            if problem.structuralZero[variable] { return false }
            let next = Double(problem.truth[variable]) + change
            return next >= -1e-9 && next <= Double(problem.atomSizes[problem.atom(of: variable)]) + 1e-9
        }
        guard fits(cell, amount) else { return nil }
        for other in problem.atomSizes.indices where other != atom && blockOfAtom[other] == block {
            for second in 0..<problem.valueCount where second != value {
                let moves = [(cell, amount), (problem.variable(atom: atom, value: second), -amount),
                             (problem.variable(atom: other, value: value), -amount), (problem.variable(atom: other, value: second), amount)]
                guard moves.dropFirst().allSatisfy({ fits($0.0, $0.1) }) else { continue }
                var net: [Target: Double] = [:]
                for (variable, change) in moves { for sum in incidence.sums[variable] { net[sum, default: 0] += change } }
                var published = [Int: Double]()
                for (variable, change) in moves { for figure in incidence.published[variable] { published[figure, default: 0] += change } }
                let free = net.allSatisfy { sum, change in
                    abs(change) < 1e-9 || sum.kind != .figure || withheld[sum.index] != nil
                } && published.values.allSatisfy { abs($0) < 1e-9 }
                guard free else { continue }
                var change = [Double](repeating: 0, count: problem.variableCount)
                for (variable, delta) in moves { change[variable] = delta }
                return change
            }
        }
        return nil
    }

    /// Adds what an alternative table moves to the reach of every sum it touches.
    private func record(_ change: [Double], into reach: inout [Target: (up: Double, down: Double)], _ incidence: Incidence) {
        var moved: [Target: Double] = [:]
        for variable in change.indices where abs(change[variable]) > 1e-12 {
            for target in incidence.sums[variable] { moved[target, default: 0] += change[variable] }
        }
        for (target, amount) in moved {
            var best = reach[target] ?? (0, 0)
            if amount > best.up { best.up = amount }
            if -amount > best.down { best.down = -amount }
            reach[target] = best
        }
    }
}

/// Which sums (this release's figures, earlier withheld ones, differences) each unknown
/// is in, and which earlier published figures (which nothing may change).
struct Incidence {
    let sums: [[Target]]
    let published: [[Int]]

    init(_ problem: LinkedCounts) {
        var sums = [[Target]](repeating: [], count: problem.variableCount)
        for (index, terms) in problem.figures.enumerated() { for term in terms { sums[term].append(Target(kind: .figure, index: index)) } }
        for (index, figure) in problem.earlier.enumerated() where figure.published == nil {
            for term in figure.terms { sums[term].append(Target(kind: .earlier, index: index)) }
        }
        for (index, terms) in problem.hidden.enumerated() { for term in terms { sums[term].append(Target(kind: .hidden, index: index)) } }
        self.sums = sums
        var published = [[Int]](repeating: [], count: problem.variableCount)
        for (index, figure) in problem.earlier.enumerated() where figure.published != nil {
            for term in figure.terms { published[term].append(index) }
        }
        self.published = published
    }
}

/// The LP behind one protection step: changes `change` to the unknowns that keep every
/// atom's size, every earlier published figure and the bounds 0 ≤ count ≤ size, move the
/// target as asked, and minimise the weighted change of this release's figures.
struct ProtectionModel {
    private let problem: LinkedCounts
    private let program: LinearProgram
    private let targetRow: Int32

    init(_ problem: LinkedCounts) {
        self.problem = problem
        let n = problem.variableCount, f = problem.figures.count
        var lower: [Double?] = [], upper: [Double?] = []
        for variable in 0..<n {
            let truth = Double(problem.truth[variable]), size = Double(problem.atomSizes[problem.atom(of: variable)])
            if problem.structuralZero[variable] { lower.append(0); upper.append(0) }
            else { lower.append(-truth); upper.append(size - truth) }
        }
        for _ in 0..<f { lower.append(0); upper.append(nil) }
        program = LinearProgram(lower: lower, upper: upper)
        for atom in problem.atomSizes.indices {
            program.addRow((0..<problem.valueCount).map { (problem.variable(atom: atom, value: $0), 1.0) }, lower: 0, upper: 0)
        }
        for figure in problem.earlier where figure.published != nil {
            program.addRow(figure.terms.map { ($0, 1.0) }, lower: 0, upper: 0)
        }
        // t_f ≥ |Σ change|: the figure's change, as two rows.
        for (index, terms) in problem.figures.enumerated() {
            program.addRow([(n + index, 1.0)] + terms.map { ($0, -1.0) }, lower: 0, upper: nil)
            program.addRow([(n + index, 1.0)] + terms.map { ($0, 1.0) }, lower: 0, upper: nil)
        }
        targetRow = program.addRow([], lower: nil, upper: nil)
    }

    struct Deviation {
        var change: [Double]
        var figureChange: [Double]
        /// The weighted change of this release's figures.
        var cost: Double
    }

    /// The cheapest change that moves the sum of `terms` by at least `amount` (down when
    /// negative), or nil when no table consistent with the fixed figures does.
    func cheapestDeviation(moving terms: [Int], by amount: Double, weights: [Double]) -> Deviation? {
        let n = problem.variableCount
        program.setRow(targetRow, terms.map { ($0, 1.0) }, lower: amount > 0 ? amount : nil, upper: amount > 0 ? nil : amount)
        let objective = weights.enumerated().compactMap { index, weight in weight > 0 ? (n + index, weight) : nil }
        guard case .optimal(let cost) = program.solve(objective, maximise: false, dual: true) else { return nil }
        let change = (0..<n).map { program.value(of: $0) }
        let figureChange = problem.figures.map { $0.reduce(0.0) { $0 + change[$1] } }
        return Deviation(change: change, figureChange: figureChange, cost: cost)
    }
}

/// One block of a problem (some atoms) as a protection problem of its own: its
/// unknowns, the figures that involve them (restricted to them: outside the block
/// nothing moves), and the earlier published figures they must keep.
struct Block {
    let model: ProtectionModel?
    /// Global unknown of each local one, and the reverse.
    let variables: [Int]
    let local: [Int: Int]
    /// Global figure of each local figure, and whether all its terms are in the block.
    let figures: [Int]
    let inside: [Bool]
    let variableCount: Int
    /// The flow form for given figure weights, when the block has one; the global figure
    /// of each local cell, and the figures that are each column's total.
    let flow: CellFlow?
    let cellFigure: [Int]
    let columnFigures: [[Int]]
    let columnOf: [[Int]: Int]

    /// `open`: figures reaching outside the block may change (at their cost); else they
    /// are held as they are.
    init(_ problem: LinkedCounts, atoms: [Int], open: Bool) {
        let values = problem.valueCount
        let variables = atoms.flatMap { atom in (0..<values).map { problem.variable(atom: atom, value: $0) } }
        let local = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
        self.variables = variables
        self.local = local
        variableCount = problem.variableCount
        // Closed, figures reaching outside the block are held as they are (like figures
        // published before): a change inside the block must leave them alone.
        var figures: [Int] = [], inside: [Bool] = [], terms: [[Int]] = []
        var fixed: [(terms: [Int], published: Int?)] = []
        for (index, figure) in problem.figures.enumerated() {
            let mine = figure.compactMap { local[$0] }
            guard !mine.isEmpty else { continue }
            if mine.count < figure.count && !open { fixed.append((mine, 0)); continue }
            figures.append(index)
            inside.append(mine.count == figure.count)
            terms.append(mine)
        }
        let earlier = problem.earlier.compactMap { figure -> (terms: [Int], published: Int?)? in
            let mine = figure.terms.compactMap { local[$0] }
            return figure.published == nil || mine.isEmpty ? nil : (mine, figure.published)
        }
        self.figures = figures
        self.inside = inside
        // A two-way table in disguise (every cell its own figure; every other figure a
        // whole column, held when closed; nothing from earlier releases): solved as a
        // flow, not by the simplex.
        let columnOf = Dictionary((0..<values).map { value in (atoms.indices.map { $0 * values + value }, value) }, uniquingKeysWith: { a, _ in a })
        var cellFigure = [Int](repeating: -1, count: variables.count)
        var columnFigures = [[Int]](repeating: [], count: values)
        var flowShaped = earlier.isEmpty && values > 1
        for (index, local) in terms.enumerated() {
            if local.count == 1 && columnOf[local] == nil { cellFigure[local[0]] = figures[index] }
            else if let column = columnOf[local.sorted()] { columnFigures[column].append(figures[index]) }
            else { flowShaped = false }
        }
        if fixed.contains(where: { columnOf[$0.terms.sorted()] == nil }) { flowShaped = false }
        self.cellFigure = cellFigure
        self.columnFigures = columnFigures
        self.columnOf = columnOf
        flow = flowShaped ? CellFlow(rows: atoms.count, values: values, down: variables.map { Double(problem.truth[$0]) },
                                     up: variables.map { Double(problem.atomSizes[problem.atom(of: $0)] - problem.truth[$0]) },
                                     fixed: variables.map { problem.structuralZero[$0] },
                                     columnCost: open ? [Double](repeating: 0, count: values) : nil) : nil
        // The flow is exact where it applies (no flow, no table): the LP only otherwise.
        model = flowShaped ? nil : ProtectionModel(LinkedCounts(
            k: problem.k, atomSizes: atoms.map { problem.atomSizes[$0] }, valueCount: values,
            truth: variables.map { problem.truth[$0] }, structuralZero: variables.map { problem.structuralZero[$0] },
            figures: terms, earlier: fixed + earlier, hidden: []))
    }

    /// The cheapest change inside the block that moves the target's terms in the block by
    /// `amount` (nothing outside moves, so the whole target moves as much): the global
    /// change vector, the global figures it changes, and its cost.
    func deviation(moving terms: [Int], by amount: Double, weights: [Double]) -> (change: [Double], changed: [Int], cost: Double)? {
        let localTerms = terms.compactMap { local[$0] }
        if var flow, localTerms.count == terms.count {
            if flow.columnCost != nil { flow.columnCost = columnFigures.map { $0.reduce(0) { $0 + weights[$1] } } }
            let costs = cellFigure.map { $0 >= 0 ? weights[$0] : 0 }
            let moved: [Double]?
            if localTerms.count == 1, columnOf[localTerms] == nil {
                moved = flow.deviation(cell: localTerms[0], amount: amount, cost: costs)
            } else if let column = columnOf[localTerms.sorted()] {
                moved = flow.deviation(column: column, amount: amount, cost: costs)
            } else {
                moved = nil
            }
            guard let moved else { return nil }
            var change = [Double](repeating: 0, count: variableCount)
            var changed: [Int] = [], cost = 0.0
            var columnChange = [Double](repeating: 0, count: flow.values)
            for (index, delta) in moved.enumerated() where abs(delta) > 1e-9 {
                change[variables[index]] = delta
                columnChange[index % flow.values] += delta
                if cellFigure[index] >= 0 { changed.append(cellFigure[index]); cost += abs(delta) * costs[index] }
            }
            for (column, delta) in columnChange.enumerated() where abs(delta) > 1e-9 {
                changed += columnFigures[column]
                cost += abs(delta) * columnFigures[column].reduce(0) { $0 + weights[$1] }
            }
            return (change, changed, cost)
        }
        guard !localTerms.isEmpty, let model,
              let found = model.cheapestDeviation(moving: localTerms, by: amount, weights: figures.map { weights[$0] })
        else { return nil }
        let changed = found.figureChange.indices.filter { abs(found.figureChange[$0]) > 1e-6 }.map { figures[$0] }
        var change = [Double](repeating: 0, count: variableCount)
        for (index, variable) in variables.enumerated() { change[variable] = found.change[index] }
        return (change, changed, found.cost)
    }
}

/// The audit: for every withheld figure of this release, every figure earlier releases
/// withheld, and every small sum readable by differencing releases, the minimum and
/// maximum over all tables consistent with everything published (LP relaxation, as
/// tau-ARGUS audits). A sum fails when that interval is narrower than k−1.
struct Auditor {
    let problem: LinkedCounts
    let withheld: [Withholding?]
    /// Movements proven by alternative tables found earlier; empty: solve every sum.
    var certified: [Target: (up: Double, down: Double)] = [:]

    func run() -> Protection.Audit {
        let k = problem.k
        var targets: [(Target.Kind, Int, [Int])] = []
        for (index, state) in withheld.enumerated() where state != nil { targets.append((.figure, index, problem.figures[index])) }
        for (index, figure) in problem.earlier.enumerated() where figure.published == nil { targets.append((.earlier, index, figure.terms)) }
        for (index, terms) in problem.hidden.enumerated() where (1..<k).contains(problem.sum(terms)) {
            targets.append((.hidden, index, terms))
        }
        var audit = Protection.Audit(intervals: [], failures: 0, linearPrograms: 0)
        var program: LinearProgram?
        for (kind, index, terms) in targets {
            let truth = problem.sum(terms)
            if let proven = certified[Target(kind: kind, index: index)], proven.up + proven.down >= Double(k - 1) - 1e-6 {
                audit.intervals.append((kind, index, truth, Double(truth) - proven.down, Double(truth) + proven.up))
                continue
            }
            if program == nil { program = model() }
            let objective = terms.map { ($0, 1.0) }
            let low: Double, high: Double
            switch (program!.solve(objective, maximise: false), program!.solve(objective, maximise: true)) {
            case (.optimal(let minimum), .optimal(let maximum)): (low, high) = (minimum, maximum)
            // The published figures are consistent (they are the truth), so anything else
            // is a solver failure: count it as a failed audit, never as a pass.
            default: (low, high) = (Double(truth), Double(truth))
            }
            audit.linearPrograms += 2
            audit.intervals.append((kind, index, truth, low, high))
            if high - low < Double(k - 1) - 1e-6 { audit.failures += 1 }
        }
        return audit
    }

    /// Every table consistent with what is published: unknowns within 0…size, atom sizes,
    /// every published figure of this release and of earlier ones.
    private func model() -> LinearProgram {
        var lower: [Double?] = [], upper: [Double?] = []
        for variable in 0..<problem.variableCount {
            lower.append(0)
            upper.append(problem.structuralZero[variable] ? 0 : Double(problem.atomSizes[problem.atom(of: variable)]))
        }
        let program = LinearProgram(lower: lower, upper: upper)
        for (atom, size) in problem.atomSizes.enumerated() {
            program.addRow((0..<problem.valueCount).map { (problem.variable(atom: atom, value: $0), 1.0) },
                           lower: Double(size), upper: Double(size))
        }
        for (index, terms) in problem.figures.enumerated() where withheld[index] == nil {
            let value = Double(problem.sum(terms))
            program.addRow(terms.map { ($0, 1.0) }, lower: value, upper: value)
        }
        for figure in problem.earlier {
            guard let value = figure.published.map(Double.init) else { continue }
            program.addRow(figure.terms.map { ($0, 1.0) }, lower: value, upper: value)
        }
        return program
    }
}
