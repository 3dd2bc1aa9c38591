import PortalModel

/// Step 7: the cohorts as published (coordinates, names, sizes) and each tier group's
/// size. Every cohort and every tier group holding anyone holds k or more: the rule every
/// step before keeps, checked once more where it matters, since these are the groups the
/// pages describe one by one.
struct PublishedCohorts {
    let cohorts: [OutcomeRelease.Cohort]
    /// Per tier group: the assessments it holds.
    let groupSizes: [Int]

    init(
        layout: ReleaseLayout, series: ReleaseSeries, quasi: QuasiIdentifiers, standard: Standard, text: UIText,
        folder: String
    ) throws(DiagnosticList) {
        let scheme = series.scheme, tierGroups = series.tierGroups, sizes = layout.cohortSizes
        let cohorts = layout.cohortKeys.enumerated().map { index, key in
            OutcomeRelease.Cohort(
                key: key, slug: layout.cohortSlugs[index],
                name: OutcomeRelease.name(key, scheme: scheme, tierGroups, quasi, standard: standard, text: text),
                group: key.group, size: sizes[index],
                place: key.place < 0 ? nil : scheme.usesCity ? quasi.cityName(key.place) : quasi.partName(key.place),
                sector: key.sector < 0 ? nil : quasi.sectorNames[key.sector], year: key.year < 0 ? nil : key.year)
        }
        var groupSizes = [Int](repeating: 0, count: tierGroups.groups.count)
        for cohort in cohorts { groupSizes[cohort.group] += cohort.size }
        let k = series.k
        guard cohorts.allSatisfy({ $0.size >= k }), groupSizes.allSatisfy({ $0 == 0 || $0 >= k }) else {
            throw DiagnosticList([
                Diagnostic(
                    path: folder, line: 1, column: 1,
                    "a cohort or tier group would describe fewer than k = \(k) assessments: this should not happen; "
                        + "nothing was published, please report it"
                )
            ])
        }
        self.cohorts = cohorts
        self.groupSizes = groupSizes
    }
}
