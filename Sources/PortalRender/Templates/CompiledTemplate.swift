/// A Mustache template parsed once (by `MustacheParser`) into the tree the renderer walks:
/// names already split, text already UTF-8 bytes, standalone lines already removed.
struct CompiledTemplate: Sendable {
    let nodes: [Node]
    /// Every partial and parent it names (`{{> name}}`, `{{< name}}`), where it names it:
    /// the template check reports one that does not exist at its line.
    let references: [Reference]
    /// The keys of the strings file it writes (`section.key`), and the sections it writes
    /// whole for a script (`section`).
    var wordKeys: Set<String> = []
    /// Its words tags that name no text.
    var wordProblems: [MustacheParser.SyntaxError] = []

    struct Reference: Sendable, Equatable {
        let name: String
        let line: Int
        let column: Int
    }

    /// A name as written in a tag: `.`, `a.b.c`, or `.a` (current object only), with the
    /// functions (`empty(list)`, `last()`) to apply, innermost first.
    struct Name: Sendable, Equatable {
        enum Origin: Sendable, Equatable { case current, stack, currentOnly, sequence }
        let origin: Origin
        let path: [String]
        let functions: [TemplateFunction]

        init(_ name: String, functions: [TemplateFunction] = []) {
            self.functions = functions
            if name == "." {
                origin = .current; path = []
            } else if name.isEmpty {
                origin = .sequence; path = []
            } else {
                origin = name.first == "." ? .currentOnly : .stack
                path = name.split(separator: ".").map(String.init)
            }
        }
    }

    indirect enum Node: Sendable {
        case text([UInt8])
        /// Where a line of the template begins: a standalone partial's or block's
        /// indentation is written here.
        case lineStart
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// A partial (`{{> name}}`) or a parent (`{{< name}}` with its block overrides).
        /// `indentation` is nil unless the tag stands alone on its line.
        case partial(String, indentation: [UInt8]?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}`, which a parent's caller may override. `indentation`
        /// is added to each line of an override; when the tag stands alone on its line
        /// (`standalone`), the default content was written at that indentation too.
        case block(String, default: [Node], indentation: [UInt8], standalone: Bool)
    }
}

/// The functions a tag may apply to a name, as `{{#empty(list)}}` or, for the position
/// in the list being iterated, `{{#first()}}`. Anything else is a syntax error at load.
enum TemplateFunction: String, Sendable, CaseIterable {
    case empty, count, first, last, index, even, odd, reversed, lowercased, uppercased

    /// Functions of the list item being rendered (`{{#first()}}`, `{{index()}}`).
    var appliesToPosition: Bool {
        switch self {
        case .first, .last, .index, .even, .odd: return true
        default: return false
        }
    }
}
