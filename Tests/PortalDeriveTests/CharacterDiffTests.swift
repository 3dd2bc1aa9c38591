import PortalModel
import Testing

@testable import PortalDerive

/// Character diffs of Chinese texts: exactly the changed characters marked, rewrites read
/// as one change, and never a character lost or doubled.
@Suite struct CharacterDiffTests {
    typealias Run = CharacterDiff.Run

    func runs(_ old: String, _ new: String) -> [Run] { CharacterDiff(from: old, to: new).runs }

    @Test func aChangedCharacterInASentenceIsTheOnlyOneMarked() {
        #expect(
            runs("实现生产过程数据自动采集与分析。", "实现生产过程数据自动汇集与分析。") == [
                Run(.same, "实现生产过程数据自动"), Run(.deleted, "采"), Run(.inserted, "汇"), Run(.same, "集与分析。"),
            ])
    }

    @Test func insertionsAndDeletionsAlone() {
        #expect(runs("开展数据采集", "开展实时数据采集") == [Run(.same, "开展"), Run(.inserted, "实时"), Run(.same, "数据采集")])
        #expect(runs("开展实时数据采集", "开展数据采集") == [Run(.same, "开展"), Run(.deleted, "实时"), Run(.same, "数据采集")])
        #expect(runs("", "新增") == [Run(.inserted, "新增")])
        #expect(runs("删除", "") == [Run(.deleted, "删除")])
    }

    @Test func equalTextsAreOneKeptRun() {
        #expect(runs("不变", "不变") == [Run(.same, "不变")])
        #expect(runs("", "").isEmpty)
    }

    /// The coalescing rule: the raw diff of a rewritten sentence keeps the one character
    /// both share ("级"); folded, it reads as the old sentence deleted, the new inserted.
    @Test func aRewrittenSentenceReadsAsOneChange() {
        let raw = CharacterDiff.merged(
            CharacterDiff.edits(from: Array("开展产线级数据采集"), to: Array("建设车间级信息系统")))
        #expect(raw.map(\.kind) == [.deleted, .inserted, .same, .deleted, .inserted])
        #expect(runs("开展产线级数据采集", "建设车间级信息系统") == [Run(.deleted, "开展产线级数据采集"), Run(.inserted, "建设车间级信息系统")])
    }

    @Test func twoKeptCharactersFoldThreeStay() {
        #expect(runs("甲乙的了丙丁", "戊己的了庚辛") == [Run(.deleted, "甲乙的了丙丁"), Run(.inserted, "戊己的了庚辛")])
        #expect(
            runs("甲乙数据化丙丁", "戊己数据化庚辛") == [
                Run(.deleted, "甲乙"), Run(.inserted, "戊己"), Run(.same, "数据化"), Run(.deleted, "丙丁"),
                Run(.inserted, "庚辛"),
            ])
    }

    /// Once a rewrite is gathered, short kept runs that continue it (here between two
    /// insertions) join it too: "的" and "了" are folded, the passage reads as one change.
    @Test func aRewriteTakesInTheShortKeptRunsThatContinueIt() {
        let raw = CharacterDiff.merged(CharacterDiff.edits(from: Array("甲的了"), to: Array("乙的丙了丁")))
        #expect(raw.map(\.kind) == [.deleted, .inserted, .same, .inserted, .same, .inserted])
        #expect(runs("甲的了", "乙的丙了丁") == [Run(.deleted, "甲的了"), Run(.inserted, "乙的丙了丁")])
    }

    /// Between two insertions (nothing deleted around it) a short kept run is a kept
    /// word, not the noise of a rewrite.
    @Test func aShortKeptRunBetweenInsertionsStays() {
        #expect(
            runs("智能工厂", "智能化工厂建设") == [Run(.same, "智能"), Run(.inserted, "化"), Run(.same, "工厂"), Run(.inserted, "建设")])
        #expect(runs("甲乙丙", "乙") == [Run(.deleted, "甲"), Run(.same, "乙"), Run(.deleted, "丙")])
    }

    @Test func aKeptRunAtEitherEndIsNeverFolded() {
        #expect(runs("的甲", "的乙") == [Run(.same, "的"), Run(.deleted, "甲"), Run(.inserted, "乙")])
        #expect(runs("甲的", "乙的") == [Run(.deleted, "甲"), Run(.inserted, "乙"), Run(.same, "的")])
    }

    @Test func graphemeClustersStayWhole() {
        let family = "👨‍👩‍👧", flag = "🇨🇳", accented = "e\u{301}"
        #expect(runs("家庭\(family)", "家庭\(flag)") == [Run(.same, "家庭"), Run(.deleted, family), Run(.inserted, flag)])
        #expect(
            runs("caf\(accented)。", "cafe。") == [
                Run(.same, "caf"), Run(.deleted, accented), Run(.inserted, "e"), Run(.same, "。"),
            ])
    }

    /// Same + deleted spell the old text, same + inserted the new one; no empty run, no
    /// two neighbours of one kind; folding never keeps more than the shortest edit does.
    func expectSound(_ old: String, _ new: String, _ comment: Comment? = nil) {
        let diff = CharacterDiff(from: old, to: new)
        #expect(diff.oldText == old, comment)
        #expect(diff.newText == new, comment)
        #expect(diff.runs.allSatisfy { !$0.text.isEmpty }, comment)
        #expect(zip(diff.runs, diff.runs.dropFirst()).allSatisfy { $0.kind != $1.kind }, comment)
        let raw = CharacterDiff.merged(CharacterDiff.edits(from: Array(old), to: Array(new)))
        #expect(diff.sameCount <= raw.filter { $0.kind == .same }.reduce(0) { $0 + $1.text.count }, comment)
    }

    @Test func randomPairsLoseAndDoubleNothing() {
        let alphabet: [String] = [
            "智", "能", "工", "厂", "数", "据", "的", "，", "。", "、", "（", "）", "《", "》", "：", "a", "B", "5", "G", " ",
            "-", "😀", "👨‍👩‍👧", "🇨🇳", "e\u{301}", "\n",
        ]
        var random = SystemRandomNumberGenerator()
        func text(_ length: Int) -> String {
            (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
        for _ in 0..<500 {
            let old = text(Int.random(in: 0...40, using: &random))
            expectSound(old, text(Int.random(in: 0...40, using: &random)), "\(old)")
            // A near copy: a few characters replaced, inserted or deleted.
            var near = Array(old)
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let at = Int.random(in: 0...near.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where at < near.count: near.remove(at: at)
                case 1 where at < near.count: near[at] = Character(alphabet.randomElement(using: &random)!)
                default: near.insert(contentsOf: text(Int.random(in: 1...3, using: &random)), at: at)
                }
            }
            expectSound(old, String(near), "\(old) → \(String(near))")
        }
    }

    /// Every tier text of the real standard against the next tier's and the next
    /// scenario's, and every indicator level against the next.
    @Test func realTextsLoseAndDoubleNothing() {
        let scenarios = standard.scenarios
        var pairs: [(String, String)] = []
        for (index, scenario) in scenarios.enumerated() {
            let texts = TierID.allCases.map { scenario.text(at: $0) ?? "" }
            pairs += zip(texts, texts.dropFirst()).map { ($0, $1) }
            let next = scenarios[(index + 1) % scenarios.count]
            pairs += TierID.allCases.map { (scenario.text(at: $0) ?? "", next.text(at: $0) ?? "") }
        }
        for indicator in standard.indicators {
            pairs += zip(indicator.levels, indicator.levels.dropFirst()).map { ($0, $1) }
        }
        #expect(pairs.count > 200)
        for (old, new) in pairs { expectSound(old, new, "\(old) → \(new)") }
    }
}
