import PortalModel

extension OutcomeRelease {
    /// Protects and audits this release against the earlier ones, step by step: the
    /// records as the release sees them, the series, the cohorts, who is published, the
    /// layout, what every attribute is given, their protection and audits, the summary,
    /// the published cohorts, the ledger record. Returns nil when fewer than k assessments
    /// can be published at all.
    public static func make(
        set: AssessmentSet, standard: Standard, text: UIText, key: RecordKey, ledger: ReleaseLedger,
        cost: SecondaryCost = .chosen, editions: EditionSet? = nil
    ) throws(DiagnosticList) -> OutcomeRelease? {
        let records = DerivedRecords(
            set, standard: standard, key: key, other: text(.outcomesOther), editions: editions)
        let series = try ReleaseSeries(
            ledger: ledger, key: key, standard: standard, quasi: records.quasi,
            derivedColumns: records.derivedColumns)
        let cohorts = CohortAssignment(records, series: series, framework: standard.framework)
        let membership = try ReleaseMembership(
            series: series, records: records.records,
            fingerprints: records.fingerprints, slugOf: cohorts.slugOf)
        guard membership.included.count >= series.k else { return nil }
        let layout = ReleaseLayout(
            cohorts: cohorts, membership: membership, tierGroups: series.tierGroups,
            current: series.earlier.count)
        try layout.requireEveryRow(of: series.earlier, folder: ledger.folder)
        let given = ReleaseAttributes(
            records, membership: membership, layout: layout, series: series,
            standard: standard, text: text, cost: cost)
        let protected = ProtectedAttributes(given)
        let audit = AuditSummary(protected, layout: layout)
        try audit.requirePassed(folder: ledger.folder)
        let published = try PublishedCohorts(
            layout: layout, series: series, quasi: given.quasi, standard: standard,
            text: text, folder: ledger.folder)
        let record = ReleaseRecord(
            protected, layout: layout, series: series, membership: membership, key: key,
            fingerprints: records.fingerprints)
        return OutcomeRelease(
            set: set, standard: standard, text: text, series: series, membership: membership,
            given: given, protected: protected, audit: audit, published: published, record: record)
    }

    /// The release as the pages read it, from the steps' results.
    private init(
        set: AssessmentSet, standard: Standard, text: UIText, series: ReleaseSeries,
        membership: ReleaseMembership, given: ReleaseAttributes, protected: ProtectedAttributes,
        audit: AuditSummary, published: PublishedCohorts, record: ReleaseRecord
    ) {
        let tierGroups = series.tierGroups, layout = given.context.layout, isNew = series.isNew(record)
        self.init(
            k: series.k, synthetic: set.synthetic, label: set.label, scheme: series.scheme, tierGroups: tierGroups,
            groupNames: tierGroups.groups.indices.map {
                Self.groupName($0, tierGroups, standard: standard, text: text)
            },
            groupSizes: published.groupSizes, cohorts: published.cohorts, total: membership.included.count,
            heldBack: membership.heldBack, attributes: protected.outcomes.map(\.published),
            release: isNew ? layout.current + 1 : layout.current, isNewRelease: isNew, record: record, audit: audit,
            headlines: Headlines(protected, given: given, cohorts: published.cohorts),
            problems: protected.outcomes.map { ($0.problem, $0.protection.withheld, layout.blocks) })
    }
}
