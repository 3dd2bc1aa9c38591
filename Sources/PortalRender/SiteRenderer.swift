import Foundation
import PortalDerive
import PortalModel

/// A file of the finished site: where it goes under the output folder and its bytes.
public struct RenderedFile: Sendable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}

/// Stage 3, render: the site plan through the templates, the open data to JSON, and the
/// static assets copied as they are. Pages are rendered when the writer asks for them
/// (`RenderedSite`), so they are never all in memory at once.
public struct SiteRenderer: Sendable {
    let templates: TemplateSet
    let assetsDirectory: String

    public init(templates: TemplateSet, assetsDirectory: String) {
        self.templates = templates
        self.assetsDirectory = assetsDirectory
    }

    /// A page that could not be rendered: which, with which template, and why.
    public struct PageFailure: Error {
        public let page: String
        public let template: String
        public let reason: String
    }

    /// The site's files: every path now, each page's and each download's bytes when
    /// `file(at:)` asks for them (the writer does, on every core, and lets them go once
    /// written): the open data is encoded beside the pages rather than before them, so
    /// a large standard's JSON does not hold one core while the other waits. The sitemap,
    /// robots.txt and assets are few and small, and made here. `rendered` is called once
    /// per page rendered (for a progress line).
    public func render(_ plan: SitePlan, cache: RenderCache? = nil, rendered: (@Sendable () -> Void)? = nil) throws
        -> RenderedSite
    {
        cache?.use(templates: templates.fingerprint)
        let (sitemapPath, sitemapTemplate) = (SiteFile.sitemap.entry.path, SiteFile.sitemap.entry.template ?? "")
        guard let sitemap = templates.render(try TemplateTree.make(plan.sitemap), template: sitemapTemplate) else {
            throw PageFailure(
                page: sitemapPath, template: sitemapTemplate, reason: "the template \(sitemapTemplate) is not loaded")
        }
        let files =
            [
                RenderedFile(path: sitemapPath, contents: Data(sitemap)),
                RenderedFile(path: SiteFile.robots.entry.path, contents: Data(plan.robots.utf8)),
            ] + (try assets())
        return RenderedSite(
            pages: plan.pages, data: plan.data, csv: plan.csv, others: files, renderer: self, cache: cache,
            rendered: rendered)
    }

    /// One page through its template. With a cache (portal serve), a page whose template
    /// reads the same tree as before is not rendered again.
    func page(_ page: PlannedPage, cache: RenderCache?, rendered: (@Sendable () -> Void)?) throws -> Data {
        do {
            // The tree the template reads is the page's identity for the cache: the same
            // template over an equal tree gives the same bytes.
            let context = try TemplateTree.make(page.context)
            let key = cache.map { _ in RenderCache.Key(template: page.template, context: context) }
            if let cache, let key, let hit = cache.page(page.route.file, key: key) { return hit }
            guard let bytes = templates.render(context, template: page.template) else {
                throw PageFailure(
                    page: page.route.file, template: page.template,
                    reason: "the template \(page.template) is not loaded")
            }
            let contents = Data(bytes)
            if let cache, let key { cache.store(page.route.file, key: key, contents: contents) }
            rendered?()
            return contents
        } catch let failure as PageFailure {
            throw failure
        } catch {
            throw PageFailure(
                page: page.route.file, template: page.template, reason: "its view model cannot be read (\(error))")
        }
    }

    /// Stable JSON: sorted keys, so two builds give identical bytes.
    static func json(_ value: any Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// Everything under Templates/assets/, published under assets/.
    private func assets() throws -> [RenderedFile] {
        let files = (FileManager.default.enumerator(atPath: assetsDirectory)?.allObjects as? [String] ?? []).sorted()
        return try files.compactMap { file in
            let path = assetsDirectory + "/" + file
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                return nil
            }
            return RenderedFile(
                path: SiteFile.assetsFolder + file, contents: try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }
}

/// The site's files by index: the pages first (rendered on demand, on the caller's
/// thread, so any number at once), then the open data (JSON, and CSV with a byte-order
/// mark so Excel reads it as UTF-8; made on demand too), then the files made up front.
/// Order and bytes do not depend on which thread makes what.
public struct RenderedSite: Sendable {
    let pages: [PlannedPage]
    let data: [PlannedData]
    let csv: [PlannedCSV]
    let others: [RenderedFile]
    let renderer: SiteRenderer
    let cache: RenderCache?
    let rendered: (@Sendable () -> Void)?

    public var paths: [String] {
        pages.map(\.route.file) + data.map(\.route.file) + csv.map(\.route.file) + others.map(\.path)
    }

    public func file(at index: Int) throws -> Data {
        var index = index
        if index < pages.count { return try renderer.page(pages[index], cache: cache, rendered: rendered) }
        index -= pages.count
        if index < data.count { return try SiteRenderer.json(data[index].value) }
        index -= data.count
        if index < csv.count { return Data([0xEF, 0xBB, 0xBF] + csv[index].table.bytes) }
        return others[index - csv.count].contents
    }
}

/// Rendered pages of the previous build, keyed by their template and the tree it read,
/// kept by a long-running process (`portal serve`) so an edit re-renders only the pages
/// it changes (the tree is made for rendering anyway; encoding the view model for a key
/// would cost more than rendering). Templates are part of the key's scope: a new
/// TemplateSet means a new cache.
public final class RenderCache: @unchecked Sendable {
    struct Key: Equatable {
        let template: String
        let context: TemplateValue
    }
    private var entries: [String: (key: Key, contents: Data)] = [:]
    private var templates = ""
    private let lock = NSLock()
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    func page(_ path: String, key: Key) -> Data? {
        lock.withLock {
            guard let entry = entries[path], entry.key == key else { misses += 1; return nil }
            hits += 1
            return entry.contents
        }
    }

    func store(_ path: String, key: Key, contents: Data) {
        lock.withLock { entries[path] = (key, contents) }
    }

    /// Forgets everything when the templates changed: every page may look different.
    func use(templates fingerprint: String) {
        lock.withLock {
            if templates != fingerprint { entries = [:]; templates = fingerprint }
            hits = 0
            misses = 0
        }
    }
}
