/// One of the ten capability indicators of Annex 2.
public struct Indicator: Sendable, Equatable {
    public var no: Int
    /// 数字化应用能力 or 数字化支撑能力.
    public var group: String
    public var name: String
    public var description: String
    /// Six level texts (without the "□ N." prefix); empty for the fill-in indicator 7.
    public var levels: [String]
    /// The fill-in question for indicators answered by an amount (indicator 7).
    public var question: String?
    /// Unit of the amount asked for, e.g. 万元.
    public var unit: String?
    /// The 不涉及 option as printed, where the indicator has one.
    public var notApplicable: String?
    public var notes: String
    public var source: SourceFile

    public init(
        no: Int, group: String, name: String, description: String, levels: [String], question: String?, unit: String?,
        notApplicable: String?, notes: String, source: SourceFile
    ) {
        self.no = no
        self.group = group
        self.name = name
        self.description = description
        self.levels = levels
        self.question = question
        self.unit = unit
        self.notApplicable = notApplicable
        self.notes = notes
        self.source = source
    }

    public var code: String { twoDigits(no) }

    /// Answered by a level, not by an amount.
    public var isGraded: Bool { question == nil }
}
