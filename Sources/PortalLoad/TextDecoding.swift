import Foundation
import PortalModel

/// Content files are UTF-8 (a byte-order mark is tolerated); line ends are normalised
/// to LF so line numbers are the same whatever editor saved the file.
enum TextDecoding {
    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // CRLF and CR → LF on the bytes (both are ASCII, so UTF-8 sequences are untouched).
        if bytes.contains(0x0D) {
            var lf: [UInt8] = []
            lf.reserveCapacity(bytes.count)
            for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                lf.append(byte == 0x0D ? 0x0A : byte)
            }
            bytes = lf
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            return .failure(Diagnostic(path: path, line: line, column: column,
                "the file is not valid UTF-8: save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)"))
        }
        return .success(text)
    }

    /// Line and column (in characters) of the first byte that is not valid UTF-8.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}
