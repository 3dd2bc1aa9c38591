import Foundation
import PortalModel
import Yams

/// Templates/strings.zh-CN.yaml → UIText. Sections of `key: text`; every `TextKey` must
/// be there and use only the placeholders the generator fills. Other keys are the
/// templates' and scripts' (checked against them when they load).
public enum UITextLoader {
    public static let fileName = UIText.fileName

    public static func load(templates directory: String, files: FileSource = DiskFileSource()) throws(DiagnosticList)
        -> UIText
    {
        let sink = DiagnosticSink()
        guard let file = ContentFile.read(fileName, in: directory, from: files, sink: sink),
            let document = file.yaml(sink: sink)
        else { throw DiagnosticList(sink.diagnostics) }
        guard let sections = document.root.mapping else {
            throw DiagnosticList([
                Diagnostic(
                    document.location(of: document.root),
                    "the strings file must be sections of `key: text` lines: see the comment at its top")
            ])
        }
        var texts: [(key: String, text: String, location: SourceLocation)] = []
        var seen: Set<String> = []
        for (sectionKey, section) in sections {
            guard let name = sectionKey.string, let entries = section.mapping else {
                sink.report(
                    document.location(of: sectionKey),
                    "'\(sectionKey.string ?? "")' must be a section of `key: text` lines, indented below it")
                continue
            }
            if !isName(name) {
                sink.report(
                    document.location(of: sectionKey),
                    "'\(name)' is not a section name: use lower-case letters, digits and _")
            }
            for (key, value) in entries {
                let path = name + "." + (key.string ?? "")
                guard isName(key.string ?? "") else {
                    sink.report(
                        document.location(of: key),
                        "'\(key.string ?? "")' is not a key: use lower-case letters, digits and _")
                    continue
                }
                guard let text = value.scalar?.string, !text.trimmingWhitespace.isEmpty else {
                    sink.report(document.location(of: value), "'\(path)' must be a non-empty text")
                    continue
                }
                seen.insert(path)
                if let textKey = TextKey(rawValue: path) {
                    let unknown = UIText.placeholders(in: text).map(String.init).filter {
                        !textKey.placeholders.contains($0)
                    }
                    if !unknown.isEmpty {
                        let offered = textKey.placeholders.sorted().map { "{\($0)}" }
                        sink.report(
                            document.location(of: value),
                            "'\(path)' uses {\(unknown.joined(separator: "}, {"))}, which it is not given: use "
                                + (offered.isEmpty ? "no placeholders" : offered.joined(separator: ", ")))
                        continue
                    }
                }
                texts.append((path, text, document.location(of: key)))
            }
        }
        for key in TextKey.allCases where !seen.contains(key.rawValue) {
            let section = String(key.rawValue.prefix { $0 != "." })
            let anchor =
                sections.first { $0.key.string == section }.map { document.location(of: $0.key) }
                ?? SourceLocation(path: file.path, line: 1, column: 1)
            sink.report(
                anchor,
                "missing text '\(key.rawValue)': add `\(key.rawValue.dropFirst(section.count + 1)): <text>` to the "
                    + "section '\(section)'"
            )
        }
        if !sink.diagnostics.isEmpty { throw DiagnosticList(sink.diagnostics) }
        return UIText(texts)
    }

    /// A section's or key's name: what templates (`{{words.section.key}}`) and scripts
    /// (`say("key")`) can write.
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
