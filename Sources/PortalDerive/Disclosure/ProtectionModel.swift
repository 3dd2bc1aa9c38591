/// The linear programs behind the protection: the whole problem's, and each block's
/// (one tier group's atoms, everything outside held as it is), each made when a target
/// first needs it.
struct Solver {
    let problem: LinkedCounts
    let blocks: [[Int]]
    private let blockOfAtom: [Int]
    private let initial: [Withholding?]
    private var whole: ProtectionModel?
    private var blockModels: [Int: ProtectionModel] = [:]

    init(problem: LinkedCounts, blocks: [[Int]], initial: [Withholding?]) {
        self.problem = problem
        self.blocks = blocks
        self.initial = initial
        var blockOfAtom = [Int](repeating: -1, count: problem.atomSizes.count)
        for (index, atoms) in blocks.enumerated() { for atom in atoms { blockOfAtom[atom] = index } }
        self.blockOfAtom = blockOfAtom
    }

    /// The cheapest table found that moves the sum of `terms` by at least `amount` (down
    /// when negative): in the target's own tier group first, then in the whole problem.
    mutating func cheapestChange(moving terms: [Int], by amount: Int, withheld: [Withholding?]) -> FoundChange? {
        let home = Set(terms.map { blockOfAtom[problem.atom(of: $0)] })
        if home.count == 1, let block = home.first, block >= 0 {
            let model = blockModels[block] ?? ProtectionModel(problem, atoms: blocks[block], initial: initial)
            blockModels[block] = model
            if let found = model.cheapest(moving: terms, by: amount, withheld: withheld) { return found }
        }
        let model = whole ?? ProtectionModel(problem, atoms: nil, initial: initial)
        whole = model
        return model.cheapest(moving: terms, by: amount, withheld: withheld)
    }
}

/// A table the solver found: how it differs from the truth, and which figures that moves.
struct FoundChange {
    /// Per unknown (global index) that moves, by how much.
    let change: [Int: Double]
    /// This release's figures whose sum moves.
    let changed: [Int]

    /// The change in whole numbers, when it is one: only then is it a proof.
    var wholeChange: [Int: Int]? {
        var whole: [Int: Int] = [:]
        for (variable, amount) in change {
            let rounded = amount.rounded()
            guard abs(amount - rounded) < 1e-6 else { return nil }
            if rounded != 0 { whole[variable] = Int(rounded) }
        }
        return whole
    }
}

/// The LP of one protection step over some atoms (all of them, or one block): changes to
/// the unknowns that keep every atom's size, every published figure (of this release and
/// earlier ones) that may not move and every withheld figure inside what its mark says;
/// that move the target as asked; and that change as little of what is
/// published as they can, weighted by cost. A published figure they change is withheld
/// next, so it must stay within what "×" says (k or more).
final class ProtectionModel {
    private let problem: LinkedCounts
    /// Global unknown of each local one; local index of each global one (−1: outside).
    private let variables: [Int]
    private let localOf: [Int]
    /// Figures that may be given up, entirely inside: (global figure, its change column).
    private let candidates: [(figure: Int, column: Int)]
    private let program: LinearProgram
    private let targetRow: Int32

