import Foundation
@testable import PortalDerive
import PortalLoad
import PortalModel
import PortalSynth
import Testing

/// Disclosure control: tier groups, cell suppression with its LP audit, cohorts, and
/// releases audited together.
@Suite struct DisclosureTests {
    static let key = RecordKey("3f9a1c5e7b2d4f6a8c0e1b3d5f7a9c2e")!

    /// Synthetic assessments, loaded as the build loads them.
    static func assessments(_ count: Int, seed: UInt64) throws -> [Assessment] {
        var synthesizer = AssessmentSynthesizer(standard: standard, seed: seed)
        let csv = synthesizer.csv(count: count)
        let file = MemoryFileSource(["a/assessments.csv": csv])
        return try AssessmentLoader(standard: standard, files: file).load("a/assessments.csv").records
    }

    /// A copy of `record` under a new credit code: same cohort, another enterprise.
    static func twin(of record: Assessment, number: Int) -> Assessment {
        let body = "91150200" + String(format: "%09d", number)
        var copy = record
        copy.identifiers = DirectIdentifiers(
            enterprise: "企业\(number)", creditCode: body + String(CreditCode.checkCharacter(for: body)!))
        return copy
    }

    static func release(_ records: [Assessment], ledger: [ReleaseRecord] = []) throws -> OutcomeRelease {
        try #require(
            try OutcomeRelease.make(
                set: AssessmentSet(records: records, synthetic: false, label: nil), standard: standard,
                text: text, key: key, ledger: ReleaseLedger(folder: "releases", releases: ledger)))
    }

    /// Every count a release publishes, by attribute, row and bin.
    static func published(_ release: OutcomeRelease) -> [String: Int] {
        var figures: [String: Int] = [:]
        for (attribute, rows) in release.record.figures {
            for (row, values) in rows {
                for (value, count) in values { if let count { figures["\(attribute)|\(row)|\(value)"] = count } }
            }
        }
        return figures
    }

    /// Every row of every attribute, with its level (0: the province, 1: a tier group, 2: a cohort).
    static func rows(_ release: OutcomeRelease) -> [(
        attribute: PublishedAttribute, level: Int, index: Int, row: PublishedRow
    )] {
        release.attributes.flatMap { attribute in
            [(attribute, 0, 0, attribute.total)] + attribute.groups.enumerated().map { (attribute, 1, $0, $1) }
                + attribute.cohorts.enumerated().map { (attribute, 2, $0, $1) }
        }
    }

    /// The quasi-identifiers of the records a release includes are those of the whole set
    /// at their positions (looked up once, on every core), as if built from them alone;
    /// and each record's answers are read into the attribute columns as its own fields say.
    @Test func quasiIdentifiersOfASubsetAndAnswerColumnsAreTheRecords() throws {
        var records = try Self.assessments(300, seed: 11)
        // A region and an industry the framework does not list count as "other".
        records[3] = Assessment(
            identifiers: records[3].identifiers, source: records[3].source, region: "某地", industry: "某业",
            year: records[3].year, declaredTier: nil, maturity: records[3].maturity,
            indicators: records[3].indicators, scenarios: records[3].scenarios)
        let whole = QuasiIdentifiers(records, framework: standard.framework, other: "其他")
        let positions = records.indices.filter { $0 % 3 != 1 }.reversed().map { $0 }
        let selected = whole.selecting(positions)
        let built = QuasiIdentifiers(positions.map { records[$0] }, framework: standard.framework, other: "其他")
        #expect(
            selected.cities == built.cities && selected.parts == built.parts && selected.sectors == built.sectors
                && selected.years == built.years)
        #expect(built.cities[positions.firstIndex(of: 3)!] == built.cityNames.count)
        let (answers, columns) = Attribute.answers(of: records, standard: standard)
        for (position, record) in records.enumerated() {
            for (index, indicator) in standard.indicators.enumerated() {
                #expect(answers[index][position] == record.indicators[indicator.no])
            }
            for (index, scenario) in standard.scenarios.enumerated() {
                #expect(columns[index][position] == (record.scenarios[scenario.no].map { $0.index + 1 } ?? 0))
            }
        }
    }

    @Test func rareTiersAreMergedUpwardIntoGroupsOfK() {
        #expect(
            TierGroups(counts: [40, 100, 30, 4, 1], k: 5, tiers: TierID.allCases).groups == [[0], [1], [2], [3, 4]])
        #expect(
            TierGroups(counts: [40, 100, 30, 3, 1], k: 5, tiers: TierID.allCases).groups == [[0], [1], [2, 3, 4]])
        #expect(
            TierGroups(counts: [40, 100, 30, 9, 0], k: 5, tiers: TierID.allCases).groups == [[0], [1], [2], [3], [4]])
        // Too few at the bottom: they join the groups above until the group holds k.
        #expect(TierGroups(counts: [2, 0, 10, 0, 0], k: 5, tiers: TierID.allCases).groups == [[0, 1, 2], [3], [4]])
        #expect(TierGroups(counts: [1, 1, 1, 1, 1], k: 5, tiers: TierID.allCases).groups == [[0, 1, 2, 3, 4]])
    }

    /// Four cohorts × three values: each cell a figure, each column's total a province-wide
    /// figure (never given up); one cell counts 2.
    static let small: LinkedCounts = {
        let truth = [2, 20, 18, 15, 20, 25, 12, 30, 8, 10, 10, 10]
        var figures: [[Int]] = (0..<12).map { [$0] }
        figures += (0..<3).map { value in (0..<4).map { $0 * 3 + value } }
        let sums = figures.map { $0.reduce(0) { $0 + truth[$1] } }
        return LinkedCounts(
            k: 5, atomSizes: [40, 60, 50, 30], valueCount: 3, truth: truth,
            structuralZero: Array(repeating: false, count: 12),
            figures: figures, mayProtect: figures.indices.map { $0 < 12 && sums[$0] >= 5 },
            cost: sums.map(Double.init), earlier: [], hidden: [], hiddenByMerging: [], rules: [])
    }()

    @Test func suppressionProtectsTheSmallCellInsideTheTable() {
        let protection = Protector(problem: Self.small).protect()
        #expect(protection.audit.failures.isEmpty)
        #expect(protection.withheld[0] == .primary)
        // The province-wide totals stay published; cells of k or more protect the small one.
        #expect(protection.withheld[12...].allSatisfy { $0 == nil })
        #expect(protection.withheld.contains(.secondary))
        let interval = protection.audit.intervals.first { $0.target == Target(kind: .figure, index: 0) }
        #expect(interval.map { [$0.low, $0.high] } == [1, 4])
        // Without the secondary figures the "<5" is worked out exactly.
        let primaryOnly = protection.withheld.map { $0 == .primary ? $0 : nil }
        #expect(
            Auditor(problem: Self.small, withheld: primaryOnly).run().failures.contains(Target(kind: .figure, index: 0))
        )
    }

    @Test func smallGroupsAreNeverDescribed() throws {
        var records = try Self.assessments(120, seed: 9)
        // A lone year, three records in one city of their own, a single 领航级.
        var lone = Self.twin(of: records[0], number: 800)
        lone.year = 2024
        records.append(lone)
        for index in 1...3 {
            var record = Self.twin(of: records[index], number: 900 + index); record.region = "阿拉善盟";
            records.append(record)
        }
        let release = try Self.release(records)
        #expect(release.audit.failures == 0)
        #expect(release.cohorts.allSatisfy { $0.size >= 5 })
        #expect(release.groupSizes.allSatisfy { $0 == 0 || $0 >= 5 })
        #expect(Self.published(release).values.allSatisfy { $0 == 0 || $0 >= 5 })
        // No row is shown to lie in one bin by a withheld cell beside zeros.
        for (attribute, _, _, row) in Self.rows(release) {
            let nonZero = row.cells.filter { !$0.ofWhich && $0.count != .count(0) }
            #expect(!(nonZero.count == 1 && nonZero[0].count.value == nil), "\(attribute.id)")
        }
        // A value readers know enterprises by (the lone year, the small city) never has a
        // bin of its own where it holds 1 to k−1: it is merged away in every row.
        for attribute in release.attributes where attribute.kind == .year || attribute.kind == .region {
            let small = attribute.total.cells.filter { !$0.ofWhich && $0.values.count == 1 }.filter {
                (1..<5).contains($0.count.value ?? 0)
            }
            #expect(small.isEmpty, "\(attribute.id)")
        }
    }

    /// What the marks say is what the audit assumes: the province-wide row and zeros are
    /// never withheld, "×" is always k or more, every withheld figure is audited, no row
    /// withholds more than a quarter, and every row is a coarsening of its parent's.
    @Test func marksMeanWhatTheLegendSays() throws {
        let records = try Self.assessments(400, seed: 21)
        let release = try Self.release(records)
        #expect(release.audit.failures == 0)
        #expect(
            release.audit.totalWithheld
                == release.attributes.reduce(0) { $0 + $1.total.cells.filter { $0.ofWhich }.count })
        for (attribute, level, index, row) in Self.rows(release) {
            for cell in row.cells {
                if level == 0 {
                    #expect(
                        cell.count != .withheld(.secondary), "\(attribute.id): the province-wide row gave up a figure")
                }
                if cell.count == .withheld(.primary) && level == 0 {
                    #expect(cell.ofWhich, "\(attribute.id): a province-wide <k outside a merged bin")
                }
            }
            let withheld = row.cells.filter { $0.count.value == nil }.count
            #expect(
                withheld * 4 <= max(row.cells.count, 1) * 1 || row.cells.isEmpty,
                "\(attribute.id) row \(level)/\(index): \(withheld) of \(row.cells.count) withheld")
            // A child never shows apart what its parent merges.
            let parent =
                level == 0 ? nil : level == 1 ? attribute.total : attribute.groups[release.cohorts[index].group]
            if let parent, row.isPublished, parent.isPublished {
                for bin in parent.bins {
                    let holders = Set(bin.compactMap { value in row.bins.firstIndex { $0.contains(value) } })
                    #expect(holders.count <= 1, "\(attribute.id) row \(level)/\(index) splits a bin of its parent")
                }
            }
        }
        for (problem, withheld, _) in release.problems {
            for (index, state) in withheld.enumerated() where state != nil {
                let truth = problem.sum(problem.figures[index])
                #expect(truth > 0, "a withheld zero")
                #expect(state == .primary ? (1..<5).contains(truth) : truth >= 5, "a mark that lies")
            }
        }
    }

    /// The audit takes the marks as facts: a "<k" beside one "×" in a row of known size is
    /// pinned once "×" means k or more, though a model without the marks would call it
    /// wide open.
    @Test func theAuditReadsTheMarks() {
        // One cohort of 8: values (2, 6); both withheld; the total row publishes nothing.
        let problem = LinkedCounts(
            k: 5, atomSizes: [8], valueCount: 2, truth: [2, 6], structuralZero: [false, false],
            figures: [[0], [1]], mayProtect: [false, true], cost: [1, 1], earlier: [], hidden: [],
            hiddenByMerging: [], rules: [])
        let audit = Auditor(problem: problem, withheld: [.primary, .secondary]).run()
        // The "<5" can only be 1, 2 or 3 (the "×" is at least 5): narrowed below its mark.
        #expect(audit.failures.contains(Target(kind: .figure, index: 0)))
        let interval = audit.intervals.first { $0.target == Target(kind: .figure, index: 0) }
        #expect(interval.map { [$0.low, $0.high] } == [1, 3])
        // With 4 and 9 of 13 the "<5" ranges over 1…4 (the "×" over 5…12): the audit passes.
        let wide = LinkedCounts(
            k: 5, atomSizes: [13], valueCount: 2, truth: [4, 9], structuralZero: [false, false],
            figures: [[0], [1]], mayProtect: [false, true], cost: [1, 1], earlier: [], hidden: [],
            hiddenByMerging: [], rules: [])
        #expect(Auditor(problem: wide, withheld: [.primary, .secondary]).run().failures.isEmpty)
    }

    /// Merging: a small bin joins the neighbour in its segment that holds fewer; a child
    /// form is a coarsening of its parent; meet joins bins wherever either does.
    @Test func formsMergeNeighboursAndNeverSplitTheirParent() {
        let form = Form(bins: [[0], [1], [2], [3]])
        let merged = form.merging(1, totals: [10, 2, 3, 40], segmentOf: { _ in 0 })
        #expect(merged?.bins == [[0], [1, 2], [3]])
        // Not across segments: value 0 is alone in its own.
        #expect(Form(bins: [[0], [1]]).merging(0, totals: [1, 1], segmentOf: { $0 }) == nil)
        #expect(Form(bins: [[0, 1], [2, 3]]).coarsens(Form(bins: [[0], [1], [2], [3]])))
        #expect(!Form(bins: [[0], [1, 2], [3]]).coarsens(Form(bins: [[0, 1], [2, 3]])))
        #expect(
            AttributeRelease.meet(Form(bins: [[0, 1], [2], [3]]), Form(bins: [[0], [1], [2, 3]])).bins == [
                [0, 1], [2, 3],
            ])
    }

    @Test func oneMoreAssessmentIsHeldBackUntilKShareItsCohort() throws {
        let records = try Self.assessments(150, seed: 4)
        let first = try Self.release(records)
        let ledger = [first.record]
        // One more: held back, the figures stay those of the first release.
        let plusOne = records + [Self.twin(of: records[10], number: 1)]
        let second = try Self.release(plusOne, ledger: ledger)
        #expect(second.heldBack == 1 && !second.isNewRelease && second.total == 150)
        #expect(Self.published(second) == Self.published(first))
        // Five more in the same cohort: published, and no figure moves by fewer than k.
        let plusFive = records + (1...5).map { Self.twin(of: records[10], number: $0) }
        let third = try Self.release(plusFive, ledger: ledger)
        #expect(third.heldBack == 0 && third.isNewRelease && third.total == 155 && third.audit.failures == 0)
        let before = Self.published(first), after = Self.published(third)
        for (figure, value) in after {
            guard let old = before[figure] else { continue }
            #expect(!(1..<5).contains(abs(value - old)), "\(figure): \(old) → \(value)")
        }
    }

    @Test func aRemovedOrChangedAssessmentStopsTheRelease() throws {
        let records = try Self.assessments(80, seed: 2)
        let first = try Self.release(records)
        let error = #expect(throws: DiagnosticList.self) {
            try Self.release(Array(records.dropLast()), ledger: [first.record])
        }
        #expect(error?.description.contains("no longer in the data") == true)
        var changed = records
        changed[3].maturity = changed[3].maturity == 5 ? 4 : changed[3].maturity + 1
        #expect(throws: DiagnosticList.self) { try Self.release(changed, ledger: [first.record]) }
    }

    @Test func aLedgerWrittenWithAnotherKeyIsRefused() throws {
        let records = try Self.assessments(40, seed: 3)
        var record = try Self.release(records).record
        record.keyCheck = "0000000000000000"
        let error = #expect(throws: DiagnosticList.self) { try Self.release(records, ledger: [record]) }
        #expect(error?.description.contains("another record key") == true)
    }

    @Test func weakKeysAreRefused() {
        #expect(RecordKey("aaaaaaaaaaaaaaaa") == nil)
        #expect(RecordKey("short") == nil)
        #expect(RecordKey("0123456789abcdef0123456789abcdef") == nil)  // a 64-bit piece repeated
        #expect(RecordKey(String(repeating: "ab", count: 40)) == nil)
        #expect(RecordKey("3f9a1c5e7b2d4f6a8c0e1b3d5f7a9c2") == nil)  // 31 hex digits: 124 bits
        #expect(RecordKey("3f9a1c5e7b2d4f6a8c0e1b3d5f7a9c2e") != nil)
        #expect(RecordKey("correct-horse-battery-staple-mongolia") != nil)
    }

    @Test func fingerprintsAreKeyedAndFollowTheValues() throws {
        let record = try Self.assessments(1, seed: 1)[0]
        let other = try #require(RecordKey("9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"))
        #expect(Self.key.fingerprint(record) == Self.key.fingerprint(record))
        #expect(Self.key.fingerprint(record) != other.fingerprint(record))
        var changed = record
        changed.maturity = record.maturity == 1 ? 2 : 1
        #expect(Self.key.fingerprint(changed) != Self.key.fingerprint(record))
        #expect(!Self.key.fingerprint(record).contains(record.identifiers.creditCode))
    }

    /// The ledger's fingerprints must keep their bytes across versions of portal, or the
    /// next release could not be audited against the earlier ones: the message is pinned
    /// here in its original form (string concatenation, as the first ledgers were made).
    @Test func fingerprintsKeepTheMessageEarlierLedgersWereMadeWith() throws {
        for record in try Self.assessments(200, seed: 3) {
            var text =
                "record|" + record.identifiers.creditCode + "|" + String(record.year) + "|" + record.region + "|"
                + record.industry
            text += "|" + (record.declaredTier?.rawValue ?? "-") + "|" + String(record.maturity)
            for (no, answer) in record.indicators.sorted(by: { $0.key < $1.key }) {
                text += "|i" + String(no) + "="
                switch answer {
                case .level(let level): text += String(level)
                case .notApplicable: text += "na"
                case .amount(let amount): text += String(amount)
                }
            }
            for (no, tier) in record.scenarios.sorted(by: { $0.key < $1.key }) {
                text += "|s" + String(no) + "=" + tier.rawValue
            }
            #expect(Self.key.fingerprint(record) == Self.key.mac(text))
        }
    }

    @Test func decimalsAreWrittenAsStringWritesThem() {
        for number in [0, 7, 9, 10, 99, 100, 2025, 1_234_567, -5, -10, Int.max, Int.min]
            + (0..<200).map({ _ in Int.random(in: -1_000_000...1_000_000) })
        {
            var text: [UInt8] = Array("x".utf8)
            RecordKey.appendDecimal(number, to: &text)
            #expect(String(decoding: text, as: UTF8.self) == "x" + String(number))
        }
    }

    @Test func mediansAreRangesOverWhatBinsAndMarksAllow() {
        func bin(_ from: Int?, _ to: Int?, _ count: Int?, mark: String? = nil, other: Bool = false) -> MedianRange.Bin {
            MedianRange.Bin(from: from, to: to, other: other, count: count, mark: mark)
        }
        #expect(
            MedianRange(bins: [bin(1, 1, 5), bin(2, 2, 10), bin(3, 3, 5)], size: 20, k: 5).map { [$0.low, $0.high] }
                == [2, 2])
        // "3–4 级" merged: the median may be either.
        #expect(
            MedianRange(bins: [bin(1, 2, 4), bin(3, 4, 12), bin(5, 6, 4)], size: 20, k: 5).map { [$0.low, $0.high] }
                == [3, 4])
        // A "<5" at level 1 and a "×" at level 6 (k or more), 20 in all.
        let marked = MedianRange(
            bins: [bin(1, 1, nil, mark: "<"), bin(2, 2, 7), bin(3, 3, 5), bin(6, 6, nil, mark: "x")], size: 20, k: 5)
        #expect(marked.map { [$0.low, $0.high] } == [2, 3])
        // Only 不涉及: no median.
        #expect(MedianRange(bins: [bin(nil, nil, 9, other: true)], size: 9, k: 5) == nil)
    }
}
/// The cost of giving up a figure: unit, value or log, as tau-ARGUS offers. The one
/// this version uses must lose no more than the others on the shipped data and on a
/// generated set.
@Suite struct SecondaryCostTests {
    @Test func theChosenCostLosesLeast() throws {
        let shipped = try AssessmentLoader(standard: standard).load(repository + "/Content/assessments").records
        let generated = try DisclosureTests.assessments(520, seed: 5)
        for (name, records) in [("shipped", shipped), ("generated", generated)] {
            var lost: [SecondaryCost: (figures: Int, records: Int)] = [:]
            for cost in SecondaryCost.allCases {
                let release = try #require(
                    try OutcomeRelease.make(
                        set: AssessmentSet(records: records, synthetic: true, label: nil), standard: standard,
                        text: text, key: DisclosureTests.key, ledger: ReleaseLedger(folder: "r"), cost: cost))
                var result = (figures: release.audit.primary + release.audit.secondary, records: 0)
                for (problem, withheld, _) in release.problems {
                    for (index, state) in withheld.enumerated() where state == .secondary {
                        result.records += problem.sum(problem.figures[index])
                    }
                }
                lost[cost] = result
            }
            print(
                "secondary cost, \(name): "
                    + SecondaryCost.allCases.map {
                        "\($0.rawValue) \(lost[$0]!.figures) withheld / \(lost[$0]!.records) in ×"
                    }.joined(separator: ", "))
            let chosen = lost[SecondaryCost.chosen]!
            #expect(lost.values.allSatisfy { chosen.records <= $0.records || chosen.figures < $0.figures }, "\(name)")
        }
    }
}
