/// Where a piece of content came from, so later stages can point back at it.
public struct SourceFile: Sendable, Equatable, Hashable {
    /// Path as given to the user (relative to where they ran the command when possible).
    public var path: String
    /// Line of the identifying field (`no:`), where messages about numbering point.
    public var idLine: Int
    /// Line on which the Markdown body starts (after front matter), 1-based.
    public var bodyLine: Int

    public init(path: String, idLine: Int = 1, bodyLine: Int = 1) {
        self.path = path
        self.idLine = idLine
        self.bodyLine = bodyLine
    }
}

/// A position in a file, 1-based, columns counted in characters.
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in the input, printed as `path:line:column: error: message`
/// (the format of compilers, Hugo and Tera, which editors can jump to).
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    /// What is wrong and what to do about it, one line.
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public init(path: String, line: Int, column: Int, _ message: String) {
        self.init(SourceLocation(path: path, line: line, column: column), message)
    }

    public var description: String { described(as: "error") }

    /// The line as a warning: something to fix that did not stop the build.
    public var warningDescription: String { described(as: "warning") }

    private func described(as severity: String) -> String {
        "\(location.path):\(location.line):\(location.column): \(severity): \(message)"
    }
}

/// Every problem of one run, sorted by file and position so the output is stable.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Array(Set(diagnostics)).sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// Both results, or every problem of both: two inputs read side by side report their
    /// problems in one run.
    public static func both<A, B>(_ first: Result<A, DiagnosticList>, _ second: Result<B, DiagnosticList>)
        throws(DiagnosticList) -> (A, B)
    {
        switch (first, second) {
        case (.success(let a), .success(let b)): return (a, b)
        case (.failure(let problems), .success), (.success, .failure(let problems)): throw problems
        case (.failure(let a), .failure(let b)): throw DiagnosticList(a.diagnostics + b.diagnostics)
        }
    }
}
