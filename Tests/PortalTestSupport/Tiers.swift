import PortalModel

/// The four tiers of the real content (Content/framework/tiers.yaml) and of the valid
/// fixture, by name, for tests that speak of them; the code itself takes the tiers from
/// the framework.
public extension TierID {
    static let basic = TierID("basic", index: 0)
    static let advanced = TierID("advanced", index: 1)
    static let excellent = TierID("excellent", index: 2)
    static let leading = TierID("leading", index: 3)
    static let allCases = [basic, advanced, excellent, leading]
}
