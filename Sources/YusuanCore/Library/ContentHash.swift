import Foundation

/// A 128-bit fingerprint of a file's bytes (all of them), the key of the library cache; also
/// each cache row's checksum.
///
/// Not cryptographic: the cache is the user's own file and only has to tell their documents
/// apart, which two independent 64-bit lanes over 8-byte words do many times over; it keeps the
/// core free of a crypto dependency and hashes at memory speed.
public struct ContentHash {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var count: UInt64 = 0
    /// Bytes of an unfinished 8-byte word, carried to the next chunk.
    private var carry: [UInt8] = []

    public init() {}

    public static func of(_ data: Data) -> String {
        var h = ContentHash()
        h.update(data)
        return h.finish()
    }

    /// The hash of the whole file at `path`, read in chunks: `head` is its first bytes already
    /// read (`TextDecoder.readBytes` stops at the size limit, a PDF may be larger, and two PDFs
    /// sharing a 16 MB prefix must not share a key).
    public static func of(file path: String, head: Data) throws -> String {
        var h = ContentHash()
        h.update(head)
        // Only a PDF past the limit is read on: a larger text is refused as too large anyway.
        guard head.count > TextDecoder.maxBytes, PDFText.isPDF(head) else { return h.finish() }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw InputError.unreadable(path) }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(head.count))
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { h.update(chunk) }
        } catch {
            throw InputError.unreadable(path)
        }
        return h.finish()
    }

    public mutating func update(_ data: Data) {
        count &+= UInt64(data.count)
        var bytes = data[...]
        if !carry.isEmpty {
            let need = 8 - carry.count
            carry.append(contentsOf: bytes.prefix(need))
            bytes = bytes.dropFirst(need)
            guard carry.count == 8 else { return }
            carry.withUnsafeBytes { absorb($0.loadUnaligned(as: UInt64.self)) }
            carry = []
        }
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i + 8 <= n {
                absorb(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            carry = Array(raw[i..<n])
        }
    }

    @inline(__always) private mutating func absorb(_ word: UInt64) {
        let w = UInt64(littleEndian: word)
        a = Self.mix(a ^ w, 0xFF51_AFD7_ED55_8CCD)
        b = Self.mix(b &+ w, 0xC4CE_B9FE_1A85_EC53)
    }

    /// The tail and the length go in last, so chunking never changes the result.
    public func finish() -> String {
        var tail: UInt64 = 0
        for (k, byte) in carry.enumerated() { tail |= UInt64(byte) << (8 * UInt64(k)) }
        let a = Self.mix(self.a ^ tail ^ count, 0xFF51_AFD7_ED55_8CCD)
        let b = Self.mix(self.b &+ tail &+ count, 0xC4CE_B9FE_1A85_EC53)
        return Self.hex(Self.finish(a)) + Self.hex(Self.finish(b ^ a))
    }

    @inline(__always) static func mix(_ h: UInt64, _ k: UInt64) -> UInt64 {
        let m = h &* k
        return (m ^ (m >> 31)) &* 0x9E37_79B9_7F4A_7C15 ^ (m << 27 | m >> 37)
    }

    /// MurmurHash3's finaliser: every input bit reaches every output bit.
    static func finish(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33; x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33; x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    static func hex(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// What `stat` says of a file: a cached fingerprint is reused while these are unchanged, so a
/// warm library opens without reading its files (as git's index does).
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    public var modifiedNanoseconds: Int64
    public var inode: Int64

    public init(size: Int64, modifiedNanoseconds: Int64, inode: Int64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    public static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if os(Linux)
            let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #else
            let mtime = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #endif
        return FileStamp(size: Int64(st.st_size), modifiedNanoseconds: mtime, inode: Int64(st.st_ino))
    }
}
