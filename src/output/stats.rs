//! Statistics reports as a table (with a bar column), CSV, JSON or JSON Lines.
//!
//! Table, CSV and JSON Lines share one set of rows, whose columns are
//! declared in [`COLUMNS`]: for payments, one row for the whole set (key
//! `(all)`) then one per group; for outcomes and kinds, one row per (group,
//! value) pair. JSON is the whole [`StatsReport`] as one document. The table
//! leaves out the `set` column of an ungrouped report and any column empty in
//! every row, and fits the terminal.
//!
//! Group keys and counted values (organisation names, outcomes, taxonomy
//! kinds) come from decision files, so they pass through the medium's
//! escaping: control characters shown escaped in tables and notes, text
//! cells guarded against formulas in CSV. Numeric columns are left alone.

use std::io::Write;

use anyhow::Result;

use super::escape::terminal_line;
use super::rows::{inferred_kind, table_cells, write_rows};
use super::table::{left_out_note, natural_width, write_fitted};
use super::{json_document, number, Column, Format, Kind, MISSING};
use crate::names::name_of;
use crate::stats::{Count, Figures, Statistic, StatsReport};

/// The columns a stats row can have beyond its group keys, declared once:
/// the CSV header and JSON Lines key, the table title, and the kind. A
/// column not listed here (a group key) is text unless every cell is a
/// number.
pub const COLUMNS: &[Column] = &[
    Column::number("n_decisions", "decisions"),
    Column::number("n", "n"),
    Column::number("sum", "sum"),
    Column::number("mean", "mean"),
    Column::number("min", "min"),
    Column::number("p25", "p25"),
    Column::number("median", "median"),
    Column::number("p75", "p75"),
    Column::number("p90", "p90"),
    Column::number("max", "max"),
    Column::number("share_with_payment", "with payment"),
    Column::text("outcome", "outcome"),
    Column::text("fault", "fault"),
    Column::text("remedy", "remedy"),
    Column::number("count", "count"),
    Column::number("share", "share"),
    Column::number("upheld_rate_with_outcome", "upheld rate"),
    Column::number("upheld_rate_investigated", "of investigated"),
    Column::text("flag", "flag"),
];

/// Writes a report in the chosen format, a table fitted to the terminal
/// ([`super::terminal_width`]); notes go to `notes` (stderr).
pub fn write_stats(
    out: &mut impl Write,
    notes: &mut impl Write,
    report: &StatsReport,
    format: Format,
) -> Result<()> {
    write_stats_fitted(out, notes, report, format, super::terminal_width())
}

/// [`write_stats`] with a table fitted to `width` (none: not cut).
pub fn write_stats_fitted(
    out: &mut impl Write,
    notes: &mut impl Write,
    report: &StatsReport,
    format: Format,
    width: Option<usize>,
) -> Result<()> {
    match format {
        Format::Json => return json_document(out, report),
        Format::Table => write_tables(out, notes, report, width)?,
        Format::Csv | Format::CsvExcel | Format::Jsonl => {
            let (columns, rows) = rows(report);
            write_rows(out, format, &columns, &rows, None)?;
        }
    }
    for note in &report.notes {
        writeln!(notes, "note: {}", terminal_line(note))?;
    }
    Ok(())
}

