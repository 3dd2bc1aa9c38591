import Foundation
import PortalDerive
import PortalLoad
import PortalModel
@_exported import class PortalRender.RenderCache
import PortalRender
import PortalWrite

/// Where the record key comes from: `--anon-key-file`, else PORTAL_ANON_KEY.
enum RecordKeySource {
    static let strong = "use at least 128 random bits, e.g. 32 or more hex digits (make site writes one: head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \\n')"

    static func resolve(_ options: BuildOptions) throws(DiagnosticList) -> (key: RecordKey?, reason: String?) {
        func refuse(_ path: String, _ message: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(path: path, line: 1, column: 1, message)])
        }
        if let file = options.keyFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw refuse(file, "cannot read the record key file: check the path given to --anon-key-file")
            }
            guard let key = RecordKey(text) else { throw refuse(file, "the record key is too weak (guessable keys let anyone holding credit codes match the release ledger): \(strong)") }
            return (key, nil)
        }
        if let secret = options.environment["PORTAL_ANON_KEY"], !secret.isEmpty {
            guard let key = RecordKey(secret) else {
                throw refuse("PORTAL_ANON_KEY", "the record key in PORTAL_ANON_KEY is too weak: \(strong)")
            }
            return (key, nil)
        }
        return (nil, "no record key; set PORTAL_ANON_KEY or pass --anon-key-file with a file outside Content/ (make site makes one)")
    }
}

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Overrides site.yaml's base_url.
    public var baseURL: String?
    /// A CSV file or folder of assessments; nil: `<content>/assessments` when it exists.
    public var assessments: String?
    /// A file holding the record key (outside the content folder); else PORTAL_ANON_KEY.
    public var keyFile: String?
    /// The release ledger; nil: `<content>/assessments/releases/`.
    public var releases: String?
    /// Record a release that publishes new figures in the ledger (not while previewing).
    public var recordRelease = true
    public var search: SearchMode
    public var environment: [String: String]
    /// Pages rendered by earlier builds of a long-running process (`portal serve`).
    public var renderCache: RenderCache?
    /// Update the output folder in place, touching only changed files (`portal serve`),
    /// instead of writing a new folder and swapping it in.
    public var updateInPlace = false

    public init(content: String = "Content", templates: String = "Templates", output: String = "Public", baseURL: String? = nil,
                assessments: String? = nil, keyFile: String? = nil, releases: String? = nil, search: SearchMode = .auto,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.search = search
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.assessments = assessments
        self.keyFile = keyFile
        self.releases = releases
        self.environment = environment
    }
}

/// What a build did, for the one-line summary and `--timings`.
public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    /// Things the user should know that are not errors (e.g. why outcomes are not published).
    public var notes: [String]
    public var bytes: Int
    /// Seconds per stage, in pipeline order.
    public var stages: [(name: String, seconds: Double)]
    public var seconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}

/// The pipeline: load → derive → render → write. Nothing reaches the output folder
/// unless every earlier stage succeeded.
public enum Pipeline {
    /// Loads and validates the content only (`portal check`).
    public static func check(content: String, files: FileSource = DiskFileSource()) throws(DiagnosticList) -> Standard {
        try ContentLoader(root: content, files: files).load()
    }

