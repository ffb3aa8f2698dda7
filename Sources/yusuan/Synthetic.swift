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
    static func make(_ i: Int, template: [UInt8], unit: String, year: Int?) -> [UInt8] {
        let name =
            regions[i % regions.count] + places[(i / regions.count) % places.count] + bureaus[(i / 7) % bureaus.count]
            + "\(i / 1000 + 1)"
        var out = replacing(unit, with: name, in: template)
        if let year {
            let newYear = 2018 + i % 9
            out = replacing("\(year)", with: "\(newYear)", in: out)
            out = replacing("\(year - 1)", with: "\(newYear - 1)", in: out)
        }
        return out
    }

    /// `bytes` with every occurrence of `old` replaced, left to right, on the UTF-8 bytes: a
    /// UTF-8 sequence matches only at a character's start, and generating ten thousand
    /// documents through Foundation's replacing took a minute.
    static func replacing(_ old: String, with new: String, in bytes: [UInt8]) -> [UInt8] {
        let (old, new) = (Array(old.utf8), Array(new.utf8))
        guard let first = old.first else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == first, i + old.count <= bytes.count, bytes[i..<(i + old.count)].elementsEqual(old) {
                out.append(contentsOf: new)
                i += old.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// Writes `count` documents into `folder`, cycling through the templates, on all cores.
    static func write(count: Int, templates: [String], into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let parsed = try templates.map { path -> ([UInt8], Disclosure) in
            let text = try TextDecoder.decode(TextDecoder.readBytes(path: path), path: path)
            return (Array(text.utf8), try DisclosureParser.parse(text: text, path: path))
        }
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let (text, d) = parsed[i % parsed.count]
            let body = make(i, template: text, unit: d.unit, year: d.year)
            let file = (folder as NSString).appendingPathComponent(String(format: "synthetic-%05d.txt", i))
            do { try Data(body).write(to: URL(fileURLWithPath: file)) } catch {
                failure.keep(error)
            }
        }
        if let error = failure.error { throw error }
    }

    /// The first failure of writers on several threads.
    final class FirstError: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var error: Error?
        func keep(_ e: Error) { lock.withLock { error = error ?? e } }
    }
}
