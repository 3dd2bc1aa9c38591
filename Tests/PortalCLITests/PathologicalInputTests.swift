import Foundation
import PortalTestSupport
import Testing

/// A single pathological cell must not hang the build: a requirement text of about 1 MB,
/// and editorial notes nested thousands of levels deep (quotes, brackets, emphasis,
/// lists). The build runs under a watchdog; a hang fails the test instead of the run.
@Suite struct PathologicalInputTests {
    @Test func aHugeCellAndDeepNestingDoNotHangTheBuild() throws {
        let root = Scratch.folder("portal-pathological")
        try FileManager.default.copyItem(atPath: Fixtures.repository + "/Content", toPath: root + "/Content")
        let folder = root + "/Content/scenarios"
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("07-") })
        var text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        let huge = String(repeating: "智能工厂建设与运营优化", count: 32_000)  // 11 characters, 33 bytes: about 1 MB
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  basic: ") })
        text = text.replacingOccurrences(of: String(line), with: "  basic: " + huge)
        text +=
            String(repeating: "> ", count: 5_000) + "引用\n\n"
            + String(repeating: "[", count: 20_000) + "链接" + String(repeating: "](u)", count: 20_000) + "\n\n"
            + String(repeating: "*", count: 20_000) + "强调" + String(repeating: "*", count: 20_000) + "\n\n"
            + (0..<2_000).map { String(repeating: "  ", count: $0) + "- 列表" }.joined(separator: "\n") + "\n"
        try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)

        let (process, _, err) = try PortalBinary.start(
            [
                "build", "--content", root + "/Content", "--templates", Fixtures.repository + "/Templates",
                "--output", root + "/Public", "--search", "off",
            ], in: root)
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("the build did not finish within 300 s")
        }
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 0,
            "\(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))")
        let page = try String(contentsOfFile: root + "/Public/scenarios/07/index.html", encoding: .utf8)
        #expect(page.contains(huge))
        #expect(page.contains("引用") && page.contains("强调"))
    }
}
