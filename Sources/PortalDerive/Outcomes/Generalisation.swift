import PortalModel

/// How much the published quasi-identifiers (place, industry, year) of the records
/// listing are coarsened. The year is always exact; place and industry go up their
/// hierarchies (league/city → 蒙东/蒙中/蒙西; industry → sector → not shown). One scheme
/// applies to every record (global recoding): mixing levels would let a reader narrow
/// a coarse group down with the fine ones beside it.
public enum Generalisation: CaseIterable, Sendable {
    case citySectorYear, partSectorYear, cityYear, partYear


    public var description: String {
        switch self {
        case .citySectorYear: return "盟市、行业大类、年度"
        case .partSectorYear: return "地区（蒙东、蒙中、蒙西）、行业大类、年度"
        case .cityYear: return "盟市、年度（不公布行业）"
        case .partYear: return "地区（蒙东、蒙中、蒙西）、年度（不公布行业）"
        }
    }

    /// The places the scheme publishes, in framework order.
    func places(_ quasi: QuasiIdentifiers) -> [String] {
        self == .citySectorYear || self == .cityYear ? quasi.cityNames : quasi.partNames
    }

    /// The place and sector a record shows under this scheme.
    func published(_ record: Int, _ quasi: QuasiIdentifiers) -> (place: String, sector: String) {
        switch self {
        case .citySectorYear: return (quasi.city(record), quasi.sector(record))
        case .partSectorYear: return (quasi.part(record), quasi.sector(record))
        case .cityYear: return (quasi.city(record), "—")
        case .partYear: return (quasi.part(record), "—")
        }
    }

    /// A record's group under this scheme, as one number (equal numbers, same group).
    private func group(_ record: Int, _ quasi: QuasiIdentifiers) -> Int {
        let place = self == .citySectorYear || self == .cityYear ? quasi.cities[record] : quasi.parts[record]
        let sector = self == .citySectorYear || self == .partSectorYear ? quasi.sectors[record] : -1
        return (place << 40) | ((sector + 1) << 20) | quasi.years[record]
    }

    /// The most detailed scheme that withholds no record; failing that, the one that
    /// withholds fewest. Every withheld record costs more than detail: the statistics must
    /// then also hide what a reader could work out by comparing them with the listing.
    /// Returns the scheme with the records (indices) it lets through.
    static func choose(_ quasi: QuasiIdentifiers, k: Int) -> (scheme: Generalisation, publishable: [Int]) {
        var best: (scheme: Generalisation, publishable: [Int])?
        let records = 0..<quasi.count
        for scheme in allCases {
            let keys = records.map { scheme.group($0, quasi) }
            var sizes: [Int: Int] = [:]
            for key in keys { sizes[key, default: 0] += 1 }
            let publishable = records.filter { sizes[keys[$0]]! >= k }
            let withheld = quasi.count - publishable.count
            if withheld == 0 { return (scheme, publishable) }
            if best == nil || publishable.count > best!.publishable.count { best = (scheme, publishable) }
        }
        return best ?? (.partYear, [])
    }
}

/// Every record's place, part (蒙东/蒙中/蒙西), sector and year, as numbers into name
/// lists: worked out once, so trying four schemes on 100,000 records hashes numbers,
/// not Chinese text (which Swift hashes after Unicode normalisation).
struct QuasiIdentifiers {
    let cityNames: [String], partNames: [String], sectorNames: [String]
    let cities: [Int], parts: [Int], sectors: [Int], years: [Int]
    var count: Int { years.count }

    init(_ records: [Assessment], framework: Framework) {
        cityNames = framework.regions.map(\.name)
        var partNames: [String] = []
        for region in framework.regions where !partNames.contains(region.group) { partNames.append(region.group) }
        self.partNames = partNames
        sectorNames = framework.sectors.map(\.name) + ["—"]
        let cityIndex = Dictionary(cityNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let partOfCity = framework.regions.map { partNames.firstIndex(of: $0.group)! }
        var sectorIndex: [String: Int] = [:]
        for (index, sector) in framework.sectors.enumerated() {
            for industry in sector.industries where sectorIndex[industry] == nil { sectorIndex[industry] = index }
        }
        // Regions and industries were checked on ingest; an unknown one (a model built by
        // hand) is shown as "—".
        let unknownSector = framework.sectors.count
        var cities: [Int] = [], parts: [Int] = [], sectors: [Int] = [], years: [Int] = []
        for record in records {
            let city = cityIndex[record.region] ?? -1
            cities.append(city)
            parts.append(city >= 0 ? partOfCity[city] : -1)
            sectors.append(sectorIndex[record.industry] ?? unknownSector)
            years.append(record.year)
        }
        (self.cities, self.parts, self.sectors, self.years) = (cities, parts, sectors, years)
    }

    func city(_ record: Int) -> String { cities[record] >= 0 ? cityNames[cities[record]] : "—" }
    func part(_ record: Int) -> String { parts[record] >= 0 ? partNames[parts[record]] : "—" }
    func sector(_ record: Int) -> String { sectorNames[sectors[record]] }
}
