/// Step 5: every attribute protected and audited on its own, then the sums each audit left
/// to the rules (narrow only with the rule bounds of one attribute, every other held at its
/// truth) audited in the joint model of what the Annex 1 rules link (`JointAudit`). An
/// attribute with such a sum still narrow there is protected again, now counting it as a
/// failure, for a few rounds; what is narrow after the last one fails the release.
struct ProtectedAttributes {
    /// Per attribute (in the order of `ReleaseAttributes.attributes`): its release.
    let outcomes: [AttributeRelease.Outcome]
    /// The attributes with a sum still narrow in the joint model after the last round.
    let failingJointly: [Int]
    /// The programs the joint audit solved, in every round.
    let jointLinearPrograms: Int
    let jointIntegerPrograms: Int

    /// How many times attributes are protected again after the first joint audit.
    static let rounds = 4

    init(_ given: ReleaseAttributes) {
        var outcomes = Array(given.attributes.indices).parallelMap { given.protect($0, strictRules: false) }
        var linear = 0, integer = 0, failing: [Int] = []
        for round in 0...Self.rounds {
            let problems = outcomes.map { ($0.problem, $0.protection.withheld, $0.protection.audit.ruleOnly) }
            let audit = JointAudit(problems: problems, rows: given.facts)
            failing = audit.failing(linearPrograms: &linear, integerPrograms: &integer)
            if failing.isEmpty || round == Self.rounds { break }
            let redone = failing.parallelMap { given.protect($0, strictRules: true) }
            for (position, attribute) in failing.enumerated() { outcomes[attribute] = redone[position] }
        }
        self.outcomes = outcomes
        failingJointly = failing
        (jointLinearPrograms, jointIntegerPrograms) = (linear, integer)
    }

    /// Sums the attributes' own audits left to the joint one.
    var leftToJointAudit: Int { outcomes.reduce(0) { $0 + $1.protection.audit.ruleOnly.count } }

    /// Of those, the sums of the attributes still failing jointly.
    var failedJointly: Int { failingJointly.reduce(0) { $0 + outcomes[$1].protection.audit.ruleOnly.count } }
}
