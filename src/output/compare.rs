//! `stats --compare` as a table, CSV or JSON: one row per group (and per
//! counted value), the selected side's columns then the rest's, each side
//! with its own `n_decisions`, so every share and rate shows its
//! denominator. JSON is the whole [`Comparison`]: both reports.
//!
//! Keys and counted values come from decision files and pass through the
//! medium's escaping, as in [`super::stats`].

use std::io::Write;

use anyhow::Result;

use super::escape::{csv_text, terminal_line};
use super::table::write_table;
use super::{Format, MISSING};
use crate::names::name_of;
use crate::stats::{Comparison, Figures, Statistic, OTHER};

/// The two sides, in column order, with their column prefixes.
const SIDES: [&str; 2] = ["selected", "rest"];

/// Writes a comparison in the chosen format; notes go to `notes` (stderr).
pub fn write_comparison(
    out: &mut impl Write,
    notes: &mut impl Write,
    comparison: &Comparison,
    format: Format,
) -> Result<()> {
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, comparison)?;
        writeln!(out)?;
        return Ok(());
    }
    if format.is_csv() {
        super::start_csv(out, format)?;
        let (headers, rows) = rows(comparison, &|t| csv_text(t).into_owned());
        let mut w = csv::Writer::from_writer(&mut *out);
        w.write_record(&headers)?;
        for row in &rows {
            w.write_record(row)?;
        }
        w.flush()?;
    } else {
        let (headers, rows) = rows(comparison, &|t| terminal_line(t).into_owned());
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        write_table(out, &headers, &rows)?;
    }
    let sides = [&comparison.selected, &comparison.rest];
    writeln!(
        notes,
        "note: selected = {} ({} decisions); rest = the other {} decisions of the set",
        terminal_line(&comparison.compare.label),
        sides[0].n_decisions,
        sides[1].n_decisions
    )?;
    for (side, report) in SIDES.iter().zip(sides) {
        for note in &report.notes {
            writeln!(notes, "note: {side}: {}", terminal_line(note))?;
        }
    }
    Ok(())
}

/// One side's cells for one row: what a side has for a key (and value).
type Side<'a> = Option<(usize, &'a Figures)>;

/// Header and rows shared by table and CSV.
fn rows(c: &Comparison, text: &dyn Fn(&str) -> String) -> (Vec<String>, Vec<Vec<String>>) {
    let by: Vec<String> = c
        .selected
        .request
        .by
        .iter()
        .map(|f| name_of(f).to_string())
        .collect();
    let mut headers = by.clone();
    if headers.is_empty() {
        headers.push("set".into());
    }
    let value_column = match c.what {
        Statistic::Payments => None,
        Statistic::Outcomes => Some("outcome"),
        Statistic::Faults => Some("fault"),
        Statistic::Remedies => Some("remedy"),
    };
    headers.extend(value_column.map(String::from));
    let tail: &[&str] = match c.what {
        Statistic::Payments => &["n_decisions", "n", "median", "mean"],
        Statistic::Outcomes => &[
            "n_decisions",
            "count",
            "share",
            "upheld_rate_with_outcome",
            "upheld_rate_investigated",
        ],
        Statistic::Faults | Statistic::Remedies => &["n_decisions", "count", "share"],
    };
    for side in SIDES {
        headers.extend(tail.iter().map(|t| format!("{side}_{t}")));
    }

    let mut rows = Vec::new();
    let all: [Side; 2] = [
        Some((c.selected.n_decisions, &c.selected.figures)),
        Some((c.rest.n_decisions, &c.rest.figures)),
    ];
    let width = by.len().max(1);
    push_rows(c.what, vec!["(all)".into(); width], all, text, &mut rows);
    for (key, sides) in joined_groups(c, &by) {
        let key = key.iter().map(|k| text(k)).collect();
        push_rows(c.what, key, sides, text, &mut rows);
    }
    (headers, rows)
}

