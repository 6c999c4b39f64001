//! Exported rows (one per decision, payment or fault) as CSV or JSON Lines.
//! Both carry the same columns in the same order; in CSV, lists are joined
//! with `;` and missing values are empty.

use std::io::Write;

use anyhow::Result;
use serde_json::{json, Map, Value};

use crate::parse::Decision;

/// Rows per decision, payment or fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// One row per decision, all scalar fields, lists joined.
    Decision,
    /// One row per payment (every role), with the decision's reference,
    /// organisation, category and date.
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

/// The rows of one decision at a level, as ordered column -> value maps.
pub fn rows(d: &Decision, level: Level) -> Vec<Map<String, Value>> {
    let head = |m: &mut Map<String, Value>| {
        m.insert("reference".into(), json!(d.reference));
        m.insert("organisation".into(), json!(d.organisation));
        m.insert("category".into(), json!(d.category));
        m.insert("subcategory".into(), json!(d.subcategory));
        m.insert("decision_date".into(), json!(d.decision_date));
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
            m.insert(
                "agreed_payments".into(),
                json!(d.agreed_payments().map(|p| p.amount).collect::<Vec<_>>()),
            );
            m.insert("remedies".into(), json!(d.remedies));
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
            .map(|p| {
                let mut m = Map::new();
                head(&mut m);
                m.insert("amount".into(), json!(p.amount));
                m.insert("role".into(), json!(p.role));
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
    format: ExportFormat,
    csv: Option<csv::Writer<W>>,
    plain: Option<W>,
    wrote_header: bool,
}

impl<W: Write> ExportWriter<W> {
    /// A writer in the chosen format.
    pub fn new(out: W, format: ExportFormat) -> Self {
        match format {
            ExportFormat::Csv => ExportWriter {
                format,
                csv: Some(csv::Writer::from_writer(out)),
                plain: None,
                wrote_header: false,
            },
            ExportFormat::Jsonl => ExportWriter {
                format,
                csv: None,
                plain: Some(out),
                wrote_header: false,
            },
        }
    }

    /// Writes one row.
    pub fn write(&mut self, row: &Map<String, Value>) -> Result<()> {
        match (self.format, &mut self.csv, &mut self.plain) {
            (ExportFormat::Csv, Some(w), _) => {
                if !self.wrote_header {
                    w.write_record(row.keys())?;
                    self.wrote_header = true;
                }
                w.write_record(row.values().map(cell))?;
            }
            (_, _, Some(out)) => {
                serde_json::to_writer(&mut *out, row)?;
                out.write_all(b"\n")?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Flushes everything written.
    pub fn finish(mut self) -> Result<()> {
        if let Some(w) = &mut self.csv {
            w.flush()?;
        }
        if let Some(out) = &mut self.plain {
            out.flush()?;
        }
        Ok(())
    }
}

/// A CSV cell: strings as is, lists joined with `;`, null empty.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}
