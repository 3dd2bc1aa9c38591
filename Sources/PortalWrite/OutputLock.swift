import Foundation
import PortalModel

/// One build at a time into an output folder, as Hugo's `.hugo_build.lock`: a build holds
/// an exclusive lock on `.<output>.lock` beside the output from the moment it reads what
/// the output published (the release it says it made) until the new site is swapped in
/// and its release recorded. A second build — a scheduled publish beside a manual `make
/// site`, or `portal serve` beside a build — waits a few seconds, then stops with who holds
/// it, touching nothing.
///
/// The lock is the kernel's (flock), so a build that is killed, even by `kill -9`, lets it
/// go with its process: a stale lock cannot be left. The file itself stays, and its bytes
/// never change (who holds it is read from /proc/locks), so a failed build leaves the
/// folder around the output exactly as it was.
public final class OutputLock: @unchecked Sendable {
    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { release() }

    /// Lets the lock go (closing the file releases it).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    /// The lock file of an output folder.
    public static func path(output: String) -> String {
        let absolute = SiteWriter.absolute(output)
        return (absolute as NSString).deletingLastPathComponent + "/." + (absolute as NSString).lastPathComponent
            + ".lock"
    }

    static let contents = Data(
        "portal build lock: a build writing the folder beside this file holds it; leave this file be.\n".utf8)

    /// Takes the lock, waiting up to `wait` seconds for another build to finish. Nil
    /// where no lock file can be made (the folder around the output cannot be written: the
    /// write says why, as it always has).
    public static func acquire(output: String, wait: Double) throws(DiagnosticList) -> OutputLock? {
        let path = self.path(output: output)
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        if fstat(descriptor, &status) == 0 && status.st_size == 0 {
            _ = contents.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { close(descriptor); return nil }
            if Date() >= deadline {
                let holder = Holder.find(inode: UInt64(status.st_ino))
                close(descriptor)
                throw DiagnosticList([
                    Diagnostic(
                        path: path, line: 1, column: 1,
                        "another build is writing to "
                            + "\(SiteWriter.absolute(output))\(holder.map { " (\($0))" } ?? ""): wait for it to finish "
                            + "or stop it, then build again"
                    )
                ])
            }
            usleep(100_000)
        }
        return OutputLock(descriptor: descriptor)
    }

    /// Who holds a lock, as Linux lists it in /proc/locks: the process and when it started.
    struct Holder {
        let pid: Int
        let started: Date?

        static func find(inode: UInt64) -> String? {
            guard let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
            for line in locks.split(separator: "\n") {
                // "1: FLOCK  ADVISORY  WRITE 4242 08:01:1310722 0 EOF"
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int(fields[4]),
                    let node = fields[5].split(separator: ":").last, UInt64(node) == inode
                else { continue }
                let started =
                    (try? FileManager.default.attributesOfItem(atPath: "/proc/\(pid)"))?[.creationDate] as? Date
                    ?? (try? FileManager.default.attributesOfItem(atPath: "/proc/\(pid)"))?[.modificationDate] as? Date
                return Holder(pid: pid, started: started).description
            }
            return nil
        }

        var description: String {
            guard let started else { return "pid \(pid)" }
            let format = DateFormatter()
            format.locale = Locale(identifier: "en_US_POSIX")
            format.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return "pid \(pid), started \(format.string(from: started))"
        }
    }
}
