import Foundation
import PortalTestSupport
import Testing

/// Every bad input of Tests/Fixtures/invalid/, through the real command line: `portal
/// build` over a site it built before must exit with the expected status, print each
/// problem as one `path:line:column: error: what is wrong: what to do` line at the
/// expected place, print no enterprise name or credit code, and leave the previous site
/// byte for byte as it was, with nothing left beside it.
///
/// A case folder holds content files laid over Tests/Fixtures/valid/, optionally
/// `templates/` (laid over a copy of Templates/), `root/` (files around the build),
/// `args` (extra arguments; `{content}` and `{root}` are replaced), `env` (lines of
/// NAME=value for the environment), `links` (lines of `path target`: symbolic links made
/// in the folder around the build) and `expected.txt`, whose locations are relative to
/// the content folder unless they start with `{output}`, `{root}`, `templates/` or are
/// an environment variable's name.
@Suite struct BadInputCorpusTests {
    /// The site of the valid fixture, built once; each case starts from a copy.
    static let golden: String = {
        let root = Scratch.folder("portal-corpus")
        let content = root + "/content"
        try! Scratch.materialise(Fixtures.contentFiles(), at: content)
        let result = try! PortalBinary.run(
            [
                "build", "--content", content, "--templates", Fixtures.repository + "/Templates",
                "--output", root + "/Public", "--search", "off",
            ], in: root)
        precondition(result.status == 0, "the valid fixture does not build: \(result.stderr)")
        return root + "/Public"
    }()

    @Test func thePortalBinaryIsBuilt() {
        #expect(
            FileManager.default.isExecutableFile(atPath: PortalBinary.path),
            "build it first (make test does): \(PortalBinary.path)")
    }

    @Test(arguments: Fixtures.invalidCases)
    func reportsTheProblemAndKeepsThePreviousSite(_ name: String) throws {
        let root = Scratch.folder("portal-corpus")
        let caseFiles = Fixtures.tree(Fixtures.root + "/invalid/" + name)
        try Scratch.materialise(Fixtures.contentFiles(overlay: name), at: root + "/content")
        try FileManager.default.copyItem(atPath: Fixtures.repository + "/Templates", toPath: root + "/templates")
        try Scratch.materialise(
            caseFiles.filter { $0.key.hasPrefix("templates/") }.reduce(into: [:]) {
                $0[String($1.key.dropFirst(10))] = $1.value
            },
            at: root + "/templates")
        try Scratch.materialise(
            caseFiles.filter { $0.key.hasPrefix("root/") }.reduce(into: [:]) {
                $0[String($1.key.dropFirst(5))] = $1.value
            },
            at: root)
        try FileManager.default.copyItem(atPath: Self.golden, toPath: root + "/Public")
        // The previous build left its lock file beside the site, as every build does.
        try FileManager.default.copyItem(
            atPath: (Self.golden as NSString).deletingLastPathComponent + "/.Public.lock",
            toPath: root + "/.Public.lock")
        func placeholders(_ text: String) -> String {
            text.replacingOccurrences(of: "{content}", with: root + "/content").replacingOccurrences(
                of: "{root}", with: root)
        }
        for line in String(decoding: caseFiles["links"] ?? Data(), as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ").map { placeholders(String($0)) }
            try FileManager.default.createDirectory(
                atPath: ((root + "/" + parts[0]) as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: root + "/" + parts[0], withDestinationPath: parts[1])
        }
        let environment = Dictionary(
            String(decoding: caseFiles["env"] ?? Data(), as: UTF8.self).split(separator: "\n").map { line in
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }, uniquingKeysWith: { $1 })
        let before = Scratch.snapshot(root)
        let extra =
            caseFiles["args"].map {
                String(decoding: $0, as: UTF8.self).split(whereSeparator: \.isWhitespace).map {
                    placeholders(String($0))
                }
            } ?? []
        var arguments = [
            "build", "--content", root + "/content", "--templates", root + "/templates", "--search", "off",
        ]
        if !extra.contains("--output") { arguments += ["--output", root + "/Public"] }
        let result = try PortalBinary.run(arguments + extra, in: root, environment: environment)

        #expect(result.status == Fixtures.exitCode(name), "\(name): exit \(result.status)\n\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.last?.hasSuffix("was left as it was") == true, "\(name): no closing line\n\(result.stderr)")
        let output = extra.firstIndex(of: "--output").map { extra[$0 + 1] } ?? root + "/Public"
        let absoluteOutput = output.hasPrefix("/") ? output : root + "/" + output
        let diagnostics = lines.dropLast()
        for (location, message) in Fixtures.expectations(name) {
            let place: String
            if location.hasPrefix("{output}") {
                place = URL(fileURLWithPath: absoluteOutput).standardizedFileURL.path + location.dropFirst(8)
            } else if location.hasPrefix("{root}") {
                place = root + location.dropFirst(6)
            } else if location.first?.isUppercase == true && location.contains("_") {
                place = location
            } else if location.hasPrefix("templates/") {
                place = root + "/" + location
            } else {
                place = root + "/content/" + location
            }
            let match = diagnostics.first { $0.hasPrefix(place) && $0.contains(": error: ") && $0.contains(message) }
            #expect(match != nil, "\(name): expected \(place)… \(message), got:\n\(result.stderr)")
        }
        let shape = try Regex(#"^(/[^:]+|[A-Z_]+):\d+:\d+: error: .+[:;] .+$"#)
        for line in diagnostics {
            #expect(
                line.wholeMatch(of: shape) != nil,
                "\(name): not one 'path:line:column: error: problem: what to do' line: \(line)")
        }
        // No identifier from the CSV reaches the messages.
        let csv = String(decoding: caseFiles["assessments/assessments.csv"] ?? Data(), as: UTF8.self)
        for identifier in csv.matches(of: try Regex(#"测试企业[^,]*|9115010\d{9}A."#)).map({ String(csv[$0.range]) }) {
            #expect(
                !result.stderr.contains(identifier) && !result.stdout.contains(identifier),
                "\(name): an identifier reached the output")
        }
        #expect(Scratch.snapshot(root) == before, "\(name): the files around the build changed")
    }
}
