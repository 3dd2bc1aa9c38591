import PortalModel

/// Content/indicators/NN-<slug>.md → Indicator.
enum IndicatorLoader {
    static let levelCount = 6

    static func load(_ file: ContentFile, sink: DiagnosticSink) -> Indicator? {
        guard let (document, body) = file.frontMatter(sink: sink),
            let fields = FieldReader(document.root, in: document, sink: sink, what: "the indicator's front matter")
        else { return nil }
        fields.rejectUnknownKeys(["no", "group", "name", "description", "levels", "question", "unit", "not_applicable"])
        let no = fields.int("no", in: 1...99, hint: "<indicator number>")
        let group = fields.text("group", hint: "<the first-level indicator it belongs to>")
        let name = fields.text("name")
        let description = fields.text("description")
        let question = fields.optionalText("question")
        let unit = fields.optionalText("unit")
        let notApplicable = fields.optionalText("not_applicable")
        var levels: [String] = []
        // An indicator is either graded in six levels or answered with an amount (indicator 7).
        if question == nil || fields.has("levels") {
            let nodes =
                fields.list("levels", hint: "followed by six lines `- <level text>` (or give a `question`)") ?? []
            levels = nodes.compactMap { fields.textValue($0, key: "levels") }
            if let list = fields.node("levels"), nodes.count != levelCount {
                fields.error(list, "'levels' has \(nodes.count) entries; an indicator has exactly \(levelCount) levels")
            }
        }
        if question != nil, !levels.isEmpty, let node = fields.node("question") {
            fields.error(node, "an indicator has either 'levels' or a 'question', not both: remove one")
        }
        if let no, let expected = file.numberPrefix, expected != no, let node = fields.node("no") {
            fields.error(
                node,
                "'no' is \(no) but the file name starts with \(twoDigits(expected)): rename the file or correct the "
                    + "number"
            )
        }
        guard let no, let group, let name, let description, question != nil || levels.count == levelCount else {
            return nil
        }
        return Indicator(
            no: no, group: group, name: name, description: description, levels: levels,
            question: question, unit: unit, notApplicable: notApplicable, notes: body.text,
            source: SourceFile(path: file.path, idLine: fields.line(of: "no"), bodyLine: body.line))
    }
}
