//! `stats --compare` as a table, CSV or JSON Lines (through
//! [`super::rows`]) or one JSON document: one row per group (and per
//! counted value), the selected side's columns then the rest's, each side
//! with its own `n_decisions`, so every share and rate shows its
//! denominator. JSON is the whole [`Comparison`]: both reports.
//!
//! Keys and counted values come from decision files; [`super::rows`]
//! escapes them for the medium, as for [`super::stats`].

use std::io::Write;

use anyhow::Result;

use super::escape::terminal_line;
use super::rows::{inferred_kind, write_rows};
use super::table::left_out_note;
use super::{json_document, Column, Format, MISSING};
use crate::names::name_of;
use crate::stats::{Comparison, Figures, Statistic, OTHER};

/// The two sides' columns for payments, declared once: the selected side's
/// then the rest's.
const PAYMENTS: &[Column] = &[
    Column::number("selected_n_decisions", "sel. decisions"),
    Column::number("selected_n", "sel. n"),
    Column::number("selected_median", "sel. median"),
    Column::number("selected_mean", "sel. mean"),
    Column::number("rest_n_decisions", "rest decisions"),
    Column::number("rest_n", "rest n"),
    Column::number("rest_median", "rest median"),
    Column::number("rest_mean", "rest mean"),
];

/// The two sides' columns for outcomes.
const OUTCOMES: &[Column] = &[
    Column::number("selected_n_decisions", "sel. decisions"),
    Column::number("selected_count", "sel. count"),
    Column::number("selected_share", "sel. share"),
    Column::number("selected_upheld_rate_with_outcome", "sel. upheld rate"),
    Column::number("selected_upheld_rate_investigated", "sel. of investigated"),
    Column::number("rest_n_decisions", "rest decisions"),
    Column::number("rest_count", "rest count"),
    Column::number("rest_share", "rest share"),
    Column::number("rest_upheld_rate_with_outcome", "rest upheld rate"),
    Column::number("rest_upheld_rate_investigated", "rest of investigated"),
];

/// The two sides' columns for faults and remedies.
const KINDS: &[Column] = &[
    Column::number("selected_n_decisions", "sel. decisions"),
    Column::number("selected_count", "sel. count"),
    Column::number("selected_share", "sel. share"),
    Column::number("rest_n_decisions", "rest decisions"),
    Column::number("rest_count", "rest count"),
    Column::number("rest_share", "rest share"),
];

/// The sides in column order, as the notes name them.
const SIDES: [&str; 2] = ["selected", "rest"];

/// Writes a comparison in the chosen format, a table fitted to `width`
/// (none: not cut); notes go to `notes` (stderr).
pub fn write_comparison(
    out: &mut impl Write,
    notes: &mut impl Write,
    comparison: &Comparison,
    format: Format,
    width: Option<usize>,
) -> Result<()> {
    if format == Format::Json {
        return json_document(out, comparison);
    }
    let (mut columns, mut rows) = rows(comparison);
    if format == Format::Table && comparison.selected.request.by.is_empty() {
        // No groups: the `set (all)` key says nothing, as in stats.
        columns.remove(0);
        rows.iter_mut().for_each(|r| {
            r.remove(0);
        });
    }
    let left_out = write_rows(out, format, &columns, &rows, width)?;
    if let Some(note) = left_out_note(&left_out, width) {
        writeln!(notes, "{note}")?;
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

/// The columns and rows shared by table, CSV and JSON Lines, text cells as
/// the data has them ([`write_rows`] escapes them for the medium).
fn rows(c: &Comparison) -> (Vec<Column>, Vec<Vec<String>>) {
    let by: Vec<&'static str> = c.selected.request.by.iter().map(|f| name_of(f)).collect();
    let value_column = match c.what {
        Statistic::Payments => None,
        Statistic::Outcomes => Some(Column::text("outcome", "outcome")),
        Statistic::Faults => Some(Column::text("fault", "fault")),
        Statistic::Remedies => Some(Column::text("remedy", "remedy")),
    };
    let sides = match c.what {
        Statistic::Payments => PAYMENTS,
        Statistic::Outcomes => OUTCOMES,
        Statistic::Faults | Statistic::Remedies => KINDS,
    };

    let mut rows = Vec::new();
    let all: [Side; 2] = [
        Some((c.selected.n_decisions, &c.selected.figures)),
        Some((c.rest.n_decisions, &c.rest.figures)),
    ];
    let width = by.len().max(1);
    push_rows(c.what, vec!["(all)".into(); width], all, &mut rows);
    for (key, sides) in joined_groups(c, &by) {
        push_rows(c.what, key, sides, &mut rows);
    }
    let keys = if by.is_empty() { vec!["set"] } else { by };
    let columns = keys
        .iter()
        .enumerate()
        .map(|(i, &name)| Column {
            name,
            title: name,
            kind: inferred_kind(&rows, i),
        })
        .chain(value_column)
        .chain(sides.iter().copied())
        .collect();
    (columns, rows)
}

/// The groups of both sides joined by key: the selected side's groups in
/// its order, then those only the rest has; a time key's rows are put back
/// in time order (undated and folded rows last).
fn joined_groups<'a>(c: &'a Comparison, by: &[&str]) -> Vec<(Vec<String>, [Side<'a>; 2])> {
    let key_of = |g: &crate::stats::Group| -> Vec<String> {
        by.iter()
            .map(|f| g.key.get(*f).cloned().unwrap_or_default())
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
fn push_rows(what: Statistic, key: Vec<String>, sides: [Side; 2], rows: &mut Vec<Vec<String>>) {
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
            value.to_string()
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
