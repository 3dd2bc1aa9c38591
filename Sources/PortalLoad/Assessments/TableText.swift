import Foundation
import PortalModel

/// Decodes a CSV file as the spreadsheets that make them save it: UTF-8 with or without a
/// byte-order mark, or GB18030 (Excel on Chinese Windows). Anything else is refused with
/// a message saying how to save it; the byte-order mark and line ends as TextDecoding does.
enum TableText {
    enum Encoding: String { case utf8 = "UTF-8", gb18030 = "GB18030" }

    static func decode(_ raw: [UInt8], path: String) -> Result<(bytes: [UInt8], encoding: Encoding), Diagnostic> {
        func refuse(_ message: String) -> Result<(bytes: [UInt8], encoding: Encoding), Diagnostic> {
            .failure(Diagnostic(path: path, line: 1, column: 1, message))
        }
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) || raw.holds(0) {
            return refuse("the file is UTF-16 or binary, not a CSV text: save it as \"CSV UTF-8\" (or CSV in GB18030)")
        }
        // Without its byte-order mark (copied only when it has one).
        let text = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(raw.dropFirst(3)) : raw
        if isUTF8(text[...]) {
            return .success((TextDecoding.normaliseLineEnds(text), .utf8))
        }
        guard let converted = convert(text, from: "GB18030", to: "UTF-8") else {
            return refuse("the file is neither UTF-8 nor GB18030 text: save it from the spreadsheet as \"CSV UTF-8\"")
        }
        return .success((TextDecoding.normaliseLineEnds(converted), .gb18030))
    }

    /// Whether `bytes` are UTF-8, checked in pieces on every core (a large table would
    /// otherwise keep one core busy while the other waits). The pieces end at line
    /// ends, which never fall inside a UTF-8 sequence, so each piece is UTF-8 on its own
    /// exactly when the whole is.
    static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        let pieces = 4 * ProcessInfo.processInfo.activeProcessorCount
        guard bytes.count > 1 << 20 else { return String(validating: bytes, as: UTF8.self) != nil }
        var cuts = [bytes.startIndex]
        for piece in 1..<pieces {
            var cut = bytes.startIndex + bytes.count * piece / pieces
            while cut < bytes.endIndex && bytes[cut] != 0x0A { cut += 1 }
            if cut < bytes.endIndex && cut + 1 > cuts.last! { cuts.append(cut + 1) }
        }
        cuts.append(bytes.endIndex)
        return zip(cuts, cuts.dropFirst()).map { ($0, $1) }.parallelMap { range in
            String(validating: bytes[range.0..<range.1], as: UTF8.self) != nil
        }.allSatisfy { $0 }
    }

    /// Converts between encodings with the C library's iconv; nil when the bytes are not
    /// valid in `source`.
    static func convert(_ input: [UInt8], from source: String, to target: String) -> [UInt8]? {
        let converter = iconv_open(target, source)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        let ok = source.withUnsafeMutableBufferPointer { inBuffer -> Int? in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int? in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else {
                    return nil
                }
                return outBuffer.count - outLeft
            }
        }
        guard let length = ok else { return nil }
        return Array(output[..<length])
    }
}
