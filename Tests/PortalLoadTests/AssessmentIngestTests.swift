import Foundation
@testable import PortalLoad
import PortalModel
import PortalTestSupport
import Testing

/// Assessment CSVs: encodings, headers, and every bad value at its file:line:column,
/// without the value itself in the message.
@Suite struct AssessmentIngestTests {
    let standard = try! ContentLoader(root: "content", files: Fixtures.content()).load()
    static let header = "enterprise,credit_code,region,industry,year,declared_tier,maturity,i01,i02,s01,s02,s03"
    static let chineseHeader = "企业名称,统一社会信用代码,盟市,行业,年度,申报层级,成熟度等级,指标1,指标2,场景1,场景2,场景3"

    static func code(_ n: Int) -> String {
        let body = "9115010" + String(format: "%09d", n) + "A"
        return body + String(CreditCode.checkCharacter(for: body)!)
    }

    static func row(
        _ n: Int, region: String = "包头市", industry: String = "食品制造业", year: String = "2025", declared: String = "basic",
        maturity: String = "2", i01: String = "3", i02: String = "120.5", s01: String = "advanced", s02: String = "基础级",
        s03: String = ""
    ) -> String {
        ["测试企业\(n)有限公司", code(n), region, industry, year, declared, maturity, i01, i02, s01, s02, s03].joined(
            separator: ",")
    }

    func load(_ text: String) throws(DiagnosticList) -> AssessmentSet {
        try load(Data(text.utf8))
    }

    func load(_ data: Data) throws(DiagnosticList) -> AssessmentSet {
        try AssessmentLoader(standard: standard, files: MemoryFileSource(data: ["in/a.csv": data])).load("in/a.csv")
    }

    func diagnostics(_ text: String) -> [String] {
        do { _ = try load(text); return [] } catch { return error.diagnostics.map(\.description) }
    }

    @Test func loadsAValidFile() throws {
        let set = try load([Self.header, Self.row(1), Self.row(2, s01: "", s03: "leading")].joined(separator: "\n"))
        #expect(set.records.count == 2)
        let first = set.records[0]
        #expect(first.region == "包头市" && first.year == 2025 && first.maturity == 2 && first.declaredTier == .basic)
        #expect(first.indicators[1] == .level(3))
        #expect(first.indicators[2] == .amount(120.5))
        #expect(first.scenarios == [1: .advanced, 2: .basic])
        #expect(set.records[1].scenarios == [2: .basic, 3: .leading])
        #expect(first.source.line == 2)
        #expect("\(first.identifiers)".contains("withheld"))
        #expect(!set.synthetic)
    }

