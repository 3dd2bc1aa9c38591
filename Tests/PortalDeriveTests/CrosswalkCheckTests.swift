import PortalModel
import Testing

@testable import PortalDerive

/// A crosswalk checked both ways: every old code accounted for, every code named real,
/// each kind's shape, no code twice, and a move that keeps too little of its texts.
@Suite struct CrosswalkCheckTests {
    let old = (1...4).map { EditionFixtures.sentenceScenario($0, sentence: $0 - 1) }

    func check(_ new: [Scenario], _ crosswalk: [CrosswalkEntry]) -> CrosswalkFindings {
        CrosswalkCheck.check(
            from: EditionFixtures.standard(old), edition: EditionFixtures.edition("2025"),
            to: EditionFixtures.standard(new), edition: EditionFixtures.edition("2027", crosswalk: crosswalk))
    }

    func renumbered(_ scenario: Scenario, _ no: Int) -> Scenario {
        EditionFixtures.scenario(no, name: scenario.name, scenario.tiers)
    }

    func entry(_ kind: CrosswalkEntry.Kind, _ from: [String], _ to: [String], reason: String? = nil, line: Int = 7)
        -> CrosswalkEntry
    {
        CrosswalkEntry(item: .scenario, kind: kind, from: from, to: to, reason: reason, line: line, column: 5)
    }

    @Test func aCompleteCrosswalkHasNoFindings() {
        let new = [old[0], renumbered(old[1], 12), renumbered(old[2], 13), renumbered(old[2], 14)]
        let findings = check(
            new,
            [
                entry(.moved, ["02"], ["12"]), entry(.split, ["03"], ["13", "14"]),
                entry(.withdrawn, ["04"], [], reason: "并入"),
            ])
        #expect(findings == CrosswalkFindings())
    }

    @Test func anOldCodeNeitherKeptNorInTheCrosswalk() {
        let findings = check(Array(old.prefix(3)), [])
        #expect(
            findings.errors.map(\.description) == [
                "Content/edition.yaml:1:1: error: scenario 04 of edition 2025 is neither in edition 2027 nor in its "
                    + "crosswalk: add it to the crosswalk as moved, split, merged or withdrawn"
            ])
    }

    @Test func codesTheEditionsLack() {
        let findings = check(old, [entry(.moved, ["31"], ["40"])])
        #expect(
            findings.errors.map(\.description) == [
                "Content/edition.yaml:7:5: error: scenario 31 in `from` is not in edition 2025: write a code of "
                    + "edition 2025's scenarios",
                "Content/edition.yaml:7:5: error: scenario 40 in `to` is not in edition 2027: write a code of "
                    + "edition 2027's scenarios",
            ])
    }

    @Test func eachKindHasItsShape() {
        let new = [old[0], old[1], old[2], renumbered(old[3], 5), renumbered(old[3], 6)]
        let messages = check(
            new,
            [
                entry(.moved, ["04"], ["05", "06"], line: 1), entry(.split, ["01"], ["05"], line: 2),
                entry(.merged, ["02"], ["06"], line: 3), entry(.withdrawn, ["03"], ["05"], reason: "并入", line: 4),
            ]
        ).errors.filter { $0.message.contains(" maps ") }.map(\.message)
        #expect(
            messages == [
                "moved scenario entry maps 1 code(s) to 2: moved maps one code to one (split one to several, merged "
                    + "several to one)",
                "split scenario entry maps 1 code(s) to 1: split maps one code to two or more",
                "merged scenario entry maps 1 code(s) to 1: merged maps two or more codes to one",
                "withdrawn scenario entry maps 1 code(s) to 1: withdrawn names one code and no successor",
            ])
    }

    @Test func aWithdrawalNeedsAReason() {
        let findings = check(Array(old.prefix(3)), [entry(.withdrawn, ["04"], [], reason: " ")])
        #expect(
            findings.errors.map(\.message) == [
                "withdrawn scenario 04 has no reason: add a `reason:` saying why it was withdrawn"
            ])
    }

    @Test func anOldCodeNamedTwice() {
        let new = [old[0], old[1], old[2], renumbered(old[3], 5)]
        let findings = check(
            new, [entry(.moved, ["04"], ["05"], line: 3), entry(.withdrawn, ["04"], [], reason: "重复", line: 9)])
        #expect(
            findings.errors.map(\.description) == [
                "Content/edition.yaml:9:5: error: scenario 04 of edition 2025 is named in the crosswalk more than "
                    + "once: keep it in one entry"
            ])
    }

    /// Moving 01 to 02 is fine only if the old 02 went somewhere itself.
    @Test func aTargetStillHeldByAnOldItem() {
        let new = [renumbered(old[0], 2), old[2], old[3]]
        let findings = check(new, [entry(.moved, ["01"], ["02"])])
        #expect(
            findings.errors.map(\.message) == [
                "scenario 02 of edition 2027 is a crosswalk target, but edition 2025's scenario 02 is not in the "
                    + "crosswalk: say where it went (moved, split, merged or withdrawn), or map to another code"
            ])
        let chained = check(
            [renumbered(old[0], 2), renumbered(old[1], 5), old[2], old[3]],
            [entry(.moved, ["01"], ["02"]), entry(.moved, ["02"], ["05"])])
        #expect(chained == CrosswalkFindings())
    }

    @Test func aMoveThatKeepsAlmostNothingIsAWarning() {
        let unrelated = EditionFixtures.scenario(5, name: "安全培训", [.basic: "定期培训员工，考核上岗资格。"])
        let findings = check([old[1], old[2], old[3], unrelated], [entry(.moved, ["01"], ["05"])])
        #expect(findings.errors.isEmpty)
        #expect(findings.warnings.count == 1)
        #expect(
            findings.warnings.first?.warningDescription.hasPrefix(
                "Content/edition.yaml:7:5: warning: scenario 01 moved to 05 keeps ") == true)
        let edited = EditionFixtures.scenario(
            5, name: "场景0", [.advanced: "基于仓储管理系统，实现原材料与成品的自动出入库。", .leading: old[0].text(at: .leading)])
        #expect(check([old[1], old[2], old[3], edited], [entry(.moved, ["01"], ["05"])]) == CrosswalkFindings())
    }
}
