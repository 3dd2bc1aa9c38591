import Foundation
import PortalModel

/// Stage 1 for assessments: CSV files → validated `AssessmentSet`, or every problem as
/// `path:line:column: error: …`. Messages never repeat a cell's value: the cells hold
/// enterprise names and credit codes, which must not reach logs either.
public struct AssessmentLoader: Sendable {
    public let standard: Standard
    public let files: FileSource
    /// The tables' bytes when read ahead (`prepare`); read here otherwise.
    public let prepared: PreparedTables?
    /// Scenario and indicator numbers whose columns a table may leave out (those some
    /// edition lacks: a table made under another edition has no column for them).
    public var optional: (scenarios: Set<Int>, indicators: Set<Int>) = ([], [])

    public init(standard: Standard, files: FileSource = DiskFileSource(), prepared: PreparedTables? = nil) {
        self.standard = standard
        self.files = files
        self.prepared = prepared
    }

    /// The CSV files read, decoded and cut into runs of rows before the standard is
    /// loaded (none of it needs the standard), so a build does it while the content loads.
    public struct PreparedTables: Sendable {
        let tables: [String: Result<SplitTable, Diagnostic>]
    }

    public static func prepare(_ path: String, files: FileSource = DiskFileSource()) -> PreparedTables {
        let paths = csvFiles(path, files: files)
        let decoded = paths.map { AssessmentFileReader.split($0, from: files) }
        return PreparedTables(tables: Dictionary(zip(paths, decoded)) { first, _ in first })
    }

    /// The CSV files `path` names: itself, or those in the folder, sorted.
    static func csvFiles(_ path: String, files: FileSource) -> [String] {
        path.lowercased().hasSuffix(".csv") ? [path] : csvFiles(in: path, names: (try? files.files(in: path)) ?? [])
    }

    private static func csvFiles(in folder: String, names: [String]) -> [String] {
        names.filter { $0.lowercased().hasSuffix(".csv") }.map { folder + "/" + $0 }
    }

    /// `path` is a CSV file (with an optional `<name>.dataset.yaml` beside it) or a folder
    /// of them (with an optional dataset.yaml).
    public func load(_ path: String) throws(DiagnosticList) -> AssessmentSet {
        let sink = DiagnosticSink()
        var csvFiles: [String] = []
        var dataset: (synthetic: Bool, label: String?) = (false, nil)
        if path.lowercased().hasSuffix(".csv") {
            csvFiles = [path]
            let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
            let sidecar = String(name.dropLast(4)) + ".dataset.yaml"
            if files.exists((folder.isEmpty ? "." : folder) + "/" + sidecar),
                let file = ContentFile.read(sidecar, in: folder.isEmpty ? "." : folder, from: files, sink: sink)
            {
                dataset = Self.loadDataset(file, sink: sink)
            }
        } else {
            let names = (try? files.files(in: path)) ?? []
            csvFiles = Self.csvFiles(in: path, names: names)
            if names.contains("dataset.yaml"),
                let file = ContentFile.read("dataset.yaml", in: path, from: files, sink: sink)
            {
                dataset = Self.loadDataset(file, sink: sink)
            }
        }
        if csvFiles.isEmpty {
            sink.report(
                SourceLocation(path: path, line: 1, column: 1),
                "no assessment CSV files found: pass a .csv file or a folder holding them with --assessments")
        }
        let columns = AssessmentColumns(standard: standard, optional: optional)
        let standard = self.standard, files = self.files, prepared = self.prepared
        let perFile = csvFiles.parallelMap { file in
            AssessmentFileReader(path: file, standard: standard, columns: columns, sink: sink)
                .read(prepared?.tables[file] ?? AssessmentFileReader.split(file, from: files))
        }
        let records = perFile.flatMap { $0.map(\.record) }
        checkDuplicateCodes(records, keys: perFile.flatMap { $0.map(\.code) }, sink: sink)
        // `portal synth` ends every enterprise name with the framework's synthetic marker:
        // such data is synthetic whatever came with it, so it is never published as real.
        let allSynthetic = !records.isEmpty && perFile.allSatisfy { $0.allSatisfy(\.synthetic) }
        let diagnostics = sink.diagnostics
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return AssessmentSet(records: records, synthetic: dataset.synthetic || allSynthetic, label: dataset.label)
    }

