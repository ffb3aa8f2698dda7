import Foundation
import YusuanCore
import YusuanTUI

/// yusuan-fuzz: damaged copies of the samples through the parser, checker, outputs, comparison and
/// the browser's screen model. Each iteration's input comes from (seed, iteration) alone, so any
/// failure is reproduced with `--only N --save FILE`.
///
///   swift run -c release yusuan-fuzz [--iterations N] [--seed S] [--corpus DIR] [--only N --save FILE]
struct Options {
    var iterations = 2_000
    var seed: UInt64 = 1
    var corpus = "SampleData"
    var only: Int?
    var save: String?
    /// Seconds one input may take through everything; beyond it the input counts as a hang.
    var bound = 5.0

    init(_ args: [String]) {
        var it = args.dropFirst().makeIterator()
        while let a = it.next() {
            let v = it.next() ?? ""
            switch a {
            case "--iterations": iterations = Int(v) ?? iterations
            case "--seed": seed = UInt64(v) ?? seed
            case "--corpus": corpus = v
            case "--only": only = Int(v)
            case "--save": save = v
            case "--bound": bound = Double(v) ?? bound
            default:
                FileHandle.standardError.write(Data("yusuan-fuzz: unknown option \(a).\n".utf8))
                exit(2)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
let files = (try? InputPaths.expand([options.corpus])) ?? []
let seeds = files.compactMap { (try? TextDecoder.readBytes(path: $0)).map { [UInt8]($0) } }
guard !seeds.isEmpty else {
    FileHandle.standardError.write(Data("yusuan-fuzz: \(options.corpus): no seed documents (*.txt) found.\n".utf8))
    exit(2)
}
let originals = files.compactMap { try? DisclosureParser.parse(path: $0) }

func input(_ i: Int) -> (bytes: [UInt8], rng: SplitMix64) {
    var rng = SplitMix64(seed: options.seed &* 0x100_0000_01B3 &+ UInt64(i))
    var mutator = Mutator(seeds: seeds)
    let seed = seeds[Int(rng.next() % UInt64(seeds.count))]
    return (mutator.mutate(seed, rng: &rng), rng)
}

/// Everything a user can make yusuan do with one file; returns what broke an invariant, if anything.
func exercise(_ bytes: [UInt8], rng: inout SplitMix64) -> String? {
    let text: String
    do { text = try TextDecoder.decode(Data(bytes), path: "fuzz.txt") } catch { return nil }
    let d: Disclosure
    do { d = try DisclosureParser.parse(text: text, path: "fuzz.txt") } catch { return nil }
    let findings = Checker.check(d)
    let outputs = [OutlineText.render(d), FindingsOutput.text(d, findings)]
    for out in outputs where out.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || $0.value == 0x1B }) {
        return "a control character in text output"
    }
    let json = DisclosureJSON.encode(d).render()
    if json.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || (0x202A...0x202E).contains($0.value) })
    {
        return "a raw control or bidi character in JSON"
    }
    if let old = originals.randomElement(using: &rng) {
        _ = DiffOutput.text(Comparison(old: old, new: d))
    }
    // The browser at a random size, driven by random keys; every line must fill the width exactly.
    let doc = LoadedDocument(disclosure: d, findings: findings)
    var b = Browser(documents: [doc], width: 20 + Int(rng.next() % 180), height: 6 + Int(rng.next() % 55))
    let keys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .enter, .escape, .tab,
        .backTab, .char("v"), .char("s"), .char("e"), .char("E"), .char("u"), .char("]"), .char("["),
        .char("/"), .char("2"), .char("n"), .char("?"), .char("f"), .char("c"), .char("x"), .backspace,
        .wheelDown, .mouseClick(x: 10, y: 5)
    ]
    for step in 0..<40 {
        b.handle(keys[Int(rng.next() % UInt64(keys.count))])
        if step % 8 == 7 {
            b.width = 20 + Int(rng.next() % 180)
            b.height = 6 + Int(rng.next() % 55)
            b.handle(.resize)
        }
        let screen = b.render()
        for line in screen.lines where DisplayWidth.of(line) != screen.width {
            return "a screen line \(DisplayWidth.of(line)) columns wide on a \(screen.width)-column screen"
        }
    }
    return nil
}

if let only = options.only {
    var (bytes, rng) = input(only)
    if let save = options.save { FileManager.default.createFile(atPath: save, contents: Data(bytes)) }
    let problem = exercise(bytes, rng: &rng)
    print(problem.map { "iteration \(only): \($0)" } ?? "iteration \(only): clean")
    exit(problem == nil ? 0 : 1)
}

// The iteration under way is kept in a file, so a crash (which ends the process) names its input.
let marker = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-fuzz-\(getpid()).iteration").path
FileManager.default.createFile(atPath: marker, contents: nil)
let markerHandle = FileHandle(forWritingAtPath: marker)
/// CPU seconds this process has used: a bound in CPU time holds on a busy machine, where wall
/// time would report false timeouts.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let start = Date()
var slowest = (seconds: 0.0, iteration: 0)
var failures = 0
for i in 0..<options.iterations {
    try? markerHandle?.seek(toOffset: 0)
    markerHandle?.write(Data(String(format: "%-20d", i).utf8))
    var (bytes, rng) = input(i)
    let t0 = cpuSeconds()
    let problem = exercise(bytes, rng: &rng)
    let seconds = cpuSeconds() - t0
    if seconds > slowest.seconds { slowest = (seconds, i) }
    if let problem {
        failures += 1
        print("iteration \(i): \(problem) (reproduce: yusuan-fuzz --seed \(options.seed) --only \(i) --save input.txt)")
    } else if seconds > options.bound {
        failures += 1
        print("iteration \(i): took \(String(format: "%.1f", seconds)) s of CPU, over the \(options.bound) s bound")
    }
}
try? markerHandle?.close()
try? FileManager.default.removeItem(atPath: marker)
let total = Date().timeIntervalSince(start)
print(
    String(
        format: "%d executions, seed %llu, %d failed, %.1f s (%.0f/s), slowest %.3f CPU s (iteration %d)",
        options.iterations, options.seed, failures, total, Double(options.iterations) / total, slowest.seconds,
        slowest.iteration))
exit(failures == 0 ? 0 : 1)
