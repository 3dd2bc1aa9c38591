import Foundation
import PortalDerive
import PortalModel
import PortalSynth
import PortalTestSupport
@testable import PortalRender
@testable import PortalSite
import Testing

/// The view models that write their own template tree (PortalRender's DirectTrees.swift)
/// write exactly the tree their `Encodable` conformance gives through the Encoder, on
/// every page of the real site: with its outcomes, with and without search terms.
@Suite struct DirectTreeTests {
    @Test(arguments: [false, true]) func everyPagesTreeIsTheEncodersTree(searchTerms: Bool) throws {
        let output = SiteBuild.temporaryDirectory()
        let options = BuildOptions(
            content: SiteBuild.repository + "/Content", templates: SiteBuild.repository + "/Templates",
            output: output, releases: output + ".releases", environment: ["PORTAL_ANON_KEY": SiteBuild.key])
        let (standard, theme) = try Pipeline.loadInputs(options)
        let assessments = try Pipeline.loadAssessments(options, standard: standard)
        let (outcomes, _) = try Pipeline.publishOutcomes(
            assessments, ledger: Pipeline.ledgerPath(options), standard: standard,
            theme: theme, options: options)
        #expect(outcomes != nil, "the real site publishes outcomes (scenario pages then show adoption)")
        var planner = SitePlanner(standard: standard, text: theme.text, outcomes: outcomes)
        planner.searchTerms = searchTerms
        var differing: [String] = []
        for page in planner.plan().pages {
            let view = page.context
            if try TemplateTree.make(view) != TemplateTree.encoded(view) { differing.append(page.route.file) }
        }
        #expect(differing.isEmpty, "pages whose direct tree is not the Encoder's: \(differing.prefix(5))")
    }
}

/// The check above compares only what the real site holds: a field that is nil on every
/// page is never compared (a misspelt key there would ship). So the trees are checked on a
/// synthetic plan too, where every optional field of every view model that writes its own
/// tree holds a value on some page: the real standard with editor's notes added, its
/// outcomes, and search terms.
@Suite struct DirectTreeCoverageTests {
    /// The types DirectTrees.swift gives a tree of their own, read from its source (so a
    /// new one is covered without being listed twice).
    static func directTreeTypes() throws -> Set<String> {
        let source = try String(
            contentsOfFile: SiteBuild.repository + "/Sources/PortalRender/Templates/DirectTrees.swift", encoding: .utf8)
        return Set(source.matches(of: /extension (\w+): DirectTree/).map { String($0.1) })
    }

    /// Every value below `value` (view models, their fields, list items), with its type's name.
    static func walk(_ value: Any, _ visit: (String, Any) -> Void) {
        visit(String(describing: type(of: value)), value)
        for child in Mirror(reflecting: value).children { walk(child.value, visit) }
    }

    /// The plan of the real standard with editor's notes added, published with `count`
    /// synthetic assessments (nil: the shipped ones), with search terms.
    static func plan(assessments count: Int?) throws -> SitePlan {
        let content = Scratch.folder("portal-direct") + "/Content"
        try FileManager.default.copyItem(atPath: SiteBuild.repository + "/Content", toPath: content)
        try? FileManager.default.removeItem(atPath: content + "/assessments/releases")
        for folder in ["scenarios", "indicators"] {
            let file =
                content + "/\(folder)/"
                + (try FileManager.default.contentsOfDirectory(atPath: content + "/" + folder).sorted()[0])
            try (try String(contentsOfFile: file, encoding: .utf8) + "\n编者注：合成的说明。\n").write(
                toFile: file, atomically: true, encoding: .utf8)
        }
        let output = SiteBuild.temporaryDirectory()
        let options = BuildOptions(
            content: content, templates: SiteBuild.repository + "/Templates", output: output,
            releases: output + ".releases", environment: ["PORTAL_ANON_KEY": SiteBuild.key])
        let (standard, theme) = try Pipeline.loadInputs(options)
        if let count {
            try FileManager.default.removeItem(atPath: content + "/assessments")
            _ = try SynthWriter.write(standard: standard, count: count, seed: 5, to: content + "/assessments")
        }
        let (outcomes, _) = try Pipeline.publishOutcomes(
            try Pipeline.loadAssessments(options, standard: standard),
            ledger: Pipeline.ledgerPath(options), standard: standard, theme: theme, options: options)
        // Two editions with dates, so that every page also shows as an earlier edition's.
        let editions = EditionSet([
            EditionContent(
                edition: Edition(id: "2024", title: "2024", published: "2024-01-01", effective: "2024-02-01"),
                standard: standard),
            EditionContent(
                edition: Edition(
                    id: "2025", title: "2025", published: "2025-01-01", effective: "2025-02-01", supersedes: ["2024"]),
                standard: standard),
        ])
        return SitePlanner.plan(
            editions: editions, text: theme.text, baseURL: nil, outcomes: outcomes, searchTerms: true)
    }

    @Test func everyOptionalFieldOfADirectTreeHoldsAValueSomewhereAndIsWrittenAsTheEncoderWritesIt() throws {
        let types = try Self.directTreeTypes()
        var seen: Set<String> = []
        var filled: [String: Set<String>] = [:]
        var optional: [String: Set<String>] = [:]
        var differing: [String] = []
        // The shipped data, a small set whose rows merge, and a tiny one whose rows are withdrawn.
        for plan in [try Self.plan(assessments: nil), try Self.plan(assessments: 40), try Self.plan(assessments: 7)] {
            for page in plan.pages {
                let view = page.context
                if try TemplateTree.make(view) != TemplateTree.encoded(view) { differing.append(page.route.file) }
                Self.walk(view) { name, value in
                    guard types.contains(name) else { return }
                    seen.insert(name)
                    for child in Mirror(reflecting: value).children {
                        guard let label = child.label, Mirror(reflecting: child.value).displayStyle == .optional else {
                            continue
                        }
                        optional[name, default: []].insert(label)
                        if !Mirror(reflecting: child.value).children.isEmpty { filled[name, default: []].insert(label) }
                    }
                }
            }
        }
        #expect(differing.isEmpty, "pages whose direct tree is not the Encoder's: \(differing.prefix(5))")
        let unseen = types.subtracting(seen).sorted()
        #expect(seen == types, "view models with a tree of their own that no page of the synthetic plan has: \(unseen)")
        let empty = optional.flatMap { name, labels in labels.subtracting(filled[name] ?? []).map { "\(name).\($0)" } }
            .sorted()
        #expect(empty.isEmpty, "optional fields nil on every page of the synthetic plan (never compared): \(empty)")
    }
}
