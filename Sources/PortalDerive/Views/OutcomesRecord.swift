import PortalModel

/// /data/outcomes.json: the published aggregates, withheld values as null.
struct OutcomesRecord: Encodable, Sendable {
    let outcomes: OutcomeStatistics
    let framework: Framework

    init(_ outcomes: OutcomeStatistics, framework: Framework) {
        self.outcomes = outcomes
        self.framework = framework
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let tierKeys = OutcomeStatistics.tierColumns.map { $0?.rawValue ?? "none" }

    func encode(to encoder: Encoder) throws {
        var root = encoder.container(keyedBy: Key.self)
        try root.encode(outcomes.synthetic, forKey: Key("synthetic"))
        try root.encode(outcomes.k, forKey: Key("k"))
        try root.encode(outcomes.records, forKey: Key("records"))
        try encodeRow(outcomes.byTier, row: 0, into: &root, key: "by_tier")
        try encodeTable(outcomes.declaredVsDerived, rows: Self.tierKeys.map { $0 == "none" ? "undeclared" : $0 }, into: &root, key: "declared_vs_derived")
        try encodeTable(outcomes.byRegion, rows: outcomes.places, into: &root, key: "by_region")
        try encodeTable(outcomes.byYear, rows: outcomes.years.map(String.init), into: &root, key: "by_year")
        try root.encode(outcomes.withheld, forKey: Key("records_withheld_from_listing"))
    }

    private func encodeRow(_ table: SuppressedTable, row: Int, into container: inout KeyedEncodingContainer<Key>, key: String) throws {
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        for (column, name) in Self.tierKeys.enumerated() { try nested.encode(table.cell(row, column), forKey: Key(name)) }
    }

    private func encodeTable(_ table: SuppressedTable, rows: [String], into container: inout KeyedEncodingContainer<Key>, key: String) throws {
        var nested = container.nestedContainer(keyedBy: Key.self, forKey: Key(key))
        for (index, name) in rows.enumerated() {
            var row = nested.nestedContainer(keyedBy: Key.self, forKey: Key(name))
            for (column, tier) in Self.tierKeys.enumerated() { try row.encode(table.cell(index, column), forKey: Key(tier)) }
            try row.encode(table.rowTotals?[index], forKey: Key("total"))
        }
    }
}
