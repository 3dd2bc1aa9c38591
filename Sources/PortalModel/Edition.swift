import Foundation

/// One edition of the standard (Content/edition.yaml, or Content/editions/<id>/edition.yaml
/// for an earlier one): its permanent id, its dates, what it replaces, and the crosswalk
/// from the edition it replaces.
public struct Edition: Sendable, Equatable {
    /// The id in its addresses (/editions/<id>/): "2025".
    public var id: String
    /// As the standard names it: "2025年版".
    public var title: String
    /// 发布日期 and 实施日期, as ISO dates ("2025-03-01"): they order the editions and say
    /// which one is in force on a day.
    public var published: String
    public var effective: String
    /// The editions it replaces (ids), the one its crosswalk maps from first.
    public var supersedes: [String]
    /// What ids alone cannot tell about the items of the edition it replaces.
    public var crosswalk: [CrosswalkEntry]
    public var source: SourceFile?

    /// A site without edition.yaml has one edition, named as site.yaml names it
    /// ("2025年版" → id 2025), without dates.
    public static func standIn(for site: SiteConfig) -> Edition {
        let digits = String(site.edition.filter { $0.isASCII && $0.isNumber })
        return Edition(id: digits.isEmpty ? "current" : digits, title: site.edition, published: "", effective: "")
    }

    public init(
        id: String, title: String, published: String, effective: String, supersedes: [String] = [],
        crosswalk: [CrosswalkEntry] = [], source: SourceFile? = nil
    ) {
        (self.id, self.title, self.published, self.effective) = (id, title, published, effective)
        (self.supersedes, self.crosswalk, self.source) = (supersedes, crosswalk, source)
    }
}

/// One line of a crosswalk, in OWASP ASVS's vocabulary. An item whose code is the same in
/// both editions is the same item (its text changes are found, not declared); the
/// crosswalk names only renumbering, splits, merges and withdrawals.
public struct CrosswalkEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// One item under a new code: from [a] to [b].
        case moved
        /// One item became several: from [a] to [b, c, …].
        case split
        /// Several items became one: from [a, b, …] to [c].
        case merged
        /// Gone without successor: from [a], to [], with a reason.
        case withdrawn
    }

    public enum Item: String, Sendable, CaseIterable {
        case scenario
        case indicator
    }

    public var item: Item
    public var kind: Kind
    /// Codes ("07") in the edition replaced, and in this one.
    public var from: [String]
    public var to: [String]
    /// Why (required for a withdrawal, optional otherwise).
    public var reason: String?
    /// Where the entry is written, for messages.
    public var line: Int
    public var column: Int

    public init(
        item: Item, kind: Kind, from: [String], to: [String], reason: String? = nil, line: Int = 0, column: Int = 0
    ) {
        (self.item, self.kind, self.from, self.to, self.reason) = (item, kind, from, to, reason)
        (self.line, self.column) = (line, column)
    }
}

/// One edition with its whole content.
public struct EditionContent: Sendable {
    public var edition: Edition
    public var standard: Standard

    public init(edition: Edition, standard: Standard) { (self.edition, self.standard) = (edition, standard) }
}

/// Every edition the site publishes, oldest first (by 实施日期); the last is the latest,
/// Content/ itself, which the site's root shows.
public struct EditionSet: Sendable {
    public var all: [EditionContent]

    public init(_ all: [EditionContent]) { self.all = all }

    public var latest: EditionContent { all[all.count - 1] }

    /// The edition of `id`.
    public func edition(_ id: String) -> EditionContent? { all.first { $0.edition.id == id } }

    /// The one whose rules were in force on `date` (YYYY-MM-DD): the latest effective on
    /// or before it, else the oldest.
    public func inForce(on date: String) -> EditionContent {
        all.last { !$0.edition.effective.isEmpty && $0.edition.effective <= date } ?? all[0]
    }
}

/// The editions a site publishes, and the one a set of pages belongs to.
public struct EditionPlace: Sendable {
    public let set: EditionSet
    /// The edition of these pages.
    public let edition: Edition
    /// Where they go: "" for the root (the latest edition, with everything else the site
    /// publishes), "editions/<id>/" for an edition's own pages.
    public let folder: String

    public init(set: EditionSet, edition: Edition, folder: String) {
        (self.set, self.edition, self.folder) = (set, edition, folder)
    }

    /// The one edition of a site that has no earlier ones, at the root.
    public init(only standard: Standard) {
        let edition = Edition.standIn(for: standard.site)
        self.init(set: EditionSet([EditionContent(edition: edition, standard: standard)]), edition: edition, folder: "")
    }

    public var isLatest: Bool { edition.id == set.latest.edition.id }
    public var isRoot: Bool { folder.isEmpty }
}

extension EditionSet {
    /// What the assessments of any edition may answer: the latest edition with the
    /// scenarios and indicators only earlier ones have (as the newest of them words them).
    public var union: Standard {
        var standard = latest.standard
        let scenarios = Set(standard.scenarios.map(\.no)), indicators = Set(standard.indicators.map(\.no))
        var extraScenarios: [Int: Scenario] = [:], extraIndicators: [Int: Indicator] = [:]
        for content in all.dropLast() {  // oldest first: a newer edition's wording wins
            for scenario in content.standard.scenarios where !scenarios.contains(scenario.no) {
                extraScenarios[scenario.no] = scenario
            }
            for indicator in content.standard.indicators where !indicators.contains(indicator.no) {
                extraIndicators[indicator.no] = indicator
            }
        }
        standard.scenarios = (standard.scenarios + extraScenarios.values).sorted { $0.no < $1.no }
        standard.indicators = (standard.indicators + extraIndicators.values).sorted { $0.no < $1.no }
        return standard
    }

    /// Scenario and indicator numbers some edition lacks: an assessment table made under
    /// another edition need not have their columns.
    public var partialNumbers: (scenarios: Set<Int>, indicators: Set<Int>) {
        func partial(_ numbers: [Set<Int>]) -> Set<Int> {
            numbers.reduce(Set<Int>()) { $0.union($1) }.subtracting(
                numbers.dropFirst().reduce(numbers[0]) { $0.intersection($1) })
        }
        return (
            partial(all.map { Set($0.standard.scenarios.map(\.no)) }),
            partial(all.map { Set($0.standard.indicators.map(\.no)) })
        )
    }

    /// The edition an assessment of `year` is judged by: the one in force at the end of
    /// that year (the oldest, before any took effect).
    public func judging(year: Int) -> EditionContent { inForce(on: String(format: "%04d-12-31", year)) }
}
