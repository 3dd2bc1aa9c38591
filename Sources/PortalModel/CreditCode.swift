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

    /// Σ value(character) × weight, or nil if the length is wrong or a character is not allowed.
    static func weightedSum(_ body: String, _ weights: [Int]) -> Int? {
        let characters = Array(body)
        guard characters.count == weights.count else { return nil }
        var sum = 0
        for (character, weight) in zip(characters, weights) {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * weight
        }
        return sum
    }

    public static func isValid(_ code: String) -> Bool {
        guard code.count == 18, let check = checkCharacter(for: String(code.prefix(17))) else { return false }
        return code.last == check
    }

    /// The check character of a 9-character organisation code body (GB 11714: 8 + 1).
    public static func organisationCheck(for body: String) -> Character? {
        guard let sum = weightedSum(body, [3, 7, 9, 10, 5, 8, 4, 2]) else { return nil }
        let check = 11 - sum % 11
        return check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
    }
}
