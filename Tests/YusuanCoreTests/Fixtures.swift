import Foundation
@testable import YusuanCore

/// The bundled samples, parsed once per test process.
enum Fixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func path(_ name: String) -> String { root.appendingPathComponent("SampleData/\(name).txt").path }

    static func load(_ name: String) throws -> Disclosure { try DisclosureParser.parse(path: path(name)) }

    static let kizilsu2022 = "kizilsu-prefecture-social-insurance-2022"
    static let kizilsu2026 = "kizilsu-prefecture-social-insurance-2026"
    static let akto = "akto-county-social-insurance-2024"
    static let bayingol = "bayingol-prefecture-social-insurance-2023"
    static let kashgar = "kashgar-city-social-insurance-2023"

    /// A sample's 表五 replaced by the 2022 sample's as a 决算 prints it: 年初预算数 beside 决算数
    /// (合计, 基本支出, 项目支出); nil when the text has no 表五 … 表六.
    static func withFinalAccountsTable(_ text: String) -> [String]? {
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("表五") }),
            let end = lines.firstIndex(where: { $0.hasPrefix("表六") })
        else { return nil }
        lines.replaceSubrange(
            start..<end,
            with: [
                "表五：", "", "一般公共预算财政拨款支出决算表", "", "单位：万元", "",
                "科目编码\t\t\t科目名称\t年初预算数\t决算数\t\t",
                "类\t款\t项\t\t\t合计\t基本支出\t项目支出",
                "208\t\t\t社会保障和就业支出\t360.00\t368.55\t352.15\t16.40",
                "208\t01\t\t人力资源和社会保障管理事务\t310.00\t320.27\t303.87\t16.40",
                "208\t01\t09\t社会保险经办机构\t300.00\t303.87\t303.87\t",
                "208\t01\t99\t其他人力资源和社会保障管理事务支出\t10.00\t16.40\t\t16.40",
                "208\t05\t\t行政事业单位养老支出\t50.00\t48.28\t48.28\t",
                "208\t05\t05\t机关事业单位基本养老保险缴费支出\t35.00\t32.88\t32.88\t",
                "208\t05\t01\t行政单位离退休\t15.00\t15.40\t15.40\t",
                "\t\t\t合计\t360.00\t368.55\t352.15\t16.40", ""
            ])
        return lines
    }
}
