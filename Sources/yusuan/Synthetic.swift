import Foundation
import YusuanCore

/// Synthetic disclosures for scale benchmarks, made from the samples in all three layouts: another
/// unit name and another year; the amounts are kept, so every sum is exactly as consistent as in
/// the original (scaling them would turn the originals' 0.01 rounding into errors). Never shipped
/// in SampleData.
enum Synthetic {
    static let regions = [
        "阿克苏地区", "和田地区", "哈密市", "吐鲁番市", "昌吉回族自治州", "伊犁哈萨克自治州", "塔城地区", "阿勒泰地区",
        "博尔塔拉蒙古自治州", "克拉玛依市", "乌鲁木齐市", "巴音郭楞蒙古自治州"
    ]
    static let places = ["库车市", "温宿县", "沙雅县", "新和县", "拜城县", "乌什县", "阿瓦提县", "柯坪县", "墨玉县", "皮山县", "洛浦县", "策勒县"]
    static let bureaus = ["社会保险中心", "人力资源和社会保障局", "医疗保障局", "就业服务中心", "财政局", "教育局", "卫生健康委员会"]

    /// The `i`-th synthetic document from `template` (its parsed unit and year say what to replace).
    static func make(_ i: Int, template text: String, unit: String, year: Int?) -> String {
        let name =
            regions[i % regions.count] + places[(i / regions.count) % places.count] + bureaus[(i / 7) % bureaus.count]
            + "\(i / 1000 + 1)"
        var out = text.replacingOccurrences(of: unit, with: name)
        if let year {
            let newYear = 2018 + i % 9
            out = out.replacingOccurrences(of: "\(year)", with: "\(newYear)")
            out = out.replacingOccurrences(of: "\(year - 1)", with: "\(newYear - 1)")
        }
        return out
    }

    /// Writes `count` documents into `folder`, cycling through the templates.
    static func write(count: Int, templates: [String], into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let parsed = try templates.map { path -> (String, Disclosure) in
            let text = try TextDecoder.decode(TextDecoder.readBytes(path: path), path: path)
            return (text, try DisclosureParser.parse(text: text, path: path))
        }
        for i in 0..<count {
            let (text, d) = parsed[i % parsed.count]
            let body = make(i, template: text, unit: d.unit, year: d.year)
            try Data(body.utf8).write(
                to: URL(fileURLWithPath: folder).appendingPathComponent(String(format: "synthetic-%05d.txt", i)))
        }
    }
}
