import Foundation
import Testing
@testable import YusuanCore

/// Encodings and bad input: the same document in other encodings parses the same; unusable
/// input is one clear error, never a crash.
@Suite struct InputTests {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    func original() throws -> (String, Disclosure) {
        let path = Fixtures.path(Fixtures.kizilsu2022)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return (text, try DisclosureParser.parse(text: text, path: path))
    }

    func summary(_ d: Disclosure) -> [String] {
        d.tables.map { "\($0.kind.rawValue) \($0.rows.count) \($0.totalRow?.values.first??.description ?? "-")" }
    }

    @Test func gb18030ReadsTheSame() throws {
        let (text, d) = try original()
        let data = try #require(text.data(using: Self.gb18030))
        let decoded = try TextDecoder.decode(data, path: "gbk.txt")
        #expect(summary(try DisclosureParser.parse(text: decoded, path: "gbk.txt")) == summary(d))
    }

    @Test func utf16WithBOMReadsTheSame() throws {
        let (text, d) = try original()
        var data = Data([0xFF, 0xFE])
        data.append(try #require(text.data(using: .utf16LittleEndian)))
        let decoded = try TextDecoder.decode(data, path: "u16.txt")
        #expect(summary(try DisclosureParser.parse(text: decoded, path: "u16.txt")) == summary(d))
    }

    @Test func bomCRLFAndFullWidthDigitsReadTheSame() throws {
        let (text, d) = try original()
        let fullWidth = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { s in
                    ("0"..."9").contains(s) ? Unicode.Scalar(s.value - 0x30 + 0xFF10)! : s
                }))
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(fullWidth.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let decoded = try TextDecoder.decode(data, path: "bom.txt")
        let parsed = try DisclosureParser.parse(text: decoded, path: "bom.txt")
        #expect(summary(parsed) == summary(d))
        #expect(parsed.table(.expenseSummary)?.row("2080109")?.printed == ["325.07", "315.27", "9.80"])
    }

    @Test func badInputIsOneClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let binary = dir.appendingPathComponent("binary.txt")
        try Data((0..<4096).map { UInt8($0 % 256) }).write(to: binary)
        let prose = dir.appendingPathComponent("prose.txt")
        try Data("这是一段与预算无关的文字。\n今天天气很好。\n".utf8).write(to: prose)

        #expect(throws: InputError.missing(dir.path + "/nope.txt")) {
            try DisclosureParser.parse(path: dir.path + "/nope.txt")
        }
        #expect(throws: InputError.isDirectory(dir.path)) { try DisclosureParser.parse(path: dir.path) }
        #expect(throws: InputError.empty(empty.path)) { try DisclosureParser.parse(path: empty.path) }
        #expect(throws: InputError.binary(binary.path)) { try DisclosureParser.parse(path: binary.path) }
        #expect(throws: InputError.notADisclosure(prose.path)) { try DisclosureParser.parse(path: prose.path) }
        #expect(InputError.empty("a.txt").description == "a.txt: the file is empty.")
    }

    @Test func truncatedDocumentStillParses() throws {
        let (text, _) = try original()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(lines.count / 3).joined(separator: "\n")
        let d = try DisclosureParser.parse(text: cut, path: "cut.txt")
        #expect(d.tables.count >= 2)
    }

    /// Issue 21: a FIFO named like a disclosure hung `parse` and `check DIR` in open() forever.
    /// A writer that comes after two seconds frees a blocked open, so without the check this
    /// fails (an empty file) rather than hangs; with it nobody is reading and the writer gives up.
    @Test func aFIFOIsRefusedBeforeItIsOpened() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("x.txt").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let sample = dir.appendingPathComponent("sample.txt").path
        try FileManager.default.copyItem(atPath: Fixtures.path(Fixtures.kizilsu2022), toPath: sample)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 2)
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        #expect(throws: InputError.notRegular(fifo)) { try DisclosureParser.parse(path: fifo) }
        #expect(
            InputError.notRegular("x.txt").description
                == "x.txt: is not a regular file (a pipe, socket or device), so it is not read.")
        // A folder walk passes over it.
        #expect(try InputPaths.expand([dir.path]) == [sample])
    }

    /// An unreadable subfolder is named once, and the files beside it are still found.
    @Test(.enabled(if: getuid() != 0, "root reads every folder")) func anUnreadableSubfolderIsReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-locked-\(UUID().uuidString)")
        let locked = dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        defer { chmod(locked.path, 0o700); try? FileManager.default.removeItem(at: dir) }
        let sample = dir.appendingPathComponent("sample.txt").path
        try FileManager.default.copyItem(atPath: Fixtures.path(Fixtures.kizilsu2022), toPath: sample)
        chmod(locked.path, 0)
        var warnings: [String] = []
        #expect(try InputPaths.expand([dir.path]) { warnings.append($0) } == [sample])
        #expect(warnings == [InputError.unreadableFolder(locked.path).description])
    }

    /// The same as root, who reads every folder: a listing that fails stands in.
    @Test func anUnreadableSubfolderIsReportedEvenToRoot() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-root-\(UUID().uuidString)")
        let locked = top.appendingPathComponent("locked").path
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: top) }
        var found: [String] = []
        var warnings: [String] = []
        try InputPaths.walk(top.path, top: true, into: &found, warn: { warnings.append($0) }) { folder in
            if folder == locked { throw InputError.unreadableFolder(folder) }
            return try FileNames.list(folder)
        }
        #expect(warnings == [InputError.unreadableFolder(locked).description])
    }

    /// A GBK name (预算.txt unpacked from a zip) is named with its bytes, in a folder or given.
    @Test func aNameNotUTF8IsNamedNotLost() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yusuan-gbk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A folder of such a name is named too (it may hold disclosures), an image passed over.
        func make(_ name: [UInt8], folder: Bool) throws {
            let bytes = Array(dir.path.utf8) + [UInt8(ascii: "/")] + name + [0]
            let made = bytes.withUnsafeBufferPointer { p in
                p.withMemoryRebound(to: CChar.self) { path in
                    folder ? mkdir(path.baseAddress!, 0o755) : close(open(path.baseAddress!, O_WRONLY | O_CREAT, 0o644))
                }
            }
            try #require(made == 0)
        }
        try make([0xD4, 0xA4, 0xCB, 0xE3] + Array(".txt".utf8), folder: false)
        try make(Array("sub".utf8) + [0xFF], folder: true)
        try make([0xFF] + Array(".png".utf8), folder: false)
        var warnings: [String] = []
        #expect(try InputPaths.expand([dir.path]) { warnings.append($0) } == [])
        #expect(
            warnings.sorted() == [
                "\(dir.path)/\\xD4\\xA4\\xCB\\xE3.txt: the name is not UTF-8（按 GBK 读作“预算.txt”）, so it cannot be "
                    + "opened by name; rename it to UTF-8 (convmv -f gbk -t utf8) and run again.",
                "\(dir.path)/sub\\xFF: the name is not UTF-8, so it cannot be opened by name; rename it to UTF-8 "
                    + "(convmv -f gbk -t utf8) and run again."
            ])
        #expect(FileNames.escaped(Array("中/".utf8) + [0x61, 0xFF, 0xE4, 0xB8, 0xAD]) == "中/a\\xFF\\xE4\\xB8\\xAD")
    }
}
