import Foundation
import PortalDerive
import PortalLoad
import PortalModel
import PortalRender
import PortalWrite

/// Where a build reads from and writes to.
public struct BuildOptions: Sendable {
    public var content: String
    public var templates: String
    public var output: String
    /// Overrides site.yaml's base_url.
    public var baseURL: String?

    public init(content: String = "Content", templates: String = "Templates", output: String = "Public", baseURL: String? = nil) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
    }
}

/// What a build did, for the one-line summary and `--timings`.
public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
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

    public static func build(_ options: BuildOptions) throws(DiagnosticList) -> BuildReport {
        var clock = StageClock()
        // Templates are checked with the content, so all input errors show in one run.
        let standard: Standard
        let templates: TemplateSet
        do {
            var problems: [Diagnostic] = []
            let loaded: Standard?
            do { loaded = try check(content: options.content) } catch { problems += error.diagnostics; loaded = nil }
            let parsed: TemplateSet?
            do { parsed = try TemplateSet.load(from: options.templates) } catch { problems += error.diagnostics; parsed = nil }
            guard let loaded, let parsed else { throw DiagnosticList(problems) }
            standard = loaded
            templates = parsed
        }
        clock.lap("load")
        let plan = SitePlanner(standard: standard, baseURL: options.baseURL.map(normaliseBaseURL)).plan()
        clock.lap("derive")
        let files: [RenderedFile]
        do {
            files = try SiteRenderer(templates: templates, assetsDirectory: options.templates + "/assets").render(plan)
        } catch {
            throw DiagnosticList([Diagnostic(path: options.templates, line: 1, column: 1, "rendering failed: \(error)")])
        }
        clock.lap("render")
        let writer = SiteWriter(output: options.output, protected: [options.content, options.templates])
        let written = try writer.write(files.map { ($0.path, $0.contents) })
        clock.lap("write")
        return BuildReport(pages: plan.pages.count, files: written.count, bytes: written.bytes, stages: clock.laps)
    }
}

/// Wall time per stage.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(name: String, seconds: Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
