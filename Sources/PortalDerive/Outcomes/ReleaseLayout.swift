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

    let cohortKeys: [CohortKey]
    let cohortSlugs: [String]
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

    init(cohortOf: [CohortKey], slugOf: [String], membership: ReleaseMembership, tierGroups: TierGroups, current: Int) {
        let included = membership.included
        let keys = Array(Set(included.map { cohortOf[$0] })).sorted()
        cohortKeys = keys
        let cohortIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var slugs = [String](repeating: "", count: keys.count)
        for index in included { slugs[cohortIndex[cohortOf[index]]!] = slugOf[index] }
        cohortSlugs = slugs
        struct AtomKey: Hashable, Comparable {
            let cohort: Int, release: Int
            static func < (a: AtomKey, b: AtomKey) -> Bool { (a.cohort, a.release) < (b.cohort, b.release) }
        }
        let atomOfIncluded = included.map { AtomKey(cohort: cohortIndex[cohortOf[$0]]!, release: membership.releaseOf[$0]!) }
        let atomKeys = Array(Set(atomOfIncluded)).sorted()
        let atomIndex = Dictionary(uniqueKeysWithValues: atomKeys.enumerated().map { ($1, $0) })
        atomCohort = atomKeys.map(\.cohort)
        atomRelease = atomKeys.map(\.release)
        atomOfRecord = atomOfIncluded.map { atomIndex[$0]! }
        var sizes = [Int](repeating: 0, count: atomKeys.count)
        for atom in atomOfRecord { sizes[atom] += 1 }
        atomSizes = sizes

        var rows = [Row(key: "total", level: .total, cohorts: Array(keys.indices))]
        for group in tierGroups.groups.indices {
            rows.append(Row(key: "group:" + tierGroups.key(group), level: .group, cohorts: keys.indices.filter { keys[$0].group == group }))
        }
        for (index, cohort) in keys.enumerated() { rows.append(Row(key: "cohort:" + slugs[index], level: .cohort(group: cohort.group), cohorts: [index])) }
        self.rows = rows
        self.current = current
        let atomCohort = self.atomCohort, atomRelease = self.atomRelease
        atomsThrough = rows.map { row in
            let mine = Set(row.cohorts)
            return (0...current).map { release in atomKeys.indices.filter { mine.contains(atomCohort[$0]) && atomRelease[$0] <= release } }
        }
        newcomers = rows.map { row in
            let mine = Set(row.cohorts)
            return (0...current).map { release in atomKeys.indices.filter { mine.contains(atomCohort[$0]) && atomRelease[$0] == release } }
        }
        blocks = tierGroups.groups.indices.map { group in atomKeys.indices.filter { keys[atomCohort[$0]].group == group } }.filter { !$0.isEmpty }
    }

    /// Records per cohort.
    var cohortSizes: [Int] {
        var sizes = [Int](repeating: 0, count: cohortKeys.count)
        for (atom, size) in atomSizes.enumerated() { sizes[atomCohort[atom]] += size }
        return sizes
    }
}
