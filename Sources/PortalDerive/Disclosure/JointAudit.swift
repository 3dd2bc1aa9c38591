/// The audit of what the Annex 1 rules link: the scenarios, maturity and the derived tier
/// of each atom, as one program. Each attribute's own audit holds every other attribute at
/// its true counts, which a reader does not know; a sum that is narrow only there is
/// checked here, where the other attributes may be anything their published figures
/// allow — exactly what a reader who adds the rules to every published equation can do.
struct JointAudit {
    /// Per attribute: its problem, its pattern, and the sums its own audit left to this one.
    let problems: [(problem: LinkedCounts, withheld: [Withholding?], pending: [Target])]
    let rows: [RuleFacts.Row]

    /// The attributes (positions) with a pending sum still too narrow here.
    func failing(linearPrograms: inout Int, integerPrograms: inout Int) -> [Int] {
        guard problems.contains(where: { !$0.pending.isEmpty }) else { return [] }
        // The attributes the rules link, each taking its unknowns' room in the program in
        // order; every term of a rule names a linked attribute, so its start is set.
        let linked = Set(rows.flatMap { $0.terms.map(\.attribute) })
        var start = [Int](repeating: 0, count: problems.count), lower: [Double?] = [], upper: [Double?] = []
        for attribute in problems.indices where linked.contains(attribute) {
            start[attribute] = lower.count
            lower += ReaderModel.lower(problems[attribute].problem)
            upper += ReaderModel.upper(problems[attribute].problem)
        }
        let program = LinearProgram(lower: lower, upper: upper)
        for attribute in problems.indices where linked.contains(attribute) {
            ReaderModel.addRows(
                problems[attribute].problem, withheld: problems[attribute].withheld, rules: false,
                to: program, offset: start[attribute])
        }
        for row in rows {
            program.addRow(
                row.terms.map { (start[$0.attribute] + $0.variable, Double($0.coefficient)) },
                lower: Double(row.lower), upper: nil)
        }
        var failing: [Int] = []
        for (attribute, entry) in problems.enumerated() where !entry.pending.isEmpty {
            guard linked.contains(attribute) else { failing.append(attribute); continue }
            let model = ReaderModel(entry.problem, in: program, offset: start[attribute])
            var audit = Protection.Audit()
            for target in entry.pending {
                let terms = entry.problem.terms(target), truth = entry.problem.sum(terms)
                let requirement = entry.problem.requirement(target, withheld: entry.withheld)
                let (low, high) = model.range(of: terms, requirement: requirement, audit: &audit)
                if !Auditor.meets(requirement, low: low, high: high, truth: truth) { failing.append(attribute); break }
            }
            linearPrograms += audit.linearPrograms
            integerPrograms += audit.integerPrograms
        }
        return failing
    }
}
