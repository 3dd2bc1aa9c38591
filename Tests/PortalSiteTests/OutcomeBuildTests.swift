import Foundation
import PortalLoad
import PortalModel
import PortalSite
import PortalSynth
import Testing

/// The site built with assessments: outcome and cohort pages only with a key, the release
/// ledger, and no identifier anywhere in the output or the ledger.
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

    @discardableResult
    static func build(
        assessments: String, into output: String, key: String? = OutcomeBuildTests.key,
        keyFile: String? = nil
    ) throws -> BuildReport {
        try Pipeline.build(
            BuildOptions(
                content: SiteBuild.repository + "/Content", templates: SiteBuild.repository + "/Templates",
                output: output, assessments: assessments, keyFile: keyFile, releases: assessments + "/releases",
                environment: key.map { ["PORTAL_ANON_KEY": $0] } ?? [:]))
    }

    @Test func noIdentifierReachesTheOutput() throws {
        let data = try Self.assessments(count: 400, seed: 7)
        let output = SiteBuild.temporaryDirectory()
        let report = try Self.build(assessments: data.folder, into: output)
        let files = SiteBuild.snapshot(output)
        #expect(
            files.keys.contains { $0.hasPrefix("outcomes/cohorts/") && $0.count > "outcomes/cohorts/index.html".count })
        // Everything written, the release ledger (committed by editors), as bytes, and
        // everything the build said.
        var haystack = Data()
        for (_, contents) in files { haystack.append(contents) }
        let ledger = SiteBuild.snapshot(data.folder + "/releases")
        #expect(ledger.count == 1)
        for (_, contents) in ledger { haystack.append(contents) }
        haystack.append(Data(report.notes.joined(separator: "\n").utf8))
        var needles = data.names + data.codes + data.codes.map { String($0.suffix(10)) }
        needles += data.names.map { String($0.dropLast("有限公司（合成）".count)) }  // the distinctive part of each name
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
        for page in [
            "outcomes/index.html", "outcomes/indicators/index.html", "outcomes/scenarios/index.html",
            "outcomes/records/index.html", "outcomes/method/index.html",
        ] {
            #expect(FileManager.default.fileExists(atPath: output + "/" + page), "\(page)")
        }
        let json = try #require(FileManager.default.contents(atPath: output + "/data/outcomes.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["records"] as? Int == 300)
        let groups = try #require(object["tier_groups"] as? [[String: Any]])
        #expect(groups.compactMap { $0["records"] as? Int }.allSatisfy { $0 == 0 || $0 >= 5 })
        let attributes = try #require(object["attributes"] as? [String: [String: Any]])
        #expect(
            attributes.keys.contains("i01") && attributes.keys.contains("s40") && attributes.keys.contains("declared"))
        for (_, attribute) in attributes {
            let rows = try #require(attribute["counts"] as? [String: [String: Any]])
            let counts = rows.values.flatMap { $0.values.compactMap { $0 as? Int } }
            #expect(counts.allSatisfy { $0 == 0 || $0 >= 5 })
        }
        #expect(SiteBuild.html(output, "outcomes/index.html").contains("合成示例数据"))
        // Every listed cohort has its page, and nothing else under cohorts/.
        let listing = SiteBuild.html(output, "outcomes/cohorts/index.html")
        let links = Set(
            HTML.attributes("href", in: listing).filter {
                $0.contains("outcomes/cohorts/") && $0.hasSuffix("/index.html")
            })
        let pages = try FileManager.default.contentsOfDirectory(atPath: output + "/outcomes/cohorts").filter {
            $0 != "index.html"
        }
        let cohorts = try #require(object["cohorts"] as? [[String: Any]])
        #expect(links.count == pages.count && pages.count == cohorts.count && !pages.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output + "/outcomes/records") == ["index.html"])
        // Scenario pages show their adoption figures.
        #expect(SiteBuild.html(output, "scenarios/07/index.html").contains("评估结果中的建设情况"))
        #expect(LinkChecker(root: output, basePath: "/").brokenLinks().isEmpty)
    }

    @Test func withoutAKeyNoOutcomesArePublishedAndTheBuildSaysWhy() throws {
        let data = try Self.assessments(count: 100, seed: 3)
        let output = SiteBuild.temporaryDirectory()
        let report = try Self.build(assessments: data.folder, into: output, key: nil)
        #expect(report.notes.contains { $0.contains("outcomes not published") && $0.contains("PORTAL_ANON_KEY") })
        #expect(!FileManager.default.fileExists(atPath: output + "/outcomes/index.html"))
        #expect(!FileManager.default.fileExists(atPath: output + "/data/outcomes.json"))
        #expect(!FileManager.default.fileExists(atPath: data.folder + "/releases"))
    }

    @Test func aReleaseIsRecordedOnceAndRebuildsAddNone() throws {
        let data = try Self.assessments(count: 120, seed: 5)
        try Self.build(assessments: data.folder, into: SiteBuild.temporaryDirectory())
        let first = SiteBuild.snapshot(data.folder + "/releases")
        try Self.build(assessments: data.folder, into: SiteBuild.temporaryDirectory())
        #expect(SiteBuild.snapshot(data.folder + "/releases") == first)
        #expect(Array(first.keys) == ["release-0001.json"])
        // Another key cannot read this ledger: the build stops and says why.
        let error = #expect(throws: DiagnosticList.self) {
            try Self.build(
                assessments: data.folder, into: SiteBuild.temporaryDirectory(), key: "7c1f3a9e5b2d8f4a6c0e2b4d6f8a1c3e")
        }
        #expect(error?.description.contains("another record key") == true)
    }

    /// A site that published release 1 is not rebuilt against an empty ledger: that
    /// release would go unaudited.
    @Test func aLostLedgerStopsTheNextRelease() throws {
        let data = try Self.assessments(count: 80, seed: 13)
        let output = SiteBuild.temporaryDirectory()
        try Self.build(assessments: data.folder, into: output)
        let before = SiteBuild.snapshot(output)
        try FileManager.default.removeItem(atPath: data.folder + "/releases")
        let error = #expect(throws: DiagnosticList.self) { try Self.build(assessments: data.folder, into: output) }
        #expect(error?.description.contains("restore the ledger") == true)
        #expect(error?.diagnostics.first?.location.path == output + "/data/outcomes.json")
        #expect(SiteBuild.snapshot(output) == before)
    }

    @Test func aKeyFileInsideTheContentFolderIsRefused() throws {
        let data = try Self.assessments(count: 20, seed: 1)
        let error = #expect(throws: DiagnosticList.self) {
            try Self.build(
                assessments: data.folder, into: SiteBuild.temporaryDirectory(), key: nil,
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
        lines[5] = lines[5].replacingOccurrences(of: ",2025,", with: ",twenty,").replacingOccurrences(
            of: ",2026,", with: ",twenty,")
        try lines.joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticList.self) { try Self.build(assessments: data.folder, into: output) }
        #expect(error?.diagnostics.first?.location.line == 6)
        #expect(error?.description.contains("year must be a four-digit year") == true)
        #expect(SiteBuild.snapshot(output) == before)
    }

    /// `portal synth --output FILE.csv` marks its output synthetic too, and so does every
    /// name ending in （合成） when the CSV travels alone.
    @Test func synthesisedDataIsAlwaysLabelledSynthetic() throws {
        let folder = SiteBuild.temporaryDirectory("synth")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let csv = try SynthWriter.write(standard: SiteBuild.standard, count: 20, seed: 9, to: folder + "/one.csv")
        #expect(FileManager.default.fileExists(atPath: folder + "/one.dataset.yaml"))
        #expect(try AssessmentLoader(standard: SiteBuild.standard).load(csv).synthetic)
        let alone = SiteBuild.temporaryDirectory("alone")
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: csv, toPath: alone + "/data.csv")
        #expect(try AssessmentLoader(standard: SiteBuild.standard).load(alone + "/data.csv").synthetic)
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
