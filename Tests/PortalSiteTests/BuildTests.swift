import Foundation
import PortalModel
import PortalSite
import PortalWrite
import Testing

/// The build as a whole: deterministic, and all-or-nothing.
@Suite struct BuildTests {
    @Test func twoBuildsAreByteIdentical() throws {
        let first = SiteBuild.temporaryDirectory(), second = SiteBuild.temporaryDirectory()
        try SiteBuild.build(into: first)
        try SiteBuild.build(into: second)
        let a = SiteBuild.snapshot(first), b = SiteBuild.snapshot(second)
        #expect(a.count > 60)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between builds") }
    }

    @Test func failedBuildLeavesThePreviousSiteUntouched() throws {
        let output = SiteBuild.temporaryDirectory()
        try SiteBuild.build(into: output)
        let before = SiteBuild.snapshot(output)

        let content = SiteBuild.temporaryDirectory("Content")
        try FileManager.default.copyItem(atPath: SiteBuild.repository + "/Content", toPath: content)
        let broken = content + "/scenarios/07-production-planning-optimisation.md"
        let text = try String(contentsOfFile: broken, encoding: .utf8)
        try text.replacingOccurrences(of: "  leading:", with: "  leadng:").write(
            toFile: broken, atomically: true, encoding: .utf8)

        let error = #expect(throws: DiagnosticList.self) { try SiteBuild.build(into: output, content: content) }
        #expect(error?.diagnostics.contains { $0.location.path == broken && $0.location.line == 9 } == true)
        #expect(SiteBuild.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: (output as NSString).deletingLastPathComponent)
        #expect(leftovers.filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func rebuildReplacesTheSiteAndDropsStaleFiles() throws {
        let output = SiteBuild.temporaryDirectory()
        try SiteBuild.build(into: output)
        try Data("stale".utf8).write(to: URL(fileURLWithPath: output + "/stale.html"))
        let report = try SiteBuild.build(into: output)
        #expect(!FileManager.default.fileExists(atPath: output + "/stale.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/" + SiteWriter.marker))
        let standard = SiteBuild.standard
        // Core pages, the method page, five outcome pages and one per cohort, seven
        // comparison pages, the self-check, the search page and the downloads page.
        let cohorts = try FileManager.default.contentsOfDirectory(atPath: output + "/outcomes/cohorts").filter {
            $0 != "index.html"
        }.count
        #expect(cohorts >= 4)
        // And the one edition's own copy of the standard's pages (/editions/2025/…): home,
        // the lists, the tiers, the scenarios, the indicators, the pages, the matrix, the
        // comparisons and the downloads page; and the history page.
        let edition = 7 + 4 + standard.scenarios.count + standard.indicators.count + standard.pages.count + 6
        #expect(
            report.pages == 6 + 4 + standard.scenarios.count + standard.indicators.count + standard.pages.count + 1 + 5
                + cohorts + 7 + 1 + 1 + 1 + edition + 1)
    }

    @Test func refusesToOverwriteAFolderItDidNotMake() throws {
        let output = SiteBuild.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: output + "/notes.txt"))
        let error = #expect(throws: DiagnosticList.self) { try SiteBuild.build(into: output) }
        #expect(error?.description.contains("was not made by portal") == true)
        #expect(FileManager.default.contents(atPath: output + "/notes.txt") == Data("mine".utf8))
    }

    @Test func refusesToWriteIntoTheContentFolder() throws {
        let error = #expect(throws: DiagnosticList.self) {
            try SiteBuild.build(into: SiteBuild.repository + "/Content/out")
        }
        #expect(error?.description.contains("refusing to write the site into or over") == true)
    }

    @Test func searchOnWithoutTheIndexerFailsAndAutoSaysWhy() throws {
        let output = SiteBuild.temporaryDirectory()
        let options = { (mode: SearchMode) in
            BuildOptions(
                content: SiteBuild.repository + "/Content", templates: SiteBuild.repository + "/Templates",
                output: output, search: mode, environment: ["PATH": "/nonexistent"])
        }
        let error = #expect(throws: DiagnosticList.self) { try Pipeline.build(options(.on)) }
        #expect(error?.description.contains("search indexer was not found") == true)
        #expect(!FileManager.default.fileExists(atPath: output))
        let report = try Pipeline.build(options(.auto))
        #expect(report.notes.contains { $0.contains("search index not built") })
        let quiet = try Pipeline.build(options(.off))
        #expect(!quiet.notes.contains { $0.contains("search index") })
    }

    @Test func aFailingIndexerLeavesThePreviousSite() throws {
        let output = SiteBuild.temporaryDirectory()
        try SiteBuild.build(into: output)
        let before = SiteBuild.snapshot(output)
        let error = #expect(throws: DiagnosticList.self) {
            try Pipeline.build(
                BuildOptions(
                    content: SiteBuild.repository + "/Content", templates: SiteBuild.repository + "/Templates",
                    output: output, search: .on, environment: ["PAGEFIND": "/bin/false"]))
        }
        #expect(error?.description.contains("the search indexer failed") == true)
        #expect(SiteBuild.snapshot(output) == before)
    }

    @Test func aRenderCacheReRendersOnlyChangedPages() throws {
        let content = SiteBuild.temporaryDirectory("Content")
        try FileManager.default.copyItem(atPath: SiteBuild.repository + "/Content", toPath: content)
        let cache = RenderCache()
        var options = BuildOptions(
            content: content, templates: SiteBuild.repository + "/Templates",
            output: SiteBuild.temporaryDirectory(), search: .off, environment: [:])
        options.renderCache = cache
        options.updateInPlace = true
        let first = try Pipeline.build(options)
        #expect(cache.misses == first.pages && cache.hits == 0)
        _ = try Pipeline.build(options)
        #expect(cache.misses == 0, "nothing changed, nothing re-rendered")
        let file = content + "/scenarios/12-advanced-process-control.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "优化能力有限", with: "优化能力较弱").write(
            toFile: file, atomically: true, encoding: .utf8)
        let third = try Pipeline.build(options)
        // (Each twice: at the root and in the edition's own folder.)
        #expect(cache.misses > 0 && cache.misses < 24, "\(cache.misses) pages re-rendered")
        #expect(third.files < 40, "\(third.files) files rewritten")
        #expect(SiteBuild.html(options.output, "scenarios/12/index.html").contains("优化能力较弱"))
    }
}
