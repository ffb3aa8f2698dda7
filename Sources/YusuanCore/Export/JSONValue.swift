/// A small JSON value with ordered keys, so output follows the documented contract's order
/// and amounts print exactly as decimals ("325.07", never 325.06999).
public indirect enum JSONValue: Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    public static func amount(_ a: Amount?) -> JSONValue { a.map { .number($0.jsonText) } ?? .null }
    public static func int(_ i: Int?) -> JSONValue { i.map { .number(String($0)) } ?? .null }
    public static func str(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    public func render(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, indent: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ s: String, to out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    private func write(into out: inout [UInt8], indent: Int?) {
        func newline() { if indent != nil { out.append(10) } }
        func pad(_ n: Int) { for _ in 0..<(2 * n) { out.append(32) } }
        switch self {
        case .null: JSONValue.append("null", to: &out)
        case .bool(let b): JSONValue.append(b ? "true" : "false", to: &out)
        case .number(let n): JSONValue.append(n, to: &out)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { JSONValue.append("[]", to: &out); return }
            out.append(UInt8(ascii: "["))
            newline()
            for (i, item) in items.enumerated() {
                if let indent { pad(indent + 1) }
                item.write(into: &out, indent: indent.map { $0 + 1 })
                if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
                newline()
            }
            if let indent { pad(indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { JSONValue.append("{}", to: &out); return }
            out.append(UInt8(ascii: "{"))
            newline()
            for (i, (k, v)) in pairs.enumerated() {
                if let indent { pad(indent + 1) }
                JSONValue.escape(k, into: &out)
                JSONValue.append(indent == nil ? ":" : ": ", to: &out)
                v.write(into: &out, indent: indent.map { $0 + 1 })
                if i < pairs.count - 1 { out.append(UInt8(ascii: ",")) }
                newline()
            }
            if let indent { pad(indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Control and bidi characters are escaped, so JSON output is safe to print on a terminal.
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in s.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: append("\\\"", to: &out)
            case 0x5C: append("\\\\", to: &out)
            case 0x0A: append("\\n", to: &out)
            case 0x09: append("\\t", to: &out)
            case 0x0D: append("\\r", to: &out)
            case 0..<0x20, 0x7F...0x9F:
                unicodeEscape(v, into: &out)
            case 0..<0x80:
                out.append(UInt8(v))
            case _ where TextNormalizer.invisible(scalar):
                // Bidi and other format characters: written as escapes, never raw.
                for unit in String(scalar).utf16 { unicodeEscape(UInt32(unit), into: &out) }
            default:
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u` and four hex digits (a UTF-16 unit).
    static func unicodeEscape(_ v: UInt32, into out: inout [UInt8]) {
        let hex = String(v, radix: 16)
        append("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex, to: &out)
    }
}
