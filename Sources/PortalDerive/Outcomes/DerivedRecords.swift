import PortalModel

/// The records as the release sees them, worked out once for every later step: each one's
/// derived tier (the tier the Annex 1 rules give it, which groups and counts it), its keyed
/// fingerprint (how the ledger knows it again without its name or code) and its place,
/// sector and year as numbers.
struct DerivedRecords {
    let records: [Assessment]
    /// Per record: its derived tier's column (0: below the lowest tier).
    let derivedColumns: [Int]
    /// Per record: its fingerprint under the record key.
    let fingerprints: [String]
    let quasi: QuasiIdentifiers

    /// `other`: the name of a place or sector the framework does not list. `editions`:
    /// where there are several, each assessment is judged by the rules of the edition in
    /// force at the end of its year (EditionSet.judging), not by the latest's.
    init(_ set: AssessmentSet, standard: Standard, key: RecordKey, other: String, editions: EditionSet? = nil) {
        records = set.records
        let latest = Eligibility(standard: standard)
        var engines: [String: Eligibility] = [:]
        for content in editions?.all.dropLast() ?? [] {
            engines[content.edition.id] = Eligibility(standard: content.standard)
        }
        let judged = engines
        derivedColumns = records.parallelMap { record -> Int in
            let engine = editions.flatMap { judged[$0.judging(year: record.year).edition.id] } ?? latest
            return engine.derivedTier(built: record.scenarios, maturity: record.maturity).map { $0.index + 1 } ?? 0
        }
        fingerprints = records.parallelMap(key.fingerprint)
        quasi = QuasiIdentifiers(records, framework: standard.framework, other: other)
    }
}
