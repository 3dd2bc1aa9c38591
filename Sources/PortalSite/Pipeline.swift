import Foundation
import PortalDerive
import PortalLoad
import PortalModel
import PortalRender
import PortalWrite

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
        let writer = SiteWriter(
            output: options.output,
            protected: [options.content, options.templates]
                + [assessmentsPath(options), ledgerFolder].compactMap { $0 })
        // Where the site goes is checked first: an output over an input is the problem to
        // report, not the inputs found inside it.
        try writer.checkOutputIsSafe()
        // The inputs are checked while they load (reading publishes nothing; nothing is
        // written before both are done), and the check's problems come first.
        let inputGuard = InputGuard(
            content: options.content, templates: options.templates, output: options.output,
            assessments: assessmentsPath(options), keyFile: options.keyFile, ledger: ledgerFolder)
        // The assessment tables (which need no standard to be read) are read meanwhile.
        let (guarded, (loaded, tables)) = concurrently(
            { Result { () throws(DiagnosticList) in try inputGuard.check() } },
            {
                concurrently(
                    { Result { () throws(DiagnosticList) in try loadInputs(options) } },
                    { assessmentsPath(options).map { AssessmentLoader.prepare($0) } })
            })
        try guarded.get()
        let (standard, theme) = try loaded.get()
        let (editions, crosswalkWarnings) = try loadEditions(options, current: standard)
        // From here the build reads what the output published and writes it: one build at
        // a time (the inputs were read without it, so a build waiting here has checked them).
        let lock = try OutputLock.acquire(output: options.output, wait: options.lockWait)
        defer { lock?.release() }
        // The assessments live only until their release is made: the pages need the
        // protected figures, not 100,000 records.
        var (outcomes, notes) = try { () throws(DiagnosticList) -> (OutcomeRelease?, [String]) in
            let assessments = try loadAssessments(options, standard: standard, prepared: tables, editions: editions)
            clock.lap("load")
            options.progress?.enter("protect")
            let published = try publishOutcomes(
                assessments, ledger: ledgerFolder, standard: standard, theme: theme, options: options,
                editions: editions)
            if published.0 != nil { clock.lap("protect") }  // disclosure control on its own line
            return published
        }()
        options.progress?.enter("derive")
        // The indexer is found before planning: pages carry their word lists for the
        // index only when an index is built.
        let (indexer, indexNote) = try SearchIndexer.choose(options.search, environment: options.environment)
        let plan = SitePlanner.plan(
            editions: editions, text: theme.text, baseURL: options.baseURL.map(normaliseBaseURL), outcomes: outcomes,
            searchTerms: indexer != nil, today: options.environment["PORTAL_TODAY"])
        clock.lap("derive")
        // Pages are rendered as they are written, each by the worker that writes it: one stage.
        options.progress?.enter("render", total: plan.pages.count)
        let files = try render(plan, theme: theme, options: options)
        // The search index is built inside the staging folder, before the swap, so the
        // published site never has pages without their index.
        notes += indexNote.map { [$0] } ?? []
        let indexClock = IndexClock()
        // The release is recorded once the new site is complete, before it is swapped in:
        // a published release is always in the ledger (at worst one more is).
        let record = outcomes.flatMap { $0.isNewRelease && options.recordRelease ? $0.record : nil }
        // Its JSON (a fingerprint per assessment) is made while the pages render.
        let recordBytes = record.map { record in Pending { try? ReleaseLedgerWriter.encoded(record) } }
        let finish: ((String) throws -> Void)? =
            indexer == nil && record == nil
            ? nil
            : { folder in
                if let indexer {
                    let start = DispatchTime.now()
                    try indexer.index(folder)
                    indexClock.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
                }
                if let record, let ledgerFolder {
                    try ReleaseLedgerWriter.append(record, encoded: recordBytes?.value, to: ledgerFolder)
                }
            }
        let written = try WriteMode(updateInPlace: options.updateInPlace).write(files, with: writer, finish: finish)
        clock.lap("render+write")
        if indexer != nil { clock.split(last: "render+write", off: "index", seconds: indexClock.seconds) }
        var report = BuildReport(
            pages: plan.pages.count, files: written.count, notes: notes, bytes: written.bytes, stages: clock.laps)
        report.warnings = baseURLWarnings(options.baseURL.map(normaliseBaseURL) ?? standard.site.baseURL)
        report.locatedWarnings = theme.warnings + crosswalkWarnings
        return report
    }

    /// The site in the output folder says which release it published: a ledger holding
    /// fewer has been lost or swapped, and the next release would be audited without the
    /// one the public already has. That stops the build.
    static func checkLedgerKeepsUp(_ ledger: ReleaseLedger, output: String) throws(DiagnosticList) {
        let published = output + "/" + SiteFile.outcomesJSON.entry.path
        guard FileManager.default.fileExists(atPath: output + "/" + SiteWriter.marker),
            let data = FileManager.default.contents(atPath: published),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let release = object["release"] as? Int, release > ledger.releases.count
        else { return }
        throw DiagnosticList([
            Diagnostic(
                path: published, line: 1, column: 1,
                "this site published release \(release) of the outcomes, but the release ledger (\(ledger.folder)) "
                    + "holds \(ledger.releases.count): restore the ledger the site was built with (or give it with --"
                    + "releases), so the new release is audited against what is already public"
            )
        ])
    }

    /// Every edition (Content/ and Content/editions/<id>/), each crosswalk checked both ways
    /// against the edition it maps from: its errors stop the build, its warnings are kept.
    static func loadEditions(_ options: BuildOptions, current: Standard) throws(DiagnosticList) -> (
        EditionSet, [Diagnostic]
    ) {
        let editions = try ContentLoader(root: options.content).loadEditions(current: current)
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for (old, new) in zip(editions.all, editions.all.dropFirst()) {
            let findings = CrosswalkCheck.check(
                from: old.standard, edition: old.edition, to: new.standard, edition: new.edition)
            errors += findings.errors
            warnings += findings.warnings
        }
        guard errors.isEmpty else { throw DiagnosticList(errors) }
        return (editions, warnings)
    }

    /// The content and the templates with their words, loaded together so that all input
    /// errors show in one run.
    static func loadInputs(_ options: BuildOptions) throws(DiagnosticList) -> (Standard, Theme) {
        let (loaded, parsed) = concurrently(
            { Result { () throws(DiagnosticList) in try check(content: options.content) } },
            { Result { () throws(DiagnosticList) in try Theme.load(from: options.templates) } })
        return try DiagnosticList.both(loaded, parsed)
    }

    /// The release of the outcomes, protected and audited against the ledger, with what
    /// the user should know; none without assessments, and none without the record key
    /// (which the audit against earlier releases needs), with the reason.
    static func publishOutcomes(
        _ assessments: AssessmentSet?, ledger folder: String?, standard: Standard, theme: Theme,
        options: BuildOptions, editions: EditionSet? = nil
    ) throws(DiagnosticList) -> (OutcomeRelease?, [String]) {
        guard let assessments, let folder else { return (nil, []) }
        let key = try RecordKeySource.resolve(options)
        guard let recordKey = key.key else {
            return (
                nil,
                key.reason.map {
                    ["outcomes not published: \($0); they need the key to audit this release against earlier ones"]
                } ?? []
            )
        }
        let ledger = try ReleaseLedgerLoader.load(folder)
        try checkLedgerKeepsUp(ledger, output: options.output)
        let outcomes = try OutcomeRelease.make(
            set: assessments, standard: standard, text: theme.text, key: recordKey, ledger: ledger, editions: editions)
        return (outcomes, outcomeNotes(outcomes, assessments: assessments.records.count, k: standard.site.kAnonymity))
    }

    /// The plan's files, each page rendered when the writer asks for it; if one cannot be
    /// rendered, the problem names the page and its template (and nothing is swapped in).
    static func render(_ plan: SitePlan, theme: Theme, options: BuildOptions) throws(DiagnosticList) -> SiteFiles {
        var rendered: (@Sendable () -> Void)?
        if let progress = options.progress { rendered = { progress.advance() } }
        let templates = options.templates
        @Sendable func problem(_ error: Error) -> DiagnosticList {
            if let failure = error as? SiteRenderer.PageFailure {
                return DiagnosticList([
                    Diagnostic(
                        path: templates + "/" + failure.template + ".mustache", line: 1, column: 1,
                        "rendering \(failure.page) failed: \(failure.reason)")
                ])
            }
            return DiagnosticList([Diagnostic(path: templates, line: 1, column: 1, "rendering failed: \(error)")])
        }
        do {
            let site = try SiteRenderer(templates: theme.templates, assetsDirectory: templates + "/assets")
                .render(plan, cache: options.renderCache, rendered: rendered)
            return SiteFiles(paths: site.paths) { index in
                do { return try site.file(at: index) } catch { throw problem(error) }
            }
        } catch {
            throw problem(error)
        }
    }

    /// The assessments to publish, if any: `--assessments`, else `<content>/assessments`.
    /// With several editions, the tables may answer any edition's items (`editions`).
    static func loadAssessments(
        _ options: BuildOptions, standard: Standard,
        prepared: AssessmentLoader.PreparedTables? = nil, editions: EditionSet? = nil
    ) throws(DiagnosticList) -> AssessmentSet? {
        let path = options.assessments ?? options.content + "/assessments"
        guard FileManager.default.fileExists(atPath: path) else {
            if options.assessments != nil {
                throw DiagnosticList([
                    Diagnostic(
                        path: path, line: 1, column: 1,
                        "assessments not found: pass an existing CSV file or folder with --assessments")
                ])
            }
            return nil
        }
        guard let editions, editions.all.count > 1 else {
            return try AssessmentLoader(standard: standard, prepared: prepared).load(path)
        }
        var loader = AssessmentLoader(standard: editions.union, prepared: prepared)
        loader.optional = editions.partialNumbers
        return try loader.load(path)
    }
}
