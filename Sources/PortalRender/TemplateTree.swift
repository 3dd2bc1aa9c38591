import Mustache

/// Turns a view model into the plain tree swift-mustache reads fastest: a struct becomes
/// `[String: Any]` (looked up by key), an array `[Any]`, and strings, numbers, booleans
/// and custom-rendered values (RichText) stay as they are.
///
/// Why: given a struct, swift-mustache finds each `{{name}}` with a new `Mirror` per
/// object on the context stack, and Mirror demangles field types on every access. That
/// was 70% of the render stage (perf, real site). The synthesised `Encodable` code reads
/// fields directly, so one pass per page replaces thousands of reflections.
///
/// Semantics are Mirror's: a nil optional leaves its key out, so lookups climb the
/// context stack exactly as they did when Mirror found a nil child.
public enum TemplateTree {
    public static func make(_ value: some Encodable) throws -> Any {
        try node(value)
    }

    static func node<T: Encodable>(_ value: T) throws -> Any {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let number as Double: return number
        case let custom as MustacheCustomRenderable: return custom
        default:
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            return encoder.storage?.value ?? [String: Any]()
        }
    }
}

/// Where a container writes: a reference, so containers handed out can fill it later.
private final class Box {
    enum Content { case keyed([String: Any]), unkeyed([Any]), single(Any) }
    var content: Content

    init(_ content: Content) { self.content = content }

    var value: Any {
        switch content {
        case .keyed(let fields): return fields
        case .unkeyed(let items): return items
        case .single(let value): return value
        }
    }
}

private final class TreeEncoder: Encoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var storage: Box?

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box = storage ?? Box(.keyed([:]))
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

        private func set(_ value: Any, _ key: Key) {
            guard case .keyed(var fields) = box.content else { return }
            box.content = .keyed([:]) // keeps `fields` uniquely referenced: no copy on write
            fields[key.stringValue] = value
            box.content = .keyed(fields)
        }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try TemplateTree.node(value), key) }

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
        mutating func encode<T: Encodable>(_ value: T) throws {
            guard case .unkeyed(var items) = box.content else { return }
            box.content = .unkeyed([])
            items.append(try TemplateTree.node(value))
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
