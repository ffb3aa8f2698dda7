/// Official names of the 经济分类 类 (政府收支分类科目, stable across recent years).
enum Catalog {
    static let economicClasses: [String: String] = [
        "301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "307": "债务利息及费用支出",
        "309": "资本性支出（基本建设）", "310": "资本性支出", "311": "对企业补助（基本建设）", "312": "对企业补助",
        "313": "对社会保障基金补助", "399": "其他支出"
    ]

    static func run(_ sink: inout FindingSink) {
        guard let t = sink.disclosure.table(.gpbBasicExpense) else { return }
        for row in t.rows where row.code?.count == 3 {
            guard let code = row.code, let official = economicClasses[code] else { continue }
            if NameMatch.key(row.name) != NameMatch.key(official) {
                sink.add(
                    Finding(
                        rule: Rules.catalogName,
                        message: "\(t.number ?? "")经济分类 \(code) 印作“\(row.name)”，规范名称为“\(official)”",
                        table: t, code: code, line: row.lines.first))
            }
        }
    }
}
