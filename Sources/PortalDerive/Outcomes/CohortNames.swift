import PortalModel

/// How cohorts and tier groups are named in pages, URLs and the ledger.
extension OutcomeRelease {
    static func groupName(_ group: Int, _ groups: TierGroups, standard: Standard, text: UIText) -> String {
        let columns = groups.groups[group]
        func name(_ column: Int) -> String {
            column == 0 ? text(.outcomesNoTier) : standard.framework.tiers[column - 1].name
        }
        guard let first = columns.first, let last = columns.last else { return "" }
        if columns.count == 1 { return name(first) }
        if last == standard.framework.tiers.count && first > 0 {
            return text(.outcomesGroupAndAbove, ["tier": name(first)])
        }
        return text(.outcomesGroupRange, ["low": name(first), "high": name(last)])
    }

    /// A cohort's key in the ledger and its URL: "advanced-west-2025", "basic-150600-2024".
    static func slug(
        _ key: CohortKey, scheme: CohortScheme, _ groups: TierGroups, _ quasi: QuasiIdentifiers, framework: Framework
    ) -> String {
        var parts = [groups.key(key.group).replacingOccurrences(of: "+", with: "-")]
        if key.place >= 0 {
            if scheme.usesCity {
                parts.append(key.place < quasi.cityCodes.count ? quasi.cityCodes[key.place] : "other")
            } else {
                parts.append(framework.partSlugs[quasi.partName(key.place)] ?? "part-\(key.place + 1)")
            }
        }
        if key.sector >= 0 { parts.append("sector-\(key.sector + 1)") }
        if key.year >= 0 { parts.append(String(key.year)) }
        return parts.joined(separator: "-")
    }

    static func name(
        _ key: CohortKey, scheme: CohortScheme, _ groups: TierGroups, _ quasi: QuasiIdentifiers, standard: Standard,
        text: UIText
    ) -> String {
        var parts = [groupName(key.group, groups, standard: standard, text: text)]
        if key.place >= 0 { parts.append(scheme.usesCity ? quasi.cityName(key.place) : quasi.partName(key.place)) }
        if key.sector >= 0 { parts.append(quasi.sectorNames[key.sector]) }
        if key.year >= 0 { parts.append(text(.outcomesYear, ["year": key.year])) }
        return parts.joined(separator: " · ")
    }
}
