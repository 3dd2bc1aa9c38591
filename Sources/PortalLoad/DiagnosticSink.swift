import Foundation
import PortalModel

/// Collects every problem found while loading instead of stopping at the first, so an
/// editor sees all of them in one run. Thread-safe: files are read in parallel.
final class DiagnosticSink: @unchecked Sendable {
    private var items: [Diagnostic] = []
    private let lock = NSLock()

    func report(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.append(diagnostic)
    }

    func report(_ location: SourceLocation, _ message: String) {
        report(Diagnostic(location, message))
    }

    var diagnostics: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return items
    }
}
