import Foundation

/// Watches folders for changes. With Linux's inotify a save is seen at once; where
/// inotify is not available (or runs out of watches) it falls back to polling
/// modification times. Either way a rebuild follows only when the fingerprint of the
/// files (path, size, modification time) really changed.
struct FileWatcher: Sendable {
    let paths: [String]

    /// A fingerprint of every file below the paths: path, size and modification time.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        for root in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue ? (fm.enumerator(atPath: root)?.allObjects as? [String] ?? []).map { root + "/" + $0 } : [root]
            for file in files {
                guard let attributes = try? fm.attributesOfItem(atPath: file),
                      attributes[.type] as? FileAttributeType == .typeRegular else { continue }
                let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[file] = "\(attributes[.size] ?? 0)@\(date)"
            }
        }
        return result
    }

    /// Calls `changed` after the files change and then stay unchanged for `settle`
    /// milliseconds (an editor saving several files, or writing one in steps, gives one
    /// rebuild).
    func run(settle: Int = 30, changed: @Sendable () async -> Void) async {
        var last = fingerprint()
        let events = ChangeEvents(paths: paths)
        while !Task.isCancelled {
            if let events {
                guard await events.wait(milliseconds: 500) else { continue }
                // Debounce: until no event arrives for `settle`.
                while await events.wait(milliseconds: settle) {}
                events.watchAll() // folders created since
            } else {
                try? await Task.sleep(for: .milliseconds(200))
            }
            var now = fingerprint()
            guard now != last else { continue }
            if events == nil {
                // Polling saw the files mid-save, perhaps: wait until a poll sees no change.
                while true {
                    try? await Task.sleep(for: .milliseconds(120))
                    let again = fingerprint()
                    if again == now { break }
                    now = again
                }
            }
            last = now
            await changed()
        }
    }
}

#if os(Linux)
/// inotify on every folder below the watched paths (and on a watched file itself).
final class ChangeEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let paths: [String]
    private var watched: Set<String> = []
    /// Blocking waits run here, off Swift's cooperative threads (two on this machine).
    private let queue = DispatchQueue(label: "portal.serve.watch")

    init?(paths: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.paths = paths
        guard watchAll() else { close(descriptor); return nil }
    }

    deinit { close(descriptor) }

    /// Adds a watch for every folder not watched yet; false when the system refuses one
    /// (too many watches): then polling takes over.
    @discardableResult
    func watchAll() -> Bool {
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        let fm = FileManager.default
        for root in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            var targets = [root]
            if isDirectory.boolValue {
                for sub in fm.enumerator(atPath: root)?.allObjects as? [String] ?? [] {
                    var isFolder: ObjCBool = false
                    if fm.fileExists(atPath: root + "/" + sub, isDirectory: &isFolder), isFolder.boolValue { targets.append(root + "/" + sub) }
                }
            }
            // A file replaced by an editor (write to a copy, rename over) loses its watch:
            // files are watched again every time.
            for target in targets where !watched.contains(target) || !isDirectory.boolValue {
                guard inotify_add_watch(descriptor, target, mask) >= 0 else { return false }
                watched.insert(target)
            }
        }
        return true
    }

    /// Whether an event arrived within the time (the events are read and dropped).
    func wait(milliseconds: Int) async -> Bool {
        await withCheckedContinuation { continuation in
            queue.async {
                var poller = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, Int32(milliseconds)) > 0
                if ready {
                    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                    while read(self.descriptor, &buffer, buffer.count) > 0 {}
                }
                continuation.resume(returning: ready)
            }
        }
    }
}
#else
/// Elsewhere (no inotify) the watcher polls: `init` gives nil, `run` falls back.
final class ChangeEvents: @unchecked Sendable {
    init?(paths: [String]) { return nil }
    func watchAll() {}
    func wait(milliseconds: Int) async -> Bool { false }
}
#endif
