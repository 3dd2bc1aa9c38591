import Foundation
import PortalTestSupport
import Testing

/// The same input gives the same bytes wherever the build is started from.
@Suite struct DeterminismTests {
    /// From the content's parent folder with relative paths, and from / with absolute
    /// paths into another copy of the content: byte-identical sites (search off: Pagefind
    /// names its chunk files differently each run).
    @Test func theWorkingDirectoryAndPathsDoNotMatter() throws {
        let root = Scratch.folder("portal-determinism")
        let environment = ["PORTAL_ANON_KEY": "determinism-test-key-0123456789"]
        for copy in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/" + copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: Fixtures.repository + "/Content", toPath: root + "/\(copy)/Content")
            // A release ledger `make site` may have left here belongs to another key.
            try? FileManager.default.removeItem(atPath: root + "/\(copy)/Content/assessments/releases")
        }
        let relative = try PortalBinary.run(
            [
                "build", "--content", "Content", "--templates", Fixtures.repository + "/Templates",
                "--output", "Public", "--search", "off",
            ], in: root + "/a", environment: environment)
        let absolute = try PortalBinary.run(
            [
                "build", "--content", root + "/b/Content", "--templates", Fixtures.repository + "/Templates",
                "--output", root + "/b/out/site", "--search", "off",
            ], in: "/", environment: environment)
        #expect(relative.status == 0 && absolute.status == 0, "\(relative.stderr)\(absolute.stderr)")
        let first = Scratch.snapshot(root + "/a/Public"), second = Scratch.snapshot(root + "/b/out/site")
        #expect(first.count > 150)
        #expect(Scratch.differences(first, second).isEmpty, "\(Scratch.differences(first, second).prefix(10))")
    }

    /// A copy of Content/ on tmpfs (which lists a folder newest first) next to one on the
    /// ordinary disk (which lists by hash): the same site, byte for byte.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm")))
    func theFileSystemOrderOfTheContentDoesNotMatter() throws {
        let disk = Scratch.folder("portal-order") + "/Content"
        let memory = "/dev/shm/portal-order-\(UUID().uuidString)/Content"
        defer { try? FileManager.default.removeItem(atPath: (memory as NSString).deletingLastPathComponent) }
        // Created file by file in name order, so tmpfs lists them in reverse.
        let source = Fixtures.repository + "/Content"
        for target in [disk, memory] {
            for path in (FileManager.default.enumerator(atPath: source)?.allObjects as? [String] ?? []).sorted()
            where !path.hasPrefix("assessments/releases") {
                var isDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: source + "/" + path, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    try FileManager.default.createDirectory(
                        atPath: target + "/" + path, withIntermediateDirectories: true)
                } else {
                    try FileManager.default.createDirectory(
                        atPath: ((target + "/" + path) as NSString).deletingLastPathComponent,
                        withIntermediateDirectories: true)
                    try Data(contentsOf: URL(fileURLWithPath: source + "/" + path)).write(
                        to: URL(fileURLWithPath: target + "/" + path))
                }
            }
        }
        let diskOrder = try FileManager.default.contentsOfDirectory(atPath: disk + "/scenarios")
        let memoryOrder = try FileManager.default.contentsOfDirectory(atPath: memory + "/scenarios")
        #expect(
            diskOrder != memoryOrder && Set(diskOrder) == Set(memoryOrder),
            "the two copies must list their files differently")
        let environment = ["PORTAL_ANON_KEY": "determinism-test-key-0123456789"]
        var sites: [[String: Data]] = []
        for content in [disk, memory] {
            let output = Scratch.folder("portal-order-site") + "/site"
            let result = try PortalBinary.run(
                [
                    "build", "--content", content, "--templates", Fixtures.repository + "/Templates",
                    "--output", output, "--search", "off",
                ], in: "/", environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            sites.append(Scratch.snapshot(output))
        }
        #expect(sites[0].count > 150)
        #expect(
            Scratch.differences(sites[0], sites[1]).isEmpty, "\(Scratch.differences(sites[0], sites[1]).prefix(10))")
    }
}
