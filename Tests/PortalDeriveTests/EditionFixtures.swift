import PortalModel

/// Small editions for the edition-change tests: the real framework and site, with
/// scenarios and indicators written in the test.
enum EditionFixtures {
    static let segment = "工厂建设"

    static func scenario(
        _ no: Int, name: String = "智能仓储", segment: String = EditionFixtures.segment, _ texts: [TierID: String?]
    )
        -> Scenario
    {
        var tiers: [TierID: String?] = Dictionary(uniqueKeysWithValues: TierID.allCases.map { ($0, nil) })
        for (tier, text) in texts { tiers[tier] = text }
        return Scenario(
            no: no, name: name, segment: segment, tiers: tiers, notes: "",
            source: SourceFile(path: "scenarios/\(twoDigits(no)).md"))
    }

    static func indicator(_ no: Int, name: String = "设备联网率", levels: [String], question: String? = nil)
        -> Indicator
    {
        Indicator(
            no: no, group: "数字化支撑能力", name: name, description: "衡量设备联网的程度。", levels: levels,
            question: question, unit: nil, notApplicable: nil, notes: "",
            source: SourceFile(path: "indicators/\(twoDigits(no)).md"))
    }

    static func standard(_ scenarios: [Scenario], indicators: [Indicator] = []) -> Standard {
        var edition = PortalDeriveTests.standard
        edition.scenarios = scenarios
        edition.indicators = indicators
        return edition
    }

    static func edition(_ id: String, crosswalk: [CrosswalkEntry] = []) -> Edition {
        Edition(
            id: id, title: "\(id)年版", published: "\(id)-01-01", effective: "\(id)-03-01", crosswalk: crosswalk,
            source: SourceFile(path: "Content/edition.yaml", idLine: 1))
    }

    /// Four scenarios with a text at every tier but the lowest, each unlike the others.
    static let sentences = [
        "基于仓储管理系统，实现原材料、半成品与成品的自动出入库和库位管理。",
        "应用数字孪生技术，对产线运行状态进行实时映射、仿真分析与优化调整。",
        "建立设备联网平台，采集关键设备运行参数，开展预测性维护与故障诊断。",
        "部署能源管理系统，对水、电、气等能源消耗进行分项计量和趋势分析。",
    ]

    static func sentenceScenario(_ no: Int, sentence index: Int) -> Scenario {
        let text = sentences[index]
        return scenario(
            no, name: "场景\(index)", [.advanced: text, .excellent: text + "（卓越级）", .leading: text + "（领航级）"])
    }
}
