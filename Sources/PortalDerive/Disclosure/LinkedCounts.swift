/// One attribute's counts as the site publishes them, with everything a reader can link
/// them to: the problem the disclosure control solves and audits.
///
/// The unknowns are the counts of the finest groups a reader can tell apart ("atoms":
/// the records of one cohort first published in one release) at each value of the
/// attribute. Their sizes are public (cohort sizes are published, and the attacker knows
/// who was assessed when). Every published figure — a cohort's count in a bin, a tier
/// group's, the province's, in this release or an earlier one — is a sum of unknowns.
///
/// What a reader knows of a withheld figure is what its mark says, and nothing more:
/// "<k" is 1 to k−1, "×" is k or more (zeros are always published, and a figure below k
/// is always "<k"). Those are facts in every model here.
struct LinkedCounts: Sendable {
    let k: Int
    let atomSizes: [Int]
    let valueCount: Int
    /// The true count of every unknown (atom × value, atom-major).
    let truth: [Int]
    /// Unknowns everyone knows to be zero (a scenario cannot be built at a tier the
    /// standard does not define; a 先进级 factory has maturity 2 or more): fixed, never a
    /// source of protection.
    let structuralZero: [Bool]
    /// This release's figures, each a sum of unknowns.
    let figures: [[Int]]
    /// Per figure: whether it may be withheld to protect another. Not the province-wide
    /// row (margins are never the price of protection) and not a zero (a zero is always
    /// published, so "×" can mean k or more).
    let mayProtect: [Bool]
    /// Per figure: what withholding it costs (its size under the chosen cost, weighted by
    /// its level: a tier group's figure costs far more than a cohort's).
    let cost: [Double]
    /// Figures of earlier releases with the value they published (nil: withheld then).
    let earlier: [(terms: [Int], published: Int?)]
    /// Sums a reader can form by differencing (a cohort's newcomers between releases), that
    /// a merged bin leaves unpublished (one level of a "1–2 级" cohort), or that another
    /// row shows as a bin of its own (a group's "5–6 级" asked of one of its cohorts): when
    /// they count 1 to k−1 they must stay as uncertain as a "<k" does.
    let hidden: [[Int]]
    /// Per hidden sum: whether merging protects it (a value a merged bin keeps, a bin another
    /// row shows) rather than withholding: the rows that show it finer merge it too.
    let hiddenByMerging: [Bool]
    /// Linear facts the Annex 1 rules give about each atom (a 先进级 factory built at
    /// least 10 scenarios at 先进级 or above), with every other attribute held at its
    /// true counts: a reader who knows less has more tables to choose from, so these
    /// only ever make the audit stricter. The protection leaves them out (a table it finds
    /// proves something only if it keeps them).
    let rules: [RuleRow]

    /// Which figures (this release's and earlier ones) hold each unknown: to tell whether a
    /// change moves anything a reader sees.
    func containment() -> (figures: [[Int]], earlier: [[Int]]) {
        var figures = [[Int]](repeating: [], count: variableCount), earlier = figures
        for (index, terms) in self.figures.enumerated() { for term in terms { figures[term].append(index) } }
        for (index, figure) in self.earlier.enumerated() { for term in figure.terms { earlier[term].append(index) } }
        return (figures, earlier)
    }

    /// Whether a table that differs from the truth by `change` shows a reader exactly what
    /// the truth shows: every figure, now and before, the same; every unknown within
    /// 0…size and zero where everyone knows it is; every rule bound kept.
    func isInvisible(_ change: [Int: Int], _ containment: (figures: [[Int]], earlier: [[Int]])) -> Bool {
        var figureChange: [Int: Int] = [:], earlierChange: [Int: Int] = [:]
        for (variable, amount) in change where amount != 0 {
            let value = truth[variable] + amount
            if structuralZero[variable] || value < 0 || value > atomSizes[atom(of: variable)] { return false }
            for figure in containment.figures[variable] { figureChange[figure, default: 0] += amount }
            for figure in containment.earlier[variable] { earlierChange[figure, default: 0] += amount }
        }
        return figureChange.values.allSatisfy { $0 == 0 } && earlierChange.values.allSatisfy { $0 == 0 }
            && keepsRules(change)
    }

