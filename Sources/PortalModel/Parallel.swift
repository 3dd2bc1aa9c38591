import Foundation

extension Array where Element: Sendable {
    /// Maps on every core (Saga-style parallel work) and returns results in the original
    /// order, so output never depends on scheduling.
    ///
    /// Why not `DispatchQueue.concurrentPerform`: called inside another concurrentPerform,
    /// libdispatch divides its width by the outer one's, so a map nested in a two-way
    /// split (loading content beside the templates) runs on one core. Here the calling
    /// thread works through the items itself and helpers on the global queue join while
    /// there is work left, so a nested map uses every free core, and no caller ever waits
    /// for a helper that has not started (no deadlock when the pool is busy with the
    /// outer map).
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else { return map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let job = ParallelJob(items: self, transform: transform)
            for _ in 1..<workers {
                DispatchQueue.global().async { job.help() }
            }
            return job.finish()
        }
    }

    /// The throwing form: the first error in element order is rethrown once all are done.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        try parallelMap { element in Result { try transform(element) } }.map { try $0.get() }
    }
}

/// One parallel map: the items, the next item to take, results in fixed slots, and the
/// helpers still working. The transform is dropped before `finish` returns, so helpers
/// that start late find no work and never call it.
private final class ParallelJob<Element: Sendable, T: Sendable>: @unchecked Sendable {
    private let items: [Element]
    private var transform: (@Sendable (Element) -> T)?
    private var slots: [T?]
    private var next = 0
    private var working = 0
    private var finished = false
    private let state = NSCondition()
    /// Items taken at a time: one for lists of pages and files (a few big pages must not
    /// land in one worker's batch while the other core idles), more only for very long
    /// lists of small items so the lock is not taken per item.
    private let chunk: Int

    init(items: [Element], transform: @escaping @Sendable (Element) -> T) {
        self.items = items
        self.transform = transform
        slots = Array(repeating: nil, count: items.count)
        chunk = items.count > 65_536 ? items.count / (ProcessInfo.processInfo.activeProcessorCount * 256) : 1
    }

    /// A helper's share: nothing if the map is already done.
    func help() {
        state.lock()
        // The helper's own reference to the transform is let go before it signs off:
        // `finish` checks that nothing holds it once the map returns.
        var transform = finished ? nil : self.transform
        guard transform != nil else { state.unlock(); return }
        working += 1
        state.unlock()
        work(transform!)
        transform = nil
        state.lock()
        working -= 1
        if working == 0 { state.broadcast() }
        state.unlock()
    }

    /// The caller's share, then waits for helpers still on an item; the results in order.
    func finish() -> [T] {
        work(transform!)
        state.lock()
        finished = true
        while working > 0 { state.wait() }
        transform = nil
        let values = slots.map { $0! }
        state.unlock()
        return values
    }

    private func work(_ transform: @Sendable (Element) -> T) {
        while true {
            state.lock()
            let start = next
            next = Swift.min(items.count, next + chunk)
            state.unlock()
            guard start < items.count else { return }
            for index in start..<Swift.min(items.count, start + chunk) {
                let value = transform(items[index])
                state.lock()
                slots[index] = value
                state.unlock()
            }
        }
    }
}

/// Runs two independent pieces of work at once (each may itself use every core) and
/// returns both results.
public func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = [0, 1].parallelMap { index -> (A?, B?) in index == 0 ? (first(), nil) : (nil, second()) }
    return (results[0].0!, results[1].1!)
}

/// Work started on another core now, its result taken when needed (waiting for it then).
public final class Pending<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchGroup()

    public init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    public var value: T {
        done.wait()
        return result!
    }
}
