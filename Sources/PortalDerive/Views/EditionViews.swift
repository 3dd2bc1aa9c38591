import PortalModel

/// Under every page's header: the edition it shows and its other addresses.
public struct EditionBar: ViewModel {
    public var title: String
    /// "2025-03-01 起实施", where the edition has dates.
    public var effective: String?
    /// This page's permanent address in its edition's folder (pages the editions repeat).
    public var thisHref: String?
    public var historyHref: String
    /// On an edition's own copy of a page: the same page at the root (the latest edition).
    public var rootHref: String?
    /// On an earlier edition's page: the latest edition and the same page there.
    public var latest: Latest?

    public struct Latest: ViewModel {
        public var title: String
        public var effective: String?
        public var href: String
    }
}

public struct EditionsView: ViewModel {
    public var layout: Layout
    /// Newest first.
    public var rows: [EditionRow]
}

public struct EditionRow: ViewModel {
    public var id: String
    public var title: String
    public var published: String
    public var effective: String
    /// The next edition's effective date ("" for the latest): with `effective`, what the
    /// page's script works the status out from on the reader's day.
    public var replacedOn: String
    /// The status on the day of the build (without JavaScript it stays that).
    public var status: String
    public var href: String
    /// Its change page against the edition it replaces, where it replaces one.
    public var changesHref: String?
    public var isLatest: Bool
}

/// The page kept at an address an earlier edition had and the latest does not.
public struct FormerItemView: ViewModel {
    public var layout: Layout
    public var name: String
    /// The last edition that had it, and its page there.
    public var edition: String
    public var oldHref: String
    /// What became of it ("在2027年版中改为："), and the items it became.
    public var fate: String
    public var successors: [Link]
    /// Its old anchors (#advanced, #level-3), each leading to the same place in its edition.
    public var anchors: [FormerAnchor]
}

public struct FormerAnchor: ViewModel {
    public var id: String
    public var label: String
    public var href: String
}
