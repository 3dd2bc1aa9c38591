import Foundation
@testable import PortalLoad
import PortalModel
import Testing

/// The strings file: complete, keys that templates and scripts can name, placeholders
/// only where the generator offers them — each problem reported at its line and column.
@Suite struct UITextLoaderTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates").path
    static let real = try! String(contentsOfFile: templates + "/" + UITextLoader.fileName, encoding: .utf8)

    func load(_ text: String) throws(DiagnosticList) -> UIText {
        try UITextLoader.load(templates: "t", files: MemoryFileSource(["t/" + UITextLoader.fileName: text]))
    }

    func problems(_ text: String) -> [Diagnostic] {
        do { _ = try load(text); return [] } catch { return error.diagnostics }
    }

    @Test func theRealFileHasEveryTextAndFillsPlaceholders() throws {
        let text = try load(Self.real)
        #expect(text(.pageTiers) == "层级要求")
        #expect(text(.homeScenarios, ["count": 4000]) == "4000 个典型场景在各层级的参考标准。")
        #expect(text(.dataScenariosNo, ["first": 1, "last": 4000]) == "场景序号 1–4000")
    }

    @Test func aMissingKeyIsAnErrorAtItsSection() throws {
        let lines = Self.real.split(separator: "\n", omittingEmptySubsequences: false)
        let without = lines.filter { $0 != "  matrix: 对照矩阵" }.joined(separator: "\n")
        let found = problems(without)
        #expect(found.map(\.message) == ["missing text 'page.matrix': add `matrix: <text>` to the section 'page'"])
        let section = lines.firstIndex { $0 == "page:" }! + 1
        #expect(found.first.map { ($0.location.line, $0.location.column) }! == (section, 1))
    }

    @Test func aKeyThatIsNotANameIsAnErrorAtItsLine() throws {
        let found = problems(
            Self.real.replacingOccurrences(of: "  matrix: 对照矩阵", with: "  matrix: 对照矩阵\n  Matrix-2: 对照矩阵"))
        let line =
            Self.real.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  matrix: 对照矩阵" }!
            + 2
        #expect(
            found.map(\.description) == [
                "t/strings.zh-CN.yaml:\(line):3: error: 'Matrix-2' is not a key: use lower-case letters, digits and _"
            ])
    }

    @Test func aPlaceholderTheKeyDoesNotOfferIsAnError() throws {
        let found = problems(
            Self.real.replacingOccurrences(of: "  scenarios: \"{count} 个典型场景", with: "  scenarios: \"{total} 个典型场景"))
        #expect(found.map(\.message) == ["'home.scenarios' uses {total}, which it is not given: use {count}"])
    }

    /// Every text of the file is loaded (the generator's keys and the templates' and
    /// scripts' alike), in the file's order.
    @Test func everyTextOfTheFileIsLoadedInOrder() throws {
        let text = try load(Self.real)
        let keysInFile = Self.real.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  #") }.count
        #expect(text.sections.flatMap(\.keys).count == keysInFile)
        #expect(text.sections.first?.name == "page" && text.sections.first?.keys.first == "page.home")
        #expect(Set(TextKey.allCases.map(\.rawValue)).isSubset(of: text.sections.flatMap(\.keys)))
    }
}
