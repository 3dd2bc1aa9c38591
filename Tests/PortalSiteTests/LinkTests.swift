import Foundation
import Testing

/// Every internal link of the built site resolves: the file exists and the fragment
/// names an element in it. Reviewers' links must never break.
@Suite struct LinkTests {
    @Test func everyInternalLinkResolves() {
        let broken = LinkChecker(root: SiteBuild.shared, basePath: "/").brokenLinks()
        #expect(broken.isEmpty, "\(broken.count) broken links, e.g.:\n\(broken.prefix(10).joined(separator: "\n"))")
    }

    @Test func linksResolveUnderASubPath() throws {
        let output = SiteBuild.temporaryDirectory()
        try SiteBuild.build(into: output, baseURL: "/portal/")
        let broken = LinkChecker(root: output, basePath: "/portal/").brokenLinks()
        #expect(broken.isEmpty, "\(broken.count) broken links, e.g.:\n\(broken.prefix(10).joined(separator: "\n"))")
        let notFound = SiteBuild.html(output, "404.html")
        #expect(notFound.contains("href=\"/portal/assets/site.css\""))
        #expect(SiteBuild.html(output, "index.html").contains("<link rel=\"canonical\" href=\"/portal/\">"))
    }

    @Test func checkerCatchesABrokenLink() throws {
        let output = SiteBuild.temporaryDirectory()
        try SiteBuild.build(into: output)
        let page = output + "/scenarios/07/index.html"
        let html = try String(contentsOfFile: page, encoding: .utf8)
        try html.replacingOccurrences(of: "href=\"#advanced\"", with: "href=\"#advancd\"")
            .replacingOccurrences(of: "../../scenarios/08/", with: "../../scenarios/80/")
            .write(toFile: page, atomically: true, encoding: .utf8)
        let broken = LinkChecker(root: output, basePath: "/").brokenLinks()
        #expect(broken.contains { $0.contains("#advancd") })
        #expect(broken.contains { $0.contains("scenarios/80/") })
    }
}

/// Resolves `href` and `src` attributes of every HTML file below `root`.
struct LinkChecker {
    let root: String
    /// Path the site is served under; absolute links (the 404 page's) start with it.
    let basePath: String

    func brokenLinks() -> [String] {
        let files = SiteBuild.snapshot(root)
        var idCache: [String: Set<String>] = [:]
        func ids(_ path: String) -> Set<String> {
            if let cached = idCache[path] { return cached }
            let html = String(data: files[path] ?? Data(), encoding: .utf8) ?? ""
            let found = Set(HTML.attributes("id", in: html))
            idCache[path] = found
            return found
        }
        var broken: [String] = []
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(data: data, encoding: .utf8) ?? ""
            let directory = (path as NSString).deletingLastPathComponent
            for link in HTML.attributes("href", in: html) + HTML.attributes("src", in: html) {
                if link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("//") { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = parts[0].split(separator: "?").first.map(String.init) ?? ""
                if target.isEmpty {
                    target = path
                } else if target.hasPrefix("/") {
                    guard target.hasPrefix(basePath) else {
                        broken.append("\(path): \(link) (outside \(basePath))"); continue
                    }
                    target = String(target.dropFirst(basePath.count))
                } else {
                    target = String(
                        URL(fileURLWithPath: directory.isEmpty ? "/" + target : "/" + directory + "/" + target)
                            .standardized.path.dropFirst())
                }
                if target.isEmpty || target.hasSuffix("/") || target == "." {
                    target = (target == "." ? "" : target) + "index.html"
                }
                if files[target] == nil && files[target + "/index.html"] == nil {
                    broken.append("\(path): \(link) (no file \(target))")
                    continue
                }
                if files[target] == nil { target += "/index.html" }
                if parts.count == 2, !parts[1].isEmpty, !ids(target).contains(parts[1]) {
                    broken.append("\(path): \(link) (no id '\(parts[1])' in \(target))")
                }
            }
        }
        return broken.sorted()
    }
}
