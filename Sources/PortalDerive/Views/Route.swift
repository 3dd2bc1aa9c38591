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
        let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        let depth = file.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
        rootPrefix = depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    public static func == (a: Route, b: Route) -> Bool { a.path == b.path }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    public static let home = Route("")
    public static let tiers = Route("tiers/")
    public static let scenarios = Route("scenarios/")
    public static let indicators = Route("indicators/")
    public static let matrix = Route("matrix/")
    public static let notFound = Route("404.html")
    public static let compare = Route("compare/")
    public static let search = Route("search/")
    public static let selfCheck = Route("self-check/")
    public static func comparison(_ low: String, _ high: String) -> Route { Route("compare/\(low)-\(high)/") }
    public static let outcomes = Route("outcomes/")
    public static let outcomeIndicators = Route("outcomes/indicators/")
    public static let outcomeScenarios = Route("outcomes/scenarios/")
    public static let records = Route("outcomes/records/")
    public static let method = Route("outcomes/method/")
    public static let cohorts = Route("outcomes/cohorts/")
    public static func cohort(_ slug: String) -> Route { Route("outcomes/cohorts/\(slug)/") }
    public static func tier(_ id: String) -> Route { Route("tiers/\(id)/") }
    public static func scenario(_ code: String) -> Route { Route("scenarios/\(code)/") }
    public static func indicator(_ code: String) -> Route { Route("indicators/\(code)/") }
    public static func page(_ slug: String) -> Route { Route("\(slug)/") }
    public static func data(_ name: String) -> Route { Route("data/\(name)") }

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
