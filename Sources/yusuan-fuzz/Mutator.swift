import Foundation

/// A small, fast, reproducible random source: the same seed gives the same inputs on every machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Turns a seed document into a damaged one, the way real inputs go wrong: lines lost, doubled,
/// swapped or cut, numbers replaced by extreme ones, tables spliced from another document, bytes
/// flipped, control and bidi characters inserted, encodings broken.
struct Mutator {
    let seeds: [[UInt8]]

    /// Fragments that steer the parser into its branches: table titles, codes, units, odd cells.
    static let dictionary: [String] = [
        "表1", "表十二", "公开 03 表", "收支预算总表", "财政拨款收支预算总表", "一般公共预算支出预算表",
        "“三公”经费支出预算表", "项目支出绩效目标表", "单位：万元", "单位：元", "合计", "小计", "其中：",
        "208", "20801", "2080109", "30101", "301", "\t", "\t\t\t", "-", "—", "0.00", "-12.50", "1e308",
        "99999999999999999999.99", "9223372036854775807", "１２３．４５", ",", "、", "（", "）", "\u{1B}[31m",
        "\u{1B}]0;title\u{07}", "\u{07}", "\u{08}", "\u{202E}", "\u{200B}", "\u{FEFF}", "\r", "\u{0C}",
        "一、", "（一）", "1.", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", ">=", "≥",
        "100%", "万人", "年度绩效目标", "部门预算", "2023年", "决算", "\n\n\n"
    ]

    mutating func mutate(_ input: [UInt8], rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let rounds = 1 + Int(rng.next() % 6)
        for _ in 0..<rounds { bytes = once(bytes, rng: &rng) }
        return bytes
    }

    private func once(_ bytes: [UInt8], rng: inout SplitMix64) -> [UInt8] {
        var lines = Mutator.lines(bytes)
        func pick(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
        switch rng.next() % 12 {
        case 0:  // lose a run of lines
            guard !lines.isEmpty else { return bytes }
            let at = pick(lines.count)
            lines.removeSubrange(at..<min(lines.count, at + 1 + pick(40)))
        case 1:  // a run of lines twice (a table repeated)
            guard !lines.isEmpty else { return bytes }
            let at = pick(lines.count)
            let run = Array(lines[at..<min(lines.count, at + 1 + pick(60))])
            lines.insert(contentsOf: run, at: pick(lines.count + 1))
        case 2:  // swap two lines
            guard lines.count > 1 else { return bytes }
            lines.swapAt(pick(lines.count), pick(lines.count))
        case 3:  // cut the document (a truncated download)
            return Array(bytes.prefix(pick(bytes.count + 1)))
        case 4:  // splice in part of another seed
            let other = Mutator.lines(seeds[pick(seeds.count)])
            guard !other.isEmpty else { return bytes }
            let at = pick(other.count)
            lines.insert(contentsOf: other[at..<min(other.count, at + 1 + pick(80))], at: pick(lines.count + 1))
        case 5:  // replace a number with another, extreme one
            var out = bytes
            guard let at = out.indices.randomElement(using: &rng),
                let d = out[at...].firstIndex(where: { (48...57).contains($0) })
            else { return bytes }
            var end = d
            while end < out.count, (48...57).contains(out[end]) || out[end] == 46 || out[end] == 44 { end += 1 }
            let replacements = [
                "0", "-1", "99999999999999999.99", "1e308", "0.001", "-", "—", "12,3,4", "9223372036854775808"
            ]
            out.replaceSubrange(d..<end, with: Array(replacements[pick(replacements.count)].utf8))
            return out
        case 6:  // insert a dictionary fragment
            var out = bytes
            out.insert(
                contentsOf: Array(Mutator.dictionary[pick(Mutator.dictionary.count)].utf8), at: pick(out.count + 1))
            return out
        case 7:  // flip random bytes (broken UTF-8)
            var out = bytes
            for _ in 0..<(1 + pick(8)) where !out.isEmpty {
                out[pick(out.count)] = UInt8(truncatingIfNeeded: rng.next())
            }
            return out
        case 8:  // tabs become spaces, or spaces tabs (another converter's layout)
            var out = bytes
            let (from, to): (UInt8, [UInt8]) = rng.next() % 2 == 0 ? (9, [32, 32, 32]) : (32, [9])
            var result: [UInt8] = []
            result.reserveCapacity(out.count)
            for b in out { if b == from { result.append(contentsOf: to) } else { result.append(b) } }
            out = result
            return out
        case 9:  // join lines (a row's label and numbers on different lines, or the reverse)
            guard lines.count > 1 else { return bytes }
            let at = pick(lines.count - 1)
            lines[at] += [9] + lines[at + 1]
            lines.remove(at: at + 1)
        case 10:  // a very long line
            lines.insert(Array(repeating: UInt8(ascii: "9"), count: 1 + pick(200_000)), at: pick(lines.count + 1))
        default:  // sort a block (reading order lost)
            guard !lines.isEmpty else { return bytes }
            let at = pick(lines.count)
            let end = min(lines.count, at + 2 + pick(30))
            lines.replaceSubrange(at..<end, with: lines[at..<end].sorted { $0.lexicographicallyPrecedes($1) })
        }
        return Array(lines.joined(separator: [10]))
    }

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
    }
}
