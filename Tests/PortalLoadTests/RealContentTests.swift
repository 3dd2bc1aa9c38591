import PortalLoad
import PortalModel
import PortalTestSupport
import Testing

/// The shipped Content/: the whole standard is there, with the rules Annex 1 states.
@Suite struct RealContentTests {
    let standard = try! ContentLoader(root: Fixtures.repository + "/Content").load()

    @Test func holdsTheWholeStandard() {
        #expect(standard.scenarios.map(\.no) == Array(1...40))
        #expect(standard.indicators.map(\.no) == Array(1...10))
        #expect(standard.framework.segments.count == 15)
        #expect(standard.framework.areas.map(\.name) == ["工厂建设", "研发设计", "生产作业", "生产管理", "运营管理"])
        #expect(standard.site.language == "zh-CN")
        #expect(standard.site.edition == "2025年版")
    }

    @Test func tierRulesAreAnnex1s() {
        let tiers = standard.framework.tiers
        #expect(tiers.map(\.name) == ["基础级", "先进级", "卓越级", "领航级"])
        #expect(tiers.map(\.minScenarios) == [5, 10, 16, 20])
        #expect(tiers.map(\.minMaturity) == [nil, 2, 3, 4])
        #expect(tiers[0].requiredAreas == ["production"])
        #expect(tiers[1].requiredAreas == ["production", "management", "operations"])
        #expect(tiers[2].requiredAreas.count == 5 && tiers[3].requiredAreas.count == 5)
        #expect(tiers[3].areaTexts[4].label == "经营管理")  // the source's own wording, kept
    }

    @Test func scenariosDefinedPerTier() {
        let counts = TierID.allCases.map { tier in standard.scenarios.filter { $0.text(at: tier) != nil }.count }
        #expect(counts == [25, 32, 40, 40])
        // Every tier defines at least its minimum number of scenarios.
        for (tier, count) in zip(standard.framework.tiers, counts) { #expect(count >= tier.minScenarios) }
    }

    @Test func segmentsBelongToAreasAsAnnex1Notes() {
        let area = Dictionary(uniqueKeysWithValues: standard.framework.segments.map { ($0.name, $0.area) })
        #expect(area["信息基础设施"] == "factory")
        #expect(area["质量管控"] == "production")
        #expect(area["环保管理"] == "management")
        #expect(area["营销与售后"] == "operations")
        #expect(area["多环节/模式创新"] == .some(nil))
        for segment in standard.framework.segments where segment.area != nil {
            let note = standard.framework.area(segment.area!)!.note
            #expect(note.contains(segment.name), "\(segment.name) not named in the note of \(segment.area!)")
        }
    }

    @Test func reassembledCellsReadAsOne() {
        let s13 = standard.scenarios[12]
        #expect(s13.text(at: .basic) == "通过信息系统收集和分析生产数据，以支持决策制定；将精益管理理念与数智技术结合。")
        #expect(s13.text(at: .excellent) == "进一步引入 AI技术，以实现对生产过程的智能监控和优化；实现基于数据驱动的管理决策能力增强，运营效率大幅提升。")
        #expect(standard.scenarios[9].text(at: .excellent)?.hasSuffix("安全防护等技术，在复杂任务中实现高度协同。") == true)
        #expect(standard.scenarios[19].text(at: .leading)?.hasSuffix("提高安全防护水平和安全事故快速处置能力，降低事故发生率和损失。") == true)
        #expect(
            standard.scenarios[24].text(at: .excellent)
                == "通过对客户信息的挖掘分析,优化客户需求预测模型，制定精准的销售计划；应用用户画像、需求预测等技术，实现基于客户需求洞察的营销策略优化和供需精准匹配。")
        #expect(standard.scenarios[27].text(at: .basic) == nil && standard.scenarios[27].text(at: .advanced) == nil)
    }
}
