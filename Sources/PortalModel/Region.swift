/// A league or city (盟市) of Inner Mongolia.
public struct Region: Sendable, Equatable {
    public var name: String
    /// Administrative division code, e.g. 150100.
    public var code: String
    /// The part of the region it lies in (蒙东, 蒙中, 蒙西): a coarser place to publish.
    public var group: String

    public init(name: String, code: String, group: String) {
        self.name = name
        self.code = code
        self.group = group
    }
}

/// A group of industries published in their stead.
public struct Sector: Sendable, Equatable {
    public var name: String
    public var industries: [String]

    public init(name: String, industries: [String]) {
        self.name = name
        self.industries = industries
    }
}

/// A range of indicator 7's amount (万元): from inclusive, to exclusive, nil = open.
public struct InvestmentBand: Sendable, Equatable {
    public var from: Double
    public var to: Double?
    public var label: String

    public init(from: Double, to: Double?, label: String) {
        self.from = from
        self.to = to
        self.label = label
    }

    public func contains(_ amount: Double) -> Bool { amount >= from && (to.map { amount < $0 } ?? true) }
}
