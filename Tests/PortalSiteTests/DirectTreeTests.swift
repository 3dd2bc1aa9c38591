import Foundation
import PortalDerive
import PortalModel
@testable import PortalRender
@testable import PortalSite
import Testing

/// The view models that write their own template tree (PortalRender's DirectTrees.swift)
/// write exactly the tree their `Encodable` conformance gives through the Encoder, on
/// every page of the real site: with its outcomes, with and without search terms.
@Suite struct DirectTreeTests {
    @Test(arguments: [false, true]) func everyPagesTreeIsTheEncodersTree(searchTerms: Bool) throws {
        let output = SiteBuild.temporaryDirectory()
        let options = BuildOptions(content: SiteBuild.repository + "/Content", templates: SiteBuild.repository + "/Templates",
                                   output: output, releases: output + ".releases", environment: ["PORTAL_ANON_KEY": SiteBuild.key])
        let (standard, theme) = try Pipeline.loadInputs(options)
        let assessments = try Pipeline.loadAssessments(options, standard: standard)
        let (outcomes, _) = try Pipeline.publishOutcomes(assessments, ledger: Pipeline.ledgerPath(options), standard: standard,
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
