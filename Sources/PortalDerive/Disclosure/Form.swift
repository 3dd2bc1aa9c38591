/// How one row publishes an attribute: which of its values are counted together.
///
/// A value whose count is small is merged with a neighbour (levels 1 and 2 become "1–2
/// 级"), so the row says as much as its data can carry instead of withholding most of its
/// cells. A child row never shows apart a value its parent merges (a form only ever
/// coarsens its parent's).
struct Form: Sendable, Equatable {
    /// The bins in display order, each a list of value indices in value order. Together
    /// they hold every value the attribute can take (values the standard rules out are in
    /// none).
    var bins: [[Int]]
    /// Values published on their own inside a merged bin ("卓越级及以上 31, 其中领航级
    /// <5"): the province-wide row only, where nothing may be withheld to protect them.
    var ofWhich: [Int] = []

    /// One bin or none: the row's count is its size, which is published already.
    var publishesNothing: Bool { bins.count < 2 }

    /// Every value alone, in segment order.
    static func singletons(_ segments: [[Int]]) -> Form {
        Form(bins: segments.flatMap { $0.map { [$0] } })
    }

    /// Everything in one bin: the table is not published.
    func withdrawn() -> Form { Form(bins: [bins.flatMap { $0 }]) }

    /// Whether every bin of `self` is a union of bins of `finer`.
    func coarsens(_ finer: Form) -> Bool {
        var binOf: [Int: Int] = [:]
        for (index, bin) in bins.enumerated() { for value in bin { binOf[value] = index } }
        return finer.bins.allSatisfy { bin in Set(bin.map { binOf[$0] ?? -1 }).count == 1 }
    }

    /// The form with bin `index` merged into its neighbour in the same segment that holds
    /// fewer (the lower one on a tie); nil when it has no neighbour there.
    func merging(_ index: Int, totals: [Int], segmentOf: (Int) -> Int) -> Form? {
        let segment = segmentOf(bins[index][0])
        let neighbours = [index - 1, index + 1].filter {
            bins.indices.contains($0) && segmentOf(bins[$0][0]) == segment
        }
        guard let partner = neighbours.min(by: { (totals[$0], $0) < (totals[$1], $1) }) else { return nil }
        let (low, high) = (min(index, partner), max(index, partner))
        var merged = bins
        merged[low] = bins[low] + bins[high]
        merged.remove(at: high)
        return Form(
            bins: merged, ofWhich: ofWhich.filter { value in merged.contains { $0.count > 1 && $0.contains(value) } })
    }

    /// One step coarser: the bin under most pressure (most small cells across the table's
    /// rows; then the one holding fewest; then the first) merged with its smaller
    /// neighbour. Nil when no bin under pressure can merge.
    func coarsened(pressure: [Int], totals: [Int], segmentOf: (Int) -> Int) -> Form? {
        let candidates = bins.indices.filter { pressure[$0] > 0 }.sorted {
            (-pressure[$0], totals[$0], $0) < (-pressure[$1], totals[$1], $1)
        }
        for candidate in candidates {
            if let merged = merging(candidate, totals: totals, segmentOf: segmentOf) { return merged }
        }
        return nil
    }
}

/// A row's level: the province-wide row, a tier group's, or a cohort's (of that tier
/// group). It sets what withholding one of its figures may cost.
enum RowLevel: Hashable, Sendable {
    case total
    case group
    case cohort(group: Int)
}
