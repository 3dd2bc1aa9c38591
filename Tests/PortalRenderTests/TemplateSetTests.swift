import Foundation
import PortalModel
@testable import PortalRender
import PortalTestSupport
import Testing

/// Template problems are reported with the template's file and line, before anything
/// is rendered (a missing partial would otherwise render as nothing).
@Suite struct TemplateSetTests {
    static let realTemplates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Templates").path

    /// A copy of the real templates to break.
    func copy() throws -> String {
        let path = Scratch.folder("portal-templates") + "/Templates"
        try FileManager.default.copyItem(atPath: Self.realTemplates, toPath: path)
        return path
    }

    @Test func realTemplatesLoad() throws {
        let set = try TemplateSet.load(from: Self.realTemplates)
        for name in TemplateSet.required { #expect(set.names.contains(name)) }
    }

    @Test func reportsASyntaxErrorWithItsLine() throws {
        let root = try copy()
        try "<p>\n{{#sections}}\n<b>{{name}}</b>\n".write(
            toFile: root + "/partials/pager.mustache", atomically: true, encoding: .utf8)
        let error = #expect(throws: DiagnosticList.self) { try TemplateSet.load(from: root) }
        let diagnostic = try #require(error?.diagnostics.first)
        #expect(diagnostic.location.path == root + "/partials/pager.mustache")
        #expect(diagnostic.message.contains("never closed"))
    }

    @Test func reportsAMissingPartialWithItsLine() throws {
        let root = try copy()
        let path = root + "/pages/scenario.mustache"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "{{> partials/pager}}", with: "{{> partials/pagr}}").write(
            toFile: path, atomically: true, encoding: .utf8)
        let line =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("partials/pager") }!
            + 1
        let error = #expect(throws: DiagnosticList.self) { try TemplateSet.load(from: root) }
        #expect(
            error?.description
                == "\(path):\(line):1: error: template 'pages/scenario' includes 'partials/pagr', which does not "
                + "exist: create \(root)/partials/pagr.mustache or correct the name"
        )
    }

    @Test func reportsAMissingPageTemplate() throws {
        let root = try copy()
        try FileManager.default.removeItem(atPath: root + "/pages/matrix.mustache")
        let error = #expect(throws: DiagnosticList.self) { try TemplateSet.load(from: root) }
        #expect(error?.description.contains("missing template: the site needs pages/matrix.mustache") == true)
    }

    @Test func findsPartialReferences() throws {
        let refs = try MustacheParser.parse("a\n  {{> partials/x }} {{<layout}}{{$main}}{{/main}}{{/layout}}\n{{name}}")
            .references
        #expect(refs.map(\.name) == ["partials/x", "layout"])
        #expect(refs.map(\.line) == [2, 2])
        #expect(refs.map(\.column) == [3, 21])
    }
}
