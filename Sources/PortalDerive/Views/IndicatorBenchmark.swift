import PortalModel

/// What the self-check's second part compares a user's indicator levels with: each tier
/// group's published counts per level of every indicator — the `group:` rows of
/// /data/outcomes.json, figure for figure, withheld ones as null. It is embedded in the
/// self-check page (not fetched) so that the comparison works offline and from file://,
/// and nothing the user enters leaves the device. The browser works out the medians with
/// rules.js `medianRange`, the same algorithm as `MedianRange`.
public struct IndicatorBenchmark: Encodable, Sendable {
    struct Group: Encodable {
        var key: String
        var name: String
        /// The tiers it holds, by tier id ("none" for 未达基础级).
        var tiers: [String]
        var records: Int
    }

    struct Counts: Encodable {
        var no: Int
        /// Per group key: its published bins as the median works on them (levels each may
        /// hold, count or mark); absent where the group's figures are not split.
        var bins: [String: [MedianRange.Bin]]
    }

    let k: Int
    let groups: [Group]
    let indicators: [Counts]

    public init(outcomes: OutcomeRelease, standard: Standard) {
        k = outcomes.k
        let tierGroups = outcomes.tierGroups
        groups = tierGroups.groups.indices.map { group in
            Group(
                key: tierGroups.key(group), name: outcomes.groupNames[group],
                tiers: tierGroups.groups[group].map(tierGroups.columnKey), records: outcomes.groupSizes[group])
        }
        indicators = standard.indicators.compactMap { indicator -> Counts? in
            guard let attribute = outcomes.attributes.first(where: { $0.kind == .indicator(indicator.no) }) else {
                return nil
            }
            let levels = indicator.levels.isEmpty ? attribute.values.count : indicator.levels.count
            var bins: [String: [MedianRange.Bin]] = [:]
            for group in tierGroups.groups.indices where attribute.groups[group].isPublished {
                bins[tierGroups.key(group)] = SitePlanner.medianBins(attribute.groups[group], levels: levels)
            }
            return Counts(no: indicator.no, bins: bins)
        }
    }
}
