import PortalModel

/// One thing the outcome pages count assessments by: a value per assessment, and the
/// values the standard allows. Each attribute's counts over the cohorts are protected
/// and audited on their own: they share only the cohort sizes, which are published.
/// What an attribute counts by: a quasi-identifier the reader knows, or an answer.
public enum AttributeKind: Sendable, Equatable {
    case tier, declared, region, sector, year, maturity
    case indicator(Int)
    case scenario(Int)
}

struct Attribute: Sendable {
    let kind: AttributeKind

    /// The reader of the threat model knows each enterprise's value of this attribute, so
    /// each value is a group of enterprises the reader can name.
    var isKnownToReaders: Bool {
        switch kind {
        case .tier, .declared, .region, .sector, .year, .maturity: return true
        case .indicator, .scenario: return false
        }
    }

    /// Stable key in the release ledger and open data: "tier", "i01", "s07".
    let id: String
    let title: String
    let values: [(key: String, label: String)]
    /// Per record: index into `values`.
    let valueOf: [Int]
    /// Values no assessment can take (a scenario the standard does not define at a tier).
    let impossible: Set<Int>

    /// Each indicator's answer and each scenario's built tier (its index + 1, 0 when not
    /// built), record by record, in the standard's order: one pass over the records, not a
    /// lookup per record and attribute. The records are read in slices on every core, each
    /// writing its own rows of the columns, and positions are found by number in arrays (at
    /// 100,000 assessments, a dictionary lookup per answer would rival the protection).
    static func answers(of records: [Assessment], standard: Standard) -> (answers: [[IndicatorAnswer?]], built: [[Int]]) {
        var indicatorIndex = [Int](repeating: -1, count: (standard.indicators.map(\.no).max() ?? 0) + 1)
        for (index, indicator) in standard.indicators.enumerated() where indicatorIndex[indicator.no] < 0 { indicatorIndex[indicator.no] = index }
        var scenarioIndex = [Int](repeating: -1, count: (standard.scenarios.map(\.no).max() ?? 0) + 1)
        for (index, scenario) in standard.scenarios.enumerated() where scenarioIndex[scenario.no] < 0 { scenarioIndex[scenario.no] = index }
        let (indicatorsAt, scenariosAt) = (indicatorIndex, scenarioIndex)
        let answers = SharedColumns<IndicatorAnswer?>(count: standard.indicators.count, rows: records.count, initial: nil)
        let built = SharedColumns<Int>(count: standard.scenarios.count, rows: records.count, initial: 0)
        let size = 4_096
        _ = stride(from: 0, to: records.count, by: size).map { $0..<min($0 + size, records.count) }.parallelMap { slice in
            for position in slice {
                let record = records[position]
                for (no, answer) in record.indicators where no >= 0 && no < indicatorsAt.count && indicatorsAt[no] >= 0 {
                    answers.set(indicatorsAt[no], position, answer)
                }
                for (no, tier) in record.scenarios where no >= 0 && no < scenariosAt.count && scenariosAt[no] >= 0 {
                    built.set(scenariosAt[no], position, tier.index + 1)
                }
            }
        }
        return (answers.arrays(), built.arrays())
    }

