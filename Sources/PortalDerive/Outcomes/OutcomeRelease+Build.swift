import PortalModel

extension OutcomeRelease {
    /// Protects and audits this release against the earlier ones, in six steps: the
    /// series (`ReleaseSeries`), who is published (`ReleaseMembership`), the groups and
    /// unknowns (`ReleaseLayout`), then each attribute's forms, protection and audit
    /// (`AttributeRelease`), and the summary with the ledger record. Returns nil when
    /// fewer than k assessments can be published at all.
    public static func make(set: AssessmentSet, standard: Standard, text: UIText, key: RecordKey, ledger: ReleaseLedger,
                            cost: SecondaryCost = .chosen) throws(DiagnosticList) -> OutcomeRelease? {
        let all = set.records
        let engine = Eligibility(standard: standard)
        let derivedColumns = all.parallelMap { record -> Int in
            engine.derivedTier(built: record.scenarios, maturity: record.maturity).map { $0.index + 1 } ?? 0
        }
        let fingerprints = all.parallelMap(key.fingerprint)
        let quasi = QuasiIdentifiers(all, framework: standard.framework, other: text(.outcomesOther))

        let series = try ReleaseSeries(ledger: ledger, key: key, standard: standard, quasi: quasi, derivedColumns: derivedColumns)
        let (tierGroups, scheme, k) = (series.tierGroups, series.scheme, series.k)
        let cohortOf = all.indices.map { scheme.key($0, quasi, group: tierGroups.group(ofColumn: derivedColumns[$0])) }
        let slugOfKey = Dictionary(Set(cohortOf).map { ($0, Self.slug($0, scheme: scheme, tierGroups, quasi, framework: standard.framework)) },
                                   uniquingKeysWith: { a, _ in a })
        let slugOf = cohortOf.map { slugOfKey[$0]! }

        let membership = try ReleaseMembership(series: series, records: all, fingerprints: fingerprints, slugOf: slugOf)
        guard membership.included.count >= k else { return nil }

        let layout = ReleaseLayout(cohortOf: cohortOf, slugOf: slugOf, membership: membership, tierGroups: tierGroups, current: series.earlier.count)
        let rowIndex = layout.rowIndex
        if let unknown = Set(series.earlier.flatMap { $0.figures.values.flatMap(\.keys) }).sorted().first(where: { rowIndex[$0] == nil }) {
            throw DiagnosticList([Diagnostic(path: ledger.folder, line: 1, column: 1,
                "an earlier release published a group (\(unknown.prefix(60))) that this data no longer has: restore the assessments as published")])
        }

        let included = membership.included
        let subQuasi = quasi.selecting(included)
        let years = Array(Set(included.map { all[$0].year })).sorted()
        let attributes = Attribute.all(text: text, records: included.map { all[$0] }, derived: included.map { derivedColumns[$0] },
                                       standard: standard, quasi: subQuasi, scheme: scheme, years: years)
        let context = Self.context(layout: layout, series: series, quasi: subQuasi, standard: standard,
                                   reusePrevious: !membership.hasNewcomers, cost: cost)
        let counts = attributes.map { Self.truth($0, layout: layout) }.map { (truth: $0.0, values: $0.1) }
        let facts = context.facts.rows(attributes: attributes, counts: counts)
        let bounds = RuleFacts.bounds(facts, counts: counts, attributes: attributes.count, atomSizes: layout.atomSizes)
        @Sendable func release(_ index: Int, strictRules: Bool) -> AttributeRelease.Outcome {
            let attribute = attributes[index]
            return AttributeRelease(
                attribute: attribute, context: context, truth: counts[index].truth,
                structural: Self.structural(attribute, context: context, standard: standard), rules: bounds[index],
                sliceCounts: attribute.isKnownToReaders ? Self.sliceCounts(attribute, context: context) : [],
                previous: context.reusePrevious ? series.earlier.last.flatMap { Self.previous(attribute, $0, layout: layout) } : nil,
                strictRules: strictRules
            ).run()
        }
        var outcomes = Array(attributes.indices).parallelMap { release($0, strictRules: false) }
        // What each attribute's audit left to the joint model: settled there, or the
        // attribute is protected again with the rule bounds as they are.
        var joint = (linear: 0, integer: 0)
        var failingJointly: [Int] = []
        for round in 0...4 {
            failingJointly = JointAudit(problems: outcomes.map { ($0.problem, $0.protection.withheld, $0.protection.audit.ruleOnly) }, rows: facts)
                .failing(linearPrograms: &joint.linear, integerPrograms: &joint.integer)
            if failingJointly.isEmpty || round == 4 { break }
            let redone = failingJointly.parallelMap { release($0, strictRules: true) }
            for (position, attribute) in failingJointly.enumerated() { outcomes[attribute] = redone[position] }
        }

        var audit = Self.summary(outcomes, layout: layout)
        audit.linearPrograms += joint.linear
        audit.integerPrograms += joint.integer
        audit.failures += failingJointly.reduce(0) { $0 + outcomes[$1].protection.audit.ruleOnly.count }
        audit.settledJointly = outcomes.reduce(0) { $0 + $1.protection.audit.ruleOnly.count } - failingJointly.reduce(0) { $0 + outcomes[$1].protection.audit.ruleOnly.count }
        if audit.failures > 0 {
            throw DiagnosticList([Diagnostic(path: ledger.folder, line: 1, column: 1,
                "the disclosure audit failed: \(audit.failures) withheld figures or small sums could be narrowed beyond what their marks say from what is published now and before: hold back the newest assessments or ask for a new release series")])
        }
        let cohortSizes = layout.cohortSizes
        let cohorts = layout.cohortKeys.enumerated().map { index, key in
            Cohort(key: key, slug: layout.cohortSlugs[index], name: Self.name(key, scheme: scheme, tierGroups, subQuasi, standard: standard, text: text),
                   group: key.group, size: cohortSizes[index],
                   place: key.place < 0 ? nil : scheme.usesCity ? subQuasi.cityName(key.place) : subQuasi.partName(key.place),
                   sector: key.sector < 0 ? nil : subQuasi.sectorNames[key.sector], year: key.year < 0 ? nil : key.year)
        }
        var groupSizes = [Int](repeating: 0, count: tierGroups.groups.count)
        for cohort in cohorts { groupSizes[cohort.group] += cohort.size }
        // The rule every step above keeps, checked once more where it matters.
        guard cohorts.allSatisfy({ $0.size >= k }), groupSizes.allSatisfy({ $0 == 0 || $0 >= k }) else {
            throw DiagnosticList([Diagnostic(path: ledger.folder, line: 1, column: 1,
                "a cohort or tier group would describe fewer than k = \(k) assessments: this should not happen; nothing was published, please report it")])
        }

        let record = Self.record(outcomes, attributes: attributes, layout: layout, series: series, key: key,
                                 membership: membership, fingerprints: fingerprints)
        let isNew = series.earlier.last.map { !record.members.isEmpty || $0.figures != record.figures } ?? true
        let release = OutcomeRelease(
            k: k, synthetic: set.synthetic, label: set.label, scheme: scheme, tierGroups: tierGroups,
            groupNames: tierGroups.groups.indices.map { Self.groupName($0, tierGroups, standard: standard, text: text) },
            groupSizes: groupSizes, cohorts: cohorts, total: included.count, heldBack: membership.heldBack,
            attributes: outcomes.map { $0.published }, release: isNew ? layout.current + 1 : layout.current, isNewRelease: isNew,
            record: record, audit: audit,
            headlines: Self.headlines(outcomes, attributes: attributes, layout: layout, tierGroups: tierGroups, scheme: scheme,
                                      cohorts: cohorts, years: years),
            problems: outcomes.map { ($0.problem, $0.protection.withheld, layout.blocks) })
        return release
    }

