/// The keys of the site's own words (Templates/strings.zh-CN.yaml): one case per text,
/// so a key the code uses and the file lacks is found when the file is loaded.
public enum TextKey: String, CaseIterable, Sendable {
    case pageHome = "page.home"
    case pageTiers = "page.tiers"
    case pageTier = "page.tier"
    case pageScenarios = "page.scenarios"
    case pageIndicators = "page.indicators"
    case pageIndicatorsTitle = "page.indicators_title"
    case pageIndicator = "page.indicator"
    case pageMatrix = "page.matrix"
    case pageCompare = "page.compare"
    case pageComparePair = "page.compare_pair"
    case pageSelfCheck = "page.self_check"
    case pageSearch = "page.search"
    case pageData = "page.data"
    case pageNotFound = "page.not_found"
    case pageOutcomes = "page.outcomes"
    case pageOutcomeIndicators = "page.outcome_indicators"
    case pageOutcomeScenarios = "page.outcome_scenarios"
    case pageCohorts = "page.cohorts"
    case pageCohort = "page.cohort"
    case pageRecords = "page.records"

    case searchKindScenario = "search_kind.scenario"
    case searchKindTier = "search_kind.tier"
    case searchKindIndicator = "search_kind.indicator"
    case searchKindOutcomes = "search_kind.outcomes"
    case searchKindPage = "search_kind.page"

    case layoutAllDownloads = "layout.all_downloads"

    case homeTiers = "home.tiers"
    case homeScenarios = "home.scenarios"
    case homeMatrix = "home.matrix"
    case homeIndicators = "home.indicators"
    case homeCompare = "home.compare"
    case homeSelfCheck = "home.self_check"

    case tierNoArea = "tier.no_area"
    case tierMaturityAtLeast = "tier.maturity_at_least"
    case tierMaturityAsRequired = "tier.maturity_as_required"
    case tierPair = "tier.pair"
    case tierListSeparator = "tier.list_separator"

    case compareMultiArea = "compare.multi_area"
    case compareMultiAreaFilter = "compare.multi_area_filter"
    case compareMinScenarios = "compare.min_scenarios"
    case compareScenariosCount = "compare.scenarios_count"
    case compareRequiredAreas = "compare.required_areas"
    case compareMaturity = "compare.maturity"
    case compareNewAt = "compare.new_at"
    case compareDroppedAt = "compare.dropped_at"
    case compareDescription = "compare.description"

    case selfCheckDescription = "self_check.description"

    case dataDescription = "data.description"
    case dataScenariosCsv = "data.scenarios_csv"
    case dataScenariosNo = "data.scenarios_no"
    case dataScenariosName = "data.scenarios_name"
    case dataScenariosSegment = "data.scenarios_segment"
    case dataScenariosArea = "data.scenarios_area"
    case dataScenariosTiers = "data.scenarios_tiers"
    case dataScenariosUrl = "data.scenarios_url"
    case dataIndicatorsCsv = "data.indicators_csv"
    case dataIndicatorsNo = "data.indicators_no"
    case dataIndicatorsGroup = "data.indicators_group"
    case dataIndicatorsName = "data.indicators_name"
    case dataIndicatorsLevels = "data.indicators_levels"
    case dataIndicatorsQuestion = "data.indicators_question"
    case dataIndicatorsNotApplicable = "data.indicators_not_applicable"
    case dataIndicatorsUrl = "data.indicators_url"
    case dataOutcomesCsv = "data.outcomes_csv"
    case dataOutcomesAttribute = "data.outcomes_attribute"
    case dataOutcomesGroup = "data.outcomes_group"
    case dataOutcomesValue = "data.outcomes_value"
    case dataOutcomesCount = "data.outcomes_count"
    case dataOutcomesStatus = "data.outcomes_status"
    case dataOutcomesRange = "data.outcomes_range"
    case dataOutcomesWithin = "data.outcomes_within"
    case dataScenariosJson = "data.scenarios_json"
    case dataIndicatorsJson = "data.indicators_json"
    case dataTiersJson = "data.tiers_json"
    case dataRulesJson = "data.rules_json"
    case dataOutcomesJson = "data.outcomes_json"
    case dataTotal = "data.total"

