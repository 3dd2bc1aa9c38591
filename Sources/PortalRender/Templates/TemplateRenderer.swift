/// Renders compiled templates into UTF-8 bytes: names climb the context stack, sections
/// iterate lists (with `first()`, `last()`, `index()`, `even()`, `odd()` for the item's
/// place), test booleans and push objects; partials and blocks keep their indentation;
/// a parent's caller's overrides win over the parent's own; `{{name}}` is HTML-escaped,
/// `{{{name}}}` is not.
struct TemplateRenderer: Sendable {
    let templates: [String: CompiledTemplate]

    func render(_ value: TemplateValue, template name: String) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        var scope = Scope(stack: [value])
        render(template.nodes[...], &scope, into: &output)
        return output
    }

    /// Where a tag is rendered: the objects it can see (innermost last), its place in the
    /// list being iterated, the indentation of its lines, the overrides of the parents
    /// it is inside. One scope is changed and restored as rendering goes in and out of
    /// sections and partials, not copied (with its stack) for every list item.
    struct Scope {
        var stack: [TemplateValue]
        var sequence: (first: Bool, last: Bool, index: Int)?
        var indentation: [UInt8]?
        var overrides: [String: [CompiledTemplate.Node]]?

        /// Renders `body` with `value` pushed (and `sequence` as its place in a list).
        mutating func pushing(
            _ value: TemplateValue, sequence: (first: Bool, last: Bool, index: Int)? = nil,
            _ body: (inout Scope) -> Void
        ) {
            let saved = self.sequence
            stack.append(value)
            self.sequence = sequence
            body(&self)
            stack.removeLast()
            self.sequence = saved
        }

        /// Renders another template's text (a partial, a parent, an override): no list
        /// position, the given indentation, `added` overrides.
        mutating func entering(
            indentation: [UInt8]?, overrides added: [String: [CompiledTemplate.Node]]? = nil,
            _ body: (inout Scope) -> Void
        ) {
            let saved = (sequence, self.indentation, overrides)
            if let added {
                // The outermost caller's overrides win over those of the parents it calls.
                overrides = overrides.map { $0.merging(added) { outer, _ in outer } } ?? added
            }
            sequence = nil
            self.indentation = indentation.flatMap { $0.isEmpty ? nil : $0 }
            body(&self)
            (sequence, self.indentation, overrides) = saved
        }

        /// This scope's indentation with `extra` added.
        func indented(by extra: [UInt8]) -> [UInt8]? {
            extra.isEmpty ? indentation : (indentation ?? []) + extra
        }
    }

    private func render(_ nodes: ArraySlice<CompiledTemplate.Node>, _ scope: inout Scope, into output: inout [UInt8]) {
        for index in nodes.indices { render(nodes[index], &scope, into: &output) }
    }

    private func render(_ node: CompiledTemplate.Node, _ scope: inout Scope, into output: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .lineStart:
            if let indentation = scope.indentation { output.append(contentsOf: indentation) }
        case .variable(let name, let escaped):
            if let value = lookup(name, scope) { write(value, escaped: escaped, into: &output) }
        case .section(let name, let body, inverted: false):
            switch lookup(name, scope) {
            case nil, .flag(false)?: break
            case .flag(true)?: render(body[...], &scope, into: &output)
            case .list(let items)?:
                for (index, item) in items.enumerated() {
                    scope.pushing(item, sequence: (index == 0, index == items.count - 1, index)) {
                        render(body[...], &$0, into: &output)
                    }
                }
            case .richText(let text)? where text.markdown.isEmpty: break
            case let value?: scope.pushing(value) { render(body[...], &$0, into: &output) }
            }
        case .section(let name, let body, inverted: true):
            switch lookup(name, scope) {
            case nil, .flag(false)?: render(body[...], &scope, into: &output)
            case .list(let items)? where items.isEmpty: render(body[...], &scope, into: &output)
            case .richText(let text)? where text.markdown.isEmpty: render(body[...], &scope, into: &output)
            default: break
            }
        case .partial(let name, let indentation, let overrides):
            // A missing partial renders as nothing (the specification's rule); the site's
            // template check refuses one before anything is rendered.
            if let template = templates[name] {
                scope.entering(indentation: indentation.flatMap(scope.indented), overrides: overrides) {
                    render(template.nodes[...], &$0, into: &output)
                }
            }
        case .block(let name, let defaultNodes, let indentation, let standalone):
            if let override = scope.overrides?[name] {
                // An override is written at the block's indentation; a block that opens
                // mid-line has its first line's indentation written already.
                var nodes = override[...]
                if !standalone, case .lineStart? = nodes.first { nodes = nodes.dropFirst() }
                scope.entering(indentation: scope.indented(by: indentation)) { render(nodes, &$0, into: &output) }
            } else {
                scope.entering(indentation: standalone ? scope.indented(by: indentation) : scope.indentation) {
                    render(defaultNodes[...], &$0, into: &output)
                }
            }
        }
    }

    // MARK: Names

    private func lookup(_ name: CompiledTemplate.Name, _ scope: Scope) -> TemplateValue? {
        var value: TemplateValue?
        var functions = name.functions[...]
        switch name.origin {
        case .current:
            value = scope.stack.last
        case .currentOnly:
            value = scope.stack.last.flatMap { resolve(name.path[...], from: $0) }
        case .stack:
            for object in scope.stack.reversed() {
                if let child = object.child(name.path[0]) {
                    value = resolve(name.path.dropFirst(), from: child)
                    break
                }
            }
        case .sequence:
            guard let sequence = scope.sequence, let first = functions.popFirst() else { return nil }
            switch first {
            case .first: value = .flag(sequence.first)
            case .last: value = .flag(sequence.last)
            case .index: value = .number(sequence.index)
            case .even: value = .flag(sequence.index & 1 == 0)
            case .odd: value = .flag(sequence.index & 1 == 1)
            default: return nil
            }
        }
        for function in functions {
            guard let current = value, let result = Self.apply(function, to: current) else { return nil }
            value = result
        }
        return value
    }

    private func resolve(_ path: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var current = value
        for name in path {
            guard let child = current.child(name) else { return nil }
            current = child
        }
        return current
    }

    /// A function applied to a value; nil where it means nothing (a count of a number).
    static func apply(_ function: TemplateFunction, to value: TemplateValue) -> TemplateValue? {
        switch (value, function) {
        case (.text(let text), .empty): return .flag(text.isEmpty)
        case (.text(let text), .lowercased): return .text(text.lowercased())
        case (.text(let text), .uppercased): return .text(text.uppercased())
        case (.list(let items), .empty): return .flag(items.isEmpty)
        case (.list(let items), .count): return .number(items.count)
        case (.list(let items), .first): return items.first
        case (.list(let items), .last): return items.last
        case (.list(let items), .reversed): return .list(items.reversed())
        case (.object(let fields), .empty): return .flag(fields.isEmpty)
        case (.object(let fields), .count): return .number(fields.count)
        case (.number(let number), .even): return .flag(number & 1 == 0)
        case (.number(let number), .odd): return .flag(number & 1 == 1)
        case (.richText(let text), .empty): return .flag(text.markdown.isEmpty)
        default: return nil
        }
    }

    // MARK: Output

    private func write(_ value: TemplateValue, escaped: Bool, into output: inout [UInt8]) {
        let text: String
        switch value {
        case .text(let string): text = string
        case .number(let number): text = String(number)
        case .real(let number): text = String(describing: number)
        case .flag(let flag): text = flag ? "true" : "false"
        case .richText(let rich): text = MarkdownCache.shared.html(rich.markdown)
        case .list, .object: return
        }
        if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
    }
}

/// `<`, `>`, `&`, `"` and `'` as entities, scanning UTF-8 bytes: copies runs between
/// them whole (Chinese text has none of them, so a field is one copy).
enum HTMLEscaping {
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }
}
