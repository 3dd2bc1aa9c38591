import PortalModel

/// Each record's cohort: its tier group (by its derived tier) crossed with the place,
/// sector and year the series' scheme splits by, and the cohort's slug (its key in the
/// ledger and its URL). Cohorts are numbered as they are first met, so a record's cohort,
/// and the cohort's key and slug, are found by position: none can be missing.
struct CohortAssignment {
    /// The cohorts, in the order first met, and their slugs.
    let keys: [CohortKey]
    let slugs: [String]
    /// Per record: its cohort's number (into `keys` and `slugs`).
    let cohortOf: [Int]

    init(_ records: DerivedRecords, series: ReleaseSeries, framework: Framework) {
        var numberOf: [CohortKey: Int] = [:], keys: [CohortKey] = [], cohortOf: [Int] = []
        cohortOf.reserveCapacity(records.records.count)
        for record in records.records.indices {
            let group = series.tierGroups.group(ofColumn: records.derivedColumns[record])
            let key = series.scheme.key(record, records.quasi, group: group)
            if let number = numberOf[key] { cohortOf.append(number); continue }
            numberOf[key] = keys.count
            cohortOf.append(keys.count)
            keys.append(key)
        }
        self.keys = keys
        self.cohortOf = cohortOf
        slugs = keys.map {
            OutcomeRelease.slug($0, scheme: series.scheme, series.tierGroups, records.quasi, framework: framework)
        }
    }

    /// Per record: its cohort's slug.
    var slugOf: [String] { cohortOf.map { slugs[$0] } }
}
