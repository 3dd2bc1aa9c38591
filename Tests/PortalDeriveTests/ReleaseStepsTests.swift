import Foundation
@testable import PortalDerive
import PortalModel
import Testing

/// The steps of a release (`OutcomeRelease.make`), each on its own: the series, who is
/// published, the layout, one attribute's protection, the audit summary, the cohorts as
/// published and the ledger record.
@Suite struct ReleaseStepsTests {
    static let key = DisclosureTests.key

    /// The steps up to the layout, run as `make` runs them.
    struct Steps {
        let records: DerivedRecords
        let series: ReleaseSeries
        let cohorts: CohortAssignment
        let membership: ReleaseMembership
        let layout: ReleaseLayout

        init(_ assessments: [Assessment], ledger: [ReleaseRecord] = []) throws {
            records = ReleaseStepsTests.derived(assessments)
            series = try ReleaseSeries(
                ledger: ReleaseLedger(folder: "releases", releases: ledger),
                key: ReleaseStepsTests.key, standard: standard, quasi: records.quasi,
                derivedColumns: records.derivedColumns)
            cohorts = CohortAssignment(records, series: series, framework: standard.framework)
            membership = try ReleaseMembership(
                series: series, records: records.records,
                fingerprints: records.fingerprints, slugOf: cohorts.slugOf)
            layout = ReleaseLayout(
                cohorts: cohorts, membership: membership, tierGroups: series.tierGroups,
                current: series.earlier.count)
        }

        var attributes: ReleaseAttributes {
            ReleaseAttributes(
                records, membership: membership, layout: layout, series: series, standard: standard,
                text: text, cost: .chosen)
        }
    }

    static func derived(_ assessments: [Assessment]) -> DerivedRecords {
        DerivedRecords(
            AssessmentSet(records: assessments, synthetic: false, label: nil), standard: standard, key: key,
            other: text(.outcomesOther))
    }

    static func series(
        _ assessments: [Assessment], ledger: [ReleaseRecord], files: [String] = [],
        standard: Standard = PortalDeriveTests.standard
    ) throws -> ReleaseSeries {
        let records = derived(assessments)
        return try ReleaseSeries(
            ledger: ReleaseLedger(folder: "releases", releases: ledger, files: files), key: key,
            standard: standard, quasi: records.quasi, derivedColumns: records.derivedColumns)
    }

    /// A ledger record made by hand: this key, k = 5, the scheme and tier groups given.
    static func record(
        scheme: CohortScheme = .tierOnly,
        groups: [[String]] = [
            ["none", "basic"], ["advanced"],
            ["excellent", "leading"],
        ],
        members: [String: [String]] = [:]
    ) -> ReleaseRecord {
        ReleaseRecord(
            release: 1, keyCheck: key.check, k: 5, scheme: scheme.rawValue, tierGroups: groups,
            members: members, figures: [:])
    }

    // MARK: Step 1: the series

