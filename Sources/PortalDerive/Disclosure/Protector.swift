/// Cell suppression for one `LinkedCounts`, chosen by linear programming and audited by
/// integer programming (the approach of tau-ARGUS, with what the marks say as facts):
///
/// 1. Primary: every figure counting 1 to k−1 assessments is withheld ("<k").
/// 2. Protection: a reader who takes every published figure, every mark and every rule
///    as given must still find every "<k" anywhere from 1 to k−1, every "×" at more than
///    one value, and every small sum (a release's newcomers, a level merged away) as
///    uncertain as a "<k". For each withheld figure and each way it must move, the solver
///    looks for another table consistent with all of that that moves it as far, changing
///    as little as possible of what is published (weighted by the chosen cost); what that
///    table changes is withheld too ("×", secondary). Only cohort figures and, where
///    nothing else can, tier-group figures are ever given up: the province-wide row and
///    zeros never are.
/// 3. Audit (`Auditor`): every withheld figure and small sum is checked against all
///    tables consistent with what is published now and before, in whole numbers. The
///    whole-number tables the solver found are proofs already; the rest are solved.
///
/// Targets inside one tier group are solved in that group's table first, everything
/// outside it held as it is (as HiTaS splits a hierarchical table), then in the whole
/// problem. Whatever is found is a table of the whole problem, so it proves what it moves.
struct Protector {
    let problem: LinkedCounts
    /// A pattern to keep if the audit passes it: the last release's, when no new
    /// assessment is published (the same data is then published the same way).
    var previous: [Withholding?]? = nil
    /// Groups of atoms solved on their own first (atom indices): the tier groups' atoms.
    var blocks: [[Int]] = []
    /// Movements already proven (by tables that change no figure at all).
    var proven: [Target: Reach] = [:]
    private var k: Int { problem.k }

    func protect() -> Protection {
        let truths = problem.figures.map(problem.sum)
        var withheld = previous ?? truths.map { (1..<k).contains($0) ? .primary : nil }
        let incidence = Incidence(problem)
        var reach = proven
        var solver = Solver(problem: problem, blocks: blocks, initial: withheld)
        var targets = initialTargets(withheld)
        if previous != nil {
            let audit = Auditor(problem: problem, withheld: withheld).run(certified: reach)
            if audit.failures.isEmpty { return Protection(withheld: withheld, audit: audit) }
        }
        var audit = Protection.Audit()
        var lastFailures: [Target] = []
        for _ in 0..<8 {
            for target in targets {
                protect(target, withheld: &withheld, reach: &reach, solver: &solver, incidence: incidence)
            }
            audit = Auditor(problem: problem, withheld: withheld).run(certified: reach)
            if audit.failures.isEmpty || audit.failures == lastFailures { break }
            // Sums the audit found narrower than their mark: solved again, each on its own,
            // against the wider pattern (their certificates were not enough).
            lastFailures = audit.failures
            for target in audit.failures { reach[target] = nil }
            targets = audit.failures.filter { $0.kind != .hidden || !problem.hiddenByMerging[$0.index] }
            if targets.isEmpty { break }
        }
        return Protection(withheld: withheld, audit: audit)
    }

    /// The withheld figures of this release and of earlier ones, and the small sums.
    private func initialTargets(_ withheld: [Withholding?]) -> [Target] {
        var targets: [Target] = []
        for (index, state) in withheld.enumerated() where state == .primary {
            targets.append(Target(kind: .figure, index: index))
        }
        for index in problem.earlier.indices where problem.earlier[index].published == nil {
            if problem.bounds(earlier: index).low != problem.bounds(earlier: index).high {
                targets.append(Target(kind: .earlier, index: index))
            }
        }
        for (index, terms) in problem.hidden.enumerated()
        where !problem.hiddenByMerging[index] && (1..<k).contains(problem.sum(terms)) {
            targets.append(Target(kind: .hidden, index: index))
        }
        return targets
    }

