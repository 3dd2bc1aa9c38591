import PortalModel

/// What the Annex 1 rules tell a reader about the members of a tier group, as linear
/// facts about each atom: every member at tier T built at least T's minimum of scenarios
/// defined at T, at T or above; covered each of T's required areas; and reached T's
/// maturity. A reader may add these to the published equations, so the audit does too.
///
/// Each fact links attributes (the scenarios, maturity, the derived tier): it is a row
/// of the joint model (`JointAudit`). In the model of one attribute it becomes a bound
/// with every other attribute held at its true counts — a reader who does not know those
/// has more tables to choose from, so a figure that stays uncertain there stays so for
/// him; one that does not is checked again in the joint model.
struct RuleFacts {
    let standard: Standard
    let tierGroups: TierGroups
    /// Per atom: its tier group.
    let groupOfAtom: [Int]
    let atomSizes: [Int]

    /// The true counts of an attribute, atom-major, and its number of values.
    typealias Counts = (truth: [Int], values: Int)

    /// Σ coefficient × unknown ≥ lower, over unknowns of several attributes.
    struct Row: Sendable {
        let terms: [(attribute: Int, variable: Int, coefficient: Int)]
        let lower: Int
    }

    /// Values of maturity no member of a tier group can have (below the lowest minimum
    /// of its tiers): zeros everyone knows.
    func impossibleMaturity(group: Int) -> Set<Int> {
        let columns = tierGroups.groups[group]
        guard !columns.contains(0) else { return [] }
        let least = columns.map { standard.framework.tiers[$0 - 1].minMaturity ?? 1 }.min() ?? 1
        return Set(0..<max(least - 1, 0))
    }

    /// The facts of every atom, over the attributes they link.
    func rows(attributes: [Attribute], counts: [Counts]) -> [Row] {
        guard let tierPosition = attributes.firstIndex(where: { $0.kind == .tier }) else { return [] }
        let maturityPosition = attributes.firstIndex { $0.kind == .maturity }
        let scenarioPositions = attributes.indices.compactMap { position -> (Int, Scenario)? in
            guard case .scenario(let no) = attributes[position].kind,
                let scenario = standard.scenarios.first(where: { $0.no == no })
            else { return nil }
            return (position, scenario)
        }
        let areaOf = Dictionary(standard.framework.segments.map { ($0.name, $0.area) }, uniquingKeysWith: { a, _ in a })
        let tierValues = counts[tierPosition].values
        var rows: [Row] = []
        for atom in atomSizes.indices {
            let columns = tierGroups.groups[groupOfAtom[atom]].filter { $0 > 0 }
            for column in columns {
                let rule = standard.framework.tiers[column - 1]
                let members = (attribute: tierPosition, variable: atom * tierValues + column, coefficient: 0)
                // Scenarios counted toward the tier: defined at it, built at it or above.
                let counted = scenarioPositions.filter { $0.1.text(at: rule.id) != nil }
                func built(_ positions: [(Int, Scenario)]) -> [(attribute: Int, variable: Int, coefficient: Int)] {
                    positions.flatMap { position, _ in
                        (column..<counts[position].values).map {
                            (attribute: position, variable: atom * counts[position].values + $0, coefficient: 1)
                        }
                    }
                }
                if rule.minScenarios > 0 {
                    rows.append(
                        Row(
                            terms: built(counted) + [(members.attribute, members.variable, -rule.minScenarios)],
                            lower: 0))
                }
                for area in rule.requiredAreas {
                    rows.append(
                        Row(
                            terms: built(counted.filter { areaOf[$0.1.segment] == area }) + [
                                (members.attribute, members.variable, -1)
                            ], lower: 0))
                }
            }
            // Members at tiers with a maturity minimum m have maturity m or more.
            guard let maturityPosition else { continue }
            let levels = counts[maturityPosition].values
            for minimum in Set(columns.compactMap { standard.framework.tiers[$0 - 1].minMaturity }).sorted()
            where minimum > 1 {
                let demanding = columns.filter { (standard.framework.tiers[$0 - 1].minMaturity ?? 0) >= minimum }
                rows.append(
                    Row(
                        terms: ((minimum - 1)..<levels).map { (maturityPosition, atom * levels + $0, 1) }
                            + demanding.map { (tierPosition, atom * tierValues + $0, -1) }, lower: 0))
            }
        }
        return rows
    }

    /// Each fact as a bound on one attribute, every other attribute at its true counts;
    /// bounds that cannot bind are left out. Per attribute position.
    static func bounds(_ rows: [Row], counts: [Counts], attributes: Int, atomSizes: [Int]) -> [[RuleRow]] {
        var bounds = [[RuleRow]](repeating: [], count: attributes)
        for row in rows {
            for attribute in Set(row.terms.map(\.attribute)).sorted() {
                let own = row.terms.filter { $0.attribute == attribute }
                let rest = row.terms.filter { $0.attribute != attribute }.reduce(0) {
                    $0 + $1.coefficient * counts[$1.attribute].truth[$1.variable]
                }
                let coefficient = own[0].coefficient, variables = own.map(\.variable)
                let values = counts[attribute].values
                let limit = Set(variables.map { $0 / values }).reduce(0) { $0 + atomSizes[$1] }
                let needed = row.lower - rest
                if coefficient > 0 {
                    // coefficient × Σ ≥ needed
                    let lower = needed <= 0 ? 0 : (needed + coefficient - 1) / coefficient
                    if lower > 0 { bounds[attribute].append(RuleRow(terms: variables, lower: lower, upper: nil)) }
                } else if coefficient < 0 {
                    // −c × Σ ≥ needed  ⇔  Σ ≤ −needed / c
                    let upper = Int((Double(-needed) / Double(-coefficient)).rounded(.down))
                    if upper < limit {
                        bounds[attribute].append(RuleRow(terms: variables, lower: nil, upper: max(upper, 0)))
                    }
                }
            }
        }
        return bounds
    }
}
