import PortalModel

/// Step 4: what every attribute is given. The attributes themselves, over the records this
/// release publishes; what they share (`ReleaseContext`); each one's true counts; and the
/// Annex 1 rules, as facts linking the attributes (for the joint audit) and as bounds on
/// each alone. `protect` runs one attribute's release (`AttributeRelease`) from them.
struct ReleaseAttributes {
    let attributes: [Attribute]
    let context: ReleaseContext
    /// Per attribute: its true counts, atom × value.
    let counts: [RuleFacts.Counts]
    /// The rules as rows of the joint model, and per attribute as bounds on it alone.
    let facts: [RuleFacts.Row]
    let bounds: [[RuleRow]]
    /// The place, sector and year of the records this release publishes, and their years.
    let quasi: QuasiIdentifiers
    let years: [Int]
    let standard: Standard

    init(
        _ records: DerivedRecords, membership: ReleaseMembership, layout: ReleaseLayout, series: ReleaseSeries,
        standard: Standard, text: UIText, cost: SecondaryCost
    ) {
        let included = membership.included
        let quasi = records.quasi.selecting(included)
        let years = YearValues(quasi.years)
        let attributes = Attribute.all(
            text: text, records: included.map { records.records[$0] },
            derived: included.map { records.derivedColumns[$0] }, standard: standard,
            quasi: quasi, scheme: series.scheme, years: years)
        let context = Self.context(
            layout: layout, series: series, quasi: quasi, standard: standard,
            reusePrevious: !membership.hasNewcomers, cost: cost)
        let counts = attributes.map { Self.truth($0, layout: layout) }
        let facts = context.facts.rows(attributes: attributes, counts: counts)
        bounds = RuleFacts.bounds(facts, counts: counts, attributes: attributes.count, atomSizes: layout.atomSizes)
        (self.attributes, self.context, self.counts, self.facts) = (attributes, context, counts, facts)
        (self.quasi, self.years, self.standard) = (quasi, years.years, standard)
    }

    /// One attribute's forms, protection and audit. `strictRules`: a sum narrow only with
    /// the rule bounds fails here (the joint audit found it narrow too).
    func protect(_ index: Int, strictRules: Bool) -> AttributeRelease.Outcome {
        let attribute = attributes[index], layout = context.layout
        let last = context.reusePrevious ? context.earlier.last : nil
        let previous = last.flatMap { Self.previous(attribute, $0, layout: layout) }
        return AttributeRelease(
            attribute: attribute, context: context, truth: counts[index].truth,
            structural: Self.structural(attribute, context: context, standard: standard), rules: bounds[index],
            sliceCounts: attribute.isKnownToReaders ? Self.sliceCounts(attribute, context: context) : [],
            previous: previous, strictRules: strictRules
        ).run()
    }

    /// What every attribute shares: the layout, the series, each cohort's and record's
    /// slice (the cohorts sharing a place, sector and year, whatever their tier group), the
    /// rule facts.
    private static func context(
        layout: ReleaseLayout, series: ReleaseSeries, quasi: QuasiIdentifiers,
        standard: Standard, reusePrevious: Bool, cost: SecondaryCost
    ) -> ReleaseContext {
        struct SliceKey: Hashable { let place: Int, sector: Int, year: Int }
        var sliceIndex: [SliceKey: Int] = [:]
        let sliceOfCohort = layout.cohortKeys.map { key -> Int in
            let slice = SliceKey(place: key.place, sector: key.sector, year: key.year)
            if let index = sliceIndex[slice] { return index }
            sliceIndex[slice] = sliceIndex.count
            return sliceIndex.count - 1
        }
        let sliceOfRecord = layout.atomOfRecord.map { sliceOfCohort[layout.atomCohort[$0]] }
        let facts = RuleFacts(
            standard: standard, tierGroups: series.tierGroups,
            groupOfAtom: layout.atomCohort.map { layout.cohortKeys[$0].group },
            atomSizes: layout.atomSizes)
        return ReleaseContext(
            k: series.k, layout: layout, tierGroups: series.tierGroups, scheme: series.scheme,
            quasi: quasi, earlier: series.earlier, reusePrevious: reusePrevious, cost: cost,
            facts: facts, sliceOfCohort: sliceOfCohort, sliceOfRecord: sliceOfRecord,
            sliceCount: sliceIndex.count)
    }

