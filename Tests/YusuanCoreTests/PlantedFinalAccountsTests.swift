import Foundation
import Testing
@testable import YusuanCore

/// A 决算 with ten mistakes of the kinds planted by hand at once: each found once, naming
/// the wrong word or figure, and nothing else new.
@Suite struct PlantedFinalAccountsTests {
    /// The 决算 fixture, its published basis mended (16 × 750 × 7 = 8.40 万元), with two sentences of
    /// the national form's, filled from the tables.
    static let base: String = {
        let totals = [
            "克孜勒苏柯尔克孜自治州社会保险中心 2022 年度收入支出总计 389.75 万元。",
            "",
            "克孜勒苏柯尔克孜自治州社会保险中心 2022 年度财政拨款收入支出总计 368.55 万元。与 2021 年度相比，财政拨款收入支出总计持平。",
            ""
        ].joined(separator: "\n")
        let anchor = "一般公共预算财政拨款支出年初预算为 360.00 万元"
        return ClaimTests.finalAccounts.replacingOccurrences(of: "聘用 38 名", with: "聘用 16 名")
            .replacingOccurrences(of: anchor, with: totals + "\n" + anchor)
    }()

    /// (from, to, rule, the wrong word or figure the finding names)
    static let plants: [(String, String, String, String)] = [
        // A total not the table's (表一: 389.75).
        ("年度收入支出总计 389.75 万元", "年度收入支出总计 398.75 万元", "prose.amount", "398.75"),
        // 增加 where the numbers fell (减少 1.82%).
        ("比上年预算减少 5.63 万元", "比上年预算增加 5.63 万元", "prose.change_word", "增加"),
        // 决算数大于预算数 where 9.30 is less than 10.00.
        ("决算数小于预算数的主要原因：厉行节约", "决算数大于预算数的主要原因：厉行节约", "prose.final_vs_budget", "大于"),
        // A 完成率 not 368.55 / 360.00.
        ("完成年初预算的 102.38%", "完成年初预算的 101.38%", "prose.completion", "101.38"),
        // A heading naming another unit.
        ("三、关于克孜勒苏柯尔克孜自治州社会保险中心2022年", "三、关于阿图什市社会保险中心2022年", "prose.unit_name", "阿图什市社会保险中心"),
        // 截至 a date that is not the year's end.
        ("截至 2022 年 12 月 31 日", "截至 2023 年 12 月 31 日", "prose.date", "2023"),
        // A basis that does not multiply out: 18 × 750 × 7 = 9.45 against 8.40.
        ("计划，聘用 16 名", "计划，聘用 18 名", "prose.basis", "9.45"),
        // A total a thousandth of the table's, called 持平.
        ("财政拨款收入支出总计 368.55 万元。", "财政拨款收入支出总计 0.37 万元。", "prose.amount", "0.37"),
        // The blank form's placeholder left in.
        ("决算数大于预算数的主要原因：人员增加。", "决算数大于预算数的主要原因：XXXXXXXX。", "prose.placeholder", "XXXXXXXX"),
        // A missing 主要原因 where 决算 (15.40) differs from 预算 (15.00).
        ("决算数大于预算数的主要原因：离休人员增加。", "", "prose.reason", "15.40")
    ]

    @Test func eachPlantedMistakeIsFoundOnce() throws {
        var text = Self.base
        for (from, to, _, _) in Self.plants {
            #expect(text.components(separatedBy: from).count == 2, "the plant's text occurs once: \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        let before = Set(try ClaimTests.signatures(Self.base))
        var added = try ClaimTests.signatures(text).filter { !before.contains($0) }
        for (_, _, rule, named) in Self.plants {
            let hits = added.filter { $0.hasPrefix(rule + "|") && $0.contains(named) }
            #expect(hits.count == 1, "\(rule) naming \(named): \(hits)")
            if let hit = hits.first { added.removeAll { $0 == hit } }
        }
        #expect(added.isEmpty, "findings not planted: \(added)")
    }

    /// The base itself: its claims agree (the sample's own published findings aside).
    @Test func theBaseAddsNoClaimFinding() throws {
        let original = Set(try ClaimTests.signatures(ClaimTests.finalAccounts))
        let added = try ClaimTests.signatures(Self.base).filter { !original.contains($0) }
        // Mending the basis only removes a finding; the two sentences agree with 表一 and 表四.
        #expect(added.isEmpty, "\(added)")
    }
}
