//! Search hits as a table, JSON Lines or CSV.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::table::write_table;
use super::{json_line, Format, MISSING};
use crate::query::Hit;

const COLUMNS: &[&str] = &[
    "reference",
    "decision_date",
    "organisation",
    "outcome",
    "category",
    "subcategory",
    "score",
    "snippet",
    "source",
];

/// A hit as written to JSON: the snippet carries `<b>…</b>` around matches.
#[derive(Serialize)]
struct JsonHit<'a> {
    reference: &'a str,
    decision_date: &'a Option<String>,
    organisation: &'a Option<String>,
    outcome: &'a Option<String>,
    category: &'a Option<String>,
    subcategory: &'a Option<String>,
    score: f32,
    snippet: String,
    source: &'a str,
}

/// Writes hits in the chosen format.
pub fn write_hits(out: &mut impl Write, hits: &[Hit], format: Format, colour: bool) -> Result<()> {
    match format {
        Format::Json => {
            for h in hits {
                let json = JsonHit {
                    reference: &h.reference,
                    decision_date: &h.decision_date,
                    organisation: &h.organisation,
                    outcome: &h.outcome,
                    category: &h.category,
                    subcategory: &h.subcategory,
                    score: h.score,
                    snippet: marked(h, "<b>", "</b>"),
                    source: &h.source,
                };
                json_line(out, &json)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(COLUMNS)?;
            for h in hits {
                w.write_record(cells(h, h.snippet.clone()))?;
            }
            w.flush()?;
        }
        Format::Table => {
            let (on, off) = if colour {
                ("\u{1b}[1;31m", "\u{1b}[0m")
            } else {
                ("[", "]")
            };
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    let all = cells(h, marked(h, on, off));
                    // reference, date, organisation, outcome, snippet: the snippet last.
                    vec![
                        all[0].clone(),
                        all[1].clone(),
                        all[2].clone(),
                        all[3].clone(),
                        all[7].clone(),
                    ]
                })
                .collect();
            write_table(
                out,
                &["reference", "date", "organisation", "outcome", "snippet"],
                &rows,
            )?;
        }
    }
    Ok(())
}

fn cells(h: &Hit, snippet: String) -> Vec<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| MISSING.to_string());
    vec![
        h.reference.clone(),
        opt(&h.decision_date),
        opt(&h.organisation),
        opt(&h.outcome),
        opt(&h.category),
        opt(&h.subcategory),
        format!("{:.3}", h.score),
        snippet,
        h.source.clone(),
    ]
}

/// The snippet with each highlighted range wrapped in `on`/`off`.
fn marked(h: &Hit, on: &str, off: &str) -> String {
    let mut out = String::with_capacity(h.snippet.len() + 16);
    let mut at = 0;
    for range in &h.highlights {
        let (Some(before), Some(word)) =
            (h.snippet.get(at..range.start), h.snippet.get(range.clone()))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str(on);
        out.push_str(word);
        out.push_str(off);
        at = range.end;
    }
    out.push_str(h.snippet.get(at..).unwrap_or_default());
    out
}
