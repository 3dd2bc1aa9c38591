import PortalModel

/// Words for the search index that the page's text alone does not give it. Pagefind
/// cuts Chinese into words with its dictionary when it indexes, and the browser cuts the
/// query with its own segmenter (Intl.Segmenter) when it searches: the same phrase can
/// come out as different words (智能仓储 on the page, 仓储 or 仓 + 储 in the query), and
/// then the page is never found. A term block lists, each apart, the runs of characters
/// of the page's own words, single characters included: however a query is cut, a page
/// holding its characters holds its words. Blocks are weighted, so a page is found first
/// for its own name, then for the texts it defines (a scenario page for its tier texts),
/// before pages that only repeat them (tier pages). The layout writes them hidden after
/// the page's content, behind the marker word `zzterms`, where search.js stops reading
/// the page's text for excerpts.
public struct SearchTermBlock: ViewModel, Equatable {
    /// Pagefind's weight for the block (1 is ordinary text).
    public var weight: String
    public var terms: String

    /// `texts` as a block: each text whole (with `whole`), then its runs of 1 to
    /// `longest` characters, once each. Single characters count: the browser cuts a query
    /// with its own segmenter (Intl.Segmenter), which often gives characters one by one
    /// where the index's dictionary gave a word.
    public static func of(_ texts: [String], weight: Double, whole: Bool = true, longest: Int = 4) -> SearchTermBlock {
        var seen: Set<String> = []
        var terms: [String] = []
        func add(_ term: String) { if !term.isEmpty, seen.insert(term).inserted { terms.append(term) } }
        for text in texts {
            for word in words(of: text) {
                if whole { add(word) }
                let characters = Array(word)
                let upTo = min(longest, characters.count - (whole ? 1 : 0))
                guard upTo >= 1, characters.allSatisfy(\.isHan) else { if !whole { add(word) }; continue }
                for length in 1...upTo {
                    for start in 0...(characters.count - length) { add(String(characters[start..<start + length])) }
                }
            }
        }
        return SearchTermBlock(
            weight: weight == weight.rounded() ? String(Int(weight)) : String(weight),
            terms: terms.joined(separator: " "))
    }

    /// The blocks that make a page found first for its own names: each name whole (weight
    /// 10), then its runs of 1 to `longest` characters (weight 3).
    public static func names(_ names: [String], longest: Int = 4) -> [SearchTermBlock] {
        [of(names, weight: 10, longest: 0), of(names, weight: 3, whole: false, longest: longest)]
    }

    /// The runs of Chinese characters and the runs of Latin letters and digits of `text`:
    /// punctuation and spaces end a run.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var currentIsHan = false
        for character in text {
            let han = character.isHan
            if han || character.isLetter || character.isNumber {
                if !current.isEmpty && han != currentIsHan { words.append(current); current = "" }
                current.append(character)
                currentIsHan = han
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

extension Character {
    /// A CJK unified ideograph (the basic block and extension A).
    var isHan: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
