import Foundation
import Mustache
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
/// static assets copied as they are.
public struct SiteRenderer: Sendable {
    let templates: TemplateSet
    let assetsDirectory: String

    public init(templates: TemplateSet, assetsDirectory: String) {
        self.templates = templates
        self.assetsDirectory = assetsDirectory
    }

    public func render(_ plan: SitePlan) throws -> [RenderedFile] {
        let library = templates.library
        // Pages are independent: render them on every core, keep plan order.
        var files = plan.pages.parallelMap { page in
            RenderedFile(path: page.route.file,
                         contents: Data((library.render(page.context, withTemplate: "pages/" + page.template) ?? "").utf8))
        }
        files += try plan.data.map { RenderedFile(path: $0.route.file, contents: try Self.json($0.value)) }
        // CSV with a byte-order mark: Excel then reads it as UTF-8.
        files += plan.csv.map { RenderedFile(path: $0.route.file, contents: Data([0xEF, 0xBB, 0xBF]) + Data($0.table.text.utf8)) }
        files.append(RenderedFile(path: "sitemap.xml", contents: Data((library.render(plan.sitemap, withTemplate: "sitemap") ?? "").utf8)))
        files.append(RenderedFile(path: "robots.txt", contents: Data(plan.robots.utf8)))
        files += try assets()
        return files
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
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return RenderedFile(path: "assets/" + file, contents: try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }
}

