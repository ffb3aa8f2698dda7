/// A 功能分类 item the prose names without its code ("2.社会保障和就业支出 2000.39 万元",
/// "党委办公厅（室）及相关机构事务（款）行政运行（项）支出 6106.99 万元"): its code found by name among
/// the coded lines of the tables, when one code has that name.
enum ClaimClassNames {
    static func resolve(_ f: NarrativeFact, in names: ClassNames, _ std: StandardTables) -> FactFigure? {
        guard f.topic == .other || (f.topic == .classification && f.code == nil), let code = code(f.subject, names)
        else {
            return nil
        }
        var named = f
        named.code = code
        named.topic = .classification
        // A line the chosen table lacks is not said to be missing: the name, not a code, led here.
        guard let figure = FactFigure.resolve(named, in: std), figure.value != nil else { return nil }
        return figure
    }

    /// The code of a 类 named alone, or of a 项 named with its 款 ("A（款）B（项）").
    static func code(_ subject: String, _ names: ClassNames) -> String? {
        var s = CJK.compact(subject)
        if let r = s.range(of: "（类）", options: .backwards) { s = String(s[r.upperBound...]) }
        s = CJK.fromFirstHan(s)
        func named(_ name: String, digits: Int) -> [String] {
            (names.codesByKey[NameMatch.key(name)] ?? []).filter { $0.count == digits }
        }
        var codes: Set<String>
        if let k = s.range(of: "（款）"), let x = s.range(of: "（项）"), k.upperBound <= x.lowerBound {
            codes = items(
                String(s[k.upperBound..<x.lowerBound]), under: Set(named(String(s[..<k.lowerBound]), digits: 5)), names)
        } else if let x = s.range(of: "（项）"), !s[..<x.lowerBound].contains("（") {
            // "人大事务行政运行（项）": the 款's name and the 项's, with no mark between them.
            codes = glued(NameMatch.key(String(s[..<x.lowerBound])), names)
        } else if !s.contains("（"), s.hasSuffix("支出"), s.count >= 4 {
            // Every 类 name ends in 支出; a name that does not is no 类.
            codes = Set(named(s, digits: 3))
        } else {
            return nil
        }
        return codes.count == 1 ? codes.first : nil
    }

    /// The 项 of one of the 款 `kuan` named `name`: as printed, with the 支出 the tables add
    /// ("机关事业单位基本养老保险缴费（项）支出" is the line 机关事业单位基本养老保险缴费支出), or, failing
    /// both, with the same characters in another order ("一般行政事务管理", 一般行政管理事务).
    static func items(_ name: String, under kuan: Set<String>, _ names: ClassNames) -> Set<String> {
        func under(_ codes: [String]) -> Set<String> {
            Set(codes.filter { $0.count == 7 && kuan.contains(String($0.prefix(5))) })
        }
        let key = NameMatch.key(name)
        let bare = key.hasSuffix("支出") ? String(key.dropLast(2)) : key
        let exact = under(
            (names.codesByKey[key] ?? []) + (names.codesByKey[key + "支出"] ?? []) + (names.codesByKey[bare] ?? []))
        if !exact.isEmpty { return exact }
        let letters = key.sorted()
        return Set(
            names.keyByCode.filter { code, k in
                code.count == 7 && kuan.contains(String(code.prefix(5))) && k.count == key.count
                    && k.sorted() == letters
            }.keys)
    }

    /// The 项 whose name ends `key` and whose 款's name is the rest of it.
    static func glued(_ key: String, _ names: ClassNames) -> Set<String> {
        var out = Set<String>()
        for (code, k) in names.keyByCode where code.count == 7 && k.count >= 2 {
            for item in [k, k.hasSuffix("支出") ? String(k.dropLast(2)) : k] where item.count >= 2 && key.hasSuffix(item)
            {
                let kuan = String(key.dropLast(item.count))
                if kuan.count >= 2, names.keyByCode[String(code.prefix(5))] == kuan { out.insert(code) }
            }
        }
        return out
    }
}

/// The coded lines of the functional tables with the key their names are matched by, keyed once
/// per document rather than once per prose amount that names an item (`ClaimClassNames.code`),
/// and only when one does: most amounts find their figure before.
final class ClassNames {
    private let disclosure: Disclosure

    init(_ d: Disclosure) { disclosure = d }

    /// The codes of the lines of each name key: looked up, not scanned, per prose amount (a scan
    /// made the claims cost the product of the prose's amounts and the tables' lines).
    lazy var codesByKey: [String: [String]] = Dictionary(
        grouping: disclosure.tables.filter(\.kind.isFunctional).flatMap(\.codedRows).compactMap { row in
            row.code.map { (code: $0, key: NameMatch.key(ClaimAmounts.stripOutline(row.name))) }
        }, by: \.key
    ).mapValues { $0.map(\.code) }

    /// Each code's name key (the first line's, as `codesByKey` holds them).
    lazy var keyByCode: [String: String] = {
        var out: [String: String] = [:]
        for key in codesByKey.keys.sorted() {
            for code in codesByKey[key] ?? [] where out[code] == nil { out[code] = key }
        }
        return out
    }()

    /// The non-total lines of each table of the two kinds an economic item is read from
    /// (`ClaimEconomic`), by name key, in the document's order of tables and lines.
    lazy var economicRows: [TableKind: [(table: Table, byKey: [String: [Row]])]] = Dictionary(
        uniqueKeysWithValues: [TableKind.operatingExpense, .gpbBasicExpense].map { kind in
            (
                kind,
                disclosure.tables(kind).map { t in
                    (
                        t,
                        Dictionary(grouping: t.rows.filter { !$0.isTotal }) {
                            NameMatch.key(ClaimAmounts.stripOutline($0.name))
                        }
                    )
                }
            )
        })
}
