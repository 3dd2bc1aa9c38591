import PortalModel

/// /data/outcomes.json: every figure the outcome pages publish, withheld ones as null
/// with the reason beside them. The structure is the one the audit used: each
/// attribute's counts at the total, every tier group and every cohort, where the total
/// is the sum of the groups and a group the sum of its cohorts.
struct OutcomesRecord: Encodable, Sendable {
    let outcomes: OutcomeRelease

    init(_ outcomes: OutcomeRelease) { self.outcomes = outcomes }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var root = encoder.container(keyedBy: Key.self)
        try root.encode(outcomes.synthetic, forKey: Key("synthetic"))
        try root.encode(outcomes.k, forKey: Key("k"))
        try root.encode(outcomes.release, forKey: Key("release"))
        try root.encode(outcomes.total, forKey: Key("records"))
        try root.encode(outcomes.scheme.rawValue, forKey: Key("cohort_scheme"))
        var groups = root.nestedUnkeyedContainer(forKey: Key("tier_groups"))
        for group in outcomes.tierGroups.groups.indices {
            var item = groups.nestedContainer(keyedBy: Key.self)
            try item.encode(outcomes.tierGroups.key(group), forKey: Key("key"))
            try item.encode(outcomes.groupNames[group], forKey: Key("name"))
            try item.encode(outcomes.tierGroups.groups[group].map(outcomes.tierGroups.columnKey), forKey: Key("tiers"))
            try item.encode(outcomes.groupSizes[group], forKey: Key("records"))
        }
        var cohorts = root.nestedUnkeyedContainer(forKey: Key("cohorts"))
        for cohort in outcomes.cohorts {
            var item = cohorts.nestedContainer(keyedBy: Key.self)
            try item.encode(cohort.slug, forKey: Key("key"))
            try item.encode(cohort.name, forKey: Key("name"))
            try item.encode(outcomes.tierGroups.key(cohort.group), forKey: Key("tier_group"))
            try item.encode(cohort.place, forKey: Key("place"))
            try item.encode(cohort.sector, forKey: Key("sector"))
            try item.encode(cohort.year, forKey: Key("year"))
            try item.encode(cohort.size, forKey: Key("records"))
        }
        var attributes = root.nestedContainer(keyedBy: Key.self, forKey: Key("attributes"))
        for attribute in outcomes.attributes {
            var item = attributes.nestedContainer(keyedBy: Key.self, forKey: Key(attribute.id))
            try item.encode(attribute.title, forKey: Key("title"))
            var values = item.nestedUnkeyedContainer(forKey: Key("values"))
            for value in attribute.values.indices {
                var entry = values.nestedContainer(keyedBy: Key.self)
                try entry.encode(attribute.values[value].key, forKey: Key("key"))
                try entry.encode(attribute.values[value].label, forKey: Key("label"))
                try entry.encode(attribute.impossible.contains(value), forKey: Key("undefined"))
            }
            var rows: [(String, [PublishedCount])] = [("total", attribute.total)]
            rows += outcomes.tierGroups.groups.indices.map { ("group:" + outcomes.tierGroups.key($0), attribute.groups[$0]) }
            rows += outcomes.cohorts.indices.map { ("cohort:" + outcomes.cohorts[$0].slug, attribute.cohorts[$0]) }
            var counts = item.nestedContainer(keyedBy: Key.self, forKey: Key("counts"))
            var withheld = item.nestedContainer(keyedBy: Key.self, forKey: Key("withheld"))
            for (row, cells) in rows {
                var rowCounts = counts.nestedContainer(keyedBy: Key.self, forKey: Key(row))
                for (value, cell) in cells.enumerated() { try rowCounts.encode(cell.value, forKey: Key(attribute.values[value].key)) }
                let reasons = cells.enumerated().compactMap { value, cell -> (String, String)? in
                    switch cell {
                    case .withheld(.primary): return (attribute.values[value].key, "fewer_than_k")
                    case .withheld(.secondary): return (attribute.values[value].key, "protects_another")
                    case .count: return nil
                    }
                }
                if !reasons.isEmpty {
                    var rowReasons = withheld.nestedContainer(keyedBy: Key.self, forKey: Key(row))
                    for (value, reason) in reasons { try rowReasons.encode(reason, forKey: Key(value)) }
                }
            }
        }
    }
}
