import Foundation
@testable import YusuanCore

/// The bundled samples, parsed once per test process.
enum Fixtures {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static func path(_ name: String) -> String { root.appendingPathComponent("SampleData/\(name).txt").path }

    static func load(_ name: String) throws -> Disclosure { try DisclosureParser.parse(path: path(name)) }

    static let kizilsu2022 = "kizilsu-prefecture-social-insurance-2022"
    static let kizilsu2026 = "kizilsu-prefecture-social-insurance-2026"
    static let akto = "akto-county-social-insurance-2024"
    static let bayingol = "bayingol-prefecture-social-insurance-2023"
    static let kashgar = "kashgar-city-social-insurance-2023"
}
