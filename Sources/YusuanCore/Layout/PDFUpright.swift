/// A page whose text runs down or up it — a wide table set sideways on a portrait page and never
/// turned — is turned so its lines run across, as the rest of the layout reads them. pdftotext
/// gives such words as tall, narrow boxes in the page's own frame.
extension PDFPage {
    func upright() -> PDFPage {
        // Words of two characters or more: one set sideways is taller than it is wide.
        var sideways = 0
        var across = 0
        for w in words where w.text.unicodeScalars.count >= 2 {
            if w.height > 1.5 * w.width { sideways += 1 } else if w.width > w.height { across += 1 }
        }
        guard sideways >= 3, sideways > 2 * across else { return self }
        let right = words.map(\.x1).max() ?? width
        let bottom = words.map(\.y1).max() ?? height
        // Turned a quarter anticlockwise (text that ran down the page) or clockwise (ran up).
        let fromDown = words.map { w in
            PDFWord(text: w.text, x0: w.y0, y0: right - w.x1, x1: w.y1, y1: right - w.x0)
        }
        let fromUp = words.map { w in
            PDFWord(text: w.text, x0: bottom - w.y1, y0: w.x0, x1: bottom - w.y0, y1: w.x1)
        }
        var page = PDFPage(number: number, width: max(width, height), height: min(width, height))
        page.words = PDFPage.readsDown(fromDown) >= PDFPage.readsDown(fromUp) ? fromDown : fromUp
        return page
    }

    /// How well words turned one way read as a page, top to bottom: a title (…表) and the 部门：/单位：
    /// lines near the top, and the codes of a column rising down it (201 above 20101 above 208). Of
    /// the two turns, one puts the page upside down: it scores the opposite.
    static func readsDown(_ words: [PDFWord]) -> Int {
        guard let top = words.map(\.y0).min(), let bottom = words.map(\.y1).max(), bottom > top else { return 0 }
        var score = 0
        for w in words where w.text.hasSuffix("表") || w.text.hasPrefix("部门：") || w.text.hasPrefix("单位：") {
            let at = (w.centerY - top) / (bottom - top)
            if at < 0.25 { score += 2 } else if at > 0.75 { score -= 2 }
        }
        let codes = words.filter { w in
            (3...7).contains(w.text.utf8.count) && w.text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        }.prefix(400).sorted { $0.y0 < $1.y0 }
        for (k, a) in codes.enumerated() {
            // The next code below in the same column.
            guard let b = codes[(k + 1)...].first(where: { min($0.x1, a.x1) - max($0.x0, a.x0) > 0 }) else { continue }
            score += b.text > a.text ? 1 : -1
        }
        return score
    }
}
