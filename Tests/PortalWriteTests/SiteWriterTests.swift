import Foundation
import PortalModel
import PortalTestSupport
import PortalWrite
import Testing

/// The write stage: all or nothing, and it never destroys a folder it did not make.
@Suite struct SiteWriterTests {
    let parent = Scratch.folder("portal-writer")
    var output: String { parent + "/Public" }

    init() throws { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }

    func files(_ pairs: [String: String]) -> [(path: String, contents: Data)] {
        pairs.sorted { $0.key < $1.key }.map { ($0.key, Data($0.value.utf8)) }
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: output + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesFilesAndTheMarker() throws {
        let result = try SiteWriter(output: output).write(files(["index.html": "一", "a/b/index.html": "二"]))
        #expect(result.count == 2)
        #expect(read("index.html") == "一")
        #expect(read("a/b/index.html") == "二")
        #expect(FileManager.default.fileExists(atPath: output + "/" + SiteWriter.marker))
    }

    @Test func createsMissingParentFolders() throws {
        let nested = parent + "/build/out/site"
        try SiteWriter(output: nested).write(files(["index.html": "x"]))
        #expect(FileManager.default.contents(atPath: nested + "/index.html") == Data("x".utf8))
    }

    @Test func replacesThePreviousSiteAsAWhole() throws {
        try SiteWriter(output: output).write(files(["index.html": "old", "gone.html": "old"]))
        try SiteWriter(output: output).write(files(["index.html": "new"]))
        #expect(read("index.html") == "new")
        #expect(read("gone.html") == nil)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: parent).sorted()
        #expect(
            siblings == [".Public.spare", "Public"],
            "no staging folder left behind, the previous site kept as the spare: \(siblings)")
    }

    func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    /// The third build rewrites the first build's site in place: the exact new file set,
    /// unchanged files not recreated, stale files and folders gone, links never followed.
    @Test func rewritesTheSpareInPlace() throws {
        let writer = SiteWriter(output: output)
        try writer.write(files(["index.html": "1", "same/index.html": "s", "only-first/index.html": "x"]))
        let sameInode = try inode(output + "/same/index.html")
        try writer.write(files(["index.html": "2", "same/index.html": "s"]))
        // Something planted in the spare: a link to a file outside that must not be written through.
        let outside = parent + "/outside.txt"
        try Data("untouched".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.removeItem(atPath: writer.spare + "/index.html")
        try FileManager.default.createSymbolicLink(atPath: writer.spare + "/index.html", withDestinationPath: outside)
        // And a link where a wanted folder goes, to a folder outside: never listed or entered.
        let outsideFolder = parent + "/outside-folder"
        try FileManager.default.createDirectory(atPath: outsideFolder, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outsideFolder + "/index.html"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outsideFolder + "/stale.html"))
        try FileManager.default.createSymbolicLink(atPath: writer.spare + "/new", withDestinationPath: outsideFolder)
        try writer.write(files(["index.html": "3", "same/index.html": "s", "new/index.html": "n"]))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: outsideFolder).sorted() == ["index.html", "stale.html"])
        #expect(FileManager.default.contents(atPath: outsideFolder + "/index.html") == Data("keep".utf8))
        #expect(read("index.html") == "3" && read("same/index.html") == "s" && read("new/index.html") == "n")
        #expect(read("only-first/index.html") == nil && !FileManager.default.fileExists(atPath: output + "/only-first"))
        #expect(try inode(output + "/same/index.html") == sameInode, "an unchanged file was recreated")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "untouched")
        let tree = Set(FileManager.default.enumerator(atPath: output)?.allObjects as? [String] ?? [])
        #expect(tree == [SiteWriter.marker, "index.html", "same", "same/index.html", "new", "new/index.html"])
    }

    @Test func ignoresASpareItDidNotMake() throws {
        let writer = SiteWriter(output: output)
        try FileManager.default.createDirectory(atPath: writer.spare, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: writer.spare + "/notes.txt"))
        try writer.write(files(["index.html": "x"]))
        try writer.write(files(["index.html": "y"]))
        #expect(read("index.html") == "y" && read("notes.txt") == nil)
        #expect(FileManager.default.contents(atPath: writer.spare + "/notes.txt") == Data("keep".utf8))
    }

    @Test func aFailedWriteLeavesThePreviousSite() throws {
        try SiteWriter(output: output).write(files(["index.html": "old"]))
        // A file where a folder must go makes the write fail half-way.
        let error = #expect(throws: DiagnosticList.self) {
            try SiteWriter(output: output).write(files(["index.html": "new", "x": "file", "x/y.html": "under a file"]))
        }
        #expect(error?.description.contains("the previous site is unchanged") == true)
        #expect(read("index.html") == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["Public"])
    }

    @Test func refusesAFolderItDidNotMake() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: output + "/thesis.docx"))
        #expect(throws: DiagnosticList.self) { try SiteWriter(output: output).write(files(["index.html": "x"])) }
        #expect(read("thesis.docx") == "keep")
    }

    @Test func refusesProtectedFoldersAndTheWorkingDirectory() throws {
        let content = parent + "/Content"
        #expect(throws: DiagnosticList.self) { try SiteWriter(output: content, protected: [content]).write(files([:])) }
        #expect(throws: DiagnosticList.self) { try SiteWriter(output: parent, protected: [content]).write(files([:])) }
        #expect(throws: DiagnosticList.self) {
            try SiteWriter(output: FileManager.default.currentDirectoryPath).write(files([:]))
        }
        #expect(throws: DiagnosticList.self) { try SiteWriter(output: "/").write(files([:])) }
    }

    @Test func cleansUpAStagingFolderLeftByAKilledBuild() throws {
        try FileManager.default.createDirectory(
            atPath: parent + "/.Public.tmp-99999/half", withIntermediateDirectories: true)
        try SiteWriter(output: output).write(files(["index.html": "x"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["Public"])
    }

    @Test func updateInPlaceTouchesOnlyWhatChanged() throws {
        try SiteWriter(output: output).write(files(["index.html": "a", "b.html": "b", "gone.html": "g"]))
        let before = try FileManager.default.attributesOfItem(atPath: output + "/b.html")[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        let result = try SiteWriter(output: output).update(
            SiteFiles(files(["index.html": "A", "b.html": "b", "new/c.html": "c"])))
        #expect(result.written == 2 && result.removed == 1)
        #expect(read("index.html") == "A" && read("new/c.html") == "c" && read("gone.html") == nil)
        let after = try FileManager.default.attributesOfItem(atPath: output + "/b.html")[.modificationDate] as? Date
        #expect(before == after, "an unchanged file was rewritten")
    }

    @Test func aFileThatCannotBeMadeStopsTheWriteAndKeepsThePreviousSite() throws {
        try SiteWriter(output: output).write(files(["index.html": "old"]))
        // 600 files: the failure comes in the third batch, after two were written.
        let paths = (0..<600).map { "p\($0)/index.html" }
        let site = SiteFiles(paths: paths) { index in
            if index == 555 {
                throw DiagnosticList([
                    Diagnostic(path: "Templates/pages/x.mustache", line: 1, column: 1, "rendering p555 failed")
                ])
            }
            return Data("page \(index)".utf8)
        }
        let error = #expect(throws: DiagnosticList.self) { try SiteWriter(output: output).write(site) }
        #expect(error?.diagnostics.first?.message == "rendering p555 failed")
        #expect(read("index.html") == "old" && read("p0/index.html") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.contains(".tmp-") }.isEmpty)
    }
}
