import PortalModel

/// Step 3: the groups a release describes and the unknowns behind them. Rows are the
/// province (`total`), each tier group and each cohort; atoms are a cohort's records
/// first published in one release — the finest groups a reader can tell apart, since he
/// keeps every release.
struct ReleaseLayout {
    struct Row {
        /// "total", "group:<key>", "cohort:<slug>": as in the ledger and the open data.
        let key: String
        let level: RowLevel
        /// The cohorts it sums (indices into `cohortKeys`).
        let cohorts: [Int]
    }

    /// The cohorts with a record in this release, in key order, and their slugs.
    let cohortKeys: [CohortKey]
    let cohortSlugs: [String]
    /// Per atom: its cohort, the release that first published it and its size.
    let atomCohort: [Int]
    let atomRelease: [Int]
    let atomSizes: [Int]
    /// Per included record (in `included` order): its atom.
    let atomOfRecord: [Int]
    let rows: [Row]
    /// atomsThrough[row][release]: the row's atoms published by then.
    let atomsThrough: [[[Int]]]
    /// newcomers[row][release]: the row's atoms first published then.
    let newcomers: [[[Int]]]
    /// Per tier group: its atoms (the blocks the protection solves on their own first).
    let blocks: [[Int]]
    /// The release being made (0-based).
    let current: Int

    var rowIndex: [String: Int] { Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.key, $0) }) }

    init(cohorts: CohortAssignment, membership: ReleaseMembership, tierGroups: TierGroups, current: Int) {
        // The assigned cohorts this release publishes, in key order, and each one's place
        // among them (by the assignment's numbers: every included record's cohort is one).
        let published = Array(Set(membership.included.map { cohorts.cohortOf[$0] }))
            .sorted { cohorts.keys[$0] < cohorts.keys[$1] }
        var position = [Int](repeating: 0, count: cohorts.keys.count)
        for (index, number) in published.enumerated() { position[number] = index }
        let keys = published.map { cohorts.keys[$0] }
        cohortKeys = keys
        cohortSlugs = published.map { cohorts.slugs[$0] }
        let atoms = Atoms(
            cohortOfRecord: membership.included.map { position[cohorts.cohortOf[$0]] },
            releaseOfRecord: membership.includedRelease, cohorts: keys.count, releases: current + 1)
        (atomCohort, atomRelease, atomSizes, atomOfRecord) = (atoms.cohort, atoms.release, atoms.sizes, atoms.ofRecord)
        let rows = Self.rows(keys, slugs: cohortSlugs, tierGroups: tierGroups)
        self.rows = rows
        self.current = current
        atomsThrough = rows.map { row in atoms.inCohorts(row.cohorts, through: current) { $0 <= $1 } }
        newcomers = rows.map { row in atoms.inCohorts(row.cohorts, through: current) { $0 == $1 } }
        blocks = tierGroups.groups.indices
            .map { group in atoms.cohort.indices.filter { keys[atoms.cohort[$0]].group == group } }
            .filter { !$0.isEmpty }
    }

    /// The province, then each tier group, then each cohort.
    private static func rows(_ keys: [CohortKey], slugs: [String], tierGroups: TierGroups) -> [Row] {
        var rows = [Row(key: "total", level: .total, cohorts: Array(keys.indices))]
        for group in tierGroups.groups.indices {
            rows.append(
                Row(
                    key: "group:" + tierGroups.key(group), level: .group,
                    cohorts: keys.indices.filter { keys[$0].group == group }))
        }
        for (index, cohort) in keys.enumerated() {
            rows.append(Row(key: "cohort:" + slugs[index], level: .cohort(group: cohort.group), cohorts: [index]))
        }
        return rows
    }

    /// The atoms, ordered by cohort then release: one per cohort and release some record
    /// falls in, numbered in a table of every cohort and release, so each record's atom is
    /// found by position.
    private struct Atoms {
        let cohort: [Int], release: [Int], sizes: [Int], ofRecord: [Int]

        init(cohortOfRecord: [Int], releaseOfRecord: [Int], cohorts: Int, releases: Int) {
            let slots = zip(cohortOfRecord, releaseOfRecord).map { $0 * releases + $1 }
            var occupied = [Bool](repeating: false, count: cohorts * releases)
            for slot in slots { occupied[slot] = true }
            var atomOfSlot = [Int](repeating: 0, count: occupied.count), cohort: [Int] = [], release: [Int] = []
            for slot in occupied.indices where occupied[slot] {
                atomOfSlot[slot] = cohort.count
                cohort.append(slot / releases)
                release.append(slot % releases)
            }
            ofRecord = slots.map { atomOfSlot[$0] }
            var sizes = [Int](repeating: 0, count: cohort.count)
            for atom in ofRecord { sizes[atom] += 1 }
            (self.cohort, self.release, self.sizes) = (cohort, release, sizes)
        }

        /// Per release up to `current`: the atoms of these cohorts whose release `matches` it.
        func inCohorts(_ cohorts: [Int], through current: Int, _ matches: (Int, Int) -> Bool) -> [[Int]] {
            let mine = Set(cohorts)
            return (0...current).map { number in
                cohort.indices.filter { mine.contains(cohort[$0]) && matches(release[$0], number) }
            }
        }
    }

    /// Records per cohort.
    var cohortSizes: [Int] {
        var sizes = [Int](repeating: 0, count: cohortKeys.count)
        for (atom, size) in atomSizes.enumerated() { sizes[atomCohort[atom]] += size }
        return sizes
    }

    /// Every row an earlier release published must be one this release has: the figures
    /// of a group the data no longer has could not be audited with this release's.
    func requireEveryRow(of earlier: [ReleaseRecord], folder: String) throws(DiagnosticList) {
        let rowIndex = self.rowIndex
        let published = Set(earlier.flatMap { $0.figures.values.flatMap(\.keys) })
        if let unknown = published.sorted().first(where: { rowIndex[$0] == nil }) {
            throw DiagnosticList([
                Diagnostic(
                    path: folder, line: 1, column: 1,
                    "an earlier release published a group (\(unknown.prefix(60))) that this data no longer has: "
                        + "restore the assessments as published"
                )
            ])
        }
    }
}
