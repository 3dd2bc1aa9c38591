import PortalModel

/// Stage 2 for assessments: everything the site publishes about them, produced from one
/// set of protected tables and audited together — with the figures of every earlier
/// release — before anything is written. Pages, /data/outcomes.json and outcomes.csv
/// read this and nothing else.
///
/// Threat model (also on /outcomes/method/): the reader knows, for any enterprise, its
/// name, 盟市, industry, assessment year, declared tier, recognised tier and maturity
/// level; reads every page, table, chart, mark, legend, percentage and download; knows
/// the Annex 1 rules; and keeps earlier releases. The tier the rules give an assessment
/// is treated as confidential, like its answers. So:
/// - the only groups described one by one are cohorts (a tier group crossed with place,
///   sector and year, as detailed as keeps every cohort at k or more);
/// - every table is published in the most detailed form the data carries (values merged
///   where they are small), and no bin of a known attribute holds 1 to k−1 of a group a
///   reader can name, so no small known group is placed by the zeros around it;
/// - what is still small is withheld ("<k": 1 to k−1), protected by withholding cohort
///   figures of k or more ("×") chosen by linear programming — never the province-wide
///   figures, never zeros — and audited in whole numbers with the marks as facts;
/// - assessments new since the last release are held back until at least k of them
///   share a cohort, and differences between releases are audited like figures.
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
    /// Assessments the figures count (one per enterprise).
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
    /// What a reader can work out from the published figures for the headline questions.
    public let headlines: Headlines
    /// What each attribute's protection was given and chose: for tests that compare
    /// methods and attack the result. Never published.
    let problems: [(problem: LinkedCounts, withheld: [Withholding?], blocks: [[Int]])]

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
        /// Figures published, and withheld as "<k" and "×".
        public var figures = 0
        public var primary = 0
        public var secondary = 0
        /// Withheld figures of the province-wide row, and "×" of the tier groups (given up
        /// only where no cohort figure could protect).
        public var totalWithheld = 0
        public var totalFigures = 0
        public var groupSecondary = 0
        /// The highest share of withheld figures in any published table.
        public var worstTableShare = 0.0
        /// Tables not published at all (their data could not carry one split).
        public var tablesWithdrawn = 0
        public var linearPrograms = 0
        public var integerPrograms = 0
        public var auditedSums = 0
        /// Sums narrow only with the rule bounds of one attribute, settled in the joint model.
        public var settledJointly = 0
        public var failures = 0
    }

    /// Ranges a reader can prove from the published figures, worked out the way the
    /// audit works them out.
    public struct Headlines: Sendable {
        /// Per tier (lowest first): enterprises at it or above, province-wide.
        public var atOrAbove: [ClosedRange<Int>]
        /// Per year: enterprises whose tier is the lowest tier or above.
        public var lowestTierByYear: [(year: Int, count: ClosedRange<Int>)]
    }
}

/// One attribute's published counts, row by row: the province, each tier group, each
/// cohort. Each row shows the bins of its own form.
public struct PublishedAttribute: Sendable {
    public let id: String
    public let title: String
    public let kind: AttributeKind
    public let values: [(key: String, label: String)]
    /// Values the standard rules out (shown as "/", never counted).
    public let impossible: Set<Int>
    public let total: PublishedRow
    public let groups: [PublishedRow]
    public let cohorts: [PublishedRow]
    let mergedLabel: @Sendable ([Int]) -> String

    /// A bin's name: its value's label, or the merged name ("1–2级").
    public func label(of bin: [Int]) -> String { bin.count == 1 ? values[bin[0]].label : mergedLabel(bin) }
}

/// One row of an attribute as published: a cell per bin it can hold. Empty when it is
/// not published (the data could not carry even one split).
public struct PublishedRow: Sendable, Equatable {
    public let cells: [PublishedCell]

    /// Its form: the values each bin counts ("其中" cells aside).
    public var bins: [[Int]] { cells.filter { !$0.ofWhich }.map(\.values) }

    public var isPublished: Bool { !cells.isEmpty }

    /// The cell counting exactly these values, if the row shows one.
    public func cell(_ values: [Int]) -> PublishedCell? { cells.first { $0.values == values } }

    /// The cell whose bin holds `value` (not a "其中" cell).
    public func bin(holding value: Int) -> PublishedCell? { cells.first { !$0.ofWhich && $0.values.contains(value) } }
}

public struct PublishedCell: Sendable, Equatable {
    /// The values it counts (several: a merged bin).
    public let values: [Int]
    /// Its key in the ledger and open data ("level-1+level-2").
    public let key: String
    public let label: String
    public let count: PublishedCount
    /// Shown inside the merged bin before it ("其中领航级 <5"), not beside it.
    public let ofWhich: Bool
}

/// A published count, or why it is not published.
public enum PublishedCount: Sendable, Equatable {
    case count(Int)
    case withheld(Withholding)

    public var value: Int? { if case .count(let value) = self { return value } else { return nil } }
}
