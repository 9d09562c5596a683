import BlasonFuzzTargets
import Foundation

/// `blason-fuzz TARGET [FILE…]`: replays files through a fuzz target (the regression corpus).
/// Built by `scripts/fuzz` with `-sanitize=fuzzer -DFUZZING`, it hands over to libFuzzer's driver
/// (with libFuzzer's options) and the target comes from `BLASON_FUZZ_TARGET`.
@main
struct FuzzMain {
    static func main() async {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            fail("usage: blason-fuzz TARGET [FILE…]; targets: \(targetNames)")
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
            await target.run(data)
        }
        print("\(arguments.count - 1) inputs replayed through \(name), none failed")
        #endif
    }
}

private let targetNames = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")

private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

#if FUZZING
/// Chosen once, before the first input (globals are initialized lazily and only once).
private let fuzzedTarget: FuzzTarget = {
    guard let name = ProcessInfo.processInfo.environment["BLASON_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
        fail("BLASON_FUZZ_TARGET must name a target: \(targetNames)")
    }
    return target
}()

/// libFuzzer calls this with each input, from its own thread (not a Swift task), so it may block.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzedTarget.runBlocking(size == 0 || data == nil ? Data() : Data(bytes: data!, count: size))
    return 0
}

/// libFuzzer's entry point for programs that keep their own `main` (LLVM 11 and later).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                 _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif
