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

    /// - Parameters:
    ///   - derivedColumns: each record's derived tier column (0: none).
    init(ledger: ReleaseLedger, key: RecordKey, standard: Standard, quasi: QuasiIdentifiers, derivedColumns: [Int]) throws(DiagnosticList) {
        let k = standard.site.kAnonymity
        let tierIDs = standard.framework.tierIDs
        self.k = k
        self.ledger = ledger
        let earlier = ledger.releases
        self.earlier = earlier
        let problems = earlier.indices.filter { earlier[$0].keyCheck != key.check }.map { index in
            Diagnostic(path: index < ledger.files.count ? ledger.files[index] : ledger.folder, line: 1, column: 1,
                "this release was recorded with another record key: build with the key it was recorded with (PORTAL_ANON_KEY or --anon-key-file), or the figures of earlier releases cannot be audited")
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        guard let first = earlier.first else {
            var counts = [Int](repeating: 0, count: tierIDs.count + 1)
            for column in derivedColumns { counts[column] += 1 }
            // A tier group holds at least twice k: a group of k can show next to nothing
            // (every split of it is small), while its sibling groups must hide what would
            // show it by subtraction — a price every table of the province pays. Cohorts
            // hold k or more (one scheme for all: more, and one small cohort would make
            // every cohort coarser).
            let groups = TierGroups(counts: counts, k: Self.groupMinimum(k: k), tiers: tierIDs)
            tierGroups = groups
            scheme = CohortScheme.choose(quasi, groups: derivedColumns.map(groups.group(ofColumn:)), k: k)
            return
        }
        let firstFile = ledger.files.first ?? ledger.folder
        if let changed = earlier.first(where: { $0.k != k }) {
            throw DiagnosticList([Diagnostic(path: firstFile, line: 1, column: 1,
                "this release series was published with k = \(changed.k), and site.yaml now says \(k): groups formed under the old k could be published under the new one: set k_anonymity back, or start a new series in another --releases folder once the statistics office agrees")])
        }
        let columns = first.tierGroups.map { $0.compactMap { TierGroups.column(ofKey: $0, tiers: tierIDs) } }
        guard let fixed = CohortScheme(rawValue: first.scheme), let groups = TierGroups(groups: columns, tiers: tierIDs),
              earlier.allSatisfy({ ReleaseRecord.readableFormats.contains($0.format) }) else {
            throw DiagnosticList([Diagnostic(path: firstFile, line: 1, column: 1,
                "the release record's scheme, tier groups or format are not ones this version of portal knows: restore the file as it was written")])
        }
        tierGroups = groups
        scheme = fixed
    }
}

/// Step 2: which assessments this release publishes, and in which release each was first
/// published. An assessment published before must be there, unchanged, in the cohort it
/// was published in (else a figure would move by it alone); new ones wait until at least
/// k of them share a cohort.
struct ReleaseMembership {
    /// Per record: the release (0-based) that first published it; nil while held back.
    let releaseOf: [Int?]
    /// The records this release publishes, in record order.
    let included: [Int]
    let heldBack: Int
    /// Whether some record is published for the first time.
    let hasNewcomers: Bool

    init(series: ReleaseSeries, records: [Assessment], fingerprints: [String], slugOf: [String]) throws(DiagnosticList) {
        var publishedIn: [String: (release: Int, cohort: String)] = [:]
        for (index, release) in series.earlier.enumerated() {
            for (cohort, members) in release.members { for member in members { publishedIn[member] = (index, cohort) } }
        }
        var problems: [Diagnostic] = []
        var present = Set<String>()
        var releaseOf = [Int?](repeating: nil, count: records.count)
        for index in records.indices {
            guard let earlier = publishedIn[fingerprints[index]] else { continue }
            present.insert(fingerprints[index])
            if earlier.cohort != slugOf[index] {
                problems.append(Diagnostic(records[index].source,
                    "this assessment was published in release \(earlier.release + 1) in another cohort (the rules or its data changed since): publishing it again would reveal it by difference: restore it as published"))
            }
            releaseOf[index] = earlier.release
        }
        var missingByRelease: [Int: Int] = [:]
        for (fingerprint, place) in publishedIn where !present.contains(fingerprint) { missingByRelease[place.release, default: 0] += 1 }
        for (release, count) in missingByRelease.sorted(by: { $0.key < $1.key }) {
            problems.append(Diagnostic(path: series.file(ofRelease: release), line: 1, column: 1,
                "\(count < series.k ? "fewer than \(series.k)" : String(count)) assessments published in this release are no longer in the data, or were changed: the next release would reveal them by difference: restore them as published (corrections are published as new assessments)"))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        let current = series.earlier.count
        var newByCohort: [String: [Int]] = [:]
        for index in records.indices where releaseOf[index] == nil { newByCohort[slugOf[index], default: []].append(index) }
        var heldBack = 0
        for members in newByCohort.values {
            if members.count >= series.k { for index in members { releaseOf[index] = current } } else { heldBack += members.count }
        }
        self.releaseOf = releaseOf
        self.heldBack = heldBack
        included = records.indices.filter { releaseOf[$0] != nil }
        hasNewcomers = releaseOf.contains { $0 == current }
    }
}
