import PortalDerive

extension Pipeline {
    /// One line each: what was published, what waits, how it was protected.
    static func outcomeNotes(_ outcomes: OutcomeRelease?, assessments: Int, k: Int) -> [String] {
        guard let outcomes else { return ["outcomes not published: fewer than k = \(k) assessments can be published"] }
        let audit = outcomes.audit
        var notes = ["outcomes: \(outcomes.total) of \(assessments) assessments in \(outcomes.cohorts.count) cohorts (\(outcomes.scheme.rawValue)), release \(outcomes.release)\(outcomes.isNewRelease ? " (new)" : " (unchanged)"); withheld \(audit.primary) primary, \(audit.secondary) secondary; audit: \(audit.auditedSums) sums by \(audit.linearPrograms) LPs, all at least \(k - 1) wide"]
        if outcomes.heldBack > 0 {
            notes.append("outcomes: some new assessments are held back until at least k = \(k) share a cohort (a release now would reveal them by difference)")
        }
        return notes
    }
}
