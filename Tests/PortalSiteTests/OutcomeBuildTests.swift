import Foundation
import PortalModel
import PortalSite
import PortalSynth
import Testing

/// The site built with assessments: outcome pages, record pages only with a key, and no
/// identifier anywhere in the output.
@Suite struct OutcomeBuildTests {
    static let key = "test-record-key-0123456789abcdef"

    /// Synthetic assessments in a temporary folder, and the names and codes they hold.
    static func assessments(count: Int, seed: UInt64) throws -> (folder: String, names: [String], codes: [String]) {
        let folder = SiteBuild.temporaryDirectory("assessments")
        let csv = try SynthWriter.write(standard: SiteBuild.standard, count: count, seed: seed, to: folder)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst()
        let cells = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        return (folder, cells.map { String($0[0]) }, cells.map { String($0[1]) })
    }

    static func build(assessments: String, into output: String, key: String? = OutcomeBuildTests.key,
                      keyFile: String? = nil) throws -> BuildReport {
        try Pipeline.build(BuildOptions(content: SiteBuild.repository + "/Content", templates: SiteBuild.repository + "/Templates",
                                        output: output, assessments: assessments, keyFile: keyFile,
                                        environment: key.map { ["PORTAL_ANON_KEY": $0] } ?? [:]))
    }

    @Test func noIdentifierReachesTheOutput() throws {
        let data = try Self.assessments(count: 400, seed: 7)
        let output = SiteBuild.temporaryDirectory()
        let report = try Self.build(assessments: data.folder, into: output)
        let files = SiteBuild.snapshot(output)
        #expect(files.keys.contains { $0.hasPrefix("outcomes/records/") && $0.count > "outcomes/records/index.html".count })
        // Everything written, as bytes, and everything the build said.
        var haystack = Data()
        for (_, contents) in files { haystack.append(contents) }
        haystack.append(Data(report.notes.joined(separator: "\n").utf8))
        var needles = data.names + data.codes + data.codes.map { String($0.suffix(10)) }
        needles += data.names.map { String($0.dropLast("有限公司（合成）".count)) } // the distinctive part of each name
        #expect(needles.count == 400 * 4)
        let leaks = needles.filter { haystack.range(of: Data($0.utf8)) != nil }
        #expect(leaks.isEmpty, "identifiers found in the output: \(leaks.prefix(5))")
        // The scan itself finds a planted identifier.
        haystack.append(Data("…\(data.codes[0].suffix(10))…".utf8))
        #expect(needles.contains { haystack.range(of: Data($0.utf8)) != nil })
    }

    @Test func outcomePagesAndDataAreBuilt() throws {
        let data = try Self.assessments(count: 300, seed: 11)
        let output = SiteBuild.temporaryDirectory()
        try Self.build(assessments: data.folder, into: output)
        for page in ["outcomes/index.html", "outcomes/indicators/index.html", "outcomes/scenarios/index.html",
                     "outcomes/records/index.html", "outcomes/method/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + page), "\(page)")
        }
        let json = try #require(FileManager.default.contents(atPath: output + "/data/outcomes.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["records"] as? Int == 300)
        let byTier = try #require(object["by_tier"] as? [String: Any])
        #expect(Set(byTier.keys) == ["none", "basic", "advanced", "excellent", "leading"])
        let published = byTier.values.compactMap { $0 as? Int }
        #expect(published.allSatisfy { $0 == 0 || $0 >= 5 })
        #expect(SiteBuild.html(output, "outcomes/index.html").contains("合成示例数据"))
        // Every listed record has its page, and nothing else under records/.
        let listing = SiteBuild.html(output, "outcomes/records/index.html")
        let record = try Regex("outcomes/records/[0-9a-f]{16}/index.html$")
        let links = HTML.attributes("href", in: listing).filter { $0.contains(record) }
        let pages = try FileManager.default.contentsOfDirectory(atPath: output + "/outcomes/records").filter { $0 != "index.html" }
        #expect(links.count == pages.count && !pages.isEmpty)
        // Scenario pages show their adoption figures.
        #expect(SiteBuild.html(output, "scenarios/07/index.html").contains("评估结果中的建设情况"))
        #expect(LinkChecker(root: output, basePath: "/").brokenLinks().isEmpty)
    }

    @Test func withoutAKeyThereAreNoRecordPagesAndTheBuildSaysWhy() throws {
        let data = try Self.assessments(count: 100, seed: 3)
        let output = SiteBuild.temporaryDirectory()
        let report = try Self.build(assessments: data.folder, into: output, key: nil)
        #expect(report.notes.contains { $0.contains("per-record pages not built") && $0.contains("PORTAL_ANON_KEY") })
        let pages = try FileManager.default.contentsOfDirectory(atPath: output + "/outcomes/records")
        #expect(pages == ["index.html"])
        #expect(SiteBuild.html(output, "outcomes/records/index.html").contains("没有生成单份评估的页面"))
    }

    @Test func recordIdsAreStableAcrossBuildsAndChangeWithTheKey() throws {
        let data = try Self.assessments(count: 120, seed: 5)
        let first = SiteBuild.temporaryDirectory(), second = SiteBuild.temporaryDirectory(), third = SiteBuild.temporaryDirectory()
        try Self.build(assessments: data.folder, into: first)
        try Self.build(assessments: data.folder, into: second)
        try Self.build(assessments: data.folder, into: third, key: "a-completely-different-key-value")
        let ids = { (root: String) in Set(try FileManager.default.contentsOfDirectory(atPath: root + "/outcomes/records")) }
        #expect(try ids(first) == ids(second))
        #expect(try ids(first).subtracting(["index.html"]).isDisjoint(with: ids(third)))
    }

    @Test func aKeyFileInsideTheContentFolderIsRefused() throws {
        let data = try Self.assessments(count: 20, seed: 1)
        let error = #expect(throws: DiagnosticList.self) {
            try Self.build(assessments: data.folder, into: SiteBuild.temporaryDirectory(), key: nil,
                           keyFile: SiteBuild.repository + "/Content/site.yaml")
        }
        #expect(error?.description.contains("inside the content folder") == true)
    }

    @Test func badAssessmentsFailTheBuildAndLeaveTheSite() throws {
        let data = try Self.assessments(count: 30, seed: 2)
        let output = SiteBuild.temporaryDirectory()
        try Self.build(assessments: data.folder, into: output)
        let before = SiteBuild.snapshot(output)
        let csv = data.folder + "/assessments.csv"
        var lines = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\n")
        lines[5] = lines[5].replacingOccurrences(of: ",2025,", with: ",twenty,").replacingOccurrences(of: ",2026,", with: ",twenty,")
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticList.self) { try Self.build(assessments: data.folder, into: output) }
        #expect(error?.diagnostics.first?.location.line == 6)
        #expect(error?.description.contains("year must be a four-digit year") == true)
        #expect(SiteBuild.snapshot(output) == before)
    }

    @Test func synthIsDeterministicAndValid() throws {
        var a = AssessmentSynthesizer(standard: SiteBuild.standard, seed: 42)
        var b = AssessmentSynthesizer(standard: SiteBuild.standard, seed: 42)
        var c = AssessmentSynthesizer(standard: SiteBuild.standard, seed: 43)
        let first = a.csv(count: 50)
        #expect(first == b.csv(count: 50))
        #expect(first != c.csv(count: 50))
        let codes = first.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[1]) }
        #expect(codes.allSatisfy(CreditCode.isValid))
        #expect(Set(codes).count == 50)
    }
}
