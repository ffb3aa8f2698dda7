import CXlsxwriter
import Foundation
import YusuanCore

/// Writes a `WorkbookPlan` as .xlsx with libxlsxwriter (Debian's libxlsxwriter-dev), to a
/// temporary file first so a failed write never leaves half a workbook at the destination.
public enum XlsxWorkbook {
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The workbook's bytes.
    public static func data(_ plan: WorkbookPlan) throws -> Data {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("yusuan-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(plan, path: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WriteError(description: "the workbook could not be read back")
        }
        return data
    }

    static func write(_ plan: WorkbookPlan, path: String) throws {
        guard let book = workbook_new(path) else { throw WriteError(description: "cannot start a workbook") }
        var looks: [WorkbookPlan.Look: UnsafeMutablePointer<lxw_format>] = [:]
        for look in [WorkbookPlan.Look.header, .text, .amount, .total, .error, .warning, .info] {
            let f = workbook_add_format(book)!
            switch look {
            case .header:
                format_set_bold(f); format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
                format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)); format_set_text_wrap(f)
                format_set_bg_color(f, 0xDDEBF7)
            case .text: break
            case .amount: format_set_num_format(f, "#,##0.00")
            case .total: format_set_bold(f); format_set_num_format(f, "#,##0.00")
            // Red for an error, yellow for a warning, blue for a note, as the browser colours them.
            case .error: format_set_bg_color(f, 0xFFC7CE); format_set_num_format(f, "#,##0.00")
            case .warning: format_set_bg_color(f, 0xFFEB9C); format_set_num_format(f, "#,##0.00")
            case .info: format_set_bg_color(f, 0xDDEBF7); format_set_num_format(f, "#,##0.00")
            }
            looks[look] = f
        }
        for sheet in plan.sheets {
            guard let ws = workbook_add_worksheet(book, sheet.name) else {
                workbook_close(book)
                throw WriteError(description: "sheet “\(sheet.name)” was refused")
            }
            for (c, w) in sheet.widths { worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), w, nil) }
            for m in sheet.merges {
                worksheet_merge_range(
                    ws, lxw_row_t(m.firstRow), lxw_col_t(m.firstColumn), lxw_row_t(m.lastRow), lxw_col_t(m.lastColumn),
                    m.text, looks[.header])
            }
            for cell in sheet.cells {
                let r = lxw_row_t(cell.row), c = lxw_col_t(cell.column)
                let format = cell.look == .text ? nil : looks[cell.look]
                switch cell.value {
                case .text(let s): worksheet_write_string(ws, r, c, s, format)
                case .number(let a): worksheet_write_number(ws, r, c, Double(a.hundredths) / 100, format)
                case .link(let target, let name, let shown):
                    worksheet_write_url(ws, r, c, "internal:'\(target)'!\(name)", nil)
                    worksheet_write_string(ws, r, c, shown, nil)
                }
                if let comment = cell.comment { worksheet_write_comment(ws, r, c, comment) }
            }
            worksheet_freeze_panes(ws, lxw_row_t(sheet.frozen.rows), lxw_col_t(sheet.frozen.columns))
        }
        let status = workbook_close(book)
        guard status == LXW_NO_ERROR else {
            throw WriteError(description: String(cString: lxw_strerror(status)))
        }
    }
}
