/// Every rule the checker applies. Ids are stable: scripts and the browser refer to them.
public enum Rules {
    public static let treeSum = Rule(
        id: "tree.sum",
        description: "A 类 equals the sum of its 款, a 款 the sum of its 项, the total the sum of the 类 rows.",
        category: .arithmetic, severity: .error)
    public static let rowSum = Rule(
        id: "row.sum", description: "A row's total column equals the sum of its part columns (合计 = 基本支出 + 项目支出 …).",
        category: .arithmetic, severity: .error)
    public static let projectSum = Rule(
        id: "tree.projects", description: "A 项 row of 项目支出 equals the sum of its projects.", category: .arithmetic,
        severity: .error)
    public static let itemSum = Rule(
        id: "three_public.sum", description: "The 三公 total equals its items; 公务用车购置及运行费 equals 购置 + 运行.",
        category: .arithmetic, severity: .error)
    public static let summaryBalance = Rule(
        id: "summary.balance", description: "Income total equals expense total in the two-sided summaries.",
        category: .arithmetic, severity: .error)
    public static let summaryColumn = Rule(
        id: "summary.column", description: "A summary's total equals the sum of its 类 lines and of its income items.",
        category: .arithmetic, severity: .error)
    public static let totalsAgree = Rule(
        id: "cross.totals",
        description: "收支总体, 收入总体 and 支出总体 state the same total; 财政拨款收支总体 and 一般公共预算支出 the same appropriation.",
        category: .crossTable, severity: .error)
    public static let codeAgrees = Rule(
        id: "cross.code", description: "A code has the same amount in tables that cover the same money.",
        category: .crossTable, severity: .error)
    public static let basicTotal = Rule(
        id: "cross.basic", description: "一般公共预算支出's 基本支出 equals the 基本支出 table's total.", category: .crossTable,
        severity: .error)
    public static let projectTotal = Rule(
        id: "cross.project", description: "一般公共预算支出's 项目支出 equals the 项目支出 table, in total and per code.",
        category: .crossTable, severity: .error)
    public static let reconcile = Rule(
        id: "cross.reconcile", description: "收入总体's current-year 一般公共预算 columns equal 一般公共预算支出 per code.",
        category: .crossTable, severity: .error)
    public static let proseAmount = Rule(
        id: "prose.amount", description: "An amount the prose states equals the table that states it too.",
        category: .narrative, severity: .error)
    public static let proseShare = Rule(
        id: "prose.share", description: "A stated share (占 X%) matches the amounts.", category: .narrative,
        severity: .warning)
    public static let proseChange = Rule(
        id: "prose.change", description: "A stated change (增加 A 万元，增长 P%) is consistent with itself.",
        category: .narrative, severity: .warning)
    public static let proseReason = Rule(
        id: "prose.reason", description: "A stated increase or decrease gives its reason.", category: .narrative,
        severity: .info)
    public static let proseYear = Rule(
        id: "prose.year", description: "A year in the prose is the document's year or the year before.",
        category: .narrative, severity: .warning)
    public static let proseDoubled = Rule(
        id: "prose.doubled", description: "The same word written twice in a row.", category: .narrative, severity: .info
    )
    public static let proseCompletion = Rule(
        id: "prose.completion", description: "A stated 完成预算的 x% is the 决算 over the 年初预算.",
        category: .narrative, severity: .error)
    public static let proseFinalVsBudget = Rule(
        id: "prose.final_vs_budget", description: "决算数大于/小于/等于预算数 says what the two numbers do.",
        category: .narrative, severity: .error)
    public static let proseChangeWord = Rule(
        id: "prose.change_word",
        description: "A change's amount and percentage are worded the same way (增加…增长, 减少…下降).",
        category: .narrative, severity: .error)
    public static let proseBasis = Rule(
        id: "prose.basis", description: "A count × rate × months basis multiplies out to the amount it explains.",
        category: .narrative, severity: .warning)
    public static let proseDate = Rule(
        id: "prose.date", description: "A 截至 date is the reporting year's end (决算) or the year before's (预算).",
        category: .narrative, severity: .warning)
    public static let proseHeadingYear = Rule(
        id: "prose.heading_year", description: "A heading about the document's 预算 or 决算 names its year.",
        category: .narrative, severity: .warning)
    public static let proseUnitName = Rule(
        id: "prose.unit_name", description: "A heading names the document's own unit.", category: .narrative,
        severity: .warning)
    public static let prosePlaceholder = Rule(
        id: "prose.placeholder", description: "No placeholder of the blank form (XX局, XXX万元) is left in.",
        category: .narrative, severity: .warning)
    public static let procurement = Rule(
        id: "prose.procurement",
        description:
            "政府采购 total = goods + works + services; the amount reserved for SMEs is not above it, nor the 小微 share above that.",
        category: .narrative, severity: .error)
    public static let operatingCost = Rule(
        id: "prose.operating_cost", description: "机关运行经费 equals the 基本支出 table's 公用经费.", category: .narrative,
        severity: .warning)
    public static let promised = Rule(
        id: "tables.promised", description: "A table the contents promise is printed.", category: .missingTable,
        severity: .error)
    public static let standardSet = Rule(
        id: "tables.standard", description: "Every standard table of the year's template is printed.",
        category: .missingTable, severity: .warning)
    public static let emptyNote = Rule(
        id: "tables.empty_note", description: "An empty table says why; its note speaks of its own kind of budget.",
        category: .structure, severity: .warning)
    public static let emptyWithRows = Rule(
        id: "tables.empty_rows", description: "A table called empty has no amounts.", category: .structure,
        severity: .error)
    public static let unknownTable = Rule(
        id: "tables.unknown", description: "A table whose title names no known kind.", category: .structure,
        severity: .info)
    public static let secondDocument = Rule(
        id: "file.second_document", description: "One file holds one disclosure; a second one in it is not read.",
        category: .structure, severity: .error)
    public static let unreadable = Rule(
        id: "file.unreadable", description: "A file indexed earlier can still be read when opened.",
        category: .structure, severity: .error)
    public static let repeatedTable = Rule(
        id: "tables.repeated", description: "A table is printed once.", category: .structure, severity: .warning)
    public static let oddAmount = Rule(
        id: "tables.odd_amount",
        description: "An amount is printed as budgets print them; another form is named, and what was read.",
        category: .structure, severity: .info)
    public static let missingClassRow = Rule(
        id: "tree.class_row", description: "Every 类 with 款 rows has its own row printed.", category: .structure,
        severity: .warning)
    public static let catalogName = Rule(
        id: "names.catalog", description: "A 经济分类 类 carries its name in the official catalogue.", category: .naming,
        severity: .warning)
    public static let codeName = Rule(
        id: "names.code", description: "One code carries one name within a document.", category: .naming,
        severity: .warning)
    public static let sheetFunding = Rule(
        id: "sheet.funding", description: "A sheet's funding lines agree (总额 = 财政拨款 + 其他资金).", category: .performance,
        severity: .error)
    public static let sheetProject = Rule(
        id: "sheet.project",
        description: "A sheet's funding equals its project's amount in 项目支出 and the prose's 预算安排规模.",
        category: .performance, severity: .error)
    public static let sheetMissing = Rule(
        id: "sheet.missing", description: "Each project has a sheet and each sheet a project.", category: .performance,
        severity: .info)
    public static let indicatorValue = Rule(
        id: "sheet.indicator_value", description: "Each indicator has a value, and not one that looks like its weight.",
        category: .performance, severity: .warning)
    public static let repeatedCell = Rule(
        id: "sheet.repeated_text", description: "A cell repeating the same phrase.", category: .performance,
        severity: .warning)
    public static let sheetGoalNumber = Rule(
        id: "sheet.goal_number",
        description: "A number the goal or the prose states agrees with the indicator for the same quantity.",
        category: .performance, severity: .warning)
    public static let sheetGoalCopied = Rule(
        id: "sheet.goal_copied", description: "Two sheets with the same goal text, word for word.",
        category: .performance, severity: .warning)
    public static let performanceCount = Rule(
        id: "prose.performance", description: "预算绩效's project count and amount match the 项目支出 table.",
        category: .narrative, severity: .warning)
    public static let staffing = Rule(
        id: "staffing.sum", description: "实有人数 = 在职 + 退休 + 离休.", category: .arithmetic, severity: .error)
    public static let cannotCheck = Rule(
        id: "check.unavailable",
        description: "A rule that could not be applied because a table it needs is missing or unreadable.",
        category: .structure, severity: .info)
    public static let uncertainReading = Rule(
        id: "layout.uncertain",
        description:
            "A table whose sums fail in more rows than a printing error explains is reported once, as read with doubt.",
        category: .structure, severity: .info)
    public static let inferredCells = Rule(
        id: "layout.inferred",
        description: "Cells whose column the layout did not print were placed by the document's arithmetic.",
        category: .structure, severity: .info)

    public static let all: [Rule] = [
        treeSum, rowSum, projectSum, itemSum, summaryBalance, summaryColumn, totalsAgree, codeAgrees,
        basicTotal, projectTotal, reconcile, proseAmount, proseShare, proseChange, proseReason,
        proseYear, proseDoubled, proseCompletion, proseFinalVsBudget, proseChangeWord, proseBasis, proseDate,
        proseHeadingYear, proseUnitName, prosePlaceholder, procurement, operatingCost, promised, standardSet, emptyNote,
        emptyWithRows, unknownTable, secondDocument, unreadable, repeatedTable, oddAmount, missingClassRow, catalogName,
        codeName,
        sheetFunding, sheetProject, sheetMissing,
        indicatorValue, repeatedCell, sheetGoalNumber, sheetGoalCopied, performanceCount, staffing, cannotCheck,
        inferredCells, uncertainReading
    ]
}
