import COpenSSL
import Foundation
import PortalModel

/// The secret that turns a credit code into an opaque, stable record id. Without it no
/// per-record page is built: an unkeyed hash of a credit code could be recomputed by
/// anyone holding the code, and so would identify the enterprise.
public struct RecordKey: Sendable {
    private let secret: [UInt8]

    public init?(_ secret: String) {
        let bytes = Array(secret.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        guard bytes.count >= 16 else { return nil }
        self.secret = bytes
    }

    /// HMAC-SHA256(key, credit code), first 16 hex digits: 64 bits, stable across builds.
    public func id(for identifiers: DirectIdentifiers) -> String {
        let message = Array(identifiers.creditCode.utf8)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = secret.withUnsafeBufferPointer { key in
            message.withUnsafeBufferPointer { data in
                HMAC(EVP_sha256(), key.baseAddress, Int32(key.count), data.baseAddress, data.count, &digest, &length)
            }
        }
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
