//! Charts for reports: a histogram of payment sizes, or bars per group, with
//! axis labels and a title that states the filter and n. SVG or PNG, chosen
//! by the file's extension. Text is drawn with the bundled DejaVu Sans font so
//! charts look the same on every machine.
//!
//! Labels come from decision files, so control characters are dropped from
//! them (they made the SVG invalid XML); the SVG backend escapes `<`, `&` and
//! quotes itself. The chart is drawn to a temporary file beside the target
//! and renamed into place when complete (see [`super::file`]).

use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use plotters::prelude::*;
use plotters::style::{register_font, FontStyle};

use super::escape::plot_text;
use super::file::{Existing, OutputFile};
use crate::parse::iso_text;
use crate::stats::{Group, Statistic, StatsReport};

static FONT: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");

/// Chart file types, from the extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Svg,
    Png,
}

/// Checks the plot path before any work: a known extension, an existing
/// folder outside any index, and no symbolic link or device at the path.
pub fn check_path(path: &Path, index: &Path) -> Result<()> {
    kind(path)?;
    if OutputFile::check(path, FLAG, index)? == Existing::Stream {
        bail!(
            "{FLAG}: {} is a pipe or device; charts are written to files",
            path.display()
        );
    }
    Ok(())
}

const FLAG: &str = "--plot";

fn kind(path: &Path) -> Result<Kind> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("svg") => Ok(Kind::Svg),
        Some("png") => Ok(Kind::Png),
        _ => bail!("--plot: {} must end in .svg or .png", path.display()),
    }
}

/// The bars to draw: label and value.
fn bars(report: &StatsReport) -> (Vec<(String, f64)>, String, String) {
    if let Some(h) = &report.histogram {
        let bars = h
            .iter()
            .map(|b| (plot_text(&b.label), b.count as f64))
            .collect();
        let y = if report.per == Some(crate::stats::PaymentBasis::Payment) {
            "payments"
        } else {
            "decisions"
        };
        let x = format!("{} size", payments_named(report).to_lowercase());
        return (bars, x, y.to_string());
    }
    match (&report.groups, report.what) {
        (Some(groups), Statistic::Payments) => {
            let bars = groups
                .iter()
                .map(|g| {
                    (
                        group_label(g),
                        g.figures
                            .stats
                            .as_ref()
                            .and_then(|s| s.median)
                            .unwrap_or(0.0),
                    )
                })
                .collect();
            let y = format!("median of {} (£)", payments_named(report).to_lowercase());
            (bars, by_named(report), y)
        }
        (Some(groups), _) => {
            let bars = groups
                .iter()
                .map(|g| (group_label(g), g.n_decisions as f64))
                .collect();
            (bars, by_named(report), "decisions".into())
        }
        (None, _) => {
            let bars = report
                .figures
                .counts
                .iter()
                .flatten()
                .map(|c| (plot_text(&c.value), c.count as f64))
                .collect();
            let x = match report.what {
                Statistic::Outcomes => "outcome",
                Statistic::Faults => "fault kind",
                Statistic::Remedies => "remedy kind",
                Statistic::Payments => "payments",
            };
            (bars, x.into(), "decisions".into())
        }
    }
}

/// The x axis title of grouped bars: the `--by` fields (`organisation / year`).
fn by_named(report: &StatsReport) -> String {
    let by: Vec<&str> = report
        .request
        .by
        .iter()
        .map(crate::names::name_of)
        .collect();
    by.join(" / ")
}

/// A time chart: the period labels and one line per series.
struct Lines {
    periods: Vec<String>,
    series: Vec<(String, Vec<f64>)>,
    x: String,
    y: String,
    counts: bool,
}

/// Most lines on one time chart: the largest series, so it stays readable.
const MAX_LINES: usize = 8;

/// The report as lines over time when it is grouped by one time key only:
/// payments as the median per period, outcomes and kinds one line each.
fn lines(report: &StatsReport) -> Option<Lines> {
    let [field] = report.request.by[..] else {
        return None;
    };
    field.span()?;
    let field_name = crate::names::name_of(&field).to_string();
    let groups: Vec<&Group> = report
        .groups
        .iter()
        .flatten()
        .filter(|g| {
            !g.other
                && g.key
                    .get(&field_name)
                    .is_some_and(|k| k != crate::stats::NONE)
        })
        .collect();
    let periods: Vec<String> = groups
        .iter()
        .map(|g| plot_text(g.key.get(&field_name).map_or("", String::as_str)))
        .collect();
    if report.what == Statistic::Payments {
        let medians = groups
            .iter()
            .map(|g| {
                g.figures
                    .stats
                    .as_ref()
                    .and_then(|s| s.median)
                    .unwrap_or(f64::NAN)
            })
            .collect();
        let y = format!("median of {} (£)", payments_named(report).to_lowercase());
        return Some(Lines {
            periods,
            series: vec![("median".into(), medians)],
            x: field_name,
            y,
            counts: false,
        });
    }
    // The values, largest overall first, as the whole set counts them.
    let values: Vec<&str> = report
        .figures
        .counts
        .iter()
        .flatten()
        .take(MAX_LINES)
        .map(|c| c.value.as_str())
        .collect();
    let series = values
        .iter()
        .map(|&v| {
            let points = groups
                .iter()
                .map(|g| {
                    g.figures
                        .counts
                        .iter()
                        .flatten()
                        .find(|c| c.value == v)
                        .map_or(0.0, |c| c.count as f64)
                })
                .collect();
            (plot_text(v), points)
        })
        .collect();
    Some(Lines {
        periods,
        series,
        x: field_name,
        y: "decisions".into(),
        counts: true,
    })
}

/// A category label short enough not to run into its neighbours.
fn short(label: &str) -> String {
    const MOST: usize = 40;
    if label.chars().count() <= MOST {
        label.to_string()
    } else {
        let mut cut: String = label.chars().take(MOST - 1).collect();
        cut.push('…');
        cut
    }
}

/// A y-axis tick: a whole count, or any value when the axis is not a count.
fn y_tick(v: &f64, counts: bool) -> String {
    if counts {
        count_tick(v)
    } else {
        format!("{v}")
    }
}

/// Tick labels of a count axis: whole numbers only (no `0.0`, no `2.5`).
fn count_tick(v: &f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        String::new()
    }
}

/// A group's name on the x axis: its key values, joined.
fn group_label(group: &Group) -> String {
    short(&plot_text(
        &group.key.values().cloned().collect::<Vec<_>>().join(" / "),
    ))
}

/// The title: what, the filter that produced it, and n.
pub fn title(report: &StatsReport) -> String {
    let r = &report.request;
    let mut filter: Vec<String> = Vec::new();
    if !r.query.trim().is_empty() {
        filter.push(format!("query \"{}\"", r.query));
    }
    let f = &r.filters;
    let (from, to) = (f.from.map(iso_text), f.to.map(iso_text));
    let named = [
        ("organisation", &f.organisation),
        ("category", &f.category),
        ("subcategory", &f.subcategory),
        ("outcome", &f.outcome),
        ("from", &from),
        ("to", &to),
        ("fault", &f.fault),
        ("remedy", &f.remedy),
    ];
    filter.extend(
        named
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k} {v}"))),
    );
    if let Some(min) = f.min_amount {
        filter.push(format!("agreed total ≥ £{min}"));
    }
    if let Some(max) = f.max_amount {
        filter.push(format!("agreed total ≤ £{max}"));
    }
    let what = match report.what {
        Statistic::Payments => payments_named(report),
        Statistic::Outcomes => "Outcomes".to_string(),
        Statistic::Faults => "Fault kinds".to_string(),
        Statistic::Remedies => "Remedy kinds".to_string(),
    };
    let scope = if filter.is_empty() {
        "all decisions".to_string()
    } else {
        filter.join(", ")
    };
    let n = match report.figures.stats.as_ref() {
        Some(s) => format!("n={} of {} decisions", s.n, report.n_decisions),
        None => format!("n={} decisions", report.n_decisions),
    };
    plot_text(&format!("{what} — {scope} ({n})"))
}

