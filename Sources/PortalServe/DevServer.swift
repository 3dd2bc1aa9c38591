import FlyingFox
import Foundation
import PortalLoad
import PortalModel
import PortalSite

/// `portal serve`: builds the site, serves the output folder over HTTP, rebuilds when the
/// content, templates or assessments change, and makes open pages reload themselves.
/// The reload script is added to pages as they are served, never to the files on disk.
public struct DevServer: Sendable {
    public let options: BuildOptions
    public let host: String
    public let port: UInt16
    let hub = ReloadHub()
    let errors = ErrorState()

    public init(options: BuildOptions, host: String, port: UInt16) {
        var options = options
        options.renderCache = RenderCache()
        options.updateInPlace = true
        // A preview is not a publication: it audits against the ledger, records nothing.
        options.recordRelease = false
        self.options = options
        self.host = host
        self.port = port
    }

    /// The error overlay's heading, in the site's words when the strings file loads.
    var buildFailedHeading: String {
        (try? UITextLoader.load(templates: options.templates))?(.serveBuildFailed)
            ?? "Build failed; the last good site is still shown:"
    }

    public func run(log: @escaping @Sendable (String) -> Void) async throws {
        await errors.set(build(log: log))
        let server = HTTPServer(
            address: try .inet(ip4: host, port: port), timeout: 60, logger: .disabled,
            handler: Router(output: options.output, hub: hub, errors: errors, buildFailed: buildFailedHeading))
        let watcher = FileWatcher(
            paths: [options.content, options.templates] + (options.assessments.map { [$0] } ?? []))
        log(
            "serving \(options.output) at http://\(host):\(port)/ — watching "
                + "\(watcher.paths.joined(separator: ", ")); Ctrl-C stops"
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                await watcher.run {
                    let started = DispatchTime.now()
                    let failure = self.build(log: log)
                    await self.errors.set(failure)
                    if let failure {
                        await self.hub.broadcast("error:" + failure)
                    } else {
                        await self.hub.broadcast("reload")
                        let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                        log(
                            String(
                                format: "rebuilt; %d page(s) told to reload %.0f ms after the change was seen",
                                await self.hub.count, ms))
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Builds; on failure prints every problem and returns them (the last good site stays).
    func build(log: @Sendable (String) -> Void) -> String? {
        do {
            let report = try Pipeline.build(options)
            let cache = options.renderCache
            let stages = report.stages.map { String(format: "%@ %.0f", $0.name, $0.seconds * 1000) }.joined(
                separator: ", ")
            log(
                String(
                    format: "built %d pages in %.0f ms (%d rendered, %d unchanged, %d files written; ms: %@)",
                    report.pages,
                    report.seconds * 1000, cache?.misses ?? report.pages, cache?.hits ?? 0, report.files, stages))
            return nil
        } catch {
            log(error.description)
            log("\(error.diagnostics.count) error(s); still serving the last good site")
            return error.description
        }
    }
}

/// The last build error, shown to pages that open while the content is broken.
actor ErrorState {
    private(set) var message: String?
    func set(_ message: String?) { self.message = message }
}
