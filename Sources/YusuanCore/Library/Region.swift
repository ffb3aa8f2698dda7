/// Where a unit sits, read from the administrative names its own name begins with:
/// "新疆维吾尔自治区喀什地区喀什市社会保险中心" → 新疆维吾尔自治区 › 喀什地区 › 喀什市.
public struct Region: Hashable, Sendable {
    /// The administrative names at the start of the unit's name, widest first.
    public var names: [String]

    public init(unit: String) {
        names = Region.names(in: CJK.compact(unit))
        // A name that starts at a county ("阿克陶县…") gets the wider names the national list of
        // divisions gives it, so it groups with its prefecture (克孜勒苏柯尔克孜自治州).
        if let first = names.first, let area = CountyAreas.areaOf[first] {
            names = [CountyAreas.province[area], area].compactMap { $0 } + names
        } else if let first = names.first, let province = CountyAreas.province[first] {
            names.insert(province, at: 0)
        }
    }

    /// The group a library lists the unit under: the widest name below the province
    /// (a 地区, 自治州 or city, else the county when the name starts there).
    public var area: String? { belowProvince.first ?? names.first }

    /// The county or district inside `area`, when the name gives one.
    public var county: String? { belowProvince.count > 1 ? belowProvince[1] : nil }

    var belowProvince: [String] { names.drop { $0.hasSuffix("省") || $0.hasSuffix("自治区") }.map { $0 } }

    // Longest first, so 自治州 wins over 州-less readings and 地区 over 区.
    static let suffixes = ["自治区", "自治州", "自治县", "自治旗", "地区", "省", "盟", "市", "县", "区", "旗"]
    static let finals: Set<Character> = Set(suffixes.compactMap(\.last))

    /// Names chained from the start: each ends at the first character that closes a suffix.
    /// Only the start counts, so a 区 inside "社区服务中心" is never taken for a district.
    static func names(in name: String) -> [String] {
        let chars = Array(name)
        var out: [String] = []
        var start = 0
        outer: while start < chars.count, out.count < 4 {
            var end = start + 2
            while end <= min(chars.count, start + 12) {
                if finals.contains(chars[end - 1]) {
                    let token = String(chars[start..<end])
                    // Two characters make a county (沙县) but not a district or city: 社区, 园区, 城区 are words.
                    let shortest = token.hasSuffix("区") || token.hasSuffix("市") ? 3 : 2
                    if token.count >= shortest,
                        suffixes.contains(where: { token.hasSuffix($0) && token.count > $0.count })
                    {
                        out.append(token)
                        start = end
                        continue outer
                    }
                }
                end += 1
            }
            break
        }
        return out
    }
}
