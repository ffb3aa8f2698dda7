import Testing
@testable import YusuanCore

/// Where a unit sits, from the administrative names its name begins with.
@Suite struct RegionTests {
    @Test(
        arguments: [
            ("新疆维吾尔自治区喀什地区喀什市社会保险中心", ["新疆维吾尔自治区", "喀什地区", "喀什市"], "喀什地区", "喀什市"),
            ("克孜勒苏柯尔克孜自治州社会保险中心", ["新疆维吾尔自治区", "克孜勒苏柯尔克孜自治州"], "克孜勒苏柯尔克孜自治州", nil),
            ("巴音郭楞蒙古自治州社会保险中心", ["新疆维吾尔自治区", "巴音郭楞蒙古自治州"], "巴音郭楞蒙古自治州", nil),
            // A county on its own sits under its prefecture, by the national list of divisions.
            ("阿克陶县社会保险中心", ["新疆维吾尔自治区", "克孜勒苏柯尔克孜自治州", "阿克陶县"], "克孜勒苏柯尔克孜自治州", "阿克陶县"),
            ("沙县农业农村局", ["沙县"], "沙县", nil),
            ("阿克苏地区库车市人力资源和社会保障局", ["新疆维吾尔自治区", "阿克苏地区", "库车市"], "阿克苏地区", "库车市"),
            ("乌鲁木齐市市场监督管理局", ["新疆维吾尔自治区", "乌鲁木齐市"], "乌鲁木齐市", nil),
            ("哈密市伊州区教育局", ["新疆维吾尔自治区", "哈密市", "伊州区"], "哈密市", "伊州区"),
            ("焉耆回族自治县财政局", ["新疆维吾尔自治区", "巴音郭楞蒙古自治州", "焉耆回族自治县"], "巴音郭楞蒙古自治州", "焉耆回族自治县")
        ] as [(String, [String], String, String?)])
    func namesAtTheStart(_ unit: String, _ names: [String], _ area: String, _ county: String?) {
        let r = Region(unit: unit)
        #expect(r.names == names)
        #expect(r.area == area)
        #expect(r.county == county)
    }

    /// A 区 or 市 inside the unit's own name is not a place.
    @Test func onlyTheStartCounts() {
        #expect(Region(unit: "社会保险中心").names.isEmpty)
        #expect(Region(unit: "社会保险中心").area == nil)
        #expect(Region(unit: "市场监督管理局").names.isEmpty)
        #expect(Region(unit: "喀什地区社区服务中心").names == ["新疆维吾尔自治区", "喀什地区"])
    }
}
