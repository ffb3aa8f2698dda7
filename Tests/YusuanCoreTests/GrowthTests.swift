import Foundation
import Testing
@testable import YusuanCore

/// Issue 21: inputs well under the 16 MB limit that made a reader, a check or a comparison grow
/// with the square of their rows. Each size here took minutes (or gigabytes) before; now a
/// fraction of the bound, even in a debug build. Timings to compare sizes are the benchmark's
/// business; the bound only catches a return of the square.
@Suite struct GrowthTests {
    static let bound: Double = 60

    /// The kizilsu 2022 sample with `rows` inserted into 表五 just above its 合计 line.
    static func padded(_ rows: [String]) -> String {
        var lines = AdversarialTests.kizilsu.components(separatedBy: "\n")
        let start = lines.firstIndex { $0.hasPrefix("表五") }!
        let end = lines[start...].firstIndex { $0.hasPrefix("表六") }!
        let total = lines[start..<end].lastIndex { $0.contains("合计") }!
        lines.insert(contentsOf: rows, at: total)
        return lines.joined(separator: "\n")
    }

    /// Distinct 项 codes under 类 201…, 款 01…99, as a 表五 row each.
    static func distinctCodes(_ n: Int) -> [String] {
        (0..<n).map { (i: Int) -> String in
            let (c, k, x) = (201 + i / 9801, 1 + i / 99 % 99, 1 + i % 99)
            return String(format: "%d\t%02d\t%02d\t支出科目%d\t1.00\t1.00\t", c, k, x, i)
        }
    }

    func within(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) rethrows {
        let start = ContinuousClock.now
        try body()
        let seconds = Double((ContinuousClock.now - start).components.seconds)
        #expect(seconds < Self.bound, "\(what) took \(seconds) s", sourceLocation: sourceLocation)
    }

    /// Peak resident memory of this process so far, in MB.
    static func peakMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// A megabyte of distinct codes (about 26,000 rows): the classification tree and the tree
    /// sums looked for each code's children among all codes (109 s in a release build).
    /// A line of 80,000 digits before a sentence with its (类) marker (the fuzzer's seed 7, iteration
    /// 1427): names before a marker are bounded, so the sentence costs its length, not its square.
    @Test func aLongLineBeforeAClassMarker() throws {
        let lines = String(repeating: "9", count: 80_000) + "\n\n-   1、社会保障和就业支出(类)3,495.19   万元,占   98.53%。"
        let text = AdversarialTests.kizilsu.replacingOccurrences(of: "（二）", with: lines + "\n（二）")
        try within("a long line before （类）") {
            let d = try DisclosureParser.parse(text: text, path: "long.txt")
            #expect(d.unit == "克孜勒苏柯尔克孜自治州社会保险中心")
        }
    }

    @Test func aMegabyteOfDistinctCodes() throws {
        let text = Self.padded(Self.distinctCodes(26_000))
        try within("parse and check") {
            let d = try DisclosureParser.parse(text: text, path: "codes.txt")
            let findings = Checker.check(d)
            let inserted = d.functionalTree.filter { ["201", "202", "203"].contains($0.code) }
            #expect(inserted.reduce(0) { $0 + $1.children.reduce(0) { $0 + $1.children.count } } == 26_000)
            #expect(d.table(.gpbExpense)?.rows.count == 26_008)
            // Each inserted row is whole (合计 1.00 = 基本支出 1.00): the errors are the sample's own.
            func errors(_ f: [Finding]) -> Set<String> {
                Set(f.filter { $0.severity == .error }.map { "\($0.rule) \($0.code ?? "") \($0.column ?? "")" })
            }
            #expect(errors(findings) == errors(Checker.check(try Fixtures.load(Fixtures.kizilsu2022))))
        }
    }

    /// One code on 30,000 rows (1.4 MB): every row scanned all rows for its children (10,000
    /// rows: 8–12 s in a release build, 17 s in a debug one; this size, two and a half minutes).
    @Test func oneCodeOnThirtyThousandRows() throws {
        let text = Self.padded(Array(repeating: "208\t01\t09\t社会保险经办机构\t1.00\t1.00\t", count: 30_000))
        try within("parse and check") {
            let d = try DisclosureParser.parse(text: text, path: "repeated.txt")
            #expect(d.table(.gpbExpense)?.rows.filter { $0.code == "2080109" }.count == 30_001)
            #expect(!Checker.check(d).isEmpty)
        }
    }

