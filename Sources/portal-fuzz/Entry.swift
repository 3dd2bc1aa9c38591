import Foundation
import PortalFuzzTargets

/// `portal-fuzz TARGET [FILE…]`, in the content tree PORTAL_FUZZ_TREE (a small valid
/// content folder: `make fuzz` gives Tests/Fixtures/valid). Built by `make fuzz` (with `-sanitize=fuzzer -DFUZZING`)
/// it hands control to libFuzzer, which feeds TARGET (PORTAL_FUZZ, or the first argument)
/// generated inputs and takes libFuzzer's options; built normally it replays saved inputs,
/// e.g. a crash libFuzzer found, under a debugger.
@main
struct FuzzEntry {
    static func main() {
        guard let folder = ProcessInfo.processInfo.environment["PORTAL_FUZZ_TREE"],
            let harness = try? FuzzHarness(validTree: folder)
        else {
            print("set PORTAL_FUZZ_TREE to a small valid content folder, e.g. Tests/Fixtures/valid")
            exit(2)
        }
        #if FUZZING
            let name = ProcessInfo.processInfo.environment["PORTAL_FUZZ"] ?? FuzzTarget.frontMatter.rawValue
            guard let target = FuzzTarget(rawValue: name) else { usage() }
            Current.target = target
            Current.harness = harness
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
                    Current.harness?.run(Current.target, Data(bytes: bytes!, count: count))
                    return 0
                })
        #else
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else { usage() }
            for file in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: file) else {
                    print("cannot read \(file)"); exit(2)
                }
                harness.run(target, data)
                print("ok \(file)")
            }
        #endif
    }

    static func usage() -> Never {
        print(
            "usage: portal-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE…  (make fuzz: "
                + "PORTAL_FUZZ=TARGET)"
        )
        exit(2)
    }
}

#if FUZZING
    /// libFuzzer's driver: runs the fuzzing loop with its command-line options.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// The target of this run, for the C callback (which can capture nothing).
    enum Current {
        nonisolated(unsafe) static var target = FuzzTarget.frontMatter
        nonisolated(unsafe) static var harness: FuzzHarness?
    }
#endif