/// The payments a report counts, by role: `Agreed payments`, `Agreed,
/// accepted payments`.
fn payments_named(report: &StatsReport) -> String {
    let roles: Vec<&str> = report
        .roles
        .iter()
        .flatten()
        .map(crate::names::name_of)
        .collect();
    let roles = roles.join(", ");
    let mut chars = roles.chars();
    match chars.next() {
        Some(first) => format!("{}{} payments", first.to_uppercase(), chars.as_str()),
        None => "Payments".to_string(),
    }
}

/// Draws the report's chart to `path`, replacing it only when complete.
pub fn write_plot(path: &Path, index: &Path, report: &StatsReport) -> Result<()> {
    let _ = register_font("sans-serif", FontStyle::Normal, FONT);
    let lines = lines(report);
    let (bars, x_label, y_label) = bars(report);
    if bars.is_empty() {
        bail!("--plot: nothing to draw (no decisions or no values in the set)");
    }
    let title = title(report);
    let counts = y_label == "decisions" || y_label == "payments";
    let size = (1000, 600);
    let kind = kind(path)?;
    let file = OutputFile::create(path, FLAG, index)?;
    let Some(drawn) = file.temp_path() else {
        bail!(
            "{FLAG}: {} is a pipe or device; charts are written to files",
            path.display()
        );
    };
    match (kind, &lines) {
        (Kind::Svg, Some(lines)) => draw_lines(
            SVGBackend::new(drawn, size).into_drawing_area(),
            &title,
            lines,
        ),
        (Kind::Png, Some(lines)) => draw_lines(
            BitMapBackend::new(drawn, size).into_drawing_area(),
            &title,
            lines,
        ),
        (Kind::Svg, None) => draw_bars(
            SVGBackend::new(drawn, size).into_drawing_area(),
            &title,
            &bars,
            (&x_label, &y_label),
            counts,
        ),
        (Kind::Png, None) => draw_bars(
            BitMapBackend::new(drawn, size).into_drawing_area(),
            &title,
            &bars,
            (&x_label, &y_label),
            counts,
        ),
    }
    .with_context(|| format!("{}: cannot draw chart", path.display()))?;
    file.commit()
}

/// The report's chart as SVG text (for `serve`'s statistics page), or
/// `None` when there is nothing to draw. The SVG backend escapes the labels.
pub fn svg_text(report: &StatsReport) -> Result<Option<String>> {
    let _ = register_font("sans-serif", FontStyle::Normal, FONT);
    let (bars, x_label, y_label) = bars(report);
    if bars.is_empty() {
        return Ok(None);
    }
    let mut svg = String::new();
    let area = SVGBackend::with_string(&mut svg, (1000, 600)).into_drawing_area();
    let counts = y_label == "decisions" || y_label == "payments";
    match lines(report) {
        Some(lines) => draw_lines(area, &title(report), &lines),
        None => draw_bars(area, &title(report), &bars, (&x_label, &y_label), counts),
    }
    .context("cannot draw chart")?;
    Ok(Some(svg))
}

