/// The whole validated content: the single source of truth every page, JSON download
/// and later the self-check derive from.
public struct Standard: Sendable, Equatable {
    public var site: SiteConfig
    public var framework: Framework
    /// Sorted by number.
    public var scenarios: [Scenario]
    /// Sorted by number.
    public var indicators: [Indicator]
    /// Free-standing Markdown pages (the plan, annex introductions, errata), sorted by order.
    public var pages: [Page]
    /// Content/outcomes/method.md: how outcomes are derived and protected (/outcomes/method/).
    public var method: Page?

    public init(
        site: SiteConfig, framework: Framework, scenarios: [Scenario], indicators: [Indicator], pages: [Page],
        method: Page? = nil
    ) {
        self.method = method
        self.site = site
        self.framework = framework
        self.scenarios = scenarios
        self.indicators = indicators
        self.pages = pages
    }
}

public struct SiteConfig: Sendable, Equatable {
    public var title: String
    public var shortTitle: String
    public var description: String
    public var language: String
    public var edition: String
    /// Where the site is published, ending in "/": "/" or "/portal/" or "https://host/portal/".
    public var baseURL: String
    /// k of k-anonymity: the smallest count published, and the smallest cohort or group described.
    public var kAnonymity: Int

    public init(
        title: String, shortTitle: String, description: String, language: String, edition: String, baseURL: String,
        kAnonymity: Int = 5
    ) {
        self.kAnonymity = kAnonymity
        self.title = title
        self.shortTitle = shortTitle
        self.description = description
        self.language = language
        self.edition = edition
        self.baseURL = baseURL
    }
}

/// A Markdown page from Content/pages/.
public struct Page: Sendable, Equatable {
    /// File name without extension; also its URL: /<slug>/.
    public var slug: String
    public var title: String
    /// Short label for navigation.
    public var nav: String
    public var order: Int
    public var markdown: String
    public var source: SourceFile

    public init(slug: String, title: String, nav: String, order: Int, markdown: String, source: SourceFile) {
        self.slug = slug
        self.title = title
        self.nav = nav
        self.order = order
        self.markdown = markdown
        self.source = source
    }
}
