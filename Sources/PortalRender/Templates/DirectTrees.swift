import PortalDerive

// The view models that write their own template tree (see DirectTree): every page's
// layout and links, the scenario pages, and the rows of the pages that list every
// scenario (the list, the tiers, the comparisons, the matrix, the self-check). Each field
// of the struct, in declaration order, under its name; DirectTreeTests (PortalSiteTests)
// fails when one is missed, misnamed or out of order on any page of the real site.

extension TemplateValue {
    /// An object of these fields, in this order (a nil one left out).
    static func fields(_ fields: KeyValuePairs<String, TemplateValue?>) -> TemplateValue {
        .object(TemplateFields(ordered: fields))
    }

    static func list(_ items: [some DirectTree]) -> TemplateValue { .list(items.map(\.tree)) }
    static func texts(_ items: [String]) -> TemplateValue { .list(items.map(TemplateValue.text)) }
    /// An optional text: left out when nil, as the Encoder leaves it.
    static func text(_ text: String?) -> TemplateValue? { text.map(TemplateValue.text) }
}

extension Link: DirectTree {
    var tree: TemplateValue { .fields(["label": .text(label), "href": .text(href), "current": .flag(current)]) }
}

extension TierRef: DirectTree {
    var tree: TemplateValue { .fields(["id": .text(id), "name": .text(name), "href": .text(href)]) }
}

extension Layout: DirectTree {
    var tree: TemplateValue {
        .fields([
            "lang": .text(lang), "siteTitle": .text(siteTitle), "shortTitle": .text(shortTitle),
            "edition": .text(edition),
            "title": .text(title), "description": .text(description), "root": .text(root),
            "canonical": .text(canonical),
            "kind": .text(kind), "home": .text(home), "nav": .list(nav), "breadcrumbs": .list(breadcrumbs),
            "footer": .list(footer), "data": .list(data), "image": .text(image), "assets": .text(assets),
            "searchHref": .text(searchHref),
            "searchFallback": .text(searchFallback), "indexed": .flag(indexed), "searchFilters": .texts(searchFilters),
            "searchTerms": .list(searchTerms), "runsWebAssembly": .flag(runsWebAssembly),
            "editionBar": editionBar?.tree, "noindex": .flag(noindex),
        ])
    }
}

extension EditionBar: DirectTree {
    var tree: TemplateValue {
        .fields([
            "title": .text(title), "effective": .text(effective), "thisHref": .text(thisHref),
            "historyHref": .text(historyHref), "rootHref": .text(rootHref), "latest": latest?.tree,
        ])
    }
}

extension EditionBar.Latest: DirectTree {
    var tree: TemplateValue {
        .fields(["title": .text(title), "effective": .text(effective), "href": .text(href)])
    }
}

extension SearchTermBlock: DirectTree {
    var tree: TemplateValue { .fields(["weight": .text(weight), "terms": .text(terms)]) }
}

// MARK: Scenario pages

extension ScenarioView: DirectTree {
    var tree: TemplateValue {
        .fields([
            "layout": layout.tree, "code": .text(code), "name": .text(name), "segment": .text(segment),
            "area": .text(area),
            "sections": .list(sections), "definedTiers": .text(definedTiers),
            "notes": notes.map(TemplateValue.richText),
            "adoption": adoption?.tree, "compareLinks": .list(compareLinks), "history": .list(history),
            "previous": previous?.tree,
            "next": next?.tree,
        ])
    }
}

extension TierSection: DirectTree {
    var tree: TemplateValue {
        .fields(["tier": tier.tree, "text": .text(text), "tierHref": .text(tierHref), "permalink": .text(permalink)])
    }
}

extension ScenarioAdoptionView: DirectTree {
    var tree: TemplateValue {
        .fields([
            "records": .text(records), "cells": .list(cells), "outcomesHref": .text(outcomesHref),
            "synthetic": .flag(synthetic),
            "withdrawn": .text(withdrawn),
        ])
    }
}

extension AdoptionCellView: DirectTree {
    var tree: TemplateValue {
        .fields(["label": .text(label), "count": .text(count), "share": .text(share), "detail": .text(detail)])
    }
}

// MARK: Rows of the pages that list every scenario

extension SegmentGroup: DirectTree {
    var tree: TemplateValue {
        .fields([
            "id": .text(id), "name": .text(name), "area": .text(area), "areaId": .text(areaId),
            "scenarios": .list(scenarios),
        ])
    }
}

extension ScenarioRow: DirectTree {
    var tree: TemplateValue {
        .fields(["code": .text(code), "name": .text(name), "href": .text(href), "cells": .list(cells)])
    }
}

extension MatrixCell: DirectTree {
    var tree: TemplateValue {
        .fields(["tier": tier.tree, "defined": .flag(defined), "text": .text(text), "href": .text(href)])
    }
}

extension TierSegmentView: DirectTree {
    var tree: TemplateValue {
        .fields(["id": .text(id), "name": .text(name), "area": .text(area), "scenarios": .list(scenarios)])
    }
}

extension TierScenarioView: DirectTree {
    var tree: TemplateValue {
        .fields(["code": .text(code), "name": .text(name), "text": .text(text), "href": .text(href)])
    }
}

extension CompareSegment: DirectTree {
    var tree: TemplateValue {
        .fields([
            "id": .text(id), "name": .text(name), "area": .text(area), "areaId": .text(areaId), "rows": .list(rows),
        ])
    }
}

extension CompareRow: DirectTree {
    var tree: TemplateValue {
        .fields([
            "code": .text(code), "name": .text(name), "href": .text(href), "areaId": .text(areaId),
            "segmentId": .text(segmentId),
            "lowText": .text(lowText), "highText": .text(highText), "lowHref": .text(lowHref),
            "highHref": .text(highHref),
            "change": .text(change), "changeLabel": .text(changeLabel),
        ])
    }
}

extension SelfCheckSegment: DirectTree {
    var tree: TemplateValue { .fields(["name": .text(name), "area": .text(area), "scenarios": .list(scenarios)]) }
}

extension SelfCheckScenario: DirectTree {
    var tree: TemplateValue {
        .fields([
            "no": .number(no), "code": .text(code), "name": .text(name), "href": .text(href), "options": .list(options),
            "texts": .list(texts),
        ])
    }
}

extension SelfCheckTierText: DirectTree {
    var tree: TemplateValue { .fields(["tier": tier.tree, "text": .text(text)]) }
}

extension FilterOption: DirectTree {
    var tree: TemplateValue { .fields(["value": .text(value), "label": .text(label), "group": .text(group)]) }
}
