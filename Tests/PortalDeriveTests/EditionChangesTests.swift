import PortalModel
import Testing

@testable import PortalDerive

/// What changed between two small editions: each kind of change found, each changed cell
/// diffed against the text it came from, tier rules compared.
@Suite struct EditionChangesTests {
    typealias Run = CharacterDiff.Run
    let sentences = EditionFixtures.sentences

    func scenario(_ no: Int, name: String = "智能仓储", _ texts: [TierID: String?]) -> Scenario {
        EditionFixtures.scenario(no, name: name, texts)
    }

    func changes(_ old: [Scenario], _ new: [Scenario], _ crosswalk: [CrosswalkEntry] = []) -> EditionChanges {
        EditionChanges.compute(
            from: EditionFixtures.standard(old), to: EditionFixtures.standard(new), crosswalk: crosswalk)
    }

    @Test func aChangedCharacterMarksExactlyThatCharacter() throws {
        let old = scenario(1, [.basic: "实现生产过程数据自动采集。", .advanced: sentences[0]])
        let new = scenario(1, [.basic: "实现生产过程数据自动汇集。", .advanced: sentences[0]])
        let found = changes([old], [new])
        #expect(found.scenarios.map(\.kind) == [.modified])
        let cell = try #require(found.changedCells.first)
        #expect(found.changedCells.count == 1)
        #expect(cell.scenario == "01" && cell.source == "01" && cell.tier == .basic)
        #expect(cell.change.old == "实现生产过程数据自动采集。" && cell.change.new == "实现生产过程数据自动汇集。")
        #expect(
            cell.change.diff.runs == [
                Run(.same, "实现生产过程数据自动"), Run(.deleted, "采"), Run(.inserted, "汇"), Run(.same, "集。"),
            ])
    }

    @Test func aCellBecomesDefinedAndAnotherUndefined() {
        let old = scenario(1, [.basic: nil, .advanced: sentences[0], .leading: sentences[1]])
        let new = scenario(1, [.basic: sentences[2], .advanced: sentences[0], .leading: nil])
        let cells = changes([old], [new]).changedCells
        #expect(cells.map(\.tier) == [.basic, .leading])
        #expect(cells[0].change.old == nil && cells[0].change.new == sentences[2])
        #expect(cells[0].change.diff.runs == [Run(.inserted, sentences[2])])
        #expect(cells[1].change.old == sentences[1] && cells[1].change.new == nil)
        #expect(cells[1].change.diff.runs == [Run(.deleted, sentences[1])])
    }

    @Test func aNameOrSegmentChangeIsAModification() {
        let old = scenario(1, name: "智能仓储", [.advanced: sentences[0]])
        let renamed = scenario(1, name: "智慧仓储", [.advanced: sentences[0]])
        let moved = EditionFixtures.scenario(1, name: "智能仓储", segment: "产品设计", [.advanced: sentences[0]])
        #expect(changes([old], [renamed]).scenarios.first?.comparisons.first?.changes.map(\.field) == [.name])
        #expect(changes([old], [moved]).scenarios.first?.comparisons.first?.changes.map(\.field) == [.segment])
        #expect(changes([old], [renamed]).changedCells.isEmpty)
    }

    @Test func unchangedItemsAreNotListed() {
        let same = (1...3).map { EditionFixtures.sentenceScenario($0, sentence: $0) }
        let found = changes(same, same)
        #expect(found.scenarios.isEmpty && found.indicators.isEmpty && found.tierRules.isEmpty)
        #expect(found.counts().values.allSatisfy { $0 == 0 } && found.counts().count == ChangeKind.allCases.count)
    }

    @Test func addedAndWithdrawnWithItsReason() {
        let kept = EditionFixtures.sentenceScenario(1, sentence: 0)
        let gone = EditionFixtures.sentenceScenario(2, sentence: 1)
        let added = EditionFixtures.sentenceScenario(3, sentence: 2)
        let found = changes(
            [kept, gone], [kept, added],
            [CrosswalkEntry(item: .scenario, kind: .withdrawn, from: ["02"], to: [], reason: "并入基础要求")])
        #expect(found.scenarios.map(\.kind) == [.withdrawn, .added])
        #expect(found.scenarios[0].from == ["02"] && found.scenarios[0].reason == "并入基础要求")
        #expect(found.scenarios[1].to == ["03"] && found.scenarios[1].comparisons.isEmpty)
        #expect(found.counts()[.added] == 1 && found.counts()[.withdrawn] == 1 && found.counts()[.modified] == 0)
    }

    /// An old code the crosswalk forgets still shows as gone (the check reports it); a
    /// code withdrawn and then given to a new scenario is that scenario, added.
    @Test func aForgottenCodeIsWithdrawnAndAReusedCodeAdded() {
        let first = EditionFixtures.sentenceScenario(1, sentence: 0)
        let second = EditionFixtures.sentenceScenario(2, sentence: 1)
        let reused = EditionFixtures.sentenceScenario(1, sentence: 2)
        let found = changes(
            [first, second], [reused],
            [CrosswalkEntry(item: .scenario, kind: .withdrawn, from: ["01"], to: [], reason: "不再适用")])
        #expect(found.scenarios.map(\.kind) == [.added, .withdrawn, .withdrawn])
        #expect(found.scenarios.map(\.from) == [[], ["01"], ["02"]])
        #expect(found.scenarios.map(\.reason) == [nil, "不再适用", nil])
    }

    @Test func movedWithAndWithoutTextChange() throws {
        let first = EditionFixtures.sentenceScenario(1, sentence: 0)
        let second = EditionFixtures.sentenceScenario(2, sentence: 1)
        let secondEdited = scenario(
            6, name: "场景1",
            [.advanced: sentences[1], .excellent: sentences[1] + "（卓越级）", .leading: sentences[1] + "（引领级）"])
        let found = changes(
            [first, second], [scenario(5, name: "场景0", first.tiers), secondEdited],
            [
                CrosswalkEntry(item: .scenario, kind: .moved, from: ["01"], to: ["05"]),
                CrosswalkEntry(item: .scenario, kind: .moved, from: ["02"], to: ["06"]),
            ])
        #expect(found.scenarios.map(\.kind) == [.moved, .moved])
        #expect(found.scenarios.map(\.to) == [["05"], ["06"]])
        #expect(!found.scenarios[0].textChanged && found.scenarios[1].textChanged)
        // The moved scenario's cell against the text it had under its old code.
        let cell = try #require(found.changedCells.first)
        #expect(found.changedCells.count == 1)
        #expect(cell.scenario == "06" && cell.source == "02" && cell.tier == .leading)
        #expect(cell.change.diff.runs.filter { $0.kind != .same } == [Run(.deleted, "领航"), Run(.inserted, "引领")])
        #expect(found.counts(of: .scenario)[.moved] == 2 && found.counts(of: .indicator)[.moved] == 0)
    }

    @Test func splitComparesEachPartWithTheWhole() {
        let whole = EditionFixtures.sentenceScenario(4, sentence: 2)
        let parts = [
            scenario(7, name: "设备联网", [.advanced: "建立设备联网平台，采集关键设备运行参数。"]),
            scenario(8, name: "预测性维护", [.advanced: "开展预测性维护与故障诊断。"]),
        ]
        let found = changes(
            [whole], parts, [CrosswalkEntry(item: .scenario, kind: .split, from: ["04"], to: ["07", "08"])])
        #expect(found.scenarios.map(\.kind) == [.split])
        #expect(found.scenarios[0].comparisons.map(\.from) == ["04", "04"])
        #expect(found.scenarios[0].comparisons.map(\.to) == ["07", "08"])
        let advanced = found.changedCells.filter { $0.tier == .advanced }
        #expect(advanced.map(\.change.diff.newText) == ["建立设备联网平台，采集关键设备运行参数。", "开展预测性维护与故障诊断。"])
        #expect(advanced.allSatisfy { $0.change.old == sentences[2] })
    }

    @Test func mergedComparesTheWholeWithEachSource() {
        let sources = [
            EditionFixtures.sentenceScenario(5, sentence: 0), EditionFixtures.sentenceScenario(6, sentence: 3),
        ]
        let merged = scenario(9, name: "仓储与能源", [.advanced: sentences[0] + sentences[3]])
        let found = changes(
            sources, [merged], [CrosswalkEntry(item: .scenario, kind: .merged, from: ["05", "06"], to: ["09"])])
        #expect(found.scenarios.map(\.kind) == [.merged] && found.scenarios[0].from == ["05", "06"])
        #expect(found.scenarios[0].comparisons.map(\.from) == ["05", "06"])
        let advanced = found.changedCells.filter { $0.tier == .advanced }
        #expect(
            advanced.map(\.change.diff.runs) == [
                [Run(.same, sentences[0]), Run(.inserted, sentences[3])],
                [Run(.inserted, sentences[0]), Run(.same, sentences[3])],
            ])
    }

    @Test func aChangedTierThresholdAndARemovedTier() throws {
        let old = EditionFixtures.standard([])
        var new = old
        new.framework.tiers[1].minScenarios += 2
        new.framework.tiers[2].minMaturity = (new.framework.tiers[2].minMaturity ?? 0) + 1
        new.framework.tiers.removeLast()
        let rules = EditionChanges.compute(from: old, to: new, crosswalk: []).tierRules
        #expect(rules.map(\.tier) == [.advanced, .excellent, .leading])
        #expect(rules.map(\.kind) == [.modified, .modified, .withdrawn])
        let advanced = try #require(rules.first)
        #expect(advanced.new?.minScenarios == (advanced.old?.minScenarios ?? 0) + 2)
        #expect(advanced.new?.requiredAreas == advanced.old?.requiredAreas)
        #expect(rules[2].new == nil && rules[2].old == TierRules(old.framework.tiers[3]))
    }

    @Test func indicatorFieldsEachWithTheirDiff() {
        let old = EditionFixtures.indicator(2, levels: ["未联网", "部分联网", "关键设备联网"])
        let new = EditionFixtures.indicator(2, name: "设备联网水平", levels: ["未联网", "部分联网", "主要设备联网", "全部联网"])
        let found = EditionChanges.compute(
            from: EditionFixtures.standard([], indicators: [old]), to: EditionFixtures.standard([], indicators: [new]),
            crosswalk: [])
        #expect(found.indicators.map(\.kind) == [.modified])
        let fields = found.indicators[0].comparisons[0].changes
        #expect(fields.map(\.field) == [.name, .level(3), .level(4)])
        #expect(fields[1].diff.runs == [Run(.deleted, "关键"), Run(.inserted, "主要"), Run(.same, "设备联网")])
        #expect(fields[2].old == nil && fields[2].new == "全部联网")
        #expect(found.scenarios.isEmpty && found.counts(of: .indicator)[.modified] == 1)
    }

    /// 4,000 scenarios × 4 tiers, every one changed in one cell: fast enough to run on
    /// every build (the bound is loose for debug builds; release takes a fraction).
    @Test func fourThousandScenariosDiffQuickly() {
        let old = (1...4000).map { EditionFixtures.sentenceScenario($0, sentence: $0 % 4) }
        let new = (1...4000).map { no in
            let text = sentences[no % 4]
            return scenario(
                no, name: "场景\(no % 4)", [.advanced: text, .excellent: text + "（卓越级）", .leading: text + "（领先级）"])
        }
        let clock = ContinuousClock()
        var found: EditionChanges?
        let elapsed = clock.measure { found = changes(old, new) }
        #expect(found?.changedCells.count == 4000)
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}
