//! Exported rows (one per decision, payment or fault) as CSV or JSON Lines.
//! Both carry the same columns in the same order; in CSV, lists are joined
//! with `;`, missing values are empty, and text cells a spreadsheet would
//! evaluate are prefixed with `'` (numbers are written as numbers).

use std::io::Write;

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::escape::csv_text;
use crate::parse::{iso_text, Decision, PaymentRole, Warning};

/// Rows per decision, payment or fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// One row per decision, all scalar fields, lists joined.
    Decision,
    /// One row per payment (of the roles asked for; every role unless
    /// asked), with the decision's reference, organisation, category and date.
    Payment,
    /// One row per fault, with its sentence.
    Fault,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// CSV with a header row.
    Csv,
    /// JSON Lines.
    Jsonl,
}

/// The rows of one decision at a level, as ordered column -> value maps;
/// payment rows only for payments whose role is in `roles`.
pub fn rows(d: &Decision, level: Level, roles: &[PaymentRole]) -> Vec<Map<String, Value>> {
    let head = |m: &mut Map<String, Value>| {
        m.insert("reference".into(), json!(d.reference));
        m.insert("organisation".into(), json!(d.organisation));
        m.insert("category".into(), json!(d.category));
        m.insert("subcategory".into(), json!(d.subcategory));
        m.insert("decision_date".into(), json!(d.decision_date.map(iso_text)));
        m.insert("url".into(), json!(d.url));
    };
    match level {
        Level::Decision => {
            let mut m = Map::new();
            head(&mut m);
            let mut kinds: Vec<&str> = d.faults.iter().map(|f| f.kind.as_str()).collect();
            kinds.sort();
            kinds.dedup();
            m.insert("outcome".into(), json!(d.outcome));
            m.insert("complainant".into(), json!(d.complainant));
            m.insert("finding".into(), json!(d.finding));
            m.insert("agreed_total".into(), json!(d.agreed_total));
            m.insert("accepted_total".into(), json!(d.accepted_total));
            // Lump sums, as agreed_total sums them.
            let agreed: Vec<f64> = d
                .agreed_payments()
                .filter(|p| p.period.is_none())
                .map(|p| p.amount)
                .collect();
            m.insert("agreed_payments".into(), json!(agreed));
            m.insert("remedies".into(), json!(d.remedies));
            m.insert(
                "payment_amount_unstated".into(),
                json!(d.payment_amount_unstated),
            );
            m.insert(
                "truncated".into(),
                json!(d.warnings.contains(&Warning::Truncated)),
            );
            m.insert("faults".into(), json!(kinds));
            m.insert("deadline_days".into(), json!(d.deadline_days));
            m.insert("shared_with_ofsted".into(), json!(d.shared_with_ofsted));
            m.insert("source".into(), json!(d.source));
            m.insert("summary".into(), json!(d.summary));
            vec![m]
        }
        Level::Payment => d
            .payments
            .iter()
            .filter(|p| roles.contains(&p.role))
            .map(|p| {
                let mut m = Map::new();
                head(&mut m);
                m.insert("amount".into(), json!(p.amount));
                m.insert("role".into(), json!(p.role));
                m.insert("period".into(), json!(p.period));
                m.insert("purpose".into(), json!(p.purpose));
                m.insert("recipient".into(), json!(p.recipient));
                m.insert("section".into(), json!(p.section));
                m.insert("sentence".into(), json!(p.sentence));
                m
            })
            .collect(),
        Level::Fault => d
            .faults
            .iter()
            .map(|f| {
                let mut m = Map::new();
                head(&mut m);
                m.insert("kind".into(), json!(f.kind));
                m.insert("sentence".into(), json!(f.sentence));
                m
            })
            .collect(),
    }
}

/// Streams rows to `out`; the CSV header comes from the first row's columns.
pub struct ExportWriter<W: Write> {
    sink: Sink<W>,
    wrote_header: bool,
}

enum Sink<W: Write> {
    // Boxed: the CSV writer carries its own buffer.
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
}

impl<W: Write> ExportWriter<W> {
    /// A writer in the chosen format.
    pub fn new(out: W, format: ExportFormat) -> Self {
        let sink = match format {
            ExportFormat::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(out))),
            ExportFormat::Jsonl => Sink::Jsonl(out),
        };
        ExportWriter {
            sink,
            wrote_header: false,
        }
    }

    /// Writes one row.
    pub fn write(&mut self, row: &Map<String, Value>) -> Result<()> {
        match &mut self.sink {
            Sink::Csv(w) => {
                if !self.wrote_header {
                    w.write_record(row.keys())?;
                    self.wrote_header = true;
                }
                w.write_record(row.values().map(cell))?;
            }
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, row)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// Flushes everything written and gives the output back (a file is
    /// committed by its owner only once everything reached it).
    pub fn finish(self) -> Result<W> {
        match self.sink {
            Sink::Csv(w) => Ok(w.into_inner().map_err(|e| e.into_error())?),
            Sink::Jsonl(mut out) => {
                out.flush()?;
                Ok(out)
            }
        }
    }
}

/// A CSV cell: numbers as numbers, text guarded against formulas, lists
/// joined with `;` (guarded as text unless every item is a number), null
/// empty.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => csv_text(s).into_owned(),
        Value::Array(items) => {
            let joined = items.iter().map(plain).collect::<Vec<_>>().join(";");
            if items.iter().all(Value::is_number) {
                joined
            } else {
                csv_text(&joined).into_owned()
            }
        }
        other => plain(other),
    }
}

/// A value's text with no guard: only the start of a whole cell matters.
fn plain(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}
