import PortalModel

extension OutcomeRelease.Headlines {
    /// Step 9: the headline ranges, as a reader proves them from the published figures
    /// with the audit's own model.
    init(_ protected: ProtectedAttributes, given: ReleaseAttributes, cohorts: [OutcomeRelease.Cohort]) {
        let layout = given.context.layout, tierGroups = given.context.tierGroups
        let tier = given.attributes.firstIndex { $0.kind == .tier }
        let year = given.attributes.firstIndex { $0.kind == .year }
        self.init(
            atOrAbove: tier.map {
                Self.atOrAbove(
                    protected.outcomes[$0], values: given.attributes[$0].values.count,
                    layout: layout, tiers: tierGroups.tiers.count)
            } ?? [],
            lowestTierByYear: given.context.scheme.usesYear
                ? Self.lowestTierByYear(cohorts: cohorts, tierGroups: tierGroups, years: given.years)
                : year.map {
                    Self.lowestTierByYear(
                        protected.outcomes[$0], values: given.attributes[$0].values.count,
                        layout: layout, tierGroups: tierGroups, years: given.years)
                } ?? [])
    }

    /// Per tier (lowest first): enterprises at it or above, province-wide.
    private static func atOrAbove(
        _ outcome: AttributeRelease.Outcome, values: Int, layout: ReleaseLayout,
        tiers: Int
    ) -> [ClosedRange<Int>] {
        let auditor = Auditor(problem: outcome.problem, withheld: outcome.protection.withheld)
        return (1...max(tiers, 1)).map { column in
            let terms = layout.atomSizes.indices.flatMap { atom in (column..<values).map { atom * values + $0 } }
            let range = auditor.range(of: terms)
            return range.low...max(range.low, range.high)
        }
    }

    /// Tier groups wholly at the lowest tier or above count for sure; groups holding
    /// both count at most.
    private static func sureAndMaybe(_ tierGroups: TierGroups) -> (sure: Set<Int>, maybe: Set<Int>) {
        (
            sure: Set(tierGroups.groups.indices.filter { !tierGroups.groups[$0].contains(0) }),
            maybe: Set(tierGroups.groups.indices.filter { tierGroups.groups[$0].contains { $0 > 0 } })
        )
    }

    /// By year, where cohorts are split by year: their sizes.
    private static func lowestTierByYear(
        cohorts: [OutcomeRelease.Cohort], tierGroups: TierGroups,
        years: [Int]
    ) -> [(year: Int, count: ClosedRange<Int>)] {
        let groups = sureAndMaybe(tierGroups)
        return years.map { year in
            let low = cohorts.filter { $0.year == year && groups.sure.contains($0.group) }.reduce(0) { $0 + $1.size }
            let high = cohorts.filter { $0.year == year && groups.maybe.contains($0.group) }.reduce(0) { $0 + $1.size }
            return (year, low...high)
        }
    }

    /// By year, where year is an attribute: what its published figures prove.
    private static func lowestTierByYear(
        _ outcome: AttributeRelease.Outcome, values: Int, layout: ReleaseLayout,
        tierGroups: TierGroups,
        years: [Int]
    ) -> [(year: Int, count: ClosedRange<Int>)] {
        let groups = sureAndMaybe(tierGroups)
        let auditor = Auditor(problem: outcome.problem, withheld: outcome.protection.withheld)
        return years.enumerated().map { value, year in
            func terms(_ chosen: Set<Int>) -> [Int] {
                layout.atomSizes.indices.filter { chosen.contains(layout.cohortKeys[layout.atomCohort[$0]].group) }
                    .map { $0 * values + value }
            }
            let low = auditor.range(of: terms(groups.sure)).low, high = auditor.range(of: terms(groups.maybe)).high
            return (year, low...max(low, high))
        }
    }
}
