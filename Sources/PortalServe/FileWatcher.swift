import Foundation
import PortalWrite

/// Watches folders for changes. With Linux's inotify a save is seen at once; where
/// inotify is not available (or runs out of watches) it falls back to polling
/// modification times. Either way a rebuild follows only when the fingerprint of the
/// files (path, size, modification time) really changed.
struct FileWatcher: Sendable {
    let paths: [String]

    /// A fingerprint of every regular file below the paths (or of a path that is one):
    /// path, size and modification time, read with stat. FileManager's attribute
    /// dictionaries took longer than the rebuild that follows a save.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        for root in paths {
            for file in Self.walk(root).files {
                var status = stat()
                guard stat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
                result[file] = "\(status.st_size)@\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
            }
        }
        return result
    }

    /// The folders and regular files at and below `root`, walked with readdir (never
    /// through a symbolic link below the root; the root itself may be one, as a content
    /// folder linked from elsewhere); a root that is a file is its only file.
    static func walk(_ root: String) -> (folders: [String], files: [String]) {
        var status = stat()
        guard stat(root, &status) == 0 else { return ([], []) }
        guard status.st_mode & S_IFMT == S_IFDIR else { return ([], status.st_mode & S_IFMT == S_IFREG ? [root] : []) }
        var folders = [root], files: [String] = []
        FileTree.walk(root) { path, entry in
            if entry.isFolder { folders.append(path) } else if entry.isFile { files.append(path) }
        }
        return (folders, files)
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
                events.watchAll()  // folders created since
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
            let mask = UInt32(
                IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
                    | IN_DELETE_SELF | IN_MOVE_SELF)
            for root in paths {
                let (folders, files) = FileWatcher.walk(root)
                // A watched file (not folder) replaced by an editor (write to a copy, rename
                // over) loses its watch: such a path is watched again every time.
                let isFile = folders.isEmpty
                for target in isFile ? files : folders where !watched.contains(target) || isFile {
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
