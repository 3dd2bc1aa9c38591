import Foundation
import PortalTestSupport
import Testing

/// Two builds into one output: the second waits for the first (the lock beside the
/// output), or stops saying who holds it, touching nothing; a killed build leaves no lock.
@Suite struct ConcurrentBuildTests {
    static func arguments(_ root: String) -> [String] {
        [
            "build", "--content", Fixtures.repository + "/Content", "--templates", Fixtures.repository + "/Templates",
            "--output", root + "/Public", "--search", "off",
        ]
    }

    @Test func aHeldLockStopsTheBuildAfterAWaitSayingWhoHoldsIt() throws {
        let root = Scratch.folder("portal-lock")
        #expect(try PortalBinary.run(Self.arguments(root), in: root).status == 0)
        let before = Scratch.snapshot(root)
        // This process holds the lock, as a running build would.
        let descriptor = open(root + "/.Public.lock", O_RDWR)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        defer { close(descriptor) }
        let started = Date()
        let result = try PortalBinary.run(Self.arguments(root), in: root, environment: ["PORTAL_LOCK_WAIT": "1"])
        #expect(result.status == 1)
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(
            result.stderr.contains("another build is writing to \(root)/Public (pid \(getpid()), started "),
            "\(result.stderr)")
        #expect(result.stderr.contains(".Public.lock:1:1: error:"))
        #expect(Scratch.snapshot(root) == before, "the waiting build touched something")
    }

    @Test func twoBuildsStartedTogetherBothFinishOneAfterTheOther() throws {
        let root = Scratch.folder("portal-lock-two")
        let first = try PortalBinary.start(Self.arguments(root), in: root)
        let second = try PortalBinary.start(Self.arguments(root), in: root)
        first.0.waitUntilExit()
        second.0.waitUntilExit()
        #expect(first.0.terminationStatus == 0 && second.0.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: root + "/Public/index.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aKilledBuildLeavesNoLockBehind() throws {
        let root = Scratch.folder("portal-lock-killed")
        #expect(try PortalBinary.run(Self.arguments(root), in: root).status == 0)
        let (process, _, _) = try PortalBinary.start(Self.arguments(root), in: root)
        // Killed once it holds the lock (its staging folder appears after it takes it).
        while process.isRunning
            && !FileManager.default.fileExists(atPath: root + "/.Public.tmp-\(process.processIdentifier)")
        { usleep(200) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let started = Date()
        #expect(
            try PortalBinary.run(Self.arguments(root), in: root, environment: ["PORTAL_LOCK_WAIT": "30"]).status == 0)
        #expect(Date().timeIntervalSince(started) < 20, "the next build waited for a lock nobody held")
    }
}
