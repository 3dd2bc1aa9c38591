import Foundation
import PortalLoad
import PortalModel
import PortalTestSupport
import Testing

/// The standard's text on the site must be the source's, character for character. The
/// source is the PDF extraction in shared/seed (beside the repository, as on CI): every
/// transcribed text, whitespace aside, must be made of a few verbatim runs of it (cells
/// were split by page breaks and by scenario 13's two bands, never reworded).
@Suite(.enabled(if: Seed.text != nil, "shared/seed is not beside the repository"))
struct FidelityTests {
    static var source: String? { Seed.text }

    static func squeeze(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// How many verbatim runs of the source `text` is made of (greedy, longest first);
    /// nil when some part of it is not in the source at all.
    static func runs(of text: String, in source: String) -> Int? {
        var rest = Substring(squeeze(text))
        var count = 0
        while !rest.isEmpty {
            var low = 0, high = rest.count  // longest prefix of `rest` found in the source
            while low < high {
                let middle = (low + high + 1) / 2
                if source.contains(rest.prefix(middle)) { low = middle } else { high = middle - 1 }
            }
            guard low >= 2 || (low == 1 && rest.count == 1) else { return nil }
            rest = rest.dropFirst(low)
            count += 1
        }
        return count
    }

    let standard = try! ContentLoader(root: Fixtures.repository + "/Content").load()

    /// Every text of the standard, labelled for messages, with the most runs it may take.
    var texts: [(label: String, text: String, maxRuns: Int)] {
        var result: [(String, String, Int)] = []
        for scenario in standard.scenarios {
            result.append(("scenario \(scenario.no) name", scenario.name, 1))
            for tier in TierID.allCases {
                if let text = scenario.text(at: tier) { result.append(("scenario \(scenario.no) \(tier)", text, 3)) }
            }
        }
        for indicator in standard.indicators {
            result.append(("indicator \(indicator.no) description", indicator.description, 1))
            for (index, level) in indicator.levels.enumerated() {
                result.append(("indicator \(indicator.no) level \(index + 1)", level, 2))
            }
            if let na = indicator.notApplicable { result.append(("indicator \(indicator.no) 不涉及", na, 1)) }
            if let question = indicator.question { result.append(("indicator \(indicator.no) question", question, 1)) }
        }
        for tier in standard.framework.tiers {
            result.append(("tier \(tier.id) intro", tier.intro, 1))
            for area in tier.areaTexts {
                result.append(("tier \(tier.id) \(area.area)", area.label + "：" + area.text, 1))
            }
        }
        for area in standard.framework.areas { result.append(("area \(area.id) note", area.note, 1)) }
        for (index, requirement) in standard.framework.requirements.enumerated() {
            result.append(("requirement \(index + 1)", requirement, 1))
        }
        result.append(("Annex 1 intro", standard.framework.intro, 1))
        result.append(("2027 goal", standard.framework.targets.goal, 1))
        // A target is its heading, then a later sentence of the same paragraph.
        for target in standard.framework.targets.perTier {
            result.append(("target \(target.tier)", target.heading + target.task, 2))
        }
        return result
    }

    @Test func everyTextIsTheSources() throws {
        let source = try #require(Self.source)
        var problems: [String] = []
        for (label, text, maxRuns) in texts {
            switch Self.runs(of: text, in: source) {
            case nil: problems.append("\(label): not in the source: \(text)")
            case let runs? where runs > maxRuns:
                problems.append("\(label): \(runs) pieces of the source, at most \(maxRuns) expected: \(text)")
            default: break
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(texts.count > 250)
    }

    @Test func theCheckCatchesAChangedCharacter() throws {
        let source = try #require(Self.source)
        let original = try #require(standard.scenarios[15].text(at: .advanced))  // 开展设备运行数据数据分析 (kept typo)
        #expect(Self.runs(of: original, in: source) == 1)
        let corrected = original.replacingOccurrences(of: "数据数据分析", with: "数据分析")
        #expect((Self.runs(of: corrected, in: source) ?? 99) > 1)
        #expect(Self.runs(of: original.replacingOccurrences(of: "设备", with: "设施"), in: source) ?? 99 > 1)
    }
}

/// The source text with all whitespace removed.
enum Seed {
    static let text: String? = {
        let path = Fixtures.repository + "/../shared/seed/000_30eba5ef4b3fde9c.txt"
        return (try? String(contentsOfFile: path, encoding: .utf8)).map(FidelityTests.squeeze)
    }()
}