    /// Makes `target` move as its requirement asks in tables the solver finds, withholding
    /// what those tables change.
    private func protect(
        _ target: Target, withheld: inout [Withholding?], reach: inout [Target: Reach],
        solver: inout Solver, incidence: Incidence
    ) {
        let terms = problem.terms(target)
        let truth = problem.sum(terms)
        for plan in Self.plans(
            requirement: problem.requirement(target, withheld: withheld), truth: truth, limit: problem.limit(terms))
        {
            var met = true
            for move in plan where (move > 0 ? reach[target]?.up ?? 0 : reach[target]?.down ?? 0) < abs(move) {
                guard let found = solver.cheapestChange(moving: terms, by: move, withheld: withheld) else {
                    met = false; break
                }
                for figure in found.changed where withheld[figure] == nil { withheld[figure] = .secondary }
                // Only a whole-number table proves anything; a fractional one still shows
                // what to withhold, and the audit then decides in whole numbers.
                if let change = found.wholeChange, problem.keepsRules(change) { incidence.record(change, into: &reach) }
            }
            if met { return }
        }
    }

    /// The ways a requirement can be met, each a list of signed moves from the true value
    /// that must all be possible: the whole range both ways; any one step; or a width
    /// split below and above, evenly first.
    static func plans(requirement: Requirement, truth: Int, limit: Int) -> [[Int]] {
        switch requirement {
        case .wholeRange(let low, let high):
            return [[high - truth, low - truth].filter { $0 != 0 }]
        case .notPinned:
            return [[1], [-1]]
        case .width(let width):
            let preferred = min(truth, width / 2)
            return (0...min(truth, width)).filter { width - $0 <= limit - truth }
                .sorted { (abs($0 - preferred), $0) < (abs($1 - preferred), $1) }
                .map { down in [width - down, -down].filter { $0 != 0 } }
        }
    }
}

/// How far a sum has been seen to move, each way, in whole-number tables consistent with
/// what is published.
struct Reach: Sendable, Equatable {
    var up = 0
    var down = 0
}

extension LinkedCounts {
    func terms(_ target: Target) -> [Int] {
        switch target.kind {
        case .figure: return figures[target.index]
        case .earlier: return earlier[target.index].terms
        case .hidden: return hidden[target.index]
        }
    }

    /// What a reader must not be able to narrow a target to.
    func requirement(_ target: Target, withheld: [Withholding?]) -> Requirement {
        switch target.kind {
        case .figure:
            let bounds = self.bounds(figure: target.index, withheld[target.index])
            return withheld[target.index] == .primary ? .wholeRange(low: bounds.low, high: bounds.high) : .notPinned
        case .earlier:
            let bounds = self.bounds(earlier: target.index)
            return bounds.high <= k - 1 ? .wholeRange(low: bounds.low, high: bounds.high) : .notPinned
        case .hidden:
            return .width(k - 2)
        }
    }
}

/// Which sums (this release's figures, earlier withheld ones, hidden sums) each unknown
/// is in: to read off how far a table found for one target moves all the others.
struct Incidence: Sendable {
    let sums: [[Target]]

    init(_ problem: LinkedCounts) {
        var sums = [[Target]](repeating: [], count: problem.variableCount)
        for (index, terms) in problem.figures.enumerated() {
            for term in terms { sums[term].append(Target(kind: .figure, index: index)) }
        }
        for (index, figure) in problem.earlier.enumerated() where figure.published == nil {
            for term in figure.terms { sums[term].append(Target(kind: .earlier, index: index)) }
        }
        for (index, terms) in problem.hidden.enumerated() {
            for term in terms { sums[term].append(Target(kind: .hidden, index: index)) }
        }
        self.sums = sums
    }

    /// Records how far a whole-number table moves every sum it touches.
    func record(_ change: [Int: Int], into reach: inout [Target: Reach]) {
        var moved: [Target: Int] = [:]
        for (variable, amount) in change where amount != 0 {
            for target in sums[variable] { moved[target, default: 0] += amount }
        }
        for (target, amount) in moved {
            var best = reach[target] ?? Reach()
            if amount > best.up { best.up = amount }
            if -amount > best.down { best.down = -amount }
            reach[target] = best
        }
    }
}