    case outcomesNoTier = "outcomes.no_tier"
    case outcomesFewerThanK = "outcomes.fewer_than_k"
    case outcomesFewerThanKNote = "outcomes.fewer_than_k_note"
    case outcomesProtectsAnother = "outcomes.protects_another"
    case outcomesProtectsAnotherNote = "outcomes.protects_another_note"
    case outcomesSyntheticData = "outcomes.synthetic_data"
    case outcomesAssessmentData = "outcomes.assessment_data"
    case outcomesTotal = "outcomes.total"
    case outcomesAll = "outcomes.all"
    case outcomesDeclaredCaption = "outcomes.declared_caption"
    case outcomesDeclaredCorner = "outcomes.declared_corner"
    case outcomesNotDeclared = "outcomes.not_declared"
    case outcomesDeclared = "outcomes.declared"
    case outcomesByRegion = "outcomes.by_region"
    case outcomesRegionCorner = "outcomes.region_corner"
    case outcomesByYear = "outcomes.by_year"
    case outcomesYearCorner = "outcomes.year_corner"
    case outcomesYear = "outcomes.year"
    case outcomesLinkIndicators = "outcomes.link_indicators"
    case outcomesLinkScenarios = "outcomes.link_scenarios"
    case outcomesLinkCohorts = "outcomes.link_cohorts"
    case outcomesLinkMethod = "outcomes.link_method"
    case outcomesProgressYearLabel = "outcomes.progress_year_label"
    case outcomesProgressYearTarget = "outcomes.progress_year_target"
    case outcomesProgressLabel = "outcomes.progress_label"
    case outcomesProgressTarget = "outcomes.progress_target"
    case outcomesCompanies = "outcomes.companies"
    case outcomesBetween = "outcomes.between"
    case outcomesIndicatorChartTitle = "outcomes.indicator_chart_title"
    case outcomesIndicatorChartDescription = "outcomes.indicator_chart_description"
    case outcomesIndicatorCaption = "outcomes.indicator_caption"
    case outcomesIndicatorCorner = "outcomes.indicator_corner"
    case outcomesNotBuilt = "outcomes.not_built"
    case outcomesLegendNotDefined = "outcomes.legend_not_defined"
    case outcomesNotDefined = "outcomes.not_defined"
    case outcomesScenarioNotDefined = "outcomes.scenario_not_defined"
    case outcomesScenarioCell = "outcomes.scenario_cell"
    case outcomesWholeRegion = "outcomes.whole_region"
    case outcomesAllSectors = "outcomes.all_sectors"
    case outcomesAllYears = "outcomes.all_years"
    case outcomesRadarTitle = "outcomes.radar_title"
    case outcomesRadarDescription = "outcomes.radar_description"
    case outcomesNoValue = "outcomes.no_value"
    case outcomesLevel = "outcomes.level"
    case outcomesLevelRange = "outcomes.level_range"
    case outcomesWithheldTotal = "outcomes.withheld_total"
    case outcomesWithheldRow = "outcomes.withheld_row"
    case outcomesWithheldShort = "outcomes.withheld_short"
    case outcomesBarSegment = "outcomes.bar_segment"
    case outcomesAttributeTier = "outcomes.attribute_tier"
    case outcomesAttributeDeclared = "outcomes.attribute_declared"
    case outcomesAttributeRegion = "outcomes.attribute_region"
    case outcomesAttributeSector = "outcomes.attribute_sector"
    case outcomesAttributeYear = "outcomes.attribute_year"
    case outcomesAttributeMaturity = "outcomes.attribute_maturity"
    case outcomesAttributeIndicator = "outcomes.attribute_indicator"
    case outcomesLevelValue = "outcomes.level_value"
    case outcomesNotApplicable = "outcomes.not_applicable"
    case outcomesMissing = "outcomes.missing"
    case outcomesBuiltAt = "outcomes.built_at"
    case outcomesOther = "outcomes.other"
    case outcomesSplitTier = "outcomes.split_tier"
    case outcomesSplitCity = "outcomes.split_city"
    case outcomesSplitPart = "outcomes.split_part"
    case outcomesSplitSector = "outcomes.split_sector"
    case outcomesSplitYear = "outcomes.split_year"
    case outcomesGroupAndAbove = "outcomes.group_and_above"
    case outcomesGroupRange = "outcomes.group_range"
    case outcomesShareAll = "outcomes.share_all"
    case outcomesShareSome = "outcomes.share_some"
    case outcomesOfWhich = "outcomes.of_which"
    case outcomesWithdrawn = "outcomes.withdrawn"
    case outcomesWithdrawnTable = "outcomes.withdrawn_table"
    case outcomesNotPossible = "outcomes.not_possible"
    case outcomesLegendMerged = "outcomes.legend_merged"
    case outcomesLegendMergedMark = "outcomes.legend_merged_mark"
    case outcomesLegendZero = "outcomes.legend_zero"
    case outcomesProgressMet = "outcomes.progress_met"
    case outcomesProgressExceeded = "outcomes.progress_exceeded"
    case outcomesProgressMaybe = "outcomes.progress_maybe"
    case outcomesBySector = "outcomes.by_sector"
    case outcomesSectorCorner = "outcomes.sector_corner"
    case outcomesYearRange = "outcomes.year_range"
    case outcomesLevelValueRange = "outcomes.level_value_range"
    case outcomesBandBelow = "outcomes.band_below"
    case outcomesBandRange = "outcomes.band_range"
    case outcomesBandFrom = "outcomes.band_from"
    case outcomesBuiltAny = "outcomes.built_any"

