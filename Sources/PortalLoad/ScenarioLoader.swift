import PortalModel

/// Content/scenarios/NN-<slug>.md → Scenario.
enum ScenarioLoader {
    /// `segments` and `tiers`: what the framework allows (nil when it failed to load).
    static func load(_ file: ContentFile, segments: [String]?, tiers tierIDs: [TierID]?, sink: DiagnosticSink)
        -> Scenario?
    {
        guard let (document, body) = file.frontMatter(sink: sink),
            let fields = FieldReader(document.root, in: document, sink: sink, what: "the scenario's front matter")
        else { return nil }
        fields.rejectUnknownKeys(["no", "name", "segment", "tiers"])
        let no = fields.int("no", in: 1...99_999, hint: "<scenario number>")
        let name = fields.text("name", hint: "<scenario name>")
        let segment = fields.text("segment", hint: "<a segment of framework/segments.yaml>")
        var tiers: [TierID: String?] = [:]
        let allTiers = tierIDs ?? []
        if let tierFields = fields.fields(
            "tiers", hint: "followed by one line per tier of framework/tiers.yaml", what: "'tiers'"), tierIDs != nil
        {
            tierFields.rejectUnknownKeys(allTiers.map(\.rawValue))
            for tier in allTiers {
                // A missing key is an error, not "/": it catches a tier left out by mistake.
                if let text = tierFields.nullableText(
                    tier.rawValue,
                    advice: "`\(tier.rawValue): <text>`, or `\(tier.rawValue): null` where the source prints \"/\"")
                {
                    tiers[tier] = text
                }
            }
        }
        if let segment, let segments, !segments.contains(segment), let node = fields.node("segment") {
            fields.error(
                node,
                "unknown segment '\(segment)': use one of framework/segments.yaml (\(segments.joined(separator: ", ")))"
            )
        }
        if let no, let expected = file.numberPrefix, expected != no, let node = fields.node("no") {
            fields.error(
                node,
                "'no' is \(no) but the file name starts with \(twoDigits(expected)): rename the file or correct the "
                    + "number"
            )
        }
        guard let no, let name, let segment, tierIDs != nil, tiers.count == allTiers.count else { return nil }
        return Scenario(
            no: no, name: name, segment: segment, tiers: tiers, notes: body.text,
            source: SourceFile(path: file.path, idLine: fields.line(of: "no"), bodyLine: body.line))
    }
}
