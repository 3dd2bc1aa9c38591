import Foundation
@testable import PortalRender
import Testing

/// The official Mustache specification's tests (github.com/mustache/spec, MIT licence,
/// copied with its licence and commit into Tests/Fixtures/mustache-spec/) run through the
/// parser and renderer the site uses. Every case of the core modules and of inheritance
/// must pass; every case of dynamic names must be refused at load. (~lambdas is not run:
/// view models are data, so no template can meet a lambda.)
@Suite struct MustacheSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/mustache-spec").path
    static let passed = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    struct SpecFile: Decodable { let tests: [SpecCase] }
    struct SpecCase: Decodable {
        let name: String
        let desc: String
        let data: SpecValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    /// A JSON value as a view model: `null` is a missing field.
    struct SpecValue: Decodable {
        let value: TemplateValue?

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = nil
            } else if let flag = try? container.decode(Bool.self) {
                value = .flag(flag)
            } else if let number = try? container.decode(Int.self) {
                value = .number(number)
            } else if let number = try? container.decode(Double.self) {
                value = .real(number)
            } else if let text = try? container.decode(String.self) {
                value = .text(text)
            } else if let list = try? container.decode([SpecValue].self) {
                value = .list(list.compactMap(\.value))
            } else {
                value = .object(
                    TemplateFields(try container.decode([String: SpecValue].self).compactMapValues(\.value)))
            }
        }
    }

    static func cases(_ file: String) throws -> [SpecCase] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file + ".json"))
        return try JSONDecoder().decode(SpecFile.self, from: data).tests
    }

    /// The template rendered with the case's partials, or the parser's refusal.
    static func render(_ test: SpecCase) throws -> String {
        var templates = try (test.partials ?? [:]).mapValues { try MustacheParser.parse($0) }
        templates["\u{0}spec"] = try MustacheParser.parse(test.template)
        let output = TemplateRenderer(templates: templates).render(
            test.data.value ?? .object([:]), template: "\u{0}spec")
        return String(decoding: try #require(output), as: UTF8.self)
    }

    @Test(arguments: passed) func everyCasePasses(module: String) throws {
        for test in try Self.cases(module) {
            let rendered = try Self.render(test)
            #expect(rendered == test.expected, "\(module) · \(test.name): \(test.desc)")
        }
    }

    @Test func everyDynamicNameIsRefusedAtLoad() throws {
        let tests = try Self.cases("~dynamic-names")
        #expect(tests.count == 21)
        for test in tests {
            let sources = [test.template] + (test.partials ?? [:]).values.sorted()
            let refusals = sources.compactMap { source -> MustacheParser.SyntaxError? in
                do { _ = try MustacheParser.parse(source); return nil } catch let error as MustacheParser.SyntaxError {
                    return error
                } catch { return nil }
            }
            #expect(
                refusals.contains { $0.message.hasPrefix("dynamic partial names ({{>*name}}) are not supported") },
                "\(test.name)")
        }
    }

    /// The suite is whole: no module silently empty or missing.
    @Test func theSuiteIsWhole() throws {
        let counts = try Self.passed.map { try Self.cases($0).count }
        #expect(counts == [12, 14, 42, 22, 12, 34, 27])
        let version = try String(contentsOfFile: Self.folder + "/VERSION", encoding: .utf8)
        #expect(version.hasPrefix("9cb20c3d6ed32f4b800fd9db36b0706aec485b6a"))
    }
}
