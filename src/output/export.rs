//! Exported rows (one per decision, payment or fault) as CSV, one JSON array
//! or JSON Lines. All carry the columns [`columns`] declares, in that order;
//! CSV has its header even when no row follows; in CSV, lists are joined
//! with `;`, missing values are empty, and text cells a spreadsheet would
//! evaluate are prefixed with `'` (numbers are written as numbers).

use std::io::Write;

use anyhow::Result;
use serde_json::{json, Map, Value};

use super::escape::csv_text;
use super::{start_csv, unsigned_zero, Column, Format, JsonList};
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

/// The formats `export` writes (a table of whole decisions would not be read).
pub const FORMATS: &[Format] = &[Format::Csv, Format::CsvExcel, Format::Json, Format::Jsonl];

/// The columns of every row, for the head of each level's columns.
const HEAD: [Column; 6] = [
    Column::text("reference", "reference"),
    Column::text("organisation", "organisation"),
    Column::text("category", "category"),
    Column::text("subcategory", "subcategory"),
    Column::text("decision_date", "date"),
    Column::text("url", "url"),
];

const fn head_and<const N: usize, const M: usize>(tail: [Column; M]) -> [Column; N] {
    let mut all = [HEAD[0]; N];
    let mut i = 0;
    while i < N {
        all[i] = if i < HEAD.len() {
            HEAD[i]
        } else {
            tail[i - HEAD.len()]
        };
        i += 1;
    }
    all
}

const DECISION: [Column; 20] = head_and([
    Column::text("outcome", "outcome"),
    Column::text("complainant", "complainant"),
    Column::text("finding", "finding"),
    Column::number("agreed_total", "agreed total"),
    Column::number("accepted_total", "accepted total"),
    Column::number("agreed_payments", "agreed payments"),
    Column::text("remedies", "remedies"),
    Column::text("payment_amount_unstated", "amount unstated"),
    Column::text("truncated", "truncated"),
    Column::text("faults", "faults"),
    Column::number("deadline_days", "deadline days"),
    Column::text("shared_with_ofsted", "shared with Ofsted"),
    Column::text("source", "source"),
    Column::text("summary", "summary"),
]);

const PAYMENT: [Column; 13] = head_and([
    Column::number("amount", "amount"),
    Column::text("role", "role"),
    Column::text("period", "period"),
    Column::text("purpose", "purpose"),
    Column::text("recipient", "recipient"),
    Column::text("section", "section"),
    Column::text("sentence", "sentence"),
]);

const FAULT: [Column; 8] = head_and([
    Column::text("kind", "kind"),
    Column::text("sentence", "sentence"),
]);

/// The columns of a level's rows, in order: the CSV header and the JSON keys
/// of every row [`rows`] makes.
pub fn columns(level: Level) -> &'static [Column] {
    match level {
        Level::Decision => &DECISION,
        Level::Payment => &PAYMENT,
        Level::Fault => &FAULT,
    }
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

/// Streams rows to `out` in one format, the CSV header (from
/// [`columns`]) first even when no row follows.
pub struct ExportWriter<W: Write> {
    sink: Sink<W>,
    columns: &'static [Column],
}

enum Sink<W: Write> {
    // Boxed: the CSV writer carries its own buffer.
    Csv(Box<csv::Writer<W>>),
    Json(W, JsonList),
}

impl<W: Write> ExportWriter<W> {
    /// A writer of `level`'s rows in `format` (one of [`FORMATS`]; any other
    /// is written as JSON Lines), the CSV header written at once.
    pub fn new(mut out: W, format: Format, level: Level) -> Result<Self> {
        let columns = columns(level);
        let sink = if format.is_csv() {
            start_csv(&mut out, format)?;
            let mut w = csv::Writer::from_writer(out);
            w.write_record(columns.iter().map(|c| c.name))?;
            Sink::Csv(Box::new(w))
        } else {
            Sink::Json(out, JsonList::new(format))
        };
        Ok(ExportWriter { sink, columns })
    }