    /// `atoms`: the block's atoms (nil: every atom). `initial`: which figures are "<k"
    /// from the start (their rows keep their mark's range).
    init(_ problem: LinkedCounts, atoms: [Int]?, initial: [Withholding?]) {
        self.problem = problem
        let atomList = atoms ?? Array(problem.atomSizes.indices)
        let values = problem.valueCount
        variables = atomList.flatMap { atom in (0..<values).map { problem.variable(atom: atom, value: $0) } }
        var localOf = [Int](repeating: -1, count: problem.variableCount)
        for (local, global) in variables.enumerated() { localOf[global] = local }
        self.localOf = localOf
        var lower: [Double?] = [], upper: [Double?] = []
        for global in variables {
            let truth = Double(problem.truth[global]), size = Double(problem.atomSizes[problem.atom(of: global)])
            if problem.structuralZero[global] {
                lower.append(0); upper.append(0)
            } else {
                lower.append(-truth); upper.append(size - truth)
            }
        }
        // A change column per figure that may be given up, entirely inside.
        var candidates: [(Int, Int)] = []
        var fullyInside = [Bool](repeating: false, count: problem.figures.count)
        for (index, terms) in problem.figures.enumerated() {
            fullyInside[index] = !terms.isEmpty && terms.allSatisfy { localOf[$0] >= 0 }
            if fullyInside[index] && problem.mayProtect[index] && initial[index] == nil {
                candidates.append((index, lower.count))
                lower.append(0)
                upper.append(nil)
            }
        }
        self.candidates = candidates
        program = LinearProgram(lower: lower, upper: upper)
        func local(_ terms: [Int]) -> [LinearProgram.Term] {
            terms.compactMap { localOf[$0] >= 0 ? (localOf[$0], 1.0) : nil }
        }
        for atom in atomList {
            program.addRow(
                (0..<values).map { (localOf[problem.variable(atom: atom, value: $0)], 1.0) }, lower: 0, upper: 0)
        }
        // Every figure touching these atoms: held (partly outside, or fixed), kept within
        // its mark ("<k"), or kept at k or more should it move ("×" next).
        for (index, terms) in problem.figures.enumerated() {
            let inside = local(terms)
            guard !inside.isEmpty else { continue }
            let truth = Double(problem.sum(terms))
            if !fullyInside[index] || (initial[index] == nil && !problem.mayProtect[index]) {
                program.addRow(inside, lower: 0, upper: 0)
            } else {
                let bounds = problem.bounds(figure: index, initial[index] ?? .secondary)
                program.addRow(inside, lower: Double(bounds.low) - truth, upper: Double(bounds.high) - truth)
            }
        }
        for (index, figure) in problem.earlier.enumerated() {
            let inside = local(figure.terms)
            guard !inside.isEmpty else { continue }
            if inside.count < figure.terms.count { program.addRow(inside, lower: 0, upper: 0); continue }
            let bounds = problem.bounds(earlier: index), truth = Double(problem.sum(figure.terms))
            program.addRow(inside, lower: Double(bounds.low) - truth, upper: Double(bounds.high) - truth)
        }
        // t ≥ |Σ change| of each candidate, as two rows.
        for (figure, column) in candidates {
            let terms = local(problem.figures[figure])
            program.addRow([(column, 1.0)] + terms.map { ($0.variable, -1.0) }, lower: 0, upper: nil)
            program.addRow([(column, 1.0)] + terms.map { ($0.variable, 1.0) }, lower: 0, upper: nil)
        }
        targetRow = program.addRow([], lower: nil, upper: nil)
    }

    /// The cheapest change that moves the sum of `terms` (all inside) by at least
    /// `amount`, or nil when no table consistent with what is held does.
    func cheapest(moving terms: [Int], by amount: Int, withheld: [Withholding?]) -> FoundChange? {
        guard terms.allSatisfy({ localOf[$0] >= 0 }) else { return nil }
        program.setRow(
            targetRow, terms.map { (localOf[$0], 1.0) },
            lower: amount > 0 ? Double(amount) : nil, upper: amount > 0 ? nil : Double(amount))
        let objective = candidates.compactMap { figure, column in
            withheld[figure] == nil ? (column, problem.cost[figure]) : nil
        }
        guard case .optimal = program.solve(objective, maximise: false, dual: true) else { return nil }
        var change: [Int: Double] = [:]
        for (local, global) in variables.enumerated() {
            let value = program.value(of: local)
            if abs(value) > 1e-9 { change[global] = value }
        }
        let changed = candidates.compactMap { figure, _ -> Int? in
            let moved = problem.figures[figure].reduce(0.0) { $0 + (change[$1] ?? 0) }
            return abs(moved) > 1e-6 ? figure : nil
        }
        return FoundChange(change: change, changed: changed)
    }
}
