/// One of the five areas (环节) of Annex 1, e.g. 生产作业.
public struct Area: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The Annex 1 注 sentence naming the segments the area covers, verbatim.
    public var note: String

    public init(id: String, name: String, note: String) {
        self.id = id
        self.name = name
        self.note = note
    }
}

/// One of the 15 segments (环节) of the Annex 3 table, e.g. 质量管控.
public struct Segment: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The Annex 1 area the segment belongs to; nil for 多环节/模式创新.
    public var area: String?

    public init(id: String, name: String, area: String?) {
        self.id = id
        self.name = name
        self.area = area
    }
}