    /// Writes one row (a map with the level's columns).
    pub fn write(&mut self, row: &Map<String, Value>) -> Result<()> {
        match &mut self.sink {
            Sink::Csv(w) => {
                let columns = self.columns;
                w.write_record(
                    columns
                        .iter()
                        .map(|c| row.get(c.name).map(cell).unwrap_or_default()),
                )?;
            }
            Sink::Json(out, list) => list.push(out, row)?,
        }
        Ok(())
    }

    /// Flushes everything written and gives the output back (a file is
    /// committed by its owner only once everything reached it).
    pub fn finish(self) -> Result<W> {
        match self.sink {
            Sink::Csv(w) => Ok(w.into_inner().map_err(|e| e.into_error())?),
            Sink::Json(mut out, list) => {
                list.finish(&mut out)?;
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
/// Numbers as serde_json writes them, less the sign of a zero.
fn plain(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(";"),
        other => unsigned_zero(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(format: Format, rows: &[Map<String, Value>]) -> Vec<u8> {
        let mut writer = ExportWriter::new(Vec::new(), format, Level::Payment).unwrap();
        for row in rows {
            writer.write(row).unwrap();
        }
        writer.finish().unwrap()
    }

    fn payment_row(amount: f64) -> Map<String, Value> {
        let mut row = Map::new();
        for c in columns(Level::Payment) {
            row.insert(c.name.to_string(), Value::Null);
        }
        row.insert("reference".into(), json!("23 000 001"));
        row.insert("amount".into(), json!(amount));
        row.insert("role".into(), json!("agreed"));
        row
    }

    #[test]
    fn every_level_makes_rows_with_its_declared_columns_in_order() {
        let d = crate::parse::parse_decision(
            "000.txt",
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/corpus/000_23011206abbaafad.txt"
            ))
            .unwrap(),
        )
        .unwrap();
        for level in [Level::Decision, Level::Payment, Level::Fault] {
            let names: Vec<&str> = columns(level).iter().map(|c| c.name).collect();
            for row in rows(&d, level, &[PaymentRole::Agreed, PaymentRole::Other]) {
                let keys: Vec<&str> = row.keys().map(String::as_str).collect();
                assert_eq!(keys, names, "{level:?}");
            }
        }
    }

    #[test]
    fn export_help_lists_every_column_of_every_level() {
        // The help wraps its lists, so compare the words in order.
        let help: String = crate::cmd::export::LONG_ABOUT
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for level in [Level::Decision, Level::Payment, Level::Fault] {
            let names: Vec<&str> = columns(level).iter().map(|c| c.name).collect();
            let mut at = 0;
            for name in names {
                let found = help[at..]
                    .find(name)
                    .unwrap_or_else(|| panic!("{level:?}: {name} missing"));
                at += found + name.len();
            }
        }
    }

    #[test]
    fn an_empty_export_still_has_its_header_and_json_is_an_array() {
        let csv = String::from_utf8(written(Format::Csv, &[])).unwrap();
        assert_eq!(csv.lines().count(), 1);
        assert!(csv.starts_with("reference,organisation,"), "{csv}");
        let excel = written(Format::CsvExcel, &[]);
        assert!(excel.starts_with(crate::output::BOM));
        assert_eq!(
            serde_json::from_slice::<Value>(&written(Format::Json, &[])).unwrap(),
            json!([])
        );
        let two = written(Format::Json, &[payment_row(1.0), payment_row(2.0)]);
        assert_eq!(
            serde_json::from_slice::<Value>(&two)
                .unwrap()
                .as_array()
                .map(Vec::len),
            Some(2)
        );
    }

    #[test]
    fn no_number_is_written_as_negative_zero() {
        let csv = String::from_utf8(written(Format::Csv, &[payment_row(-0.0)])).unwrap();
        assert!(!csv.contains("-0"), "{csv}");
        let jsonl = String::from_utf8(written(Format::Jsonl, &[payment_row(-0.0)])).unwrap();
        assert!(!jsonl.contains("-0"), "{jsonl}");
    }
}
