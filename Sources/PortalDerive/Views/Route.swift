import PortalModel

/// A page's place in the site. URLs are a contract with reviewers who link to them:
/// change none without a redirect.
public struct Route: Sendable, Hashable, Comparable {
    /// Directory path from the site root without leading slash: "" (home), "scenarios/07/".
    /// A route to a file (not a directory page) has no trailing slash: "data/tiers.json".
    public let path: String
    /// Relative prefix from this page back to the site root: "../../" for "scenarios/07/".
    /// Worked out once: pages make hundreds of links each.
    public let rootPrefix: String

    public init(_ path: String) {
        self.path = path
        // The file's depth is the path's slashes (index.html adds none).
        var depth = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        rootPrefix = depth < Self.prefixes.count ? Self.prefixes[depth] : String(repeating: "../", count: depth)
    }

    /// The prefixes of the usual depths, made once: a route is made for every link target.
    private static let prefixes = ["./"] + (1...6).map { String(repeating: "../", count: $0) }

    public static func == (a: Route, b: Route) -> Bool { a.path == b.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    // Every page's place comes from the page catalogue (PortalModel's PageKind).
    public static let home = Route(PageKind.home.path())
    public static let tiers = Route(PageKind.tiers.path())
    public static let scenarios = Route(PageKind.scenarios.path())
    public static let indicators = Route(PageKind.indicators.path())
    public static let matrix = Route(PageKind.matrix.path())
    public static let notFound = Route(PageKind.notFound.path())
    public static let compare = Route(PageKind.compareIndex.path())
    public static let search = Route(PageKind.search.path())
    public static let selfCheck = Route(PageKind.selfCheck.path())
    public static let dataPage = Route(PageKind.data.path())
    public static func comparison(_ low: String, _ high: String) -> Route { Route(PageKind.compare.path("\(low)-\(high)")) }
    public static let outcomes = Route(PageKind.outcomes.path())
    public static let outcomeIndicators = Route(PageKind.outcomeIndicators.path())
    public static let outcomeScenarios = Route(PageKind.outcomeScenarios.path())
    public static let records = Route(PageKind.records.path())
    public static let method = Route(PageKind.method.path())
    public static let cohorts = Route(PageKind.cohorts.path())
    public static func cohort(_ slug: String) -> Route { Route(PageKind.cohort.path(slug)) }
    public static func tier(_ id: String) -> Route { Route(PageKind.tier.path(id)) }
    public static func scenario(_ code: String) -> Route { Route(PageKind.scenario.path(code)) }
    public static func indicator(_ code: String) -> Route { Route(PageKind.indicator.path(code)) }
    public static func page(_ slug: String) -> Route { Route(PageKind.page.path(slug)) }
    /// A download: `data/<name>`, beside the data page.
    public static func data(_ name: String) -> Route { Route(PageKind.data.path() + name) }

    public var isDirectory: Bool { path.isEmpty || path.hasSuffix("/") }

    /// The file written for this route, relative to the output root.
    public var file: String { isDirectory ? path + "index.html" : path }


    /// A relative link from this page to `target`, pointing at the file itself so the
    /// site also works from `file://` and under any sub-path.
    public func link(to target: Route, fragment: String? = nil) -> String {
        let prefix = rootPrefix == "./" ? "" : rootPrefix
        return prefix + target.file + (fragment.map { "#" + $0 } ?? "")
    }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}
