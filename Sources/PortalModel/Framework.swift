/// Annex 1 and the plan's targets: everything that is not a scenario or an indicator.
public struct Framework: Sendable, Equatable {
    public var tiers: [Tier]
    public var areas: [Area]
    public var segments: [Segment]
    /// Annex 1 introductory paragraph.
    public var intro: String
    /// Annex 1's heading of the basic requirements (一、基础要求) and its items, verbatim.
    public var requirementsTitle: String
    public var requirements: [String]
    public var targets: Targets
    /// The 12 leagues and cities an assessment's region must be one of.
    public var regions: [Region]
    /// Industries grouped into the sectors published instead of them.
    public var sectors: [Sector]
    /// Bands in which indicator 7's amount is published.
    public var investmentBands: [InvestmentBand]
    /// GB/T 39116-2020's maturity levels by name, lowest first (maturity.yaml).
    public var maturityLevels: [String]
    /// The parts of the region (蒙东 …) by name: their id in URLs (regions.yaml `parts`).
    public var partSlugs: [String: String]
    /// How assessment CSVs are written (assessments.yaml).
    public var assessmentFormat: AssessmentFormat

    public init(
        tiers: [Tier], areas: [Area], segments: [Segment], intro: String, requirementsTitle: String,
        requirements: [String], targets: Targets,
        regions: [Region] = [], sectors: [Sector] = [], investmentBands: [InvestmentBand] = [],
        maturityLevels: [String], partSlugs: [String: String] = [:], assessmentFormat: AssessmentFormat
    ) {
        self.tiers = tiers
        self.areas = areas
        self.segments = segments
        self.intro = intro
        self.requirementsTitle = requirementsTitle
        self.requirements = requirements
        self.targets = targets
        self.regions = regions
        self.sectors = sectors
        self.investmentBands = investmentBands
        self.maturityLevels = maturityLevels
        self.partSlugs = partSlugs
        self.assessmentFormat = assessmentFormat
    }

    public func sector(of industry: String) -> Sector? { sectors.first { $0.industries.contains(industry) } }

    /// Every tier's id, lowest first.
    public var tierIDs: [TierID] { tiers.map(\.id) }

    /// The tier `id` names. Ids are made only by the framework's loader, from these
    /// tiers, so one always exists; a stray id is a programming error.
    public func tier(_ id: TierID) -> Tier {
        guard id.index < tiers.count, tiers[id.index].id == id else {
            preconditionFailure("tier \(id) is not one of the framework's")
        }
        return tiers[id.index]
    }

    /// The tier whose key or name is `text` (`basic` or 基础级), if any.
    public func tierID(named text: String) -> TierID? {
        tiers.first { $0.id.rawValue == text || $0.name == text }?.id
    }
    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }
    public func segment(named name: String) -> Segment? { segments.first { $0.name == name } }
}

/// The plan's 2027 targets (一、总体要求 and 二、重点任务).
public struct Targets: Sendable, Equatable {
    public var goal: String
    /// The year the targets are set for.
    public var year: Int
    public var perTier: [TierTarget]

    public init(goal: String, year: Int, perTier: [TierTarget]) {
        self.goal = goal
        self.year = year
        self.perTier = perTier
    }
}

public struct TierTarget: Sendable, Equatable {
    public var tier: TierID
    public var heading: String
    public var task: String
    public var figure: String
    public var figureLabel: String
    /// The figure as a number of factories at this tier or above, where it is one.
    public var count: Int?
    /// The count is per year (每年推动 300 家), not by 2027.
    public var perYear: Bool

    public init(
        tier: TierID, heading: String, task: String, figure: String, figureLabel: String, count: Int? = nil,
        perYear: Bool = false
    ) {
        self.tier = tier
        self.heading = heading
        self.task = task
        self.figure = figure
        self.figureLabel = figureLabel
        self.count = count
        self.perYear = perYear
    }
}
