import ArgumentParser
import Foundation
import PortalServe
import PortalSite

/// `portal serve` (which starts this executable): the development server. Kept out of
/// `portal` itself so that builds do not load the HTTP stack.
@main
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal serve",
        abstract: "Build, serve over HTTP and rebuild on every change; open pages reload themselves.")

    @Option(help: "Port to listen on.") var port: UInt16 = 8000
    @Option(help: "Address to listen on (loopback by default: the preview is not for the network).") var host =
        "127.0.0.1"
    @Option(help: "Content folder.") var content = "Content"
    @Option(help: "Templates folder.") var templates = "Templates"
    @Option(help: "Output folder.") var output = "Public"
    @Option(help: "Assessment CSV file or folder.") var assessments: String?
    @Option(name: .customLong("anon-key-file"), help: "File holding the record key (else PORTAL_ANON_KEY).")
    var anonKeyFile: String?
    @Option(
        help: "Release ledger folder (default: releases/ beside the assessments); read, never written, by the preview.")
    var releases: String?
    @Option(help: "Search index on each rebuild: auto, on or off (off keeps rebuilds fast).") var search: SearchMode =
        .off

    func run() async throws {
        let options = BuildOptions(
            content: content, templates: templates, output: output, assessments: assessments,
            keyFile: anonKeyFile, releases: releases, search: search)
        try await DevServer(options: options, host: host, port: port).run { line in
            // Unbuffered: a terminal or a test reading the pipe sees each line at once.
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}

extension SearchMode: ExpressibleByArgument {}
