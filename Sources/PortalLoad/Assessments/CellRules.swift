import Foundation
import PortalModel

/// What each kind of cell may hold, from the model: tier words, regions, industries,
/// which indicators allow "not applicable", at which tiers each scenario is defined. A class: every
/// row's reader shares one, where a struct of eight collections would be copied, with
/// its reference counting, for every row.
final class CellRules: Sendable {
    /// Each tier's key and name with the tier: a few short words, scanned (no hashing per cell).
    let tierWords: [(word: String, tier: TierID)]
    /// The same words' bytes end to end, and where each is with its tier's place in
    /// `tierTable`: a scenario cell is matched on its bytes with no array or string
    /// retained per cell.
    let tierWordBytes: [UInt8]
    let tierWordSpans: [TierWordSpan]
    /// The framework's tiers in order: a built scenario keeps its tier's place in this table.
    let tierTable: [TierID]
    let tierList: String
    let regions: Set<String>
    let industries: Set<String>
    /// Indicators by number, as references: a cell check then costs no struct copy.
    let indicators: [Int: IndicatorRule]
    let scenarios: [Int: Scenario]
    /// Scenario number → the tiers it is defined at, as bits (1 << tier.index), indexed
    /// by number: millions of scenario cells are checked with no hashing.
    let definedTiers: [UInt8]
    let tierNames: [TierID: String]
    let format: AssessmentFormat
    let maturityLevels: Int
    /// Examples for messages, from the framework: two regions, an industry.
    let regionExamples: String, industryExample: String, regionCount: Int

    init(standard: Standard) {
        tierWords = standard.framework.tiers.flatMap { [($0.id.rawValue, $0.id), ($0.name, $0.id)] }
        tierTable = standard.framework.tierIDs
        var wordBytes: [UInt8] = [], spans: [TierWordSpan] = []
        for (word, tier) in tierWords {
            spans.append(
                TierWordSpan(
                    start: wordBytes.count, count: word.utf8.count, place: UInt8(tierTable.firstIndex(of: tier)!)))
            wordBytes += word.utf8
        }
        (tierWordBytes, tierWordSpans) = (wordBytes, spans)
        tierList = standard.framework.tiers.map { "\($0.id.rawValue)/\($0.name)" }.joined(separator: ", ")
        regions = Set(standard.framework.regions.map(\.name))
        industries = Set(standard.framework.sectors.flatMap(\.industries))
        indicators = Dictionary(uniqueKeysWithValues: standard.indicators.map { ($0.no, IndicatorRule($0)) })
        scenarios = Dictionary(uniqueKeysWithValues: standard.scenarios.map { ($0.no, $0) })
        var defined = [UInt8](repeating: 0, count: (standard.scenarios.map(\.no).max() ?? 0) + 1)
        for scenario in standard.scenarios {
            defined[scenario.no] = scenario.definedTiers.reduce(0) { $0 | UInt8(1) << $1.index }
        }
        definedTiers = defined
        tierNames = Dictionary(uniqueKeysWithValues: standard.framework.tiers.map { ($0.id, $0.name) })
        format = standard.framework.assessmentFormat
        maturityLevels = standard.framework.maturityLevels.count
        regionExamples = standard.framework.regions.prefix(2).map(\.name).joined(separator: ", ")
        regionCount = standard.framework.regions.count
        industryExample = standard.framework.sectors.first?.industries.first ?? ""
    }
}

extension CellRules {
    /// The tier a cell names by key or by name.
    func tier(named word: String) -> TierID? {
        for entry in tierWords where entry.word == word { return entry.tier }
        return nil
    }
}

/// One tier word in `CellRules.tierWordBytes`.
struct TierWordSpan {
    let start: Int, count: Int
    /// The tier's place in `CellRules.tierTable` (its index, as the framework's tiers are
    /// in order).
    let place: UInt8
}

/// What a cell of one indicator may hold.
final class IndicatorRule: Sendable {
    let no: Int
    let name: String
    /// Indicator 7: an amount, with its unit.
    let isAmount: Bool
    let unit: String?
    let allowsNotApplicable: Bool
    let levelCount: Int

    init(_ indicator: Indicator) {
        no = indicator.no
        name = indicator.name
        isAmount = indicator.question != nil
        unit = indicator.unit
        allowsNotApplicable = indicator.notApplicable != nil
        levelCount = indicator.levels.count
    }
}

/// One row → one Assessment. Each bad cell is reported at its own position.
struct RowReader {
    let row: CSVReader.Row
    let layout: [AssessmentColumns.Kind]
    let table: CSVReader
    let rules: CellRules
    let sink: DiagnosticSink

