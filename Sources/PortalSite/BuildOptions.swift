import Foundation
import PortalModel
@_exported import class PortalRender.RenderCache

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
    /// Where the build is, for whoever shows progress (`portal build` on a terminal).
    public var progress: BuildProgress?
    /// How long to wait for another build writing the same output (seconds):
    /// PORTAL_LOCK_WAIT, else 5.
    public var lockWait: Double { environment["PORTAL_LOCK_WAIT"].flatMap(Double.init) ?? 5 }

    public init(
        content: String = "Content", templates: String = "Templates", output: String = "Public", baseURL: String? = nil,
        assessments: String? = nil, keyFile: String? = nil, releases: String? = nil, search: SearchMode = .auto,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
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
    /// What the user should fix though the site was built (e.g. a base URL link previews
    /// cannot use).
    public var warnings: [String] = []
    /// The same, at a place in an input file (e.g. a text nothing reads).
    public var locatedWarnings: [Diagnostic] = []
    public var bytes: Int
    /// Seconds per stage, in pipeline order.
    public var stages: [(name: String, seconds: Double)]
    public var seconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}