    // MARK: Step 4: what every attribute is given

    private static func context(layout: ReleaseLayout, series: ReleaseSeries, quasi: QuasiIdentifiers, standard: Standard,
                                reusePrevious: Bool, cost: SecondaryCost) -> ReleaseContext {
        // A cohort's slice: its place, sector and year, whatever its tier group.
        struct SliceKey: Hashable { let place: Int, sector: Int, year: Int }
        var sliceIndex: [SliceKey: Int] = [:]
        let sliceOfCohort = layout.cohortKeys.map { key -> Int in
            let slice = SliceKey(place: key.place, sector: key.sector, year: key.year)
            if let index = sliceIndex[slice] { return index }
            sliceIndex[slice] = sliceIndex.count
            return sliceIndex.count - 1
        }
        let sliceOfRecord = layout.atomOfRecord.map { sliceOfCohort[layout.atomCohort[$0]] }
        let facts = RuleFacts(standard: standard, tierGroups: series.tierGroups,
                              groupOfAtom: layout.atomCohort.map { layout.cohortKeys[$0].group }, atomSizes: layout.atomSizes)
        return ReleaseContext(k: series.k, layout: layout, tierGroups: series.tierGroups, scheme: series.scheme, quasi: quasi,
                              earlier: series.earlier, reusePrevious: reusePrevious, cost: cost, facts: facts,
                              sliceOfCohort: sliceOfCohort, sliceOfRecord: sliceOfRecord, sliceCount: sliceIndex.count)
    }

