/// One page's lines and what each one is, found from the page alone: laid out as soon as the
/// page is read, while the converter still writes the pages after it (`PDFText.extract`). What
/// needs the other pages (running heads, a table going on from the page before) comes later, in
/// `PDFLayout.items`.
struct PDFPageLines {
    /// The page's number and size; its words live on in `lines`.
    let page: PDFPage
    /// Titles broken over two lines joined, units split off titles, page numbers dropped.
    var lines: [PDFLine]
    var tabular: [Bool]
    var metas: [[String]?]
    var titles: [Bool]
    /// The page's first and last lines as running heads are compared (`PDFLayout.headKey`),
    /// where they may be one.
    let ends: Set<String>

    init(_ page: PDFPage) {
        let page = page.upright()
        self.page = PDFPage(number: page.number, width: page.width, height: page.height)
        let raw = PDFLine.lines(of: page)
        let kept = raw.filter { !PDFLayout.isFurniture($0, page: page) }
        // A table's label, title, 部门/单位 line or row heads or ends a page without being furniture.
        ends = Set(
            [kept.first, kept.last].compactMap { $0 }.filter {
                !PDFLayout.isTitle($0) && PDFLayout.meta($0) == nil && !PDFLayout.isTabular($0) && !$0.hasAmount
            }.map(PDFLayout.headKey)
        )
        lines = PDFLayout.joinBrokenTitles(raw).flatMap(PDFLayout.splitUnitOffTitle)
        lines.removeAll { PDFLayout.isFurniture($0, page: page) }
        tabular = lines.map(PDFLayout.isTabular)
        metas = lines.map(PDFLayout.meta)
        titles = lines.map(PDFLayout.isTitle)
    }

    /// Drops the first or last line with all it is.
    mutating func remove(at k: Int) {
        lines.remove(at: k)
        tabular.remove(at: k)
        metas.remove(at: k)
        titles.remove(at: k)
    }
}
