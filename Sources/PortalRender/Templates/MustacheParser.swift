/// Parses Mustache text into a `CompiledTemplate`, following the official specification
/// (github.com/mustache/spec: comments, delimiters, interpolation, sections, inverted
/// sections, partials, inheritance), checked by running its test suite. Two deliberate
/// limits, both load errors: dynamic partial names (`{{>*name}}`), because every partial
/// a template uses must be known when the templates are checked; and anything but block
/// overrides inside a parent tag, where the specification would silently ignore it.
///
/// Why a parser of our own rather than a library's: the renderer needs the parse as data,
/// and the one Mustache library served here keeps its parse private.
struct MustacheParser {
    struct SyntaxError: Error, Sendable {
        let line: Int
        let column: Int
        let message: String
    }

    /// With `words`, `{{words.section.key}}` tags are replaced by the site's words
    /// (`TemplateWords`); a key the strings file lacks is one of the result's `wordProblems`.
    static func parse(_ text: String, words: TemplateWords? = nil) throws(SyntaxError) -> CompiledTemplate {
        var parser = MustacheParser(bytes: Array(text.utf8))
        parser.words = words
        let nodes = try parser.nodes(in: Scope(closing: nil, strip: [], role: .body))
        return CompiledTemplate(
            nodes: nodes, references: parser.references, wordKeys: parser.wordKeys, wordProblems: parser.wordProblems)
    }

    private let bytes: [UInt8]
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var references: [CompiledTemplate.Reference] = []
    private var words: TemplateWords?
    /// The keys (and whole sections) of the strings file the template writes.
    private var wordKeys: Set<String> = []
    /// Words tags that name no text, where they are: reported together, not one at a time.
    private var wordProblems: [SyntaxError] = []
    /// The overrides of the parent tags being read, innermost last.
    private var overrides: [[String: [CompiledTemplate.Node]]] = []

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: Tags

    private struct Tag {
        enum Kind { case variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters }
        let kind: Kind
        let content: String
        /// Offsets of the opening delimiter and just past the closing one.
        let start: Int
        let end: Int

        /// Tags that may stand alone on a line, which then disappears from the output.
        var mayStandAlone: Bool { kind != .variable && kind != .unescaped }
    }

