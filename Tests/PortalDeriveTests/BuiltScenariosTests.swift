import PortalModel
import Testing

/// A record's built scenarios in their compact form read as the dictionary they replace:
/// ascending numbers, the right tier for each, nothing else.
@Suite struct BuiltScenariosTests {
    let basic = TierID("basic", index: 0), advanced = TierID("advanced", index: 1),
        leading = TierID("leading", index: 3)

    @Test func readsInAscendingNumberWithEachTier() {
        let tiers = [basic, advanced, TierID("excellent", index: 2), leading]
        let built = BuiltScenarios(entries: [(30, 3), (2, 0), (17, 1), (5, 3)], tiers: tiers)
        #expect(built.map(\.key) == [2, 5, 17, 30])
        #expect(built.map(\.value) == [basic, leading, advanced, leading])
        #expect(built[17] == advanced)
        #expect(built[3] == nil && built[31] == nil && built[1] == nil)
        #expect(built.count == 4)
    }

    @Test func equalsTheDictionaryItReplaces() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var dictionary: [Int: TierID] = [:]
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                dictionary[Int.random(in: 1...500, using: &random)] = [basic, advanced, leading].randomElement(
                    using: &random)!
            }
            let built = BuiltScenarios(dictionary)
            #expect(built.map(\.key) == dictionary.keys.sorted())
            #expect(built.allSatisfy { dictionary[$0.key] == $0.value })
            #expect(dictionary.keys.allSatisfy { built[$0] == dictionary[$0] })
        }
        #expect(BuiltScenarios([3: basic]) != BuiltScenarios([3: advanced]))
        #expect(BuiltScenarios([3: basic, 4: leading]) == [4: leading, 3: basic])
    }
}
