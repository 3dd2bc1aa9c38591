import Foundation
import PortalDerive
import PortalLoad
import PortalModel
import PortalSite
import PortalTestSupport

/// Builds the real Content/ with the real Templates/ into temporary folders.
enum SiteBuild {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func temporaryDirectory(_ name: String = "site") -> String {
        Scratch.folder("site") + "/" + name
    }

    static let key = "0d4c8b2a6e1f3d5b7a9c2e4f6b8d0a1c"

    /// Builds with a record key (so outcomes are published) and a release ledger beside
    /// the output (one series per output folder), never in the repository's Content/.
    @discardableResult
    static func build(into output: String, content: String? = nil, baseURL: String? = nil) throws -> BuildReport {
        try Pipeline.build(
            BuildOptions(
                content: content ?? repository + "/Content", templates: repository + "/Templates",
                output: output, baseURL: baseURL, releases: output + ".releases",
                environment: ["PORTAL_ANON_KEY": key]))
    }

    /// The real site, built once for the read-only tests.
    static let shared: String = {
        let output = temporaryDirectory()
        try! build(into: output)
        return output
    }()

    static let standard: Standard = try! Pipeline.check(content: repository + "/Content")
    /// The site's own words, from the real strings file.
    static let text: UIText = try! UITextLoader.load(templates: repository + "/Templates")

    /// The real site's plan, without outcomes.
    static func plan() throws -> SitePlan {
        SitePlanner(standard: standard, text: text).plan()
    }

    /// Every file below `root` → its bytes.
    static func snapshot(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let file as String in FileManager.default.enumerator(atPath: root) ?? FileManager.default.enumerator(
            atPath: "/dev/null")!
        {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                result[file] = FileManager.default.contents(atPath: root + "/" + file)
            }
        }
        return result
    }

    static func html(_ root: String, _ path: String) -> String {
        (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
    }
}

/// The few HTML facts the tests need, read with patterns: the markup is our own output.
enum HTML {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    /// Values of every `attribute="…"` in the page.
    static func attributes(_ attribute: String, in html: String) -> [String] {
        let regex = try! Regex("\\s\(attribute)=\"([^\"]*)\"")
        return html.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
    }

    /// The inner HTML of the element with `id`, for elements that do not nest themselves.
    static func element(id: String, tag: String, in html: String) -> String? {
        guard let start = html.firstRange(of: "<\(tag) id=\"\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.firstRange(of: "</\(tag)>") else { return nil }
        return String(rest[..<end.lowerBound])
    }
}
