import Foundation
import PortalTestSupport
import Testing

/// `kill -9` at many moments of a build, most of them late (while files are written and
/// swapped in): the output folder must hold the old site or the new one, byte for byte,
/// never a mixture; the next build cleans up after the killed ones.
@Suite struct InterruptedBuildTests {
    static let key = ["PORTAL_ANON_KEY": "interrupted-build-test-key-0123456789"]

    @Test func aKilledBuildLeavesTheOldSiteOrTheNew() throws {
        let root = Scratch.folder("portal-kill")
        func arguments(_ output: String) -> [String] {
            [
                "build", "--content", Fixtures.repository + "/Content", "--templates",
                Fixtures.repository + "/Templates",
                "--output", output, "--search", "off", "--releases", root + "/releases",
            ]
        }
        // Two different sites: without outcome pages (no key), and with them.
        #expect(try PortalBinary.run(arguments(root + "/small"), in: root).status == 0)
        #expect(try PortalBinary.run(arguments(root + "/large"), in: root, environment: Self.key).status == 0)
        let sites = [Scratch.snapshot(root + "/small"), Scratch.snapshot(root + "/large")]
        #expect(sites[0] != sites[1] && sites[1].count > sites[0].count + 10)

        let output = root + "/Public"
        #expect(try PortalBinary.run(arguments(output), in: root).status == 0)
        let started = Date()
        #expect(try PortalBinary.run(arguments(output), in: root, environment: Self.key).status == 0)
        let duration = Date().timeIntervalSince(started) * 1000
        #expect(try PortalBinary.run(arguments(output), in: root).status == 0)
        var current = 0  // which site the output holds
        var killedWhileWriting = 0
        // Kills at fractions of a build's duration, and kills once its staging folder has
        // appeared — while it writes files, deletes stale ones or swaps — at growing
        // delays, so those moments do not depend on how fast this machine is.
        let moments: [(afterStaging: Bool, milliseconds: Double)] =
            [0.2, 0.5, 0.7, 0.8, 0.9, 0.95].map { (false, duration * $0) }
            + [0, 0.5, 1, 2, 3, 5, 8, 12, 20, 40].map { (true, $0) }
        for moment in moments {
            let target = 1 - current
            let (process, _, _) = try PortalBinary.start(
                arguments(output), in: root, environment: target == 1 ? Self.key : [:])
            if moment.afterStaging {
                let staging = root + "/.Public.tmp-\(process.processIdentifier)"
                while process.isRunning && !FileManager.default.fileExists(atPath: staging) { usleep(200) }
            }
            usleep(useconds_t(moment.milliseconds * 1000))
            // Stopped first, so whether it was still writing is known, not raced.
            kill(process.processIdentifier, SIGSTOP)
            let writing =
                process.isRunning
                && FileManager.default.fileExists(atPath: root + "/.Public.tmp-\(process.processIdentifier)")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if writing { killedWhileWriting += 1 }
            let now = Scratch.snapshot(output)
            #expect(now == sites[current] || now == sites[target], "killed \(moment): the output is a mixture")
            if now == sites[target] { current = target }
        }
        // The kill stopped the moment its staging folder appeared (0 ms) is one mid-write
        // whatever the machine's speed: the test cannot pass without one.
        #expect(killedWhileWriting >= 1, "no kill landed while a build was writing")

        #expect(try PortalBinary.run(arguments(output), in: root).status == 0)
        #expect(Scratch.snapshot(output) == sites[0])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "staging folders of killed builds are removed by the next build: \(leftovers)")
    }
}
