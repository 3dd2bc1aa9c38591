@testable import PortalLoad
import Testing

/// The splitter that cuts a large CSV into runs for every core and the reader apply one
/// quote rule: reading run by run gives exactly the rows (values and lines) of reading
/// the whole file in one go, whatever the quoted cells hold.
@Suite struct CSVReaderTests {
    static func rows(_ reader: CSVReader, from start: CSVReader.Start = .init(), to end: Int? = nil) -> [[String]] {
        var rows = CSVReader.Rows(reader, from: start, to: end)
        var result: [[String]] = []
        while case .success(let row?) = rows.next() { result.append([String(row.line)] + row.fields.map(row.value)) }
        return result
    }

    @Test func runsNeverCutAQuotedCell() throws {
        // Quoted cells with line ends, commas and doubled quotes; a quote inside a plain
        // cell (text, not a quote); an empty quoted cell; blank lines.
        let cells = ["\"line\nbreak, and \"\"quotes\"\"\"", "plain\"quote", "\"\"", "\"a\n\n\nb\"", "x"]
        var text = "h1,h2,h3,h4,h5\n"
        for row in 0..<6_000 {
            text += cells.shuffledDeterministically(seed: row).joined(separator: ",") + (row % 97 == 0 ? "\n\n" : "\n")
        }
        let reader = CSVReader(bytes: Array(text.utf8), path: "t.csv")
        let runs = reader.runs(from: .init(), count: 4)
        #expect(runs.count == 4)
        let whole = Self.rows(reader)
        let pieced = runs.flatMap { Self.rows(reader, from: $0.start, to: $0.end) }
        #expect(whole.count == 6_001)
        let same = pieced == whole  // (compared apart: a failure would print 6,000 rows)
        #expect(same, "reading run by run gives other rows than reading the whole file")
    }

    /// A file with no quote is cut where the quote-aware walk would cut it: at the same
    /// offsets, on the same lines (the walk is forced by a quote at the very end).
    @Test func aFileWithoutQuotesIsCutAsTheWalkCutsIt() throws {
        var text = "h1,h2,h3\n"
        for row in 0..<20_000 {
            text += "企业\(row),\(row % 7 == 0 ? "" : "基础级"),x\(row % 13)" + (row % 97 == 0 ? "\n\n" : "\n")
        }
        let plain = CSVReader(bytes: Array(text.utf8), path: "t.csv")
        let walked = CSVReader(bytes: Array((text + "\"").utf8), path: "t.csv")
        var header = CSVReader.Rows(plain)
        _ = header.next()
        let fast = plain.runs(from: header.position, count: 8), slow = walked.runs(from: header.position, count: 8)
        #expect(fast.count == 8)
        #expect(
            fast.map(\.start.offset) == slow.map(\.start.offset) && fast.map(\.start.line) == slow.map(\.start.line))
        let whole = Self.rows(plain, from: header.position)
        let pieced = fast.flatMap { Self.rows(plain, from: $0.start, to: $0.end) }
        let same = pieced == whole
        #expect(same, "reading run by run gives other rows than reading the whole file")
    }

    /// A large file is checked as UTF-8 in pieces cut at line ends: the verdict is the
    /// whole file's, wherever a bad byte or a multi-byte character falls.
    @Test func largeFilesAreCheckedAsUTF8WholeOrInPiecesAlike() {
        var random = SystemRandomNumberGenerator()
        let line = Array("企业,91150100MA0N2X3Y4Z,呼和浩特市,基础级,—\n".utf8)
        for _ in 0..<12 {
            var bytes: [UInt8] = []
            while bytes.count < (1 << 20) + 4096 { bytes += line }
            if Bool.random(using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] =
                    [0xFF, 0xC0, 0x80, 0xE5][Int.random(in: 0..<4, using: &random)]
            }
            #expect(TableText.isUTF8(bytes[...]) == (String(validating: bytes, as: UTF8.self) != nil))
        }
    }
}

private extension Array {
    /// A fixed reordering per seed (rotation), so every cell kind meets every position.
    func shuffledDeterministically(seed: Int) -> [Element] {
        let shift = seed % count
        return Array(self[shift...] + self[..<shift])
    }
}
