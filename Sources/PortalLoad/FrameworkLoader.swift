import PortalModel
import Yams

/// Content/framework/*.yaml → Framework (Annex 1 rules and texts, the plan's targets).
enum FrameworkLoader {
    static let files = [
        "tiers.yaml", "areas.yaml", "segments.yaml", "requirements.yaml", "targets.yaml",
        "regions.yaml", "industries.yaml", "outcomes.yaml", "maturity.yaml", "assessments.yaml",
    ]

    static func load(directory: String, from source: FileSource, sink: DiagnosticSink) -> Framework? {
        func document(_ name: String) -> YAMLDocument? {
            guard source.exists(directory + "/" + name) else {
                sink.report(
                    SourceLocation(path: directory + "/" + name, line: 1, column: 1),
                    "missing framework file: create \(name) (see README.md, content format)")
                return nil
            }
            return ContentFile.read(name, in: directory, from: source, sink: sink)?.yaml(sink: sink)
        }
        let maturity = document("maturity.yaml").flatMap { loadMaturity($0, sink: sink) }
        let format = document("assessments.yaml").flatMap { loadAssessmentFormat($0, sink: sink) }
        let areas = document("areas.yaml").flatMap { loadAreas($0, sink: sink) }
        let areaIDs = (areas ?? []).map(\.id)
        let segments = document("segments.yaml").flatMap { loadSegments($0, areaIDs: areaIDs, sink: sink) }
        let tiers = document("tiers.yaml").flatMap {
            loadTiers($0, areaIDs: areaIDs, maturityLevels: maturity?.count ?? 1, sink: sink)
        }
        let tierIDs = (tiers ?? []).map(\.id)
        let requirements = document("requirements.yaml").flatMap { loadRequirements($0, sink: sink) }
        let targets = document("targets.yaml").flatMap { loadTargets($0, tiers: tierIDs, sink: sink) }
        let regionsDocument = document("regions.yaml")
        let regions = regionsDocument.flatMap { loadRegions($0, sink: sink) }
        let partSlugs = regionsDocument.map { loadPartSlugs($0, sink: sink) } ?? [:]
        let sectors = document("industries.yaml").flatMap { loadSectors($0, sink: sink) }
        let bands = document("outcomes.yaml").flatMap { loadBands($0, sink: sink) }
        guard let maturity, let format, let areas, let segments, let tiers, let requirements, let targets, let regions,
            let sectors, let bands
        else { return nil }
        return Framework(
            tiers: tiers, areas: areas, segments: segments, intro: requirements.intro,
            requirementsTitle: requirements.title,
            requirements: requirements.items, targets: targets, regions: regions, sectors: sectors,
            investmentBands: bands, maturityLevels: maturity, partSlugs: partSlugs, assessmentFormat: format)
    }

    /// assessments.yaml: the headers, the not-applicable words, the synthetic marker.
    private static func loadAssessmentFormat(_ document: YAMLDocument, sink: DiagnosticSink) -> AssessmentFormat? {
        guard let top = FieldReader(document.root, in: document, sink: sink, what: document.path) else { return nil }
        top.rejectUnknownKeys(["headers", "not_applicable", "synthetic_marker"])
        guard let fields = top.fields("headers", hint: "followed by `key: header` lines", what: "'headers'") else {
            return nil
        }
        fields.rejectUnknownKeys(AssessmentFormat.keys)
        var headers: [String: String] = [:]
        for key in AssessmentFormat.keys {
            guard
                let header = fields.text(
                    key, hint: key == "indicator" || key == "scenario" ? "<header with {no}>" : "<header>")
            else { continue }
            if (key == "indicator" || key == "scenario") && !header.contains("{no}"), let node = fields.node(key) {
                fields.error(node, "the \(key) header must hold {no}, which stands for the \(key)'s number")
                continue
            }
            headers[key] = header
        }
        let words = top.list("not_applicable", hint: "followed by the words for 'not applicable', as [NA]")?
            .compactMap { top.textValue($0, key: "not_applicable") }
        guard headers.count == AssessmentFormat.keys.count, let words, let marker = top.text("synthetic_marker") else {
            return nil
        }
        return AssessmentFormat(headers: headers, notApplicable: words, syntheticMarker: marker)
    }

