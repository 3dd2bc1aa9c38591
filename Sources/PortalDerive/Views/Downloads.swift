import PortalModel

/// A CSV table, written UTF-8 with a byte-order mark and CRLF line ends so that Excel
/// on Chinese Windows opens it with the right characters and rows.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    public var text: String {
        ([header] + rows).map { $0.map(Self.cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func cell(_ raw: String) -> String {
        // A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or carriage
        // return before one) starts with an apostrophe instead: OWASP's CSV injection rule.
        let value = raw.first.map { "=+-@\t\r".contains($0) } == true ? "'" + raw : raw
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// One CSV download of /data/.
public struct PlannedCSV: Sendable {
    public var route: Route
    public var table: CSVTable
}

public struct DataPageView: ViewModel {
    public var layout: Layout
    public var downloads: [DownloadView]
}

public struct DownloadView: ViewModel {
    public var name: String
    public var href: String
    public var description: String
    public var columns: [ColumnDoc]
}

public struct ColumnDoc: ViewModel {
    public var name: String
    public var meaning: String
}

extension SitePlanner {
    /// The CSV downloads, from the same model and statistics as the pages.
    func csvFiles() -> [PlannedCSV] {
        var files = [
            PlannedCSV(route: .data("scenarios.csv"), table: CSVTable(
                header: ["no", "name", "segment", "area", "basic", "advanced", "excellent", "leading", "url"],
                rows: standard.scenarios.map { scenario in
                    [String(scenario.no), scenario.name, scenario.segment, areaName(framework.segment(named: scenario.segment)?.area ?? nil)]
                        + TierID.allCases.map { scenario.text(at: $0) ?? "" } + [absoluteURL(.scenario(scenario.code))]
                })),
            PlannedCSV(route: .data("indicators.csv"), table: CSVTable(
                header: ["no", "group", "name", "description"] + (1...6).map { "level_\($0)" } + ["question", "unit", "not_applicable", "url"],
                rows: standard.indicators.map { indicator in
                    [String(indicator.no), indicator.group, indicator.name, indicator.description]
                        + (0..<6).map { $0 < indicator.levels.count ? indicator.levels[$0] : "" }
                        + [indicator.question ?? "", indicator.unit ?? "", indicator.notApplicable ?? "", absoluteURL(.indicator(indicator.code))]
                })),
        ]
        if let outcomes { files.append(PlannedCSV(route: .data("outcomes.csv"), table: outcomesTable(outcomes))) }
        return files
    }

    /// Every published figure in long form: one line per count, empty where withheld,
    /// with the reason.
    private func outcomesTable(_ outcomes: OutcomeRelease) -> CSVTable {
        var rows: [[String]] = []
        for attribute in outcomes.attributes {
            var lines: [(String, String, [PublishedCount])] = [("total", "全部", attribute.total)]
            lines += outcomes.tierGroups.groups.indices.map { ("group:" + outcomes.tierGroups.key($0), outcomes.groupNames[$0], attribute.groups[$0]) }
            lines += outcomes.cohorts.indices.map { ("cohort:" + outcomes.cohorts[$0].slug, outcomes.cohorts[$0].name, attribute.cohorts[$0]) }
            for (key, label, cells) in lines {
                for (value, cell) in cells.enumerated() where !attribute.impossible.contains(value) {
                    let status: String
                    switch cell {
                    case .count: status = "published"
                    case .withheld(.primary): status = "fewer_than_k"
                    case .withheld(.secondary): status = "protects_another"
                    }
                    rows.append([attribute.id, attribute.title, key, label, attribute.values[value].key, attribute.values[value].label,
                                 cell.value.map(String.init) ?? "", status])
                }
            }
        }
        return CSVTable(header: ["attribute", "attribute_name", "group", "group_name", "value", "value_name", "count", "status"], rows: rows)
    }

    func dataPage() -> PlannedPage {
        let route = Route("data/")
        let tiers = "basic / advanced / excellent / leading：该层级的场景描述，原文为“/”（未定义）时为空（JSON 中为 null）"
        var downloads = [
            DownloadView(name: "scenarios.csv", href: route.link(to: .data("scenarios.csv")), description: "典型场景参考标准：每行一个场景，四个层级的要求。",
                         columns: [ColumnDoc(name: "no", meaning: "场景序号 1–40"), ColumnDoc(name: "name", meaning: "场景名称"),
                                   ColumnDoc(name: "segment", meaning: "环节（附件 3）"), ColumnDoc(name: "area", meaning: "所属要素环节（附件 1 注）"),
                                   ColumnDoc(name: "basic … leading", meaning: tiers), ColumnDoc(name: "url", meaning: "场景页面地址")]),
            DownloadView(name: "indicators.csv", href: route.link(to: .data("indicators.csv")), description: "能力评估指标：每行一个指标，六个等级的描述。",
                         columns: [ColumnDoc(name: "no", meaning: "指标序号 1–10"), ColumnDoc(name: "group", meaning: "一级指标"),
                                   ColumnDoc(name: "name / description", meaning: "二级指标及其描述"),
                                   ColumnDoc(name: "level_1 … level_6", meaning: "各等级描述（指标 7 为空）"),
                                   ColumnDoc(name: "question / unit", meaning: "指标 7 的填报题目与单位"),
                                   ColumnDoc(name: "not_applicable", meaning: "“不涉及”选项（有此选项的指标）"), ColumnDoc(name: "url", meaning: "指标页面地址")]),
        ]
        if outcomes != nil {
            downloads.append(DownloadView(name: "outcomes.csv", href: route.link(to: .data("outcomes.csv")),
                                          description: "评估结果的全部公开统计，与“评估结果”各页相同。",
                                          columns: [ColumnDoc(name: "attribute / attribute_name", meaning: "统计项：tier（认定层级）、declared（申报层级）、region、sector、year、maturity、i01…（能力指标）、s01…（典型场景）"),
                                                    ColumnDoc(name: "group / group_name", meaning: "total（全部）、group:（认定层级分组）或 cohort:（分组）"),
                                                    ColumnDoc(name: "value / value_name", meaning: "统计项的取值"),
                                                    ColumnDoc(name: "count", meaning: "企业数；不公布时为空"),
                                                    ColumnDoc(name: "status", meaning: "published；fewer_than_k：少于 k 家；protects_another：为防止推算其他不公布的数字而不公布")]))
        }
        let json = ["scenarios.json": "场景与各层级要求", "indicators.json": "能力评估指标", "tiers.json": "层级规则、环节与基础要求",
                    "rules.json": "自查使用的规则（门槛、环节、各场景定义的层级）"]
            .merging(outcomes == nil ? [:] : ["outcomes.json": "评估结果的公开统计（不公布的数字为 null）"]) { $1 }
        downloads += json.keys.sorted().map { name in
            DownloadView(name: name, href: route.link(to: .data(name)), description: json[name]!, columns: [])
        }
        let view = DataPageView(layout: layout(route, title: "开放数据", kind: "data", section: nil, crumbs: [("开放数据", nil)],
                                               description: "典型场景、能力指标、层级规则与评估统计的 CSV 和 JSON 下载。"),
                                downloads: downloads)
        return PlannedPage(route: route, template: "data", context: view)
    }
}