    /// The tag whose opening delimiter is at `start`.
    private func tag(at start: Int) throws(SyntaxError) -> Tag {
        var contentStart = start + open.count
        let sigil = contentStart < bytes.count ? bytes[contentStart] : 0
        let kind: Tag.Kind
        switch sigil {
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="): kind = .delimiters
        case UInt8(ascii: "&"), UInt8(ascii: "{"): kind = .unescaped
        default: kind = .variable
        }
        if kind != .variable { contentStart += 1 }
        // `{{{name}}}` ends with `}` and the closing delimiter; `{{=a b=}}` with `=` and it.
        let terminator =
            (sigil == UInt8(ascii: "{") ? [UInt8(ascii: "}")] : kind == .delimiters ? [UInt8(ascii: "=")] : []) + close
        guard let contentEnd = find(terminator, from: contentStart) else {
            throw error(at: start, "the tag is not closed: end it with \(String(decoding: terminator, as: UTF8.self))")
        }
        let content = String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self).trimmingSpaces
        return Tag(kind: kind, content: content, start: start, end: contentEnd + terminator.count)
    }

    // MARK: Nodes

    /// What is being read: the template itself or a section's body, a parent tag's
    /// overrides (where only blocks count), or a block override passed to a parent.
    private struct Scope {
        enum Role { case body, parentArguments, blockArgument }
        /// The tag that ends this scope, with where it was opened.
        let closing: (name: String, tag: Tag)?
        /// Indentation removed from each line start (a standalone block's own).
        let strip: [UInt8]
        let role: Role
    }

    private enum Outcome { case handled, closed }

    private mutating func nodes(in scope: Scope) throws(SyntaxError) -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        /// The current line's indentation, less the scope's: what a block that opens
        /// mid-line adds to each line of its override.
        var lineIndentation: [UInt8] = []
        while position < bytes.count {
            if position == 0 || bytes[position - 1] == UInt8(ascii: "\n") {
                let whitespaceEnd = skipSpaces(from: position)
                let whitespace = Array(bytes[position..<whitespaceEnd])
                let indentation = Self.relative(whitespace, to: scope.strip)
                if starts(with: open, at: whitespaceEnd) {
                    let tag = try tag(at: whitespaceEnd)
                    if let outcome = try standalone(tag, indentation: indentation, scope: scope, into: &nodes) {
                        if outcome == .closed { return nodes }
                        continue
                    }
                }
                // (Empty lines get no indentation: no trailing spaces.)
                let emptyLine =
                    bytes[position] == UInt8(ascii: "\n")
                    || starts(with: [UInt8(ascii: "\r"), UInt8(ascii: "\n")], at: position)
                if scope.role != .parentArguments, !emptyLine {
                    nodes.append(.lineStart)
                }
                lineIndentation = indentation
                position = whitespaceEnd - indentation.count
            }
            if starts(with: open, at: position) {
                let tag = try tag(at: position)
                position = tag.end
                if try inline(tag, lineIndentation: lineIndentation, scope: scope, into: &nodes) == .closed {
                    return nodes
                }
            } else {
                let end = textEnd(from: position)
                if scope.role != .parentArguments { nodes.append(.text(Array(bytes[position..<end]))) }
                position = end
            }
        }
        if let (name, tag) = scope.closing {
            let sigil = tag.kind == .section ? "#" : tag.kind == .inverted ? "^" : tag.kind == .parent ? "<" : "$"
            throw error(
                at: tag.start,
                "the section {{\(sigil)\(name)}} opened here is never closed: add {{/\(name)}} where it ends")
        }
        return nodes
    }

    /// A tag that is the first thing on its line: if it stands alone there, the line
    /// leaves no trace in the output. Nil when it does not stand alone.
    private mutating func standalone(
        _ tag: Tag, indentation: [UInt8], scope: Scope,
        into nodes: inout [CompiledTemplate.Node]
    ) throws(SyntaxError) -> Outcome? {
        // A block override's closing tag at the start of a line ends the override there:
        // what follows it on the line is the parent tag's, which renders nothing.
        if tag.kind == .close, scope.role == .blockArgument {
            position = tag.end
            try checkClosing(tag, scope: scope)
            return .closed
        }
        // A parent tag stands alone when its opening tag begins its line and its closing
        // tag ends one, whatever lies between.
        if tag.kind == .parent {
            position = tag.end
            let (name, arguments) = try parent(tag, scope: scope)
            if let next = lineEnd(after: position) {
                position = next
                nodes.append(.partial(name, indentation: indentation, overrides: arguments))
            } else {
                if scope.role != .parentArguments { nodes.append(.lineStart); nodes.append(.text(indentation)) }
                nodes.append(.partial(name, indentation: nil, overrides: arguments))
            }
            return .handled
        }
        guard tag.mayStandAlone, let next = lineEnd(after: tag.end) else { return nil }
        position = next
        if tag.kind == .block, scope.role != .parentArguments {
            // A standalone block's indentation is that of its first line: its content is
            // stored without it and written at the indentation of where it is expanded.
            let firstLine = Array(bytes[position..<skipSpaces(from: position)])
            let relative = Self.relative(firstLine, to: scope.strip)
            let content = try self.nodes(in: Scope(closing: (tag.content, tag), strip: firstLine, role: .body))
            nodes.append(.block(try blockName(of: tag), default: content, indentation: relative, standalone: true))
            return .handled
        }
        return try inlineOrStandalone(
            tag, indentation: indentation, lineIndentation: indentation, scope: scope, into: &nodes)
    }

    private mutating func inline(
        _ tag: Tag, lineIndentation: [UInt8], scope: Scope,
        into nodes: inout [CompiledTemplate.Node]
    ) throws(SyntaxError) -> Outcome {
        if tag.kind == .parent {
            let (name, arguments) = try parent(tag, scope: scope)
            nodes.append(.partial(name, indentation: nil, overrides: arguments))
            return .handled
        }
        return try inlineOrStandalone(
            tag, indentation: nil, lineIndentation: lineIndentation, scope: scope, into: &nodes)
    }

    /// The tags whose meaning does not depend on their line. `indentation` is that of a
    /// standalone partial; `position` is past the tag (and past its line if standalone).
    private mutating func inlineOrStandalone(
        _ tag: Tag, indentation: [UInt8]?, lineIndentation: [UInt8], scope: Scope,
        into nodes: inout [CompiledTemplate.Node]
    ) throws(SyntaxError) -> Outcome {
        if scope.role == .parentArguments, ![.comment, .delimiters, .block, .close].contains(tag.kind) {
            throw error(
                at: tag.start,
                "inside {{<\(scope.closing?.name ?? "")}}…{{/\(scope.closing?.name ?? "")}} only {{$name}}…{{/name}} "
                    + "overrides are allowed: move this tag into an override or out of the parent tag"
            )
        }
        switch tag.kind {
        case .comment:
            break
        case .delimiters:
            try setDelimiters(tag)
        case .variable, .unescaped:
            let name = try name(of: tag)
            if let words, isWords(name) {
                nodes += self.words(name, from: words, tag: tag)
            } else {
                nodes.append(.variable(name, escaped: tag.kind == .variable))
            }
        case .section, .inverted:
            let name = try name(of: tag)
            if words != nil, isWords(name) {
                wordProblems.append(
                    error(at: tag.start, "words are written, not tested: write {{words.section.key}} without # or ^"))
            }
            let body = try self.nodes(in: Scope(closing: (tag.content, tag), strip: scope.strip, role: .body))
            nodes.append(.section(name, body, inverted: tag.kind == .inverted))
        case .close:
            try checkClosing(tag, scope: scope)
            return .closed
        case .partial:
            nodes.append(.partial(try partialName(of: tag), indentation: indentation, overrides: nil))
        case .block where scope.role == .parentArguments:
            let blockName = try blockName(of: tag)
            // An override whose opening tag ends its line starts on the next line, and its
            // lines are stored without the indentation of the first.
            var strip = scope.strip
            if let next = lineEnd(after: tag.end) {
                position = next
                strip = Array(bytes[position..<skipSpaces(from: position)])
            }
            overrides[overrides.count - 1][blockName] =
                try self.nodes(in: Scope(closing: (tag.content, tag), strip: strip, role: .blockArgument))
        case .block:
            let content = try self.nodes(in: Scope(closing: (tag.content, tag), strip: scope.strip, role: .body))
            nodes.append(
                .block(try blockName(of: tag), default: content, indentation: lineIndentation, standalone: false))
        case .parent:
            break  // read by `parent`
        }
        return .handled
    }

    /// A parent tag's overrides, read up to its closing tag.
    private mutating func parent(_ tag: Tag, scope: Scope) throws(SyntaxError) -> (
        String, [String: [CompiledTemplate.Node]]
    ) {
        if scope.role == .parentArguments {
            throw error(
                at: tag.start, "a parent tag cannot stand directly inside another: put it inside a {{$name}} override")
        }
        let name = try partialName(of: tag)
        overrides.append([:])
        _ = try nodes(in: Scope(closing: (tag.content, tag), strip: scope.strip, role: .parentArguments))
        return (name, overrides.removeLast())
    }

    private func checkClosing(_ tag: Tag, scope: Scope) throws(SyntaxError) {
        guard let (name, _) = scope.closing else {
            throw error(
                at: tag.start,
                "{{/\(tag.content)}} closes a section that is not open: remove it or add {{#\(tag.content)}} before it")
        }
        guard tag.content == name else {
            throw error(
                at: tag.start,
                "a section is closed with a different name than it was opened with: match {{#\(name)}} with {{/"
                    + "\(name)}}"
            )
        }
    }

    private mutating func setDelimiters(_ tag: Tag) throws(SyntaxError) {
        let parts = tag.content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(at: tag.start, "a set-delimiter tag needs two delimiters without '=', as {{=<% %>=}}")
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    // MARK: Names

    /// A tag's name: `name`, `a.b`, `.`, or functions applied to one, `empty(list)`,
    /// `first()`.
    private func name(of tag: Tag) throws(SyntaxError) -> CompiledTemplate.Name {
        var text = Substring(tag.content)
        var functions: [TemplateFunction] = []
        while text.hasSuffix(")"), let open = text.firstIndex(of: "(") {
            let function = String(text[..<open])
            guard let known = TemplateFunction(rawValue: function) else {
                let list = TemplateFunction.allCases.map { $0.rawValue + "()" }.joined(separator: ", ")
                throw error(at: tag.start, "unknown function '\(function)()' in {{\(tag.content)}}: use one of \(list)")
            }
            functions.insert(known, at: 0)
            text = text[text.index(after: open)..<text.index(before: text.endIndex)]
        }
        if text.isEmpty, !(functions.first?.appliesToPosition ?? false) {
            throw error(
                at: tag.start,
                functions.isEmpty
                    ? "the tag has no name: write {{name}}"
                    : "'\(functions[0].rawValue)()' needs a name, as \(functions[0].rawValue)(list)")
        }
        guard !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
            throw error(at: tag.start, "a name cannot contain spaces: '\(tag.content)'")
        }
        return CompiledTemplate.Name(String(text), functions: functions)
    }

    private func isWords(_ name: CompiledTemplate.Name) -> Bool {
        name.origin == .stack && name.path.first == TemplateWords.root
    }

    /// The nodes a words tag stands for; none (and a problem) when it names no text.
    private mutating func words(_ name: CompiledTemplate.Name, from words: TemplateWords, tag: Tag) -> [CompiledTemplate
        .Node]
    {
        guard name.functions.isEmpty else {
            wordProblems.append(error(at: tag.start, "words take no functions: write {{words.section.key}}"))
            return []
        }
        switch words.resolve(name.path.dropFirst(), escaped: tag.kind == .variable) {
        case .nodes(let nodes, let key):
            wordKeys.insert(key)
            return nodes
        case .problem(let message):
            wordProblems.append(error(at: tag.start, message))
            return []
        }
    }

    /// A block's name: a plain name, no functions.
    private func blockName(of tag: Tag) throws(SyntaxError) -> String {
        guard !tag.content.isEmpty, !tag.content.contains(where: { " \t()".contains($0) }) else {
            throw error(at: tag.start, "a block needs a plain name, as {{$main}}")
        }
        return tag.content
    }

    /// A partial's or parent's name, recorded for the check that it exists.
    private mutating func partialName(of tag: Tag) throws(SyntaxError) -> String {
        if tag.content.hasPrefix("*") {
            throw error(
                at: tag.start,
                "dynamic partial names ({{>*name}}) are not supported: every partial must be named in the template, "
                    + "so that the check can find it"
            )
        }
        guard !tag.content.isEmpty else {
            throw error(at: tag.start, "the tag names no template: write {{> partials/name}}")
        }
        let (line, column) = location(of: tag.start)
        references.append(CompiledTemplate.Reference(name: tag.content, line: line, column: column))
        return tag.content
    }

    // MARK: Bytes

    /// A line's indentation less the part `strip` (the enclosing block's) accounts for.
    private static func relative(_ indentation: [UInt8], to strip: [UInt8]) -> [UInt8] {
        indentation.starts(with: strip) ? Array(indentation.dropFirst(strip.count)) : indentation
    }

    private func starts(with prefix: [UInt8], at offset: Int) -> Bool {
        guard offset + prefix.count <= bytes.count else { return false }
        for index in prefix.indices where bytes[offset + index] != prefix[index] { return false }
        return true
    }

    private func find(_ needle: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index + needle.count <= bytes.count {
            if starts(with: needle, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func skipSpaces(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        return index
    }

    /// Just past the end of the line if only spaces follow `offset` on it (past its
    /// `\n` or `\r\n`, or the end of the text); nil if anything else does.
    private func lineEnd(after offset: Int) -> Int? {
        let index = skipSpaces(from: offset)
        if index == bytes.count { return index }
        if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
            return index + 2
        }
        return nil
    }

    /// The end of a text run: just past its line's `\n` or at the next opening delimiter.
    private func textEnd(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
            if starts(with: open, at: index) { return index }
            index += 1
        }
        return index
    }

    /// Line and column (in characters, as an editor counts them), both from 1.
    private func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1)
    }

    private func error(at offset: Int, _ message: String) -> SyntaxError {
        let (line, column) = location(of: offset)
        return SyntaxError(line: line, column: column, message: message)
    }
}

private extension String {
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
