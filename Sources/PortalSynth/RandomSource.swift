/// SplitMix64: small, fast and the same on every machine, so a seed always gives the
/// same synthetic data (Swift's own generator is not reproducible by design).
struct RandomSource {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Roughly normal (sum of uniforms), mean 0, deviation 1.
    mutating func normal() -> Double { (0..<6).reduce(0) { acc, _ in acc + unit() } * 2 - 6 }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// One of `items`, chosen with the given weights.
    mutating func pick<T>(_ items: [T], weights: [Double]) -> T {
        var target = unit() * weights.reduce(0, +)
        for (item, weight) in zip(items, weights) {
            target -= weight
            if target < 0 { return item }
        }
        return items[items.count - 1]
    }
}
