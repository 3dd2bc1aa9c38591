/// Renders compiled templates into UTF-8 bytes, with swift-mustache's semantics: names
/// climb the context stack, sections iterate lists (with `first()`, `last()`, `index()`),
/// test booleans and push objects; partials and parents' blocks keep their indentation;
/// `{{name}}` is HTML-escaped, `{{{name}}}` is not.
struct TemplateRenderer: Sendable {
    let templates: [String: CompiledTemplate]

    func render(_ value: TemplateValue, template name: String) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        render(template.nodes, Scope(stack: [value]), into: &output)
        return output
    }

    /// Where a tag is rendered: the objects it can see (innermost last), its place in the
    /// list being iterated, the indentation of the partial it is in, a parent's blocks.
    struct Scope {
        var stack: [TemplateValue]
        var sequence: (first: Bool, last: Bool, index: Int)?
        var indentation: [UInt8]?
        var overrides: [String: [CompiledTemplate.Node]]?

        func pushing(_ value: TemplateValue, sequence: (first: Bool, last: Bool, index: Int)? = nil) -> Scope {
            Scope(stack: stack + [value], sequence: sequence, indentation: indentation, overrides: overrides)
        }

        /// The scope inside a partial or block: no list position, indentation added to.
        func entering(indentation extra: [UInt8]?, overrides added: [String: [CompiledTemplate.Node]]? = nil) -> Scope {
            var merged = overrides
            if let added {
                // The outermost parent's blocks win, as in swift-mustache.
                merged = overrides.map { $0.merging(added) { outer, _ in outer } } ?? added
            }
            return Scope(stack: stack, sequence: nil, indentation: extra.map { (indentation ?? []) + $0 } ?? indentation, overrides: merged)
        }
    }

    private func render(_ nodes: [CompiledTemplate.Node], _ scope: Scope, into output: inout [UInt8]) {
        let start = output.count
        let indentation = scope.indentation.flatMap { $0.isEmpty ? nil : $0 }
        for node in nodes {
            let before = output.count
            render(node, scope, into: &output)
            // Inside an indented partial, output that starts a new line is indented.
            if let indentation, output.count > before, before > start, output[before - 1] == 0x0A {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private func render(_ node: CompiledTemplate.Node, _ scope: Scope, into output: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            if let value = lookup(name, scope) { write(value, escaped: escaped, into: &output) }
        case .section(let name, let body, inverted: false):
            switch lookup(name, scope) {
            case nil, .flag(false)?: break
            case .flag(true)?: render(body, scope, into: &output)
            case .list(let items)?:
                for (index, item) in items.enumerated() {
                    render(body, scope.pushing(item, sequence: (index == 0, index == items.count - 1, index)), into: &output)
                }
            case .richText(let text)? where text.markdown.isEmpty: break
            case let value?: render(body, scope.pushing(value), into: &output)
            }
        case .section(let name, let body, inverted: true):
            switch lookup(name, scope) {
            case nil, .flag(false)?: render(body, scope, into: &output)
            case .list(let items)? where items.isEmpty: render(body, scope.pushing(.list(items)), into: &output)
            case .richText(let text)? where text.markdown.isEmpty: render(body, scope, into: &output)
            default: break
            }
        case .partial(let name, let indentation, let overrides):
            if let template = templates[name] {
                render(template.nodes, scope.entering(indentation: indentation, overrides: overrides), into: &output)
            }
        case .block(let name, let defaultNodes, let indentation):
            render(scope.overrides?[name] ?? defaultNodes, scope.entering(indentation: indentation), into: &output)
        }
    }

    // MARK: Names

    private func lookup(_ name: CompiledTemplate.Name, _ scope: Scope) -> TemplateValue? {
        var value: TemplateValue?
        var transforms = name.transforms[...]
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
            guard let sequence = scope.sequence, let first = transforms.popFirst() else { return nil }
            switch first {
            case "first": value = .flag(sequence.first)
            case "last": value = .flag(sequence.last)
            case "index": value = .number(sequence.index)
            case "even": value = .flag(sequence.index & 1 == 0)
            case "odd": value = .flag(sequence.index & 1 == 1)
            default: return nil
            }
        }
        for transform in transforms {
            guard let current = value, let transformed = Self.apply(transform, to: current) else { return nil }
            value = transformed
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

    /// The transforms swift-mustache offers for these values; any other gives nothing.
    static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
        switch (value, transform) {
        case (.text(let text), "empty"): return .flag(text.isEmpty)
        case (.text(let text), "lowercased"): return .text(text.lowercased())
        case (.text(let text), "uppercased"): return .text(text.uppercased())
        case (.list(let items), "empty"): return .flag(items.isEmpty)
        case (.list(let items), "count"): return .number(items.count)
        case (.list(let items), "first"): return items.first
        case (.list(let items), "last"): return items.last
        case (.list(let items), "reversed"): return .list(items.reversed())
        case (.object(let fields), "empty"): return .flag(fields.isEmpty)
        case (.object(let fields), "count"): return .number(fields.count)
        case (.number(let number), "equalzero"): return .flag(number == 0)
        case (.number(let number), "plusone"): return .number(number + 1)
        case (.number(let number), "minusone"): return .number(number - 1)
        case (.number(let number), "even"): return .flag(number & 1 == 0)
        case (.number(let number), "odd"): return .flag(number & 1 == 1)
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
        case .list, .object: text = String(describing: value.anyTree)
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
