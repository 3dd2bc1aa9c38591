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
        try node(value)
    }

    static func node<T: Encodable>(_ value: T) throws -> TemplateValue {
        // The leaf types by their type (a pointer comparison) rather than by casting the
        // value to each in turn; lists without an unkeyed container.
        if T.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .number(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return .flag(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Double.self { return .real(unsafeBitCast(value, to: Double.self)) }
        if T.self == RichText.self { return .richText(value as! RichText) }
        // The most numerous objects (every page's navigation, footer and downloads; every
        // row's tier), written directly as the Encoder would (a test holds them to it).
        if T.self == Link.self { return (value as! Link).tree }
        if T.self == TierRef.self { return (value as! TierRef).tree }
        if let list = value as? any TemplateList { return try list.templateList() }
        return try encoded(value)
    }

    /// `value` through its `Encodable` conformance.
    static func encoded<T: Encodable>(_ value: T) throws -> TemplateValue {
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        return encoder.storage?.value ?? .object(TemplateFields())
    }
}

extension Link {
    /// Its fields in declaration order, as its synthesised `Encodable` writes them.
    var tree: TemplateValue { .object(["label": .text(label), "href": .text(href), "current": .flag(current)]) }
}

extension TierRef {
    var tree: TemplateValue { .object(["id": .text(id), "name": .text(name), "href": .text(href)]) }
}

/// An array read as a list, element by element.
private protocol TemplateList {
    func templateList() throws -> TemplateValue
}

extension Array: TemplateList where Element: Encodable {
    fileprivate func templateList() throws -> TemplateValue {
        var items: [TemplateValue] = []
        items.reserveCapacity(count)
        for element in self { items.append(try TemplateTree.node(element)) }
        return .list(items)
    }
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

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = storage ?? Box(.keyed)
        storage = box
        return KeyedEncodingContainer(Keyed<Key>(box: box))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box = storage ?? Box(.unkeyed)
        storage = box
        return Unkeyed(box: box)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        Single(encoder: self)
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [CodingKey] { [] }

        private func set(_ value: TemplateValue, _ key: Key) {
            box.fields[key.stringValue] = value
        }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try TemplateTree.node(value), key) }
        // The synthesised code calls these for plain fields; without them each would go
        // through the generic method and a dynamic cast.
        mutating func encode(_ value: String, forKey key: Key) throws { set(.text(value), key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(value), key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.flag(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(.real(value), key) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey> {
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
        var codingPath: [CodingKey] { [] }
        var count: Int { box.items.count }

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { append(try TemplateTree.node(value)) }
        mutating func encode(_ value: String) throws { append(.text(value)) }
        mutating func encode(_ value: Int) throws { append(.number(value)) }

        private func append(_ value: TemplateValue) {
            box.items.append(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
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
            box.single = try TemplateTree.node(value)
            encoder.storage = box
        }
    }
}
