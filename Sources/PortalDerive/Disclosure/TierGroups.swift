import PortalModel

/// The derived tiers as the outcome pages group them: neighbouring tiers merged until
/// every group holds no assessment or at least k, so no table, card or chart describes
/// a handful of factories at the top tier. Columns of the tier tables: index 0 is "below
/// the lowest tier", then the framework's tiers in order.
public struct TierGroups: Sendable, Equatable {
    /// Each group's tier columns (0 = no tier), lowest first.
    public let groups: [[Int]]
    /// The framework's tiers, lowest first: column c > 0 is tiers[c − 1].
    public let tiers: [TierID]

    /// Per tier column: its group. The groups partition the columns, so every column has
    /// exactly one, found by position.
    private let groupOfColumn: [Int]

    /// Groups read back from a ledger: nil unless they hold every tier column (0 = no tier,
    /// then each of `tiers`) exactly once.
    public init?(groups: [[Int]], tiers: [TierID]) {
        guard groups.flatMap({ $0 }).sorted() == Array(0...tiers.count) else { return nil }
        self.groups = groups
        self.tiers = tiers
        groupOfColumn = Self.groupOfColumn(groups, columns: tiers.count + 1)
    }

    /// Merges from the top (the rarest tiers) down: a group closes once it holds k or
    /// more; a tier with no assessment stays on its own when nothing is pending (a 0 is
    /// safe to publish); what is left at the bottom joins the group above it.
    public init(counts: [Int], k: Int, tiers: [TierID]) {
        self.tiers = tiers
        var groups: [[Int]] = []
        var pending: [Int] = [], pendingCount = 0
        for column in counts.indices.reversed() {
            if counts[column] == 0 && pending.isEmpty { groups.append([column]); continue }
            pending.insert(column, at: 0)
            pendingCount += counts[column]
            if pendingCount >= k {
                groups.append(pending)
                pending = []
                pendingCount = 0
            }
        }
        // Below k at the bottom: absorb the groups above it, nearest first, until it
        // holds k (empty tiers in between fold in, keeping groups contiguous).
        while pendingCount > 0 && pendingCount < k, let above = groups.popLast() {
            pending = (pending + above).sorted()
            pendingCount = pending.reduce(0) { $0 + counts[$1] }
        }
        if !pending.isEmpty { groups.append(pending) }
        self.groups = groups.sorted { $0[0] < $1[0] }
        groupOfColumn = Self.groupOfColumn(self.groups, columns: counts.count)
    }

    private static func groupOfColumn(_ groups: [[Int]], columns: Int) -> [Int] {
        var groupOf = [Int](repeating: 0, count: columns)
        for (group, members) in groups.enumerated() { for column in members { groupOf[column] = group } }
        return groupOf
    }

    public func group(ofColumn column: Int) -> Int { groupOfColumn[column] }

    /// Stable key: the tier ids joined ("excellent+leading").
    public func key(_ group: Int) -> String { groups[group].map(columnKey).joined(separator: "+") }

    public func columnKey(_ column: Int) -> String { Self.columnKey(column, tiers: tiers) }

    /// A tier column's stable key: "none" for column 0, else the tier's id.
    public static func columnKey(_ column: Int, tiers: [TierID]) -> String {
        column == 0 ? "none" : tiers[column - 1].rawValue
    }

    /// The column of a key `columnKey` gave.
    public static func column(ofKey key: String, tiers: [TierID]) -> Int? {
        key == "none" ? 0 : tiers.firstIndex { $0.rawValue == key }.map { $0 + 1 }
    }
}
