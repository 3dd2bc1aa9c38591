import Foundation
import PortalModel

/// The columns of an assessment CSV, derived from the model: one per indicator and one
/// per scenario, each with its English key and the header framework/assessments.yaml
/// accepts instead.
struct AssessmentColumns {
    enum Kind: Hashable {
        case enterprise, creditCode, region, industry, year, declaredTier, maturity
        case indicator(Int)
        case scenario(Int)
    }

    struct Column {
        var key: String
        var header: String
        var kind: Kind
    }

    let columns: [Column]
    private let byHeader: [String: Column]
    private let optional: (scenarios: Set<Int>, indicators: Set<Int>)

    init(standard: Standard, optional: (scenarios: Set<Int>, indicators: Set<Int>) = ([], [])) {
        self.optional = optional
        let format = standard.framework.assessmentFormat
        let fixed: [(String, Kind)] = [
            ("enterprise", .enterprise), ("credit_code", .creditCode), ("region", .region), ("industry", .industry),
            ("year", .year), ("declared_tier", .declaredTier), ("maturity", .maturity),
        ]
        var columns = fixed.map { Column(key: $0.0, header: format.header($0.0), kind: $0.1) }
        columns += zip(standard.indicators, format.headers("indicator", numbers: standard.indicators.map(\.no))).map {
            indicator, header in
            Column(key: "i" + indicator.code, header: header, kind: .indicator(indicator.no))
        }
        columns += zip(standard.scenarios, format.headers("scenario", numbers: standard.scenarios.map(\.no))).map {
            scenario, header in
            Column(key: "s" + scenario.code, header: header, kind: .scenario(scenario.no))
        }
        self.columns = columns
        var byHeader: [String: Column] = [:]
        byHeader.reserveCapacity(2 * columns.count)
        for column in columns {
            byHeader[column.key] = column
            byHeader[column.header] = column
        }
        self.byHeader = byHeader
    }

    /// A few column names, each with its other header, for messages:
    /// "enterprise or 企业名称, region or 盟市, i01 or 指标1, …".
    var examples: String {
        let shown = columns.filter {
            [.enterprise, .creditCode, .region].contains($0.kind) || $0.kind == .indicator(1) || $0.kind == .scenario(1)
        }
        return shown.map { "\($0.key) or \($0.header)" }.joined(separator: ", ") + ", …"
    }

    /// Whether a table may leave the column out.
    func isOptional(_ kind: Kind) -> Bool {
        switch kind {
        case .scenario(let no): return optional.scenarios.contains(no)
        case .indicator(let no): return optional.indicators.contains(no)
        default: return false
        }
    }

    /// The column a header cell names: English key or its header, case and spaces aside.
    func column(named header: String) -> Column? {
        let trimmed = header.trimmingSpaces
        return byHeader[trimmed] ?? byHeader[trimmed.lowercased()]
    }
}
