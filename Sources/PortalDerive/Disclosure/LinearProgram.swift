import CGLPK

/// A linear program over GLPK's simplex (Debian's libglpk): variables with bounds, rows
/// of linear constraints, then any number of objectives solved on the same problem, each
/// starting from the previous basis. GLPK keeps its environment per thread, so separate
/// programs may be solved on separate threads.
///
/// Why GLPK: it is a well-kept, exact-enough simplex and MIP solver that Debian packages
/// as a plain C library (like cmark-gfm and libcrypto here), so it links without a
/// package build of its own; HiGHS is only on PyPI, and the test suite uses it through
/// scipy as an independent second opinion.
final class LinearProgram {
    typealias Term = (variable: Int, coefficient: Double)

    private let problem: OpaquePointer
    let variables: Int
    private var rows: Int32 = 0
    private var solvedOnce = false

    /// Variables numbered 0..<count, each in [lower, upper] (nil: unbounded that way).
    init(lower: [Double?], upper: [Double?]) {
        precondition(lower.count == upper.count)
        glp_term_out(GLP_OFF)
        problem = glp_create_prob()
        variables = lower.count
        if variables > 0 { glp_add_cols(problem, Int32(variables)) }
        for index in 0..<variables {
            Self.bound(lower[index], upper[index]) { type, low, high in
                glp_set_col_bnds(problem, Int32(index + 1), type, low, high)
            }
        }
    }

    deinit { glp_delete_prob(problem) }

    private static func bound(_ lower: Double?, _ upper: Double?, _ set: (Int32, Double, Double) -> Void) {
        switch (lower, upper) {
        case (nil, nil): set(GLP_FR, 0, 0)
        case (let low?, nil): set(GLP_LO, low, 0)
        case (nil, let high?): set(GLP_UP, 0, high)
        case (let low?, let high?): set(low == high ? GLP_FX : GLP_DB, low, high)
        }
    }

    /// Adds `lower ≤ Σ terms ≤ upper`; returns the row's number for `setRow`.
    @discardableResult
    func addRow(_ terms: [Term], lower: Double?, upper: Double?) -> Int32 {
        glp_add_rows(problem, 1)
        rows += 1
        setRow(rows, terms, lower: lower, upper: upper)
        return rows
    }

    /// Replaces a row's terms and bounds.
    func setRow(_ row: Int32, _ terms: [Term], lower: Double?, upper: Double?) {
        // GLPK's arrays are 1-based: element 0 is ignored.
        var indices: [Int32] = [0] + terms.map { Int32($0.variable + 1) }
        var values: [Double] = [0] + terms.map(\.coefficient)
        glp_set_mat_row(problem, row, Int32(terms.count), &indices, &values)
        Self.bound(lower, upper) { type, low, high in glp_set_row_bnds(problem, row, type, low, high) }
    }

    enum Outcome: Equatable {
        case optimal(Double)
        case infeasible
        case unbounded
    }

    /// Minimises or maximises `objective`; the solution stays readable through `value(of:)`.
    /// `dual`: start with the dual simplex — faster when only bounds and costs changed
    /// since the last solve (the protection model), as the old basis stays dual feasible.
    func solve(_ objective: [Term], maximise: Bool, dual: Bool = false) -> Outcome {
        for index in 0..<variables { glp_set_obj_coef(problem, Int32(index + 1), 0) }
        for term in objective {
            glp_set_obj_coef(
                problem, Int32(term.variable + 1),
                glp_get_obj_coef(problem, Int32(term.variable + 1)) + term.coefficient)
        }
        glp_set_obj_dir(problem, maximise ? GLP_MAX : GLP_MIN)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        if dual { parameters.meth = GLP_DUALP }
        // The first solve goes through the presolver (it finds infeasibility fast); later
        // ones start from the last basis, which is where the speed of many objectives on
        // one problem comes from.
        parameters.presolve = solvedOnce ? GLP_OFF : GLP_ON
        var code = glp_simplex(problem, &parameters)
        if code != 0 && parameters.presolve == GLP_OFF {
            glp_adv_basis(problem, 0)
            code = glp_simplex(problem, &parameters)
        }
        if code == GLP_ENOPFS { return .infeasible }
        if code == GLP_ENODFS { return .unbounded }
        if code != 0 {
            // A numerical failure: solve again from scratch with the presolver.
            parameters.presolve = GLP_ON
            glp_std_basis(problem)
            code = glp_simplex(problem, &parameters)
            if code == GLP_ENOPFS { return .infeasible }
            if code == GLP_ENODFS { return .unbounded }
        }
        solvedOnce = true
        switch glp_get_status(problem) {
        case GLP_OPT: return .optimal(glp_get_obj_val(problem))
        case GLP_UNBND: return .unbounded
        default: return .infeasible
        }
    }

    func value(of variable: Int) -> Double { glp_get_col_prim(problem, Int32(variable + 1)) }

    /// Whether the last `solve` left every variable of `variables` at a whole number: then
    /// its optimum is also the optimum over whole numbers, and no integer program is needed.
    func isIntegral(_ variables: Range<Int>) -> Bool {
        variables.allSatisfy { variable in
            let value = self.value(of: variable)
            return abs(value - value.rounded()) < 1e-6
        }
    }

    /// Optimises `objective` over whole numbers of `variables` (GLPK's branch and cut;
    /// counts are whole, so a reader solving for them may insist on it). The relaxation is
    /// solved first; the others stay continuous.
    func solveInteger(_ objective: [Term], maximise: Bool, integer variables: Range<Int>) -> Outcome {
        switch solve(objective, maximise: maximise) {
        case .optimal: break
        case let other: return other
        }
        for variable in variables { glp_set_col_kind(problem, Int32(variable + 1), GLP_IV) }
        defer { for variable in variables { glp_set_col_kind(problem, Int32(variable + 1), GLP_CV) } }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_ON
        let code = glp_intopt(problem, &parameters)
        guard code == 0 || code == GLP_ENOPFS || code == GLP_ENODFS else { return .infeasible }
        switch glp_mip_status(problem) {
        case GLP_OPT: return .optimal(glp_mip_obj_val(problem))
        case GLP_UNBND: return .unbounded
        default: return .infeasible
        }
    }
}
