/// One attribute's counts as the site publishes them, with everything a reader can link
/// them to: the problem the disclosure control solves and audits.
///
/// The unknowns are the counts of the finest groups a reader can tell apart ("atoms":
/// the records of one cohort first published in one release) at each value of the
/// attribute. Their sizes are public (cohort sizes are published, and the attacker knows
/// who was assessed when). Every published figure — a cohort's count at a value, a tier
/// group's, the total's, in this release or an earlier one — is a sum of such unknowns.
struct LinkedCounts: Sendable {
    let k: Int
    let atomSizes: [Int]
    let valueCount: Int
    /// The true count of every unknown (atom × value, atom-major).
    let truth: [Int]
    /// Unknowns everyone knows to be zero (a scenario cannot be built at a tier the
    /// standard does not define): fixed, never a source of protection.
    let structuralZero: [Bool]
    /// This release's figures, each a sum of unknowns.
    let figures: [[Int]]
    /// Figures of earlier releases with the value they published (nil: withheld then).
    let earlier: [(terms: [Int], published: Int?)]
    /// Sums a reader can form by differencing (an atom of a cohort published over
    /// several releases), which must be protected like withheld figures when small.
    let hidden: [[Int]]

    func variable(atom: Int, value: Int) -> Int { atom * valueCount + value }
    func atom(of variable: Int) -> Int { variable / valueCount }
    func sum(_ terms: [Int]) -> Int { terms.reduce(0) { $0 + truth[$1] } }
    var variableCount: Int { truth.count }
}

/// Why a figure is not published.
public enum Withholding: Sendable, Equatable {
    /// It counts from 1 to k−1 assessments.
    case primary
    /// It would let a reader work out a primary one (complementary suppression).
    case secondary
}

/// The outcome of protecting one `LinkedCounts`: which figures are withheld, and the
/// audit of the result.
struct Protection: Sendable {
    /// Per figure of this release: nil when published.
    var withheld: [Withholding?]
    /// Per withheld figure (and protected hidden sum, and earlier withheld figure): the
    /// narrowest interval a reader can prove from everything published, by LP.
    var audit: Audit

    struct Audit: Sendable {
        /// Each audited sum: what it is, its true value, its feasible interval.
        var intervals: [(kind: Target.Kind, index: Int, truth: Int, low: Double, high: Double)]
        var failures: Int
        var linearPrograms: Int
    }
}

struct Target: Hashable {
    enum Kind: Hashable, Sendable { case figure, earlier, hidden }
    let kind: Kind
    let index: Int
}
