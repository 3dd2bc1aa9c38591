import PortalModel

/// Stage 2 for assessments: everything the site publishes about them, produced from one
/// set of protected tables and audited together — with the figures of every earlier
/// release — before anything is written. Pages, /data/outcomes.json and outcomes.csv
/// read this and nothing else.
///
/// Threat model (also on /outcomes/method/): the reader knows, for any enterprise, its
/// name, 盟市, industry, assessment year, declared tier, recognised tier and maturity
/// level; reads every page, table, chart, percentage and download; and keeps earlier
/// releases. So:
/// - the only groups described one by one are cohorts (a tier group crossed with place,
///   sector and year, as detailed as keeps every cohort at k or more);
/// - every count over cohorts, tier groups and the total goes through primary and
///   secondary suppression chosen by linear programming (`Protector`) and an LP audit of
///   every withheld figure against everything published, now and before;
/// - assessments new since the last release are held back until at least k of them
///   share a cohort, so no figure changes between releases by fewer than k.
public struct OutcomeRelease: Sendable {
    public let k: Int
    public let synthetic: Bool
    public let label: String?
    public let scheme: CohortScheme
    public let tierGroups: TierGroups
    /// Names of the tier groups ("未达基础级", "卓越级及以上" …), by group.
    public let groupNames: [String]
    public let groupSizes: [Int]
    public let cohorts: [Cohort]
    /// Assessments the figures count.
    public let total: Int
    /// New assessments not yet published: their cohort has fewer than k new ones.
    public let heldBack: Int
    public let attributes: [PublishedAttribute]
    /// This release's number in the series, and whether it differs from the last one
    /// recorded (then `record` is new and is written to the ledger).
    public let release: Int
    public let isNewRelease: Bool
    public let record: ReleaseRecord
    public let audit: AuditSummary
    /// What each attribute's protection was given (its counts and blocks): for tests
    /// that compare methods. Never published.
    let inputs: [(problem: LinkedCounts, blocks: [[Int]])]

    /// A cohort as published: its coordinates, names and size.
    public struct Cohort: Sendable {
        public let key: CohortKey
        /// Ledger key and URL slug ("advanced-west-2025").
        public let slug: String
        public let name: String
        public let group: Int
        public let size: Int
        public let place: String?
        public let sector: String?
        public let year: Int?
    }

    public struct AuditSummary: Sendable {
        public var primary = 0
        public var secondary = 0
        /// Sum of the counts withheld as secondary: the information given up to protect.
        public var secondaryTotal = 0
        public var linearPrograms = 0
        public var auditedSums = 0
        /// Narrowest interval found for a withheld figure (∞ when none is withheld).
        public var narrowest = Double.infinity
        public var failures = 0
    }
}

/// One attribute's published counts: per value, at the total, each tier group and each
/// cohort.
public struct PublishedAttribute: Sendable {
    public let id: String
    public let title: String
    public let kind: AttributeKind
    public let values: [(key: String, label: String)]
    /// Values the standard rules out (shown as "/", never counted).
    public let impossible: Set<Int>
    public let total: [PublishedCount]
    public let groups: [[PublishedCount]]
    public let cohorts: [[PublishedCount]]
}

/// A published count, or why it is not published.
public enum PublishedCount: Sendable, Equatable {
    case count(Int)
    case withheld(Withholding)

    public var value: Int? { if case .count(let value) = self { return value } else { return nil } }
}
