/// The converters' layouts, each turned into the tab layout the readers take.
enum ConverterLayout {
    static func tabbed(_ lines: [String], pageStarts: Set<Int> = []) -> [String] {
        if MarkdownLayout.applies(lines) { return MarkdownLayout.convert(lines) }
        if SpaceLayout.applies(lines) { return SpaceLayout.convert(lines, pageStarts: pageStarts) }
        return lines
    }
}
