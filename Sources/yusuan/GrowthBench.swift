import Foundation
import YusuanCore

/// `yusuan bench --grow`: parse and check of one sample grown 1×, 10×, 30× and 100× its size
/// (GrownDocument), with the cost per KB and the exponent of the cost between successive sizes
/// (1 is linear, 2 quadratic): issue 19 asks for cost linear in size up to 100× a sample.
enum GrowthBench {
    static let factors = [1, 10, 30, 100]

    /// Times each size (the best of a few runs), prints a line per size; `keep` writes each
    /// generated document there (`grown-10x.txt`, …) to run other commands on it.
    static func run(sample path: String, factors: [Int], iterations: Int, keep: String?) throws {
        let sample = try TextDecoder.decode(try TextDecoder.readBytes(path: path), path: path)
        if let keep { try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true) }
        writeOut("growth of \(path) (best of the runs; exponent = log(t2/t1)/log(s2/s1) from the size before)")
        writeOut("  size     KB   runs  parse ms  check ms  total ms   µs/KB  exponent (parse, check, total)")
        var previous: (kb: Double, parse: Double, check: Double)?
        for factor in factors {
            let text = GrownDocument.text(from: sample, factor: factor)
            let name = "grown-\(factor)x.txt"
            if let keep { try text.write(toFile: keep + "/" + name, atomically: true, encoding: .utf8) }
            let kb = Double(text.utf8.count) / 1024
            // Fewer runs of the big sizes: a few seconds each in all.
            let runs = max(1, min(iterations, Int(2_000 / kb)))
            var parse = Double.infinity
            var check = Double.infinity
            var findings = 0
            for _ in 0..<runs {
                var disclosure: Disclosure?
                let p = ContinuousClock().measure { disclosure = try? DisclosureParser.parse(text: text, path: name) }
                guard let disclosure else { throw GrowthError.unreadable(name) }
                let c = ContinuousClock().measure { findings = Checker.check(disclosure).count }
                parse = min(parse, p.seconds * 1000)
                check = min(check, c.seconds * 1000)
            }
            func exponent(_ t2: Double, _ t1: Double, _ s2: Double, _ s1: Double) -> String {
                String(format: "%.2f", log(t2 / t1) / log(s2 / s1))
            }
            let growth =
                previous.map {
                    [
                        exponent(parse, $0.parse, kb, $0.kb), exponent(check, $0.check, kb, $0.kb),
                        exponent(parse + check, $0.parse + $0.check, kb, $0.kb)
                    ].joined(separator: ", ")
                } ?? "-"
            writeOut(
                String(
                    format: "  %4d× %7.0f %5d %9.2f %9.2f %9.2f %7.1f  ", factor, kb, runs, parse, check, parse + check,
                    (parse + check) * 1000 / kb) + growth + "  (\(findings) findings)")
            previous = (kb, parse, check)
        }
    }

    enum GrowthError: Error, CustomStringConvertible {
        case unreadable(String)
        var description: String {
            switch self {
            case .unreadable(let name): "the grown document \(name) could not be parsed"
            }
        }
    }
}
