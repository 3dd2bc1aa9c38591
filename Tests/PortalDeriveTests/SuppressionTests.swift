import PortalDerive
import Testing

/// Primary and complementary suppression.
@Suite struct SuppressionTests {
    @Test func smallCountsAreWithheldZerosAndLargeOnesPublished() {
        let table = SuppressedTable(counts: [[0, 3, 7, 12]], k: 5, rowTotals: false, columnTotals: false)
        #expect(table.cells == [0, nil, 7, 12])
    }

    @Test func aLoneWithheldCellGetsAComplementInItsRow() {
        // Row total 3 + 7 + 12 = 22 is published: 3 alone would be 22 − 7 − 12.
        let table = SuppressedTable(counts: [[0, 3, 7, 12]], k: 5, rowTotals: true, columnTotals: false)
        #expect(table.cells == [0, nil, nil, 12])
        #expect(table.rowTotals == [22])
    }

    @Test func complementsPropagateAcrossRowsAndColumns() {
        let counts = [[20, 2, 30], [25, 40, 35], [30, 45, 50]]
        let table = SuppressedTable(counts: counts, k: 5, rowTotals: true, columnTotals: true)
        #expect(table.cell(0, 1) == nil) // primary
        // No row or column may have exactly one withheld cell while its total is published.
        for r in 0..<3 {
            let withheld = (0..<3).filter { table.cell(r, $0) == nil }.count + (table.rowTotals![r] == nil ? 1 : 0)
            #expect(withheld != 1, "row \(r)")
        }
        for c in 0..<3 {
            let withheld = (0..<3).filter { table.cell($0, c) == nil }.count + (table.columnTotals![c] == nil ? 1 : 0)
            #expect(withheld != 1, "column \(c)")
        }
        #expect(table.total == 277)
    }

    @Test func withheldValuesCannotBeRecomputedFromTotals() {
        // Brute force over the withheld cells: every table consistent with what is
        // published must leave each withheld cell with at least two possible values.
        let counts = [[6, 1, 9], [8, 7, 2]]
        let table = SuppressedTable(counts: counts, k: 5, rowTotals: true, columnTotals: true)
        let unknown = table.cells.indices.filter { table.cells[$0] == nil }
        #expect(unknown.count >= 2)
        var possible = [Int: Set<Int>]()
        var candidate = table.cells.map { $0 ?? 0 }
        func consistent() -> Bool {
            let rows = [candidate[0] + candidate[1] + candidate[2], candidate[3] + candidate[4] + candidate[5]]
            let columns = [candidate[0] + candidate[3], candidate[1] + candidate[4], candidate[2] + candidate[5]]
            return zip(rows, table.rowTotals!).allSatisfy { $1 == nil || $0 == $1! }
                && zip(columns, table.columnTotals!).allSatisfy { $1 == nil || $0 == $1! }
        }
        func search(_ position: Int) {
            guard position < unknown.count else {
                if consistent() { for index in unknown { possible[index, default: []].insert(candidate[index]) } }
                return
            }
            for value in 0...30 {
                candidate[unknown[position]] = value
                search(position + 1)
            }
        }
        search(0)
        for index in unknown {
            #expect((possible[index]?.count ?? 0) >= 2, "cell \(index) is recoverable")
        }
    }

    @Test func fixedTotalsStayPublishedAndWithheldOnesStayWithheld() {
        let counts = [[10, 3], [10, 9]]
        let table = SuppressedTable(counts: counts, k: 5, rowTotals: true, columnTotals: true, fixedColumnTotals: [20, 12])
        #expect(table.columnTotals == [20, 12])
        let withheld = SuppressedTable(counts: [[10, 30], [10, 40]], k: 5, rowTotals: true, columnTotals: true, fixedColumnTotals: [nil, 70])
        #expect(withheld.columnTotals?[0] == nil)
    }
}
