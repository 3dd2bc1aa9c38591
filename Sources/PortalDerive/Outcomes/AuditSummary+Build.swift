import PortalModel

extension OutcomeRelease.AuditSummary {
    /// Step 6: what the release publishes and withholds, and what its audit did and found,
    /// over every attribute and the joint audit: the build's note, and what stops it.
    init(_ protected: ProtectedAttributes, layout: ReleaseLayout) {
        self.init()
        for outcome in protected.outcomes {
            countFigures(outcome, layout: layout)
            let audit = outcome.protection.audit
            linearPrograms += audit.linearPrograms
            integerPrograms += audit.integerPrograms
            auditedSums += audit.intervals.count
            failures += audit.failures.count
        }
        linearPrograms += protected.jointLinearPrograms
        integerPrograms += protected.jointIntegerPrograms
        failures += protected.failedJointly
        settledJointly = protected.leftToJointAudit - protected.failedJointly
    }

    /// Counts one attribute's figures: published, withheld by mark, province-wide and
    /// tier group ones apart, the worst share a row withholds, the rows not published.
    private mutating func countFigures(_ outcome: AttributeRelease.Outcome, layout: ReleaseLayout) {
        let withheld = outcome.protection.withheld
        for (row, cells) in outcome.figures.cells.enumerated() {
            for cell in cells {
                figures += 1
                if withheld[cell] == .primary { primary += 1 }
                if withheld[cell] == .secondary { secondary += 1 }
                if layout.rows[row].level == .total {
                    totalFigures += 1
                    if withheld[cell] != nil { totalWithheld += 1 }
                }
                if layout.rows[row].level == .group && withheld[cell] == .secondary { groupSecondary += 1 }
            }
            if !cells.isEmpty {
                let held = cells.filter { withheld[$0] != nil }.count
                worstTableShare = max(worstTableShare, Double(held) / Double(cells.count))
            }
        }
        tablesWithdrawn += outcome.forms.filter(\.publishesNothing).count
    }

    /// The build publishes nothing where the audit failed: a withheld figure or a small
    /// sum a reader could narrow beyond what its mark says.
    func requirePassed(folder: String) throws(DiagnosticList) {
        guard failures > 0 else { return }
        throw DiagnosticList([
            Diagnostic(
                path: folder, line: 1, column: 1,
                "the disclosure audit failed: \(failures) withheld figures or small sums could be narrowed beyond "
                    + "what their marks say from what is published now and before: hold back the newest assessments or "
                    + "ask for a new release series"
            )
        ])
    }
}