    /// Two 10,000-row tables of one code: the row matching kept every candidate pair (3.3 GB).
    @Test func diffOfTenThousandRowsOfOneCode() throws {
        let text = Self.padded(Array(repeating: "208\t01\t09\t社会保险经办机构\t1.00\t1.00\t", count: 10_000))
        let d = try DisclosureParser.parse(text: text, path: "repeated.txt")
        let before = Self.peakMB()
        try within("diff") {
            let c = Comparison(old: d, new: d)
            let lines = try #require(c.tables.first { $0.kind == .gpbExpense }).lines
            #expect(lines.count == 10_008)
            #expect(lines.allSatisfy { $0.status == .same && $0.oldRow == $0.newRow })
        }
        #expect(Self.peakMB() - before < 1_000, "peak memory grew by \(Self.peakMB() - before) MB")
    }

    /// The pairs a full ranking of every candidate gives (the matching before issue 21).
    static func reference(old: [Int], new: [Int], threshold: Double, score: (Int, Int) -> Double) -> [(Int, Int)] {
        var all: [(old: Int, new: Int, score: Double)] = []
        for o in old { for n in new where score(o, n) >= threshold { all.append((o, n, score(o, n))) } }
        all.sort(by: Matching.Best.before)
        var usedOld = Set<Int>(), usedNew = Set<Int>(), out: [(Int, Int)] = []
        for c in all where !usedOld.contains(c.old) && !usedNew.contains(c.new) {
            usedOld.insert(c.old)
            usedNew.insert(c.new)
            out.append((c.old, c.new))
        }
        return out
    }

    /// Keys first and a few candidates each pair as the full ranking does, on names that repeat.
    @Test func boundedMatchingPairsAsTheFullRanking() {
        var rng = SystemRandomNumberGenerator()
        let words = ["社会保险", "经办", "机构", "养老", "支出", "补助", "信息化", "运维"]
        for _ in 0..<50 {
            let old = (0..<12).map { _ in (0..<3).map { _ in words.randomElement(using: &rng)! }.joined() }
            let new = (0..<12).map { _ in (0..<3).map { _ in words.randomElement(using: &rng)! }.joined() }
            let score = { (o: Int, n: Int) in Matching.score(old[o], new[n], floor: 0.5) }
            let got = Matching.pairs(
                old: Array(old.indices), new: Array(new.indices), threshold: 0.5,
                key: ({ old[$0] }, { new[$0] }), score: score)
            let want = Self.reference(old: Array(old.indices), new: Array(new.indices), threshold: 0.5, score: score)
            #expect(got.map { "\($0.old)-\($0.new)" } == want.map { "\($0.0)-\($0.1)" }, "\(old) / \(new)")
        }
    }

    /// A wrapped table of 800 类 whose cells (two of six printed) any placement adds up: the
    /// libFuzzer's slow find. Each group's search is bounded, but every group searched again after
    /// each one was settled made 800² searches (30 s in a debug build at 400); the table's work budget ends them, and priors
    /// place the rest.
    @Test func manyOpenGroupsOfPlacements() {
        let n = 6
        var rows: [Row] = []
        var values: [[Amount]] = []
        for c in 0..<800 {
            let code = String(100 + c)
            for (suffix, value) in [("", "2.00"), ("01", "1.00"), ("02", "1.00")] {
                rows.append(
                    Row(
                        code: code + suffix, name: "科目", values: Array(repeating: nil, count: n),
                        lines: SourceRange(line: rows.count + 1)))
                values.append([Amount(parsing: value)!, Amount(parsing: value)!])
            }
        }
        within("placement") {
            CellPlacement.place(
                kind: .gpbExpense, columns: (0..<n).map { "列\($0)" }, rows: &rows, values: values,
                hints: PlacementHints())
        }
        #expect(rows.allSatisfy { $0.values.compactMap { $0 }.count == 2 })
    }
}
