import Foundation
import PortalFuzzTargets

// Built by `make fuzz` with `-sanitize=fuzzer -DFUZZING`: libFuzzer supplies main() and
// calls this for every input; PORTAL_FUZZ names the target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    target.run(Data(bytes: bytes, count: count))
    return 0
}

let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["PORTAL_FUZZ"] ?? FuzzTarget.frontMatter.rawValue
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("PORTAL_FUZZ must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

#if !FUZZING
/// Built normally: replays saved inputs, `portal-fuzz TARGET FILE…`, e.g. a crash libFuzzer
/// found, under a debugger.
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: portal-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE…")
            exit(2)
        }
        for file in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else { print("cannot read \(file)"); exit(2) }
            target.run(data)
            print("ok \(file)")
        }
    }
}
#endif
