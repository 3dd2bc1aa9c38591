import Foundation
import PortalSite

/// A progress line on a terminal for builds that take long: nothing for the first two
/// seconds (most builds are done by then), then the stage and, while rendering, pages
/// done of all, rewritten in place four times a second; erased when the build ends.
/// Nothing at all when standard error is not a terminal (a log, CI, a pipe).
final class ProgressLine: @unchecked Sendable {
    let progress = BuildProgress()
    private let timer: DispatchSourceTimer
    private let start = Date()
    private var shown = false

    /// Nil when standard error is not a terminal.
    init?() {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "portal.progress"))
        timer.schedule(deadline: .now() + 2, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    private func draw() {
        let state = progress.current
        var line = String(format: "building… %.0f s · %@", Date().timeIntervalSince(start), state.stage)
        if let done = state.done, let total = state.total { line += " \(done)/\(total) pages" }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        shown = true
    }

    /// Stops the line and clears it, so the summary starts on a clean line.
    func finish() {
        timer.cancel()
        timer.setEventHandler {}
        DispatchQueue(label: "portal.progress.end").sync {}
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
