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
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "YusuanCore"),
        .target(name: "YusuanTUI", dependencies: ["YusuanCore", "CNcursesw"]),
        .executableTarget(
            name: "yusuan",
            dependencies: [
                "YusuanCore",
                "YusuanTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "YusuanCoreTests", dependencies: ["YusuanCore"]),
        .testTarget(name: "YusuanTUITests", dependencies: ["YusuanTUI", "YusuanCore"]),
    ]
)
