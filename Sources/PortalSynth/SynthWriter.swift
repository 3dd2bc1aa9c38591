import Foundation
import PortalModel

/// Writes `portal synth` output: a CSV and the dataset description that makes the site
/// label the data as synthetic — dataset.yaml in a folder, or `<name>.dataset.yaml`
/// beside a .csv file. (Every synthetic name also ends in （合成）, which the loader
/// reads as synthetic too, should the CSV travel alone.)
public enum SynthWriter {
    public static func write(standard: Standard, count: Int, seed: UInt64, to output: String) throws(DiagnosticList)
        -> String
    {
        var synthesizer = AssessmentSynthesizer(standard: standard, seed: seed)
        let csv = synthesizer.csv(count: count)
        let isFile = output.lowercased().hasSuffix(".csv")
        let csvPath = isFile ? output : output + "/assessments.csv"
        do {
            if !isFile { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
            try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
            let dataset =
                "# Made by `portal synth --assessments \(count) --seed \(seed)`: not real enterprises.\nsynthetic: "
                + "true\nlabel: 合成示例数据\n"
            let datasetPath = isFile ? String(output.dropLast(4)) + ".dataset.yaml" : output + "/dataset.yaml"
            try Data(dataset.utf8).write(to: URL(fileURLWithPath: datasetPath))
        } catch {
            throw DiagnosticList([
                Diagnostic(
                    path: output, line: 1, column: 1,
                    "cannot write the synthetic data: check that the folder is writable")
            ])
        }
        return csvPath
    }
}
