/// SplitMix64: small, fast and the same on every machine, so a seed always gives the
/// same synthetic data, and the tests the same random cases (Swift's own generator is not
/// reproducible by design). The one seeded generator of the code and its tests.
public struct RandomSource: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    public mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    /// Uniform in 0..<bound.
    public mutating func next(_ bound: Int) -> Int { int(0..<bound) }

    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Roughly normal (sum of uniforms), mean 0, deviation 1.
    public mutating func normal() -> Double { (0..<6).reduce(0) { acc, _ in acc + unit() } * 2 - 6 }

    public mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// One of `items`, chosen with the given weights.
    public mutating func pick<T>(_ items: [T], weights: [Double]) -> T {
        var target = unit() * weights.reduce(0, +)
        for (item, weight) in zip(items, weights) {
            target -= weight
            if target < 0 { return item }
        }
        return items[items.count - 1]
    }
}
