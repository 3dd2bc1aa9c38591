/// What changed between two texts, character by character: Chinese has no spaces between
/// words, so a word or line diff would mark a whole requirement changed for one character.
///
/// The runs are in reading order, adjacent runs of one kind merged, so a renderer writes
/// each as it is, `<del>` or `<ins>` around the changed ones. Same and deleted runs
/// together spell the old text, same and inserted runs the new one: no character is lost
/// or doubled. Characters are Swift's (grapheme clusters): an emoji or a letter with its
/// accents is never cut in two.
///
/// Readability rule: where a sentence is rewritten, the shortest edit keeps every
/// character the two happen to share ("的", "，", "产品"), leaving a changed passage in
/// shreds. A kept run of one or two characters between two changes is folded into them
/// (deleted with the old passage, inserted with the new one) when the change gathered so
/// far, with the change right after the run, both deletes and inserts: it is then a
/// rewrite, and the folded passage grows for as long as such short runs continue it.
/// Between insertions alone (or deletions alone) a short kept run is a real kept word
/// and stays: "智能工厂" → "智能化工厂建设" keeps "工厂".
public struct CharacterDiff: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case same
        case deleted
        case inserted
    }

    public struct Run: Sendable, Equatable {
        public var kind: Kind
        public var text: String

        public init(_ kind: Kind, _ text: String) { (self.kind, self.text) = (kind, text) }
    }

    /// A kept run this long or shorter, between changes that delete and insert, is folded.
    public static let foldedLength = 2

    public let runs: [Run]

    public init(from old: String, to new: String) {
        if old == new {
            runs = old.isEmpty ? [] : [Run(.same, old)]
        } else {
            runs = Self.folded(Self.merged(Self.edits(from: Array(old), to: Array(new))))
        }
    }

    /// The old text: every same and deleted run.
    public var oldText: String { runs.filter { $0.kind != .inserted }.map(\.text).joined() }

    /// The new text: every same and inserted run.
    public var newText: String { runs.filter { $0.kind != .deleted }.map(\.text).joined() }

    /// Characters the two texts share, as the (folded) diff keeps them.
    public var sameCount: Int { runs.filter { $0.kind == .same }.reduce(0) { $0 + $1.text.count } }

    /// One run per character, deletions before insertions within each change. The standard
    /// library's `difference(from:)` is Myers' shortest edit script, the algorithm of diff
    /// and git: tested, O((N + M) · D), so no algorithm of our own to get wrong.
    static func edits(from old: [Character], to new: [Character]) -> [(kind: Kind, character: Character)] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [(kind: Kind, character: Character)] = []
        edits.reserveCapacity(old.count + inserted.count)
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count && removed.contains(i) {
                edits.append((.deleted, old[i]))
                i += 1
            } else if j < new.count && inserted.contains(j) {
                edits.append((.inserted, new[j]))
                j += 1
            } else {
                edits.append((.same, old[i]))
                i += 1
                j += 1
            }
        }
        return edits
    }

    /// Adjacent characters of one kind as one run.
    static func merged(_ edits: [(kind: Kind, character: Character)]) -> [Run] {
        var runs: [Run] = []
        for edit in edits {
            if runs.last?.kind == edit.kind {
                runs[runs.count - 1].text.append(edit.character)
            } else {
                runs.append(Run(edit.kind, String(edit.character)))
            }
        }
        return runs
    }

    /// The readability rule (see the type): short kept runs inside a rewrite folded into it.
    static func folded(_ runs: [Run]) -> [Run] {
        var result: [Run] = []
        // The change being gathered: its old and its new passage.
        var deleted = "", inserted = ""
        func flush() {
            if !deleted.isEmpty { result.append(Run(.deleted, deleted)) }
            if !inserted.isEmpty { result.append(Run(.inserted, inserted)) }
            (deleted, inserted) = ("", "")
        }
        for (index, run) in runs.enumerated() {
            switch run.kind {
            case .deleted: deleted += run.text
            case .inserted: inserted += run.text
            case .same:
                let after = change(in: runs, after: index)
                let deletes = !deleted.isEmpty || after.contains(.deleted)
                let inserts = !inserted.isEmpty || after.contains(.inserted)
                let between = !(deleted.isEmpty && inserted.isEmpty) && !after.isEmpty
                if run.text.count <= foldedLength && between && deletes && inserts {
                    deleted += run.text
                    inserted += run.text
                } else {
                    flush()
                    result.append(run)
                }
            }
        }
        flush()
        return result
    }

    /// The kinds of the change that follows the kept run at `index`, up to the next kept
    /// run (a deletion, an insertion, or both); empty at the end.
    static func change(in runs: [Run], after index: Int) -> Set<Kind> {
        Set(runs[(index + 1)...].prefix { $0.kind != .same }.map(\.kind))
    }
}
