import PortalModel

/// /changes/<from>-<to>/: what one edition changed from the one before it.
public struct ChangesView: ViewModel {
    public var layout: Layout
    public var from: String
    public var to: String
    /// The foreword's summary, one line per kind of change that occurred.
    public var summary: [String]
    public var items: [ChangedItemView]
    public var rules: [RuleChangeView]
    /// Nothing changed at all (besides the edition's name).
    public var unchanged: Bool
}

/// One scenario or indicator that was added, modified, moved, split, merged or withdrawn.
public struct ChangedItemView: ViewModel {
    public var id: String
    /// Its change kind (the fixed vocabulary, `added` …), for the style sheet and tests.
    public var kind: String
    /// "场景07 生产计划优化：修改" and the like.
    public var heading: String
    public var reason: String?
    /// Links to it in the two editions, where it exists there.
    public var oldHref: String?
    public var newHref: String?
    public var fields: [ChangedFieldView]
}

/// One text of an item, as a character diff.
public struct ChangedFieldView: ViewModel {
    public var label: String
    public var runs: [DiffRunView]
}

public struct DiffRunView: ViewModel {
    public var text: String
    public var deleted: Bool
    public var inserted: Bool
}

public struct RuleChangeView: ViewModel {
    public var tier: String
    public var label: String
    public var old: String
    public var new: String
}
