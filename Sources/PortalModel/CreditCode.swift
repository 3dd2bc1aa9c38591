/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the
/// last a check character. Used to validate inputs and to make valid synthetic codes.
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character for the first 17 characters, or nil if one is not allowed.
    public static func checkCharacter(for body: String) -> Character? {
        guard let sum = weightedSum(body, weights) else { return nil }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// Each allowed character's value by its ASCII byte, -1 for any other byte: every
    /// assessment row checks its code, so this works on bytes, not Characters.
    static let values: [Int] = {
        var table = Array(repeating: -1, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character.asciiValue!)] = value }
        return table
    }()

    /// Σ value(character) × weight, or nil if the length is wrong or a character is not allowed.
    static func weightedSum(_ body: String, _ weights: [Int]) -> Int? {
        weightedSum(body.utf8, weights)
    }

    static func weightedSum(_ body: some Collection<UInt8>, _ weights: [Int]) -> Int? {
        guard body.count == weights.count else { return nil }
        var sum = 0
        for (byte, weight) in zip(body, weights) {
            let value = values[Int(byte)]
            guard value >= 0 else { return nil }
            sum += value * weight
        }
        return sum
    }

    public static func isValid(_ code: String) -> Bool {
        let bytes = code.utf8
        guard bytes.count == 18, let sum = weightedSum(bytes.prefix(17), weights), let last = bytes.last else {
            return false
        }
        return alphabet[(31 - sum % 31) % 31].asciiValue == last
    }

    /// The check character of a 9-character organisation code body (GB 11714: 8 + 1).
    public static func organisationCheck(for body: String) -> Character? {
        guard let sum = weightedSum(body, [3, 7, 9, 10, 5, 8, 4, 2]) else { return nil }
        let check = 11 - sum % 11
        return check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
    }
}
