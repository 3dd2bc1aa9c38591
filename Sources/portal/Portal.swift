import ArgumentParser
import Foundation
import PortalModel
import PortalSite
import PortalSynth

/// The `portal` command: a thin shell over PortalSite, where all logic lives.
@main
struct Portal: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds the smart-factory standards portal: Content/ + Templates/ → a static site.",
        subcommands: [Build.self, Check.self, Synth.self, Serve.self, EditionCommand.self],
        defaultSubcommand: Build.self)
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the whole site into the output folder.")

    @Option(help: "Content folder.") var content = "Content"
    @Option(help: "Templates folder (layouts, partials, assets/).") var templates = "Templates"
    @Option(help: "Output folder; replaced as a whole when the build succeeds.") var output = "Public"
    @Option(
        name: .customLong("base-url"),
        help: "Where the site is published, e.g. /portal/ or https://host/portal/ (overrides site.yaml).")
    var baseURL: String?
    @Option(help: "Assessment CSV file or folder (default: <content>/assessments when it exists).") var assessments:
        String?
    @Option(
        name: .customLong("anon-key-file"),
        help: "File holding the record key (128 bits or more), outside the site's folders (else PORTAL_ANON_KEY).")
    var anonKeyFile: String?
    @Option(help: "Release ledger folder: what earlier releases published (default: releases/ beside the assessments).")
    var releases: String?
    @Option(help: "Build the search index: auto (when pagefind_extended is found), on or off.") var search: SearchMode =
        .auto
    @Flag(help: "Print the time each stage took.") var timings = false

    func run() throws {
        let line = ProgressLine()
        do {
            var options = BuildOptions(
                content: content, templates: templates, output: output, baseURL: baseURL,
                assessments: assessments, keyFile: anonKeyFile, releases: releases, search: search)
            options.progress = line?.progress
            let report = try Pipeline.build(options)
            line?.finish()
            for note in report.notes { print("note: \(note)") }
            for warning in report.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            for warning in report.locatedWarnings {
                FileHandle.standardError.write(Data((warning.warningDescription + "\n").utf8))
            }
            print(
                String(
                    format: "built %d pages (%d files, %.1f MB) into %@ in %.3f s",
                    report.pages, report.files, Double(report.bytes) / 1_000_000, output, report.seconds))
            if timings {
                for stage in report.stages {
                    print(String(format: "  %-8@ %8.2f ms", stage.name, stage.seconds * 1000))
                }
            }
        } catch {
            line?.finish()
            fail(error, outcome: "\(output) was left as it was")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content without building.")

    @Option(help: "Content folder.") var content = "Content"

    func run() throws {
        do {
            let standard = try Pipeline.check(content: content)
            print(
                "content OK: \(standard.scenarios.count) scenarios, \(standard.indicators.count) indicators, "
                    + "\(standard.framework.tiers.count) tiers, \(standard.pages.count) pages"
            )
        } catch {
            fail(error, outcome: "the content has problems")
        }
    }
}

/// `portal serve` is the separate `portal-serve` executable beside this one: the HTTP
/// server (FlyingFox) brings in FoundationNetworking and libcurl with some thirty shared
/// libraries, which every `portal build` would otherwise load at start-up; without them
/// the Swift libraries can also be linked statically.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Build, serve over HTTP and rebuild on every change; open pages reload themselves (runs portal-serve).")

    @Argument(
        parsing: .captureForPassthrough,
        help: """
            portal-serve's options: --port, --host, --content, --templates, --output, --assessments, \
            --anon-key-file, --search.
            """
    )
    var arguments: [String] = []

    /// The folder of this executable: Linux's /proc/self/exe; elsewhere Foundation's
    /// idea of the main executable (a symbolic link resolved either way).
    static func ownFolder() -> URL {
        #if os(Linux)
            let path = "/proc/self/exe"
        #else
            let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        #endif
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    func run() throws {
        let executable = Self.ownFolder().appendingPathComponent("portal-serve").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            let message =
                "error: \(executable) not found: build it beside portal (make release, or swift build --product "
                + "portal-serve)\n"
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode.failure
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        execv(executable, argv)
        FileHandle.standardError.write(
            Data("error: cannot start \(executable): \(String(cString: strerror(errno)))\n".utf8))
        throw ExitCode.failure
    }
}

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Write synthetic assessment data, or with --scenarios a whole synthetic content tree (clearly marked as "
            + "such)."
    )

    @Option(help: "Content folder (the standard the data follows).") var content = "Content"
    @Option(help: "Number of assessments.") var assessments = 300
    @Option(
        help:
            "Write a whole content tree with this many scenarios (the real ones, then renumbered copies) into --output."
    )
    var scenarios: Int?
    @Option(help: "Random seed: the same seed gives the same data.") var seed: UInt64 = 2025
    @Option(help: "Output folder (assessments.csv and dataset.yaml are written into it), or a .csv file.") var output:
        String

    func run() throws {
        do {
            if let scenarios {
                let real = try Pipeline.check(content: content)
                try ContentTreeSynthesizer(standard: real, source: content).write(scenarios: scenarios, to: output)
                let standard = try Pipeline.check(content: output)
                _ = try SynthWriter.write(
                    standard: standard, count: assessments, seed: seed, to: output + "/assessments")
                print(
                    "wrote a content tree with \(scenarios) scenarios and \(assessments) synthetic assessments to "
                        + "\(output)"
                )
                return
            }
            let standard = try Pipeline.check(content: content)
            let written = try SynthWriter.write(standard: standard, count: assessments, seed: seed, to: output)
            print("wrote \(assessments) synthetic assessments to \(written)")
        } catch {
            fail(error, outcome: "nothing was written")
        }
    }
}

struct EditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edition", abstract: "Work with the standard's editions.", subcommands: [Archive.self])

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the current edition to <content>/editions/<id>/ before a revision starts.")

        @Option(help: "Content folder.") var content = "Content"

        func run() throws {
            do {
                let folder = try EditionArchive.archive(content: content)
                print("archived the current edition to \(folder)")
                print(
                    "next: give \(content)/edition.yaml the new edition's id, title and dates, `supersedes:` the "
                        + "archived id and a crosswalk for items renumbered, split, merged or withdrawn; then revise "
                        + "the content and build (see the README's \"Publishing a new edition\")")
            } catch {
                fail(error, outcome: "nothing was archived")
            }
        }
    }
}

/// Every diagnostic on its own line on stderr, a count, and exit status 1.
func fail(_ list: DiagnosticList, outcome: String) -> Never {
    for diagnostic in list.diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    let count = list.diagnostics.count
    FileHandle.standardError.write(Data("\(count) error\(count == 1 ? "" : "s"); \(outcome)\n".utf8))
    Portal.exit(withError: ExitCode.failure)
}

extension SearchMode: ExpressibleByArgument {}