    /// One enterprise, one assessment: a second row with the same credit code is an error.
    /// `keys` are the records' codes, packed when their rows were read.
    private func checkDuplicateCodes(_ records: [Assessment], keys: [CodeKey], sink: DiagnosticSink) {
        var first: [CodeKey: Int] = [:]
        first.reserveCapacity(records.count)
        for (index, key) in keys.enumerated() {
            if let earlier = first[key] {
                let source = records[earlier].source
                sink.report(
                    records[index].source,
                    "this credit code is already used on line \(source.line) of \(source.path): keep one row per "
                        + "enterprise (each has one assessment)"
                )
            } else {
                first[key] = index
            }
        }
    }

    private static func loadDataset(_ file: ContentFile, sink: DiagnosticSink) -> (Bool, String?) {
        guard let document = file.yaml(sink: sink),
            let fields = FieldReader(document.root, in: document, sink: sink, what: "dataset.yaml")
        else { return (false, nil) }
        fields.rejectUnknownKeys(["synthetic", "label"])
        var synthetic = false
        if let node = fields.node("synthetic") {
            if let flag = node.bool {
                synthetic = flag
            } else {
                fields.error(node, "'synthetic' must be true or false: write true or false")
            }
        }
        return (synthetic, fields.optionalText("label"))
    }
}

/// Reads one CSV file: header, then every row, every cell checked.
/// A record as its row was read, with what the whole set is checked for (its code among
/// the others, whether its name is a synthetic one) taken while the row is at hand:
/// 100,000 records are not visited again for them.
struct ReadRecord {
    let record: Assessment
    let code: CodeKey
    let synthetic: Bool
}

/// A valid credit code (18 ASCII characters) packed into two words, 7 bits a character:
/// the duplicate check then hashes 16 bytes held in one array, not 100,000 strings each
/// behind its record.
struct CodeKey: Hashable {
    let high: UInt64, low: UInt64

    init(_ code: String) {
        var high: UInt64 = 0, low: UInt64 = 0
        for (index, byte) in code.utf8.enumerated() {
            precondition(index < 18 && byte < 0x80, "credit codes are checked before they are packed")
            if index < 9 { high = high << 7 | UInt64(byte) } else { low = low << 7 | UInt64(byte) }
        }
        (self.high, self.low) = (high, low)
    }
}

/// A table read and decoded: its first row (the header, or why it cannot be read), and
/// the rows after it cut into runs of whole rows.
struct SplitTable: Sendable {
    let table: CSVReader
    let first: Result<CSVReader.Row?, Diagnostic>
    let runs: [(start: CSVReader.Start, end: Int)]
}

struct AssessmentFileReader {
    let path: String
    let standard: Standard
    let columns: AssessmentColumns
    let sink: DiagnosticSink

    /// The file's text as UTF-8 bytes, its first row and the rows after it cut into runs
    /// of whole rows (one for each worker to read), or why it cannot be read.
    static func split(_ path: String, from files: FileSource) -> Result<SplitTable, Diagnostic> {
        guard let raw = try? files.bytes(path) else {
            return .failure(
                Diagnostic(path: path, line: 1, column: 1, "cannot read the file: check that it exists and is readable")
            )
        }
        return TableText.decode(raw, path: path).map { decoded in
            let table = CSVReader(bytes: decoded.bytes, path: path)
            var rows = CSVReader.Rows(table)
            let first = rows.next()
            return SplitTable(
                table: table, first: first,
                runs: table.runs(from: rows.position, count: 4 * ProcessInfo.processInfo.activeProcessorCount))
        }
    }