fn draw_bars<DB: DrawingBackend>(
    root: DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    bars: &[(String, f64)],
    (x_label, y_label): (&str, &str),
    counts: bool,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| anyhow!("{e:?}");
    root.fill(&WHITE).map_err(err)?;
    let max = bars.iter().map(|b| b.1).fold(0.0, f64::max).max(1.0) * 1.1;
    let n = bars.len();
    // Labels that would not fit side by side stand on end.
    let rotated = bars.iter().map(|b| b.0.chars().count()).sum::<usize>() * 8 > 860;
    let x_style = if rotated {
        ("sans-serif", 13)
            .into_font()
            .transform(FontTransform::Rotate90)
    } else {
        ("sans-serif", 13).into_font()
    };
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(20)
        .x_label_area_size(if rotated { 260 } else { 60 })
        .y_label_area_size(80)
        .build_cartesian_2d((0..n).into_segmented(), 0.0..max)
        .map_err(err)?;
    let labels: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_desc(x_label)
        .y_desc(y_label)
        .x_labels(n.min(30))
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .y_label_formatter(&|v| y_tick(v, counts))
        .label_style(("sans-serif", 13))
        .x_label_style(x_style)
        .axis_desc_style(("sans-serif", 15))
        .draw()
        .map_err(err)?;
    chart
        .draw_series(
            Histogram::vertical(&chart)
                .style(RGBColor(46, 104, 160).filled())
                .margin(6)
                .data(bars.iter().enumerate().map(|(i, b)| (i, b.1))),
        )
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// Colours of the lines, told apart also in greyscale print.
const PALETTE: [RGBColor; MAX_LINES] = [
    RGBColor(46, 104, 160),
    RGBColor(214, 96, 39),
    RGBColor(54, 150, 72),
    RGBColor(190, 40, 50),
    RGBColor(120, 84, 170),
    RGBColor(140, 86, 75),
    RGBColor(220, 110, 180),
    RGBColor(100, 100, 100),
];

fn draw_lines<DB: DrawingBackend>(
    root: DrawingArea<DB, plotters::coord::Shift>,
    title: &str,
    lines: &Lines,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| anyhow!("{e:?}");
    root.fill(&WHITE).map_err(err)?;
    let max = lines
        .series
        .iter()
        .flat_map(|s| s.1.iter().copied())
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
        .max(1.0)
        * 1.1;
    let n = lines.periods.len().max(1);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(20)
        .x_label_area_size(90)
        .y_label_area_size(80)
        .build_cartesian_2d(0..n, 0.0..max)
        .map_err(err)?;
    let periods = &lines.periods;
    let counts = lines.counts;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_desc(lines.x.as_str())
        .y_desc(lines.y.as_str())
        .x_labels(n.min(40))
        .x_label_formatter(&|i| periods.get(*i).cloned().unwrap_or_default())
        .y_label_formatter(&|v| y_tick(v, counts))
        .label_style(("sans-serif", 13))
        .x_label_style(
            ("sans-serif", 13)
                .into_font()
                .transform(FontTransform::Rotate90),
        )
        .axis_desc_style(("sans-serif", 15))
        .draw()
        .map_err(err)?;
    for (i, (name, points)) in lines.series.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        // A period without a value (an empty period's median) breaks the
        // line rather than dropping it to zero.
        let runs = points
            .iter()
            .enumerate()
            .collect::<Vec<_>>()
            .split(|(_, v)| !v.is_finite())
            .map(|run| run.iter().map(|(x, v)| (*x, **v)).collect::<Vec<_>>())
            .collect::<Vec<_>>();
        for (r, run) in runs.iter().enumerate() {
            let series = chart
                .draw_series(std::iter::once(PathElement::new(
                    run.clone(),
                    colour.stroke_width(2),
                )))
                .map_err(err)?;
            if r == 0 {
                series
                    .label(name.as_str())
                    .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], colour));
            }
        }
        chart
            .draw_series(run_points(points).map(|(x, v)| Circle::new((x, v), 3, colour.filled())))
            .map_err(err)?;
    }
    if lines.series.len() > 1 {
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .label_font(("sans-serif", 13))
            .draw()
            .map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

/// The points of a series that have a value.
fn run_points(points: &[f64]) -> impl Iterator<Item = (usize, f64)> + '_ {
    points
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
}
