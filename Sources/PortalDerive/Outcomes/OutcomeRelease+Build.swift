import PortalModel

extension OutcomeRelease {
    /// Protects and audits this release against the earlier ones. Returns nil when fewer
    /// than k assessments can be published at all.
    public static func make(set: AssessmentSet, standard: Standard, text: UIText, key: RecordKey, ledger: ReleaseLedger)
        throws(DiagnosticList) -> OutcomeRelease? {
        let k = standard.site.kAnonymity
        let tierIDs = standard.framework.tierIDs
        let engine = Eligibility(standard: standard)
        let all = set.records
        let derivedColumns = all.parallelMap { record -> Int in
            engine.derivedTier(built: record.scenarios, maturity: record.maturity).map { $0.index + 1 } ?? 0
        }
        let fingerprints = all.parallelMap(key.fingerprint)
        let earlier = ledger.releases
        let ledgerFile = { (index: Int) in index < ledger.files.count ? ledger.files[index] : ledger.folder }

        // The series: a key that matches, one scheme and tier grouping throughout.
        var problems: [Diagnostic] = []
        for (index, release) in earlier.enumerated() where release.keyCheck != key.check {
            problems.append(Diagnostic(path: ledgerFile(index), line: 1, column: 1,
                "this release was recorded with another record key: build with the key it was recorded with (PORTAL_ANON_KEY or --anon-key-file), or the figures of earlier releases cannot be audited"))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        let quasi = QuasiIdentifiers(all, framework: standard.framework, other: text(.outcomesOther))
        let tierGroups: TierGroups, scheme: CohortScheme
        if let first = earlier.first {
            if let changed = earlier.first(where: { $0.k != k }) {
                throw DiagnosticList([Diagnostic(path: ledgerFile(0), line: 1, column: 1,
                    "this release series was published with k = \(changed.k), and site.yaml now says \(k): groups formed under the old k could be published under the new one: set k_anonymity back, or start a new series in another --releases folder once the statistics office agrees")])
            }
            let columns = first.tierGroups.map { $0.compactMap { TierGroups.column(ofKey: $0, tiers: tierIDs) } }
            guard let fixed = CohortScheme(rawValue: first.scheme),
                  columns.flatMap({ $0 }).sorted() == Array(0...tierIDs.count) else {
                throw DiagnosticList([Diagnostic(path: ledgerFile(0), line: 1, column: 1,
                    "the release record's scheme or tier groups are not ones this version of portal knows: restore the file as it was written")])
            }
            tierGroups = TierGroups(groups: columns, tiers: tierIDs)
            scheme = fixed
        } else {
            var counts = [Int](repeating: 0, count: tierIDs.count + 1)
            for column in derivedColumns { counts[column] += 1 }
            tierGroups = TierGroups(counts: counts, k: k, tiers: tierIDs)
            scheme = CohortScheme.choose(quasi, groups: derivedColumns.map(tierGroups.group(ofColumn:)), k: k)
        }
        let cohortOf = all.indices.map { scheme.key($0, quasi, group: tierGroups.group(ofColumn: derivedColumns[$0])) }
        let slugOf = Dictionary(Set(cohortOf).map { ($0, Self.slug($0, scheme: scheme, tierGroups, quasi, framework: standard.framework)) }, uniquingKeysWith: { a, _ in a })

        // Which assessments each earlier release published, and where.
        var publishedIn: [String: (release: Int, cohort: String)] = [:]
        for (index, release) in earlier.enumerated() {
            for (cohort, members) in release.members { for member in members { publishedIn[member] = (index, cohort) } }
        }
        var present = Set<String>()
        var releaseOf = [Int?](repeating: nil, count: all.count)
        for index in all.indices {
            guard let earlier = publishedIn[fingerprints[index]] else { continue }
            present.insert(fingerprints[index])
            if earlier.cohort != slugOf[cohortOf[index]]! {
                problems.append(Diagnostic(all[index].source,
                    "this assessment was published in release \(earlier.release + 1) in another cohort (the rules or its data changed since): publishing it again would reveal it by difference: restore it as published"))
            }
            releaseOf[index] = earlier.release
        }
        let missing = publishedIn.keys.filter { !present.contains($0) }
        if !missing.isEmpty {
            let releases = Set(missing.map { publishedIn[$0]!.release }).sorted()
            for release in releases {
                let count = missing.filter { publishedIn[$0]!.release == release }.count
                problems.append(Diagnostic(path: ledgerFile(release), line: 1, column: 1,
                    "\(count < k ? "fewer than \(k)" : String(count)) assessments published in this release are no longer in the data, or were changed: the next release would reveal them by difference: restore them as published (corrections are published as new assessments)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }

        // New assessments: published once at least k share a cohort.
        let current = earlier.count
        var newByCohort: [CohortKey: [Int]] = [:]
        for index in all.indices where releaseOf[index] == nil { newByCohort[cohortOf[index], default: []].append(index) }
        var heldBack = 0
        for (_, members) in newByCohort {
            if members.count >= k { for index in members { releaseOf[index] = current } } else { heldBack += members.count }
        }
        let included = all.indices.filter { releaseOf[$0] != nil }
        guard included.count >= k else { return nil }

        // Cohorts and atoms (a cohort's assessments first published in one release).
        let cohortKeys = Array(Set(included.map { cohortOf[$0] })).sorted()
        let cohortIndex = Dictionary(uniqueKeysWithValues: cohortKeys.enumerated().map { ($1, $0) })
        struct AtomKey: Hashable, Comparable {
            let cohort: Int, release: Int
            static func < (a: AtomKey, b: AtomKey) -> Bool { (a.cohort, a.release) < (b.cohort, b.release) }
        }
        let atomKeys = Array(Set(included.map { AtomKey(cohort: cohortIndex[cohortOf[$0]]!, release: releaseOf[$0]!) })).sorted()
        let atomIndex = Dictionary(uniqueKeysWithValues: atomKeys.enumerated().map { ($1, $0) })
        let atomOfRecord = included.map { atomIndex[AtomKey(cohort: cohortIndex[cohortOf[$0]]!, release: releaseOf[$0]!)]! }
        var atomSizes = [Int](repeating: 0, count: atomKeys.count)
        for atom in atomOfRecord { atomSizes[atom] += 1 }

        let years = Array(Set(included.map { all[$0].year })).sorted()
        let records = included.map { all[$0] }
        let subQuasi = quasi.selecting(included)
        let attributes = Attribute.all(text: text, records: records, derived: included.map { derivedColumns[$0] }, standard: standard,
                                       quasi: subQuasi, scheme: scheme, years: years)

        // Rows: the total, each tier group, each cohort; each row's atoms by release.
        var rowList: [(key: String, cohorts: Set<Int>)] = [("total", Set(cohortKeys.indices))]
        for group in tierGroups.groups.indices {
            rowList.append(("group:" + tierGroups.key(group), Set(cohortKeys.indices.filter { cohortKeys[$0].group == group })))
        }
        for (index, cohort) in cohortKeys.enumerated() { rowList.append(("cohort:" + slugOf[cohort]!, [index])) }
        let rows = rowList
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.key, $0) })
        let earlierRowKeys = Set(earlier.flatMap { $0.figures.values.flatMap(\.keys) })
        if let unknown = earlierRowKeys.sorted().first(where: { rowIndex[$0] == nil }) {
            throw DiagnosticList([Diagnostic(path: ledger.folder, line: 1, column: 1,
                "an earlier release published a group (\(unknown.prefix(60))) that this data no longer has: restore the assessments as published")])
        }
        // atomsThrough[row][release]: the row's atoms published by then; newcomers: first then.
        let atomsThrough = rows.map { row in
            (0...current).map { release in atomKeys.indices.filter { row.cohorts.contains(atomKeys[$0].cohort) && atomKeys[$0].release <= release } }
        }
        let newcomers = rows.map { row in
            (0...current).map { release in atomKeys.indices.filter { row.cohorts.contains(atomKeys[$0].cohort) && atomKeys[$0].release == release } }
        }
        let sizes = atomSizes
        // The atoms of each tier group: the blocks every attribute's protection solves
        // on their own first.
        let blocks = tierGroups.groups.indices.map { group in atomKeys.indices.filter { cohortKeys[atomKeys[$0].cohort].group == group } }
            .filter { !$0.isEmpty }
        let hasNewcomers = releaseOf.contains { $0 == current }

        let protectedAttributes = attributes.parallelMap { attribute -> (PublishedAttribute, [String: [String: Int?]], Protection, Int, (problem: LinkedCounts, blocks: [[Int]])) in
            let valueCount = attribute.values.count
            var truth = [Int](repeating: 0, count: atomKeys.count * valueCount)
            for (position, atom) in atomOfRecord.enumerated() { truth[atom * valueCount + attribute.valueOf[position]] += 1 }
            var structuralZero = [Bool](repeating: false, count: truth.count)
            for (atom, key) in atomKeys.enumerated() {
                for value in 0..<valueCount where truth[atom * valueCount + value] == 0 {
                    structuralZero[atom * valueCount + value] = !Self.possible(attribute, value, cohort: cohortKeys[key.cohort],
                                                                                tierGroups: tierGroups, quasi: subQuasi, scheme: scheme)
                }
            }
            // This release's figures, one per distinct sum (a cohort alone in its tier
            // group is the same figure as the group).
            var figureOfTerms: [[Int]: Int] = [:]
            var figures: [[Int]] = []
            var figureOfCell = [[Int]](repeating: [], count: rows.count)
            for row in rows.indices {
                let rowAtoms = atomsThrough[row][current]
                for value in 0..<valueCount {
                    let terms = rowAtoms.map { $0 * valueCount + value }
                    if let existing = figureOfTerms[terms] { figureOfCell[row].append(existing); continue }
                    figureOfTerms[terms] = figures.count
                    figureOfCell[row].append(figures.count)
                    figures.append(terms)
                }
            }
            let valueIndex = Dictionary(uniqueKeysWithValues: attribute.values.enumerated().map { ($1.key, $0) })
            var earlierFigures: [(terms: [Int], published: Int?)] = []
            for (release, record) in earlier.enumerated() {
                for (rowKey, values) in record.figures[attribute.id] ?? [:] {
                    guard let row = rowIndex[rowKey] else { continue }
                    let rowAtoms = atomsThrough[row][release]
                    for (valueKey, published) in values {
                        guard let value = valueIndex[valueKey] else { continue }
                        earlierFigures.append((rowAtoms.map { $0 * valueCount + value }, published))
                    }
                }
            }
            // Differences between releases: each release's newcomers in every row.
            var hidden: [[Int]] = []
            if current > 0 {
                for row in rows.indices {
                    for release in 0...current {
                        let batch = newcomers[row][release]
                        if batch.isEmpty || batch == atomsThrough[row][current] { continue }
                        for value in 0..<valueCount { hidden.append(batch.map { $0 * valueCount + value }) }
                    }
                }
            }
            let problem = LinkedCounts(k: k, atomSizes: sizes, valueCount: valueCount, truth: truth,
                                       structuralZero: structuralZero, figures: figures, earlier: earlierFigures, hidden: hidden)
            // No newcomer: the last release's pattern, as it was (if it still passes).
            var previous: [Withholding?]?
            if !hasNewcomers, let last = earlier.last?.figures[attribute.id] {
                var pattern = [Withholding?](repeating: nil, count: figures.count)
                for row in rows.indices {
                    for value in 0..<valueCount {
                        let figure = figureOfCell[row][value]
                        if case .some(.none) = last[rows[row].key]?[attribute.values[value].key] {
                            pattern[figure] = (1..<k).contains(problem.sum(figures[figure])) ? .primary : .secondary
                        }
                    }
                }
                previous = pattern
            }
            // A value a reader can tell enterprises by (a city, a year, a declared tier …)
            // held by fewer than k of them is a small group in its own right: every cell
            // of it is withheld, zeros included, or the zeros beside one withheld cell
            // would show where the whole group lies ("2024: 0, <5, 0, 0").
            var smallGroups: [Int] = []
            if attribute.isKnownToReaders {
                for value in 0..<valueCount where (1..<k).contains(problem.sum(figures[figureOfCell[0][value]])) {
                    for row in rows.indices {
                        let figure = figureOfCell[row][value]
                        if !figures[figure].allSatisfy({ structuralZero[$0] }) { smallGroups.append(figure) }
                    }
                }
            }
            let protection = Protector(problem: problem, previous: previous, blocks: blocks,
                                       smallGroups: smallGroups).protect()
            func cell(_ row: Int, _ value: Int) -> PublishedCount {
                let figure = figureOfCell[row][value]
                return protection.withheld[figure].map(PublishedCount.withheld) ?? .count(problem.sum(figures[figure]))
            }
            var ledgerFigures: [String: [String: Int?]] = [:]
            for row in rows.indices {
                var values: [String: Int?] = [:]
                for value in 0..<valueCount { values[attribute.values[value].key] = .some(cell(row, value).value) }
                ledgerFigures[rows[row].key] = values
            }
            let groupsFirst = 1, cohortsFirst = 1 + tierGroups.groups.count
            let published = PublishedAttribute(
                id: attribute.id, title: attribute.title, kind: attribute.kind, values: attribute.values,
                impossible: attribute.impossible.filter { value in !atomKeys.indices.contains { truth[$0 * valueCount + value] > 0 } },
                total: (0..<valueCount).map { cell(0, $0) },
                groups: tierGroups.groups.indices.map { group in (0..<valueCount).map { cell(groupsFirst + group, $0) } },
                cohorts: cohortKeys.indices.map { cohort in (0..<valueCount).map { cell(cohortsFirst + cohort, $0) } })
            let secondaryTotal = figures.indices.filter { protection.withheld[$0] == .secondary }.reduce(0) { $0 + problem.sum(figures[$1]) }
            return (published, ledgerFigures, protection, secondaryTotal, (problem, blocks))
        }

        var audit = AuditSummary()
        for (published, _, protection, secondaryTotal, _) in protectedAttributes {
            audit.secondaryTotal += secondaryTotal
            for row in [published.total] + published.groups + published.cohorts {
                for count in row {
                    if count == .withheld(.primary) { audit.primary += 1 }
                    if count == .withheld(.secondary) { audit.secondary += 1 }
                }
            }
            audit.linearPrograms += protection.audit.linearPrograms
            audit.auditedSums += protection.audit.intervals.count
            audit.failures += protection.audit.failures
            for interval in protection.audit.intervals { audit.narrowest = min(audit.narrowest, interval.high - interval.low) }
        }
        if audit.failures > 0 {
            throw DiagnosticList([Diagnostic(path: ledger.folder, line: 1, column: 1,
                "the disclosure audit failed: \(audit.failures) withheld figures could be narrowed below \(k) values from what is published now and before: hold back the newest assessments or ask for a new release series")])
        }

        var cohortSizes = [Int](repeating: 0, count: cohortKeys.count)
        for (atom, key) in atomKeys.enumerated() { cohortSizes[key.cohort] += atomSizes[atom] }
        let cohorts = cohortKeys.enumerated().map { index, key in
            Cohort(key: key, slug: slugOf[key]!, name: Self.name(key, scheme: scheme, tierGroups, quasi, standard: standard, text: text), group: key.group,
                   size: cohortSizes[index], place: key.place < 0 ? nil : scheme.usesCity ? subQuasi.cityName(key.place) : subQuasi.partName(key.place),
                   sector: key.sector < 0 ? nil : subQuasi.sectorNames[key.sector], year: key.year < 0 ? nil : key.year)
        }
        var groupSizes = [Int](repeating: 0, count: tierGroups.groups.count)
        for cohort in cohorts { groupSizes[cohort.group] += cohort.size }
        // The rule every path above keeps, checked once more where it matters.
        guard cohorts.allSatisfy({ $0.size >= k }), groupSizes.allSatisfy({ $0 == 0 || $0 >= k }) else {
            throw DiagnosticList([Diagnostic(path: ledger.folder, line: 1, column: 1,
                "a cohort or tier group would describe fewer than k = \(k) assessments: this should not happen; nothing was published, please report it")])
        }

        var unsorted: [String: [String]] = [:]
        for index in included where releaseOf[index] == current {
            unsorted[slugOf[cohortOf[index]]!, default: []].append(fingerprints[index])
        }
        // Each cohort's fingerprints sorted on its own core (100,000 strings in all).
        let members = Dictionary(uniqueKeysWithValues: unsorted.map { ($0.key, $0.value) }.parallelMap { ($0.0, $0.1.sorted()) })
        var figures: [String: [String: [String: Int?]]] = [:]
        for (published, ledgerFigures, _, _, _) in protectedAttributes { figures[published.id] = ledgerFigures }
        let record = ReleaseRecord(release: current + 1, keyCheck: key.check, k: k, scheme: scheme.rawValue,
                                   tierGroups: tierGroups.groups.indices.map { tierGroups.groups[$0].map(tierGroups.columnKey) },
                                   members: members, figures: figures)
        let isNew = earlier.last.map { !members.isEmpty || $0.figures != figures } ?? true

        return OutcomeRelease(
            k: k, synthetic: set.synthetic, label: set.label, scheme: scheme, tierGroups: tierGroups,
            groupNames: tierGroups.groups.indices.map { Self.groupName($0, tierGroups, standard: standard, text: text) },
            groupSizes: groupSizes, cohorts: cohorts, total: included.count, heldBack: heldBack,
            attributes: protectedAttributes.map(\.0), release: isNew ? current + 1 : current, isNewRelease: isNew,
            record: record, audit: audit, inputs: protectedAttributes.map(\.4))
    }

    /// Whether a value is possible in a cohort, as everyone can tell from the cohort's
    /// name and the standard: a cohort of 先进级 holds no 基础级 factory, a cohort of 蒙西
    /// none from 赤峰市.
    private static func possible(_ attribute: Attribute, _ value: Int, cohort: CohortKey, tierGroups: TierGroups,
                                 quasi: QuasiIdentifiers, scheme: CohortScheme) -> Bool {
        switch attribute.kind {
        case .tier: return tierGroups.groups[cohort.group].contains(value)
        case .region:
            guard scheme.usesPart, cohort.place >= 0 else { return true }
            return value < quasi.partOfCity.count && quasi.partOfCity[value] == cohort.place
        case .scenario: return !attribute.impossible.contains(value)
        default: return true
        }
    }

    static func groupName(_ group: Int, _ groups: TierGroups, standard: Standard, text: UIText) -> String {
        let columns = groups.groups[group]
        func name(_ column: Int) -> String { column == 0 ? text(.outcomesNoTier) : standard.framework.tiers[column - 1].name }
        guard let first = columns.first, let last = columns.last else { return "" }
        if columns.count == 1 { return name(first) }
        if last == standard.framework.tiers.count && first > 0 { return text(.outcomesGroupAndAbove, ["tier": name(first)]) }
        return text(.outcomesGroupRange, ["low": name(first), "high": name(last)])
    }

    /// A cohort's key in the ledger and its URL: "advanced-west-2025", "basic-150600-2024".
    static func slug(_ key: CohortKey, scheme: CohortScheme, _ groups: TierGroups, _ quasi: QuasiIdentifiers, framework: Framework) -> String {
        var parts = [groups.key(key.group).replacingOccurrences(of: "+", with: "-")]
        if key.place >= 0 {
            if scheme.usesCity { parts.append(key.place < quasi.cityCodes.count ? quasi.cityCodes[key.place] : "other") }
            else { parts.append(framework.partSlugs[quasi.partName(key.place)] ?? "part-\(key.place + 1)") }
        }
        if key.sector >= 0 { parts.append("sector-\(key.sector + 1)") }
        if key.year >= 0 { parts.append(String(key.year)) }
        return parts.joined(separator: "-")
    }

    static func name(_ key: CohortKey, scheme: CohortScheme, _ groups: TierGroups, _ quasi: QuasiIdentifiers, standard: Standard, text: UIText) -> String {
        var parts = [groupName(key.group, groups, standard: standard, text: text)]
        if key.place >= 0 { parts.append(scheme.usesCity ? quasi.cityName(key.place) : quasi.partName(key.place)) }
        if key.sector >= 0 { parts.append(quasi.sectorNames[key.sector]) }
        if key.year >= 0 { parts.append(text(.outcomesYear, ["year": key.year])) }
        return parts.joined(separator: " · ")
    }
}
