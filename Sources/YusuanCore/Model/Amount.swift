/// An amount as printed in a disclosure, held exactly in hundredths so sums never drift.
///
/// `Amount(parsing: "3,547.87")` → hundredths 354787, decimals 2.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value times 100 (for 万元 tables: hundredths of 万元, i.e. 100 yuan).
    public var hundredths: Int64
    /// How many decimals the document printed (0, 1 or 2); a rounded cell prints fewer.
    public var decimals: Int {
        get { Int(printedDecimals) }
        set { printedDecimals = Int8(clamping: newValue) }
    }
    /// Held in a byte: an amount (and an optional one) then takes 16 bytes, not 24, in every
    /// table cell.
    private var printedDecimals: Int8

    public init(hundredths: Int64, decimals: Int = 2) {
        self.hundredths = hundredths
        self.printedDecimals = Int8(clamping: decimals)
    }

    /// Largest magnitude accepted: anything bigger is not a budget amount but noise.
    static let limit: Int64 = 1_000_000_000_000_000  // 1e16 hundredths

    /// Reads "1,234.56", "-3.5", "(3.5)", "12", "0.00". Returns nil for anything else (codes are
    /// the caller's business), for more than two decimals and for absurd magnitudes.
    public init?(parsing raw: Substring) {
        var text = raw
        var negative = false
        if let first = text.first, first == "-" || first == "−" {
            negative = true
            text = text.dropFirst()
        } else if let first = text.first, let last = text.last, first == "(" || first == "（",
            last == ")" || last == "）", text.count > 2
        {
            // The accountant's negative, "(303.87)": the table's arithmetic then tests the
            // reading as any other cell's, and a note names it (OddAmounts).
            negative = true
            text = text.dropFirst().dropLast()
        }
        guard !text.isEmpty else { return nil }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDot = false
        var digits = 0
        for ch in text.unicodeScalars {
            switch ch {
            case "0"..."9":
                let d = Int64(ch.value - 48)
                if seenDot {
                    fractionDigits += 1
                    if fractionDigits > 2 { return nil }
                    fraction = fraction * 10 + d
                } else {
                    whole = whole * 10 + d
                    if whole > Amount.limit / 100 { return nil }
                }
                digits += 1
            case ".":
                if seenDot { return nil }
                seenDot = true
            case ",":
                if seenDot { return nil }
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if seenDot && fractionDigits == 0 && text.last != "." { return nil }
        let scaledFraction = fractionDigits == 1 ? fraction * 10 : fraction
        let value = whole * 100 + scaledFraction
        self.hundredths = negative ? -value : value
        self.printedDecimals = Int8(fractionDigits)
    }

    /// A word that is an amount as tables print them: digits with a decimal point or thousands
    /// separators ("1,029.15", "80.00", "-3.5"); years, codes and counts are not.
    public static func isPrinted(_ text: String) -> Bool {
        let s = text.utf8
        guard let first = s.first, s.count >= 3 else { return false }
        var digits = 0, marks = 0
        for (i, c) in s.enumerated() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","): marks += 1
            case UInt8(ascii: "-") where i == 0: continue
            default: return false
            }
        }
        return digits >= 2 && marks >= 1 && first != UInt8(ascii: ".")
    }

    public init?(parsing raw: String) { self.init(parsing: Substring(raw)) }

    /// A computed value (a percentage, a share) to the nearest hundredth, held within the sum
    /// ceiling so a ratio of absurd numbers is a large amount, not a trap.
    public init(approximately value: Double) {
        let h = (value * 100).rounded()
        self.init(hundredths: h.isNaN ? 0 : Int64(max(-1e18, min(1e18, h))))
    }

    public static let zero = Amount(hundredths: 0)

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.hundredths < rhs.hundredths }
    /// Sums saturate instead of trapping: a crafted file with thousands of huge cells gets a
    /// sum that disagrees with its total (a finding), never a crash.
    public static func + (lhs: Amount, rhs: Amount) -> Amount {
        Amount(hundredths: sum(lhs.hundredths, rhs.hundredths), decimals: max(lhs.decimals, rhs.decimals))
    }
    public static func - (lhs: Amount, rhs: Amount) -> Amount {
        Amount(hundredths: sum(lhs.hundredths, -rhs.hundredths), decimals: max(lhs.decimals, rhs.decimals))
    }
    /// Hundredths added and held within ±1e18, far below Int64's range, so that differences of
    /// two sums never overflow either.
    static func sum(_ a: Int64, _ b: Int64) -> Int64 {
        let ceiling: Int64 = 1_000_000_000_000_000_000
        return max(-ceiling, min(ceiling, a + b))
    }
    /// Equality of value, ignoring how many decimals were printed.
    public func sameValue(_ other: Amount) -> Bool { hundredths == other.hundredths }

    /// The amount in 万元 from a table printed in `unit` ("元" or "万元"), to the nearest 0.01 万元,
    /// so tables and prose in different units compare.
    public func inWan(from unit: String) -> Amount {
        guard unit == "元" else { return self }
        return Amount(hundredths: (hundredths >= 0 ? hundredths + 5_000 : hundredths - 5_000) / 10_000)
    }

    /// Always two decimals: "325.07", "-2.90".
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let v = hundredths.magnitude
        let frac = v % 100
        return "\(sign)\(v / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// As the document printed it: its own decimals ("30" for a printed "30", "13.8", "325.07").
    public var printed: String {
        let plain = description
        switch decimals {
        case 0 where hundredths % 100 == 0: return String(plain.dropLast(3))
        case 1 where hundredths % 10 == 0: return String(plain.dropLast())
        default: return plain
        }
    }

    /// JSON number text: as few decimals as the value needs ("5", "9.8", "325.07").
    public var jsonText: String {
        let sign = hundredths < 0 ? "-" : ""
        let v = hundredths.magnitude
        let frac = v % 100
        if frac == 0 { return "\(sign)\(v / 100)" }
        if frac % 10 == 0 { return "\(sign)\(v / 100).\(frac / 10)" }
        return "\(sign)\(v / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// "9,509.12": thousands separators and two decimals, for screens and reports.
    public var grouped: String {
        let plain = description
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var groups: [String] = []
        while intPart.count > 3 {
            groups.insert(String(intPart.suffix(3)), at: 0)
            intPart = String(intPart.dropLast(3))
        }
        groups.insert(intPart, at: 0)
        return (negative ? "-" : "") + groups.joined(separator: ",") + "." + parts[1]
    }
}
