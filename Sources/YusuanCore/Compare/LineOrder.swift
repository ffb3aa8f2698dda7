/// The order a compared table's lines are read in: as printed, or ranked by the change of their
/// first column (the VisiData-style sort a reader asks for to find the largest movements).
public enum LineOrder: String, Sendable, CaseIterable {
    case printed, absolute, relative

    /// `o` cycles absolute ↓ → relative ↓ → printed.
    public var next: LineOrder {
        switch self {
        case .printed: return .absolute
        case .absolute: return .relative
        case .relative: return .printed
        }
    }

    public var label: String {
        switch self {
        case .printed: return "按印刷顺序"
        case .absolute: return "按变动额排序"
        case .relative: return "按变动率排序"
        }
    }
}

extension TableComparison {
    /// `indices` (lines of this table) in reading order. A two-sided table (收支总表) gives its
    /// income lines, then its expense lines, as a reader adds them up; within each side the
    /// totals come first when ranked, then the changes largest first, then the unchanged lines
    /// as printed. A line that grows from nothing ranks above every percentage.
    public func ordered(_ indices: [Int], by order: LineOrder) -> [Int] {
        let sides: [[Int]] =
            kind.isTwoSided
            ? [indices.filter { lines[$0].side == .income }, indices.filter { lines[$0].side != .income }]
            : [indices]
        guard order != .printed else { return sides.flatMap { $0 } }
        return sides.flatMap { side in
            let totals = side.filter { lines[$0].isTotal }
            let changed = side.filter { !lines[$0].isTotal && lines[$0].isChange }
            let rest = side.filter { !lines[$0].isTotal && !lines[$0].isChange }
            let ranked = changed.enumerated().sorted { a, b in
                let ka = rank(lines[a.element].primary, order), kb = rank(lines[b.element].primary, order)
                return ka != kb ? ka > kb : a.offset < b.offset
            }
            return totals + ranked.map(\.element) + rest
        }
    }

    func rank(_ a: AmountChange, _ order: LineOrder) -> Double {
        switch order {
        case .printed: return 0
        case .absolute: return Double(abs(a.delta?.hundredths ?? 0))
        case .relative:
            if let p = a.percent { return abs(p) }
            return a.differs ? .infinity : 0
        }
    }
}
