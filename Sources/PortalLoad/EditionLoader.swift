import Foundation
import PortalModel
import Yams

/// edition.yaml → Edition: the edition's id, its dates, what it replaces and the crosswalk
/// from the edition it replaces (see Edition.swift).
enum EditionLoader {
    static let fileName = "edition.yaml"

    static func load(_ file: ContentFile, sink: DiagnosticSink) -> Edition? {
        guard let document = file.yaml(sink: sink),
            let fields = FieldReader(document.root, in: document, sink: sink, what: fileName)
        else { return nil }
        fields.rejectUnknownKeys(["id", "title", "published", "effective", "supersedes", "crosswalk"])
        let id = fields.text("id", hint: "<the edition's year, as in its address: 2025>")
        // Without one, the title is site.yaml's `edition` (filled in by the content loader).
        let title: String? = fields.has("title") ? fields.text("title") : ""
        let published = date(fields, "published")
        let effective = date(fields, "effective")
        if let effective, let published, !effective.isEmpty, !published.isEmpty, effective < published {
            fields.error(
                fields.node("effective") ?? fields.node,
                "'effective' (\(effective)) is before 'published' (\(published)): an edition takes effect on or after "
                    + "the day it is published")
        }
        let supersedes = (fields.has("supersedes") ? fields.list("supersedes", hint: "[2025]") : [])?.compactMap {
            fields.textValue($0, key: "supersedes")
        }
        let crosswalk = (fields.has("crosswalk") ? fields.list("crosswalk", hint: "<entries>") : [])?.compactMap {
            entry($0, document: document, sink: sink)
        }
        if let id, !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            fields.error(
                fields.node("id") ?? fields.node,
                "'id' is part of addresses (/editions/\(id)/): use letters, digits and '-', such as 2025")
        }
        guard let id, let title, let published, let effective, let supersedes, let crosswalk else { return nil }
        return Edition(
            id: id, title: title, published: published, effective: effective, supersedes: supersedes,
            crosswalk: crosswalk, source: SourceFile(path: file.path, idLine: fields.line(of: "id")))
    }

    /// An ISO date (YYYY-MM-DD), which orders as text; "" where the key is absent (the
    /// source does not state it).
    private static func date(_ fields: FieldReader, _ key: String) -> String? {
        guard let value = fields.node(key), !value.isNull else { return "" }
        let text = value.string ?? ""
        guard text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil else {
            fields.error(value, "'\(key)' must be a date written YYYY-MM-DD, such as 2025-03-01")
            return nil
        }
        return text
    }

    /// `- {item: scenario, kind: moved, from: ["12"], to: ["14"], reason: …}`.
    private static func entry(_ node: Node, document: YAMLDocument, sink: DiagnosticSink) -> CrosswalkEntry? {
        guard let fields = FieldReader(node, in: document, sink: sink, what: "crosswalk entry") else { return nil }
        fields.rejectUnknownKeys(["item", "kind", "from", "to", "reason"])
        let item = choice(fields, "item", CrosswalkEntry.Item.self)
        let kind = choice(fields, "kind", CrosswalkEntry.Kind.self)
        let from = codes(fields, "from")
        let to = fields.has("to") ? codes(fields, "to") : []
        guard let item, let kind, let from, let to else { return nil }
        let location = document.location(of: node)
        return CrosswalkEntry(
            item: item, kind: kind, from: from, to: to, reason: fields.optionalText("reason"), line: location.line,
            column: location.column)
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ fields: FieldReader, _ key: String, _: T.Type)
        -> T?
    where T.RawValue == String {
        let names = T.allCases.map(\.rawValue).joined(separator: ", ")
        guard let text = fields.text(key, hint: "<one of \(names)>") else { return nil }
        guard let value = T(rawValue: text) else {
            fields.error(fields.node(key) ?? fields.node, "'\(key)' is '\(text)': use one of \(names)")
            return nil
        }
        return value
    }

    /// Codes as the addresses write them ("07"): a number is written with two digits.
    private static func codes(_ fields: FieldReader, _ key: String) -> [String]? {
        guard let list = fields.list(key, hint: "[\"07\"]") else { return nil }
        return list.map { node in
            let text = node.string ?? ""
            return Int(text).map { twoDigits($0) } ?? text
        }
    }
}
