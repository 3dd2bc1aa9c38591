import Foundation
import PortalModel
import Testing

/// `parallelMap` keeps element order, maps each element once, and a map nested inside
/// another (the content loaded beside the templates, the planner's page groups) still
/// runs on more than one core.
@Suite struct ParallelMapTests {
    @Test func keepsOrderAndMapsEachElementOnce() {
        let calls = Counter()
        let results = Array(0..<5000).parallelMap { n -> Int in
            calls.add(); return n * 3
        }
        #expect(results == (0..<5000).map { $0 * 3 })
        #expect(calls.value == 5000)
    }

    @Test func nestedMapsKeepOrder() {
        let results = Array(0..<8).parallelMap { outer in Array(0..<300).parallelMap { outer * 1000 + $0 } }
        #expect(results == (0..<8).map { outer in (0..<300).map { outer * 1000 + $0 } })
    }

    @Test func rethrowsTheFirstErrorInElementOrder() {
        struct Failure: Error, Equatable { let n: Int }
        #expect(throws: Failure(n: 7)) {
            try Array(0..<100).parallelMap { n throws -> Int in
                if n == 7 || n == 60 { throw Failure(n: n) }
                return n
            }
        }
    }

    /// libdispatch's concurrentPerform divides a nested call's width by the outer one's:
    /// nested in a two-way split, it ran on one thread. Each item waits (up to ten
    /// seconds, for a busy machine) until a second thread has taken one: on one thread
    /// that never happens.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func aMapNestedInATwoWaySplitUsesMoreThanOneThread() {
        let (threads, _) = concurrently(
            {
                let seen = Counter()
                _ = Array(0..<4).parallelMap { _ -> Int in
                    seen.note(thread: pthread_self())
                    let deadline = Date().addingTimeInterval(10)
                    while seen.threads < 2 && Date() < deadline { usleep(1_000) }
                    return 0
                }
                return seen.threads
            }, { usleep(1_000) })
        #expect(threads > 1)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var seen = Set<UInt>()

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
    func note(thread: pthread_t) { _ = lock.withLock { seen.insert(UInt(thread)) } }
    var threads: Int { lock.withLock { seen.count } }
}
