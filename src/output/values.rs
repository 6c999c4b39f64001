//! Writes the values of a field (`ombuds values`): a table or CSV of value
//! and decisions, the decisions with no value as a last `(none)` row; or
//! one JSON document (keys in docs/output-formats.md).

use std::io::Write;

use anyhow::Result;

use super::escape::{csv_text, terminal_line};
use super::table::write_table;
use super::Format;
use crate::stats::values::FieldValues;
use crate::stats::NONE;

/// The columns of a table or CSV row, in order.
pub const COLUMNS: [&str; 2] = ["value", "decisions"];

/// Writes `values` in `format`.
pub fn write_values(out: &mut impl Write, values: &FieldValues, format: Format) -> Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, values)?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for value in &values.values {
                super::json_line(out, value)?;
            }
        }
        Format::Csv | Format::CsvExcel => {
            super::start_csv(out, format)?;
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(COLUMNS)?;
            for row in rows(values, &|t| csv_text(t).into_owned()) {
                w.write_record(&row)?;
            }
            w.flush()?;
        }
        Format::Table => {
            let rows = rows(values, &|t| terminal_line(t).into_owned());
            write_table(out, &COLUMNS, &rows)?;
        }
    }
    Ok(())
}

/// One row per value, then `(none)` for the decisions without one.
fn rows(values: &FieldValues, text: &dyn Fn(&str) -> String) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = values
        .values
        .iter()
        .map(|v| vec![text(&v.value), v.decisions.to_string()])
        .collect();
    if values.missing_decisions > 0 {
        rows.push(vec![NONE.to_string(), values.missing_decisions.to_string()]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::values::{ValueCount, ValueField};

    fn category() -> FieldValues {
        FieldValues {
            field: ValueField::Category,
            values: vec![
                ValueCount {
                    value: "Housing".into(),
                    decisions: 3,
                },
                ValueCount {
                    value: "=Planning".into(),
                    decisions: 1,
                },
            ],
            missing_decisions: 2,
            total_decisions: 6,
        }
    }

    fn written(format: Format) -> String {
        let mut out = Vec::new();
        write_values(&mut out, &category(), format).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn write_values_table_and_csv_carry_the_same_rows() {
        let table = written(Format::Table);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "value      decisions");
        assert_eq!(lines[2], "Housing    3");
        assert_eq!(lines[4], "(none)     2");
        let csv = written(Format::Csv);
        // A formula-like value is defused for spreadsheets.
        assert_eq!(csv, "value,decisions\nHousing,3\n'=Planning,1\n(none),2\n");
    }

    #[test]
    fn write_values_json_is_one_document() {
        let json: serde_json::Value = serde_json::from_str(&written(Format::Json)).expect("json");
        assert_eq!(
            json,
            serde_json::json!({
                "field": "category",
                "values": [
                    {"value": "Housing", "decisions": 3},
                    {"value": "=Planning", "decisions": 1}
                ],
                "missing_decisions": 2,
                "total_decisions": 6
            })
        );
    }
}