    /// Every attribute the pages publish, in page order. Attributes a cohort determines
    /// (its place under a city scheme, say) are left out: they would say nothing new.
    static func all(text: UIText, records: [Assessment], derived: [Int], standard: Standard, quasi: QuasiIdentifiers,
                    scheme: CohortScheme, years: [Int]) -> [Attribute] {
        let framework = standard.framework
        let tierIDs = framework.tierIDs
        let tierValues = (0...framework.tiers.count).map { column in
            (key: TierGroups.columnKey(column, tiers: tierIDs), label: column == 0 ? text(.outcomesNoTier) : framework.tiers[column - 1].name)
        }
        let level = { (level: Int) in (key: "level-\(level)", label: text(.outcomesLevelValue, ["level": level])) }
        var attributes: [Attribute] = []
        attributes.append(Attribute(kind: .tier, id: "tier", title: text(.outcomesAttributeTier), values: tierValues,
                                    valueOf: derived, impossible: []))
        attributes.append(Attribute(kind: .declared, id: "declared", title: text(.outcomesAttributeDeclared),
                                    values: [(key: "none", label: text(.outcomesNotDeclared))] + tierValues.dropFirst(),
                                    valueOf: records.map { $0.declaredTier.map { $0.index + 1 } ?? 0 }, impossible: []))
        if !scheme.usesCity {
            let count = quasi.cities.max().map { max($0 + 1, quasi.cityNames.count) } ?? quasi.cityNames.count
            attributes.append(Attribute(kind: .region, id: "region", title: text(.outcomesAttributeRegion),
                                        values: (0..<count).map { (key: $0 < quasi.cityCodes.count ? quasi.cityCodes[$0] : "other", label: quasi.cityName($0)) },
                                        valueOf: quasi.cities, impossible: []))
        }
        if !scheme.usesSector {
            let count = max((quasi.sectors.max() ?? 0) + 1, quasi.sectorNames.count - 1)
            attributes.append(Attribute(kind: .sector, id: "sector", title: text(.outcomesAttributeSector),
                                        values: (0..<count).map { (key: "sector-\($0 + 1)", label: quasi.sectorNames[$0]) },
                                        valueOf: quasi.sectors, impossible: []))
        }
        if !scheme.usesYear {
            let index = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
            attributes.append(Attribute(kind: .year, id: "year", title: text(.outcomesAttributeYear),
                                        values: years.map { (key: String($0), label: text(.outcomesYear, ["year": $0])) },
                                        valueOf: quasi.years.map { index[$0]! }, impossible: []))
        }
        let maturityLevels = framework.maturityLevels.count
        attributes.append(Attribute(kind: .maturity, id: "maturity", title: text(.outcomesAttributeMaturity),
                                    values: (1...maturityLevels).map(level),
                                    valueOf: records.map { min(max($0.maturity, 1), maturityLevels) - 1 }, impossible: []))
        let bands = framework.investmentBands
        let (answers, built) = Self.answers(of: records, standard: standard)
        for (indicatorPosition, indicator) in standard.indicators.enumerated() {
            var values: [(key: String, label: String)]
            if indicator.question != nil {
                values = bands.enumerated().map { (key: "band-\($0.offset + 1)", label: $0.element.label) }
            } else {
                values = (1...max(indicator.levels.count, 1)).map(level)
                if indicator.notApplicable != nil { values.append((key: "na", label: text(.outcomesNotApplicable))) }
            }
            let missing = values.count
            let valueOf = answers[indicatorPosition].map { answer -> Int in
                switch answer {
                case .level(let level)?: return level - 1
                case .notApplicable?: return indicator.levels.count
                case .amount(let amount)?:
                    // The loader makes the bands cover every amount from 0 up, and refuses
                    // a negative one: an amount outside them is a broken model.
                    guard let band = bands.firstIndex(where: { $0.contains(amount) }) else {
                        preconditionFailure("amount \(amount) in no investment band")
                    }
                    return band
                case nil: return missing
                }
            }
            if valueOf.contains(missing) { values.append((key: "missing", label: text(.outcomesMissing))) }
            attributes.append(Attribute(kind: .indicator(indicator.no), id: "i" + indicator.code,
                                        title: text(.outcomesAttributeIndicator, ["no": indicator.no, "name": indicator.name]),
                                        values: values, valueOf: valueOf, impossible: []))
        }
        for (scenarioPosition, scenario) in standard.scenarios.enumerated() {
            let impossible = Set(framework.tierIDs.filter { scenario.text(at: $0) == nil }.map { $0.index + 1 })
            attributes.append(Attribute(kind: .scenario(scenario.no), id: "s" + scenario.code, title: "\(scenario.code) \(scenario.name)",
                                        values: [(key: "not-built", label: text(.outcomesNotBuilt))]
                                            + tierValues.dropFirst().map { (key: $0.key, label: text(.outcomesBuiltAt, ["tier": $0.label])) },
                                        valueOf: built[scenarioPosition], impossible: impossible))
        }
        return attributes
    }
}

/// Columns of values that several workers fill at once, each writing only rows of its
/// own, read out at the end as arrays one column at a time: each column is held once,
/// where slices joined afterwards would hold every answer twice (100,000 assessments must
/// stay within the memory bound).
private final class SharedColumns<Value>: @unchecked Sendable {
    private var columns: [UnsafeMutablePointer<Value>]
    private let rows: Int

    init(count: Int, rows: Int, initial: Value) {
        self.rows = rows
        columns = (0..<count).map { _ in
            let column = UnsafeMutablePointer<Value>.allocate(capacity: max(rows, 1))
            column.initialize(repeating: initial, count: rows)
            return column
        }
    }

    func set(_ column: Int, _ row: Int, _ value: Value) { columns[column][row] = value }

    /// Every column as an array, each buffer freed once copied; called once, after every
    /// worker is done.
    func arrays() -> [[Value]] {
        let result = columns.map { column -> [Value] in
            defer { column.deinitialize(count: rows); column.deallocate() }
            return Array(UnsafeBufferPointer(start: column, count: rows))
        }
        columns = []
        return result
    }

    deinit {
        for column in columns {
            column.deinitialize(count: rows)
            column.deallocate()
        }
    }
}
