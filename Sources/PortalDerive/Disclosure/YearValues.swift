/// The years of some records as the values of an attribute: each year they hold, once and
/// in order, and each record's position among them. Both come from one grouping of the
/// records by year, so every record's year has its position.
struct YearValues: Sendable {
    let years: [Int]
    /// Per record: the index of its year in `years`.
    let valueOf: [Int]

    init(_ recordYears: [Int]) {
        var recordsOf: [Int: [Int]] = [:]
        for (record, year) in recordYears.enumerated() { recordsOf[year, default: []].append(record) }
        let byYear = recordsOf.sorted { $0.key < $1.key }
        var valueOf = [Int](repeating: 0, count: recordYears.count)
        for (value, entry) in byYear.enumerated() { for record in entry.value { valueOf[record] = value } }
        years = byYear.map(\.key)
        self.valueOf = valueOf
    }
}
