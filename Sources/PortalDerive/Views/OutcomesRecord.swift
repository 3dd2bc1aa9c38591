import PortalModel

/// /data/outcomes.json: every figure the outcome pages publish, withheld ones as null
/// with the reason beside them, and what each mark means. The structure is the one the
/// audit used: each attribute's counts at the total, every tier group and every cohort,
/// where the total is the sum of the groups and a group the sum of its cohorts; each
/// table's form says which values its bins count ("level-1+level-2" counts both).
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
        // What a reader may take each mark to mean: exactly this, and no more.
        var marks = root.nestedContainer(keyedBy: Key.self, forKey: Key("marks"))
        var fewer = marks.nestedContainer(keyedBy: Key.self, forKey: Key("fewer_than_k"))
        try fewer.encode(1, forKey: Key("lower"))
        try fewer.encode(outcomes.k - 1, forKey: Key("upper"))
        var protects = marks.nestedContainer(keyedBy: Key.self, forKey: Key("protects_another"))
        try protects.encode(outcomes.k, forKey: Key("lower"))
        try protects.encodeNil(forKey: Key("upper"))
        try root.encode(true, forKey: Key("zeros_published"))
        var attributes = root.nestedContainer(keyedBy: Key.self, forKey: Key("attributes"))
        for attribute in outcomes.attributes {
            var item = attributes.nestedContainer(keyedBy: Key.self, forKey: Key(attribute.id))
            try item.encode(attribute.title, forKey: Key("title"))
            var values = item.nestedUnkeyedContainer(forKey: Key("values"))
            for value in attribute.values.indices {
                var item = values.nestedContainer(keyedBy: Key.self)
                try item.encode(attribute.values[value].key, forKey: Key("key"))
                try item.encode(attribute.values[value].label, forKey: Key("label"))
                try item.encode(attribute.impossible.contains(value), forKey: Key("undefined"))
            }
            var rows: [(String, PublishedRow)] = [("total", attribute.total)]
            rows += outcomes.tierGroups.groups.indices.map {
                ("group:" + outcomes.tierGroups.key($0), attribute.groups[$0])
            }
            rows += outcomes.cohorts.indices.map { ("cohort:" + outcomes.cohorts[$0].slug, attribute.cohorts[$0]) }
            // Each row's form: the values its bins count ("level-1+level-2" counts both); an
            // empty list: the row is not split (its data could not carry it).
            var forms = item.nestedContainer(keyedBy: Key.self, forKey: Key("forms"))
            for (row, published) in rows {
                try forms.encode(published.cells.filter { !$0.ofWhich }.map(\.key), forKey: Key(row))
            }
            var counts = item.nestedContainer(keyedBy: Key.self, forKey: Key("counts"))
            var withheld = item.nestedContainer(keyedBy: Key.self, forKey: Key("withheld"))
            var within = item.nestedContainer(keyedBy: Key.self, forKey: Key("within"))
            for (row, published) in rows {
                var rowCounts = counts.nestedContainer(keyedBy: Key.self, forKey: Key(row))
                for cell in published.cells { try rowCounts.encode(cell.count.value, forKey: Key(cell.key)) }
                let reasons = published.cells.compactMap { cell -> (String, String)? in
                    switch cell.count {
                    case .withheld(.primary): return (cell.key, "fewer_than_k")
                    case .withheld(.secondary): return (cell.key, "protects_another")
                    case .count: return nil
                    }
                }
                if !reasons.isEmpty {
                    var rowReasons = withheld.nestedContainer(keyedBy: Key.self, forKey: Key(row))
                    for (value, reason) in reasons { try rowReasons.encode(reason, forKey: Key(value)) }
                }
                let inner = published.cells.filter(\.ofWhich)
                if !inner.isEmpty {
                    var rowWithin = within.nestedContainer(keyedBy: Key.self, forKey: Key(row))
                    for cell in inner {
                        try rowWithin.encode(published.bin(holding: cell.values[0])?.key, forKey: Key(cell.key))
                    }
                }
            }
        }
    }
}
