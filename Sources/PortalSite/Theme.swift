import PortalLoad
import PortalModel
import PortalRender

/// What the templates folder gives a build: the templates and the site's own words
/// (strings.zh-CN.yaml), loaded and checked together so their problems show in one run.
struct Theme: Sendable {
    let templates: TemplateSet
    let text: UIText

    static func load(from directory: String) throws(DiagnosticList) -> Theme {
        let templates = Result { () throws(DiagnosticList) in try TemplateSet.load(from: directory) }
        let text = Result { () throws(DiagnosticList) in try UITextLoader.load(templates: directory) }
        let (loaded, words) = try DiagnosticList.both(templates, text)
        return Theme(templates: loaded, text: words)
    }
}
