import PortalModel

/// Step 1 of a release: the series it belongs to. Every release of a series is audited
/// with the ones before it, so they must share the record key, k, the cohort scheme and
/// the tier groups; the first release fixes the last two from its data.
struct ReleaseSeries {
    let k: Int
    let tierGroups: TierGroups
    let scheme: CohortScheme
    let earlier: [ReleaseRecord]
    let ledger: ReleaseLedger

    /// The fewest assessments a tier group of a new series may hold.
    static func groupMinimum(k: Int) -> Int { 2 * k }

    /// The file an earlier release came from (the folder when it has none).
    func file(ofRelease index: Int) -> String { index < ledger.files.count ? ledger.files[index] : ledger.folder }

    /// Whether a release's record differs from the last one recorded (a first release
    /// always does): only then is it a new release, written to the ledger.
    func isNew(_ record: ReleaseRecord) -> Bool {
        guard let last = earlier.last else { return true }
        return !record.members.isEmpty || last.figures != record.figures
    }

    /// Takes k from site.yaml and the rest from the ledger's first release; a new series
    /// chooses its tier groups and scheme from its data. Refuses a ledger recorded with
    /// another key or another k, or one whose scheme, tier groups or format this version
    /// cannot read.
    /// - Parameters:
    ///   - derivedColumns: each record's derived tier column (0: none).
    init(
        ledger: ReleaseLedger, key: RecordKey, standard: Standard, quasi: QuasiIdentifiers,
        derivedColumns: [Int]
    ) throws(DiagnosticList) {
        let k = standard.site.kAnonymity, tiers = standard.framework.tierIDs
        self.k = k
        self.ledger = ledger
        earlier = ledger.releases
        try Self.requireOneKey(key, ledger: ledger)
        guard let first = earlier.first else {
            let groups = Self.newGroups(derivedColumns, k: k, tiers: tiers)
            tierGroups = groups
            scheme = CohortScheme.choose(quasi, groups: derivedColumns.map(groups.group(ofColumn:)), k: k)
            return
        }
        let firstFile = ledger.files.first ?? ledger.folder
        if let changed = earlier.first(where: { $0.k != k }) {
            throw DiagnosticList([
                Diagnostic(
                    path: firstFile, line: 1, column: 1,
                    "this release series was published with k = \(changed.k), and site.yaml now says \(k): groups "
                        + "formed under the old k could be published under the new one: set k_anonymity back, or start "
                        + "a new series in another --releases folder once the statistics office agrees"
                )
            ])
        }
        let columns = first.tierGroups.map { $0.compactMap { TierGroups.column(ofKey: $0, tiers: tiers) } }
        guard let fixed = CohortScheme(rawValue: first.scheme), let groups = TierGroups(groups: columns, tiers: tiers),
            earlier.allSatisfy({ ReleaseRecord.readableFormats.contains($0.format) })
        else {
            throw DiagnosticList([
                Diagnostic(
                    path: firstFile, line: 1, column: 1,
                    "the release record's scheme, tier groups or format are not ones this version of portal knows: "
                        + "restore the file as it was written"
                )
            ])
        }
        tierGroups = groups
        scheme = fixed
    }

    /// Every earlier release must carry this key's check: their fingerprints and figures
    /// are read with it.
    private static func requireOneKey(_ key: RecordKey, ledger: ReleaseLedger) throws(DiagnosticList) {
        let problems = ledger.releases.indices.filter { ledger.releases[$0].keyCheck != key.check }.map { index in
            Diagnostic(
                path: index < ledger.files.count ? ledger.files[index] : ledger.folder, line: 1, column: 1,
                "this release was recorded with another record key: build with the key it was recorded with ("
                    + "PORTAL_ANON_KEY or --anon-key-file), or the figures of earlier releases cannot be audited"
            )
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    /// A new series' tier groups. A tier group holds at least twice k: a group of k can
    /// show next to nothing (every split of it is small), while its sibling groups must
    /// hide what would show it by subtraction — a price every table of the province pays.
    /// Cohorts hold k or more (one scheme for all: more, and one small cohort would make
    /// every cohort coarser).
    private static func newGroups(_ derivedColumns: [Int], k: Int, tiers: [TierID]) -> TierGroups {
        var counts = [Int](repeating: 0, count: tiers.count + 1)
        for column in derivedColumns { counts[column] += 1 }
        return TierGroups(counts: counts, k: groupMinimum(k: k), tiers: tiers)
    }
}