    case serveBuildFailed = "serve.build_failed"

    /// The placeholders a text may use, as `{name}`.
    public var placeholders: Set<String> {
        switch self {
        case .pageTier: return ["tier"]
        case .pageIndicator: return ["name", "no"]
        case .pageComparePair: return ["pair"]
        case .pageCohort: return ["name"]
        case .homeTiers: return ["count"]
        case .homeScenarios: return ["count"]
        case .homeIndicators: return ["count"]
        case .tierMaturityAtLeast: return ["level"]
        case .tierPair: return ["high", "low"]
        case .compareScenariosCount: return ["count"]
        case .compareNewAt: return ["tier"]
        case .compareDroppedAt: return ["tier"]
        case .compareDescription: return ["high", "low"]
        case .dataScenariosNo: return ["first", "last"]
        case .dataScenariosTiers: return ["tiers"]
        case .dataScenariosUrl: return ["route"]
        case .dataIndicatorsNo: return ["first", "last"]
        case .dataIndicatorsUrl: return ["route"]
        case .outcomesFewerThanK: return ["k"]
        case .outcomesFewerThanKNote: return ["high"]
        case .outcomesProtectsAnotherNote: return ["k"]
        case .outcomesDeclared: return ["tier"]
        case .outcomesYear: return ["year"]
        case .outcomesLinkCohorts: return ["k"]
        case .outcomesProgressYearLabel: return ["tier"]
        case .outcomesProgressYearTarget: return ["goal"]
        case .outcomesProgressLabel: return ["tier"]
        case .outcomesProgressTarget: return ["goal", "year"]
        case .outcomesCompanies: return ["count"]
        case .outcomesBetween: return ["high", "low"]
        case .outcomesIndicatorChartTitle: return ["name", "no"]
        case .outcomesIndicatorCaption: return ["name", "no"]
        case .outcomesScenarioNotDefined: return ["code", "name", "tier"]
        case .outcomesScenarioCell: return ["code", "count", "name", "share", "tier"]
        case .outcomesRadarDescription: return ["count", "first", "last"]
        case .outcomesLevel: return ["level"]
        case .outcomesLevelRange: return ["high", "low"]
        case .outcomesWithheldRow: return ["label"]
        case .outcomesWithheldTotal: return ["count", "label"]
        case .outcomesBarSegment: return ["count", "label", "option"]
        case .outcomesAttributeIndicator: return ["name", "no"]
        case .outcomesLevelValue: return ["level"]
        case .outcomesBuiltAt: return ["tier"]
        case .outcomesGroupAndAbove: return ["tier"]
        case .outcomesGroupRange: return ["high", "low"]
        case .outcomesYearRange: return ["high", "low"]
        case .outcomesShareAll: return ["figures"]
        case .outcomesShareSome: return ["figures", "withheld"]
        case .outcomesOfWhich: return ["count", "label"]
        case .outcomesLevelValueRange: return ["high", "low"]
        case .outcomesBandBelow: return ["to"]
        case .outcomesBandRange: return ["from", "to"]
        case .outcomesBandFrom: return ["from"]
        default: return []
        }
    }
}