    /// An attribute's true counts, atom × value.
    private static func truth(_ attribute: Attribute, layout: ReleaseLayout) -> RuleFacts.Counts {
        let values = attribute.values.count
        var truth = [Int](repeating: 0, count: layout.atomSizes.count * values)
        for (position, atom) in layout.atomOfRecord.enumerated() {
            truth[atom * values + attribute.valueOf[position]] += 1
        }
        return (truth: truth, values: values)
    }

    /// Records per slice × value, for an attribute readers know.
    private static func sliceCounts(_ attribute: Attribute, context: ReleaseContext) -> [Int] {
        let values = attribute.values.count
        var counts = [Int](repeating: 0, count: context.sliceCount * values)
        for (position, slice) in context.sliceOfRecord.enumerated() {
            counts[slice * values + attribute.valueOf[position]] += 1
        }
        return counts
    }

    /// Unknowns everyone knows to be zero, atom × value: a value the standard rules out,
    /// a tier outside the atom's tier group, a city outside its part, a maturity below
    /// what every tier of its group requires.
    private static func structural(_ attribute: Attribute, context: ReleaseContext, standard: Standard) -> [Bool] {
        let layout = context.layout, values = attribute.values.count
        var zero = [Bool](repeating: false, count: layout.atomSizes.count * values)
        for atom in layout.atomSizes.indices {
            let cohort = layout.cohortKeys[layout.atomCohort[atom]]
            let lowMaturity = attribute.kind == .maturity ? context.facts.impossibleMaturity(group: cohort.group) : []
            for value in 0..<values {
                zero[atom * values + value] =
                    attribute.impossible.contains(value) || lowMaturity.contains(value)
                    || !possible(attribute, value, cohort: cohort, context: context)
            }
        }
        return zero
    }

    /// Whether a value is possible in a cohort, as everyone can tell from the cohort's
    /// name: a cohort of 先进级 holds no 基础级 factory, a cohort of 蒙西 none from 赤峰市.
    private static func possible(
        _ attribute: Attribute, _ value: Int, cohort: CohortKey,
        context: ReleaseContext
    ) -> Bool {
        switch attribute.kind {
        case .tier: return context.tierGroups.groups[cohort.group].contains(value)
        case .region:
            guard context.scheme.usesPart, cohort.place >= 0 else { return true }
            let partOfCity = context.quasi.partOfCity
            return value < partOfCity.count && partOfCity[value] == cohort.place
        default: return true
        }
    }
}

extension ReleaseAttributes {
    /// The last release's forms and pattern for an attribute, read back from its figures:
    /// each row's bins are the keys it published; "其中" values are single values inside a
    /// published merged bin; a row that published nothing was not split.
    static func previous(_ attribute: Attribute, _ record: ReleaseRecord, layout: ReleaseLayout)
        -> (forms: [Form], pattern: [String: [String: Bool]])?
    {
        guard let figures = record.figures[attribute.id] else { return nil }
        let valueIndex = Dictionary(uniqueKeysWithValues: attribute.values.enumerated().map { ($1.key, $0) })
        let possible = attribute.segments.flatMap { $0 }
        let order = Dictionary(possible.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var forms: [Form] = []
        var pattern: [String: [String: Bool]] = [:]
        for (index, row) in layout.rows.enumerated() {
            let cells = figures[row.key] ?? [:]
            pattern[row.key] = cells.mapValues { $0 == nil }
            var bins: [[Int]] = []
            for key in cells.keys.sorted() {
                let parts = key.split(separator: "+").map(String.init)
                let bin = parts.compactMap { valueIndex[$0] }
                guard bin.count == parts.count, !bin.isEmpty else { return nil }
                bins.append(bin.sorted { (order[$0] ?? $0) < (order[$1] ?? $1) })
            }
            let merged = bins.filter { $0.count > 1 }
            let ofWhich = bins.filter { bin in bin.count == 1 && merged.contains { $0.contains(bin[0]) } }.map { $0[0] }
            var partition = bins.filter { bin in !(bin.count == 1 && ofWhich.contains(bin[0])) }
            let covered = Set(partition.flatMap { $0 })
            partition += possible.filter { !covered.contains($0) }.map { [$0] }
            partition.sort { (order[$0[0]] ?? $0[0]) < (order[$1[0]] ?? $1[0]) }
            forms.append(
                cells.isEmpty
                    ? Form(bins: [possible])
                    : Form(bins: partition, ofWhich: index == 0 ? ofWhich.sorted() : []))
        }
        return (forms, pattern)
    }
}
