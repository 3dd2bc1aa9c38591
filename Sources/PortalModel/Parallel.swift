import Foundation

extension Array where Element: Sendable {
    /// Maps on every core (Saga-style parallel work) and returns results in the original
    /// order, so output never depends on scheduling.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = OrderedSlots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let items = self
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                results[index] = transform(items[index])
            }
        }
        return results.values
    }

    /// The throwing form: the first error in element order is rethrown once all are done.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        try parallelMap { element in Result { try transform(element) } }.map { try $0.get() }
    }
}

/// Fixed slots written by parallel workers, read back in index order.
private final class OrderedSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [T] { lock.withLock { slots.map { $0! } } }
}

/// Runs two independent pieces of work at once (each may itself use every core) and
/// returns both results.
public func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let results = [0, 1].parallelMap { index -> (A?, B?) in index == 0 ? (first(), nil) : (nil, second()) }
    return (results[0].0!, results[1].1!)
}
