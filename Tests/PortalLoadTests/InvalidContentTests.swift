import Foundation
import PortalLoad
import PortalModel
import PortalTestSupport
import Testing

/// Zola-style fixture suite: each bad input must produce the exact `file:line:column`
/// and a message saying what to do.
@Suite struct InvalidContentTests {
    @Test func everyCaseHasExpectations() {
        #expect(Fixtures.invalidCases.count >= 40)
        #expect(Fixtures.invalidContentCases.count >= 25)
        for name in Fixtures.invalidCases {
            #expect(!Fixtures.expectations(name).isEmpty, "\(name)/expected.txt is empty")
            #expect(Fixtures.exitCode(name) != nil, "\(name)/expected.txt has no exit line")
        }
    }

    @Test(arguments: Fixtures.invalidContentCases)
    func reportsPosition(_ name: String) throws {
        let loader = ContentLoader(root: "content", files: Fixtures.content(overlay: name))
        let error = #expect(throws: DiagnosticList.self) { try loader.load() }
        let printed = (error?.diagnostics ?? []).map(\.description)
        for (location, message) in Fixtures.expectations(name) {
            let match = printed.first { $0.hasPrefix("content/" + location + ": error: ") && $0.contains(message) }
            #expect(
                match != nil,
                "\(name): expected content/\(location): … \(message) …, got:\n\(printed.joined(separator: "\n"))")
        }
        for line in printed {
            #expect(!line.contains("\n"), "a diagnostic must be one line: \(line)")
            #expect(line.contains(":") && line.split(separator: ":").count >= 4)
        }
    }

    @Test func validFixtureLoads() throws {
        let standard = try ContentLoader(root: "content", files: Fixtures.content()).load()
        #expect(standard.scenarios.map(\.no) == [1, 2, 3])
        #expect(standard.scenarios[0].text(at: .basic) == nil)
        #expect(standard.scenarios[0].notes == "编者注：**加粗**。")
        #expect(standard.indicators[1].question == "总金额：__________万元。")
        #expect(standard.indicators[1].levels.isEmpty)
        #expect(standard.pages.map(\.slug) == ["about"])
    }

    @Test func collectsEveryProblemInOneRun() throws {
        var files = Fixtures.content()
        files.contents["content/scenarios/02-second.md"] = Data("---\nno: x\n---\n".utf8)
        files.contents["content/indicators/01-levels.md"] = Data("no front matter\n".utf8)
        let error = #expect(throws: DiagnosticList.self) { try ContentLoader(root: "content", files: files).load() }
        let paths = Set((error?.diagnostics ?? []).map(\.location.path))
        #expect(paths == ["content/scenarios/02-second.md", "content/indicators/01-levels.md"])
        #expect((error?.diagnostics.count ?? 0) >= 4)  // no, name, segment, tiers in 02; front matter in 01
    }
}
