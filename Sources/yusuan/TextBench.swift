import Foundation
import YusuanCore

/// `yusuan bench` on text disclosures: per document, the time to parse and to check against the
/// floor (the file's bytes decoded as UTF-8 and split into lines, nothing else), and the memory
/// the parsed model holds beside the file's size.
enum TextBench {
    struct Document {
        var path: String
        var bytes: Data
        var text: String
    }

    /// Times every document `iterations` times, prints the totals and a line per document, and
    /// returns the parsed documents for the benches that follow.
    static func run(_ documents: [Document], iterations n: Int) -> [Disclosure] {
        let clock = ContinuousClock()
        var sink = 0
        var rows: [(floor: Duration, parse: Duration, check: Duration, memory: ModelMemory?)] = []
        var parsed: [Disclosure] = []
        for doc in documents {
            let floor = clock.measure {
                for _ in 0..<n {
                    let text = String(decoding: doc.bytes, as: UTF8.self)
                    sink &+= text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
                }
            }
            // Each check takes a disclosure of its own parse, as `yusuan check` does: the parse
            // hands its tables' sums to the first check of what it read (ArithmeticMemo).
            var parse = Duration.zero
            var check = Duration.zero
            for _ in 0..<n {
                let start = clock.now
                guard let d = try? DisclosureParser.parse(text: doc.text, path: doc.path) else { break }
                let parsedAt = clock.now
                sink &+= Checker.check(d).count
                parse += parsedAt - start
                check += clock.now - parsedAt
                if parsed.count < rows.count + 1 { parsed.append(d) }
            }
            rows.append((floor / n, parse / n, check / n, ModelMemory.measure(doc)))
        }
        func ms(_ d: Duration) -> String { String(format: "%.3f", d.seconds * 1000) }
        func ratio(_ a: Duration, _ b: Duration) -> String { String(format: "%.1f×", a.seconds / max(b.seconds, 1e-9)) }
        let count = max(1, documents.count)
        let floor = rows.reduce(Duration.zero) { $0 + $1.floor }
        let parse = rows.reduce(Duration.zero) { $0 + $1.parse }
        let check = rows.reduce(Duration.zero) { $0 + $1.check }
        let mb = Double(documents.reduce(0) { $0 + $1.bytes.count }) / 1_048_576
        writeOut(
            "parse: \(ms(parse / count)) ms/document, \(String(format: "%.1f", mb / parse.seconds)) MB/s over "
                + "\(documents.count) documents × \(n)")
        writeOut(
            "floor (decode UTF-8 + split lines): \(ms(floor / count)) ms/document, "
                + "\(String(format: "%.1f", mb / floor.seconds)) MB/s")
        writeOut("check: \(ms(check / count)) ms/document")
        writeOut("ratio parse/floor: \(ratio(parse, floor)), (parse+check)/floor: \(ratio(parse + check, floor))")
        writeOut(
            "per document: parse ms, check ms, (parse+check)/floor, model memory ÷ file bytes (of it: source lines, tables, facts, sheets, other prose, trees)"
        )
        for (doc, row) in zip(documents, rows) {
            let memory = row.memory.map { $0.description(fileBytes: doc.bytes.count) } ?? "n/a"
            writeOut(
                "  \(ms(row.parse).leftPadded(9)) \(ms(row.check).leftPadded(8)) "
                    + "\(ratio(row.parse + row.check, row.floor).leftPadded(8))  \(memory.leftPadded(34))  \(doc.path)")
        }
        if sink == 42 { writeOut("") }
        return parsed
    }
}

/// Heap bytes a parsed document holds while alive (glibc's count of bytes in use, before and
/// after), and what each part frees when dropped: the source lines, the tables, the facts, the
/// performance sheets, the rest of the prose read (sections, glossary, projects, overview,
/// contents) and the classification trees; the rest is the model's smaller parts.
struct ModelMemory {
    var total: Int
    var parts: [Int]  // source lines, tables, facts, sheets, other prose, trees

    static func measure(_ doc: TextBench.Document) -> ModelMemory? {
        // Parsed and checked, as the library and the browser keep it (the check takes what the
        // parse handed it).
        guard let before = heapInUse(), var d = try? DisclosureParser.parse(text: doc.text, path: doc.path) else {
            return nil
        }
        _ = Checker.check(d)
        guard let whole = heapInUse() else { return nil }
        var parts: [Int] = []
        var last = whole
        func dropped(_ drop: (inout Disclosure) -> Void) {
            drop(&d)
            let now = heapInUse() ?? last
            parts.append(last - now)
            last = now
        }
        dropped { $0.sourceLines = SourceLines() }
        dropped { $0.tables = [] }
        dropped { $0.facts = [] }
        dropped { $0.performanceSheets = [] }
        dropped {
            $0.sections = []; $0.glossary = []; $0.projects = []; $0.overview = Overview(); $0.contents = []
        }
        dropped {
            $0.functionalTree = []; $0.economicTree = []
        }
        withExtendedLifetime(d) {}
        return ModelMemory(total: whole - before, parts: parts)
    }

    /// Bytes the heap holds in use, on all threads: glibc's mallinfo2() (uordblks + hblkhd, the
    /// small blocks and the mmapped ones). Swift does not import malloc.h, so the function is
    /// looked up by name; its 80-byte struct comes back through a hidden pointer, which on
    /// x86-64 Linux is passed as the first argument, hence that platform only.
    static func heapInUse() -> Int? {
        #if os(Linux) && arch(x86_64)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallinfo2") else { return nil }
            typealias Call = @convention(c) (UnsafeMutableRawPointer) -> Void
            var fields = [Int](repeating: 0, count: 10)  // struct mallinfo2: ten size_t
            fields.withUnsafeMutableBytes { unsafeBitCast(symbol, to: Call.self)($0.baseAddress!) }
            return fields[7] + fields[4]
        #else
            return nil
        #endif
    }

    func description(fileBytes: Int) -> String {
        let bytes = Double(max(1, fileBytes))
        let shares = parts.map { String(format: "%.1f", Double($0) / bytes) }.joined(separator: " ")
        return String(format: "%.1f×", Double(total) / bytes) + " (\(shares))"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
