// swift-tools-version:6.2
// The portal: a static-site generator for the Inner Mongolia smart-factory standard.
// One target per pipeline stage: load → derive → render → write, orchestrated by PortalSite,
// driven by the thin `portal` executable.
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
        .library(name: "PortalSite", targets: ["PortalSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev / libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // HMAC-SHA256 from Debian's libssl-dev (OpenSSL's libcrypto) for opaque record ids.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // GLPK from Debian's libglpk-dev: the linear programs of disclosure control.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The domain: tiers, areas, segments, scenarios, indicators, diagnostics. No I/O.
        // Its TextKey is generated from the strings file (Plugins/TextKeys).
        .target(name: "PortalModel", plugins: ["TextKeys"]),
        .executableTarget(name: "portal-text-keys", dependencies: ["Yams"]),
        .plugin(name: "TextKeys", capability: .buildTool(), dependencies: ["portal-text-keys"]),
        // Stage 1: Content/ → validated model.
        .target(name: "PortalLoad", dependencies: ["PortalModel", "Yams"]),
        // Stage 2: model → eligibility, anonymised outcome statistics, view models, open data.
        .target(name: "PortalDerive", dependencies: ["PortalModel", "COpenSSL", "CGLPK"]),
        // Stage 3: view models → HTML (Mustache templates by our own parser and renderer,
        // proven by the official specification's tests; Markdown via cmark-gfm).
        .target(
            name: "PortalRender",
            dependencies: [
                "PortalModel", "PortalDerive", "CCmarkGFM",
            ]),
        // Linux renameat2(RENAME_EXCHANGE): swaps the new site in with one system call.
        .target(name: "CAtomicRename"),
        // Stage 4: files → output folder, swapped in atomically.
        .target(name: "PortalWrite", dependencies: ["PortalModel", "CAtomicRename"]),
        // `portal synth`: realistic, clearly fake assessment data.
        .target(name: "PortalSynth", dependencies: ["PortalModel", "PortalDerive"]),
        // The pipeline that runs the four stages.
        .target(
            name: "PortalSite",
            dependencies: ["PortalModel", "PortalLoad", "PortalDerive", "PortalRender", "PortalWrite"]),
        // `portal serve`: the development server, in its own executable (portal-serve), so
        // neither the generator library nor `portal build` depends on an HTTP server.
        .target(
            name: "PortalServe",
            dependencies: [
                "PortalSite", "PortalLoad", "PortalModel", "PortalWrite",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]),
        // `make fuzz`: random bytes into front-matter parsing and CSV ingestion. The targets
        // are a library so the tests replay saved inputs (Tests/Fuzz/) through the same code;
        // portal-fuzz is libFuzzer's entry point (built with -sanitize=fuzzer -DFUZZING),
        // or else a replayer of saved inputs.
        .target(name: "PortalFuzzTargets", dependencies: ["PortalLoad", "PortalModel"]),
        .executableTarget(name: "portal-fuzz", dependencies: ["PortalFuzzTargets"]),
        .executableTarget(
            name: "portal",
            dependencies: [
                "PortalSite", "PortalSynth",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // `portal serve` runs this executable, so `portal` itself loads no HTTP stack.
        .executableTarget(
            name: "portal-serve",
            dependencies: [
                "PortalServe", "PortalSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Test fixtures (Tests/Fixtures/) and the portal binary, for the test targets.
        .target(name: "PortalTestSupport", dependencies: ["PortalModel"], path: "Tests/PortalTestSupport"),
        .testTarget(
            name: "PortalLoadTests",
            dependencies: ["PortalLoad", "PortalModel", "PortalFuzzTargets", "PortalTestSupport"],
            path: "Tests/PortalLoadTests"),
        // The command line as users run it: the bad-input corpus, interrupted builds, determinism.
        .testTarget(name: "PortalCLITests", dependencies: ["PortalTestSupport"], path: "Tests/PortalCLITests"),
        .testTarget(
            name: "PortalDeriveTests",
            dependencies: ["PortalDerive", "PortalLoad", "PortalModel", "PortalSynth", "PortalTestSupport"],
            path: "Tests/PortalDeriveTests"),
        .testTarget(
            name: "PortalRenderTests",
            dependencies: ["PortalRender", "PortalLoad", "PortalModel", "PortalTestSupport"],
            path: "Tests/PortalRenderTests"),
        .testTarget(
            name: "PortalWriteTests", dependencies: ["PortalWrite", "PortalModel", "PortalTestSupport"],
            path: "Tests/PortalWriteTests"),
        // The whole pipeline on the real site and fixtures.
        .testTarget(
            name: "PortalSiteTests",
            dependencies: [
                "PortalSite", "PortalLoad", "PortalModel", "PortalSynth", "PortalDerive", "PortalRender",
                "PortalTestSupport",
            ], path: "Tests/PortalSiteTests"),
        .testTarget(
            name: "PortalServeTests", dependencies: ["PortalServe", "PortalTestSupport"], path: "Tests/PortalServeTests"
        ),
    ]
)

// The project's own code builds with warnings as errors (dependencies keep their own
// settings): a warning is a question someone has to answer before it lands.
for target in package.targets where target.type != .system && target.type != .plugin {
    target.swiftSettings = (target.swiftSettings ?? []) + [.treatAllWarnings(as: .error)]
}
