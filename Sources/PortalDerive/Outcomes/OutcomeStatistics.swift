import PortalModel

/// Stage 2 for assessments: the eligibility engine applied to every record, then every
/// figure the site publishes, already suppressed. Pages and /data/outcomes.json read
/// these tables and nothing else, so what one shows the other shows.
public struct OutcomeStatistics: Sendable {
    /// Columns of the tier tables: no tier (index 0), then the four tiers.
    public static let tierColumns: [TierID?] = [nil] + TierID.allCases

    public let k: Int
    public let synthetic: Bool
    public let label: String?
    /// Number of assessments, nil when fewer than k.
    public let records: Int?
    /// Derived tiers: 1 row × 5 columns (none, basic … leading), row total = records.
    public let byTier: SuppressedTable
    /// Declared (rows: none, basic … leading) × derived (columns).
    public let declaredVsDerived: SuppressedTable
    /// Rows of `byRegion`: the places as the listing publishes them (leagues and cities,
    /// or 蒙东/蒙中/蒙西 when generalised).
    public let places: [String]
    public let byRegion: SuppressedTable
    public let years: [Int]
    public let byYear: SuppressedTable
    public let indicators: [IndicatorDistribution]
    /// Scenarios (rows, model order) × (not built, built at basic … leading); rows total the records.
    public let adoption: SuppressedTable
    /// Records whose published quasi-identifiers are shared by at least k records; nil
    /// when no record key was given.
    public let published: [PublishedRecord]?
    /// Records left out of the listing because their group is smaller than k.
    public let withheld: Int
    /// How the listing's quasi-identifiers were generalised.
    public let generalisation: Generalisation

    /// Cells whose count minus the listed records in it is from 1 to k−1.
    static func differenceRevealing(_ counts: [Int], _ listed: [Int], k: Int) -> [Bool] {
        zip(counts, listed).map { ($0 - $1) > 0 && ($0 - $1) < k }
    }

    /// Column of a tier in the tier tables (0: no tier).
    static func column(_ tier: TierID?) -> Int { tier.map { $0.index + 1 } ?? 0 }

    public init(set: AssessmentSet, standard: Standard, key: RecordKey?) {
        let k = standard.site.kAnonymity
        let engine = Eligibility(standard: standard)
        let records = set.records
        // Tables need only each record's derived tier; the full explanation is made for
        // the records the listing shows.
        let derived = records.parallelMap { engine.derivedTier(built: $0.scenarios, maturity: $0.maturity) }
        let column = Self.column

        self.k = k
        synthetic = set.synthetic
        label = set.label

        // k-anonymity of the listing: generalise the quasi-identifiers as little as will
        // do, then withhold the groups that still have fewer than k records.
        let quasi = QuasiIdentifiers(records, framework: standard.framework)
        let chosen = Generalisation.choose(quasi, k: k)
        generalisation = chosen.scheme
        let publishable = chosen.publishable
        // With a listing, a table cell minus the listed records it counts gives the
        // withheld records in that cell: a difference from 1 to k−1 would tell a reader
        // something about a withheld record, so such cells are withheld too.
        var listed = [Bool](repeating: false, count: records.count)
        if key != nil { for index in publishable { listed[index] = true } }

        var tierCounts = [Int](repeating: 0, count: 5), tierListed = [Int](repeating: 0, count: 5)
        for (index, tier) in derived.enumerated() {
            tierCounts[column(tier)] += 1
            if listed[index] { tierListed[column(tier)] += 1 }
        }
        let tierTable = SuppressedTable(counts: [tierCounts], k: k, rowTotals: true, columnTotals: false,
                                        alsoWithhold: [Self.differenceRevealing(tierCounts, tierListed, k: k)])
        byTier = tierTable
        self.records = tierTable.total
        let fixed = (0..<5).map { tierTable.cell(0, $0) }

        let crossTable = CrossTable(derived: derived, k: k, fixedTierTotals: fixed)
        declaredVsDerived = crossTable.make(Self.tierColumns, { records[$0].declaredTier }, listed: nil)
        // Places as the listing shows them (cities, or 蒙东/蒙中/蒙西 when generalised).
        let places = chosen.scheme.places(quasi)
        self.places = places
        byRegion = crossTable.make(places, { chosen.scheme.published($0, quasi).place }, listed: listed)
        let years = Array(Set(records.map(\.year))).sorted()
        self.years = years
        byYear = crossTable.make(years, { records[$0].year }, listed: listed)

        indicators = standard.indicators.parallelMap { indicator in
            IndicatorDistribution(indicator: indicator, bands: standard.framework.investmentBands,
                                  records: records, derived: derived, k: k, fixedTierTotals: fixed)
        }

        // One pass over the records' built scenarios; "not built" is what remains.
        let rowOfScenario = Dictionary(uniqueKeysWithValues: standard.scenarios.enumerated().map { ($0.element.no, $0.offset) })
        var adoptionCounts = [[Int]](repeating: [records.count, 0, 0, 0, 0], count: standard.scenarios.count)
        for record in records {
            for (no, tier) in record.scenarios {
                guard let row = rowOfScenario[no] else { continue }
                adoptionCounts[row][0] -= 1
                adoptionCounts[row][column(tier)] += 1
            }
        }
        adoption = SuppressedTable(counts: adoptionCounts, k: k, rowTotals: true, columnTotals: false)

        withheld = records.count - publishable.count
        published = key.map { key in
            publishable.map { index in
                let record = records[index]
                let shown = chosen.scheme.published(index, quasi)
                return PublishedRecord(id: key.id(for: record.identifiers), region: shown.place,
                                       sector: shown.sector, year: record.year, maturity: record.maturity,
                                       result: engine.evaluate(built: record.scenarios, maturity: record.maturity),
                                       scenarios: record.scenarios,
                                       indicators: record.indicators.mapValues { answer in
                                           if case .amount(let amount) = answer {
                                               return .band(standard.framework.investmentBands.firstIndex { $0.contains(amount) } ?? 0)
                                           }
                                           return PublishedAnswer(answer)
                                       })
            }.sorted { ($0.year, $0.region, $0.sector, $0.id) < ($1.year, $1.region, $1.sector, $1.id) }
        }
    }
}

