/// The assessments of one build and what is known about them.
public struct AssessmentSet: Sendable {
    public var records: [Assessment]
    /// The data is made up (`portal synth`): the site says so on every outcome page.
    public var synthetic: Bool
    /// How the data set calls itself on the site, e.g. 合成示例数据.
    public var label: String?

    public init(records: [Assessment], synthetic: Bool, label: String?) {
        self.records = records
        self.synthetic = synthetic
        self.label = label
    }
}
