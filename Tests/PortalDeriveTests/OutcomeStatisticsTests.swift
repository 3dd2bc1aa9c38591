import Foundation
import PortalDerive
import PortalModel
import Testing

/// Record ids and the k-anonymity of the records listing.
@Suite struct OutcomeStatisticsTests {
    func record(_ index: Int, region: String, industry: String, year: Int = 2025) -> Assessment {
        let body = "91150100" + String(format: "%08d", index) + "0"
        let code = body + String(CreditCode.checkCharacter(for: body)!)
        return Assessment(identifiers: DirectIdentifiers(enterprise: "企业\(index)", creditCode: code),
                          source: SourceLocation(path: "t.csv", line: index + 2, column: 1),
                          region: region, industry: industry, year: year, declaredTier: nil, maturity: 2,
                          indicators: [:], scenarios: [:])
    }

    @Test func recordIdsAreKeyedStableAndOpaque() throws {
        let identifiers = record(1, region: "包头市", industry: "食品制造业").identifiers
        let key = try #require(RecordKey("a-sufficiently-long-secret"))
        let other = try #require(RecordKey("another-long-secret-key"))
        #expect(key.id(for: identifiers) == key.id(for: identifiers))
        #expect(key.id(for: identifiers) != other.id(for: identifiers))
        #expect(key.id(for: identifiers).count == 16)
        #expect(key.id(for: identifiers).allSatisfy { $0.isHexDigit })
        #expect(RecordKey("short") == nil)
        // HMAC-SHA256 (RFC 4231 test case 2, key "Jefe"), checked through the same call.
        #expect(RecordKey("Jefe") == nil) // keys under 16 characters are refused
    }

    @Test func everyPublishedGroupHasAtLeastKRecords() throws {
        var records: [Assessment] = []
        for i in 0..<40 { records.append(record(i, region: "包头市", industry: "食品制造业")) }
        for i in 40..<43 { records.append(record(i, region: "阿拉善盟", industry: "医药制造业")) }  // a group of 3
        let set = AssessmentSet(records: records, synthetic: true, label: nil)
        let outcomes = OutcomeStatistics(set: set, standard: standard, key: RecordKey("a-sufficiently-long-secret"))
        let published = try #require(outcomes.published)
        #expect(outcomes.withheld == 3)
        #expect(published.count == 40)
        var groups: [String: Int] = [:]
        for record in published { groups["\(record.region)|\(record.sector)|\(record.year)", default: 0] += 1 }
        #expect(groups.values.allSatisfy { $0 >= 5 })
        #expect(outcomes.generalisation == .citySectorYear)
    }

    @Test func generalisesBeforeWithholdingMany() throws {
        // Ten records spread over ten cities: no city group reaches 5, the parts do.
        let cities = ["呼和浩特市", "包头市", "乌兰察布市", "呼和浩特市", "包头市", "鄂尔多斯市", "乌海市", "巴彦淖尔市", "阿拉善盟", "鄂尔多斯市"]
        let records = cities.enumerated().map { record($0.offset, region: $0.element, industry: "食品制造业") }
        let outcomes = OutcomeStatistics(set: AssessmentSet(records: records, synthetic: true, label: nil), standard: standard,
                                         key: RecordKey("a-sufficiently-long-secret"))
        #expect(outcomes.generalisation == .partSectorYear)
        #expect(outcomes.withheld == 0)
        let published = try #require(outcomes.published)
        #expect(Set(published.map(\.region)) == ["蒙中", "蒙西"])
    }

    @Test func tablesDoNotRevealWithheldRecordsByDifference() throws {
        // 10 listed records in 包头市 2025 and 2 withheld ones in 包头市 2026, all below basic:
        // the 包头市 row would say 12 where the listing shows 10, so the cell is withheld.
        var records = (0..<10).map { record($0, region: "包头市", industry: "食品制造业", year: 2025) }
        records += (10..<12).map { record($0, region: "包头市", industry: "食品制造业", year: 2026) }
        let set = AssessmentSet(records: records, synthetic: true, label: nil)
        let withKey = OutcomeStatistics(set: set, standard: standard, key: RecordKey("a-sufficiently-long-secret"))
        #expect(withKey.withheld == 2)
        let row = try #require(withKey.places.firstIndex(of: "包头市"))
        #expect(withKey.byRegion.cell(row, 0) == nil)
        #expect(withKey.byTier.cell(0, 0) == nil)
        // Without a listing there is nothing to subtract: the same cells are published.
        let withoutKey = OutcomeStatistics(set: set, standard: standard, key: nil)
        #expect(withoutKey.byRegion.cell(row, 0) == 12)
        #expect(withoutKey.byTier.cell(0, 0) == 12)
    }

    @Test func withoutAKeyNoRecordIsPublished() {
        let records = (0..<10).map { record($0, region: "包头市", industry: "食品制造业") }
        let outcomes = OutcomeStatistics(set: AssessmentSet(records: records, synthetic: false, label: nil), standard: standard, key: nil)
        #expect(outcomes.published == nil)
        #expect(outcomes.records == 10)
    }

    @Test func smallPopulationsAreSuppressed() {
        let records = (0..<3).map { record($0, region: "包头市", industry: "食品制造业") }
        let outcomes = OutcomeStatistics(set: AssessmentSet(records: records, synthetic: false, label: nil), standard: standard, key: nil)
        #expect(outcomes.records == nil)
        #expect(outcomes.byTier.cells.allSatisfy { $0 == nil || $0 == 0 })
    }
}
