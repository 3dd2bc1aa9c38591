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
    /// The edition folder it is in ("editions/2025/"), "" at the root (the latest edition).
    /// A page links to the pages of its own edition: a route made from it for a kind the
    /// editions repeat gets the same folder; the other kinds (outcomes, the self-check,
    /// search) exist only at the root.
    public let edition: String

    public init(_ path: String, edition: String = "") {
        self.path = path
        self.edition = edition
        // The file's depth is the path's slashes (index.html adds none).
        var depth = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        rootPrefix = depth < Self.prefixes.count ? Self.prefixes[depth] : String(repeating: "../", count: depth)
    }

    /// The prefixes of the usual depths, made once: a route is made for every link target.
    private static let prefixes = ["./"] + (1...6).map { String(repeating: "../", count: $0) }

    public static func == (a: Route, b: Route) -> Bool { a.path == b.path }

    /// The folder of edition `id` ("editions/2025/").
    public static func editionFolder(_ id: String) -> String { PageKind.editions.path() + id + "/" }
    public func hash(into hasher: inout Hasher) { hasher.combine(path) }

    /// The page of `kind` for `part` (the `{…}` of its route in the page catalogue), in
    /// `edition`'s folder when the editions repeat that kind.
    public init(_ kind: PageKind, _ part: String = "", edition: String = "") {
        let inEdition = kind.entry.perEdition ? edition : ""
        self.init(inEdition + kind.path(part), edition: inEdition)
    }

    /// A file the site publishes besides its pages (the catalogue's `SiteFile`).
    public init(_ file: SiteFile, edition: String = "") {
        let inEdition = file.entry.perEdition ? edition : ""
        self.init(inEdition + file.entry.path, edition: inEdition)
    }

    /// The same page in another edition's folder ("" for the root).
    public func inEdition(_ folder: String) -> Route {
        Route(folder + String(path.dropFirst(edition.count)), edition: folder)
    }

    public var isDirectory: Bool { path.isEmpty || path.hasSuffix("/") }

    /// The file written for this route, relative to the output root.
    public var file: String { isDirectory ? path + SiteFile.folderIndex : path }

    /// A relative link from this page to `target`, pointing at the file itself so the
    /// site also works from `file://` and under any sub-path.
    public func link(to target: Route, fragment: String? = nil) -> String {
        let prefix = rootPrefix == "./" ? "" : rootPrefix
        return prefix + target.file + (fragment.map { "#" + $0 } ?? "")
    }

    /// A relative link to the page of `kind` for `part` (in this page's edition, where the
    /// editions repeat it).
    public func link(to kind: PageKind, _ part: String = "", fragment: String? = nil) -> String {
        link(to: Route(kind, part, edition: edition), fragment: fragment)
    }

    /// A relative link to one of the site's files (this edition's, where editions repeat it).
    public func link(to file: SiteFile) -> String { link(to: Route(file, edition: edition)) }

    public static func < (a: Route, b: Route) -> Bool { a.path < b.path }
}
