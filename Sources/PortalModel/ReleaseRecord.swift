/// What one release published about the assessments, kept so the next release can be
/// audited together with it (Content/assessments/releases/release-NNNN.json). It holds no
/// name, credit code or value of any one assessment: only the figures the site
/// published, and for each cohort the keyed fingerprints of the assessments first
/// published in it (HMAC-SHA256 under the record key, so the file joins nothing without
/// the key).
public struct ReleaseRecord: Codable, Sendable, Equatable {
    /// 1: every figure a single value, "×" of any size. 2: figures may count several
    /// values ("level-1+level-2"), "×" is always k or more and zeros are never withheld.
    public var format: Int
    public static let currentFormat = 2
    public static let readableFormats = 1...2
    /// 1, 2, 3 … in publishing order.
    public var release: Int
    /// HMAC of a fixed text under the record key: tells that a later build uses the same key.
    public var keyCheck: String
    public var k: Int
    /// The cohort scheme and tier groups of the series: fixed by its first release.
    public var scheme: String
    public var tierGroups: [[String]]
    /// Cohort key → fingerprints of the assessments first published in this release.
    public var members: [String: [String]]
    /// Attribute → row ("total", "group:<key>", "cohort:<key>") → bin key (a value's key,
    /// or the keys of the values it counts joined by "+") → count, or nil where withheld
    /// (a dictionary's nil values are written as explicit nulls).
    public var figures: [String: [String: [String: Int?]]]

    public init(
        format: Int = ReleaseRecord.currentFormat, release: Int, keyCheck: String, k: Int, scheme: String,
        tierGroups: [[String]],
        members: [String: [String]], figures: [String: [String: [String: Int?]]]
    ) {
        self.format = format
        self.release = release
        self.keyCheck = keyCheck
        self.k = k
        self.scheme = scheme
        self.tierGroups = tierGroups
        self.members = members
        self.figures = figures
    }

    enum CodingKeys: String, CodingKey {
        case format, release, keyCheck = "key_check", k, scheme, tierGroups = "tier_groups", members, figures
    }
}

/// The earlier releases of the current series, in order, with the file each came from.
public struct ReleaseLedger: Sendable, Equatable {
    public var folder: String
    public var releases: [ReleaseRecord]
    public var files: [String]

    public init(folder: String, releases: [ReleaseRecord] = [], files: [String] = []) {
        self.folder = folder
        self.releases = releases
        self.files = files
    }
}