    /// maturity.yaml: the GB/T 39116 levels, lowest first.
    private static func loadMaturity(_ document: YAMLDocument, sink: DiagnosticSink) -> [String]? {
        guard let top = FieldReader(document.root, in: document, sink: sink, what: document.path) else { return nil }
        top.rejectUnknownKeys(["levels"])
        guard let list = top.list("levels", hint: "followed by the level names, lowest first") else { return nil }
        let levels = list.compactMap { top.textValue($0, key: "levels") }
        guard levels.count == list.count else { return nil }
        guard !levels.isEmpty else {
            sink.report(top.location, "'levels' is empty: list the maturity levels, lowest first")
            return nil
        }
        return levels
    }

    /// The list under `key` at the top of `document`, each entry as fields.
    static func entries(_ key: String, of document: YAMLDocument, sink: DiagnosticSink, what: String) -> [FieldReader]?
    {
        guard let top = FieldReader(document.root, in: document, sink: sink, what: document.path),
            let list = top.list(key, hint: "followed by a list of \(what)s")
        else { return nil }
        return list.compactMap { FieldReader($0, in: document, sink: sink, what: what) }
    }

    private static func loadAreas(_ document: YAMLDocument, sink: DiagnosticSink) -> [Area]? {
        guard let entries = entries("areas", of: document, sink: sink, what: "area") else { return nil }
        var areas: [Area] = []
        for fields in entries {
            fields.rejectUnknownKeys(["id", "name", "note"])
            guard let id = fields.text("id"), let name = fields.text("name"), let note = fields.text("note") else {
                continue
            }
            if areas.contains(where: { $0.id == id }), let node = fields.node("id") {
                fields.error(node, "area id '\(id)' is used twice: area ids must be unique")
            }
            areas.append(Area(id: id, name: name, note: note))
        }
        return areas
    }

    private static func loadSegments(_ document: YAMLDocument, areaIDs: [String], sink: DiagnosticSink) -> [Segment]? {
        guard let entries = entries("segments", of: document, sink: sink, what: "segment") else { return nil }
        var segments: [Segment] = []
        for fields in entries {
            fields.rejectUnknownKeys(["id", "name", "area"])
            guard let id = fields.text("id"), let name = fields.text("name") else { continue }
            let area = fields.optionalText("area")
            if let area, !areaIDs.isEmpty, !areaIDs.contains(area), let node = fields.node("area") {
                fields.error(node, "unknown area '\(area)': use one of \(areaIDs.joined(separator: ", ")) or null")
            }
            if segments.contains(where: { $0.id == id || $0.name == name }), let node = fields.node("name") {
                fields.error(node, "segment '\(name)' (\(id)) is listed twice: keep one")
            }
            segments.append(Segment(id: id, name: name, area: area))
        }
        return segments
    }

