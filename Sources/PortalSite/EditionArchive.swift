import Foundation
import PortalLoad
import PortalModel

/// `portal edition archive`: before a revision starts, the current edition is copied whole
/// to Content/editions/<id>/ (its edition.yaml, framework, scenarios, indicators and
/// pages), where it stays as it is, published at /editions/<id>/. Nothing is deleted;
/// an edition already archived is never overwritten.
public enum EditionArchive {
    /// The folders and file an edition consists of (site.yaml and the assessments are the site's).
    static let parts = ["framework", "scenarios", "indicators", "pages"]

    /// Copies the current edition; returns the folder written.
    public static func archive(content: String) throws(DiagnosticList) -> String {
        let standard = try Pipeline.check(content: content)
        let editions = try ContentLoader(root: content).loadEditions(current: standard)
        let edition = editions.latest.edition
        let target = content + "/" + ContentLoader.editionsFolder + "/" + edition.id
        guard !FileManager.default.fileExists(atPath: target) else {
            throw DiagnosticList([
                Diagnostic(
                    path: target, line: 1, column: 1,
                    "edition \(edition.id) is already archived: give Content/edition.yaml the new edition's id before "
                        + "changing the content, or remove this folder if it was archived by mistake")
            ])
        }
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for part in parts where FileManager.default.fileExists(atPath: content + "/" + part) {
                try FileManager.default.copyItem(atPath: content + "/" + part, toPath: target + "/" + part)
            }
            try editionFile(edition).write(toFile: target + "/edition.yaml", atomically: true, encoding: .utf8)
        } catch {
            try? FileManager.default.removeItem(atPath: target)  // the partial copy this call made
            throw DiagnosticList([
                Diagnostic(
                    path: target, line: 1, column: 1,
                    "cannot write the archive (\(error.localizedDescription)): check the folder's permissions")
            ])
        }
        return target
    }

    /// The archived edition's edition.yaml: every field written out (its title included,
    /// which the current one may take from site.yaml).
    static func editionFile(_ edition: Edition) -> String {
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var lines = [
            "# Archived by `portal edition archive`: this edition as it was. Do not edit.",
            "id: " + quoted(edition.id), "title: " + quoted(edition.title),
        ]
        if !edition.published.isEmpty { lines.append("published: " + edition.published) }
        if !edition.effective.isEmpty { lines.append("effective: " + edition.effective) }
        if !edition.supersedes.isEmpty {
            lines.append("supersedes: [" + edition.supersedes.map(quoted).joined(separator: ", ") + "]")
        }
        if !edition.crosswalk.isEmpty {
            lines.append("crosswalk:")
            for entry in edition.crosswalk {
                var line =
                    "  - {item: \(entry.item.rawValue), kind: \(entry.kind.rawValue), "
                    + "from: [\(entry.from.map(quoted).joined(separator: ", "))], "
                    + "to: [\(entry.to.map(quoted).joined(separator: ", "))]"
                if let reason = entry.reason { line += ", reason: " + quoted(reason) }
                lines.append(line + "}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