/// The groups of both sides joined by key: the selected side's groups in
/// its order, then those only the rest has; a time key's rows are put back
/// in time order (undated and folded rows last).
fn joined_groups<'a>(c: &'a Comparison, by: &[String]) -> Vec<(Vec<String>, [Side<'a>; 2])> {
    let key_of = |g: &crate::stats::Group| -> Vec<String> {
        by.iter()
            .map(|f| g.key.get(f).cloned().unwrap_or_default())
            .collect()
    };
    let mut joined: Vec<(Vec<String>, [Side<'a>; 2])> = Vec::new();
    for (i, report) in [&c.selected, &c.rest].into_iter().enumerate() {
        for g in report.groups.iter().flatten() {
            let key = key_of(g);
            let at = match joined.iter().position(|(k, _)| *k == key) {
                Some(at) => at,
                None => {
                    joined.push((key, [None, None]));
                    joined.len() - 1
                }
            };
            joined[at].1[i] = Some((g.n_decisions, &g.figures));
        }
    }
    if let Some(span) = c.selected.request.by.first().and_then(|f| f.span()) {
        let when = |key: &[String]| match key.first().map(String::as_str) {
            Some(OTHER) => (2, 0),
            Some(label) => span.parse(label).map_or((1, 0), |p| (0, p)),
            None => (1, 0),
        };
        joined.sort_by_key(|(key, _)| when(key));
    }
    joined
}

/// The rows of one key: one for payments, one per counted value otherwise
/// (the values of both sides, the selected side's first).
fn push_rows(
    what: Statistic,
    key: Vec<String>,
    sides: [Side; 2],
    text: &dyn Fn(&str) -> String,
    rows: &mut Vec<Vec<String>>,
) {
    let n = |side: Side| side.map_or(0, |(n, _)| n).to_string();
    let rate = |x: Option<f64>| x.map_or_else(|| MISSING.to_string(), |x| format!("{x:.3}"));
    let money = |x: Option<f64>| x.map_or_else(|| MISSING.to_string(), |x| format!("{x:.2}"));
    if what == Statistic::Payments {
        let mut row = key;
        for side in sides {
            let summary = side.and_then(|(_, f)| f.stats.as_ref());
            row.extend([
                n(side),
                summary.map_or(0, |s| s.n).to_string(),
                money(summary.and_then(|s| s.median)),
                money(summary.and_then(|s| s.mean)),
            ]);
        }
        rows.push(row);
        return;
    }
    let mut values: Vec<&str> = Vec::new();
    for (_, figures) in sides.iter().flatten() {
        for count in figures.counts.iter().flatten() {
            if !values.contains(&count.value.as_str()) {
                values.push(&count.value);
            }
        }
    }
    if values.is_empty() {
        // An empty period still has its row, with counts of 0.
        values.push("");
    }
    for value in values {
        let mut row = key.clone();
        row.push(if value.is_empty() {
            MISSING.to_string()
        } else {
            text(value)
        });
        for side in sides {
            let count = side.and_then(|(_, f)| {
                f.counts
                    .iter()
                    .flatten()
                    .find(|c| c.value == value)
                    .map(|c| (c.count, c.share))
            });
            row.push(n(side));
            row.push(count.map_or(0, |c| c.0).to_string());
            // A share of no decisions is missing, not 0.
            let decisions = side.map_or(0, |(n, _)| n);
            row.push(if decisions == 0 {
                MISSING.to_string()
            } else {
                rate(Some(count.map_or(0.0, |c| c.1)))
            });
            if what == Statistic::Outcomes {
                let rates = side.and_then(|(_, f)| f.upheld_rate.as_ref());
                row.push(rate(rates.and_then(|r| r.of_decisions_with_outcome.rate)));
                row.push(rate(rates.and_then(|r| r.of_investigated.rate)));
            }
        }
        rows.push(row);
    }
}
