import Foundation

/// One disclosure published as two files: the prose (部门概况, 情况说明, 名词解释) in one, the tables
/// in another. Two files in one folder pair when they are the only prose-only file and the only
/// file with tables for the same unit, year and kind; then they are read as one document, the
/// tables in place of the prose's 第二部分.
public enum DocumentPairs {
    /// Pairs of entry indices (prose, tables). An entry takes part in one pair at most, and a
    /// group with two candidates on either side pairs nothing (a wrong pairing is worse than none).
    public static func find(_ entries: [LibraryEntry]) -> [(prose: Int, tables: Int)] {
        let prose = entries.indices.filter { entries[$0].tableCount == 0 }
        let tables = entries.indices.filter { entries[$0].tableCount > 0 }
        var out: [(Int, Int)] = []
        for p in prose {
            let partners = tables.filter { matches(entries[p], entries[$0]) }
            guard partners.count == 1, let t = partners.first,
                prose.filter({ matches(entries[$0], entries[t]) }).count == 1
            else { continue }
            out.append((p, t))
        }
        return out
    }

    static func matches(_ a: LibraryEntry, _ b: LibraryEntry) -> Bool {
        guard let year = a.year, year == b.year, a.documentKind == b.documentKind,
            folder(a.path) == folder(b.path)
        else { return false }
        return sameUnit(a.unit, b.unit)
    }

    static func folder(_ path: String) -> String { (path as NSString).deletingLastPathComponent }

    /// "中共江苏省委办公厅", "中国共产党江苏省委员会办公厅" and "江苏省委办公厅" name one unit; the
    /// prose may also shorten the name the tables print in full.
    static func sameUnit(_ a: String, _ b: String) -> Bool {
        let (x, y) = (UnitName.key(a), UnitName.key(b))
        guard x.count >= 4, y.count >= 4 else { return false }
        return x == y || x.contains(y) || y.contains(x)
    }

    /// The prose with the tables put in where its 第二部分 ends: before 第三部分 (else after the
    /// 第二部分 heading, else at the end), so a line under the heading ("公开表附后") stays prose.
    public static func merge(prose: String, tables: String) -> String {
        var lines = prose.components(separatedBy: "\n")
        let heads = lines.indices.filter { PartLocator.partNumber(CJK.compact(lines[$0])) != nil }
        let second = heads.last { PartLocator.partNumber(CJK.compact(lines[$0])) == 2 }
        let third = heads.last { PartLocator.partNumber(CJK.compact(lines[$0])) == 3 }
        let at = third.flatMap { t in second.map { $0 < t } ?? true ? t : nil } ?? second.map { $0 + 1 } ?? lines.count
        lines.insert(tables, at: min(at, lines.count))
        return lines.joined(separator: "\n")
    }
}