    private static func loadTiers(
        _ document: YAMLDocument, areaIDs: [String], maturityLevels: Int, sink: DiagnosticSink
    ) -> [Tier]? {
        guard let entries = entries("tiers", of: document, sink: sink, what: "tier") else { return nil }
        var tiers: [Tier] = []
        for fields in entries {
            fields.rejectUnknownKeys([
                "id", "name", "min_scenarios", "required_areas", "min_maturity", "intro", "areas",
            ])
            guard let idText = fields.text("id", hint: "<a key for URLs, e.g. basic>") else { continue }
            if let node = fields.node("id") {
                if !idText.isURLKey {
                    fields.error(node, "a tier id is used in URLs: use lower-case letters, digits and '-', as basic")
                    continue
                }
                if tiers.contains(where: { $0.id.rawValue == idText }) {
                    fields.error(node, "tier id '\(idText)' is used twice: each tier needs its own id")
                    continue
                }
            }
            // Tiers are listed lowest first: the order is the tiers' rank.
            let id = TierID(idText, index: tiers.count)
            func knownArea(_ node: Node) -> String? {
                guard let area = fields.textValue(node, key: "area") else { return nil }
                if !areaIDs.isEmpty, !areaIDs.contains(area) {
                    fields.error(node, "unknown area '\(area)': use one of \(areaIDs.joined(separator: ", "))")
                }
                return area
            }
            let required = fields.list("required_areas", hint: "[production, …]")?.compactMap(knownArea)
            var areaTexts: [AreaText] = []
            for entry in fields.list("areas", hint: "followed by the five area texts") ?? [] {
                guard let text = FieldReader(entry, in: document, sink: sink, what: "tier area text") else { continue }
                text.rejectUnknownKeys(["area", "label", "text"])
                if let areaNode = text.required("area", hint: "<area id>"), let area = knownArea(areaNode),
                    let label = text.text("label"), let body = text.text("text")
                {
                    areaTexts.append(AreaText(area: area, label: label, text: body))
                }
            }
            guard let name = fields.text("name"), let minimum = fields.int("min_scenarios", in: 1...999),
                let intro = fields.text("intro"), let required
            else { continue }
            tiers.append(
                Tier(
                    id: id, name: name, minScenarios: minimum, requiredAreas: required,
                    minMaturity: fields.optionalInt("min_maturity", in: 1...maturityLevels), intro: intro,
                    areaTexts: areaTexts))
        }
        if entries.isEmpty, let top = FieldReader(document.root, in: document, sink: sink, what: document.path) {
            sink.report(top.location, "tiers.yaml lists no tier: list the tiers, lowest first")
            return nil
        }
        // A tier that failed to load is already reported, and later tiers would be
        // numbered wrongly without it.
        return tiers.count == entries.count ? tiers : nil
    }

    private static func loadRequirements(_ document: YAMLDocument, sink: DiagnosticSink) -> (
        intro: String, title: String, items: [String]
    )? {
        guard let fields = FieldReader(document.root, in: document, sink: sink, what: document.path) else { return nil }
        fields.rejectUnknownKeys(["intro", "title", "requirements"])
        let items = fields.list("requirements", hint: "followed by the items of the basic requirements")?.compactMap {
            fields.textValue($0, key: "requirements")
        }
        guard let intro = fields.text("intro"), let title = fields.text("title"), let items else { return nil }
        return (intro, title, items)
    }