    /// Whether a table that differs from the truth by `change` keeps every rule bound.
    func keepsRules(_ change: [Int: Int]) -> Bool {
        rules.allSatisfy { rule in
            let value = rule.terms.reduce(0) { $0 + truth[$1] + (change[$1] ?? 0) }
            return rule.lower.map { value >= $0 } ?? true && rule.upper.map { value <= $0 } ?? true
        }
    }

    func variable(atom: Int, value: Int) -> Int { atom * valueCount + value }
    func atom(of variable: Int) -> Int { variable / valueCount }
    func sum(_ terms: [Int]) -> Int { terms.reduce(0) { $0 + truth[$1] } }
    var variableCount: Int { truth.count }

    /// The largest value a sum can take: every atom it touches, whole.
    func limit(_ terms: [Int]) -> Int {
        var atoms = Set<Int>()
        for term in terms { atoms.insert(atom(of: term)) }
        return atoms.reduce(0) { $0 + atomSizes[$1] }
    }

    /// What a reader knows of a figure of this release: its value when published, its
    /// mark's range when withheld.
    func bounds(figure: Int, _ state: Withholding?) -> (low: Int, high: Int) {
        let truth = sum(figures[figure])
        switch state {
        case nil: return (truth, truth)
        case .primary?: return (1, k - 1)
        case .secondary?: return (k, limit(figures[figure]))
        }
    }

    /// What a reader knows of a figure of an earlier release. A withheld one carried the
    /// mark its size gives; a withheld zero (which earlier versions of portal marked "×")
    /// is taken as known, which can only make the audit stricter.
    func bounds(earlier index: Int) -> (low: Int, high: Int) {
        let figure = earlier[index]
        if let published = figure.published { return (published, published) }
        let truth = sum(figure.terms)
        if truth == 0 { return (0, 0) }
        return (1..<k).contains(truth) ? (1, k - 1) : (k, limit(figure.terms))
    }
}

/// `lower ≤ Σ terms ≤ upper` over one attribute's unknowns.
struct RuleRow: Sendable, Equatable {
    let terms: [Int]
    let lower: Int?
    let upper: Int?
}

/// Why a figure is not published.
public enum Withholding: Sendable, Equatable {
    /// It counts from 1 to k−1 assessments ("<k").
    case primary
    /// It counts k or more, and is withheld so that a primary one cannot be worked out ("×").
    case secondary
}

/// The outcome of protecting one `LinkedCounts`: which figures are withheld, and the
/// audit of the result.
struct Protection: Sendable {
    /// Per figure of this release: nil when published.
    var withheld: [Withholding?]
    var audit: Audit

    struct Audit: Sendable {
        /// Each audited sum: what it is, its true value, what a reader can narrow it to.
        var intervals: [Interval] = []
        /// The sums narrower than their mark allows (empty: the release may be published).
        var failures: [Target] = []
        /// Sums narrower only with the rule bounds, which hold every other attribute at its
        /// truth: the joint model of the linked attributes decides them.
        var ruleOnly: [Target] = []
        var linearPrograms = 0
        var integerPrograms = 0
    }

    struct Interval: Sendable {
        let target: Target
        let truth: Int
        let low: Int
        let high: Int
    }
}

struct Target: Hashable, Sendable, Comparable {
    enum Kind: Int, Hashable, Sendable { case figure, earlier, hidden }
    let kind: Kind
    let index: Int

    static func < (a: Target, b: Target) -> Bool { (a.kind.rawValue, a.index) < (b.kind.rawValue, b.index) }
}

/// How far a sum must be able to move from its true value, each way, in tables a reader
/// cannot rule out.
enum Requirement: Equatable {
    /// A "<k" figure: exactly from 1 to k−1 (its mark's whole range).
    case wholeRange(low: Int, high: Int)
    /// A "×" figure: not pinned to one value.
    case notPinned
    /// A small sum no mark covers: at least as uncertain as "<k" (k−2 wide).
    case width(Int)
}
