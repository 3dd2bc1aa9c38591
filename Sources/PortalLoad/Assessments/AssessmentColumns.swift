import Foundation
import PortalModel

/// The columns of an assessment CSV, derived from the model: one per indicator and one
/// per scenario, each with its English key and the Chinese header accepted instead.
struct AssessmentColumns {
    enum Kind: Hashable {
        case enterprise, creditCode, region, industry, year, declaredTier, maturity
        case indicator(Int)
        case scenario(Int)
    }

    struct Column {
        var key: String
        var chinese: String
        var kind: Kind
    }

    let columns: [Column]
    private let byHeader: [String: Column]

    init(standard: Standard) {
        var columns: [Column] = [
            Column(key: "enterprise", chinese: "企业名称", kind: .enterprise),
            Column(key: "credit_code", chinese: "统一社会信用代码", kind: .creditCode),
            Column(key: "region", chinese: "盟市", kind: .region),
            Column(key: "industry", chinese: "行业", kind: .industry),
            Column(key: "year", chinese: "年度", kind: .year),
            Column(key: "declared_tier", chinese: "申报层级", kind: .declaredTier),
            Column(key: "maturity", chinese: "成熟度等级", kind: .maturity),
        ]
        columns += standard.indicators.map { Column(key: "i" + $0.code, chinese: "指标\($0.no)", kind: .indicator($0.no)) }
        columns += standard.scenarios.map { Column(key: "s" + $0.code, chinese: "场景\($0.no)", kind: .scenario($0.no)) }
        self.columns = columns
        var byHeader: [String: Column] = [:]
        for column in columns {
            byHeader[column.key] = column
            byHeader[column.chinese] = column
        }
        self.byHeader = byHeader
    }

    /// The column a header cell names: English key or Chinese name, case and spaces aside.
    func column(named header: String) -> Column? {
        let trimmed = header.trimmingSpaces
        return byHeader[trimmed] ?? byHeader[trimmed.lowercased()]
    }
}
