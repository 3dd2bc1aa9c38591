import Mustache

/// A template compiled once for rendering: swift-mustache's parse (its syntax errors
/// with line and column, its standalone-line and indentation rules) turned into a tree
/// whose names are split and whose text is UTF-8 bytes already.
///
/// Why not render with swift-mustache: its renderer resolves every `{{name}}` through
/// `as?` casts of `Any` to four protocols, splits the name on every lookup, escapes HTML
/// Character by Character through a dictionary and joins Strings; that was 55% of a
/// 4,000-scenario build (perf). The parse is the library's; only rendering is ours, and
/// a test renders every page of the site both ways and requires the same bytes.
struct CompiledTemplate: Sendable {
    let nodes: [Node]

    /// A name as written in a tag: `.`, `a.b.c`, or `.a` (current object only), with the
    /// transforms (`empty(list)`, `last()`) applied innermost first.
    struct Name: Sendable {
        enum Origin: Sendable { case current, stack, currentOnly, sequence }
        let origin: Origin
        let path: [String]
        let transforms: [String]

        init(_ name: String, transforms: [String]) {
            self.transforms = transforms.reversed()
            if name == "." {
                origin = .current; path = []
            } else if name.isEmpty, !transforms.isEmpty {
                origin = .sequence; path = []
            } else {
                origin = name.first == "." ? .currentOnly : .stack
                path = name.split(separator: ".").map(String.init)
            }
        }
    }

    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// A partial (`{{> name}}`) or a parent (`{{< name}}` with block overrides).
        case partial(String, indentation: [UInt8]?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` where a parent's override may replace it.
        case block(String, default: [Node], indentation: [UInt8]?)
    }

    /// What compiling can meet that the renderer does not implement.
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    init(_ template: MustacheTemplate) throws {
        nodes = try Self.compile(template)
    }

    /// Reads the library's token list (internal to swift-mustache, so through Mirror,
    /// once per template at load time). Pinned to swift-mustache 2.x's `Token` cases; a
    /// change there fails here, at load, with the case it does not know.
    static func compile(_ template: MustacheTemplate) throws -> [Node] {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else {
            throw Unsupported(description: "swift-mustache's template layout changed: no token list")
        }
        return try tokens.map(node)
    }

    private static func node(_ token: Any) throws -> Node {
        guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label ?? "", $0.value) }) else {
            throw Unsupported(description: "swift-mustache token without a case")
        }
        let fields = Fields(payload)
        switch kind {
        case "text":
            return .text(Array((payload as? String ?? "").utf8))
        case "variable", "unescapedVariable":
            return .variable(Name(try fields.string("name"), transforms: try fields.strings("transforms")), escaped: kind == "variable")
        case "section", "invertedSection":
            return .section(Name(try fields.string("name"), transforms: try fields.strings("transforms")),
                            try compile(try fields.template("template")), inverted: kind == "invertedSection")
        case "blockExpansion":
            return .block(try fields.string("name"), default: try compile(try fields.template("default")),
                          indentation: fields.optionalString("indentation").map { Array($0.utf8) })
        case "partial":
            let overrides = try fields.optionalTemplates("inherits")?.mapValues(compile)
            return .partial(try fields.string(".0"), indentation: fields.optionalString("indentation").map { Array($0.utf8) },
                            overrides: overrides)
        default:
            // dynamicNamePartial, contentType, blockDefinition (only inside a parent)
            throw Unsupported(description: "the site's renderer does not support '\(kind)' tags: use sections, variables, partials and blocks")
        }
    }

    /// The labelled values of a token's payload.
    private struct Fields {
        let values: [String: Any]

        init(_ payload: Any) {
            values = Dictionary(Mirror(reflecting: payload).children.map { ($0.label ?? "", $0.value) }, uniquingKeysWith: { a, _ in a })
        }

        func value(_ label: String) throws -> Any {
            guard let value = values[label] else { throw Unsupported(description: "swift-mustache token without '\(label)'") }
            return value
        }

        func string(_ label: String) throws -> String {
            guard let text = try value(label) as? String else { throw Unsupported(description: "'\(label)' is not text") }
            return text
        }

        func strings(_ label: String) throws -> [String] {
            guard let list = try value(label) as? [String] else { throw Unsupported(description: "'\(label)' is not a list of names") }
            return list
        }

        func template(_ label: String) throws -> MustacheTemplate {
            guard let template = try value(label) as? MustacheTemplate else { throw Unsupported(description: "'\(label)' is not a template") }
            return template
        }

        func optionalString(_ label: String) -> String? {
            values[label] as? String
        }

        func optionalTemplates(_ label: String) throws -> [String: MustacheTemplate]? {
            values[label] as? [String: MustacheTemplate]
        }
    }
}
