import Foundation
import PortalModel
import Yams

/// Templates/strings.zh-CN.yaml → UIText. Sections of `key: text`; every `TextKey` must
/// be there, no other key may be, and a text may use only its key's placeholders.
public enum UITextLoader {
    public static let fileName = "strings.zh-CN.yaml"

    public static func load(templates directory: String, files: FileSource = DiskFileSource()) throws(DiagnosticList) -> UIText {
        let sink = DiagnosticSink()
        guard let file = ContentFile.read(fileName, in: directory, from: files, sink: sink),
              let document = file.yaml(sink: sink) else { throw DiagnosticList(sink.diagnostics) }
        guard let sections = document.root.mapping else {
            throw DiagnosticList([Diagnostic(document.location(of: document.root),
                                             "the strings file must be sections of `key: text` lines: see the comment at its top")])
        }
        var texts: [TextKey: String] = [:]
        var seen: Set<TextKey> = []
        for (sectionKey, section) in sections {
            guard let name = sectionKey.string, let entries = section.mapping else {
                sink.report(document.location(of: sectionKey), "'\(sectionKey.string ?? "")' must be a section of `key: text` lines, indented below it")
                continue
            }
            for (key, value) in entries {
                let path = name + "." + (key.string ?? "")
                guard let textKey = TextKey(rawValue: path) else {
                    sink.report(document.location(of: key), "unknown text key '\(path)': the generator does not use it; remove it or correct its name")
                    continue
                }
                seen.insert(textKey)
                guard let text = value.scalar?.string, !text.trimmingWhitespace.isEmpty else {
                    sink.report(document.location(of: value), "'\(path)' must be a non-empty text")
                    continue
                }
                let unknown = UIText.placeholders(in: text).map(String.init).filter { !textKey.placeholders.contains($0) }
                if !unknown.isEmpty {
                    let offered = textKey.placeholders.sorted().map { "{\($0)}" }
                    sink.report(document.location(of: value),
                                "'\(path)' uses {\(unknown.joined(separator: "}, {"))}, which it is not given: use " + (offered.isEmpty ? "no placeholders" : offered.joined(separator: ", ")))
                    continue
                }
                texts[textKey] = text
            }
        }
        for key in TextKey.allCases where !seen.contains(key) {
            let section = String(key.rawValue.prefix { $0 != "." })
            let anchor = sections.first { $0.key.string == section }.map { document.location(of: $0.key) }
                ?? SourceLocation(path: file.path, line: 1, column: 1)
            sink.report(anchor, "missing text '\(key.rawValue)': add `\(key.rawValue.dropFirst(section.count + 1)): <text>` to the section '\(section)'")
        }
        if !sink.diagnostics.isEmpty { throw DiagnosticList(sink.diagnostics) }
        return UIText(texts)
    }
}
