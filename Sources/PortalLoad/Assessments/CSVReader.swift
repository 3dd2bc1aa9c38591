import Foundation
import PortalModel

/// A CSV (RFC 4180) reader over UTF-8 bytes that keeps where every field starts, so each
/// bad value can be reported as file:line:column. Written by hand because the CSV
/// libraries on this machine (SwiftCSV, CSV.swift) do not expose positions.
struct CSVReader {
    /// Where a cell is. Plain numbers only, so the millions of cells of a wide table are
    /// copied and dropped without reference counting.
    struct Field {
        /// 1-based line of the field's first character.
        var line: Int
        /// Byte offsets of the field and of its line; the column is worked out only when a
        /// message needs it (counting characters for every field would be quadratic).
        var offset: Int
        var lineStart: Int
        /// Where a plain cell's bytes end.
        var end: Int
        /// A quoted cell's place in its row's `quotedTexts`; -1 for a plain cell, whose
        /// text is its bytes `offset..<end` in the file.
        var quoted: Int = -1
    }

    /// A row's cells. Their text is made only when asked for: a row of a 4,000-scenario
    /// standard has 4,000 cells, most empty or one tier's word, which the reader matches
    /// on the bytes.
    struct Row {
        var line: Int
        var fields: [Field]
        let bytes: [UInt8]
        /// Quoted cells' texts (quotes removed, `""` made `"`), in the order they came.
        var quotedTexts: [String] = []

        func value(_ field: Field) -> String {
            field.quoted >= 0
                ? quotedTexts[field.quoted] : String(decoding: bytes[field.offset..<field.end], as: UTF8.self)
        }

        func isEmpty(_ field: Field) -> Bool {
            field.quoted >= 0 ? quotedTexts[field.quoted].isEmpty : field.offset == field.end
        }
    }

    let bytes: [UInt8]
    let path: String

