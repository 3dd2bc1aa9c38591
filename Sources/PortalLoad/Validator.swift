import PortalModel

/// Checks that span files: numbering, and rules about the framework as a whole.
struct Validator {
    let sink: DiagnosticSink

    /// Numbers must run 1…N with no gap and no repeat: URLs and the matrix depend on it.
    func checkNumbering(_ sources: [SourceFile], numbers: [Int], kind: String) {
        let items = zip(numbers, sources).sorted { ($0.0, $0.1.path) < ($1.0, $1.1.path) }
        var seen: [Int: String] = [:]
        for (no, source) in items {
            if let first = seen[no] {
                sink.report(
                    SourceLocation(path: source.path, line: source.idLine, column: 1),
                    "\(kind) number \(no) is also used by \(first): give each \(kind) its own number")
            } else {
                seen[no] = source.path
            }
        }
        guard let highest = numbers.max() else { return }
        for missing in (1...highest) where seen[missing] == nil {
            let next = items.first { $0.0 > missing }!.1
            sink.report(
                SourceLocation(path: next.path, line: next.idLine, column: 1),
                "\(kind) numbers skip \(missing): number the \(kind)s 1…\(highest) without gaps")
        }
    }

    func check(scenarios: [Scenario]) {
        for scenario in scenarios where scenario.definedTiers.isEmpty {
            sink.report(
                SourceLocation(path: scenario.source.path, line: scenario.source.idLine, column: 1),
                "scenario \(scenario.no) is not defined at any tier (all four are null): give at least one tier's text")
        }
    }

    func check(framework: Framework, path: String) {
        let areaIDs = framework.areas.map(\.id)
        for tier in framework.tiers where tier.areaTexts.map(\.area) != areaIDs {
            sink.report(
                SourceLocation(path: path, line: 1, column: 1),
                "tier '\(tier.id.rawValue)' must give one area text for each area, in the order of areas.yaml ("
                    + "\(areaIDs.joined(separator: ", ")))"
            )
        }
    }
}
