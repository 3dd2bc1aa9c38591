import PortalDerive

extension Pipeline {
    /// Link previews (og:image, og:url), the sitemap and robots.txt need the site's
    /// absolute https:// address; WeChat shows no image for a relative one.
    static func baseURLWarnings(_ baseURL: String) -> [String] {
        guard !baseURL.hasPrefix("https://") else { return [] }
        return [
            "base_url is '\(baseURL)', not an absolute https:// address: link previews (og:image, og:url), the "
                + "sitemap and robots.txt need one: before publishing, build with "
                + "make site BASE_URL=https://host/path/ (or portal build --base-url https://host/path/, "
                + "or set base_url in Content/site.yaml)"
        ]
    }

    /// One line each: what was published, what waits, how it was protected.
    static func outcomeNotes(_ outcomes: OutcomeRelease?, assessments: Int, k: Int) -> [String] {
        guard let outcomes else { return ["outcomes not published: fewer than k = \(k) assessments can be published"] }
        let audit = outcomes.audit
        let withheld = audit.primary + audit.secondary
        let share = audit.figures == 0 ? 0 : Double(withheld * 1000 / audit.figures) / 10
        let release = "\(outcomes.release)\(outcomes.isNewRelease ? " (new)" : " (unchanged)")"
        let jointly = audit.settledJointly > 0 ? " (\(audit.settledJointly) with the rules, jointly)" : ""
        var notes = [
            "outcomes: \(outcomes.total) of \(assessments) assessments in \(outcomes.cohorts.count) cohorts "
                + "(\(outcomes.scheme.rawValue)), release \(release); \(audit.figures) figures, \(withheld) withheld "
                + "(\(share) %: \(audit.primary) below k, \(audit.secondary) to protect them; province-wide "
                + "\(audit.totalWithheld) of \(audit.totalFigures)); audit: \(audit.auditedSums) sums\(jointly), "
                + "\(audit.linearPrograms) linear and \(audit.integerPrograms) integer programs, "
                + "none narrower than its mark"
        ]
        if outcomes.heldBack > 0 {
            notes.append(
                "outcomes: some new assessments are held back until at least k = \(k) share a cohort (a release now "
                    + "would reveal them by difference)"
            )
        }
        return notes
    }
}
