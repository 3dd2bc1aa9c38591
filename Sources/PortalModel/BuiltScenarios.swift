/// The scenarios one assessment built, each with the tier it was built at, in ascending
/// scenario number: what a row's scenario cells say.
///
/// Why not a dictionary: 1,000 assessments of a 10,000-scenario standard hold millions of
/// answers, and a dictionary entry (number, tier, hash slot) costs about forty bytes
/// where this keeps five (the number, and the tier's place in a table of tiers every
/// record shares). Read in order, as every use does (fingerprints, tier rules, counts).
public struct BuiltScenarios: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: Int, value: TierID)
    private var numbers: [Int32] = []
    private var places: [UInt8] = []
    /// The tiers `places` point into: one table shared by every record of a load.
    private var tiers: [TierID] = []

    public init() {}

    /// `entries` in any order; `tiers` the table their tier places point into (≤ 256).
    public init(entries: [(no: Int32, place: UInt8)], tiers: [TierID]) {
        let sorted = entries.isSorted { $0.no < $1.no } ? entries : entries.sorted { $0.no < $1.no }
        numbers = sorted.map(\.no)
        places = sorted.map(\.place)
        self.tiers = tiers
    }

    public init(_ built: [Int: TierID]) {
        var table: [TierID] = []
        let entries = built.map { no, tier -> (no: Int32, place: UInt8) in
            if let place = table.firstIndex(of: tier) { return (Int32(no), UInt8(place)) }
            table.append(tier)
            return (Int32(no), UInt8(table.count - 1))
        }
        self.init(entries: entries, tiers: table)
    }

    public init(dictionaryLiteral elements: (Int, TierID)...) {
        self.init(Dictionary(elements) { _, last in last })
    }

    public var count: Int { numbers.count }
    public var isEmpty: Bool { numbers.isEmpty }

    /// The tier scenario `no` was built at; nil when it was not built.
    public subscript(no: Int) -> TierID? {
        var low = 0, high = numbers.count
        while low < high {
            let middle = (low + high) / 2
            if Int(numbers[middle]) < no { low = middle + 1 } else { high = middle }
        }
        return low < numbers.count && Int(numbers[low]) == no ? tiers[Int(places[low])] : nil
    }

    public func makeIterator() -> Iterator { Iterator(built: self) }

    public struct Iterator: IteratorProtocol {
        let built: BuiltScenarios
        var position = 0

        public mutating func next() -> Element? {
            guard position < built.numbers.count else { return nil }
            defer { position += 1 }
            return (Int(built.numbers[position]), built.tiers[Int(built.places[position])])
        }
    }

    public static func == (lhs: BuiltScenarios, rhs: BuiltScenarios) -> Bool {
        lhs.numbers == rhs.numbers && lhs.elementsEqual(rhs) { $0.value == $1.value }
    }
}

private extension Array {
    func isSorted(by ascending: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { ascending($0, $1) }
    }
}
