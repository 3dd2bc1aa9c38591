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
    /// The share axis below the bars: 0 %, 25 %, … 100 %.
    public var ticks: [Tick]
    public var axisY: String

    public struct Tick: ViewModel {
        public var x: String
        public var label: String
    }

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
        /// The share written on the segment where it is wide enough ("35%").
        public var share: String?
        public var labelX: String
    }

    public struct LegendItem: ViewModel {
        public var series: String
        public var label: String
    }

    /// One bar: a group, its size and its published cells (a merged bin is one segment).
    struct Row {
        let label: String
        let size: Int
        let cells: [PublishedCell]
    }

    /// - Parameters:
    ///   - legend: the bins the colours stand for (a segment takes the colour of the bin
    ///     holding its values, so a finer bar shows the same colours subdivided).
    ///   - rows: one bar each; a row with no published cell is drawn whole as withheld.
    static func make(
        id: String, title: String, description: String, legend: [(values: [Int], label: String)],
        rows: [Row], text: UIText
    ) -> StackedBarChart {
        let labelWidth = 80, plot = 304, barHeight = 22, gap = 10
        func series(_ values: [Int]) -> String {
            "s\(legend.firstIndex { $0.values.contains(values[0]) } ?? 0)"
        }
        var bars: [Bar] = []
        for (index, row) in rows.enumerated() {
            let y = Double(index * (barHeight + gap))
            var segments: [Segment] = []
            if row.size > 0 && !row.cells.isEmpty {
                var x = Double(labelWidth)
                var shown = 0
                for cell in row.cells where !cell.ofWhich {
                    guard let count = cell.count.value, count > 0 else { continue }
                    let width = Double(plot) * Double(count) / Double(row.size)
                    let percent = Int((Double(count) * 100 / Double(row.size)).rounded())
                    // A bin counting several values is no one value's colour: neutral, and
                    // named on the bar where there is room.
                    let merged = cell.values.count > 1 && !legend.contains { $0.values == cell.values }
                    let share =
                        merged && width >= Double(cell.label.count * 12 + 34)
                        ? "\(cell.label) \(percent)%" : width >= 26 ? "\(percent)%" : nil
                    segments.append(
                        Segment(
                            x: round1(x), width: round1(width), series: merged ? "merged" : series(cell.values),
                            title: text(
                                .outcomesBarSegment, ["label": row.label, "option": cell.label, "count": count]),
                            share: share, labelX: round1(x + width / 2)))
                    x += width
                    shown += count
                }
                if shown < row.size {  // withheld cells: drawn together, never one by one
                    let width = Double(plot) * Double(row.size - shown) / Double(row.size)
                    segments.append(
                        Segment(
                            x: round1(x), width: round1(width),
                            series: "withheld",
                            title: text(.outcomesWithheldTotal, ["label": row.label, "count": row.size - shown]),
                            share: nil, labelX: round1(x + width / 2)))
                }
            } else if row.size > 0 {
                // A group whose figures are not split: drawn whole, never left empty.
                segments.append(
                    Segment(
                        x: String(labelWidth), width: String(plot), series: "withheld",
                        title: text(.outcomesWithheldRow, ["label": row.label]), share: text(.outcomesWithheldShort),
                        labelX: round1(Double(labelWidth) + Double(plot) / 2)))
            }
            bars.append(
                Bar(
                    label: row.label, y: round1(y), labelY: round1(y + Double(barHeight) * 0.7),
                    total: String(row.size), segments: segments))
        }
        let items = legend.indices.map { LegendItem(series: "s\($0)", label: legend[$0].label) }
        let axisY = rows.count * (barHeight + gap)
        let ticks = stride(from: 0, through: 100, by: 25).map {
            Tick(x: round1(Double(labelWidth) + Double(plot) * Double($0) / 100), label: "\($0)%")
        }
        return StackedBarChart(
            id: id, title: title, description: description, width: labelWidth + plot + 16,
            height: axisY + 22, labelWidth: labelWidth, bars: bars, legend: items, ticks: ticks, axisY: String(axisY))
    }
}

/// A radar (spider) chart of levels 1 to the highest on a number of axes, with its scale
/// and each axis's full name; an axis without a value (all 不涉及, say) is marked as such,
/// never drawn as 0.
public struct RadarChart: ViewModel {
    public var id: String
    public var title: String
    public var description: String
    public var size: Int
    public var rings: [String]
    public var ringLabels: [RingLabel]
    public var axes: [Axis]
    public var points: String
    /// Where the values are known only as a range: its upper edge (else nil).
    public var upperPoints: String?
    /// Axes without a value, marked at the centre.
    public var missing: [Axis]

    public struct Axis: ViewModel {
        public var x2: String
        public var y2: String
        public var labelX: String
        public var labelY: String
        public var anchor: String
        public var label: String
        /// The name cut into lines of at most seven characters.
        public var lines: [Line]
    }

    public struct Line: ViewModel {
        public var text: String
        public var dy: String
    }

    public struct RingLabel: ViewModel {
        public var y: String
        public var label: String
    }

    /// What every radar of the same axes shares: rings and axis lines with their labels.
    /// Made once for all cohort pages, not once per page.
    public struct Grid: Sendable {
        let axisCount: Int
        let maximum: Int
        let rings: [String]
        let ringLabels: [RingLabel]
        let axes: [Axis]

        public init(labels: [String], maximum: Int = 6) {
            self.axisCount = labels.count
            self.maximum = maximum
            rings = (1...maximum).map { level in
                labels.indices.map { Self.point($0, of: labels.count, Double(level) / Double(maximum)) }.joined(
                    separator: " ")
            }
            ringLabels = (1...maximum).map { level in
                RingLabel(
                    y: round1(Self.center - Self.radius * Double(level) / Double(maximum) + 4), label: String(level))
            }
            axes = labels.enumerated().map { index, label -> Axis in
                let end = Self.coordinates(index, of: labels.count, 1),
                    place = Self.coordinates(index, of: labels.count, 1.14)
                let anchor = abs(place.0 - Self.center) < 8 ? "middle" : place.0 > Self.center ? "start" : "end"
                let characters = Array(label)
                let chunks = stride(from: 0, to: characters.count, by: 7).map {
                    String(characters[$0..<min($0 + 7, characters.count)])
                }
                // Labels above the centre grow upwards, those below downwards.
                let first = place.1 < Self.center - 8 ? -1.2 * Double(chunks.count - 1) : 0
                let lines = chunks.enumerated().map { Line(text: $1, dy: $0 == 0 ? "\(round1(first))em" : "1.2em") }
                return Axis(
                    x2: round1(end.0), y2: round1(end.1), labelX: round1(place.0), labelY: round1(place.1 + 4),
                    anchor: anchor, label: label, lines: lines)
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
    /// `levels`: one per axis, 0 where the axis has no value (left out of the outline and
    /// marked instead).
    static func make(id: String, title: String, description: String, grid: Grid, levels: [Int], upper: [Int]? = nil)
        -> RadarChart
    {
        func polygon(_ values: [Int]) -> String {
            values.enumerated().filter { $0.element > 0 }.map { index, level in
                Grid.point(index, of: grid.axisCount, Double(level) / Double(grid.maximum))
            }.joined(separator: " ")
        }
        return RadarChart(
            id: id, title: title, description: description, size: Grid.size, rings: grid.rings,
            ringLabels: grid.ringLabels,
            axes: grid.axes, points: polygon(levels), upperPoints: upper.flatMap { $0 == levels ? nil : polygon($0) },
            missing: levels.indices.filter { levels[$0] == 0 }.map { grid.axes[$0] })
    }
}
