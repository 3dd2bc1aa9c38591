import PortalModel
import Foundation

// Chart geometry, computed at build time; the SVG markup lives in the templates
// (partials/chart-bars, partials/chart-radar). Numbers are rounded to one decimal so
// the output is stable and small.

func round1(_ value: Double) -> String {
    // In tenths, as integers: Double's description is slow where charts are many.
    let tenths = Int((value * 10).rounded())
    let whole = String(abs(tenths) / 10), sign = tenths < 0 ? "-" : ""
    return tenths % 10 == 0 ? sign + whole : sign + whole + "." + String(abs(tenths) % 10)
}

/// Horizontal 100 % stacked bars: one bar per group, one segment per option.
public struct StackedBarChart: ViewModel {
    public var id: String
    public var title: String
    public var description: String
    public var width: Int
    public var height: Int
    public var labelWidth: Int
    public var bars: [Bar]
    public var legend: [LegendItem]

    public struct Bar: ViewModel {
        public var label: String
        public var y: String
        public var labelY: String
        public var total: String
        public var segments: [Segment]
    }

    public struct Segment: ViewModel {
        public var x: String
        public var width: String
        public var series: String
        public var title: String
    }

    public struct LegendItem: ViewModel {
        public var series: String
        public var label: String
    }

    /// - Parameters:
    ///   - groups: bar label, published total, published count per option (nil = withheld).
    static func make(id: String, title: String, description: String, options: [String],
                     groups: [(label: String, total: Int?, counts: [Int?])], text: UIText) -> StackedBarChart {
        let labelWidth = 64, plot = 256, barHeight = 20, gap = 10
        var bars: [Bar] = []
        for (index, group) in groups.enumerated() {
            let y = Double(index * (barHeight + gap))
            var segments: [Segment] = []
            if let total = group.total, total > 0 {
                var x = Double(labelWidth)
                var shown = 0
                for (option, count) in zip(options.indices, group.counts) {
                    guard let count, count > 0 else { continue }
                    let width = Double(plot) * Double(count) / Double(total)
                    segments.append(Segment(x: round1(x), width: round1(width), series: "s\(option)",
                                            title: text(.outcomesBarSegment, ["label": group.label, "option": options[option], "count": count])))
                    x += width
                    shown += count
                }
                if shown < total { // withheld cells: drawn together, never one by one
                    segments.append(Segment(x: round1(x), width: round1(Double(plot) * Double(total - shown) / Double(total)),
                                            series: "withheld", title: text(.outcomesWithheldTotal, ["label": group.label, "count": total - shown])))
                }
            }
            bars.append(Bar(label: group.label, y: round1(y), labelY: round1(y + Double(barHeight) * 0.7),
                            total: group.total.map(String.init) ?? text(.outcomesNoValue), segments: segments))
        }
        let legend = options.indices.map { LegendItem(series: "s\($0)", label: options[$0]) }
        return StackedBarChart(id: id, title: title, description: description, width: labelWidth + plot + 8,
                               height: groups.count * (barHeight + gap), labelWidth: labelWidth, bars: bars, legend: legend)
    }
}

/// A radar (spider) chart of levels 1–6 on a number of axes.
public struct RadarChart: ViewModel {
    public var id: String
    public var title: String
    public var description: String
    public var size: Int
    public var rings: [String]
    public var axes: [Axis]
    public var points: String
    /// Where the values are known only as a range: its upper edge (else nil).
    public var upperPoints: String?

    public struct Axis: ViewModel {
        public var x2: String
        public var y2: String
        public var labelX: String
        public var labelY: String
        public var anchor: String
        public var label: String
    }

    /// What every radar of the same axes shares: rings and axis lines with their labels.
    /// Made once for all cohort pages, not once per page.
    public struct Grid: Sendable {
        let axisCount: Int
        let maximum: Int
        let rings: [String]
        let axes: [Axis]

        public init(labels: [String], maximum: Int = 6) {
            self.axisCount = labels.count
            self.maximum = maximum
            rings = (1...maximum).map { level in
                labels.indices.map { Self.point($0, of: labels.count, Double(level) / Double(maximum)) }.joined(separator: " ")
            }
            axes = labels.enumerated().map { index, label -> Axis in
                let end = Self.coordinates(index, of: labels.count, 1), place = Self.coordinates(index, of: labels.count, 1.18)
                let anchor = abs(place.0 - Self.center) < 8 ? "middle" : place.0 > Self.center ? "start" : "end"
                return Axis(x2: round1(end.0), y2: round1(end.1), labelX: round1(place.0), labelY: round1(place.1 + 4),
                            anchor: anchor, label: label)
            }
        }

        static let size = 300, center = 150.0, radius = 100.0

        static func coordinates(_ index: Int, of count: Int, _ fraction: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(count, 1))
            return (center + radius * fraction * cos(angle), center + radius * fraction * sin(angle))
        }

        static func point(_ index: Int, of count: Int, _ fraction: Double) -> String {
            let p = coordinates(index, of: count, fraction)
            return "\(round1(p.0)),\(round1(p.1))"
        }
    }

    /// A radar of `levels` (one per axis of the grid), with `upper` drawn as a second
    /// outline where it differs.
    static func make(id: String, title: String, description: String, grid: Grid, levels: [Int], upper: [Int]? = nil) -> RadarChart {
        func polygon(_ values: [Int]) -> String {
            values.enumerated().map { index, level in
                Grid.point(index, of: grid.axisCount, Double(level) / Double(grid.maximum))
            }.joined(separator: " ")
        }
        return RadarChart(id: id, title: title, description: description, size: Grid.size, rings: grid.rings, axes: grid.axes,
                          points: polygon(levels), upperPoints: upper.flatMap { $0 == levels ? nil : polygon($0) })
    }
}
