/// 实有人数 against 在职 + 退休 + 离休 (`staffing`).
enum ClaimStaffing {
    static func staffing(_ sink: inout FindingSink) {
        let s = sink.disclosure.overview.staffing
        guard let actual = s.actual, let active = s.active, let retired = s.retired else { return }
        let sum = active + retired + (s.lixiu ?? 0)
        if sum != actual {
            sink.add(
                Finding(
                    rule: Rules.staffing,
                    message: "实有人数 \(actual) 人，在职 \(active) + 退休 \(retired) + 离休 \(s.lixiu ?? 0) = \(sum) 人",
                    expected: Amount(hundredths: Int64(sum) * 100, decimals: 0),
                    actual: Amount(hundredths: Int64(actual) * 100, decimals: 0),
                    line: s.line))
        }
    }
}
