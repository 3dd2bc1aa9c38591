import Foundation
import PortalModel

/// `portal synth --scenarios N`: a whole content tree for benchmarks and scale tests.
/// Everything but the scenarios and assessments is the real content, copied byte for
/// byte; scenarios 1…40 are the real ones, and after them the real ones come round
/// again under new numbers and names (so every segment keeps getting its share).
public struct ContentTreeSynthesizer {
    /// The real standard, loaded from `source`.
    let standard: Standard
    let source: String

    public init(standard: Standard, source: String) {
        self.standard = standard
        self.source = source
    }

    /// Folders of the source content that are generated here instead of copied.
    static let generated: Set<String> = ["scenarios", "assessments"]

    public func write(scenarios count: Int, to output: String) throws(DiagnosticList) {
        let files = FileManager.default
        do {
            if files.fileExists(atPath: output) {
                guard try files.contentsOfDirectory(atPath: output).isEmpty else {
                    throw DiagnosticList([
                        Diagnostic(
                            path: output, line: 1, column: 1,
                            "the output folder is not empty: give a new or empty folder for the synthetic content")
                    ])
                }
            }
            try files.createDirectory(atPath: output + "/scenarios", withIntermediateDirectories: true)
            for entry in try files.contentsOfDirectory(atPath: source).sorted() where !Self.generated.contains(entry) {
                try files.copyItem(atPath: source + "/" + entry, toPath: output + "/" + entry)
            }
            for no in 1...max(1, count) {
                let (name, text) = scenarioFile(no)
                let destination = output + "/scenarios/" + name
                if no <= standard.scenarios.count {
                    try files.copyItem(atPath: standard.scenarios[no - 1].source.path, toPath: destination)
                } else {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: destination))
                }
            }
        } catch let list as DiagnosticList {
            throw list
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    path: output, line: 1, column: 1,
                    "cannot write the synthetic content: check that the folder is writable")
            ])
        }
    }

    /// File name and text of scenario `no`: the real one, or a renumbered copy of one.
    func scenarioFile(_ no: Int) -> (name: String, text: String) {
        let real = standard.scenarios.sorted { $0.no < $1.no }
        let model = real[(no - 1) % real.count]
        let slug = URL(fileURLWithPath: model.source.path).lastPathComponent.drop { $0.isASCII && $0.isNumber }
        let name = no <= real.count ? model.name : "\(model.name)（合成\(no)）"
        var lines = [
            "---", "no: \(no)", "name: \(Self.quoted(name))", "segment: \(Self.quoted(model.segment))", "tiers:",
        ]
        for tier in standard.framework.tierIDs {
            lines.append("  \(tier.rawValue): \(model.text(at: tier).map(Self.quoted) ?? "null")")
        }
        lines.append("---")
        return (twoDigits(no) + slug, lines.joined(separator: "\n") + "\n" + model.notes)
    }

    /// A YAML double-quoted scalar (JSON's string syntax is a subset of it).
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }
}
