/// The audit: for every withheld figure of this release, every figure earlier releases
/// withheld, and every small sum a reader could form, the smallest and largest whole
/// number it can be in a table consistent with everything a reader knows — every
/// published figure now and before, every mark ("<k" is 1 to k−1, "×" is k or more,
/// zeros are real), every atom's size and the Annex 1 rules. A "<k" must range over its
/// whole mark, a "×" over more than one value, a small sum over k−1 values; the build
/// refuses to publish otherwise.
///
/// Whole-number tables the protection found prove how far a sum moves; the rest are
/// solved, first as linear programs, and in whole numbers (GLPK's branch and cut) only
/// where the linear optimum is fractional.
struct Auditor {
    let problem: LinkedCounts
    let withheld: [Withholding?]

    func run(certified: [Target: Reach] = [:]) -> Protection.Audit {
        var audit = Protection.Audit()
        var model: ReaderModel?, withoutRules: ReaderModel?
        for target in targets() {
            let terms = problem.terms(target), truth = problem.sum(terms)
            let requirement = problem.requirement(target, withheld: withheld)
            if let seen = certified[target],
                Self.meets(requirement, low: truth - seen.down, high: truth + seen.up, truth: truth)
            {
                audit.intervals.append(
                    Protection.Interval(target: target, truth: truth, low: truth - seen.down, high: truth + seen.up))
                continue
            }
            let reader = model ?? ReaderModel(problem, withheld: withheld, rules: true)
            model = reader
            let (low, high) = reader.range(of: terms, requirement: requirement, audit: &audit)
            audit.intervals.append(Protection.Interval(target: target, truth: truth, low: low, high: high))
            guard !Self.meets(requirement, low: low, high: high, truth: truth) else { continue }
            // Narrow only with the rule bounds (every other attribute at its truth): the
            // joint model of the linked attributes decides (`JointAudit`).
            if !problem.rules.isEmpty {
                let unruled = withoutRules ?? ReaderModel(problem, withheld: withheld, rules: false)
                withoutRules = unruled
                let (free, wide) = unruled.range(of: terms, requirement: requirement, audit: &audit)
                if Self.meets(requirement, low: free, high: wide, truth: truth) {
                    audit.ruleOnly.append(target); continue
                }
            }
            audit.failures.append(target)
        }
        return audit
    }

    /// The narrowest interval a reader can prove for Σ terms from what is published.
    func range(of terms: [Int]) -> (low: Int, high: Int) {
        var audit = Protection.Audit()
        return ReaderModel(problem, withheld: withheld, rules: true).range(of: terms, requirement: nil, audit: &audit)
    }

    /// Withheld figures of this release and of earlier ones, then small hidden sums.
    private func targets() -> [Target] {
        var targets: [Target] = []
        for (index, state) in withheld.enumerated() where state != nil {
            targets.append(Target(kind: .figure, index: index))
        }
        for index in problem.earlier.indices where problem.earlier[index].published == nil {
            let bounds = problem.bounds(earlier: index)
            if bounds.low < bounds.high { targets.append(Target(kind: .earlier, index: index)) }
        }
        for (index, terms) in problem.hidden.enumerated() where (1..<problem.k).contains(problem.sum(terms)) {
            targets.append(Target(kind: .hidden, index: index))
        }
        return targets
    }

    static func meets(_ requirement: Requirement, low: Int, high: Int, truth: Int) -> Bool {
        switch requirement {
        case .wholeRange(let least, let most): return low <= least && high >= most
        case .notPinned: return high > low
        case .width(let width): return high - low >= width
        }
    }
}

/// Every table a reader cannot rule out, as one program: unknowns within 0…size (zero
/// where the standard says so), atom sizes, every published figure of this release and
/// earlier ones, every withheld one within its mark, and (if asked) the rule bounds.
struct ReaderModel {
    let problem: LinkedCounts
    let program: LinearProgram
    /// Where this problem's unknowns start among the program's variables.
    let offset: Int

    init(_ problem: LinkedCounts, withheld: [Withholding?], rules: Bool) {
        self.problem = problem
        offset = 0
        program = LinearProgram(lower: Self.lower(problem), upper: Self.upper(problem))
        Self.addRows(problem, withheld: withheld, rules: rules, to: program, offset: 0)
    }

    init(_ problem: LinkedCounts, in program: LinearProgram, offset: Int) {
        (self.problem, self.program, self.offset) = (problem, program, offset)
    }

    static func lower(_ problem: LinkedCounts) -> [Double?] { [Double?](repeating: 0, count: problem.variableCount) }

    static func upper(_ problem: LinkedCounts) -> [Double?] {
        (0..<problem.variableCount).map {
            problem.structuralZero[$0] ? 0 : Double(problem.atomSizes[problem.atom(of: $0)])
        }
    }

    /// Adds one problem's rows, its unknowns numbered from `offset`.
    static func addRows(
        _ problem: LinkedCounts, withheld: [Withholding?], rules: Bool, to program: LinearProgram, offset: Int
    ) {
        func terms(_ list: [Int]) -> [LinearProgram.Term] { list.map { ($0 + offset, 1.0) } }
        for (atom, size) in problem.atomSizes.enumerated() {
            program.addRow(
                terms((0..<problem.valueCount).map { problem.variable(atom: atom, value: $0) }), lower: Double(size),
                upper: Double(size))
        }
        for (index, list) in problem.figures.enumerated() {
            let bounds = problem.bounds(figure: index, withheld[index])
            program.addRow(terms(list), lower: Double(bounds.low), upper: Double(bounds.high))
        }
        for index in problem.earlier.indices {
            let bounds = problem.bounds(earlier: index)
            program.addRow(terms(problem.earlier[index].terms), lower: Double(bounds.low), upper: Double(bounds.high))
        }
        guard rules else { return }
        for rule in problem.rules {
            program.addRow(terms(rule.terms), lower: rule.lower.map(Double.init), upper: rule.upper.map(Double.init))
        }
    }

    /// The smallest and largest whole value of Σ terms. With a requirement, stops early
    /// once the linear bound alone shows it is not met.
    func range(of terms: [Int], requirement: Requirement?, audit: inout Protection.Audit) -> (low: Int, high: Int) {
        let truth = problem.sum(terms)
        guard let low = extreme(terms, maximise: false, audit: &audit) else { return (truth, truth) }
        if case .wholeRange(let least, _)? = requirement, low > least { return (low, truth) }
        guard let high = extreme(terms, maximise: true, audit: &audit) else { return (truth, truth) }
        return (low, high)
    }

    private func extreme(_ terms: [Int], maximise: Bool, audit: inout Protection.Audit) -> Int? {
        let objective = terms.map { ($0 + offset, 1.0) }
        let all = 0..<program.variables
        audit.linearPrograms += 1
        guard case .optimal(let relaxed) = program.solve(objective, maximise: maximise) else { return nil }
        if program.isIntegral(all) { return Int(relaxed.rounded()) }
        audit.integerPrograms += 1
        guard case .optimal(let whole) = program.solveInteger(objective, maximise: maximise, integer: all) else {
            return nil
        }
        return Int(whole.rounded())
    }
}