    func assessment() -> Assessment? {
        var enterprise: String?, code: String?, region: String?, industry: String?
        var year: Int?, maturity: Int?, declared: TierID?
        var indicators: [Int: IndicatorAnswer] = [:]
        var scenarios: [(no: Int32, place: UInt8)] = []
        indicators.reserveCapacity(rules.indicators.count)
        // Sized once: a wide row would otherwise grow the list cell by cell.
        scenarios.reserveCapacity(
            zip(row.fields, layout).reduce(0) { count, cell in
                if case .scenario = cell.1, !row.isEmpty(cell.0) { return count + 1 }
                return count
            })
        var failed = false
        let wordBytes = rules.tierWordBytes, spans = rules.tierWordSpans, definedTiers = rules.definedTiers
        let bytes = row.bytes
        for (field, kind) in zip(row.fields, layout) {
            // The common scenario cell, empty or exactly a tier's key or name, is read on
            // its bytes; anything else (spaces around, a typo) as text below.
            if case .scenario(let no) = kind, field.quoted < 0 {
                if field.offset == field.end { continue }
                if let place = Self.tierPlace(bytes, field.offset, field.end, words: wordBytes, spans: spans),
                    definedTiers[no] & UInt8(1) << place != 0
                {
                    scenarios.append((Int32(no), place))
                    continue
                }
            }
            let value = row.value(field).trimmingSpaces
            var problem: String?
            switch kind {
            case .enterprise:
                if value.isEmpty {
                    problem = "the enterprise name is empty: fill it in (it is never published)"
                } else {
                    enterprise = value
                }
            case .creditCode:
                let upper = value.uppercased()
                if CreditCode.isValid(upper) {
                    code = upper
                } else {
                    problem =
                        "not a valid 18-character unified social credit code (\(rules.format.header("credit_code")); "
                        + "wrong length, character or check digit): correct it"
                }
            case .region:
                if rules.regions.contains(value) {
                    region = value
                } else {
                    problem =
                        "region must be one of the \(rules.regionCount) leagues and cities listed in framework/"
                        + "regions.yaml (e.g. \(rules.regionExamples)): correct the cell"
                }
            case .industry:
                if rules.industries.contains(value) {
                    industry = value
                } else {
                    problem =
                        "industry must be one of framework/industries.yaml (GB/T 4754 names such as "
                        + "\(rules.industryExample)): correct the cell or add the industry to a sector"
                }
            case .year:
                if let number = Int(value), (2000...2100).contains(number) {
                    year = number
                } else {
                    problem = "year must be a four-digit year: write it as digits, such as 2025"
                }
            case .declaredTier:
                if value.isEmpty { continue }
                if let tier = rules.tier(named: value) {
                    declared = tier
                } else {
                    problem = "declared tier is not a tier: leave it empty or write one of \(rules.tierList)"
                }
            case .maturity:
                if let level = Int(value), (1...rules.maturityLevels).contains(level) {
                    maturity = level
                } else {
                    problem = "maturity must be a GB/T 39116 level from 1 to \(rules.maturityLevels): correct the cell"
                }
            case .indicator(let no):
                switch Self.indicatorAnswer(value, indicator: rules.indicators[no]!, format: rules.format) {
                case .success(let answer): indicators[no] = answer
                case .failure(let message): problem = message.text
                }
            case .scenario(let no):
                if value.isEmpty { continue }
                if let tier = rules.tier(named: value) {
                    if rules.definedTiers[no] & UInt8(1) << tier.index != 0 {
                        scenarios.append((Int32(no), UInt8(tier.index)))
                    } else {
                        let defined = rules.scenarios[no]!.definedTiers.map { rules.tierNames[$0]! }.joined(
                            separator: ", ")
                        problem =
                            "scenario \(twoDigits(no)) is not defined at \(rules.tierNames[tier]!) (the standard "
                            + "prints \"/\"): use one of \(defined) or leave it empty"
                    }
                } else {
                    problem =
                        "scenario \(twoDigits(no)) must be empty or the tier at which it was built: one of "
                        + "\(rules.tierList)"
                }
            }
            if let problem {
                sink.report(table.location(of: field), problem)
                failed = true
            }
        }
        guard !failed, let enterprise, let code, let region, let industry, let year, let maturity else { return nil }
        let first = row.fields[0]
        return Assessment(
            identifiers: DirectIdentifiers(enterprise: enterprise, creditCode: code),
            source: SourceLocation(path: table.path, line: first.line, column: 1),
            region: region, industry: industry, year: year, declaredTier: declared, maturity: maturity,
            indicators: indicators, scenarios: BuiltScenarios(entries: scenarios, tiers: rules.tierTable))
    }

    /// The place of the tier whose key or name is exactly `bytes[start..<end]`.
    private static func tierPlace(_ bytes: [UInt8], _ start: Int, _ end: Int, words: [UInt8], spans: [TierWordSpan])
        -> UInt8?
    {
        let count = end - start
        for span in spans where span.count == count {
            var index = 0
            while index < count && bytes[start + index] == words[span.start + index] { index += 1 }
            if index == count { return span.place }
        }
        return nil
    }

    /// A message for a bad cell (never holding the cell's value).
    struct Problem: Error { let text: String }

    private static func indicatorAnswer(_ value: String, indicator: IndicatorRule, format: AssessmentFormat) -> Result<
        IndicatorAnswer, Problem
    > {
        var name: String { "indicator \(indicator.no) (\(indicator.name))" }  // only messages need it
        if indicator.isAmount {
            guard let amount = Double(value), amount >= 0, amount.isFinite else {
                return .failure(
                    Problem(
                        text:
                            "\(name) is an amount\(indicator.unit.map { " in \($0)" } ?? ""): write a number such as "
                            + "350 or 1200.5"
                    ))
            }
            return .success(.amount(amount))
        }
        // A level is the common answer: tried before the not-applicable words.
        if let level = Int(value), (1...indicator.levelCount).contains(level) { return .success(.level(level)) }
        var notApplicable: String { format.notApplicable.joined(separator: "/") }  // only messages need it
        if format.isNotApplicable(value) {
            guard indicator.allowsNotApplicable else {
                return .failure(
                    Problem(
                        text: "\(name) has no \(notApplicable) option: give a level from 1 to \(indicator.levelCount)"))
            }
            return .success(.notApplicable)
        }
        let na = indicator.allowsNotApplicable ? ", or \(notApplicable)" : ""
        return .failure(
            Problem(text: "\(name) must be a level from 1 to \(indicator.levelCount)\(na): correct the cell"))
    }
}
