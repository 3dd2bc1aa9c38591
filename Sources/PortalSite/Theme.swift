import PortalLoad
import PortalModel
import PortalRender

/// What the templates folder gives a build: the templates and the site's own words
/// (strings.zh-CN.yaml), loaded and checked together so their problems show in one run.
/// The templates and the scripts read their words from the strings file by key; a text
/// that nothing reads (no template, no script, not the generator) is a warning.
struct Theme: Sendable {
    let templates: TemplateSet
    let text: UIText
    /// Texts of the strings file that nothing reads.
    let warnings: [Diagnostic]

    static func load(from directory: String) throws(DiagnosticList) -> Theme {
        let text = Result { () throws(DiagnosticList) in try UITextLoader.load(templates: directory) }
        let words = (try? text.get()).map(TemplateWords.init)
        let templates = Result { () throws(DiagnosticList) in try TemplateSet.load(from: directory, words: words) }
        let (loaded, strings) = try DiagnosticList.both(templates, text)
        let scripts = ScriptWords.check(assets: directory + "/assets", text: strings)
        if !scripts.problems.isEmpty { throw DiagnosticList(scripts.problems) }
        let read = loaded.wordKeys.union(scripts.keys).union(TextKey.allCases.map(\.rawValue))
        let unread = strings.sections.flatMap(\.keys).filter { !read.contains($0) }.compactMap { key in
            strings.entry(key).map {
                Diagnostic(
                    $0.location,
                    "no template, script or page reads the text '\(key)': remove it, or write it where it belongs")
            }
        }
        return Theme(templates: loaded, text: strings, warnings: unread)
    }
}
