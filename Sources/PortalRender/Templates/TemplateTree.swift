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
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .number(number)
        case let flag as Bool: return .flag(flag)
        case let number as Double: return .real(number)
        case let rich as RichText: return .richText(rich)
        default:
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            return encoder.storage?.value ?? .object(TemplateFields())
        }
    }
}

/// Where a container writes: a reference, so containers handed out can fill it later.
private final class Box {
    enum Content { case keyed(TemplateFields), unkeyed([TemplateValue]), single(TemplateValue) }
    var content: Content

    init(_ content: Content) { self.content = content }

    var value: TemplateValue {
        switch content {
        case .keyed(let fields): return .object(fields)
        case .unkeyed(let items): return .list(items)
        case .single(let value): return value
        }
    }
}

private final class TreeEncoder: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var storage: Box?

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = storage ?? Box(.keyed(TemplateFields()))
        storage = box
        return KeyedEncodingContainer(Keyed<Key>(box: box))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box = storage ?? Box(.unkeyed([]))
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
            guard case .keyed(var fields) = box.content else { return }
            box.content = .keyed(TemplateFields()) // keeps `fields` uniquely referenced: no copy on write
            fields[key.stringValue] = value
            box.content = .keyed(fields)
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
        var count: Int {
            guard case .unkeyed(let items) = box.content else { return 0 }
            return items.count
        }

        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { append(try TemplateTree.node(value)) }
        mutating func encode(_ value: String) throws { append(.text(value)) }
        mutating func encode(_ value: Int) throws { append(.number(value)) }

        private func append(_ value: TemplateValue) {
            guard case .unkeyed(var items) = box.content else { return }
            box.content = .unkeyed([]) // keeps `items` uniquely referenced: no copy on write
            items.append(value)
            box.content = .unkeyed(items)
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
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.storage = Box(.single(try TemplateTree.node(value))) }
    }
}
