import PortalDerive

/// Turns a view model into the `TemplateValue` tree the compiled templates read: a
/// struct becomes an object (looked up by key), an array a list, and strings, numbers,
/// booleans and Markdown (RichText) stay what they are.
///
/// Why: reflecting over structs (Mirror) demangles field types on every lookup; the
/// synthesised `Encodable` code reads fields directly, one pass per page.
///
/// A nil optional leaves its key out, so a lookup climbs the context stack as it does
/// for JSON's null in the Mustache specification.
public enum TemplateTree {
    public static func make(_ value: some Encodable) throws -> TemplateValue {
        try node(value, direct: true)
    }

    /// `value` through its `Encodable` conformance all the way down, never a direct tree:
    /// what the direct trees are held to.
    static func encoded(_ value: some Encodable) throws -> TemplateValue {
        try encoded(value, direct: false)
    }

    /// With `direct`, the view models that write their own tree (DirectTrees.swift) do.
    static func node<T: Encodable>(_ value: T, direct: Bool) throws -> TemplateValue {
        // The leaf types by their type (a pointer comparison) rather than by casting the
        // value to each in turn.
        if T.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .number(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return .flag(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Double.self { return .real(unsafeBitCast(value, to: Double.self)) }
        if T.self == RichText.self { return .richText(value as! RichText) }
        // One cast for both: a list, or a view model that writes its own tree.
        if let node = value as? any TemplateNode, let tree = try node.templateNode(direct: direct) { return tree }
        return try encoded(value, direct: direct)
    }

    private static func encoded<T: Encodable>(_ value: T, direct: Bool) throws -> TemplateValue {
        let encoder = TreeEncoder(direct: direct)
        try value.encode(to: encoder)
        return encoder.storage?.value ?? .object(TemplateFields())
    }
}

/// A value whose tree is made without the generic Encoder: a list element by element;
/// a view model that writes its own (only with `direct`, nil otherwise).
protocol TemplateNode {
    func templateNode(direct: Bool) throws -> TemplateValue?
}

extension Array: TemplateNode where Element: Encodable {
    func templateNode(direct: Bool) throws -> TemplateValue? {
        var items: [TemplateValue] = []
        items.reserveCapacity(count)
        for element in self { items.append(try TemplateTree.node(element, direct: direct)) }
        return .list(items)
    }
}

/// A view model that writes its own tree: its fields in declaration order under their
/// names, a nil optional left out, as its synthesised `Encodable` conformance writes them
/// through the Encoder. Only the most numerous kinds are written so (every page's layout,
/// every row of the pages that list every scenario, the scenario pages); a test holds
/// each to the Encoder on every page of the real site, with its outcomes, with and
/// without search terms.
protocol DirectTree: TemplateNode {
    var tree: TemplateValue { get }
}

extension DirectTree {
    func templateNode(direct: Bool) throws -> TemplateValue? { direct ? tree : nil }
}

/// Where a container writes: a reference, so containers handed out can fill it later.
private final class Box {
    enum Kind { case keyed, unkeyed, single }
    let kind: Kind
    var fields = TemplateFields()
    var items: [TemplateValue] = []
    var single: TemplateValue?

    init(_ kind: Kind) { self.kind = kind }

    var value: TemplateValue {
        switch kind {
        case .keyed: return .object(fields)
        case .unkeyed: return .list(items)
        case .single: return single ?? .object(TemplateFields())
        }
    }
}

private final class TreeEncoder: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var storage: Box?
    let direct: Bool

    init(direct: Bool) { self.direct = direct }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = storage ?? Box(.keyed)
        storage = box
        return KeyedEncodingContainer(Keyed<Key>(box: box, direct: direct))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box = storage ?? Box(.unkeyed)
        storage = box
        return Unkeyed(box: box, direct: direct)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        Single(encoder: self)
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        let direct: Bool
        var codingPath: [CodingKey] { [] }

        private func set(_ value: TemplateValue, _ key: Key) {
            box.fields[key.stringValue] = value
        }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try TemplateTree.node(value, direct: direct), key)
        }
        // The synthesised code calls these for plain fields; without them each would go
        // through the generic method and a dynamic cast.
        mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(value), key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.flag(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(.real(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            preconditionFailure("view models use synthesised Encodable only")
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            preconditionFailure("view models use synthesised Encodable only")
        }

        mutating func superEncoder() -> Encoder { preconditionFailure("view models are structs") }
        mutating func superEncoder(forKey key: Key) -> Encoder { preconditionFailure("view models are structs") }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        let direct: Bool
        var codingPath: [CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { append(try TemplateTree.node(value, direct: direct)) }
        mutating func encode(_ value: String) throws { append(.text(value)) }
        mutating func encode(_ value: Int) throws { append(.number(value)) }

        private func append(_ value: TemplateValue) {
            box.items.append(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
            NestedKey
        > {
            preconditionFailure("view models use synthesised Encodable only")
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            preconditionFailure("view models use synthesised Encodable only")
        }

        mutating func superEncoder() -> Encoder { preconditionFailure("view models are structs") }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws {
            let box = Box(.single)
            box.single = try TemplateTree.node(value, direct: encoder.direct)
            encoder.storage = box
        }
    }
}
