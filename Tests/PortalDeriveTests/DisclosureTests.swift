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
        copy.identifiers = DirectIdentifiers(enterprise: "企业\(number)", creditCode: body + String(CreditCode.checkCharacter(for: body)!))
        return copy
    }

    static func release(_ records: [Assessment], ledger: [ReleaseRecord] = []) throws -> OutcomeRelease {
        try #require(try OutcomeRelease.make(set: AssessmentSet(records: records, synthetic: false, label: nil), standard: standard,
                                             text: text, key: key, ledger: ReleaseLedger(folder: "releases", releases: ledger)))
    }

    /// Every count a release publishes, by attribute, row and value.
    static func published(_ release: OutcomeRelease) -> [String: Int] {
        var figures: [String: Int] = [:]
        for (attribute, rows) in release.record.figures {
            for (row, values) in rows { for (value, count) in values { if let count { figures["\(attribute)|\(row)|\(value)"] = count } } }
        }
        return figures
    }

    /// The quasi-identifiers of the records a release includes are those of the whole set
    /// at their positions (looked up once, on every core), as if built from them alone;
    /// and each record's answers are read into the attribute columns as its own fields say.
    @Test func quasiIdentifiersOfASubsetAndAnswerColumnsAreTheRecords() throws {
        var records = try Self.assessments(300, seed: 11)
        // A region and an industry the framework does not list count as "other".
        records[3] = Assessment(identifiers: records[3].identifiers, source: records[3].source, region: "某地", industry: "某业",
                                year: records[3].year, declaredTier: nil, maturity: records[3].maturity,
                                indicators: records[3].indicators, scenarios: records[3].scenarios)
        let whole = QuasiIdentifiers(records, framework: standard.framework, other: "其他")
        let positions = records.indices.filter { $0 % 3 != 1 }.reversed().map { $0 }
        let selected = whole.selecting(positions)
        let built = QuasiIdentifiers(positions.map { records[$0] }, framework: standard.framework, other: "其他")
        #expect(selected.cities == built.cities && selected.parts == built.parts && selected.sectors == built.sectors && selected.years == built.years)
        #expect(built.cities[positions.firstIndex(of: 3)!] == built.cityNames.count)
        let (answers, columns) = Attribute.answers(of: records, standard: standard)
        for (position, record) in records.enumerated() {
            for (index, indicator) in standard.indicators.enumerated() { #expect(answers[index][position] == record.indicators[indicator.no]) }
            for (index, scenario) in standard.scenarios.enumerated() { #expect(columns[index][position] == (record.scenarios[scenario.no].map { $0.index + 1 } ?? 0)) }
        }
    }

    @Test func rareTiersAreMergedUpwardIntoGroupsOfK() {
        #expect(TierGroups(counts: [40, 100, 30, 4, 1], k: 5, tiers: TierID.allCases).groups == [[0], [1], [2], [3, 4]])
        #expect(TierGroups(counts: [40, 100, 30, 3, 1], k: 5, tiers: TierID.allCases).groups == [[0], [1], [2, 3, 4]])
        #expect(TierGroups(counts: [40, 100, 30, 9, 0], k: 5, tiers: TierID.allCases).groups == [[0], [1], [2], [3], [4]])
        // Too few at the bottom: they join the groups above until the group holds k.
        #expect(TierGroups(counts: [2, 0, 10, 0, 0], k: 5, tiers: TierID.allCases).groups == [[0, 1, 2], [3], [4]])
        #expect(TierGroups(counts: [1, 1, 1, 1, 1], k: 5, tiers: TierID.allCases).groups == [[0, 1, 2, 3, 4]])
    }

    /// Three cohorts (sizes 7, 6, 20) × three values; figures: each cohort and the total.
    static let small: LinkedCounts = {
        let truth = [5, 1, 1, 2, 2, 2, 10, 6, 4]
        var figures: [[Int]] = (0..<3).flatMap { atom in (0..<3).map { [atom * 3 + $0] } }
        figures += (0..<3).map { value in (0..<3).map { $0 * 3 + value } }
        return LinkedCounts(k: 5, atomSizes: [7, 6, 20], valueCount: 3, truth: truth, structuralZero: Array(repeating: false, count: 9),
                            figures: figures, earlier: [], hidden: [])
    }()

    @Test func suppressionIsAuditedAndEveryWithheldFigureStaysUncertain() {
        let protection = Protector(problem: Self.small).protect()
        #expect(protection.audit.failures == 0)
        #expect(!protection.audit.intervals.isEmpty)
        #expect(protection.audit.intervals.allSatisfy { $0.high - $0.low >= 4 - 1e-6 })
        for (index, terms) in Self.small.figures.enumerated() where (1..<5).contains(Self.small.sum(terms)) {
            #expect(protection.withheld[index] == .primary)
        }
        #expect(protection.withheld.contains(.secondary))
        // Without the secondary figures the audit finds a withheld one narrowed below k−1.
        let primaryOnly = protection.withheld.map { $0 == .primary ? $0 : nil }
        #expect(Auditor(problem: Self.small, withheld: primaryOnly).run().failures > 0)
    }

    @Test func smallGroupsAreNeverDescribed() throws {
        var records = try Self.assessments(120, seed: 9)
        // A lone year, three records in one city of their own, a single 领航级.
        var lone = Self.twin(of: records[0], number: 800)
        lone.year = 2024
        records.append(lone)
        for index in 1...3 { var record = Self.twin(of: records[index], number: 900 + index); record.region = "阿拉善盟"; records.append(record) }
        let release = try Self.release(records)
        #expect(release.audit.failures == 0)
        #expect(release.cohorts.allSatisfy { $0.size >= 5 })
        #expect(release.groupSizes.allSatisfy { $0 == 0 || $0 >= 5 })
        #expect(Self.published(release).values.allSatisfy { $0 == 0 || $0 >= 5 })
        // A value readers know enterprises by, held by fewer than k (the lone year, the
        // small city), shows no zero beside its withheld cells in any tier group.
        for attribute in release.attributes where [.declared, .region, .sector, .year, .maturity].contains(attribute.kind) {
            for value in attribute.values.indices where attribute.total[value] == .withheld(.primary) {
                // (A tier group with no assessment at all shows its 0s: it has no one to describe.)
                let described = attribute.groups.indices.filter { release.groupSizes[$0] > 0 }
                #expect(described.allSatisfy { attribute.groups[$0][value].value == nil }, "\(attribute.id) \(attribute.values[value].key)")
            }
        }
        // No row (a group of assessments) is shown to lie in one value by a withheld cell
        // beside zeros.
        for attribute in release.attributes {
            for row in [attribute.total] + attribute.groups + attribute.cohorts {
                let nonZero = row.filter { $0 != .count(0) }
                #expect(!(nonZero.count == 1 && nonZero[0].value == nil), "\(attribute.id)")
            }
        }
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
        let error = #expect(throws: DiagnosticList.self) { try Self.release(Array(records.dropLast()), ledger: [first.record]) }
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
        #expect(RecordKey("0123456789abcdef0123456789abcdef") == nil) // a 64-bit piece repeated
        #expect(RecordKey(String(repeating: "ab", count: 40)) == nil)
        #expect(RecordKey("3f9a1c5e7b2d4f6a8c0e1b3d5f7a9c2") == nil) // 31 hex digits: 124 bits
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
            var text = "record|" + record.identifiers.creditCode + "|" + String(record.year) + "|" + record.region + "|" + record.industry
            text += "|" + (record.declaredTier?.rawValue ?? "-") + "|" + String(record.maturity)
            for (no, answer) in record.indicators.sorted(by: { $0.key < $1.key }) {
                text += "|i" + String(no) + "="
                switch answer {
                case .level(let level): text += String(level)
                case .notApplicable: text += "na"
                case .amount(let amount): text += String(amount)
                }
            }
            for (no, tier) in record.scenarios.sorted(by: { $0.key < $1.key }) { text += "|s" + String(no) + "=" + tier.rawValue }
            #expect(Self.key.fingerprint(record) == Self.key.mac(text))
        }
    }

    @Test func decimalsAreWrittenAsStringWritesThem() {
        for number in [0, 7, 9, 10, 99, 100, 2025, 1_234_567, -5, -10, Int.max, Int.min] + (0..<200).map({ _ in Int.random(in: -1_000_000...1_000_000) }) {
            var text: [UInt8] = Array("x".utf8)
            RecordKey.appendDecimal(number, to: &text)
            #expect(String(decoding: text, as: UTF8.self) == "x" + String(number))
        }
    }

    @Test func mediansAreRangesOverWhatIsWithheld() {
        #expect(MedianRange(counts: [5, 10, 5, 0, 0, 0], others: [], size: 20).map { [$0.low, $0.high] } == [2, 2])
        // 6 withheld at levels 1 or 6: the median is somewhere from 2 to 3.
        let range = MedianRange(counts: [nil, 7, 7, 0, 0, nil], others: [], size: 20)
        #expect(range.map { [$0.low, $0.high] } == [2, 3])
    }
}

