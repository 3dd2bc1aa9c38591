import PortalModel
import Foundation

/// The editions: every page's edition bar (this edition, its permanent address, the
/// latest, the history), the history page, and the pages that keep an earlier edition's
/// addresses alive where the latest no longer has the item.
extension SitePlanner {
    // MARK: Every page

    /// The bar under a page's header: which edition it shows and where its other
    /// addresses are. Dates, not a status, so that it stays true on any day without a
    /// rebuild (the history page works the status out in the browser).
    func editionBar(_ route: Route, _ kind: PageKind, href: (Route) -> String) -> EditionBar {
        let latest = place.set.latest.edition
        let edition = place.edition
        let permanent = kind.entry.perEdition ? href(route.inEdition(Route.editionFolder(edition.id))) : nil
        return EditionBar(
            title: edition.title,
            effective: edition.effective.isEmpty ? nil : text(.editionEffective, ["date": edition.effective]),
            thisHref: permanent, historyHref: href(Route(.editions)),
            rootHref: place.isRoot ? nil : href(route.inEdition("")),
            latest: place.isLatest
                ? nil
                : EditionBar.Latest(
                    title: latest.title,
                    effective: latest.effective.isEmpty ? nil : text(.editionEffective, ["date": latest.effective]),
                    href: href(route.inEdition(""))))
    }

    /// A scenario's or indicator's page in every edition that has its code, the current
    /// one marked.
    func history(_ kind: PageKind, _ code: String, from route: Route) -> [Link] {
        place.set.all.filter { content in
            kind == .scenario
                ? content.standard.scenarios.contains { $0.code == code }
                : content.standard.indicators.contains { $0.code == code }
        }.map { content in
            var link = Link(
                label: content.edition.title,
                href: route.link(to: Route(kind, code, edition: Route.editionFolder(content.edition.id))))
            link.current = content.edition.id == place.edition.id
            return link
        }
    }

    // MARK: The history

    func editionsPage() -> PlannedPage {
        let route = Route(.editions)
        return PlannedPage(route: route, kind: .editions) {
            let all = place.set.all
            let rows = all.indices.reversed().map { index -> EditionRow in
                let edition = all[index].edition
                let replacedOn = index + 1 < all.count ? all[index + 1].edition.effective : ""
                return EditionRow(
                    id: edition.id, title: edition.title,
                    published: edition.published.isEmpty ? "—" : edition.published,
                    effective: edition.effective.isEmpty ? "—" : edition.effective,
                    replacedOn: replacedOn, status: text(status(edition, replacedOn: replacedOn, on: today)),
                    href: route.link(to: Route(.home, edition: Route.editionFolder(edition.id))),
                    changesHref: index == 0
                        ? nil : route.link(to: .changes, Self.editionPair(all[index - 1].edition, edition)),
                    isLatest: index == all.count - 1)
            }
            return EditionsView(
                layout: layout(
                    route, .editions, title: text(.pageEditions), crumbs: [(text(.pageEditions), nil)],
                    description: text(.editionsDescription)),
                rows: rows)
        }
    }

    /// 即将实施 before its effective date, 被代替 from the next one's, 现行 between; without
    /// dates, the latest is 现行 and the others 被代替.
    func status(_ edition: Edition, replacedOn: String, on date: String) -> TextKey {
        if edition.effective.isEmpty {
            return edition.id == place.set.latest.edition.id ? .editionsJsCurrent : .editionsJsReplaced
        }
        // The words the page's script uses on the reader's day (editions.js).
        if date < edition.effective { return .editionsJsUpcoming }
        if !replacedOn.isEmpty && date >= replacedOn { return .editionsJsReplaced }
        return .editionsJsCurrent
    }

    // MARK: Items the latest edition no longer has

    /// A scenario or indicator code of an earlier edition that the latest edition does not
    /// have: its page stays, naming what became of it.
    func formerPages(_ item: CrosswalkEntry.Item) -> [PlannedPage] {
        guard place.isRoot else { return [] }
        let current = Set(codes(item, in: place.set.latest.standard))
        var seen: Set<String> = []
        var pages: [PlannedPage] = []
        // Newest first: an address shows the last edition that had the item.
        for content in place.set.all.dropLast().reversed() {
            for code in codes(item, in: content.standard) where !current.contains(code) && seen.insert(code).inserted {
                pages.append(formerPage(item, code: code, lastIn: content))
            }
        }
        return pages
    }

