import Foundation
import PortalDerive
import PortalLoad
import PortalModel
import PortalRender
import PortalSite
import PortalSynth
import Testing

/// Synthetic content trees of any size build.
@Suite struct ScaleTests {
    @Test func aSynthesisedContentTreeOf90ScenariosBuilds() throws {
        let content = SiteBuild.temporaryDirectory("content")
        try ContentTreeSynthesizer(standard: SiteBuild.standard, source: SiteBuild.repository + "/Content")
            .write(scenarios: 90, to: content)
        let standard = try Pipeline.check(content: content)
        _ = try SynthWriter.write(standard: standard, count: 60, seed: 1, to: content + "/assessments")
        #expect(standard.scenarios.count == 90)
        // The real 40 first, unchanged; then copies with new numbers and names, same segments.
        #expect(Array(standard.scenarios.prefix(40)).map(\.name) == SiteBuild.standard.scenarios.map(\.name))
        let copy = standard.scenarios[40]
        #expect(copy.no == 41 && copy.name == SiteBuild.standard.scenarios[0].name + "（合成41）")
        #expect(
            copy.segment == SiteBuild.standard.scenarios[0].segment
                && copy.tiers == SiteBuild.standard.scenarios[0].tiers)
        #expect(Set(standard.scenarios.map(\.segment)).count == Set(SiteBuild.standard.scenarios.map(\.segment)).count)

        let output = SiteBuild.temporaryDirectory()
        let report = try SiteBuild.build(into: output, content: content)
        #expect(FileManager.default.fileExists(atPath: output + "/scenarios/90/index.html"))
        #expect(SiteBuild.html(output, "scenarios/90/index.html").contains("（合成90）"))
        #expect(report.stages.map(\.name) == ["load", "protect", "derive", "render+write"])
    }

    @Test func refusesToSynthesiseIntoAFolderThatHoldsFiles() throws {
        let content = SiteBuild.temporaryDirectory("content")
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: content + "/notes.txt"))
        let error = #expect(throws: DiagnosticList.self) {
            try ContentTreeSynthesizer(standard: SiteBuild.standard, source: SiteBuild.repository + "/Content").write(
                scenarios: 50, to: content)
        }
        #expect(error?.diagnostics.first?.message.contains("not empty") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: content) == ["notes.txt"])
    }
}
