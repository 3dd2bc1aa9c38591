import PortalModel

extension ReleaseRecord {
    /// Step 8: what this release adds to the ledger, so the next one can be audited with
    /// it: every figure it publishes (nil where withheld), and per cohort the fingerprints
    /// of the assessments it publishes first — no name, code or answer.
    init(
        _ protected: ProtectedAttributes, layout: ReleaseLayout, series: ReleaseSeries, membership: ReleaseMembership,
        key: RecordKey, fingerprints: [String]
    ) {
        var unsorted: [String: [String]] = [:]
        for (position, record) in membership.included.enumerated()
        where membership.includedRelease[position] == layout.current {
            let cohort = layout.cohortSlugs[layout.atomCohort[layout.atomOfRecord[position]]]
            unsorted[cohort, default: []].append(fingerprints[record])
        }
        // Each cohort's fingerprints sorted on its own core (100,000 strings in all).
        let sorted = unsorted.map { (cohort: $0.key, members: $0.value) }
            .parallelMap { (cohort: $0.cohort, members: $0.members.sorted()) }
        var figures: [String: [String: [String: Int?]]] = [:]
        for outcome in protected.outcomes { figures[outcome.published.id] = outcome.ledger }
        let tierGroups = series.tierGroups
        self.init(
            release: layout.current + 1, keyCheck: key.check, k: series.k, scheme: series.scheme.rawValue,
            tierGroups: tierGroups.groups.indices.map { tierGroups.groups[$0].map(tierGroups.columnKey) },
            members: Dictionary(uniqueKeysWithValues: sorted.map { ($0.cohort, $0.members) }), figures: figures)
    }
}
