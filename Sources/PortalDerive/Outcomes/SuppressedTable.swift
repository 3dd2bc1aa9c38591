/// A table of counts made safe to publish (statistical disclosure control):
/// - primary suppression: every count from 1 to k−1 is withheld (shown as "<k");
/// - complementary suppression: wherever a published total would let a reader work a
///   withheld cell back out (its row or column has exactly one withheld cell), a second
///   cell of that line is withheld too, until no line has exactly one. The second cell is
///   preferably one whose other line also needs a partner (one cell then protects two
///   lines), else the smallest non-zero one: little information is lost.
/// Totals are cells like any other; `fixed` cells are published elsewhere already (for
/// example the tier distribution that every table's column totals repeat) and are never
/// chosen as complements, so all tables agree.
public struct SuppressedTable: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Published values; nil where withheld. Row-major, `rows × columns`.
    public let cells: [Int?]
    public let rowTotals: [Int?]?
    public let columnTotals: [Int?]?
    public let total: Int?

    public func cell(_ row: Int, _ column: Int) -> Int? { cells[row * columns + column] }

    /// - Parameters:
    ///   - counts: `rows × columns` counts, row-major.
    ///   - rowTotals / columnTotals: whether those totals are published.
    ///   - fixedColumnTotals: column totals already published elsewhere (nil entries = withheld there).
    ///   - alsoWithhold: cells to withhold whatever their count (rows × columns), for
    ///     reasons the table cannot see (see OutcomeStatistics).
    public init(counts: [[Int]], k: Int, rowTotals publishRowTotals: Bool, columnTotals publishColumnTotals: Bool,
                fixedColumnTotals: [Int?]? = nil, alsoWithhold: [[Bool]]? = nil) {
        let rows = counts.count, columns = counts.first?.count ?? 0
        self.rows = rows
        self.columns = columns
        // A grid with the totals as an extra row and column: index rows / columns.
        let width = columns + 1
        var value = [Int](repeating: 0, count: (rows + 1) * width)
        for r in 0..<rows {
            for c in 0..<columns {
                value[r * width + c] = counts[r][c]
                value[r * width + columns] += counts[r][c]
                value[rows * width + c] += counts[r][c]
                value[rows * width + columns] += counts[r][c]
            }
        }
        var withheld = value.map { $0 > 0 && $0 < k }
        if let alsoWithhold {
            for r in 0..<rows { for c in 0..<columns where alsoWithhold[r][c] { withheld[r * width + c] = true } }
        }
        var fixed = [Bool](repeating: false, count: value.count)
        if let fixedColumnTotals {
            for c in 0..<columns {
                let index = rows * width + c
                if fixedColumnTotals[c] == nil { withheld[index] = true } else { fixed[index] = true }
            }
        }
        // The lines whose totals are published, each as its cells' grid indices (total last).
        var lines: [[Int]] = []
        if publishRowTotals {
            for r in 0..<rows { lines.append((0...columns).map { r * width + $0 }) }
            if publishColumnTotals { lines.append((0...columns).map { rows * width + $0 }) }
        }
        if publishColumnTotals {
            for c in 0..<columns { lines.append((0...rows).map { $0 * width + c }) }
            if publishRowTotals { lines.append((0...rows).map { $0 * width + columns }) }
        }
        var linesOf = [[Int]](repeating: [], count: value.count)
        for (number, line) in lines.enumerated() { for index in line { linesOf[index].append(number) } }
        func needsPartner(_ line: Int) -> Bool { lines[line].filter { withheld[$0] }.count == 1 }
        var changed = true
        while changed {
            changed = false
            for (number, line) in lines.enumerated() where needsPartner(number) {
                let inner = line.dropLast().filter { !withheld[$0] && !fixed[$0] }
                // Rank: protects another line too (0) or not (1), then the smaller count.
                func rank(_ index: Int) -> (Int, Int, Int) {
                    (linesOf[index].contains { $0 != number && needsPartner($0) } ? 0 : 1, value[index], index)
                }
                let partner = inner.filter { value[$0] > 0 }.min { rank($0) < rank($1) }
                    ?? (withheld[line.last!] || fixed[line.last!] ? nil : line.last!)
                    ?? inner.first
                if let partner {
                    withheld[partner] = true
                    changed = true
                }
            }
        }
        func published(_ index: Int) -> Int? { withheld[index] ? nil : value[index] }
        var cells: [Int?] = []
        for r in 0..<rows { for c in 0..<columns { cells.append(published(r * width + c)) } }
        self.cells = cells
        self.rowTotals = publishRowTotals ? (0..<rows).map { published($0 * width + columns) } : nil
        self.columnTotals = publishColumnTotals ? (0..<columns).map { published(rows * width + $0) } : nil
        self.total = publishRowTotals || publishColumnTotals ? published(rows * width + columns) : nil
    }
}
