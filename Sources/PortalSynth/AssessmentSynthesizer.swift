import Foundation
import PortalDerive
import PortalModel

/// `portal synth`: realistic, clearly fake assessment data for demos, tests and the
/// benchmark. Enterprise names end in （合成）; credit codes have the right format and
/// check characters but are made up; distributions follow how such a population looks
/// (most factories at basic or below, few at the top, industry concentrated in the
/// west's energy and metal regions).
public struct AssessmentSynthesizer {
    let standard: Standard
    let engine: Eligibility
    var random: RandomSource

    public init(standard: Standard, seed: UInt64) {
        self.standard = standard
        engine = Eligibility(standard: standard)
        random = RandomSource(seed: seed)
    }

    static let regionWeights: [String: Double] = [
        "呼和浩特市": 14, "包头市": 16, "乌海市": 6, "赤峰市": 9, "通辽市": 8, "鄂尔多斯市": 16,
        "呼伦贝尔市": 6, "巴彦淖尔市": 6, "乌兰察布市": 7, "兴安盟": 4, "锡林郭勒盟": 5, "阿拉善盟": 3,
    ]
    static let sectorWeights: [String: Double] = [
        "能源": 20, "化工": 15, "冶金": 18, "建材": 7, "食品": 15, "装备制造": 13, "医药": 5, "轻纺": 7,
    ]
    static let nameWords = [
        "恒泰", "远航", "金川", "北辰", "瑞丰", "华昇", "蒙源", "草原", "天骄", "长青", "鑫达", "昊宇",
        "祥和", "正元", "鸿运", "博睿", "中盛", "安达", "宏图", "新元", "利民", "晟通", "泰和", "嘉禾",
    ]
    static let nameKinds: [String: [String]] = [
        "能源": ["能源", "煤业", "电力"], "化工": ["化工", "新材料"], "冶金": ["冶金", "金属", "铝业"], "建材": ["建材", "水泥"],
        "食品": ["食品", "乳业", "农牧"], "装备制造": ["装备", "机械", "智能科技"], "医药": ["药业", "生物"], "轻纺": ["绒业", "纺织", "纸业"],
    ]

    /// A CSV with a header row and `count` assessments.
    public mutating func csv(count: Int) -> String {
        var lines = [header().joined(separator: ",")]
        lines.reserveCapacity(count + 1)
        var codes: Set<String> = []
        for _ in 0..<count {
            lines.append(row(codes: &codes).map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func header() -> [String] {
        ["enterprise", "credit_code", "region", "industry", "year", "declared_tier", "maturity"]
            + standard.indicators.map { "i" + $0.code } + standard.scenarios.map { "s" + $0.code }
    }

    private mutating func row(codes: inout Set<String>) -> [String] {
        let framework = standard.framework
        let region = random.pick(framework.regions, weights: framework.regions.map { Self.regionWeights[$0.name] ?? 5 })
        let sector = random.pick(framework.sectors, weights: framework.sectors.map { Self.sectorWeights[$0.name] ?? 5 })
        let industry = random.pick(sector.industries)
        let year = random.chance(0.6) ? 2025 : 2026
        // Capability 0…1, skewed low: most factories are early in their digital journey.
        let capability = min(1, max(0, 0.27 + 0.17 * random.normal()))
        let levels = standard.framework.maturityLevels.count
        let maturity = min(
            levels, max(1, Int((1 + capability * Double(levels - 1) * 1.1 + 0.5 * random.normal()).rounded())))
        let allTiers = standard.framework.tierIDs
        var scenarios: [Int: TierID] = [:]
        for scenario in standard.scenarios {
            let tiers = scenario.definedTiers
            guard !tiers.isEmpty, random.chance(0.12 + 0.75 * capability) else { continue }
            // The tier it was built at follows capability, within the tiers it is defined at.
            let reach = capability * Double(allTiers.count) * 1.05 + 0.6 * random.normal()
            let wanted = allTiers[min(allTiers.count - 1, max(0, Int(reach)))]
            scenarios[scenario.no] = tiers.last { $0 <= wanted } ?? tiers[0]
        }
        let derived = engine.evaluate(built: scenarios, maturity: maturity).derived
        let declared: TierID? = {
            if random.chance(0.1) { return nil }
            guard let derived else { return random.chance(0.5) ? allTiers.first : nil }
            // About one in five declares a tier above what the rules give.
            if random.chance(0.2), let above = allTiers.first(where: { $0 > derived }) { return above }
            return derived
        }()
        var cells = [
            name(region: region, sector: sector), code(region: region, codes: &codes), region.name, industry,
            String(year), declared?.rawValue ?? "", String(maturity),
        ]
        for indicator in standard.indicators {
            if indicator.question != nil {
                let amount = 30 * pow(2, capability * 7 + random.normal())
                cells.append(String((amount * 10).rounded() / 10))
            } else if indicator.notApplicable != nil && random.chance(0.06) {
                cells.append(random.chance(0.5) ? "NA" : "不涉及")
            } else {
                let level = Int((1 + capability * 5.5 + 0.8 * random.normal()).rounded())
                cells.append(String(min(indicator.levels.count, max(1, level))))
            }
        }
        for scenario in standard.scenarios {
            cells.append(scenarios[scenario.no]?.rawValue ?? "")
        }
        return cells
    }

    private mutating func name(region: Region, sector: Sector) -> String {
        let place = String(region.name.dropLast())
        return "\(place)\(random.pick(Self.nameWords))\(random.pick(Self.nameKinds[sector.name] ?? ["实业"]))有限公司（合成）"
    }

    /// A made-up code of the right shape: 9 (registered by the market regulator),
    /// 1 (enterprise), the region's division code, an organisation code with its check
    /// character, and the overall check character.
    private mutating func code(region: Region, codes: inout Set<String>) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        while true {
            let division = String(region.code.prefix(4)) + String(format2(random.int(0..<30)))
            var organisation = ""
            for _ in 0..<8 { organisation.append(alphabet[random.int(0..<alphabet.count)]) }
            guard let orgCheck = CreditCode.organisationCheck(for: organisation), orgCheck != "X" else { continue }
            let body = "91" + division + organisation + String(orgCheck)
            guard let check = CreditCode.checkCharacter(for: body) else { continue }
            let code = body + String(check)
            if codes.insert(code).inserted { return code }
        }
    }

    private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
