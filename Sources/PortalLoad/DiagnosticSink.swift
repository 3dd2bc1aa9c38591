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

    /// In file, line and column order (they arrive in whatever order the cores found them).
    var diagnostics: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        return items.sorted {
            ($0.location.path, $0.location.line, $0.location.column, $0.message)
                < ($1.location.path, $1.location.line, $1.location.column, $1.message)
        }
    }
}
