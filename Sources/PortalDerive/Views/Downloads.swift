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

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The table as CSV bytes (RFC 4180, CRLF), built in one buffer: the outcomes table of
    /// a large release has hundreds of thousands of cells.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 1) * 16 * max(header.count, 1))
        for row in [header] + rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.append(cell, to: &out)
            }
            out.append(contentsOf: [0x0D, 0x0A])
        }
        return out
    }

    /// One cell. A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or
    /// carriage return before one) starts with an apostrophe instead: OWASP's CSV
    /// injection rule. A cell holding a comma, quote or line end is quoted.
    static func append(_ raw: String, to out: inout [UInt8]) {
        let utf8 = raw.utf8
        // The first character, not only its first byte: "=" with a combining mark, or the
        // "\r\n" pair, is another character and no formula.
        let formula = utf8.first.map { Self.formulaStarts.contains($0) } == true && raw.first!.unicodeScalars.count == 1
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quoted { out.append(UInt8(ascii: "\"")) }
        if formula { out.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                out.append(byte)
                if byte == UInt8(ascii: "\"") { out.append(byte) }
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: utf8)
        }
    }

    private static let formulaStarts: Set<UInt8> = Set("=+-@\t\r".utf8)
}

/// One CSV download of /data/.
public struct PlannedCSV: Sendable {
    public var route: Route
    private let make: @Sendable () -> CSVTable

    /// `table` is made when the file is written (by a writing worker, as pages are).
    public init(route: Route, table: @autoclosure @escaping @Sendable () -> CSVTable) {
        self.route = route
        make = table
    }

    public var table: CSVTable { make() }
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
    /// scenarios.csv: one line per scenario, its text at each tier.
    func scenariosTable() -> CSVTable {
        CSVTable(
            header: ["no", "name", "segment", "area"] + framework.tierIDs.map(\.rawValue) + ["url"],
            rows: standard.scenarios.map { scenario in
                [String(scenario.no), scenario.name, scenario.segment, areaName(areaOf(scenario))]
                    + framework.tierIDs.map { scenario.text(at: $0) ?? "" } + [
                        absoluteURL(Route(.scenario, scenario.code, edition: folder))
                    ]
            })
    }

    /// indicators.csv: one line per indicator, its text at each level.
    func indicatorsTable() -> CSVTable {
        let levels = levelColumns
        return CSVTable(
            header: ["no", "group", "name", "description"] + (0..<levels).map { "level_\($0 + 1)" } + [
                "question", "unit", "not_applicable", "url",
            ],
            rows: standard.indicators.map { indicator in
                [String(indicator.no), indicator.group, indicator.name, indicator.description]
                    + (0..<levels).map { $0 < indicator.levels.count ? indicator.levels[$0] : "" }
                    + [
                        indicator.question ?? "", indicator.unit ?? "", indicator.notApplicable ?? "",
                        absoluteURL(Route(.indicator, indicator.code, edition: folder)),
                    ]
            })
    }

    /// As many level columns as the indicator with the most levels has.
    var levelColumns: Int { standard.indicators.map(\.levels.count).max() ?? 0 }

    /// Every published figure in long form: one line per figure (a merged bin is one
    /// figure), empty where withheld, with the mark and the range a reader can be sure of.
    func outcomesTable(_ outcomes: OutcomeRelease) -> CSVTable {
        var rows: [[String]] = []
        for attribute in outcomes.attributes {
            var lines: [(String, String, PublishedRow)] = [("total", text(.dataTotal), attribute.total)]
            lines += outcomes.tierGroups.groups.indices.map {
                ("group:" + outcomes.tierGroups.key($0), outcomes.groupNames[$0], attribute.groups[$0])
            }
            lines += outcomes.cohorts.indices.map {
                ("cohort:" + outcomes.cohorts[$0].slug, outcomes.cohorts[$0].name, attribute.cohorts[$0])
            }
            for (key, label, row) in lines {
                for cell in row.cells {
                    let status: String, lower: String, upper: String
                    switch cell.count {
                    case .count(let value): (status, lower, upper) = ("published", String(value), String(value))
                    case .withheld(.primary): (status, lower, upper) = ("fewer_than_k", "1", String(outcomes.k - 1))
                    case .withheld(.secondary): (status, lower, upper) = ("protects_another", String(outcomes.k), "")
                    }
                    let within = cell.ofWhich ? row.bin(holding: cell.values[0])?.key ?? "" : ""
                    rows.append([
                        attribute.id, attribute.title, key, label, cell.key, cell.label,
                        cell.count.value.map(String.init) ?? "", status, lower, upper, within,
                    ])
                }
            }
        }
        return CSVTable(
            header: [
                "attribute", "attribute_name", "group", "group_name", "value", "value_name", "count", "status",
                "lower", "upper", "within",
            ], rows: rows)
    }