    /// Data is synthetic when every enterprise name ends with the framework's marker, and
    /// only then (one real name among them makes the whole set real).
    @Test func namesEndingWithTheMarkerMakeTheDataSynthetic() throws {
        let marker = standard.framework.assessmentFormat.syntheticMarker
        let rows = (1...3).map { Self.row($0).replacingOccurrences(of: "有限公司", with: "有限公司" + marker) }
        #expect(try load(([Self.header] + rows).joined(separator: "\n")).synthetic)
        #expect(try !load(([Self.header] + rows + [Self.row(4)]).joined(separator: "\n")).synthetic)
        #expect(
            try !load(
                ([Self.header] + rows.map { $0.replacingOccurrences(of: marker, with: marker + "甲") }).joined(
                    separator: "\n")
            ).synthetic)
    }

    @Test func acceptsChineseHeadersBOMAndCRLF() throws {
        let text =
            "\u{FEFF}"
            + [Self.chineseHeader, Self.row(1, i01: "不涉及"), Self.row(2, i01: "NA")].joined(separator: "\r\n") + "\r\n"
        let set = try load(text)
        #expect(set.records.count == 2)
        #expect(set.records[0].indicators[1] == .notApplicable)
    }

    @Test func acceptsGB18030() throws {
        let text = [Self.chineseHeader, Self.row(1, region: "锡林郭勒盟")].joined(separator: "\r\n")
        let bytes = try #require(TableText.convert(Array(text.utf8), from: "UTF-8", to: "GB18030"))
        #expect(String(validating: bytes, as: UTF8.self) == nil)  // really not UTF-8
        let set = try load(Data(bytes))
        #expect(set.records.first?.region == "锡林郭勒盟")
        #expect(set.records.first?.identifiers.enterprise == "测试企业1有限公司")
    }

    @Test func refusesOtherEncodings() {
        let utf16 = Data(
            [Self.header, Self.row(1)].joined(separator: "\n").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let error = #expect(throws: DiagnosticList.self) { try load(Data([0xFF, 0xFE]) + utf16) }
        #expect(error?.description.contains("a.csv:1:1: error: the file is UTF-16") == true)
        let junk = Data(Array(Self.header.utf8) + [0x0A, 0xFF, 0xFF, 0x81, 0x0A])
        let junkError = #expect(throws: DiagnosticList.self) { try load(junk) }
        #expect(junkError?.description.contains("neither UTF-8 nor GB18030") == true)
    }

    /// (rows after the header, expected "line:column", part of the message)
    static let badCells: [(String, String, String)] = [
        (row(1, region: "北京市"), "2:30", "region must be one of the 12"),
        (row(1, industry: "软件业"), "2:34", "industry must be one of"),
        (row(1, year: "25"), "2:40", "year must be a four-digit year"),
        (row(1, declared: "top"), "2:45", "declared tier is not a tier: leave it empty or write one of"),
        (row(1, maturity: "0"), "2:51", "maturity must be a GB/T 39116 level from 1 to 5"),
        (row(1, maturity: "6"), "2:51", "maturity must be a GB/T 39116 level from 1 to 5"),
        (row(1, i01: "7"), "2:53", "indicator 1 (指标一) must be a level from 1 to 6, or NA/不涉及"),
        (row(1, i02: "很多"), "2:55", "indicator 2 (指标二) is an amount in 万元"),
        (row(1, s01: "top"), "2:61", "scenario 01 must be empty or the tier"),
        (row(1, s01: "basic"), "2:61", "scenario 01 is not defined at 基础级"),
        (row(1) + ",extra", "2:75", "this row has 13 cells but the header has 12"),
        (
            row(1).replacingOccurrences(of: code(1), with: String(code(1).dropLast()) + "0"), "2:11",
            "not a valid 18-character unified social credit code"
        ),
        (row(1).replacingOccurrences(of: "测试企业1有限公司", with: ""), "2:1", "the enterprise name is empty"),
        (row(1) + "\n" + row(1), "3:1", "this credit code is already used on line 2"),
        (row(1).replacingOccurrences(of: "测试企业1有限公司", with: "\"测试企业1有限公司"), "2:1", "a quoted cell is never closed"),
    ]

    @Test(arguments: badCells.indices)
    func reportsEachBadCellAtItsPosition(_ index: Int) {
        let (rows, location, message) = Self.badCells[index]
        let printed = diagnostics(Self.header + "\n" + rows)
        #expect(
            printed.contains { $0.hasPrefix("in/a.csv:\(location): error: ") && $0.contains(message) },
            "expected in/a.csv:\(location): … \(message), got \(printed)")
        // Never the value: no enterprise name, no credit code, nor its last ten characters.
        for line in printed {
            #expect(!line.contains("测试企业"))
            #expect(!line.contains(Self.code(1)) && !line.contains(String(Self.code(1).suffix(10))))
        }
    }

    @Test func reportsEveryBadCellNotJustTheFirst() {
        let printed = diagnostics(
            [Self.header, Self.row(1, region: "北京市", maturity: "9"), Self.row(2), Self.row(3, i01: "x")].joined(
                separator: "\n"))
        #expect(printed.count == 3)
        #expect(printed.map { $0.split(separator: ":")[1] } == ["2", "2", "4"])
    }

    /// A file big enough to be read in runs on every core: quoted names with line breaks,
    /// commas and quotes in them must not cut a row, records keep file order, and a bad
    /// cell late in the file is reported on its physical line.
    @Test func aLargeFileIsReadInRunsWithTheSameResult() throws {
        var lines = [Self.header], line = 2, expectedLines: [Int] = []
        for n in 1...3000 {
            var row = Self.row(n)
            // Most names span two lines, so a cut that ignored quotes would land in one; a few
            // hold a quote as text (not at the start of the cell), which opens nothing.
            if n % 7 != 0 {
                row = row.replacingOccurrences(of: "测试企业\(n)有限公司", with: "\"测试企业\(n)\n（原\"\"旧名\"\"，二分厂）\"")
            }
            if n % 7 == 0 { row = row.replacingOccurrences(of: "测试企业\(n)有限公司", with: "测试企业\(n)\"号有限公司") }
            expectedLines.append(line)
            line += n % 7 != 0 ? 2 : 1
            lines.append(row)
        }
        let set = try load(lines.joined(separator: "\n") + "\n")
        #expect(set.records.count == 3000)
        #expect(set.records.map(\.source.line) == expectedLines)
        #expect(set.records[0].identifiers.enterprise == "测试企业1\n（原\"旧名\"，二分厂）")
        #expect(set.records[6].identifiers.enterprise == "测试企业7\"号有限公司")
        lines[2500] = Self.row(2500, maturity: "9")
        let problems = diagnostics(lines.joined(separator: "\n"))
        #expect(
            problems == [
                "in/a.csv:\(expectedLines[2499]):54: error: maturity must be a GB/T 39116 level from 1 to 5: correct "
                    + "the cell"
            ])
    }

    /// The numbered headers made for every column at once are the ones made one by one,
    /// wherever the template puts its number (or numbers, or none).
    @Test func numberedHeadersAreMadeAsOneByOne() {
        let templates = ["场景{no}", "{no}号场景", "s{no}-{no}", "场景", "{no}", "{no}{no}", "{n}{no}o}"]
        let format = AssessmentFormat(
            headers: Dictionary(uniqueKeysWithValues: templates.enumerated().map { ("k\($0.offset)", $0.element) }),
            notApplicable: [], syntheticMarker: "")
        for key in templates.indices.map({ "k\($0)" }) + ["unlisted"] {
            #expect(
                format.headers(key, numbers: [1, 7, 40, 1080]) == [1, 7, 40, 1080].map { format.header(key, no: $0) })
        }
    }

    @Test func headerProblems() {
        #expect(diagnostics("").first?.contains("a.csv:1:1: error: the file is empty") == true)
        let missing = diagnostics("enterprise,credit_code,region\n" + Self.row(1))
        #expect(missing.contains { $0.hasPrefix("in/a.csv:1:1: error: the header has no column industry (行业)") })
        let unknown = diagnostics(
            Self.header.replacingOccurrences(of: "maturity", with: "maturty") + "\n" + Self.row(1))
        #expect(unknown.contains { $0.hasPrefix("in/a.csv:1:") && $0.contains("unknown column 'maturty'") })
        // A data row where the header should be: one message, and no cell of it repeated.
        let headerless = diagnostics(Self.row(1) + "\n" + Self.row(2))
        #expect(
            headerless == [
                "in/a.csv:1:1: error: the first row is not a header (none of its cells is a column name): add a "
                    + "header row with the column names of README.md (enterprise or 企业名称, credit_code or 统一社会信用代码, "
                    + "region or 盟市, i01 or 指标1, s01 or 场景1, …)"
            ])
        // A header cell holding something other than a short word is named by its position.
        let pasted = diagnostics(
            Self.header.replacingOccurrences(of: "maturity", with: Self.code(9)) + "\n" + Self.row(1))
        #expect(pasted.contains { $0.contains("unknown column 7:") } && !pasted.joined().contains(Self.code(9)))
    }

    @Test func aFolderWithADatasetFile() throws {
        let files = MemoryFileSource(data: [
            "in/2025.csv": Data((Self.header + "\n" + Self.row(1)).utf8),
            "in/2026.csv": Data((Self.chineseHeader + "\n" + Self.row(2, year: "2026")).utf8),
            "in/dataset.yaml": Data("synthetic: true\nlabel: 合成示例数据\n".utf8),
        ])
        let set = try AssessmentLoader(standard: standard, files: files).load("in")
        #expect(set.records.map(\.year) == [2025, 2026])
        #expect(set.synthetic && set.label == "合成示例数据")
    }
}
