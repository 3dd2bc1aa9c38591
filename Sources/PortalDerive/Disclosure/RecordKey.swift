import COpenSSL
import Foundation
import PortalModel

/// The secret behind the release ledger's fingerprints. Credit codes are public, so an
/// unkeyed hash of one could be recomputed by anyone; under a secret key the ledger joins
/// nothing for whoever lacks it.
public struct RecordKey: Sendable {
    private let keyed: KeyedHMAC

    /// Accepts at least 128 bits: 32 or more hex digits (as `make site` writes), or 22
    /// or more other characters, and never a short pattern repeated.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.strength(of: trimmed) >= 128, let keyed = KeyedHMAC(Array(trimmed.utf8)) else { return nil }
        self.keyed = keyed
    }

    /// Estimated bits of a key: hex digits carry 4 each, other text at most ~6 per
    /// character; a key that is a shorter piece repeated, or one with few distinct
    /// characters, carries what that piece carries.
    static func strength(of text: String) -> Int {
        let characters = Array(text.unicodeScalars)
        guard !characters.isEmpty else { return 0 }
        var period = characters.count
        for candidate in 1...characters.count where characters.count % candidate == 0 {
            if (0..<characters.count).allSatisfy({ characters[$0] == characters[$0 % candidate] }) {
                period = candidate; break
            }
        }
        let distinct = Set(characters[0..<period]).count
        // Hex digits (what `make site` writes) carry 4 bits each unless the text uses
        // only a few of them; other text is rated by its alphabet, at most 6 bits.
        if characters.allSatisfy({ $0.properties.isASCIIHexDigit }) && distinct >= 6 { return period * 4 }
        return Int(Double(period) * min(6, distinct > 1 ? log2(Double(distinct)) : 0))
    }

    /// HMAC-SHA256(key, message), hex, truncated to `bytes`.
    func mac(_ message: String, bytes: Int = 8) -> String {
        mac(Array(message.utf8), bytes: bytes)
    }

    func mac(_ data: [UInt8], bytes: Int = 8) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        let result = data.withUnsafeBufferPointer { data in
            portal_hmac_sha256(keyed.context, data.baseAddress, data.count, &digest)
        }
        // A failed HMAC would give every record the same fingerprint: stop rather than
        // publish on a wrong ledger.
        precondition(result == 1 && bytes <= 32, "HMAC-SHA256 failed")
        return Self.hex(digest.prefix(bytes))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex by table: String(format:) would parse its format for every byte.
    static func hex(_ bytes: ArraySlice<UInt8>) -> String {
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes { text.append(digits[Int(byte >> 4)]); text.append(digits[Int(byte & 0x0F)]) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Tells a later build whether it holds the same key, without revealing the key.
    public var check: String { mac("portal release ledger key check") }

    /// An assessment's fingerprint in the ledger: its credit code, year and every value
    /// it was published with, so a corrected assessment reads as a different one. The
    /// message is "record|code|year|region|industry|declared|maturity|i1=…|s3=…", built
    /// as bytes in one buffer (every assessment of every build is fingerprinted); its
    /// bytes may never change, or earlier releases' fingerprints would no longer match.
    public func fingerprint(_ record: Assessment) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(128 + 8 * record.scenarios.count)
        func add(_ part: String) { text.append(contentsOf: part.utf8) }
        func add(_ number: Int) { Self.appendDecimal(number, to: &text) }
        add("record|"); add(record.identifiers.creditCode); add("|"); add(record.year); add("|"); add(record.region)
        add("|"); add(record.industry); add("|"); add(record.declaredTier?.rawValue ?? "-"); add("|");
        add(record.maturity)
        for (no, answer) in record.indicators.sorted(by: { $0.key < $1.key }) {
            add("|i"); add(no); add("=")
            switch answer {
            case .level(let level): add(level)
            case .notApplicable: add("na")
            case .amount(let amount): add(String(amount))
            }
        }
        for (no, tier) in record.scenarios { add("|s"); add(no); add("="); add(tier.rawValue) }  // ascending number
        return mac(text)
    }

    /// `number` in decimal, as String(number) writes it, without making a String.
    /// The digits are written in place, last first (no array per number: a fingerprint
    /// writes dozens of numbers, and 100,000 records are fingerprinted).
    static func appendDecimal(_ number: Int, to text: inout [UInt8]) {
        if number < 0 { text.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude, count = 0
        repeat { count += 1; magnitude /= 10 } while magnitude > 0
        let start = text.count
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
        magnitude = number.magnitude
        var index = start + count - 1
        repeat {
            text[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            index -= 1
        } while magnitude > 0
    }
}

/// OpenSSL's HMAC-SHA256 context holding the key, made once and shared read-only by every
/// thread (each message works on a copy of it).
private final class KeyedHMAC: @unchecked Sendable {
    let context: OpaquePointer

    init?(_ secret: [UInt8]) {
        guard let context = secret.withUnsafeBufferPointer({ portal_hmac_sha256_new($0.baseAddress, $0.count) }) else {
            return nil
        }
        self.context = context
    }

    deinit { EVP_MAC_CTX_free(context) }
}
