/// A parsed budget disclosure: everything the browser, checker and comparison stand on.
public struct Disclosure: Hashable, Sendable {
    public var path: String
    public var unit: String
    public var year: Int?
    /// "部门" or "单位".
    public var scope: String
    /// "预算" or "决算".
    public var documentKind: String
    /// The date printed at the end, when there is one.
    public var date: String?
    public var overview: Overview
    /// Tables the contents promise, with the kind each title names.
    public var contents: [ContentsEntry]
    public var tables: [Table]
    /// Labels printed ("表九") with no table under them.
    public var orphanLabels: [OrphanLabel]
    public var functionalTree: [ClassificationNode]
    public var economicTree: [ClassificationNode]
    public var projects: [Project]
    public var performanceSheets: [PerformanceSheet]
    public var sections: [ProseSection]
    public var facts: [NarrativeFact]
    public var glossary: [GlossaryEntry]
    /// The whole normalised text, line by line, for "show me the source".
    public var sourceLines: SourceLines
    /// What the parser set aside and the user must hear of (a second document, a table printed
    /// twice); the checker reports each as a finding.
    public var parseNotes: [ParseNote] = []
    /// The file holding this disclosure's tables, when they were published apart from its prose.
    public var companionPath: String?
    /// The tables' sums as worked out while parsing, for the checker (`ArithmeticMemo`).
    var arithmetic = ArithmeticMemo()

    public struct ParseNote: Hashable, Sendable {
        public enum Kind: String, Sendable { case secondDocument, repeatedTable, oddAmount }
        public var kind: Kind
        public var message: String
        public var line: Int
    }

    public struct ContentsEntry: Hashable, Sendable {
        public var title: String
        public var kind: TableKind?
        public var line: Int
    }

    public struct OrphanLabel: Hashable, Sendable {
        public var label: String
        public var line: Int
    }

    /// What stands in for an indexed document whose file can no longer be read: its summary's
    /// header, nothing else, so a screen showing it has something true to show.
    public static func unreadable(_ entry: LibraryEntry) -> Disclosure {
        Disclosure(
            path: entry.path, unit: entry.unit, year: entry.year, scope: entry.scope, documentKind: entry.documentKind,
            date: nil,
            overview: Overview(), contents: [], tables: [], orphanLabels: [], functionalTree: [], economicTree: [],
            projects: [],
            performanceSheets: [], sections: [], facts: [], glossary: [], sourceLines: [])
    }

    public func tables(_ kind: TableKind) -> [Table] { tables.filter { $0.kind == kind } }
    public func table(_ kind: TableKind) -> Table? { tables.first { $0.kind == kind } }
}

/// 概况: functions, departments, staffing.
public struct Overview: Hashable, Sendable {
    public var functions: String
    public var departments: [String]
    public var departmentsText: String
    public var staffing: Staffing
    public var lines: SourceRange?

    public init(
        functions: String = "", departments: [String] = [], departmentsText: String = "",
        staffing: Staffing = Staffing(), lines: SourceRange? = nil
    ) {
        self.functions = functions
        self.departments = departments
        self.departmentsText = departmentsText
        self.staffing = staffing
        self.lines = lines
    }
}

/// Staffing figures as stated; changes are signed (减少 → negative).
public struct Staffing: Hashable, Sendable {
    public var authorized: Int?
    public var actual: Int?
    public var active: Int?
    public var activeChange: Int?
    public var retired: Int?
    public var retiredChange: Int?
    public var lixiu: Int?
    public var lixiuChange: Int?
    public var sentence: String?
    public var line: Int?
    public init() {}
}

/// A node of a classification tree (功能分类 类 › 款 › 项, or 经济分类 类 › 款).
public struct ClassificationNode: Hashable, Sendable {
    public var code: String
    public var name: String
    /// False when no table printed this code's own row (a 类 missing from the print).
    public var printed: Bool
    /// Kinds of the tables that carry this code.
    public var tables: [TableKind]
    public var children: [ClassificationNode]
}
