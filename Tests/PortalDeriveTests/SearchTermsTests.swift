@testable import PortalDerive
import Testing

/// The word lists added for the search index: every run of characters a query may be
/// cut into, each once; names whole where asked.
@Suite struct SearchTermsTests {
    @Test func aNameGivesItselfAndEveryShorterRun() {
        let whole = SearchTermBlock.of(["智能仓储"], weight: 10, longest: 0)
        #expect(whole.terms == "智能仓储" && whole.weight == "10")
        let runs = SearchTermBlock.of(["智能仓储"], weight: 1.5, whole: false, longest: 8).terms.split(separator: " ")
        #expect(Set(runs) == ["智", "能", "仓", "储", "智能", "能仓", "仓储", "智能仓", "能仓储", "智能仓储"])
        #expect(runs.count == Set(runs).count)
    }

    @Test func punctuationEndsARunAndLatinWordsStayWhole() {
        #expect(SearchTermBlock.words(of: "基于WMS系统，实现5G网络") == ["基于", "WMS", "系统", "实现", "5G", "网络"])
        let runs = SearchTermBlock.of(["应用WMS，仓储"], weight: 2, whole: false, longest: 2).terms.split(separator: " ")
        #expect(runs.contains("WMS") && runs.contains("仓储") && !runs.contains { $0.contains("，") })
    }
}
