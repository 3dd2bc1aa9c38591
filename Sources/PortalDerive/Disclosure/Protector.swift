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
/// 3. Audit: for every withheld figure the LP minimum and maximum over all tables
///    consistent with the published figures; a withheld figure narrower than k−1 becomes
///    a target itself, and the loop repeats until the audit passes.
///
/// Every alternative table the solver finds stays valid as more is withheld, so each one
/// is also a certificate: a target already moved far enough both ways by earlier
/// solutions needs no solve of its own.
struct Protector {
    let problem: LinkedCounts
    /// A pattern to keep if the audit passes it: the last release's, when no new
    /// assessment is published (the same data is then published the same way).
    var previous: [Withholding?]? = nil
    private var k: Int { problem.k }

    func protect() -> Protection {
        let figureCount = problem.figures.count
        let figureTruth = problem.figures.map(problem.sum)
        if let previous {
            let audit = Auditor(problem: problem, withheld: previous).run()
            if audit.failures == 0 { return Protection(withheld: previous, audit: audit) }
        }
        var withheld: [Withholding?] = figureTruth.map { (1..<k).contains($0) ? .primary : nil }
        var targets = initialTargets(withheld)
        let model = ProtectionModel(problem)
        // Best movement up and down seen for each target in some alternative table.
        var reach: [Target: (up: Double, down: Double)] = [:]
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
                        let weights = (0..<figureCount).map { withheld[$0] == nil ? Double(figureTruth[$0] + 1) : 0 }
                        guard let deviation = model.cheapestDeviation(moving: terms, by: direction * amount, weights: weights) else {
                            feasible = false
                            break
                        }
                        for figure in 0..<figureCount where withheld[figure] == nil && abs(deviation.figureChange[figure]) > slack {
                            withheld[figure] = .secondary
                        }
                        record(deviation.change, into: &reach, targets: targets)
                        seen = reach[target] ?? seen
                    }
                    if feasible { break }
                }
            }
            let audit = Auditor(problem: problem, withheld: withheld).run()
            if audit.failures == 0 { return Protection(withheld: withheld, audit: audit) }
            // Figures that came out too narrow (secondary ones, typically) become targets
            // of their own and are solved again against the wider pattern.
            let failing = audit.intervals.filter { $0.high - $0.low < Double(k - 1) - slack }.map { Target(kind: $0.kind, index: $0.index) }
            let known = Set(targets)
            targets += failing.filter { !known.contains($0) }
            for target in failing { reach[target] = nil }
            if withheld == before && failing.allSatisfy(known.contains) { break }
        }
        // Last resort: nothing of this attribute is published but what cannot be withheld.
        withheld = figureTruth.map { (1..<k).contains($0) ? .primary : .secondary }
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

    private func record(_ change: [Double], into reach: inout [Target: (up: Double, down: Double)], targets: [Target]) {
        for target in targets {
            let moved = terms(target).reduce(0.0) { $0 + change[$1] }
            var best = reach[target] ?? (0, 0)
            if moved > best.up { best.up = moved }
            if -moved > best.down { best.down = -moved }
            reach[target] = best
        }
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
    }

    /// The cheapest change that moves the sum of `terms` by at least `amount` (down when
    /// negative), or nil when no table consistent with the fixed figures does.
    func cheapestDeviation(moving terms: [Int], by amount: Double, weights: [Double]) -> Deviation? {
        let n = problem.variableCount
        program.setRow(targetRow, terms.map { ($0, 1.0) }, lower: amount > 0 ? amount : nil, upper: amount > 0 ? nil : amount)
        let objective = weights.enumerated().compactMap { index, weight in weight > 0 ? (n + index, weight) : nil }
        guard case .optimal = program.solve(objective, maximise: false) else { return nil }
        let change = (0..<n).map { program.value(of: $0) }
        let figureChange = problem.figures.map { $0.reduce(0.0) { $0 + change[$1] } }
        return Deviation(change: change, figureChange: figureChange)
    }
}

/// The audit: for every withheld figure of this release, every figure earlier releases
/// withheld, and every small sum readable by differencing releases, the minimum and
/// maximum over all tables consistent with everything published (LP relaxation, as
/// tau-ARGUS audits). A sum fails when that interval is narrower than k−1.
struct Auditor {
    let problem: LinkedCounts
    let withheld: [Withholding?]

    func run() -> Protection.Audit {
        let k = problem.k
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
        var targets: [(Target.Kind, Int, [Int])] = []
        for (index, state) in withheld.enumerated() where state != nil { targets.append((.figure, index, problem.figures[index])) }
        for (index, figure) in problem.earlier.enumerated() where figure.published == nil { targets.append((.earlier, index, figure.terms)) }
        for (index, terms) in problem.hidden.enumerated() where (1..<k).contains(problem.sum(terms)) {
            targets.append((.hidden, index, terms))
        }
        var audit = Protection.Audit(intervals: [], failures: 0, linearPrograms: 0)
        for (kind, index, terms) in targets {
            let objective = terms.map { ($0, 1.0) }
            let truth = problem.sum(terms)
            let low: Double, high: Double
            switch (program.solve(objective, maximise: false), program.solve(objective, maximise: true)) {
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
}
