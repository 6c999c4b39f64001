//! Statistics reports as a table (with an inline bar column), CSV or JSON.
//!
//! Table and CSV share one set of rows: for payments, one row for the whole
//! set (key `(all)`) then one per group; for outcomes and kinds, one row per
//! (group, value) pair. JSON is the whole [`StatsReport`] as one document.
//!
//! Group keys and counted values (organisation names, outcomes, taxonomy
//! kinds) come from decision files, so they pass through the medium's
//! escaping: control characters shown escaped in tables and notes, text
//! cells guarded against formulas in CSV. Numeric columns are left alone.

use std::io::Write;

use anyhow::Result;

use super::escape::{csv_text, terminal_line};
use super::table::write_table;
use super::{Format, MISSING};
use crate::names::name_of;
use crate::stats::{Count, Figures, Statistic, StatsReport};

/// Writes a report in the chosen format; notes go to `notes` (stderr).
pub fn write_stats(
    out: &mut impl Write,
    notes: &mut impl Write,
    report: &StatsReport,
    format: Format,
) -> Result<()> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, report)?;
        writeln!(out)?;
        return Ok(());
    }
    match format {
        Format::Csv => {
            let (headers, rows) = rows(report, &|t| csv_text(t).into_owned());
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(&headers)?;
            for row in &rows {
                w.write_record(row)?;
            }
            w.flush()?;
        }
        _ => {
            let (headers, rows) = rows(report, &|t| terminal_line(t).into_owned());
            let mut headers: Vec<&str> = headers.iter().map(String::as_str).collect();
            headers.push("");
            let bar_from = count_column(report);
            let max = rows
                .iter()
                .filter_map(|r| r.get(bar_from)?.parse::<f64>().ok())
                .fold(0.0, f64::max);
            let rows: Vec<Vec<String>> = rows
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
            write_table(out, &headers, &rows)?;
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
                write_table(out, &["payment size", "count", ""], &hrows)?;
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
                            format!("{:.1}%", c.share_of_fault * 100.0),
                        ]
                    })
                    .collect();
                write_table(out, &["fault", "remedy", "decisions", "of fault"], &crows)?;
            }
        }
    }
    if format != Format::Json {
        for note in &report.notes {
            writeln!(notes, "note: {}", terminal_line(note))?;
        }
    }
    Ok(())
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
    v.map(|x| format!("{:.2}", x))
        .unwrap_or_else(|| MISSING.to_string())
}

/// Header and rows shared by table and CSV; `text` makes a cell that holds
/// text from the data (a group key or counted value) safe for the medium.
fn rows(report: &StatsReport, text: &dyn Fn(&str) -> String) -> (Vec<String>, Vec<Vec<String>>) {
    let by: Vec<String> = report
        .request
        .by
        .iter()
        .map(|f| name_of(f).to_string())
        .collect();
    let mut headers = if by.is_empty() {
        vec!["set".to_string()]
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
                if counts.is_empty() && n == 0 {
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
                        text(&c.value),
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
                .map(|f| g.key.get(f).map(|k| text(k)).unwrap_or_default())
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
    headers.extend(tail.iter().map(|s| s.to_string()));
    (headers, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::collect::{Facts, Names};
    use crate::stats::{report, GroupField, StatsRequest};

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
        write_stats(&mut out, &mut notes, &outcomes_by_organisation(), format).unwrap();
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
        // The table adds only an unnamed bar column at the end.
        let header: Vec<&str> = lines[0].split_whitespace().collect();
        assert_eq!(header, csv_rows[0]);
        assert_eq!(lines.len(), csv_rows.len() + 1, "{table}");
        for (line, row) in lines[2..].iter().zip(&csv_rows[1..]) {
            let cells: Vec<&str> = line
                .split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty() && !c.starts_with('█'))
                .collect();
            let expected: Vec<&str> = row
                .iter()
                .map(String::as_str)
                .filter(|c| !c.is_empty())
                .collect();
            assert_eq!(cells, expected, "{line}");
        }
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
