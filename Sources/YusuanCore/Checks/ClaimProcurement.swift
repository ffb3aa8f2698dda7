/// 政府采购: the total against 货物 + 工程 + 服务, and the reserved shares within it (`prose.procurement`).
enum ClaimProcurement {
    static func procurement(_ sink: inout FindingSink) {
        let facts = sink.disclosure.facts.filter { $0.topic == .procurement && $0.amount != nil && $0.unit == "万元" }
        func find(_ test: (String) -> Bool) -> NarrativeFact? { facts.first { test(CJK.compact($0.subject)) } }
        let sme = find { $0.contains("中小企业") }
        let small = find { $0.contains("小微") }
        let total = find { $0.contains("政府采购预算") && !$0.contains("货物") && !$0.contains("工程") && !$0.contains("服务") }
        let parts = [
            find { $0.contains("货物") }, find { $0.contains("工程") }, find { $0.contains("服务") && !$0.contains("中小") }
        ].compactMap { $0?.amount }
        if let t = total?.amount, parts.count == 3 {
            sink.compare(
                Rules.procurement, expected: Tolerance.sum(parts), actual: t, terms: parts, line: total?.line,
                message: "政府采购预算 \(t) 万元，货物、工程、服务之和为 \(Tolerance.sum(parts))")
        }
        if let t = total?.amount, let s = sme?.amount, s > t {
            sink.add(
                Finding(
                    rule: Rules.procurement, message: "面向中小企业预留 \(s) 万元，超过政府采购预算总额 \(t) 万元",
                    expected: t, actual: s, line: sme?.line))
        }
        if let s = sme?.amount, let m = small?.amount, m > s {
            sink.add(
                Finding(
                    rule: Rules.procurement, message: "面向小微企业预留 \(m) 万元，超过面向中小企业预留 \(s) 万元",
                    expected: s, actual: m, line: small?.line))
        }
    }
}
