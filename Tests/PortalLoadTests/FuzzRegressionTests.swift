import Foundation
import PortalFuzzTargets
import PortalTestSupport
import Testing

/// The saved fuzz inputs (Tests/Fuzz/<target>/: the seeds, and every input that once
/// crashed or hung the loader) run through the fuzz targets: each must end in a model
/// or in diagnostics. A crash fails the whole test run, which is the point.
@Suite struct FuzzRegressionTests {
    static func inputs(_ target: FuzzTarget) -> [String] {
        let folder = Fixtures.repository + "/Tests/Fuzz/" + target.rawValue
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    /// The content tree the inputs run in: the tests' own valid fixture.
    static let harness = try! FuzzHarness(validTree: Fixtures.repository + "/Tests/Fixtures/valid")

    @Test(arguments: FuzzTarget.allCases)
    func savedInputsEndInAModelOrDiagnostics(_ target: FuzzTarget) throws {
        let files = Self.inputs(target)
        #expect(files.count >= 2, "Tests/Fuzz/\(target.rawValue)/ holds the seeds")
        for file in files {
            Self.harness.run(target, try #require(FileManager.default.contents(atPath: file)))
        }
    }
}