    private func codes(_ item: CrosswalkEntry.Item, in standard: Standard) -> [String] {
        switch item {
        case .scenario: return standard.scenarios.map(\.code)
        case .indicator: return standard.indicators.map(\.code)
        }
    }

    private func formerPage(_ item: CrosswalkEntry.Item, code: String, lastIn content: EditionContent)
        -> PlannedPage
    {
        let kind: PageKind = item == .scenario ? .formerScenario : .formerIndicator
        let itemKind: PageKind = item == .scenario ? .scenario : .indicator
        let route = Route(kind, code)
        return PlannedPage(route: route, kind: kind) {
            let folder = Route.editionFolder(content.edition.id)
            let old = Route(itemKind, code, edition: folder)
            let name: String
            let anchors: [FormerAnchor]
            switch item {
            case .scenario:
                let scenario = content.standard.scenarios.first { $0.code == code }
                name = scenario?.name ?? code
                anchors = content.standard.framework.tiers.map {
                    FormerAnchor(
                        id: $0.id.rawValue, label: $0.name, href: route.link(to: old, fragment: $0.id.rawValue))
                }
            case .indicator:
                let indicator = content.standard.indicators.first { $0.code == code }
                name = indicator?.name ?? code
                anchors = (indicator?.levels.indices ?? 0..<0).map {
                    FormerAnchor(
                        id: "level-\($0 + 1)", label: text(.indicatorLevel, ["number": $0 + 1]),
                        href: route.link(to: old, fragment: "level-\($0 + 1)"))
                }
            }
            let fate = fate(item, code: code, after: content, from: route)
            let title = text(
                item == .scenario ? .pageFormerScenario : .pageFormerIndicator,
                ["code": code, "edition": content.edition.title])
            return FormerItemView(
                layout: layout(
                    route, kind, title: title,
                    crumbs: [crumb(itemKind == .scenario ? .scenarios : .indicators), (title, nil)]),
                name: name, edition: content.edition.title, oldHref: route.link(to: old), fate: fate.text,
                successors: fate.successors, anchors: anchors)
        }
    }

    /// What the edition after `content` did with `code`, by its crosswalk.
    private func fate(_ item: CrosswalkEntry.Item, code: String, after content: EditionContent, from route: Route)
        -> (text: String, successors: [Link])
    {
        let all = place.set.all
        guard let index = all.firstIndex(where: { $0.edition.id == content.edition.id }), index + 1 < all.count else {
            return (text(.formerUnknown), [])
        }
        let next = all[index + 1].edition
        let entry = next.crosswalk.first { $0.item == item && $0.from.contains(code) }
        let itemKind: PageKind = item == .scenario ? .scenario : .indicator
        let successors = (entry?.to ?? []).map { Link(label: $0, href: route.link(to: Route(itemKind, $0))) }
        let values: [String: any CustomStringConvertible] = [
            "edition": next.title, "reason": entry?.reason ?? "",
        ]
        switch entry?.kind {
        case .moved: return (text(.formerMoved, values), successors)
        case .split: return (text(.formerSplit, values), successors)
        case .merged: return (text(.formerMerged, values), successors)
        case .withdrawn: return (text(.formerWithdrawn, values), [])
        case nil: return (text(.formerUnknown, values), [])
        }
    }
}

/// The day of `date` as YYYY-MM-DD, in the machine's time zone (where the staff build).
func isoDate(_ date: Date) -> String {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
}

extension SitePlanner {
    /// The whole site: the latest edition at the root with everything else the site
    /// publishes, and every edition's own pages and data (the latest's too) in its folder.
    public static func plan(
        editions: EditionSet, text: UIText, baseURL: String?, outcomes: OutcomeRelease?, searchTerms: Bool,
        today: String? = nil
    ) -> SitePlan {
        let latest = editions.latest
        let places =
            [EditionPlace(set: editions, edition: latest.edition, folder: "")]
            + editions.all.map {
                EditionPlace(set: editions, edition: $0.edition, folder: Route.editionFolder($0.edition.id))
            }
        let plans = places.map { place -> SitePlan in
            let standard = editions.edition(place.edition.id)?.standard ?? latest.standard
            var planner = SitePlanner(
                standard: standard, text: text, baseURL: baseURL, outcomes: outcomes, place: place)
            planner.searchTerms = searchTerms
            if let today { planner.today = today }
            return planner.plan()
        }
        var site = plans[0]
        for plan in plans.dropFirst() {
            site.pages += plan.pages
            site.data += plan.data
            site.csv += plan.csv
        }
        return site
    }
}
