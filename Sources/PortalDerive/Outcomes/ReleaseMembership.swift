import PortalModel

/// Step 2: which assessments this release publishes, and in which release each was first
/// published. An assessment published before must be there, unchanged, in the cohort it
/// was published in (else a figure would move by it alone); new ones wait until at least
/// k of them share a cohort.
struct ReleaseMembership {
    /// Per record: the release (0-based) that first published it; nil while held back.
    let releaseOf: [Int?]
    /// The records this release publishes, in record order, and the release (0-based)
    /// that first published each of them: `releaseOf` of the published ones, found together.
    let included: [Int]
    let includedRelease: [Int]
    let heldBack: Int
    /// Whether some record is published for the first time.
    let hasNewcomers: Bool

    init(
        series: ReleaseSeries, records: [Assessment], fingerprints: [String],
        slugOf: [String]
    ) throws(DiagnosticList) {
        var releaseOf = try Self.publishedBefore(
            series: series, records: records, fingerprints: fingerprints,
            slugOf: slugOf)
        let current = series.earlier.count
        heldBack = Self.admitNewcomers(&releaseOf, slugOf: slugOf, k: series.k, release: current)
        self.releaseOf = releaseOf
        var included: [Int] = [], includedRelease: [Int] = []
        for (record, release) in releaseOf.enumerated() {
            guard let release else { continue }
            included.append(record)
            includedRelease.append(release)
        }
        self.included = included
        self.includedRelease = includedRelease
        hasNewcomers = includedRelease.contains(current)
    }

    /// Per record: the release that published it before, if one did. Every assessment
    /// published before must still be there, unchanged (its fingerprint covers its values),
    /// in the cohort it was published in: else the next figures would reveal it by
    /// difference, and the build stops, naming each release or record.
    private static func publishedBefore(
        series: ReleaseSeries, records: [Assessment], fingerprints: [String],
        slugOf: [String]
    ) throws(DiagnosticList) -> [Int?] {
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
                problems.append(
                    Diagnostic(
                        records[index].source,
                        "this assessment was published in release \(earlier.release + 1) in another cohort (the rules"
                            + " or its data changed since): publishing it again would reveal it by difference: restore "
                            + "it as published"
                    ))
            }
            releaseOf[index] = earlier.release
        }
        var missingByRelease: [Int: Int] = [:]
        for (fingerprint, place) in publishedIn where !present.contains(fingerprint) {
            missingByRelease[place.release, default: 0] += 1
        }
        for (release, count) in missingByRelease.sorted(by: { $0.key < $1.key }) {
            problems.append(
                Diagnostic(
                    path: series.file(ofRelease: release), line: 1, column: 1,
                    "\(count < series.k ? "fewer than \(series.k)" : String(count)) assessments published in this "
                        + "release are no longer in the data, or were changed: the next release would reveal them by "
                        + "difference: restore them as published (corrections are published as new assessments)"
                ))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return releaseOf
    }

    /// Publishes in `release` the newcomers of every cohort that has at least k of them;
    /// the others wait (a cohort's figures would move by fewer than k). Returns how many wait.
    private static func admitNewcomers(_ releaseOf: inout [Int?], slugOf: [String], k: Int, release: Int) -> Int {
        var newByCohort: [String: [Int]] = [:]
        for index in releaseOf.indices where releaseOf[index] == nil {
            newByCohort[slugOf[index], default: []].append(index)
        }
        var heldBack = 0
        for members in newByCohort.values {
            guard members.count >= k else { heldBack += members.count; continue }
            for index in members { releaseOf[index] = release }
        }
        return heldBack
    }
}