/// The flow form of a block is the LP, only faster; and the solver gives up less than
/// greedy complements do.
@Suite struct SuppressionOptimiserTests {
    /// A seeded table: rows of known size × values, each cell a figure, columns held.
    static func table(seed: UInt64, rows: Int, values: Int) -> (LinkedCounts, CellFlow) {
        var state = seed
        func next(_ bound: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(bound)) }
        let truth = (0..<rows * values).map { _ in next(4) == 0 ? 0 : next(9) }
        let sizes = (0..<rows).map { row in (0..<values).reduce(0) { $0 + truth[row * values + $1] } }
        let figures = (0..<rows * values).map { [$0] }
        let columns = (0..<values).map { value in (terms: (0..<rows).map { $0 * values + value }, published: Optional(0)) }
        let problem = LinkedCounts(k: 5, atomSizes: sizes, valueCount: values, truth: truth,
                                   structuralZero: Array(repeating: false, count: truth.count), figures: figures, earlier: columns, hidden: [])
        let flow = CellFlow(rows: rows, values: values, down: truth.map(Double.init),
                            up: truth.indices.map { Double(sizes[$0 / values] - truth[$0]) },
                            fixed: Array(repeating: false, count: truth.count), columnCost: nil)
        return (problem, flow)
    }

    @Test func theFlowFindsTheLPsOptimum() {
        var compared = 0
        for seed in 1...12 {
            let (problem, flow) = Self.table(seed: UInt64(seed), rows: 6, values: 5)
            let model = ProtectionModel(problem)
            let weights = problem.truth.map { Double($0 + 1) }
            for cell in stride(from: 0, to: problem.truth.count, by: 3) {
                for amount in [3.0, -2.0] {
                    let lp = model.cheapestDeviation(moving: [cell], by: amount, weights: weights)
                    let network = flow.deviation(cell: cell, amount: amount, cost: weights)
                    #expect((lp == nil) == (network == nil), "seed \(seed) cell \(cell) by \(amount)")
                    guard let lp, let network else { continue }
                    let cost = network.indices.filter { $0 != cell }.reduce(0.0) { $0 + abs(network[$1]) * weights[$1] }
                    let lpCost = lp.figureChange.indices.filter { $0 != cell }.reduce(0.0) { $0 + abs(lp.figureChange[$1]) * weights[$1] }
                    #expect(abs(cost - lpCost) < 1e-6, "seed \(seed) cell \(cell) by \(amount): flow \(cost), LP \(lpCost)")
                    compared += 1
                }
            }
        }
        #expect(compared > 50)
    }

    /// The old method: for each withheld figure too narrow, withhold the smallest
    /// published figure of its row or column, and audit again.
    static func greedy(_ problem: LinkedCounts) -> [Withholding?] {
        let truth = problem.figures.map(problem.sum)
        var withheld: [Withholding?] = truth.map { (1..<problem.k).contains($0) ? .primary : nil }
        let atoms = problem.figures.map { Set($0.map(problem.atom(of:))) }
        let values = problem.figures.map { $0.first.map { $0 % problem.valueCount } ?? -1 }
        while true {
            let audit = Auditor(problem: problem, withheld: withheld).run()
            guard let failing = audit.intervals.first(where: { $0.kind == .figure && $0.high - $0.low < Double(problem.k - 1) - 1e-6 }) else { break }
            let f = failing.index
            let partner = problem.figures.indices.filter { index in
                withheld[index] == nil && !problem.figures[index].allSatisfy { problem.structuralZero[$0] }
                    && (atoms[index] == atoms[f] || values[index] == values[f])
            }
                .min { (truth[$0], $0) < (truth[$1], $1) }
            guard let partner else { return Protector(problem: problem).protect().withheld.map { $0 == nil ? nil : .secondary } }
            withheld[partner] = .secondary
        }
        return withheld
    }

    @Test func theSolverGivesUpLessThanGreedyComplements() throws {
        let records = try AssessmentLoader(standard: standard).load(repository + "/Content/assessments").records
        let release = try #require(try OutcomeRelease.make(set: AssessmentSet(records: records, synthetic: true, label: nil),
                                                           standard: standard, text: text, key: DisclosureTests.key, ledger: ReleaseLedger(folder: "r")))
        var solver = (cells: 0, total: 0), greedy = (cells: 0, total: 0)
        for (problem, blocks) in release.inputs {
            let truth = problem.figures.map(problem.sum)
            let mine = Protector(problem: problem, blocks: blocks).protect().withheld, theirs = Self.greedy(problem)
            #expect(Auditor(problem: problem, withheld: theirs).run().failures == 0)
            for index in truth.indices {
                if mine[index] == .secondary { solver.cells += 1; solver.total += truth[index] }
                if theirs[index] == .secondary { greedy.cells += 1; greedy.total += truth[index] }
            }
        }
        print("secondary suppression on the shipped data: solver \(solver.cells) cells / \(solver.total) assessments, greedy \(greedy.cells) cells / \(greedy.total) assessments")
        #expect(solver.total <= greedy.total)
    }
}