    /// An attribute's true counts, atom × value.
    private static func truth(_ attribute: Attribute, layout: ReleaseLayout) -> ([Int], Int) {
        let values = attribute.values.count
        var truth = [Int](repeating: 0, count: layout.atomSizes.count * values)
        for (position, atom) in layout.atomOfRecord.enumerated() { truth[atom * values + attribute.valueOf[position]] += 1 }
        return (truth, values)
    }

    /// Records per slice × value, for an attribute readers know.
    private static func sliceCounts(_ attribute: Attribute, context: ReleaseContext) -> [Int] {
        let values = attribute.values.count
        var counts = [Int](repeating: 0, count: context.sliceCount * values)
        for (position, slice) in context.sliceOfRecord.enumerated() { counts[slice * values + attribute.valueOf[position]] += 1 }
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
                zero[atom * values + value] = attribute.impossible.contains(value) || lowMaturity.contains(value)
                    || !possible(attribute, value, cohort: cohort, tierGroups: context.tierGroups, quasi: context.quasi, scheme: context.scheme)
            }
        }
        return zero
    }

    /// Whether a value is possible in a cohort, as everyone can tell from the cohort's
    /// name: a cohort of 先进级 holds no 基础级 factory, a cohort of 蒙西 none from 赤峰市.
    private static func possible(_ attribute: Attribute, _ value: Int, cohort: CohortKey, tierGroups: TierGroups,
                                 quasi: QuasiIdentifiers, scheme: CohortScheme) -> Bool {
        switch attribute.kind {
        case .tier: return tierGroups.groups[cohort.group].contains(value)
        case .region:
            guard scheme.usesPart, cohort.place >= 0 else { return true }
            return value < quasi.partOfCity.count && quasi.partOfCity[value] == cohort.place
        default: return true
        }
    }

    /// The last release's forms and pattern for an attribute, read back from its figures:
    /// each row's bins are the keys it published; "其中" values are single values inside a
    /// published merged bin; a row that published nothing was not split.
    private static func previous(_ attribute: Attribute, _ record: ReleaseRecord, layout: ReleaseLayout)
        -> (forms: [Form], pattern: [String: [String: Bool]])? {
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
            forms.append(cells.isEmpty ? Form(bins: [possible]) : Form(bins: partition, ofWhich: index == 0 ? ofWhich.sorted() : []))
        }
        return (forms, pattern)
    }

    // MARK: Step 6: the summary, the headlines, the ledger record

    private static func summary(_ outcomes: [AttributeRelease.Outcome], layout: ReleaseLayout) -> AuditSummary {
        var audit = AuditSummary()
        for outcome in outcomes {
            let withheld = outcome.protection.withheld, figures = outcome.figures
            for (row, cells) in figures.cells.enumerated() {
                for cell in cells {
                    audit.figures += 1
                    if withheld[cell] == .primary { audit.primary += 1 }
                    if withheld[cell] == .secondary { audit.secondary += 1 }
                    if layout.rows[row].level == .total {
                        audit.totalFigures += 1
                        if withheld[cell] != nil { audit.totalWithheld += 1 }
                    }
                    if layout.rows[row].level == .group && withheld[cell] == .secondary { audit.groupSecondary += 1 }
                }
            }
            for cells in figures.cells where !cells.isEmpty {
                let held = cells.filter { withheld[$0] != nil }.count
                audit.worstTableShare = max(audit.worstTableShare, Double(held) / Double(cells.count))
            }
            audit.tablesWithdrawn += outcome.forms.filter(\.publishesNothing).count
            audit.linearPrograms += outcome.protection.audit.linearPrograms
            audit.integerPrograms += outcome.protection.audit.integerPrograms
            audit.auditedSums += outcome.protection.audit.intervals.count
            audit.failures += outcome.protection.audit.failures.count
        }
        return audit
    }

    private static func headlines(_ outcomes: [AttributeRelease.Outcome], attributes: [Attribute], layout: ReleaseLayout,
                                  tierGroups: TierGroups, scheme: CohortScheme, cohorts: [Cohort], years: [Int]) -> Headlines {
        let tiers = tierGroups.tiers.count
        var atOrAbove: [ClosedRange<Int>] = []
        if let index = attributes.firstIndex(where: { $0.kind == .tier }) {
            let outcome = outcomes[index], values = attributes[index].values.count
            let auditor = Auditor(problem: outcome.problem, withheld: outcome.protection.withheld)
            for column in 1...max(tiers, 1) {
                let terms = layout.atomSizes.indices.flatMap { atom in (column..<values).map { atom * values + $0 } }
                let range = auditor.range(of: terms)
                atOrAbove.append(range.low...max(range.low, range.high))
            }
        }
        // By year: groups wholly at the lowest tier or above count for sure; groups
        // holding both count at most.
        let sure = Set(tierGroups.groups.indices.filter { !tierGroups.groups[$0].contains(0) })
        let maybe = Set(tierGroups.groups.indices.filter { tierGroups.groups[$0].contains { $0 > 0 } })
        var byYear: [(year: Int, count: ClosedRange<Int>)] = []
        if scheme.usesYear {
            for year in years {
                let low = cohorts.filter { $0.year == year && sure.contains($0.group) }.reduce(0) { $0 + $1.size }
                let high = cohorts.filter { $0.year == year && maybe.contains($0.group) }.reduce(0) { $0 + $1.size }
                byYear.append((year, low...high))
            }
        } else if let index = attributes.firstIndex(where: { $0.kind == .year }) {
            let outcome = outcomes[index], values = attributes[index].values.count
            let auditor = Auditor(problem: outcome.problem, withheld: outcome.protection.withheld)
            for (value, year) in years.enumerated() {
                func terms(_ groups: Set<Int>) -> [Int] {
                    layout.atomSizes.indices.filter { groups.contains(layout.cohortKeys[layout.atomCohort[$0]].group) }.map { $0 * values + value }
                }
                let low = auditor.range(of: terms(sure)).low, high = auditor.range(of: terms(maybe)).high
                byYear.append((year, low...max(low, high)))
            }
        }
        return Headlines(atOrAbove: atOrAbove, lowestTierByYear: byYear)
    }

    private static func record(_ outcomes: [AttributeRelease.Outcome], attributes: [Attribute], layout: ReleaseLayout,
                               series: ReleaseSeries, key: RecordKey, membership: ReleaseMembership, fingerprints: [String]) -> ReleaseRecord {
        var unsorted: [String: [String]] = [:]
        for (position, index) in membership.included.enumerated() where membership.releaseOf[index] == layout.current {
            unsorted[layout.cohortSlugs[layout.atomCohort[layout.atomOfRecord[position]]], default: []].append(fingerprints[index])
        }
        // Each cohort's fingerprints sorted on its own core (100,000 strings in all).
        let members = Dictionary(uniqueKeysWithValues: unsorted.map { ($0.key, $0.value) }.parallelMap { ($0.0, $0.1.sorted()) })
        var figures: [String: [String: [String: Int?]]] = [:]
        for (index, outcome) in outcomes.enumerated() { figures[attributes[index].id] = outcome.ledger }
        let tierGroups = series.tierGroups
        return ReleaseRecord(release: layout.current + 1, keyCheck: key.check, k: series.k, scheme: series.scheme.rawValue,
                             tierGroups: tierGroups.groups.indices.map { tierGroups.groups[$0].map(tierGroups.columnKey) },
                             members: members, figures: figures)
    }
}
