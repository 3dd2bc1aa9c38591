import Foundation
import PortalModel

/// Stage 1, load: reads Content/ into a validated `Standard`, or throws every problem
/// found as a `DiagnosticList`. Files are read in parallel; results keep file order.
public struct ContentLoader: Sendable {
    public let root: String
    public let files: FileSource
    /// The site's settings, when loading an earlier edition's tree (whose site is the
    /// root's): nil reads root/site.yaml.
    let site: SiteConfig?

    public init(root: String, files: FileSource = DiskFileSource()) {
        self.init(root: root, files: files, site: nil)
    }

    init(root: String, files: FileSource, site: SiteConfig?) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        self.files = files
        self.site = site
    }

    public func load() throws(DiagnosticList) -> Standard {
        let sink = DiagnosticSink()
        guard files.exists(root) else {
            throw DiagnosticList([
                Diagnostic(
                    path: root, line: 1, column: 1,
                    "content folder not found: pass the folder holding site.yaml, framework/, scenarios/ and "
                        + "indicators/ with --content"
                )
            ])
        }
        let site =
            self.site
            ?? ContentFile.read("site.yaml", in: root, from: files, sink: sink).flatMap {
                SiteConfigLoader.load($0, sink: sink)
            }
        let framework = FrameworkLoader.load(directory: root + "/framework", from: files, sink: sink)
        let segments = framework?.segments.map(\.name)
        let tierIDs = framework?.tierIDs
        let (scenarios, allScenarios) = loadAll("scenarios", kind: "scenario", sink: sink) {
            ScenarioLoader.load($0, segments: segments, tiers: tierIDs, sink: $1)
        }
        let (indicators, allIndicators) = loadAll("indicators", kind: "indicator", sink: sink, IndicatorLoader.load)
        let (pages, _) = loadAll("pages", kind: "page", sink: sink, PageLoader.load)
        let method =
            files.exists(root + "/outcomes/method.md")
            ? ContentFile.read("method.md", in: root + "/outcomes", from: files, sink: sink).flatMap {
                PageLoader.load($0, sink: sink, slug: String(PageKind.method.path().dropLast()))
            }
            : nil

        // Numbering is judged only when every file loaded: a broken file is not a gap.
        let validator = Validator(sink: sink)
        if allScenarios {
            validator.checkNumbering(scenarios.map(\.source), numbers: scenarios.map(\.no), kind: "scenario")
        }
        if allIndicators {
            validator.checkNumbering(indicators.map(\.source), numbers: indicators.map(\.no), kind: "indicator")
        }
        validator.check(scenarios: scenarios)
        if let framework { validator.check(framework: framework, path: root + "/framework/tiers.yaml") }
        let diagnostics = sink.diagnostics
        guard diagnostics.isEmpty, let site, let framework else { throw DiagnosticList(diagnostics) }
        return Standard(
            site: site, framework: framework,
            scenarios: scenarios.sorted { $0.no < $1.no },
            indicators: indicators.sorted { $0.no < $1.no },
            pages: pages.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }, method: method)
    }

    /// Every edition: `current` (this tree's standard) with its edition.yaml, and each
    /// earlier one under editions/<id>/, a tree of the same layout (its own edition.yaml,
    /// the root's site.yaml). Oldest first by 实施日期; the current one must be the latest.
    public func loadEditions(current: Standard) throws(DiagnosticList) -> EditionSet {
        let sink = DiagnosticSink()
        let currentEdition =
            files.exists(root + "/" + EditionLoader.fileName)
            ? ContentFile.read(EditionLoader.fileName, in: root, from: files, sink: sink).flatMap {
                EditionLoader.load($0, sink: sink)
            }
            : Edition.standIn(for: current.site)
        var earlier: [EditionContent] = []
        let folder = root + "/" + Self.editionsFolder
        for id in ((try? files.directories(in: folder)) ?? []).sorted() {
            let tree = folder + "/" + id
            guard
                var edition = ContentFile.read(EditionLoader.fileName, in: tree, from: files, sink: sink).flatMap({
                    EditionLoader.load($0, sink: sink)
                })
            else { continue }
            if edition.title.isEmpty { edition.title = id }
            if edition.id != id {
                sink.report(
                    SourceLocation(
                        path: tree + "/" + EditionLoader.fileName, line: edition.source?.idLine ?? 1, column: 1),
                    "the edition's id is '\(edition.id)' but its folder is '\(id)': "
                        + "name the folder editions/\(edition.id)/"
                )
            }
            do {
                let standard = try ContentLoader(root: tree, files: files, site: current.site).load()
                earlier.append(EditionContent(edition: edition, standard: standard))
            } catch { error.diagnostics.forEach(sink.report) }
        }
        guard var currentEdition, sink.diagnostics.isEmpty else { throw DiagnosticList(sink.diagnostics) }
        if currentEdition.title.isEmpty { currentEdition.title = current.site.edition }
        let ordered = earlier.sorted { ($0.edition.effective, $0.edition.id) < ($1.edition.effective, $1.edition.id) }
        if let last = ordered.last,
            last.edition.effective > currentEdition.effective || last.edition.id == currentEdition.id
        {
            throw DiagnosticList([
                Diagnostic(
                    path: currentEdition.source?.path ?? root + "/" + EditionLoader.fileName,
                    line: currentEdition.source?.idLine ?? 1, column: 1,
                    "edition \(last.edition.id) under \(Self.editionsFolder)/ is not older than the current one "
                        + "(\(currentEdition.id)): Content/ holds the latest edition; give it a new id and a later "
                        + "'effective' date")
            ])
        }
        return EditionSet(ordered + [EditionContent(edition: currentEdition, standard: current)])
    }

    /// Where the earlier editions' trees are, below the content folder.
    public static let editionsFolder = "editions"

    /// Loads every `.md` file of a folder in parallel, keeping the sorted file order.
    /// Also says whether every file loaded.
    private func loadAll<T: Sendable>(
        _ folder: String, kind: String, sink: DiagnosticSink,
        _ load: @Sendable @escaping (ContentFile, DiagnosticSink) -> T?
    ) -> ([T], Bool) {
        let directory = root + "/" + folder
        let names = ((try? files.files(in: directory)) ?? []).filter { $0.hasSuffix(".md") }
        if names.isEmpty && folder != "pages" {
            sink.report(
                SourceLocation(path: directory, line: 1, column: 1),
                "no \(kind) files found: add \(folder)/NN-<name>.md files")
        }
        let files = self.files
        let loaded = names.parallelMap { name in
            ContentFile.read(name, in: directory, from: files, sink: sink).flatMap { load($0, sink) }
        }.compactMap { $0 }
        return (loaded, loaded.count == names.count)
    }
}