    /// Where the assessments are read from, if anywhere: `--assessments`, else
    /// `<content>/assessments` when it exists.
    static func assessmentsPath(_ options: BuildOptions) -> String? {
        if let path = options.assessments { return path }
        let path = options.content + "/assessments"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The release ledger: `--releases`, else `<content>/assessments/releases/`. It belongs
    /// to the site (what this site published), not to one data file: the next release is
    /// audited against it wherever its CSV comes from.
    static func ledgerPath(_ options: BuildOptions) -> String? {
        if let path = options.releases { return path }
        return assessmentsPath(options) == nil ? nil : options.content + "/assessments/releases"
    }

    public static func build(_ options: BuildOptions) throws(DiagnosticList) -> BuildReport {
        var clock = StageClock()
        let ledgerFolder = ledgerPath(options)
        let writer = SiteWriter(output: options.output, protected: [options.content, options.templates] + [assessmentsPath(options), ledgerFolder].compactMap { $0 })
        // Where the site goes is checked first: an output over an input is the problem to
        // report, not the inputs found inside it.
        try writer.checkOutputIsSafe()
        try InputGuard(content: options.content, templates: options.templates, output: options.output,
                       assessments: assessmentsPath(options), keyFile: options.keyFile, ledger: ledgerFolder).check()
        // Templates are checked with the content, so all input errors show in one run.
        let standard: Standard
        let theme: Theme
        do {
            let (loaded, parsed) = concurrently({ Result { () throws(DiagnosticList) in try check(content: options.content) } },
                                                { Result { () throws(DiagnosticList) in try Theme.load(from: options.templates) } })
            switch (loaded, parsed) {
            case (.success(let loaded), .success(let parsed)):
                standard = loaded
                theme = parsed
            case (.failure(let problems), .success), (.success, .failure(let problems)):
                throw problems
            case (.failure(let content), .failure(let templates)):
                throw DiagnosticList(content.diagnostics + templates.diagnostics)
            }
        }
        let assessments = try loadAssessments(options, standard: standard)
        clock.lap("load")
        var notes: [String] = []
        var outcomes: OutcomeRelease?
        if let assessments, let ledgerFolder {
            let key = try RecordKeySource.resolve(options)
            if let key = key.key {
                let ledger = try ReleaseLedgerLoader.load(ledgerFolder)
                try checkLedgerKeepsUp(ledger, output: options.output)
                outcomes = try OutcomeRelease.make(set: assessments, standard: standard, text: theme.text, key: key, ledger: ledger)
                notes += outcomeNotes(outcomes, assessments: assessments.records.count, k: standard.site.kAnonymity)
                // Disclosure control (grouping, suppression, the LP audit) on its own line.
                clock.lap("protect")
            } else if let why = key.reason {
                notes.append("outcomes not published: \(why); they need the key to audit this release against earlier ones")
            }
        }
        let plan = SitePlanner(standard: standard, text: theme.text, baseURL: options.baseURL.map(normaliseBaseURL), outcomes: outcomes).plan()
        clock.lap("derive")
        let files: [RenderedFile]
        do {
            files = try SiteRenderer(templates: theme.templates, assetsDirectory: options.templates + "/assets").render(plan, cache: options.renderCache)
        } catch {
            throw DiagnosticList([Diagnostic(path: options.templates, line: 1, column: 1, "rendering failed: \(error)")])
        }
        clock.lap("render")
        // The search index is built inside the staging folder, before the swap, so the
        // published site never has pages without their index.
        var indexer: SearchIndexer?
        switch options.search {
        case .off: break
        case .auto, .on:
            indexer = SearchIndexer.locate(environment: options.environment)
            if indexer == nil {
                if options.search == .on {
                    throw DiagnosticList([Diagnostic(path: "PAGEFIND", line: 1, column: 1,
                        "--search on, but the search indexer was not found: set PAGEFIND or put pagefind_extended on PATH (make site installs it)")])
                }
                notes.append("search index not built: pagefind_extended not found (set PAGEFIND, or run make site); use --search off to silence this")
            }
        }
        let indexClock = IndexClock()
        // The release is recorded once the new site is complete, before it is swapped in:
        // a published release is always in the ledger (at worst one more is).
        let record = outcomes.flatMap { $0.isNewRelease && options.recordRelease ? $0.record : nil }
        var finish: ((String) throws -> Void)?
        if indexer != nil || record != nil {
            finish = { staging in
                if let indexer {
                    let start = DispatchTime.now()
                    try indexer.index(staging)
                    indexClock.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                }
                if let record, let ledgerFolder { try ReleaseLedgerWriter.append(record, to: ledgerFolder) }
            }
        }
        let written: SiteWriter.Files
        if options.updateInPlace && finish == nil {
            let changes = try writer.update(files.map { ($0.path, $0.contents) })
            written = SiteWriter.Files(count: changes.written, bytes: files.reduce(0) { $0 + $1.contents.count })
        } else {
            written = try writer.write(files.map { ($0.path, $0.contents) }, finish: finish)
        }
        clock.lap("write")
        if indexer != nil { clock.split(last: "write", off: "index", seconds: indexClock.seconds) }
        return BuildReport(pages: plan.pages.count, files: written.count, notes: notes, bytes: written.bytes, stages: clock.laps)
    }

    /// The site in the output folder says which release it published: a ledger holding
    /// fewer has been lost or swapped, and the next release would be audited without the
    /// one the public already has. That stops the build.
    static func checkLedgerKeepsUp(_ ledger: ReleaseLedger, output: String) throws(DiagnosticList) {
        let published = output + "/data/outcomes.json"
        guard FileManager.default.fileExists(atPath: output + "/" + SiteWriter.marker),
              let data = FileManager.default.contents(atPath: published),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let release = object["release"] as? Int, release > ledger.releases.count else { return }
        throw DiagnosticList([Diagnostic(path: published, line: 1, column: 1,
            "this site published release \(release) of the outcomes, but the release ledger (\(ledger.folder)) holds \(ledger.releases.count): restore the ledger the site was built with (or give it with --releases), so the new release is audited against what is already public")])
    }

    /// One line each: what was published, what waits, how it was protected.
    static func outcomeNotes(_ outcomes: OutcomeRelease?, assessments: Int, k: Int) -> [String] {
        guard let outcomes else { return ["outcomes not published: fewer than k = \(k) assessments can be published"] }
        let audit = outcomes.audit
        var notes = ["outcomes: \(outcomes.total) of \(assessments) assessments in \(outcomes.cohorts.count) cohorts (\(outcomes.scheme.rawValue)), release \(outcomes.release)\(outcomes.isNewRelease ? " (new)" : " (unchanged)"); withheld \(audit.primary) primary, \(audit.secondary) secondary; audit: \(audit.auditedSums) sums by \(audit.linearPrograms) LPs, all at least \(k - 1) wide"]
        if outcomes.heldBack > 0 {
            notes.append("outcomes: some new assessments are held back until at least k = \(k) share a cohort (a release now would reveal them by difference)")
        }
        return notes
    }

    /// The assessments to publish, if any: `--assessments`, else `<content>/assessments`.
    static func loadAssessments(_ options: BuildOptions, standard: Standard) throws(DiagnosticList) -> AssessmentSet? {
        let path = options.assessments ?? options.content + "/assessments"
        guard FileManager.default.fileExists(atPath: path) else {
            if options.assessments != nil {
                throw DiagnosticList([Diagnostic(path: path, line: 1, column: 1, "assessments not found: pass an existing CSV file or folder with --assessments")])
            }
            return nil
        }
        return try AssessmentLoader(standard: standard).load(path)
    }
}

/// Time the indexer took inside the write stage.
final class IndexClock: @unchecked Sendable { var seconds = 0.0 }

/// Wall time per stage.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(name: String, seconds: Double)] = []

    /// Moves `seconds` of the last lap into a lap of its own (the indexer runs inside the write stage).
    mutating func split(last name: String, off other: String, seconds: Double) {
        guard let index = laps.lastIndex(where: { $0.name == name }) else { return }
        laps[index].seconds -= seconds
        laps.append((other, seconds))
    }

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
