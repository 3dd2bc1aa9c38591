/// One typical scenario of Annex 3 with its requirement text per tier.
///
/// A value over one shared, immutable box: the pages of a 4,000-scenario standard walk
/// every scenario many times, and a copy then retains one box instead of six
/// reference-counted fields. The box also keeps each tier's text by the tier's place, so
/// reading one costs no hashing of the tier's key.
public struct Scenario: Sendable, Equatable {
    private final class Storage: Sendable {
        let no: Int
        let name: String
        let segment: String
        let tiers: [TierID: String?]
        let notes: String
        let source: SourceFile
        /// `tiers` by TierID.index: the tier there, and its text (nil where not defined).
        let keys: [TierID?]
        let texts: [String?]
        let definedTiers: [TierID]

        init(no: Int, name: String, segment: String, tiers: [TierID: String?], notes: String, source: SourceFile) {
            self.no = no
            self.name = name
            self.segment = segment
            self.tiers = tiers
            self.notes = notes
            self.source = source
            let count = (tiers.keys.map(\.index).max() ?? -1) + 1
            var keys = [TierID?](repeating: nil, count: count), texts = [String?](repeating: nil, count: count)
            for (tier, text) in tiers where tier.index >= 0 { keys[tier.index] = tier; texts[tier.index] = text }
            self.keys = keys
            self.texts = texts
            definedTiers = tiers.keys.sorted().filter { tiers[$0] ?? nil != nil }
        }
    }

    private let storage: Storage

    public var no: Int { storage.no }
    public var name: String { storage.name }
    /// Segment name as in the table, e.g. 工厂建设.
    public var segment: String { storage.segment }
    /// Text per tier, one entry for each of the framework's tiers; nil where the source
    /// prints "/" (not defined at that tier).
    public var tiers: [TierID: String?] { storage.tiers }
    /// Optional editorial notes (Markdown) below the front matter.
    public var notes: String { storage.notes }
    public var source: SourceFile { storage.source }

    public init(no: Int, name: String, segment: String, tiers: [TierID: String?], notes: String, source: SourceFile) {
        storage = Storage(no: no, name: name, segment: segment, tiers: tiers, notes: notes, source: source)
    }

    /// The tier's text, or nil where the scenario is not defined at that tier.
    public func text(at tier: TierID) -> String? {
        let index = tier.index
        if index >= 0 && index < storage.keys.count, storage.keys[index] == tier { return storage.texts[index] }
        return storage.tiers[tier] ?? nil
    }

    /// Tiers at which the standard defines this scenario, ascending.
    public var definedTiers: [TierID] { storage.definedTiers }

    /// Two-digit number used in URLs and file names: 7 → "07".
    public var code: String { twoDigits(no) }

    public static func == (lhs: Scenario, rhs: Scenario) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.no == rhs.no && lhs.name == rhs.name && lhs.segment == rhs.segment
                && lhs.tiers == rhs.tiers && lhs.notes == rhs.notes && lhs.source == rhs.source)
    }
}

/// Two-digit zero-padded number, the form used in every URL.
public func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
