// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "yusuan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "yusuan", targets: ["yusuan"]),
        .library(name: "YusuanCore", targets: ["YusuanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libxlsxwriter (export --to FILE.xlsx), linked as ncursesw is.
        .systemLibrary(
            name: "CXlsxwriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "YusuanCore"),
        .target(name: "YusuanXlsx", dependencies: ["YusuanCore", "CXlsxwriter"]),
        .target(name: "YusuanTUI", dependencies: ["YusuanCore", "CNcursesw"]),
        // SQLite (export and the on-disk index): kept out of the core, which stays pure Swift + Foundation.
        .target(name: "YusuanStore", dependencies: ["YusuanCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "yusuan",
            dependencies: [
                "YusuanCore",
                "YusuanTUI",
                "YusuanStore",
                "YusuanXlsx",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Damaged copies of the samples through every stage; CI runs a short smoke, people run it longer.
        .executableTarget(name: "yusuan-fuzz", dependencies: ["YusuanCore", "YusuanTUI"]),
        // Fixtures/: a filled 决算 PDF and what was written into it, read by path as SampleData is.
        .testTarget(name: "YusuanCoreTests", dependencies: ["YusuanCore"], exclude: ["Fixtures"]),
        .testTarget(name: "YusuanTUITests", dependencies: ["YusuanTUI", "YusuanCore"]),
        .testTarget(name: "YusuanXlsxTests", dependencies: ["YusuanXlsx", "YusuanCore"]),
        .testTarget(name: "YusuanStoreTests", dependencies: ["YusuanStore", "YusuanCore", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
