/// How an assessments CSV may be written (framework/assessments.yaml): the header each
/// column may have besides its English key, the words for "not applicable", and the
/// ending that marks synthetic enterprise names.
public struct AssessmentFormat: Sendable, Equatable {
    /// The columns with a header of their own, by English key.
    public static let keys = [
        "enterprise", "credit_code", "region", "industry", "year", "declared_tier", "maturity", "indicator", "scenario",
    ]

    /// English key → header; `indicator` and `scenario` hold `{no}`.
    public var headers: [String: String]
    public var notApplicable: [String]
    public var syntheticMarker: String

    public init(headers: [String: String], notApplicable: [String], syntheticMarker: String) {
        self.headers = headers
        self.notApplicable = notApplicable
        self.syntheticMarker = syntheticMarker
    }

    /// The header of column `key` (of indicator or scenario `no`). The loader checks that
    /// every key has one.
    public func header(_ key: String, no: Int? = nil) -> String {
        let header = headers[key] ?? key
        return no.map { header.replacingOccurrences(of: "{no}", with: String($0)) } ?? header
    }

    /// The headers of column `key` for each of `numbers`, as `header(key, no:)` gives
    /// them: the header is cut at its `{no}` once, not searched again for each of a
    /// standard's thousands of scenarios.
    public func headers(_ key: String, numbers: [Int]) -> [String] {
        let pieces = (headers[key] ?? key).split(separator: "{no}", omittingEmptySubsequences: false)
        return numbers.map { pieces.joined(separator: String($0)) }
    }

    /// Whether `cell` says "not applicable" (case aside).
    public func isNotApplicable(_ cell: String) -> Bool {
        let cell = cell.lowercased()
        return notApplicable.contains { $0.lowercased() == cell }
    }
}
