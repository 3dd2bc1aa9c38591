import Foundation

/// Where a build is, for a progress line on a terminal: the stage it is in and, while
/// rendering, how many pages are done.
public final class BuildProgress: @unchecked Sendable {
    public struct State: Sendable, Equatable {
        public var stage: String
        public var done: Int?
        public var total: Int?
    }

    private let lock = NSLock()
    private var state = State(stage: "load")

    public init() {}

    public var current: State { lock.withLock { state } }

    func enter(_ stage: String, total: Int? = nil) {
        lock.withLock { state = State(stage: stage, done: total.map { _ in 0 }, total: total) }
    }

    func advance() {
        lock.withLock { state.done = (state.done ?? 0) + 1 }
    }
}