    /// 1-based column of a byte offset, in characters: UTF-8 lead bytes since the line start.
    func column(of offset: Int, lineStart: Int) -> Int {
        var characters = 1
        var i = lineStart
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { characters += 1 }
            i += 1
        }
        return characters
    }

    func location(of field: Field) -> SourceLocation {
        SourceLocation(path: path, line: field.line, column: column(of: field.offset, lineStart: field.lineStart))
    }

    /// Where a run of whole rows starts: its byte offset, and the line it is on.
    struct Start {
        var offset = 0, line = 1
    }

    /// The quote rule, in one place for both the splitter and the reader: a cell that
    /// starts with `"` is quoted (a quote elsewhere is text), `""` inside it is a quote,
    /// and a single `"` closes it. Gives the offset just past the closing quote, nil when
    /// the cell is never closed. Line ends inside are counted into `line` and
    /// `lineStart`; with `collect`, the cell's text goes into `value`.
    func quotedCellEnd(
        open: Int, end: Int, line: inout Int, lineStart: inout Int,
        collect: Bool, value: inout [UInt8]
    ) -> Int? {
        bytes.withUnsafeBufferPointer {
            Self.quotedCellEnd(
                $0, open: open, end: end, line: &line, lineStart: &lineStart, collect: collect, value: &value)
        }
    }

    /// Where an unquoted cell (or what follows a quoted one) ends: at a comma, a line end
    /// or `end`.
    func plainCellEnd(from start: Int, end: Int) -> Int {
        bytes.withUnsafeBufferPointer { Self.plainCellEnd($0, from: start, end: end) }
    }

    // The two rules over the bytes themselves: the splitter runs them over a whole file
    // of 100,000 rows on one core, before the rows can be read on every core.

    private static func quotedCellEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, open: Int, end: Int, line: inout Int, lineStart: inout Int,
        collect: Bool, value: inout [UInt8]
    ) -> Int? {
        var cursor = open + 1
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                guard cursor + 1 < end && bytes[cursor + 1] == UInt8(ascii: "\"") else { return cursor + 1 }
                if collect { value.append(byte) }
                cursor += 2
                continue
            }
            if byte == 0x0A { line += 1; lineStart = cursor + 1 }
            if collect { value.append(byte) }
            cursor += 1
        }
        return nil
    }

    private static func plainCellEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var cursor = start
        while cursor < end && bytes[cursor] != UInt8(ascii: ",") && bytes[cursor] != 0x0A { cursor += 1 }
        return cursor
    }

    /// Cuts the rows from `start` on into about `count` runs of whole rows, at line ends
    /// outside quoted cells, so the runs can be read on every core. Each run ends where
    /// the next starts; a quote never closed leaves the rest as one run, where the reader
    /// reports it.
    func runs(from start: Start, count: Int) -> [(start: Start, end: Int)] {
        let size = bytes.count - start.offset
        guard count > 1, size > 1 << 16 else { return [(start, bytes.count)] }
        var starts = [start]
        bytes.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress!
            if memchr(base + start.offset, Int32(UInt8(ascii: "\"")), size) == nil {
                // No quote from here on (the usual export): every line end ends a row, so
                // each cut is the first line end past its mark, and the lines between
                // cuts are counted, not walked cell by cell.
                var line = start.line, offset = start.offset, next = start.offset + size / count
                while next < bytes.count, let found = memchr(base + next, 0x0A, bytes.count - next) {
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    line += Self.lineEnds(bytes, from: offset, through: end)
                    guard end + 1 < bytes.count else { break }
                    starts.append(Start(offset: end + 1, line: line))
                    (offset, next) = (end + 1, end + 1 + size / count)
                }
                return
            }
            var line = start.line, lineStart = start.offset, next = start.offset + size / count
            var index = start.offset
            var unused: [UInt8] = []
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\"") {
                    guard
                        let after = Self.quotedCellEnd(
                            bytes, open: index, end: bytes.count, line: &line, lineStart: &lineStart,
                            collect: false, value: &unused)
                    else { break }
                    index = after
                }
                index = Self.plainCellEnd(bytes, from: index, end: bytes.count)
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                line += 1  // a line end outside quotes: a row ends here
                if index >= next, index + 1 < bytes.count {
                    starts.append(Start(offset: index + 1, line: line))
                    next = index + 1 + size / count
                }
                index += 1
            }
        }
        return starts.indices.map { (starts[$0], $0 + 1 < starts.count ? starts[$0 + 1].offset : bytes.count) }
    }

    /// The line ends in `bytes[start...end]`: a loop the compiler turns into vector code.
    private static func lineEnds(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, through end: Int) -> Int {
        var count = 0
        for index in start...end where bytes[index] == 0x0A { count += 1 }
        return count
    }

    /// Reads rows one at a time, so a large file never holds all its cells at once.
    struct Rows {
        let table: CSVReader
        private var index = 0, line = 1, lineStart = 0
        /// Where these rows end (a run's end, or the end of the file).
        private let end: Int
        /// Cells in the last row: the next row's array is made that size at once (a row of
        /// a 4,000-scenario standard has over 4,000 cells).
        private var width = 8
        private var finished = false

        init(_ table: CSVReader, from start: Start = Start(), to end: Int? = nil) {
            self.table = table
            (index, line, lineStart) = (start.offset, start.line, start.offset)
            self.end = end ?? table.bytes.count
        }

        /// Where the next row starts.
        var position: Start { Start(offset: index, line: line) }

        /// The next row that is not blank, nil at the end; a quote that is never closed is
        /// reported at the field it opens.
        mutating func next() -> Result<Row?, Diagnostic> {
            let bytes = table.bytes, count = end, path = table.path
            while !finished {
                var fields: [Field] = []
                var quotedTexts: [String] = []
                fields.reserveCapacity(width)
                let rowLine = line
                while true {
                    // Start of a field.
                    let fieldLine = line, fieldOffset = index, fieldLineStart = lineStart
                    var quoted = -1, fieldEnd = index
                    if index < count && bytes[index] == UInt8(ascii: "\"") {
                        var buffer: [UInt8] = []
                        guard
                            let cursor = table.quotedCellEnd(
                                open: index, end: count, line: &line, lineStart: &lineStart,
                                collect: true, value: &buffer)
                        else {
                            return .failure(
                                Diagnostic(
                                    path: path, line: fieldLine,
                                    column: table.column(of: fieldOffset, lineStart: fieldLineStart),
                                    "a quoted cell is never closed: add the closing \" (a quote inside a cell is "
                                        + "written \"\")"
                                ))
                        }
                        if cursor < count && bytes[cursor] != UInt8(ascii: ",") && bytes[cursor] != 0x0A {
                            return .failure(
                                Diagnostic(
                                    path: path, line: line, column: table.column(of: cursor, lineStart: lineStart),
                                    "text after a quoted cell: put the whole cell in quotes, and write a quote inside"
                                        + " it as \"\""
                                ))
                        }
                        quoted = quotedTexts.count
                        quotedTexts.append(String(decoding: buffer, as: UTF8.self))
                        index = cursor
                    } else {
                        index = table.plainCellEnd(from: index, end: count)
                        fieldEnd = index
                    }
                    fields.append(
                        Field(
                            line: fieldLine, offset: fieldOffset, lineStart: fieldLineStart, end: fieldEnd,
                            quoted: quoted))
                    if index < count && bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    break
                }
                // End of the row (newline or end of file).
                if index < count {  // newline
                    index += 1
                    line += 1
                    lineStart = index
                    if index == count { finished = true }
                } else {
                    finished = true
                }
                width = max(width, fields.count)
                let row = Row(line: rowLine, fields: fields, bytes: bytes, quotedTexts: quotedTexts)
                if !(fields.count == 1 && row.isEmpty(fields[0])) { return .success(row) }
            }
            return .success(nil)
        }
    }
}
