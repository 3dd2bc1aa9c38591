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
    /// Values that may be counted together, each list in display order: a bin merges
    /// neighbours of one list only (levels with levels, the cities of one part, the tiers a
    /// scenario was built at — never "not built" with "built").
    let segments: [[Int]]
    /// The name of a bin of several values ("1–2级", "卓越级及以上", "蒙西").
    let mergedLabel: @Sendable ([Int]) -> String
    /// Whether bins of two segments may merge where nothing else helps (蒙中 with 蒙西:
    /// yes; "not built" with "built": no, that would say nothing).
    var segmentsMayJoin: Bool { if case .scenario = kind { return false } else { return true } }

    init(
        kind: AttributeKind, id: String, title: String, values: [(key: String, label: String)], valueOf: [Int],
        impossible: Set<Int>,
        segments: [[Int]]? = nil, mergedLabel: @escaping @Sendable ([Int]) -> String
    ) {
        self.kind = kind
        self.id = id
        self.title = title
        self.values = values
        self.valueOf = valueOf
        self.impossible = impossible
        let possible = values.indices.filter { !impossible.contains($0) }
        self.segments = (segments ?? [possible]).map { $0.filter { !impossible.contains($0) } }.filter { !$0.isEmpty }
        self.mergedLabel = mergedLabel
    }

    /// A bin's name: its value's label, or the merged name.
    func label(of bin: [Int]) -> String { bin.count == 1 ? values[bin[0]].label : mergedLabel(bin) }

    /// A bin's key in the ledger and open data: its values' keys joined by "+".
    func key(of bin: [Int]) -> String { bin.map { values[$0].key }.joined(separator: "+") }

    /// The segment each value belongs to (−1: none, a value the standard rules out).
    func segmentIndex() -> [Int] {
        var index = [Int](repeating: -1, count: values.count)
        for (segment, members) in segments.enumerated() { for value in members { index[value] = segment } }
        return index
    }

    /// Each indicator's answer and each scenario's built tier (its index + 1, 0 when not
    /// built), record by record, in the standard's order: one pass over the records, not a
    /// lookup per record and attribute. The records are read in slices on every core, each
    /// writing its own rows of the columns, and positions are found by number in arrays (at
    /// 100,000 assessments, a dictionary lookup per answer would rival the protection).
    static func answers(of records: [Assessment], standard: Standard) -> (answers: [[IndicatorAnswer?]], built: [[Int]])
    {
        var indicatorIndex = [Int](repeating: -1, count: (standard.indicators.map(\.no).max() ?? 0) + 1)
        for (index, indicator) in standard.indicators.enumerated() where indicatorIndex[indicator.no] < 0 {
            indicatorIndex[indicator.no] = index
        }
        var scenarioIndex = [Int](repeating: -1, count: (standard.scenarios.map(\.no).max() ?? 0) + 1)
        for (index, scenario) in standard.scenarios.enumerated() where scenarioIndex[scenario.no] < 0 {
            scenarioIndex[scenario.no] = index
        }
        let (indicatorsAt, scenariosAt) = (indicatorIndex, scenarioIndex)
        let answers = SharedColumns<IndicatorAnswer?>(
            count: standard.indicators.count, rows: records.count, initial: nil)
        let built = SharedColumns<Int>(count: standard.scenarios.count, rows: records.count, initial: 0)
        let size = 4_096
        _ = stride(from: 0, to: records.count, by: size).map { $0..<min($0 + size, records.count) }.parallelMap {
            slice in
            for position in slice {
                let record = records[position]
                for (no, answer) in record.indicators where no >= 0 && no < indicatorsAt.count && indicatorsAt[no] >= 0
                {
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
    static func all(
        text: UIText, records: [Assessment], derived: [Int], standard: Standard, quasi: QuasiIdentifiers,
        scheme: CohortScheme, years yearValues: YearValues
    ) -> [Attribute] {
        let framework = standard.framework
        let tierIDs = framework.tierIDs
        let tierValues = (0...framework.tiers.count).map { column in
            (
                key: TierGroups.columnKey(column, tiers: tierIDs),
                label: column == 0 ? text(.outcomesNoTier) : framework.tiers[column - 1].name
            )
        }
        let tierNames = framework.tiers.map(\.name), top = framework.tiers.count
        let separator = text(.tierListSeparator)
        // "卓越级及以上", "先进级至卓越级": tiers (columns 1…) counted together.
        let tierRange: @Sendable ([Int]) -> String = { columns in
            let (low, high) = (tierNames[columns[0] - 1], tierNames[columns[columns.count - 1] - 1])
            if columns.count == 1 { return low }  // one tier: its name, never "基础级至基础级"
            return columns.last == top
                ? text(.outcomesGroupAndAbove, ["tier": low]) : text(.outcomesGroupRange, ["low": low, "high": high])
        }
        // With column 0 ("未达基础级", "未申报"), merged only where nothing else helps: named one by one.
        func tierBins(_ zero: String, _ tier: @escaping @Sendable (String) -> String) -> @Sendable ([Int]) -> String {
            { columns in
                let tiers = columns.filter { $0 > 0 }
                let named = tiers.isEmpty ? [] : [tier(tierRange(tiers))]
                return ((columns.contains(0) ? [zero] : []) + named).joined(separator: separator)
            }
        }
        let tierSegments = [[0], Array(1...max(top, 1))]
        let level = { (level: Int) in (key: "level-\(level)", label: text(.outcomesLevelValue, ["level": level])) }
        var attributes: [Attribute] = []
        attributes.append(
            Attribute(
                kind: .tier, id: "tier", title: text(.outcomesAttributeTier), values: tierValues,
                valueOf: derived, impossible: [], segments: tierSegments,
                mergedLabel: tierBins(text(.outcomesNoTier), { $0 })))
        attributes.append(
            Attribute(
                kind: .declared, id: "declared", title: text(.outcomesAttributeDeclared),
                values: [(key: "none", label: text(.outcomesNotDeclared))]
                    + tierValues.dropFirst().map { (key: $0.key, label: text(.outcomesDeclared, ["tier": $0.label])) },
                valueOf: records.map { $0.declaredTier.map { $0.index + 1 } ?? 0 }, impossible: [],
                segments: tierSegments,
                mergedLabel: tierBins(text(.outcomesNotDeclared), { text(.outcomesDeclared, ["tier": $0]) })))
        if !scheme.usesCity {
            let count = quasi.cities.max().map { max($0 + 1, quasi.cityNames.count) } ?? quasi.cityNames.count
            // The cities of one part (蒙东, 蒙中, 蒙西) merge with each other; all of them are the part.
            var parts = quasi.partNames.indices.map { part in
                quasi.partOfCity.indices.filter { quasi.partOfCity[$0] == part }
            }
            let unlisted = Array(quasi.cityNames.count..<max(count, quasi.cityNames.count))
            if !unlisted.isEmpty { parts.append(unlisted) }
            let partNames = quasi.partNames, names = (0..<count).map(quasi.cityName), segments = parts
            attributes.append(
                Attribute(
                    kind: .region, id: "region", title: text(.outcomesAttributeRegion),
                    values: (0..<count).map {
                        (key: $0 < quasi.cityCodes.count ? quasi.cityCodes[$0] : "other", label: quasi.cityName($0))
                    },
                    valueOf: quasi.cities, impossible: [], segments: segments.filter { !$0.isEmpty },
                    mergedLabel: { bin in
                        if let part = segments.firstIndex(of: bin), part < partNames.count { return partNames[part] }
                        return bin.map { names[$0] }.joined(separator: separator)
                    }))
        }
        if !scheme.usesSector {
            let count = max((quasi.sectors.max() ?? 0) + 1, quasi.sectorNames.count - 1)
            let names = (0..<count).map { quasi.sectorNames[$0] }
            attributes.append(
                Attribute(
                    kind: .sector, id: "sector", title: text(.outcomesAttributeSector),
                    values: (0..<count).map { (key: "sector-\($0 + 1)", label: quasi.sectorNames[$0]) },
                    valueOf: quasi.sectors, impossible: [],
                    mergedLabel: { bin in bin.map { names[$0] }.joined(separator: separator) }))
        }
        if !scheme.usesYear {
            let years = yearValues.years
            attributes.append(
                Attribute(
                    kind: .year, id: "year", title: text(.outcomesAttributeYear),
                    values: years.map { (key: String($0), label: text(.outcomesYear, ["year": $0])) },
                    valueOf: yearValues.valueOf, impossible: [],
                    mergedLabel: { bin in
                        text(.outcomesYearRange, ["low": years[bin[0]], "high": years[bin[bin.count - 1]]])
                    }))
        }
        let levelRange: @Sendable ([Int]) -> String = { bin in
            text(.outcomesLevelValueRange, ["low": bin[0] + 1, "high": bin[bin.count - 1] + 1])
        }
        let maturityLevels = framework.maturityLevels.count
        attributes.append(
            Attribute(
                kind: .maturity, id: "maturity", title: text(.outcomesAttributeMaturity),
                values: (1...maturityLevels).map(level),
                valueOf: records.map { min(max($0.maturity, 1), maturityLevels) - 1 }, impossible: [],
                mergedLabel: levelRange))
        let bands = framework.investmentBands
        let (answers, built) = Self.answers(of: records, standard: standard)
        for (indicatorPosition, indicator) in standard.indicators.enumerated() {
            var values: [(key: String, label: String)]
            let ordered: Int
            if indicator.question != nil {
                values = bands.enumerated().map { (key: "band-\($0.offset + 1)", label: $0.element.label) }
                ordered = values.count
            } else {
                values = (1...max(indicator.levels.count, 1)).map(level)
                ordered = values.count
                if indicator.notApplicable != nil { values.append((key: "na", label: text(.outcomesNotApplicable))) }
            }
            let missing = values.count
            let valueOf = answers[indicatorPosition].map { answer -> Int in
                switch answer {
                case .level(let level): return level - 1
                case .notApplicable: return indicator.levels.count
                case .amount(let amount):
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
            // One list: the answers outside the scale (不涉及, 未填) first, then the scale, so
            // a lone small 不涉及 can still be merged rather than withheld.
            let segment = Array(ordered..<values.count).reversed() + Array(0..<ordered)
            let labels = values.map(\.label)
            let merged: @Sendable ([Int]) -> String
            if indicator.question != nil {
                merged = { bin in
                    let scale = bin.filter { $0 < ordered }, other = bin.filter { $0 >= ordered }.map { labels[$0] }
                    guard let first = scale.first, let last = scale.last else {
                        return other.joined(separator: separator)
                    }
                    let from = bands[first].from, to = bands[last].to
                    let range =
                        from == 0
                        ? to.map { text(.outcomesBandBelow, ["to": Self.amount($0)]) } ?? labels[first]
                        : to.map { text(.outcomesBandRange, ["from": Self.amount(from), "to": Self.amount($0)]) }
                            ?? text(.outcomesBandFrom, ["from": Self.amount(from)])
                    return (other + [range]).joined(separator: separator)
                }
            } else {
                merged = { bin in
                    let scale = bin.filter { $0 < ordered }, other = bin.filter { $0 >= ordered }.map { labels[$0] }
                    guard let first = scale.first, let last = scale.last else {
                        return other.joined(separator: separator)
                    }
                    let range = first == last ? labels[first] : levelRange([first, last])
                    return (other + [range]).joined(separator: separator)
                }
            }
            attributes.append(
                Attribute(
                    kind: .indicator(indicator.no), id: "i" + indicator.code,
                    title: text(.outcomesAttributeIndicator, ["no": indicator.no, "name": indicator.name]),
                    values: values, valueOf: valueOf, impossible: [], segments: [segment], mergedLabel: merged))
        }
        for (scenarioPosition, scenario) in standard.scenarios.enumerated() {
            let impossible = Set(framework.tierIDs.filter { scenario.text(at: $0) == nil }.map { $0.index + 1 })
            let possible = (1...max(top, 1)).filter { !impossible.contains($0) }
            attributes.append(
                Attribute(
                    kind: .scenario(scenario.no), id: "s" + scenario.code, title: "\(scenario.code) \(scenario.name)",
                    values: [(key: "not-built", label: text(.outcomesNotBuilt))]
                        + tierValues.dropFirst().map {
                            (key: $0.key, label: text(.outcomesBuiltAt, ["tier": $0.label]))
                        },
                    valueOf: built[scenarioPosition], impossible: impossible, segments: tierSegments,
                    mergedLabel: { bin in
                        // "Not built" joins a built tier only in the province-wide row, where nothing else helps.
                        let built = bin.filter { $0 > 0 }
                        let named =
                            built.isEmpty
                            ? []
                            : [
                                built == possible
                                    ? text(.outcomesBuiltAny) : text(.outcomesBuiltAt, ["tier": tierRange(built)])
                            ]
                        return ((bin.contains(0) ? [text(.outcomesNotBuilt)] : []) + named).joined(separator: separator)
                    }))
        }
        return attributes
    }

    /// An amount in 万元 as the bands' labels write it: whole numbers without decimals.
    static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
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
