import PortalModel

/// The median level of a group as far as its published figures fix it. Each published
/// bin counts members somewhere among its levels (a merged "3–4 级" may hold them at 3 or
/// at 4) or among the answers outside the scale (不涉及); a withheld bin holds what its
/// mark says ("<k": 1 to k−1, "×": k or more), the withheld bins together the rest of
/// the group. The median is given as the range over every such placement, so it tells
/// nothing the figures do not. The self-check does the same in the browser (rules.js
/// `medianRange`); a test holds the two to the same answers.
///
/// The lowest median is the first level m at which some placement puts at least half of
/// the graded members at m or below: each bin then sits as low as it can (or outside the
/// scale where that helps), and the withheld members go where they count most. The
/// highest is found the same way from the top.
public struct MedianRange: Equatable, Sendable {
    public let low: Int
    public let high: Int

    public struct Bin: Equatable, Sendable, Codable {
        /// The scale's levels it may hold (1-based, lowest and highest), if any.
        public var from: Int?
        public var to: Int?
        /// Whether it may hold answers outside the scale (不涉及, 未填).
        public var other: Bool
        /// Its count; nil where withheld.
        public var count: Int?
        /// Where withheld: "<" (1 to k−1) or "x" (k or more).
        public var mark: String?

        public init(from: Int?, to: Int?, other: Bool, count: Int?, mark: String?) {
            (self.from, self.to, self.other, self.count, self.mark) = (from, to, other, count, mark)
        }
    }

    /// - Parameters: bins: the group's bins; size: its members; k: the threshold the marks use.
    public init?(bins: [Bin], size: Int, k: Int) {
        let top = bins.compactMap(\.to).max() ?? 0
        guard top > 0 else { return nil }
        let withheld = size - bins.compactMap(\.count).reduce(0, +)
        // The lowest m where, placed at its best, 2 × (members at m or below) ≥ graded.
        let low = (1...top).first { Self.bestScore(bins, withheld: withheld, k: k, threshold: $0, lowering: true) >= 0 }
        // The highest m where some placement leaves fewer than half at m − 1 or below.
        let high = (1...top).reversed().first {
            Self.bestScore(bins, withheld: withheld, k: k, threshold: $0 - 1, lowering: false) < 0
        }
        guard let low, let high, low <= high else { return nil }
        (self.low, self.high) = (low, high)
    }

    /// Σ (members at `threshold` or below) − (graded members above it), at its largest
    /// (`lowering`) or smallest over the placements the bins allow. With no graded member
    /// at all the median does not exist: that placement never counts.
    static func bestScore(_ bins: [Bin], withheld: Int, k: Int, threshold: Int, lowering: Bool) -> Int {
        // What one member of each bin adds, placed at its best for the goal.
        let scores = bins.map { bin -> Int in
            let below = bin.from.map { $0 <= threshold } ?? false, above = bin.to.map { $0 > threshold } ?? false
            if lowering { return below ? 1 : bin.other ? 0 : -1 }
            return above ? -1 : bin.other ? 0 : 1
        }
        var score = 0, graded = 0
        for (bin, weight) in zip(bins, scores) where bin.count != nil {
            score += weight * bin.count!
            if weight != 0 { graded += bin.count! }
        }
        // The withheld members: each bin its mark's least, the rest where it helps most.
        let open = bins.indices.filter { bins[$0].count == nil }
        var remaining = withheld
        var room: [Int: Int] = [:]
        for index in open {
            let least = bins[index].mark == "<" ? 1 : k
            let most = bins[index].mark == "<" ? k - 1 : Int.max
            score += scores[index] * least
            if scores[index] != 0 { graded += least }
            remaining -= least
            room[index] = most - least
        }
        let order = open.sorted {
            lowering ? (scores[$0], -$0) > (scores[$1], -$1) : (scores[$0], $0) < (scores[$1], $1)
        }
        for index in order where remaining > 0 {
            let placed = min(remaining, room[index]!)
            score += scores[index] * placed
            if scores[index] != 0 { graded += placed }
            remaining -= placed
        }
        return graded > 0 ? score : (lowering ? -1 : 0)
    }

    func text(_ ui: UIText) -> String {
        low == high ? ui(.outcomesLevel, ["level": low]) : ui(.outcomesLevelRange, ["low": low, "high": high])
    }
}
