import PortalModel
/// Stage 2's result: every file of the site, described but not yet rendered.
public struct SitePlan: Sendable {
    public var pages: [PlannedPage]
    public var data: [PlannedData]
    public var csv: [PlannedCSV]
    public var sitemap: SitemapView
    public var robots: String
}

/// One HTML page: which template renders it and with what.
public struct PlannedPage: Sendable {
    public var route: Route
    public var kind: PageKind
    public var context: any ViewModel

    /// The template under Templates/pages/ that draws it.
    public var template: String { kind.entry.template }
}

/// One JSON download.
public struct PlannedData: Sendable {
    public var route: Route
    public var value: any Encodable & Sendable
}

/// What templates see: plain values the render stage turns into a lookup tree through
/// their synthesised `Encodable` conformance (see PortalRender's TemplateTree).
public protocol ViewModel: Encodable, Sendable {}
