/// An optional that open data writes as `null` rather than leaving the key out: readers
/// of the JSON see every field, and "/" in the standard becomes an explicit null.
/// (Synthesised Codable skips nil optionals; a wrapper is encoded like any value.)
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue { try container.encode(value) } else { try container.encodeNil() }
    }
}
