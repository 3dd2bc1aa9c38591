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

    /// The page of `kind` for `part` (the `{…}` of its route in the page catalogue).
    public init(_ kind: PageKind, _ part: String = "") { self.init(kind.path(part)) }

    /// A file the site publishes besides its pages (the catalogue's `SiteFile`).
    public init(_ file: SiteFile) { self.init(file.entry.path) }

    public var isDirectory: Bool { path.isEmpty || path.hasSuffix("/") }

    /// The file written for this route, relative to the output root.
    public var file: String { isDirectory ? path + SiteFile.folderIndex : path }

    /// A relative link from this page to `target`, pointing at the file itself so the
    /// site also works from `file://` and under any sub-path.
    public func link(to target: Route, fragment: String? = nil) -> String {
        let prefix = rootPrefix == "./" ? "" : rootPrefix
        return prefix + target.file + (fragment.map { "#" + $0 } ?? "")
    }

    /// A relative link to the page of `kind` for `part`.
    public func link(to kind: PageKind, _ part: String = "", fragment: String? = nil) -> String {
        link(to: Route(kind, part), fragment: fragment)
    }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}