/// Some attribute of the records (rows) × derived tier (columns), its tier totals fixed
/// to the published tier distribution.
struct CrossTable {
    let derived: [TierID?]
    let k: Int
    let fixedTierTotals: [Int?]

    /// `listed`: which records the listing shows, when its columns can be matched
    /// against this table's.
    func make<Key: Hashable>(_ keys: [Key], _ keyOf: (Int) -> Key, listed: [Bool]?) -> SuppressedTable {
        let index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 5), count: keys.count)
        var shown = counts
        for (i, tier) in derived.enumerated() {
            let row = index[keyOf(i)]!, column = OutcomeStatistics.column(tier)
            counts[row][column] += 1
            if listed?[i] == true { shown[row][column] += 1 }
        }
        let extra = listed == nil ? nil : zip(counts, shown).map { OutcomeStatistics.differenceRevealing($0, $1, k: k) }
        return SuppressedTable(counts: counts, k: k, rowTotals: true, columnTotals: true, fixedColumnTotals: fixedTierTotals,
                               alsoWithhold: extra)
    }
}

/// One indicator's answers: rows are the answer options (levels 1–6 and 不涉及, or the
/// investment bands for an amount), columns the derived tiers.
public struct IndicatorDistribution: Sendable {
    public let indicator: Indicator
    public let options: [String]
    public let table: SuppressedTable

    init(indicator: Indicator, bands: [InvestmentBand], records: [Assessment], derived: [TierID?],
         k: Int, fixedTierTotals: [Int?]) {
        self.indicator = indicator
        var options: [String]
        if indicator.question != nil {
            options = bands.map(\.label)
        } else {
            options = (1...indicator.levels.count).map { "\($0)级" }
            if indicator.notApplicable != nil { options.append("不涉及") }
        }
        self.options = options
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 5), count: options.count)
        for index in records.indices { // (by index: zip copied every record, a fifth of the stage)
            let column = OutcomeStatistics.column(derived[index])
            let row: Int?
            switch records[index].indicators[indicator.no] {
            case .level(let level)?: row = level - 1
            case .notApplicable?: row = indicator.levels.count
            case .amount(let amount)?: row = bands.firstIndex { $0.contains(amount) }
            case nil: row = nil
            }
            if let row { counts[row][column] += 1 }
        }
        table = SuppressedTable(counts: counts, k: k, rowTotals: true, columnTotals: true, fixedColumnTotals: fixedTierTotals)
    }
}

/// What a record page may show: no identifier, no exact amount.
public struct PublishedRecord: Sendable {
    public let id: String
    public let region: String
    public let sector: String
    public let year: Int
    public let maturity: Int
    public let result: EligibilityResult
    public let scenarios: [Int: TierID]
    public let indicators: [Int: PublishedAnswer]
}

public enum PublishedAnswer: Sendable, Equatable {
    case level(Int)
    case notApplicable
    /// Index into the framework's investment bands.
    case band(Int)

    init(_ answer: IndicatorAnswer) {
        switch answer {
        case .level(let level): self = .level(level)
        case .notApplicable: self = .notApplicable
        case .amount: self = .band(0)
        }
    }
}
