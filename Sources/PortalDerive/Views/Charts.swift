import PortalModel
import Foundation

// Chart geometry, computed at build time; the SVG markup lives in the templates
// (partials/chart-bars, partials/level-track). Numbers are rounded to one decimal so
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
    public var barHeight: Int
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
    ///   - scale: how many values are the scale's steps (levels, bands); the rest are answers
    ///     off the scale.
    ///   - rows: one bar each; a row with no published cell is drawn whole as withheld.
    static func make(
        id: String, title: String, description: String, legend: [(values: [Int], label: String)], scale: Int,
        rows: [Row], text: UIText
    ) -> StackedBarChart {
        // 400 units wide, drawn at most 400 px (site.css): its 15-unit labels are 15 px on a
        // desktop and stay at least 12 px on a 360 px phone (328 px for the chart).
        let chartWidth = 400, barHeight = 26, gap = 10
        let labelWidth = max(64, (rows.map(\.label.count).max() ?? 0) * 15 + 10), plot = chartWidth - 24 - labelWidth
        // A colour stands for a value, not for a place in the legend: 1级 is the same colour
        // in every chart, whether or not the chart has 不涉及 before it.
        // Values from `scale` on (不涉及, 未填) take the neutral colours.
        func colour(_ value: Int) -> String { "s\(value < scale ? min(value, 5) : min(6 + value - scale, 7))" }
        func series(_ values: [Int]) -> String {
            colour(legend.first { $0.values.contains(values[0]) }?.values[0] ?? values[0])
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
                    // Where it fits at the labels' 15 units (≥ 12 px at phone width, site.css).
                    let share =
                        merged && width >= Double(cell.label.count * 15 + 44)
                        ? "\(cell.label) \(percent)%" : width >= 36 ? "\(percent)%" : nil
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
                    label: row.label, y: round1(y), labelY: round1(y + Double(barHeight) * 0.72),
                    total: String(row.size), segments: segments))
        }
        let items = legend.map { LegendItem(series: colour($0.values[0]), label: $0.label) }
        let axisY = rows.count * (barHeight + gap)
        let ticks = stride(from: 0, through: 100, by: 25).map {
            Tick(x: round1(Double(labelWidth) + Double(plot) * Double($0) / 100), label: "\($0)%")
        }
        return StackedBarChart(
            id: id, title: title, description: description, width: chartWidth, height: axisY + 24,
            barHeight: barHeight, labelWidth: labelWidth, bars: bars, legend: items, ticks: ticks, axisY: String(axisY))
    }
}

/// One indicator's median level on the scale 1…maximum, drawn as a track in the row that
/// names the indicator and states the level in words: a bar over the levels the median may
/// be (one level where the published figures fix it). Tracks replace a radar, whose axis
/// names could not stay 12 px at phone width; a column of tracks reads as a profile.
public struct LevelTrack: ViewModel {
    public var maximum: Int
    /// The borders between levels (1 … maximum − 1), in the track's units.
    public var dividers: [Int]
    /// The bar over the median's levels, nil where no median can be given.
    public var range: Span?

    public struct Span: ViewModel {
        public var x: Int
        public var width: Int
    }

    init(maximum: Int, low: Int?, high: Int?) {
        self.maximum = maximum
        dividers = maximum > 1 ? Array(1..<maximum) : []
        range = low.flatMap { low in high.map { Span(x: low - 1, width: $0 - low + 1) } }
    }

    /// The scale's levels as its heading writes them ("1" … "6").
    static func scale(_ maximum: Int) -> [String] { maximum > 0 ? (1...maximum).map(String.init) : [] }
}
