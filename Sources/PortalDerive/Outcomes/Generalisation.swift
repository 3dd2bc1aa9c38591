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
    func places(framework: Framework) -> [String] {
        switch self {
        case .citySectorYear, .cityYear: return framework.regions.map(\.name)
        case .partSectorYear, .partYear:
            var seen: [String] = []
            for region in framework.regions where !seen.contains(region.group) { seen.append(region.group) }
            return seen
        }
    }

    func published(_ record: Assessment, framework: Framework) -> (place: String, sector: String) {
        let sector = framework.sector(of: record.industry)?.name ?? "—"
        let part = framework.regions.first { $0.name == record.region }?.group ?? record.region
        switch self {
        case .citySectorYear: return (record.region, sector)
        case .partSectorYear: return (part, sector)
        case .cityYear: return (record.region, "—")
        case .partYear: return (part, "—")
        }
    }

    /// The most detailed scheme that withholds no record; failing that, the one that
    /// withholds fewest. Every withheld record costs more than detail: the statistics must
    /// then also hide what a reader could work out by comparing them with the listing.
    /// Returns the scheme with the records (indices) it lets through.
    static func choose(for records: [Assessment], framework: Framework, k: Int) -> (scheme: Generalisation, publishable: [Int]) {
        var best: (scheme: Generalisation, publishable: [Int])?
        for scheme in allCases {
            let keys = records.map { record -> String in
                let shown = scheme.published(record, framework: framework)
                return "\(shown.place)|\(shown.sector)|\(record.year)"
            }
            var sizes: [String: Int] = [:]
            for key in keys { sizes[key, default: 0] += 1 }
            let publishable = records.indices.filter { sizes[keys[$0]]! >= k }
            let withheld = records.count - publishable.count
            if withheld == 0 { return (scheme, publishable) }
            if best == nil || publishable.count > best!.publishable.count { best = (scheme, publishable) }
        }
        return best ?? (.partYear, [])
    }
}
