import Foundation
import PortalModel
import PortalSite
import PortalTestSupport
@testable import PortalRender
import Testing

/// The rules of the code's layout that a compiler does not check: the site's words live
/// in the strings file (not in Swift, templates or scripts), and every kind of page in
/// the catalogue has its template.
@Suite struct ArchitectureTests {
    static let sources = SiteBuild.repository + "/Sources"

    /// Code lines (not comments) of every file ending in `suffix` under `folder`, by path:
    /// block comments (/* … */) blanked, lines starting with // dropped and a trailing
    /// " // …" cut off.
    static func codeLines(in folder: String = sources, suffix: String = ".swift") throws -> [(
        path: String, line: Int, text: String
    )] {
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(suffix)
        }.sorted()
        return try files.flatMap { file -> [(String, Int, String)] in
            let text = withoutBlockComments(try String(contentsOfFile: folder + "/" + file, encoding: .utf8))
            return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap {
                index, line in
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { return nil }
                let code = line.range(of: " // ").map { String(line[..<$0.lowerBound]) } ?? String(line)
                return (file, index + 1, code)
            }
        }
    }

    /// `text` with every /* … */ replaced by its line ends, so line numbers stay.
    static func withoutBlockComments(_ text: String) -> String {
        var result = "", rest = Substring(text)
        while let open = rest.range(of: "/*") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "*/") else { rest = ""; break }
            result += String(
                repeating: "\n", count: rest[open.lowerBound..<close.upperBound].filter { $0 == "\n" }.count)
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    static func hasChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
                || "“”".unicodeScalars.contains($0)
        }
    }

    /// Chinese in code is text a reader sees (or an input format a reader writes), and
    /// belongs in Templates/strings.zh-CN.yaml or Content/. Only synthetic data
    /// (PortalSynth) makes Chinese names, on purpose.
    @Test func noChineseTextInCode() throws {
        let allowed = ["PortalSynth/"]
        let chinese = try Self.codeLines().filter { line in
            !allowed.contains { line.path.hasPrefix($0) } && Self.hasChinese(line.text)
        }
        #expect(chinese.isEmpty, "\(chinese.map { "\($0.path):\($0.line): \($0.text)" }.joined(separator: "\n"))")
    }

    /// The browser scripts hold logic only: the words they show come from the page (their
    /// section of the strings file, written by their template, read with site.js's
    /// PortalWords).
    @Test func noChineseTextInScripts() throws {
        let chinese = try Self.codeLines(in: SiteBuild.repository + "/Templates/assets", suffix: ".js").filter {
            Self.hasChinese($0.text)
        }
        #expect(chinese.isEmpty, "\(chinese.map { "\($0.path):\($0.line): \($0.text)" }.joined(separator: "\n"))")
    }

    /// Templates hold markup: every word a page shows is read from the strings file
    /// (`{{words.section.key}}`), so none is written in a template outside a comment.
    @Test func noChineseTextInTemplates() throws {
        let folder = SiteBuild.repository + "/Templates"
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            $0.hasSuffix(".mustache")
        }.sorted()
        #expect(files.count > 30)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let markup = text.replacing(
                /\{\{!.*?\}\}/.dotMatchesNewlines(),
                with: { match in String(repeating: "\n", count: match.output.filter { $0 == "\n" }.count) })
            for (index, line) in markup.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where Self.hasChinese(String(line)) {
                found.append("\(file):\(index + 1): \(line)")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func everyKindOfPageHasItsTemplateAndAPlaceOfItsOwn() throws {
        let templates = try TemplateSet.load(from: SiteBuild.repository + "/Templates")
        for kind in PageKind.allCases {
            #expect(templates.names.contains("pages/" + kind.entry.template), "\(kind)")
        }
        // A kind that keeps another's addresses (an item the latest edition no longer has)
        // takes that kind's route; every other kind has one of its own.
        let own = PageKind.allCases.filter { $0.entry.keepsAddressOf == nil }.map(\.entry.route)
        #expect(Set(own).count == own.count)
        for kind in PageKind.allCases {
            if let other = kind.entry.keepsAddressOf { #expect(kind.entry.route == other.entry.route) }
        }
        #expect(
            PageKind.reservedSlugs.isSuperset(of: [
                "tiers", "scenarios", "indicators", "matrix", "compare", "self-check", "search", "data", "outcomes",
                "assets",
            ]))
        #expect(PageKind.searchKinds(withOutcomes: false).count == 4)
        #expect(PageKind.searchKinds(withOutcomes: true).count == 5)
    }

    /// The catalogue is the only list of pages and files: the real site (with its
    /// outcomes) has a page of every kind and every file, and nothing that is neither.
    @Test func everyKindAndFileOfTheCatalogueIsPublishedAndNothingElse() throws {
        let site = SiteBuild.shared
        let files = Set(SiteBuild.snapshot(site).keys)
        func pattern(_ route: String) throws -> Regex<AnyRegexOutput> {
            let path = route.hasSuffix("/") || route.isEmpty ? route + "index.html" : route
            return try Regex(
                "^" + path.replacing(/\{[a-z]+\}/, with: "[^/]+").replacingOccurrences(of: ".", with: "\\.") + "$")
        }
        // (A site of one edition has no change page: EditionsTests builds one of three.)
        for kind in PageKind.allCases where kind != .changes {
            let regex = try pattern(kind.entry.route)
            #expect(files.contains { $0.wholeMatch(of: regex) != nil }, "no page of the kind \(kind) was published")
        }
        for file in SiteFile.allCases where file != .searchIndex {
            #expect(files.contains(file.entry.path), "\(file.entry.path) was not published")
        }
        // Every edition's own folder repeats the kinds and files the catalogue marks.
        let edition = "editions/[^/]+/"
        let pages =
            try PageKind.allCases.map { try pattern($0.entry.route) }
            + PageKind.allCases.filter(\.entry.perEdition).map { try pattern(edition + $0.entry.route) }
        let perEditionFiles = try SiteFile.allCases.filter(\.entry.perEdition).map {
            try Regex("^" + edition + $0.entry.path.replacingOccurrences(of: ".", with: "\\.") + "$")
        }
        #expect(files.contains { $0.hasPrefix("editions/2025/scenarios/07/") })
        let known = Set(SiteFile.allCases.map(\.entry.path))
        let other = files.filter { file in
            !file.hasPrefix(".") && !known.contains(file) && !file.hasPrefix(SiteFile.assetsFolder)
                && !file.hasPrefix(SiteFile.searchIndex.entry.path)
                && !pages.contains { file.wholeMatch(of: $0) != nil }
                && !perEditionFiles.contains { file.wholeMatch(of: $0) != nil }
        }
        #expect(other.isEmpty, "published outside the catalogue: \(other.sorted())")
    }
}

