import PortalModel

/// How assessments are grouped into cohorts, the only groups the outcome pages describe
/// one by one. Every cohort is a tier group crossed with some of place, sector and year;
/// one scheme applies to every assessment (global recoding: mixing levels would let a
/// reader subtract the fine groups from a coarse one).
public enum CohortScheme: String, CaseIterable, Sendable {
    case cityYear, partSectorYear, partYear, sectorYear, city, year, partSector, part, sector, tierOnly

    var usesCity: Bool { self == .cityYear || self == .city }
    var usesPart: Bool { [.partSectorYear, .partYear, .partSector, .part].contains(self) }
    var usesSector: Bool { [.partSectorYear, .sectorYear, .partSector, .sector].contains(self) }
    var usesYear: Bool { [.cityYear, .partSectorYear, .partYear, .sectorYear, .year].contains(self) }

    /// What the cohorts are split by, in the site's words (method page, cohort list).
    public func description(_ text: UIText) -> String {
        var parts = [text(.outcomesSplitTier)]
        if usesCity { parts.append(text(.outcomesSplitCity)) }
        if usesPart { parts.append(text(.outcomesSplitPart)) }
        if usesSector { parts.append(text(.outcomesSplitSector)) }
        if usesYear { parts.append(text(.outcomesSplitYear)) }
        return parts.joined(separator: text(.tierListSeparator))
    }

    /// The most detailed scheme in which every cohort holds at least k assessments
    /// (`tierOnly` always does once the tier groups do).
    static func choose(_ quasi: QuasiIdentifiers, groups: [Int], k: Int) -> CohortScheme {
        for scheme in allCases {
            var sizes: [CohortKey: Int] = [:]
            for record in groups.indices { sizes[scheme.key(record, quasi, group: groups[record]), default: 0] += 1 }
            if sizes.values.allSatisfy({ $0 >= k }) { return scheme }
        }
        return .tierOnly
    }

    func key(_ record: Int, _ quasi: QuasiIdentifiers, group: Int) -> CohortKey {
        CohortKey(
            group: group,
            place: usesCity ? quasi.cities[record] : usesPart ? quasi.parts[record] : -1,
            sector: usesSector ? quasi.sectors[record] : -1,
            year: usesYear ? quasi.years[record] : -1)
    }
}

/// A cohort's coordinates as numbers (place: a city or part index, by the scheme; −1 where
/// the scheme does not use the dimension).
public struct CohortKey: Hashable, Comparable, Sendable {
    public let group: Int
    public let place: Int
    public let sector: Int
    public let year: Int

    public static func < (a: CohortKey, b: CohortKey) -> Bool {
        (a.group, a.year, a.place, a.sector) < (b.group, b.year, b.place, b.sector)
    }
}

/// Every record's city, part (蒙东/蒙中/蒙西), sector and year, as numbers into name
/// lists: worked out once, so grouping 100,000 records hashes numbers, not Chinese text.
struct QuasiIdentifiers {
    let cityNames: [String], cityCodes: [String], partNames: [String], sectorNames: [String]
    /// The name of a place or sector the framework does not list.
    let other: String
    /// Each city's part (蒙东/蒙中/蒙西), by city index.
    let partOfCity: [Int]
    let cities: [Int], parts: [Int], sectors: [Int], years: [Int]
    var count: Int { years.count }

    init(_ records: [Assessment], framework: Framework, other: String) {
        self.other = other
        cityNames = framework.regions.map(\.name)
        cityCodes = framework.regions.map(\.code)
        var partNames: [String] = []
        for region in framework.regions where !partNames.contains(region.group) { partNames.append(region.group) }
        self.partNames = partNames
        sectorNames = framework.sectors.map(\.name) + [other]
        let cityIndex = Dictionary(cityNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let partOfCity = framework.regions.map { region in partNames.firstIndex(of: region.group) ?? partNames.count }
        self.partOfCity = partOfCity
        var firstSector: [String: Int] = [:]
        for (index, sector) in framework.sectors.enumerated() {
            for industry in sector.industries where firstSector[industry] == nil { firstSector[industry] = index }
        }
        let sectorIndex = firstSector
        // Regions and industries are checked on ingest; a model built by hand may hold
        // others, which count as one more place or sector.
        let unknownSector = framework.sectors.count, unknownCity = cityNames.count
        // Every core looks up its share of the records (two hashed names each: at 100,000
        // assessments, long enough to hold up the protection on one core).
        let places = records.parallelMap { record in
            (
                city: cityIndex[record.region] ?? unknownCity, sector: sectorIndex[record.industry] ?? unknownSector,
                year: record.year
            )
        }
        cities = places.map(\.city)
        parts = cities.map { $0 < partOfCity.count ? partOfCity[$0] : partNames.count }
        sectors = places.map(\.sector)
        years = places.map(\.year)
    }

    private init(_ whole: QuasiIdentifiers, records: [Int]) {
        (cityNames, cityCodes, partNames, sectorNames, other, partOfCity) =
            (whole.cityNames, whole.cityCodes, whole.partNames, whole.sectorNames, whole.other, whole.partOfCity)
        (cities, parts, sectors, years) = (
            records.map { whole.cities[$0] }, records.map { whole.parts[$0] },
            records.map { whole.sectors[$0] }, records.map { whole.years[$0] }
        )
    }

    /// Those of the records at `positions`, in that order: what building them from
    /// those records gives, without looking their names up again.
    func selecting(_ positions: [Int]) -> QuasiIdentifiers {
        QuasiIdentifiers(self, records: positions)
    }

    func cityName(_ index: Int) -> String { index < cityNames.count ? cityNames[index] : other }
    func partName(_ index: Int) -> String { index < partNames.count ? partNames[index] : other }
}
