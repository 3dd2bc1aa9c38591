import PortalModel
/// Stage 2's result: every file of the site, described but not yet rendered.
public struct SitePlan: Sendable {
    public var pages: [PlannedPage]
    public var data: [PlannedData]
    public var csv: [PlannedCSV]
    public var sitemap: SitemapView
    public var robots: String
}

/// One HTML page: where it goes, which template renders it, and how to make what the
/// template reads. The view model is made when the page is rendered, by the worker that
/// renders it, and let go with the page: a plan of 10,000 scenarios holds 10,000 routes,
/// not 10,000 page trees, and making the views runs on every core with the rendering.
public struct PlannedPage: Sendable {
    public var route: Route
    public var kind: PageKind
    private let make: @Sendable () -> any ViewModel

    public init(route: Route, kind: PageKind, _ make: @escaping @Sendable () -> any ViewModel) {
        self.route = route
        self.kind = kind
        self.make = make
    }

    /// The page's view model, made anew on every read.
    public var context: any ViewModel { make() }

    /// The template that draws it (`pages/…`).
    public var template: String { kind.template }
}

/// One JSON download.
public struct PlannedData: Sendable {
    public var route: Route
    private let make: @Sendable () -> any Encodable & Sendable

    /// `value` is made when the file is written (by a writing worker, as pages are).
    public init(route: Route, value: @autoclosure @escaping @Sendable () -> any Encodable & Sendable) {
        self.route = route
        make = value
    }

    public var value: any Encodable & Sendable { make() }
}

/// What templates see: plain values the render stage turns into a lookup tree through
/// their synthesised `Encodable` conformance (see PortalRender's TemplateTree).
public protocol ViewModel: Encodable, Sendable {}
