// swift-tools-version:6.2
import PackageDescription

// Warnings are errors for our own targets only; dependencies keep their own settings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "crmtop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "crmtop", targets: ["crmtop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only: readable whole-state diffs for the reducer's tests, reported to Swift
        // Testing through IssueReportingTestSupport (without it a failed diff is only printed).
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.7.3"),
        .package(url: "https://github.com/pointfreeco/xctest-dynamic-overlay", from: "1.13.0"),
    ],
    targets: [
        // The modulemap links ncursesw itself; pkg-config's -D flags would be dropped anyway
        // (see shim.h), so there is nothing to gain from it.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // PostgreSQL's own client library; see docs/POSTGRES.md for why libpq.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "CFileMapping"),
        .target(
            name: "CTerminalGuard",
            dependencies: ["CFileMapping"],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(name: "CRMCore", swiftSettings: strict),
        .target(name: "CRMStore", dependencies: ["CRMCore", "CFileMapping"], swiftSettings: strict),
        // The PostgreSQL store, in a module of its own so that only what uses it links libpq.
        .target(name: "CRMPostgres", dependencies: ["CRMCore", "CRMStore", "CLibPQ"], swiftSettings: strict),
        .target(name: "TerminalUI", swiftSettings: strict),
        .target(name: "CRMCalDAV", dependencies: ["CRMCore"], swiftSettings: strict),
        .target(
            name: "CursesBackend",
            dependencies: ["CNcursesw", "CTerminalGuard", "TerminalUI"],
            swiftSettings: strict
        ),
        .target(
            name: "CRMApp",
            dependencies: ["CRMCore", "CRMStore", "TerminalUI"],
            swiftSettings: strict
        ),
        .target(
            name: "CRMCLI",
            dependencies: [
                "CRMApp", "CursesBackend", "CRMCalDAV", "CRMPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "crmtop", dependencies: ["CRMCLI"], swiftSettings: strict),

        .testTarget(name: "CRMCoreTests", dependencies: ["CRMCore"], swiftSettings: strict),
        .testTarget(name: "CRMStoreTests", dependencies: ["CRMStore"], swiftSettings: strict),
        // A real CalDAV server (Radicale) on loopback for the tests that sync with one.
        .target(name: "CalDAVTestServer", dependencies: ["CRMCalDAV"], path: "Tests/CalDAVTestServer",
                swiftSettings: strict),
        .testTarget(name: "CRMCalDAVTests", dependencies: ["CRMCalDAV", "CRMCore", "CalDAVTestServer"], swiftSettings: strict),
        .testTarget(name: "CRMPostgresTests", dependencies: ["CRMPostgres", "CRMStore", "CRMCore", "CLibPQ", "CRMCLI"], swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], swiftSettings: strict),
        .testTarget(name: "TerminalGuardTests", dependencies: ["CTerminalGuard", "CFileMapping"], swiftSettings: strict),
        .testTarget(
            name: "CRMAppTests",
            dependencies: [
                "CRMApp",
                .product(name: "CustomDump", package: "swift-custom-dump"),
                .product(name: "IssueReportingTestSupport", package: "xctest-dynamic-overlay"),
            ],
            exclude: ["Goldens"],
            swiftSettings: strict
        ),
        .testTarget(name: "CRMCLITests", dependencies: ["CRMCLI", "CalDAVTestServer"], exclude: ["Fixtures"], swiftSettings: strict),
        // A writer process for the tests that run several of them against one directory.
        .executableTarget(name: "StoreWriter", dependencies: ["CRMStore"], path: "Tests/StoreWriter",
                          swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["crmtop", "StoreWriter", "CRMStore"],
                    swiftSettings: strict),
    ]
)
