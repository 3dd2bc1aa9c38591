import PortalModel

/// The median of a cohort's levels as far as the published counts fix it: the withheld
/// assessments (size minus the published counts) may sit at any withheld level or among
/// the not-applicable ones, so the median is given as the range over those placements.
/// It is worked out from published numbers only, so it tells nothing they do not. The
/// self-check does the same in the browser (rules.js `medianRange`); a test holds the two
/// to the same answers.
public struct MedianRange: Equatable, Sendable {
    public let low: Int
    public let high: Int

    /// - counts: per level 1…n, nil where withheld; others: 不涉及 (and the like), nil where withheld.
    public init?(counts: [Int?], others: [Int?], size: Int) {
        let known = counts.compactMap { $0 }.reduce(0, +) + others.compactMap { $0 }.reduce(0, +)
        let unknown = size - known
        // Where the unknown assessments may be: a withheld level, or outside the levels.
        var places = counts.indices.filter { counts[$0] == nil }.map { Optional($0) }
        if others.contains(where: { $0 == nil }) { places.append(nil) }
        if unknown > 0 && places.isEmpty { return nil }
        var medians: [Int] = []
        for place in unknown > 0 ? places : [nil] {
            var levels = counts.map { $0 ?? 0 }
            if let place { levels[place] += unknown }
            let graded = levels.reduce(0, +)
            guard graded > 0 else { continue }
            var seen = 0
            for (level, count) in levels.enumerated() {
                seen += count
                if seen * 2 >= graded { medians.append(level + 1); break }
            }
        }
        guard let low = medians.min(), let high = medians.max() else { return nil }
        (self.low, self.high) = (low, high)
    }

    func text(_ ui: UIText) -> String {
        low == high ? ui(.outcomesLevel, ["level": low]) : ui(.outcomesLevelRange, ["low": low, "high": high])
    }
}
