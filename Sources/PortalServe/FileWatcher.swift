import Foundation

/// Watches folders by polling modification times: Linux has no file-system events in
/// Dispatch, and a poll every few hundred milliseconds over a few hundred files is cheap.
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
    /// (an editor saving several files, or writing one in steps, gives one rebuild).
    func run(every interval: Duration = .milliseconds(200), settle: Duration = .milliseconds(120),
             changed: @Sendable () async -> Void) async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var now = fingerprint()
            guard now != last else { continue }
            // Debounce: wait until a poll sees no further change.
            while true {
                try? await Task.sleep(for: settle)
                let again = fingerprint()
                if again == now { break }
                now = again
            }
            last = now
            await changed()
        }
    }
}
