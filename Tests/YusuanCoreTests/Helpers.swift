@testable import YusuanCore

extension Table {
    /// The row with this code (first one), or the total row for nil.
    func row(_ code: String?) -> Row? {
        code == nil ? totalRow : rows.first { $0.code == code }
    }
}

extension Row {
    /// Values as printed strings ("325.07", "-" for blank), easy to compare with the document.
    var printed: [String] { values.map { $0?.description ?? "-" } }
}