    @Test func aSeriesRecordedWithAnotherKeyIsRefusedNamingTheRelease() throws {
        let records = try DisclosureTests.assessments(40, seed: 3)
        var other = Self.record()
        other.keyCheck = "0000000000000000"
        let files = ["releases/release-0001.json", "releases/release-0002.json"]
        let error = #expect(throws: DiagnosticList.self) {
            try Self.series(records, ledger: [Self.record(), other], files: files)
        }
        #expect(error?.description.contains("another record key") == true)
        #expect(error?.description.contains("release-0002.json") == true)
        #expect(error?.description.contains("release-0001.json") == false)
    }

    @Test func aChangedKWithinASeriesIsRefused() throws {
        let records = try DisclosureTests.assessments(40, seed: 3)
        var six = standard
        six.site.kAnonymity = 6
        let error = #expect(throws: DiagnosticList.self) {
            try Self.series(records, ledger: [Self.record()], standard: six)
        }
        #expect(error?.description.contains("published with k = 5, and site.yaml now says 6") == true)
        #expect(try Self.series(records, ledger: [Self.record()]).k == 5)
    }

    /// A new series chooses tier groups of 0 or at least 2k and a scheme whose cohorts hold
    /// k or more; a series with a ledger takes both from its first release, whatever the
    /// data or later releases would choose, and refuses ones it cannot read.
    @Test func tierGroupsAndSchemeAreFixedByTheFirstRelease() throws {
        let records = try DisclosureTests.assessments(150, seed: 4)
        let fresh = try Self.series(records, ledger: [])
        let derived = Self.derived(records)
        var groupSizes = [Int](repeating: 0, count: fresh.tierGroups.groups.count)
        for column in derived.derivedColumns { groupSizes[fresh.tierGroups.group(ofColumn: column)] += 1 }
        #expect(groupSizes.allSatisfy { $0 == 0 || $0 >= 10 })
        var cohortSizes: [CohortKey: Int] = [:]
        for (record, column) in derived.derivedColumns.enumerated() {
            let group = fresh.tierGroups.group(ofColumn: column)
            cohortSizes[fresh.scheme.key(record, derived.quasi, group: group), default: 0] += 1
        }
        #expect(cohortSizes.values.allSatisfy { $0 >= 5 })

        let later = Self.record(scheme: .year, groups: [["none", "basic", "advanced", "excellent", "leading"]])
        let fixed = try Self.series(records, ledger: [Self.record(), later])
        #expect(fixed.scheme == .tierOnly)
        #expect(fixed.tierGroups.groups == [[0, 1], [2], [3, 4]])
        #expect(fixed.tierGroups.group(ofColumn: 4) == 2)
        #expect(fresh.scheme != fixed.scheme || fresh.tierGroups != fixed.tierGroups)

        for unreadable in [
            Self.record(groups: [["none", "basic"], ["advanced"], ["excellent"]]),
            Self.record(groups: [["none", "basic", "basic"], ["advanced", "excellent", "leading"]]),
        ] {
            let error = #expect(throws: DiagnosticList.self) { try Self.series(records, ledger: [unreadable]) }
            #expect(error?.description.contains("not ones this version of portal knows") == true)
        }
    }

    // MARK: Step 2: membership

    /// Twelve records: three published before in cohort A, four newcomers in A, five in B.
    static func membership(
        fingerprints: [String], slugs: [String],
        ledger: [ReleaseRecord]
    ) throws -> ReleaseMembership {
        let records = try DisclosureTests.assessments(fingerprints.count, seed: 6)
        let series = try Self.series(records, ledger: ledger)
        return try ReleaseMembership(series: series, records: records, fingerprints: fingerprints, slugOf: slugs)
    }

    static let publishedBefore = [record(members: ["A": ["p1", "p2", "p3"]])]

    @Test func newcomersFewerThanKInACohortAreHeldBackAndThePublishedStay() throws {
        let fingerprints = ["p1", "p2", "p3", "n1", "n2", "n3", "n4", "m1", "m2", "m3", "m4", "m5"]
        let slugs = Array(repeating: "A", count: 7) + Array(repeating: "B", count: 5)
        let membership = try Self.membership(fingerprints: fingerprints, slugs: slugs, ledger: Self.publishedBefore)
        #expect(membership.releaseOf == [0, 0, 0, nil, nil, nil, nil, 1, 1, 1, 1, 1])
        #expect(membership.heldBack == 4)
        #expect(membership.included == [0, 1, 2, 7, 8, 9, 10, 11])
        #expect(membership.includedRelease == [0, 0, 0, 1, 1, 1, 1, 1])
        #expect(membership.hasNewcomers)
        // Only the four in A new: nothing is published for the first time.
        let waiting = try Self.membership(
            fingerprints: Array(fingerprints.prefix(7)), slugs: Array(slugs.prefix(7)),
            ledger: Self.publishedBefore)
        #expect(waiting.included == [0, 1, 2] && waiting.heldBack == 4 && !waiting.hasNewcomers)
    }

    /// An assessment published before that is missing, changed (its fingerprint follows its
    /// values) or now in another cohort stops the build.
    @Test func anAssessmentPublishedBeforeThatIsMissingOrChangedStopsTheBuild() throws {
        let missing = #expect(throws: DiagnosticList.self) {
            try Self.membership(fingerprints: ["p1", "p2"], slugs: ["A", "A"], ledger: Self.publishedBefore)
        }
        #expect(missing?.description.contains("fewer than 5 assessments published in this release are no") == true)
        let moved = #expect(throws: DiagnosticList.self) {
            try Self.membership(
                fingerprints: ["p1", "p2", "p3"], slugs: ["A", "A", "B"], ledger: Self.publishedBefore)
        }
        #expect(moved?.description.contains("published in release 1 in another cohort") == true)

        let records = try DisclosureTests.assessments(80, seed: 2)
        let first = try DisclosureTests.release(records)
        var changed = records
        changed[3].maturity = changed[3].maturity == 5 ? 4 : changed[3].maturity + 1
        let error = #expect(throws: DiagnosticList.self) { try Steps(changed, ledger: [first.record]) }
        #expect(error?.description.contains("no longer in the data, or were changed") == true)
        #expect(try Steps(records, ledger: [first.record]).membership.included.count == 80)
    }

    // MARK: Step 3: the layout

    /// A first release, then the same records with five newcomers in one cohort (published)
    /// and two in another (held back).
    static func secondRelease() throws -> (first: OutcomeRelease, steps: Steps) {
        let records = try DisclosureTests.assessments(150, seed: 4)
        let first = try DisclosureTests.release(records)
        let cohortOf = try Steps(records).cohorts.cohortOf
        let elsewhere = try #require(records.indices.first { cohortOf[$0] != cohortOf[10] })
        let grown =
            records + (1...5).map { DisclosureTests.twin(of: records[10], number: $0) }
            + (6...7).map { DisclosureTests.twin(of: records[elsewhere], number: $0) }
        return (first, try Steps(grown, ledger: [first.record]))
    }

    @Test func atomsAndCohortSizesAddUpToThePublishedRecords() throws {
        let steps = try Self.secondRelease().steps
        let layout = steps.layout, membership = steps.membership
        #expect(layout.current == 1 && membership.included.count == 155 && membership.heldBack == 2)
        #expect(layout.atomSizes.reduce(0, +) == 155 && layout.cohortSizes.reduce(0, +) == 155)
        for (position, record) in membership.included.enumerated() {
            let atom = layout.atomOfRecord[position]
            #expect(layout.cohortKeys[layout.atomCohort[atom]] == steps.cohorts.keys[steps.cohorts.cohortOf[record]])
            #expect(layout.cohortSlugs[layout.atomCohort[atom]] == steps.cohorts.slugOf[record])
            #expect(layout.atomRelease[atom] == membership.includedRelease[position])
        }
        // One atom of newcomers: the five, in the first twin's cohort; the rest from release 1.
        let newAtoms = layout.atomSizes.indices.filter { layout.atomRelease[$0] == 1 }
        #expect(newAtoms.map { layout.atomSizes[$0] } == [5])
        #expect(layout.newcomers[0][1] == newAtoms && layout.atomsThrough[0][1] == Array(layout.atomSizes.indices))
        #expect(layout.atomsThrough[0][0].reduce(0) { $0 + layout.atomSizes[$1] } == 150)
        #expect(layout.rows.count == 1 + steps.series.tierGroups.groups.count + layout.cohortKeys.count)
        #expect(layout.cohortKeys == layout.cohortKeys.sorted())
    }

    @Test func everyRowOfAnEarlierReleaseIsFound() throws {
        let second = try Self.secondRelease()
        let first = second.first, steps = second.steps
        let rows = Set(steps.layout.rows.map(\.key))
        #expect(first.record.figures.values.allSatisfy { Set($0.keys).isSubset(of: rows) })
        try steps.layout.requireEveryRow(of: [first.record], folder: "releases")
        var gone = first.record
        gone.figures["tier", default: [:]]["cohort:gone-2020"] = ["none": 5]
        let error = #expect(throws: DiagnosticList.self) {
            try steps.layout.requireEveryRow(of: [first.record, gone], folder: "releases")
        }
        #expect(error?.description.contains("(cohort:gone-2020) that this data no longer has") == true)
    }

    // MARK: Steps 4 and 5: one attribute

    /// The derived tier protected on its own: a named result whose published rows count
    /// the records as they are, withhold only what is small, and pass the audit.
    @Test func oneAttributeIsProtectedIntoItsNamedResult() throws {
        let records = try DisclosureTests.assessments(150, seed: 4)
        let steps = try Steps(records)
        let given = steps.attributes
        let tier = try #require(given.attributes.firstIndex { $0.kind == .tier })
        let outcome = given.protect(tier, strictRules: false)
        #expect(outcome.published.id == "tier" && outcome.published.kind == .tier)
        #expect(Set(outcome.ledger.keys) == Set(steps.layout.rows.map(\.key)))
        #expect(outcome.protection.audit.failures.isEmpty)
        #expect(outcome.forms.count == steps.layout.rows.count)
        let columns = steps.records.derivedColumns
        for cell in outcome.published.total.cells {
            let truth = columns.filter(cell.values.contains).count
            switch cell.count {
            case .count(let count): #expect(count == truth, "\(cell.key)")
            case .withheld(let mark): #expect(mark == .primary && (1..<5).contains(truth), "\(cell.key)")
            }
            #expect(outcome.ledger["total"]?[cell.key] == .some(cell.count.value))
        }
        for (group, row) in outcome.published.groups.enumerated() {
            let members = columns.filter { steps.series.tierGroups.group(ofColumn: $0) == group }
            #expect(row.cells.compactMap(\.count.value).reduce(0, +) <= members.count)
            #expect(row.cells.allSatisfy { $0.values.allSatisfy(steps.series.tierGroups.groups[group].contains) })
        }
    }

    // MARK: Step 6: the audit summary

    /// Records with small groups (a lone year, three in one city), so that figures are
    /// withheld (as "<k" inside the province's merged bins: data like this needs no "×").
    static func smallGroups() throws -> [Assessment] {
        var records = try DisclosureTests.assessments(120, seed: 9)
        var lone = DisclosureTests.twin(of: records[0], number: 800)
        lone.year = 2024
        records.append(lone)
        for index in 1...3 {
            var record = DisclosureTests.twin(of: records[index], number: 900 + index)
            record.region = "阿拉善盟"
            records.append(record)
        }
        return records
    }

    @Test func theAuditSummaryCountsWhatIsPublishedAndWithheld() throws {
        let steps = try Steps(try Self.smallGroups())
        let protected = ProtectedAttributes(steps.attributes)
        let summary = OutcomeRelease.AuditSummary(protected, layout: steps.layout)
        var figures = 0, primary = 0, secondary = 0, total = 0, totalWithheld = 0, groupSecondary = 0, worst = 0.0
        for attribute in protected.outcomes.map(\.published) {
            total += attribute.total.cells.count
            totalWithheld += attribute.total.cells.filter { $0.count.value == nil }.count
            groupSecondary += attribute.groups.flatMap(\.cells).filter { $0.count == .withheld(.secondary) }.count
            for row in [attribute.total] + attribute.groups + attribute.cohorts where row.isPublished {
                figures += row.cells.count
                primary += row.cells.filter { $0.count == .withheld(.primary) }.count
                secondary += row.cells.filter { $0.count == .withheld(.secondary) }.count
                worst = max(worst, Double(row.cells.filter { $0.count.value == nil }.count) / Double(row.cells.count))
            }
        }
        #expect(primary > 0 && totalWithheld > 0)
        #expect(summary.figures == figures && summary.primary == primary && summary.secondary == secondary)
        #expect(summary.totalFigures == total && summary.totalWithheld == totalWithheld)
        #expect(summary.groupSecondary == groupSecondary && summary.worstTableShare == worst)
        let audits = protected.outcomes.map(\.protection.audit)
        #expect(summary.auditedSums == audits.reduce(0) { $0 + $1.intervals.count })
        #expect(summary.linearPrograms == audits.reduce(0) { $0 + $1.linearPrograms } + protected.jointLinearPrograms)
        let withdrawn = protected.outcomes.reduce(0) { $0 + $1.forms.filter(\.publishesNothing).count }
        #expect(summary.tablesWithdrawn == withdrawn)
        #expect(summary.failures == 0 && summary.settledJointly == protected.leftToJointAudit)
        try summary.requirePassed(folder: "releases")
        var failed = summary
        failed.failures = 1
        let error = #expect(throws: DiagnosticList.self) { try failed.requirePassed(folder: "releases") }
        #expect(error?.description.contains("the disclosure audit failed: 1 withheld figures") == true)
    }

    // MARK: Step 7: the cohorts as published

    /// Cohorts and tier groups add up to the release; one that would describe fewer than k
    /// (three published before, alone in their cohort now) stops the build.
    @Test func cohortsAddUpAndOneOfFewerThanKStopsTheBuild() throws {
        let records = try DisclosureTests.assessments(150, seed: 4)
        let steps = try Steps(records)
        let given = steps.attributes
        let published = try PublishedCohorts(
            layout: steps.layout, series: steps.series, quasi: given.quasi,
            standard: standard, text: text, folder: "releases")
        #expect(published.cohorts.map(\.size).reduce(0, +) == 150 && published.groupSizes.reduce(0, +) == 150)
        #expect(published.cohorts.map(\.slug) == steps.layout.cohortSlugs)

        let cohort = steps.cohorts.cohortOf[0], slug = steps.cohorts.slugs[cohort]
        let three = records.indices.filter { steps.cohorts.cohortOf[$0] == cohort }.prefix(3)
        let kept = records.indices.filter { steps.cohorts.cohortOf[$0] != cohort || three.contains($0) }
            .map { records[$0] }
        let tierGroups = steps.series.tierGroups
        let ledger = ReleaseRecord(
            release: 1, keyCheck: Self.key.check, k: 5, scheme: steps.series.scheme.rawValue,
            tierGroups: tierGroups.groups.map { $0.map(tierGroups.columnKey) },
            members: [slug: three.map { steps.records.fingerprints[$0] }], figures: [:])
        let small = try Steps(kept, ledger: [ledger])
        #expect(small.layout.cohortSizes.contains(3))
        let error = #expect(throws: DiagnosticList.self) {
            try PublishedCohorts(
                layout: small.layout, series: small.series, quasi: small.attributes.quasi,
                standard: standard, text: text, folder: "releases")
        }
        #expect(error?.description.contains("would describe fewer than k = 5") == true)
    }

    // MARK: Step 8: the ledger record

    /// The record holds figures and fingerprints: no name or credit code; a second release
    /// lists only its newcomers.
    @Test func theReleaseRecordHoldsNoNamesOrCreditCodes() throws {
        let second = try Self.secondRelease()
        let first = second.first, steps = second.steps
        let protected = ProtectedAttributes(steps.attributes)
        let record = ReleaseRecord(
            protected, layout: steps.layout, series: steps.series, membership: steps.membership,
            key: Self.key, fingerprints: steps.records.fingerprints)
        for release in [first.record, record] {
            let json = String(decoding: try JSONEncoder().encode(release), as: UTF8.self)
            for assessment in steps.records.records {
                #expect(!json.contains(assessment.identifiers.creditCode))
                #expect(!json.contains(assessment.identifiers.enterprise))
            }
        }
        #expect(Set(first.record.members.values.joined()) == Set(steps.records.fingerprints.prefix(150)))
        #expect(record.release == 2 && record.k == 5 && record.keyCheck == Self.key.check)
        #expect(record.members.count == 1)
        #expect(Set(record.members.values.joined()) == Set(steps.records.fingerprints[150..<155]))
        #expect(Set(record.figures.keys) == Set(protected.outcomes.map(\.published.id)))
    }
}
