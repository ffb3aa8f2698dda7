/// The lines of a “三公”经费 table, found by their names once for the checks that sum them
/// (`TableArithmetic.threePublic`) and those that quote them (`ClaimThreePublic`): the three
/// items, the vehicles' two parts, and the 会议费 and 培训费 some tables print beside them.
struct ThreePublicLines {
    var abroad: Int?
    var reception: Int?
    /// 公务用车购置及运行（维护）费, its own line or its group's 小计.
    var vehicles: Int?
    var purchase: Int?
    var running: Int?
    var meeting: Int?
    var training: Int?
    /// The 三公's own 小计, printed where 会议费 and 培训费 stand beside it.
    var subtotal: Int?

    /// Each the first line, not a 合计, whose name (outline number and "其中：" dropped) says it.
    init(_ t: Table) {
        let names = t.rows.map { $0.isTotal ? "" : ClaimAmounts.stripOutline($0.name) }
        func first(_ test: (String) -> Bool) -> Int? { names.indices.first { !names[$0].isEmpty && test(names[$0]) } }
        abroad = first { $0.contains("因公出国") }
        reception = first { $0.contains("公务接待") }
        vehicles = first { $0.contains("购置") && $0.contains("运行") }
        purchase = first { $0.contains("购置") && !$0.contains("运行") }
        running = first { $0.contains("运行") && !$0.contains("购置") }
        meeting = first { $0.contains("会议费") }
        training = first { $0.contains("培训费") }
        subtotal = t.rows.indices.first { t.rows[$0].isSubtotal && t.rows[$0].name.contains("三公") }
    }

    /// Whether the table's 合计 holds 会议费 and 培训费 as well as the 三公.
    var totalHoldsOthers: Bool { meeting != nil || training != nil }
}