    func read(_ split: Result<SplitTable, Diagnostic>) -> [ReadRecord] {
        let table: CSVReader, runs: [(start: CSVReader.Start, end: Int)]
        let header: CSVReader.Row
        switch split {
        case .success(let split):
            (table, runs) = (split.table, split.runs)
            switch split.first {
            case .success(let first?): header = first
            case .success(nil):
                sink.report(
                    SourceLocation(path: path, line: 1, column: 1),
                    "the file is empty: it needs a header row and one row per assessment")
                return []
            case .failure(let diagnostic): sink.report(diagnostic); return []
            }
        case .failure(let diagnostic): sink.report(diagnostic); return []
        }
        guard let layout = readHeader(header, table: table) else { return [] }
        let rules = CellRules(standard: standard)
        let sink = self.sink, width = header.fields.count
        // Each run of rows is read and checked on its own core, a row at a time: memory
        // holds a row's cells, not the file's, and the records keep file order. (Reading a
        // 4,000-column file on one core and checking its rows on two had made the reading
        // the slow half.)
        let marker = Array(standard.framework.assessmentFormat.syntheticMarker.utf8.reversed())
        return runs.parallelMap { run -> [ReadRecord] in
            var rows = CSVReader.Rows(table, from: run.start, to: run.end)
            var assessments: [ReadRecord] = []
            while true {
                switch rows.next() {
                case .success(let row?):
                    guard row.fields.count == width else {
                        let last = row.fields.last!
                        sink.report(
                            table.location(of: last),
                            "this row has \(row.fields.count) cells but the header has \(width): check for a missing "
                                + "or extra comma (quote cells that contain commas)"
                        )
                        continue
                    }
                    if let assessment = RowReader(row: row, layout: layout, table: table, rules: rules, sink: sink)
                        .assessment()
                    {
                        let identifiers = assessment.identifiers
                        assessments.append(
                            ReadRecord(
                                record: assessment, code: CodeKey(identifiers.creditCode),
                                synthetic: identifiers.enterprise.utf8.reversed().starts(with: marker)))
                    }
                case .success(nil):
                    return assessments
                case .failure(let diagnostic):
                    sink.report(diagnostic)
                    return assessments
                }
            }
        }.flatMap { $0 }
    }

    /// Which column each header cell is; every required column must be there once.
    private func readHeader(_ header: CSVReader.Row, table: CSVReader) -> [AssessmentColumns.Kind]? {
        var layout: [AssessmentColumns.Kind] = []
        var seen: Set<AssessmentColumns.Kind> = []
        var ok = true
        // A first row without a single column name is data: one message, and none of its
        // cells (names, credit codes) repeated.
        guard header.fields.contains(where: { columns.column(named: header.value($0)) != nil }) else {
            sink.report(
                SourceLocation(path: path, line: header.line, column: 1),
                "the first row is not a header (none of its cells is a column name): add a header row with the column"
                    + " names of README.md (\(columns.examples))"
            )
            return nil
        }
        for (index, field) in header.fields.enumerated() {
            guard let column = columns.column(named: header.value(field)) else {
                // Only a short ASCII word is repeated: a header cell could hold an identifier.
                let name = header.value(field)
                let shown = name.wholeMatch(of: /[A-Za-z_][A-Za-z0-9_ ]{0,11}/) != nil ? "'\(name)'" : "\(index + 1)"
                sink.report(
                    table.location(of: field),
                    "unknown column \(shown): the header must use the column names of README.md (\(columns.examples))")
                ok = false
                continue
            }
            if !seen.insert(column.kind).inserted {
                sink.report(table.location(of: field), "column '\(column.key)' appears twice in the header: keep one")
                ok = false
            }
            layout.append(column.kind)
        }
        let missing = columns.columns.filter { !seen.contains($0.kind) && !columns.isOptional($0.kind) }
        if !missing.isEmpty {
            let names =
                missing.prefix(5).map { "\($0.key) (\($0.header))" }.joined(separator: ", ")
                + (missing.count > 5 ? ", …" : "")
            sink.report(
                SourceLocation(path: path, line: header.line, column: 1),
                "the header has no column \(names): a header row is required, with every column of README.md")
            ok = false
        }
        return ok ? layout : nil
    }
}
