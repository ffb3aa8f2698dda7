import Foundation

/// A word on a PDF page and its box, in points from the page's top-left corner.
struct PDFWord: Equatable {
    var text: String
    var x0: Double, y0: Double, x1: Double, y1: Double

    var height: Double { y1 - y0 }
    var width: Double { x1 - x0 }
    var centerX: Double { (x0 + x1) / 2 }
    var centerY: Double { (y0 + y1) / 2 }
}

/// One page's words, as poppler places them.
struct PDFPage {
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord] = []
}

/// `pdftotext -tsv` → pages of words. Its columns: level, page, par, block, line, word, left, top,
/// width, height, conf, text; level 1 starts a page, level 5 is a word.
enum PDFWords {
    static func pages(tsv: String) -> [PDFPage] {
        var pages: [PDFPage] = []
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let f = line.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard f.count == 12, let level = Int(f[0]) else { continue }
            guard let left = Double(f[6]), let top = Double(f[7]), let width = Double(f[8]), let height = Double(f[9]),
                  left.isFinite, top.isFinite, width.isFinite, height.isFinite else { continue }
            if level == 1 {
                pages.append(PDFPage(number: pages.count + 1, width: width, height: height))
            } else if level == 5, !pages.isEmpty {
                let text = String(f[11])
                guard !text.isEmpty, !text.hasPrefix("###") else { continue }
                pages[pages.count - 1].words.append(
                    PDFWord(text: text, x0: left, y0: top, x1: left + max(0, width), y1: top + max(0, height)))
            }
        }
        return pages
    }
}