/// The table of rows (with a bar drawn for each count), then the histogram
/// and the fault x remedy tables when asked for.
fn write_tables(
    out: &mut impl Write,
    notes: &mut impl Write,
    report: &StatsReport,
    width: Option<usize>,
) -> Result<()> {
    let (mut columns, rows) = rows(report);
    let bar_from = count_column(report);
    let max = rows
        .iter()
        .filter_map(|r| r.get(bar_from)?.parse::<f64>().ok())
        .fold(0.0, f64::max);
    let mut rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|mut r| {
            let n = r
                .get(bar_from)
                .and_then(|c| c.parse::<f64>().ok())
                .unwrap_or(0.0);
            r.push(bar(n, max));
            r
        })
        .collect();
    // Bars are never cut: a table too wide for them goes without.
    columns.push(Column::number("bar", "bar"));
    if report.request.by.is_empty() {
        // One row for the whole set: its `set (all)` key says nothing.
        columns.remove(0);
        rows.iter_mut().for_each(|r| {
            r.remove(0);
        });
    }
    let titles: Vec<&str> = columns.iter().map(|c| c.title).collect();
    if width.is_some_and(|w| natural_width(&titles, &table_cells(&columns, &rows)) > w) {
        // Too wide: the bar, which only repeats its count, goes before any
        // text is cut.
        columns.pop();
        rows.iter_mut().for_each(|r| {
            r.pop();
        });
    }
    let mut left_out = write_rows(out, Format::Table, &columns, &rows, width)?;
    if let Some(histogram) = &report.histogram {
        writeln!(out)?;
        let max = histogram.iter().map(|b| b.count as f64).fold(0.0, f64::max);
        let hrows: Vec<Vec<String>> = histogram
            .iter()
            .map(|b| {
                vec![
                    terminal_line(&b.label).into_owned(),
                    b.count.to_string(),
                    bar(b.count as f64, max),
                ]
            })
            .collect();
        let kinds = [Kind::Text, Kind::Number, Kind::Number];
        // The histogram's bars are narrow and the point of it: kept.
        left_out.extend(write_fitted(
            out,
            &["payment size", "count", "bar"],
            &kinds,
            &hrows,
            width,
        )?);
    }
    if let Some(cross) = &report.cross {
        writeln!(out)?;
        let crows: Vec<Vec<String>> = cross
            .iter()
            .map(|c| {
                vec![
                    terminal_line(&c.fault).into_owned(),
                    terminal_line(&c.remedy).into_owned(),
                    c.count.to_string(),
                    format!("{}%", number(c.share_of_fault * 100.0, 1)),
                ]
            })
            .collect();
        let kinds = [Kind::Text, Kind::Text, Kind::Number, Kind::Number];
        left_out.extend(write_fitted(
            out,
            &["fault", "remedy", "decisions", "of fault"],
            &kinds,
            &crows,
            width,
        )?);
    }
    // A bar only repeats its count: leaving it out is not worth a note.
    left_out.retain(|title| title != "bar");
    if let Some(note) = left_out_note(&left_out, width) {
        writeln!(notes, "{note}")?;
    }
    Ok(())
}

/// The column named `name`, in place `i` of `rows`: as declared in
/// [`COLUMNS`], else a group key (its title its name), a number when every
/// cell with a value is one (a year).
fn column(name: &'static str, rows: &[Vec<String>], i: usize) -> Column {
    COLUMNS
        .iter()
        .find(|c| c.name == name)
        .copied()
        .unwrap_or(Column {
            name,
            title: name,
            kind: inferred_kind(rows, i),
        })
}

/// The column holding the count a bar is drawn for: `n` for payments,
/// `count` otherwise, after the key columns.
fn count_column(report: &StatsReport) -> usize {
    let keys = report.request.by.len().max(1);
    match report.what {
        Statistic::Payments => keys + 1,
        _ => keys + 2,
    }
}

fn bar(n: f64, max: f64) -> String {
    if max <= 0.0 {
        return String::new();
    }
    "█".repeat(((n / max) * 20.0).round() as usize)
}

fn money(v: Option<f64>) -> String {
    v.map(|x| number(x, 2))
        .unwrap_or_else(|| MISSING.to_string())
}