    private static func loadTargets(_ document: YAMLDocument, tiers: [TierID], sink: DiagnosticSink) -> Targets? {
        guard let fields = FieldReader(document.root, in: document, sink: sink, what: document.path),
            let entries = entries("targets", of: document, sink: sink, what: "target")
        else { return nil }
        fields.rejectUnknownKeys(["goal", "year", "targets"])
        var targets: [TierTarget] = []
        for entry in entries {
            entry.rejectUnknownKeys(["tier", "heading", "task", "figure", "figure_label", "count", "per_year"])
            guard let tierText = entry.text("tier") else { continue }
            guard let tier = tiers.first(where: { $0.rawValue == tierText }) else {
                if !tiers.isEmpty, let node = entry.node("tier") {
                    entry.error(
                        node,
                        "unknown tier '\(tierText)': use one of tiers.yaml ("
                            + "\(tiers.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                continue
            }
            guard let heading = entry.text("heading"), let task = entry.text("task"),
                let figure = entry.text("figure"), let label = entry.text("figure_label")
            else { continue }
            var perYear = false
            if let node = entry.node("per_year") {
                if let flag = node.bool {
                    perYear = flag
                } else {
                    entry.error(node, "'per_year' must be true or false: write true or false")
                }
            }
            targets.append(
                TierTarget(
                    tier: tier, heading: heading, task: task, figure: figure, figureLabel: label,
                    count: entry.optionalInt("count", in: 1...1_000_000), perYear: perYear))
        }
        guard let goal = fields.text("goal"),
            let year = fields.int("year", in: 2000...2100, hint: "<the year the targets are for, e.g. 2027>")
        else { return nil }
        return Targets(goal: goal, year: year, perTier: targets)
    }
}

extension FrameworkLoader {
    static func loadRegions(_ document: YAMLDocument, sink: DiagnosticSink) -> [Region]? {
        guard let entries = entries("regions", of: document, sink: sink, what: "region") else { return nil }
        return entries.compactMap { fields in
            fields.rejectUnknownKeys(["name", "code", "group"])
            guard let name = fields.text("name"), let code = fields.text("code"), let group = fields.text("group")
            else { return nil }
            return Region(name: name, code: code, group: group)
        }
    }

    /// regions.yaml `parts`: each part's id in URLs (`蒙东: east`).
    static func loadPartSlugs(_ document: YAMLDocument, sink: DiagnosticSink) -> [String: String] {
        guard let parts = document.root.mapping?["parts"] else { return [:] }
        guard let mapping = parts.mapping else {
            sink.report(
                document.location(of: parts),
                "'parts' must be `name: id` lines, a part's name (a region's group) and its id, as `<name>: east`")
            return [:]
        }
        var slugs: [String: String] = [:]
        for (name, slug) in mapping {
            guard let name = name.string, let id = slug.string, !id.isEmpty,
                id.isURLKey
            else {
                sink.report(
                    document.location(of: slug), "a part's id must be lower-case letters, digits and '-', as `east`")
                continue
            }
            slugs[name] = id
        }
        return slugs
    }

    static func loadSectors(_ document: YAMLDocument, sink: DiagnosticSink) -> [Sector]? {
        guard let entries = entries("sectors", of: document, sink: sink, what: "sector") else { return nil }
        var seen: Set<String> = []
        return entries.compactMap { fields in
            fields.rejectUnknownKeys(["name", "industries"])
            guard let name = fields.text("name"), let list = fields.list("industries", hint: "[<industry>, …]") else {
                return nil
            }
            let industries = list.compactMap { node -> String? in
                guard let industry = fields.textValue(node, key: "industries") else { return nil }
                if !seen.insert(industry).inserted {
                    fields.error(node, "industry '\(industry)' is in two sectors: keep it in one")
                }
                return industry
            }
            return Sector(name: name, industries: industries)
        }
    }

    static func loadBands(_ document: YAMLDocument, sink: DiagnosticSink) -> [InvestmentBand]? {
        guard let entries = entries("investment_bands", of: document, sink: sink, what: "investment band") else {
            return nil
        }
        var bands: [InvestmentBand] = []
        for fields in entries {
            fields.rejectUnknownKeys(["from", "to", "label"])
            guard let from = fields.number("from"), let label = fields.text("label") else { continue }
            let to = fields.has("to") ? fields.number("to") : nil
            if let previous = bands.last, previous.to != from, let node = fields.node("from") {
                fields.error(node, "bands must follow each other: this one must start where the previous one ends")
            }
            if bands.isEmpty, from != 0, let node = fields.node("from") {
                fields.error(node, "the first band must start at 0: every amount (0 or more) must fall in a band")
            }
            bands.append(InvestmentBand(from: from, to: to, label: label))
        }
        // Every amount 0 or more falls in exactly one band: the last has no upper bound.
        if entries.isEmpty, let top = FieldReader(document.root, in: document, sink: sink, what: document.path) {
            sink.report(top.location, "'investment_bands' is empty: list the bands amounts are published in, from 0 up")
            return nil
        }
        if let last = bands.last, last.to != nil,
            let top = FieldReader(document.root, in: document, sink: sink, what: document.path)
        {
            sink.report(top.location, "the last band must have no 'to': amounts above it would fall in no band")
            return nil
        }
        return bands
    }
}
