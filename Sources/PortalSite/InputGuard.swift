import Foundation
import PortalModel
import PortalWrite

/// Checks, before anything is read for publishing, that no private input can reach the
/// output and no input can be lost: the assessments, the record key and the release
/// ledger stay out of the folders that are published or replaced, the content and
/// templates hold no link to files elsewhere, and assets are only what a site serves.
struct InputGuard {
    let content: String
    let templates: String
    let output: String
    let assessments: String?
    let keyFile: String?
    let ledger: String?

    /// File types copied from Templates/assets/: what a browser loads for a page.
    static let webAssetTypes: Set<String> = [
        "css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif",
        "ico", "woff", "woff2", "ttf", "otf", "eot", "webmanifest",
    ]

    func check() throws(DiagnosticList) {
        var problems: [Diagnostic] = []
        let contentRoot = Self.real(content), templatesRoot = Self.real(templates), outputRoot = Self.real(output)
        // A path counts as inside a folder whether it or what it links to is inside.
        func within(_ path: String, _ folder: String, _ root: String) -> Bool {
            Self.inside(Self.real(path), root) || Self.inside(Self.plain(path), Self.plain(folder))
        }
        problems += links(in: content, root: contentRoot, name: "the content folder")
        problems += links(in: templates, root: templatesRoot, name: "the templates folder")
        problems += assetTypes()

        if let keyFile {
            for (folder, root, name) in [
                (content, contentRoot, "content"), (templates, templatesRoot, "templates"),
                (output, outputRoot, "output"),
            ]
            where within(keyFile, folder, root) {
                problems.append(
                    Diagnostic(
                        path: keyFile, line: 1, column: 1,
                        "the record key file is inside the \(name) folder, where it could be committed or published: "
                            + "keep it outside Content/, Templates/ and the output (make site keeps it in .portal-anon-"
                            + "key)"
                    ))
            }
        }
        if let assessments {
            let data = Self.real(assessments)
            let allowed = Self.real(content + "/assessments")
            if within(assessments, templates, templatesRoot) || within(assessments, output, outputRoot) {
                problems.append(
                    Diagnostic(
                        path: assessments, line: 1, column: 1,
                        "the assessments are inside the "
                            + "\(within(assessments, output, outputRoot) ? "output" : "templates") folder, which is "
                            + "published: keep them in Content/assessments/ or outside the site's folders"
                    ))
            } else if Self.inside(data, contentRoot) && !Self.inside(data, allowed) {
                problems.append(
                    Diagnostic(
                        path: assessments, line: 1, column: 1,
                        "the assessments are inside the content folder but not in its assessments/ folder: move them "
                            + "to Content/assessments/ or outside the site's folders"
                    ))
            }
        }
        if let ledger {
            if within(ledger, templates, templatesRoot) || within(ledger, output, outputRoot) {
                problems.append(
                    Diagnostic(
                        path: ledger, line: 1, column: 1,
                        "the release ledger is inside a folder that is published or replaced: keep it in Content/"
                            + "assessments/releases/ (the default) or give another folder with --releases"
                    ))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
    }

    /// Symbolic links under `folder` that lead outside it, each reported once, in path
    /// order. Walked with readdir (FileTree): FileManager's enumerator reads every
    /// entry's attributes, slow over thousands of scenario files.
    private func links(in folder: String, root: String, name: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        FileTree.walk(folder) { path, entry in
            guard !entry.isFolder, !entry.isFile else { return }
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return }
            if !Self.inside(Self.real(path), root) {
                problems.append(
                    Diagnostic(
                        path: path, line: 1, column: 1,
                        "a symbolic link that leads outside \(name): replace it with a copy of the file it should "
                            + "hold, or remove it (links out could publish private files)"
                    ))
            }
        }
        return problems
    }

    private func assetTypes() -> [Diagnostic] {
        let assets = templates + "/assets"
        guard let walker = FileManager.default.enumerator(atPath: assets) else { return [] }
        var problems: [Diagnostic] = []
        while let relative = walker.nextObject() as? String {
            let path = assets + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            let type = (relative as NSString).pathExtension.lowercased()
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") || !Self.webAssetTypes.contains(type) {
                problems.append(
                    Diagnostic(
                        path: path, line: 1, column: 1,
                        "not a web asset (only \(Self.webAssetTypes.sorted().joined(separator: ", ")) files are "
                            + "published from assets/): move it out of Templates/assets/"
                    ))
            }
        }
        return problems
    }

    /// The path with every link resolved; for a path that does not exist yet, its
    /// nearest existing parent resolved and the rest appended.
    static func real(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let resolved = realpath(absolute, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let parent = (absolute as NSString).deletingLastPathComponent
        guard parent != absolute else { return absolute }
        return (real(parent) as NSString).appendingPathComponent((absolute as NSString).lastPathComponent)
    }

    static func inside(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }

    /// Absolute and tidied, links left as they are.
    static func plain(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}
