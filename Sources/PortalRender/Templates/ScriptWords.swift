import Foundation
import PortalModel

/// The words of the scripts in Templates/assets/: a script reads them from the page with
/// `PortalWords("<file>_js")` (its own section of the strings file, `self-check.js` →
/// `self_check_js`, which its template writes with `{{{words.self_check_js}}}`) and shows
/// one with `say("key", {placeholder: value})`. Checked when the templates load, as the
/// templates' own words are: a section or key the strings file lacks is an error at the
/// call, and a key no script shows counts as unused.
public enum ScriptWords {
    /// The section of a script's words: its file name, `-` as `_`, then `_js`.
    public static func section(of file: String) -> String {
        String((file as NSString).deletingPathExtension).replacingOccurrences(of: "-", with: "_") + "_js"
    }

    /// The keys the scripts show (`section.key`), or their problems.
    public static func check(assets directory: String, text: UIText) -> (keys: Set<String>, problems: [Diagnostic]) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter {
            $0.hasSuffix(".js")
        }.sorted()
        var keys: Set<String> = []
        var problems: [Diagnostic] = []
        for file in files {
            let path = directory + "/" + file
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let found = check(source, section: section(of: file), path: path, text: text)
            keys.formUnion(found.keys)
            problems += found.problems
        }
        return (keys, problems)
    }

    // `PortalWords("section")` and `say("key"`, and a `say(` given anything but a literal.
    nonisolated(unsafe) private static let sectionCall = /PortalWords\(\s*"([^"]*)"\s*\)/
    nonisolated(unsafe) private static let sayCall = /\bsay\(\s*(?:"([^"]*)")?/

    static func check(_ source: String, section: String, path: String, text: UIText) -> (
        keys: Set<String>, problems: [Diagnostic]
    ) {
        let calls = source.matches(of: sectionCall)
        guard !calls.isEmpty else { return ([], []) }
        var keys: Set<String> = []
        var problems: [Diagnostic] = []
        func report(_ index: String.Index, _ message: String) {
            let location = Self.location(of: index, in: source)
            problems.append(Diagnostic(path: path, line: location.line, column: location.column, message))
        }
        for call in calls where String(call.1) != section {
            report(
                call.range.lowerBound,
                "a script reads its own words: write PortalWords(\"\(section)\") (the section named after the file)")
        }
        let known = Set(text.sections.first { $0.name == section }?.keys ?? [])
        if known.isEmpty, let first = calls.first {
            report(
                first.range.lowerBound,
                "the strings file has no section '\(section)': add it (the words this script shows) to "
                    + "\(UIText.fileName)"
            )
        }
        for call in source.matches(of: sayCall) {
            guard let key = call.1.map(String.init) else {
                report(
                    call.range.lowerBound,
                    "say() takes the key as a literal, as say(\"key\"): the check must see which words a script shows")
                continue
            }
            if known.contains(section + "." + key) {
                keys.insert(section + "." + key)
            } else if !known.isEmpty {
                report(
                    call.range.lowerBound,
                    "the strings file has no text '\(section).\(key)': add `\(key): <text>` to its section "
                        + "'\(section)' or correct the key"
                )
            }
        }
        return (keys, problems)
    }

    /// Line and column (in characters), both from 1.
    static func location(of index: String.Index, in source: String) -> (line: Int, column: Int) {
        let before = source[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { source.index(after: $0) } ?? source.startIndex
        return (line, source[lineStart..<index].count + 1)
    }
}