/// A text of the strings file that no template, script or page of the generator reads is
/// a warning at its line (the site is still built); the real file has none.
@Suite struct UnreadTextTests {
    @Test func anUnreadTextIsAWarningAtItsLine() throws {
        let templates = Scratch.folder("portal-unread") + "/Templates"
        try FileManager.default.copyItem(atPath: SiteBuild.repository + "/Templates", toPath: templates)
        let strings = templates + "/" + UIText.fileName
        let text = try String(contentsOfFile: strings, encoding: .utf8)
        try text.replacingOccurrences(of: "  skip_link: 跳到正文\n", with: "  skip_link: 跳到正文\n  skip_lnk: 跳到正文\n")
            .write(toFile: strings, atomically: true, encoding: .utf8)
        let line =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  skip_link: 跳到正文" }! + 2
        let output = SiteBuild.temporaryDirectory()
        let report = try Pipeline.build(
            BuildOptions(content: SiteBuild.repository + "/Content", templates: templates, output: output, search: .off)
        )
        #expect(
            report.locatedWarnings.map(\.warningDescription)
                == [
                    "\(strings):\(line):3: warning: no template, script or page reads the text 'layout.skip_lnk': "
                        + "remove it, or write it where it belongs"
                ])
        let real = try Pipeline.build(
            BuildOptions(
                content: SiteBuild.repository + "/Content", templates: SiteBuild.repository + "/Templates",
                output: SiteBuild.temporaryDirectory(), search: .off))
        #expect(real.locatedWarnings.isEmpty, "\(real.locatedWarnings)")
    }
}
