import Dispatch

/// Time the indexer took inside the render+write stage.
final class IndexClock: @unchecked Sendable { var seconds = 0.0 }

/// Wall time per stage.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(name: String, seconds: Double)] = []

    /// Moves `seconds` of the last lap into a lap of its own (the indexer runs inside the render+write stage).
    mutating func split(last name: String, off other: String, seconds: Double) {
        guard let index = laps.lastIndex(where: { $0.name == name }) else { return }
        laps[index].seconds -= seconds
        laps.append((other, seconds))
    }

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