    func dataPage() -> PlannedPage {
        let route = Route(.data, edition: folder)
        return PlannedPage(route: route, kind: .data) {
            let files = SiteFile.dataFiles.filter { outcomes != nil || !$0.entry.isOutcome }
            // The tables first, with their columns; then the JSON files by name.
            let tables = files.filter { $0.name.hasSuffix(".csv") }
            let json = files.filter { !$0.name.hasSuffix(".csv") }.sorted { $0.name < $1.name }
            let downloads = (tables + json).map { file in
                DownloadView(
                    name: file.name, href: route.link(to: Route(file, edition: folder)),
                    description: file.entry.description.map { text($0) } ?? "",
                    columns: columns(of: file))
            }
            return DataPageView(
                layout: layout(
                    route, .data, title: text(.pageData), crumbs: [(text(.pageData), nil)],
                    description: text(.dataDescription)),
                downloads: downloads)
        }
    }

    /// What each column of a CSV download holds (none for JSON: its records say).
    private func columns(of file: SiteFile) -> [ColumnDoc] {
        let column = { (name: String, key: TextKey, values: [String: any CustomStringConvertible]) in
            ColumnDoc(name: name, meaning: text(key, values))
        }
        switch file {
        case .scenariosCSV:
            let tierIDs = framework.tierIDs.map(\.rawValue)
            let tierColumns =
                tierIDs.count > 2 ? "\(tierIDs[0]) … \(tierIDs[tierIDs.count - 1])" : tierIDs.joined(separator: " / ")
            return [
                column(
                    "no", .dataScenariosNo,
                    ["first": standard.scenarios.first?.no ?? 0, "last": standard.scenarios.last?.no ?? 0]),
                column("name", .dataScenariosName, [:]), column("segment", .dataScenariosSegment, [:]),
                column("area", .dataScenariosArea, [:]),
                column(tierColumns, .dataScenariosTiers, ["tiers": tierIDs.joined(separator: " / ")]),
                column("url", .dataScenariosUrl, ["route": PageKind.scenario.entry.route]),
            ]
        case .indicatorsCSV:
            return [
                column(
                    "no", .dataIndicatorsNo,
                    ["first": standard.indicators.first?.no ?? 0, "last": standard.indicators.last?.no ?? 0]),
                column("group", .dataIndicatorsGroup, [:]), column("name / description", .dataIndicatorsName, [:]),
                column("level_1 … level_\(levelColumns)", .dataIndicatorsLevels, [:]),
                column("question / unit", .dataIndicatorsQuestion, [:]),
                column("not_applicable", .dataIndicatorsNotApplicable, [:]),
                column("url", .dataIndicatorsUrl, ["route": PageKind.indicator.entry.route]),
            ]
        case .outcomesCSV:
            return [
                column("attribute / attribute_name", .dataOutcomesAttribute, [:]),
                column("group / group_name", .dataOutcomesGroup, [:]),
                column("value / value_name", .dataOutcomesValue, [:]),
                column("count", .dataOutcomesCount, [:]),
                column("status", .dataOutcomesStatus, [:]),
                column("lower / upper", .dataOutcomesRange, [:]),
                column("within", .dataOutcomesWithin, [:]),
            ]
        default: return []
        }
    }
}

/// A download as planned: its JSON or its CSV.
public struct PlannedDownload: Sendable {
    public var json: PlannedData?
    public var csv: PlannedCSV?
}
