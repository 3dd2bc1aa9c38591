import Foundation
import PortalModel
import PortalWrite

/// How a build's files reach the output folder: a new folder swapped in whole (`portal
/// build`), or the existing preview brought up to date in place (`portal serve`). Either
/// way `finish` (the search index, the release ledger) runs on the finished folder.
enum WriteMode {
    case swap
    case updateInPlace

    init(updateInPlace: Bool) { self = updateInPlace ? .updateInPlace : .swap }

    func write(_ files: SiteFiles, with writer: SiteWriter, finish: ((String) throws -> Void)?) throws(DiagnosticList)
        -> SiteWriter.Files
    {
        switch self {
        case .swap:
            return try writer.write(files, finish: finish)
        case .updateInPlace:
            let changes = try writer.update(files)
            do { try finish?(writer.output) } catch let list as DiagnosticList { throw list } catch {
                throw DiagnosticList([Diagnostic(path: writer.output, line: 1, column: 1, "\(error)")])
            }
            return SiteWriter.Files(count: changes.written, bytes: changes.bytes)
        }
    }
}
