import Foundation
import PackagePlugin

/// Generates `TextKey` (PortalModel) from Templates/strings.zh-CN.yaml: one case for each
/// text the generator's own code reads, so a key is written once, in the strings file,
/// and the code names it by a typed case — a key the file lacks is a compile error where
/// the code uses it. Which texts the code reads is found in the sources of the package's
/// targets (tests excluded): a `.caseName` that a key of the file gives.
@main
struct TextKeys: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let strings = context.package.directoryURL.appending(path: "Templates/strings.zh-CN.yaml")
        let sources = context.package.targets.compactMap { $0 as? SourceModuleTarget }.filter { $0.kind != .test }
            .flatMap { $0.sourceFiles(withSuffix: "swift").map(\.url) }
        let output = context.pluginWorkDirectoryURL.appending(path: "TextKey.swift")
        return [
            .buildCommand(
                displayName: "Generating TextKey from strings.zh-CN.yaml",
                executable: try context.tool(named: "portal-text-keys").url,
                arguments: [strings.path, output.path] + sources.map(\.path),
                inputFiles: [strings] + sources, outputFiles: [output])
        ]
    }
}
