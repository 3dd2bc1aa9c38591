import Foundation
@testable import PortalServe
import PortalTestSupport
import Testing

/// What `portal serve` watches: every regular file below the watched folders (hidden ones
/// too), never through a symbolic link below them; a save, a new file in a new folder or
/// a deletion changes the fingerprint, and nothing else does.
@Suite struct FileWatcherTests {
    @Test func theFingerprintFollowsTheFilesAndNothingElse() throws {
        let root = Scratch.folder("watched") + "/root", outside = Scratch.folder("outside") + "/outside"
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/scenarios/deep", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/site.yaml"))
        try Data("b".utf8).write(to: URL(fileURLWithPath: root + "/scenarios/deep/07.md"))
        try Data("c".utf8).write(to: URL(fileURLWithPath: root + "/.hidden"))
        try Data("d".utf8).write(to: URL(fileURLWithPath: outside + "/elsewhere.md"))
        try manager.createSymbolicLink(atPath: root + "/link", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: root + "/file-link", withDestinationPath: outside + "/elsewhere.md")

        let watcher = FileWatcher(paths: [root, root + "/site.yaml", root + "/missing"])
        let (folders, files) = FileWatcher.walk(root)
        #expect(Set(folders) == [root, root + "/scenarios", root + "/scenarios/deep"])
        #expect(Set(files) == [root + "/site.yaml", root + "/scenarios/deep/07.md", root + "/.hidden"])
        #expect(FileWatcher.walk(root + "/site.yaml").files == [root + "/site.yaml"])
        // A watched folder may itself be a link (content kept elsewhere).
        #expect(FileWatcher.walk(root + "/link").files == [root + "/link/elsewhere.md"])
        let first = watcher.fingerprint()
        #expect(Set(first.keys) == Set(files))
        #expect(watcher.fingerprint() == first)

        try Data("bb".utf8).write(to: URL(fileURLWithPath: root + "/scenarios/deep/07.md"))
        let saved = watcher.fingerprint()
        #expect(saved != first)
        try manager.createDirectory(atPath: root + "/pages", withIntermediateDirectories: true)
        try Data("e".utf8).write(to: URL(fileURLWithPath: root + "/pages/new.md"))
        let added = watcher.fingerprint()
        #expect(added[root + "/pages/new.md"] != nil && added.count == saved.count + 1)
        try manager.removeItem(atPath: root + "/site.yaml")
        #expect(watcher.fingerprint().count == added.count - 1)
    }
}
