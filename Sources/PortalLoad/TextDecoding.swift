import Foundation
import PortalModel

/// How every input text is read: a UTF-8 byte-order mark is dropped and line ends are
/// normalised to LF, so line numbers are the same whatever editor saved the file.
/// Content files must be UTF-8; assessment tables may also be GB18030 (TableText).
enum TextDecoding {
    static func decode(_ data: Data, path: String) -> Result<String, Diagnostic> {
        let bytes = normaliseLineEnds(withoutByteOrderMark([UInt8](data)))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            return .failure(
                Diagnostic(
                    path: path, line: line, column: column,
                    "the file is not valid UTF-8: save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8)"))
        }
        return .success(text)
    }

    static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// CRLF and CR → LF, on the bytes (both are ASCII: UTF-8 and GB18030 sequences never
    /// contain them).
    static func normaliseLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.holds(0x0D) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                result.append(0x0A)
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }

    /// Line and column (in characters) of the first byte that is not valid UTF-8.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length =
                byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}

extension [UInt8] {
    /// Whether `byte` is in the array, by the C library's memchr: a whole table is
    /// scanned for a carriage return or a zero byte before its rows can be read.
    func holds(_ byte: UInt8) -> Bool {
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        }
    }
}
