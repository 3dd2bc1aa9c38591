import Foundation
import PortalModel

/// Content/site.yaml → SiteConfig.
enum SiteConfigLoader {
    static func load(_ file: ContentFile, sink: DiagnosticSink) -> SiteConfig? {
        guard let document = file.yaml(sink: sink),
            let fields = FieldReader(document.root, in: document, sink: sink, what: "site.yaml")
        else { return nil }
        fields.rejectUnknownKeys([
            "title", "short_title", "description", "language", "edition", "base_url", "k_anonymity",
        ])
        guard let title = fields.text("title"), let description = fields.text("description"),
            let language = fields.text("language", hint: "zh-CN"),
            let edition = fields.text("edition", hint: "<the edition as the standard prints it>")
        else { return nil }
        return SiteConfig(
            title: title, shortTitle: fields.optionalText("short_title") ?? title, description: description,
            language: language, edition: edition, baseURL: normaliseBaseURL(fields.optionalText("base_url") ?? "/"),
            kAnonymity: fields.optionalInt(
                "k_anonymity", in: 3...100,
                why:
                    "below 3 a published group of two lets either member read the other's answers, and a withheld "
                    + "figure could be told from a range of one or two: use 3 or more (5 is the usual threshold)"
            ) ?? 5)
    }
}

/// "/portal" → "/portal/", "" → "/": the base URL always ends in exactly one slash.
public func normaliseBaseURL(_ url: String) -> String {
    var url = url.trimmingCharacters(in: .whitespaces)
    while url.hasSuffix("/") { url.removeLast() }
    if !url.contains("://") && !url.hasPrefix("/") { url = "/" + url }
    return url.hasSuffix("/") ? url : url + "/"
}