/// The columns and rows shared by table, CSV and JSON Lines, text cells as
/// the data has them ([`write_rows`] escapes them for the medium).
fn rows(report: &StatsReport) -> (Vec<Column>, Vec<Vec<String>>) {
    let by: Vec<&'static str> = report.request.by.iter().map(|f| name_of(f)).collect();
    let mut headers: Vec<&'static str> = if by.is_empty() {
        vec!["set"]
    } else {
        by.clone()
    };
    let mut rows = Vec::new();
    let all_key = vec!["(all)".to_string(); headers.len()];
    let push = |key: Vec<String>,
                n: usize,
                figures: &Figures,
                other: bool,
                rows: &mut Vec<Vec<String>>| {
        let flag = if other { "folded" } else { "" }.to_string();
        match report.what {
            Statistic::Payments => {
                if let Some(s) = &figures.stats {
                    let mut row = key;
                    row.extend([
                        n.to_string(),
                        s.n.to_string(),
                        // An empty period has no sum to report, not £0.
                        if n == 0 {
                            MISSING.to_string()
                        } else {
                            format!("{:.2}", s.sum)
                        },
                        money(s.mean),
                        money(s.min),
                        money(s.p25),
                        money(s.median),
                        money(s.p75),
                        money(s.p90),
                        money(s.max),
                        s.share_with_payment
                            .map(|x| format!("{x:.3}"))
                            .unwrap_or_else(|| MISSING.into()),
                        flag,
                    ]);
                    rows.push(row);
                }
            }
            _ => {
                let empty = Vec::new();
                let counts: &Vec<Count> = figures.counts.as_ref().unwrap_or(&empty);
                let rate = figures.upheld_rate.as_ref();
                // An empty period still has its row: no value, a count of 0.
                // The whole set matching nothing is the header alone.
                let whole_set = key.iter().all(|k| k == "(all)");
                if counts.is_empty() && n == 0 && !whole_set {
                    let mut row = key.clone();
                    row.extend([n.to_string(), MISSING.into(), "0".into(), MISSING.into()]);
                    if rate.is_some() {
                        row.extend([MISSING.to_string(), MISSING.to_string()]);
                    }
                    row.push(flag.clone());
                    rows.push(row);
                }
                for c in counts {
                    let mut row = key.clone();
                    row.extend([
                        n.to_string(),
                        c.value.clone(),
                        c.count.to_string(),
                        format!("{:.3}", c.share),
                    ]);
                    if let Some(r) = rate {
                        row.push(
                            r.of_decisions_with_outcome
                                .rate
                                .map(|x| format!("{x:.3}"))
                                .unwrap_or_else(|| MISSING.into()),
                        );
                        row.push(
                            r.of_investigated
                                .rate
                                .map(|x| format!("{x:.3}"))
                                .unwrap_or_else(|| MISSING.into()),
                        );
                    }
                    row.push(flag.clone());
                    rows.push(row);
                }
            }
        }
    };
    push(
        all_key,
        report.n_decisions,
        &report.figures,
        false,
        &mut rows,
    );
    {
        for g in report.groups.iter().flatten() {
            let key: Vec<String> = by
                .iter()
                .map(|f| g.key.get(*f).cloned().unwrap_or_default())
                .collect();
            push(key, g.n_decisions, &g.figures, g.other, &mut rows);
        }
    }
    let tail: &[&str] = match report.what {
        Statistic::Payments => &[
            "n_decisions",
            "n",
            "sum",
            "mean",
            "min",
            "p25",
            "median",
            "p75",
            "p90",
            "max",
            "share_with_payment",
            "flag",
        ],
        Statistic::Outcomes => &[
            "n_decisions",
            "outcome",
            "count",
            "share",
            "upheld_rate_with_outcome",
            "upheld_rate_investigated",
            "flag",
        ],
        Statistic::Faults => &["n_decisions", "fault", "count", "share", "flag"],
        Statistic::Remedies => &["n_decisions", "remedy", "count", "share", "flag"],
    };
    headers.extend(tail);
    let columns = headers
        .iter()
        .enumerate()
        .map(|(i, name)| column(name, &rows, i))
        .collect();
    (columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::collect::{Facts, Names};
    use crate::stats::{report, GroupField, StatsRequest};

    /// The table title of a column named `name` (its name when not declared).
    fn title(name: &str) -> &str {
        COLUMNS
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.title)
            .unwrap_or(name)
    }

    /// Outcomes grouped by organisation over four hand-built decisions: one
    /// without an organisation, one without an outcome.
    fn outcomes_by_organisation() -> StatsReport {
        let (names, n) = Names::interned(&["Alpha", "Beta", "Upheld", "Not upheld"]);
        let facts = [
            Facts {
                organisation: Some(n[0]),
                outcome: Some(n[2]),
                ..Facts::default()
            },
            Facts {
                organisation: Some(n[0]),
                outcome: Some(n[3]),
                ..Facts::default()
            },
            Facts {
                organisation: Some(n[1]),
                ..Facts::default()
            },
            Facts {
                outcome: Some(n[2]),
                ..Facts::default()
            },
        ];
        let refs: Vec<&Facts> = facts.iter().collect();
        let request = StatsRequest::plain(Statistic::Outcomes, &[GroupField::Organisation]);
        report(&refs, &names, request)
    }

    fn written(format: Format) -> (String, String) {
        let (mut out, mut notes) = (Vec::new(), Vec::new());
        write_stats_fitted(
            &mut out,
            &mut notes,
            &outcomes_by_organisation(),
            format,
            None,
        )
        .unwrap();
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(notes).unwrap(),
        )
    }

    #[test]
    fn write_stats_table_and_csv_carry_the_same_columns_and_rows() {
        let (csv_text, _) = written(Format::Csv);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(csv_text.as_bytes());
        let csv_rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(
            csv_rows[0],
            [
                "organisation",
                "n_decisions",
                "outcome",
                "count",
                "share",
                "upheld_rate_with_outcome",
                "upheld_rate_investigated",
                "flag"
            ]
        );
        // The whole set first, then each group by count then value.
        let keys: Vec<&str> = csv_rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(
            keys,
            ["(all)", "(all)", "(all)", "Alpha", "Alpha", "(none)", "Beta"]
        );

        let (table, _) = written(Format::Table);
        let lines: Vec<&str> = table.lines().collect();
        // The table titles the same columns, leaves out the flag column no
        // row fills, and adds a bar column at the end.
        let header: Vec<&str> = lines[0]
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let expected: Vec<&str> = csv_rows[0]
            .iter()
            .filter(|h| *h != "flag")
            .map(|h| title(h))
            .chain(["bar"])
            .collect();
        assert_eq!(header, expected);
        assert_eq!(lines.len(), csv_rows.len() + 1, "{table}");
        for (line, row) in lines[2..].iter().zip(&csv_rows[1..]) {
            let cells: Vec<&str> = line
                .split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty() && !c.starts_with('█'))
                .collect();
            // CSV's empty cell is the table's missing marker; the flag
            // column (empty in every row) is not in the table.
            let flag = csv_rows[0].iter().position(|h| h == "flag");
            let expected: Vec<&str> = row
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != flag)
                .map(|(_, c)| if c.is_empty() { MISSING } else { c.as_str() })
                .collect();
            assert_eq!(cells, expected, "{line}");
        }
    }

    #[test]
    fn write_stats_csv_leaves_missing_values_empty_and_jsonl_writes_rows_as_objects() {
        let (csv_text, _) = written(Format::Csv);
        assert!(
            !csv_text
                .lines()
                .skip(1)
                .any(|l| l.split(',').any(|c| c == MISSING)),
            "{csv_text}"
        );
        let (jsonl, _) = written(Format::Jsonl);
        let rows: Vec<serde_json::Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), csv_text.lines().count() - 1);
        assert_eq!(rows[0]["organisation"], "(all)");
        assert!(rows[0]["count"].is_number(), "{}", rows[0]);
        assert!(rows[0]["n_decisions"].is_number());
        let beta = rows.iter().find(|r| r["organisation"] == "Beta").unwrap();
        assert_eq!(beta["upheld_rate_with_outcome"], serde_json::Value::Null);
        let (excel, _) = written(Format::CsvExcel);
        assert_eq!(excel.strip_prefix('\u{feff}'), Some(csv_text.as_str()));
    }

    #[test]
    fn a_table_fits_the_width_and_says_what_it_left_out() {
        let (mut out, mut notes) = (Vec::new(), Vec::new());
        let report = outcomes_by_organisation();
        write_stats_fitted(&mut out, &mut notes, &report, Format::Table, Some(40)).unwrap();
        let table = String::from_utf8(out).unwrap();
        assert!(table.lines().all(|l| l.chars().count() <= 40), "{table}");
        let notes = String::from_utf8(notes).unwrap();
        assert!(notes.contains("left out to fit 40 columns"), "{notes}");
    }

    #[test]
    fn a_table_too_wide_for_its_bars_drops_them_before_cutting_text() {
        let (mut out, mut notes) = (Vec::new(), Vec::new());
        let report = outcomes_by_organisation();
        write_stats_fitted(&mut out, &mut notes, &report, Format::Table, Some(90)).unwrap();
        let table = String::from_utf8(out).unwrap();
        assert!(!table.contains('█') && !table.contains('…'), "{table}");
        assert!(table.contains("(no outcome line)"), "{table}");
        assert!(!String::from_utf8(notes)
            .unwrap()
            .contains("left out to fit"));
    }

    #[test]
    fn write_stats_json_is_the_report_and_notes_stay_out_of_tables() {
        let (json, notes) = written(Format::Json);
        assert!(notes.is_empty());
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["what"], "outcomes");
        assert_eq!(value["n_decisions"], 4);
        let groups = value["groups"].as_array().unwrap();
        let keys: Vec<&str> = groups
            .iter()
            .map(|g| g["key"]["organisation"].as_str().unwrap())
            .collect();
        // The same groups in the same order as the table and CSV rows.
        assert_eq!(keys, ["Alpha", "(none)", "Beta"]);
        let counts = value["counts"].as_array().unwrap();
        assert_eq!(counts[0]["value"], "Upheld");
        assert_eq!(counts[0]["count"], 2);
        // Table and CSV send the notes to the other stream.
        let (table, notes) = written(Format::Table);
        assert!(!table.contains("note:"));
        assert_eq!(
            notes.is_empty(),
            value["notes"].as_array().unwrap().is_empty()
        );
    }
}
