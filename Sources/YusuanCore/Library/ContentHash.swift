import Foundation

/// A 128-bit fingerprint of a file's bytes, the key of the library cache.
///
/// Not cryptographic: the cache is the user's own file and only has to tell their documents
/// apart, which two independent 64-bit lanes over 8-byte words do many times over; it keeps the
/// core free of a crypto dependency and hashes at memory speed.
public enum ContentHash {
    public static func of(_ data: Data) -> String {
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(data.count)
        var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F &+ UInt64(data.count)
        data.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            while i + 8 <= n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                a = mix(a ^ w, 0xFF51_AFD7_ED55_8CCD)
                b = mix(b &+ w, 0xC4CE_B9FE_1A85_EC53)
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { tail |= UInt64(raw[i]) << shift; shift += 8; i += 1 }
            a = mix(a ^ tail, 0xFF51_AFD7_ED55_8CCD)
            b = mix(b &+ tail, 0xC4CE_B9FE_1A85_EC53)
        }
        return hex(finish(a)) + hex(finish(b ^ a))
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
