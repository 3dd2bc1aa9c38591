/// The protection LP of a block as a minimum-cost flow, where it is one (the network
/// method for two-way tables, Cox 1995; tau-ARGUS's network solver): rows of known size
/// (atoms) × values, every cell a figure of its own, and each column total either held
/// (closed) or free to move at a price (open: the block's totals and the grand total).
/// Moving a cell up by `amount` is then a circulation through it — down another cell of
/// its column, up another of that row, … back to its row, or through the hub of column
/// totals where they may move — and the cheapest one is found by successive shortest
/// paths: the LP's optimum, in microseconds instead of a simplex solve.
struct CellFlow {
    let rows: Int
    let values: Int
    /// Per cell (row-major): how far it can go down (its count) and up (to its row's size).
    let down: [Double]
    let up: [Double]
    /// Cells no change may touch (structural zeros).
    let fixed: [Bool]
    /// Open: the price per unit of change of each column's total; closed: nil.
    var columnCost: [Double]?

    private struct Edge {
        let from: Int, to: Int
        /// The cell it changes (−1: a column total), and which way.
        let cell: Int, sign: Double, cost: Double
        var capacity: Double
    }

    /// Moves `cell` by `amount` (negative: down).
    func deviation(cell: Int, amount: Double, cost: [Double]) -> [Double]? {
        let (row, value) = (cell / values, cell % values)
        guard !fixed[cell], amount > 0 ? up[cell] >= amount - 1e-9 : down[cell] >= -amount - 1e-9 else { return nil }
        // Raising the cell is an edge row → value: the rest of the circulation runs from
        // its value back to its row (the other way round to lower it).
        var change = circulation(from: amount > 0 ? rows + value : row, to: amount > 0 ? row : rows + value,
                                 amount: abs(amount), cost: cost, skipCell: cell, skipColumn: -1)
        change?[cell] += amount
        return change
    }

    /// Moves the total of column `value` by `amount` (open flows only).
    func deviation(column value: Int, amount: Double, cost: [Double]) -> [Double]? {
        guard columnCost != nil else { return nil }
        let hub = rows + values
        return circulation(from: amount > 0 ? hub : rows + value, to: amount > 0 ? rows + value : hub,
                           amount: abs(amount), cost: cost, skipCell: -1, skipColumn: value)
    }

    /// The cheapest flow of `amount` from `source` to `sink` through the cells (and the
    /// hub), by successive shortest paths (Bellman-Ford: residual edges cost their negation).
    private func circulation(from source: Int, to sink: Int, amount: Double, cost: [Double], skipCell: Int, skipColumn: Int) -> [Double]? {
        let hub = rows + values, nodes = hub + 1
        var edges: [Edge] = []
        for r in 0..<rows {
            for v in 0..<values {
                let index = r * values + v
                if index == skipCell || fixed[index] { continue }
                if up[index] > 1e-9 { edges.append(Edge(from: r, to: rows + v, cell: index, sign: 1, cost: cost[index], capacity: up[index])) }
                if down[index] > 1e-9 { edges.append(Edge(from: rows + v, to: r, cell: index, sign: -1, cost: cost[index], capacity: down[index])) }
            }
        }
        if let columnCost {
            for v in 0..<values where v != skipColumn {
                edges.append(Edge(from: rows + v, to: hub, cell: -1, sign: 1, cost: columnCost[v], capacity: .infinity))
                edges.append(Edge(from: hub, to: rows + v, cell: -1, sign: -1, cost: columnCost[v], capacity: .infinity))
            }
        }
        var flow = [Double](repeating: 0, count: edges.count)
        var remaining = amount
        while remaining > 1e-9 {
            var distance = [Double](repeating: .infinity, count: nodes)
            var via = [Int](repeating: Int.min, count: nodes) // edge index; negative: its reverse (~index)
            distance[source] = 0
            for _ in 0..<nodes {
                var changed = false
                for (index, edge) in edges.enumerated() {
                    if flow[index] < edge.capacity - 1e-9, distance[edge.from] + edge.cost < distance[edge.to] - 1e-12 {
                        distance[edge.to] = distance[edge.from] + edge.cost
                        via[edge.to] = index
                        changed = true
                    }
                    if flow[index] > 1e-9, distance[edge.to] - edge.cost < distance[edge.from] - 1e-12 {
                        distance[edge.from] = distance[edge.to] - edge.cost
                        via[edge.from] = ~index
                        changed = true
                    }
                }
                if !changed { break }
            }
            guard distance[sink].isFinite else { return nil }
            var bottleneck = remaining, node = sink
            var path: [Int] = []
            while node != source {
                let step = via[node]
                guard step != Int.min, path.count <= edges.count else { return nil }
                path.append(step)
                if step >= 0 { bottleneck = min(bottleneck, edges[step].capacity - flow[step]); node = edges[step].from }
                else { bottleneck = min(bottleneck, flow[~step]); node = edges[~step].to }
            }
            for step in path { if step >= 0 { flow[step] += bottleneck } else { flow[~step] -= bottleneck } }
            remaining -= bottleneck
        }
        var change = [Double](repeating: 0, count: rows * values)
        for (index, edge) in edges.enumerated() where edge.cell >= 0 && flow[index] > 1e-12 { change[edge.cell] += edge.sign * flow[index] }
        return change
    }
}
