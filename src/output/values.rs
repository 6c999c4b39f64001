//! Writes the values of a field (`ombuds values`): rows of value and
//! decisions, the decisions with no value as a last `(none)` row, as a
//! table fitted to the terminal, CSV (or `csv-excel`) or JSON Lines through
//! [`super::rows`]; or one JSON document (keys in docs/output-formats.md).

use std::io::Write;

use anyhow::Result;

use super::rows::write_rows;
use super::table::left_out_note;
use super::{json_document, Column, Format};
use crate::stats::values::FieldValues;
use crate::stats::NONE;

/// The columns of a row, declared once for table, CSV and JSON Lines.
pub const COLUMNS: &[Column] = &[
    Column::text("value", "value"),
    Column::number("decisions", "decisions"),
];

/// Writes `values` in `format`, a table fitted to `width` (none: not cut);
/// the note naming columns left out to fit goes to `notes` (stderr).
pub fn write_values(
    out: &mut impl Write,
    notes: &mut impl Write,
    values: &FieldValues,
    format: Format,
    width: Option<usize>,
) -> Result<()> {
    if format == Format::Json {
        return json_document(out, values);
    }
    let left_out = write_rows(out, format, COLUMNS, &rows(values), width)?;
    if let Some(note) = left_out_note(&left_out, width) {
        writeln!(notes, "{note}")?;
    }
    Ok(())
}

/// One row per value, then `(none)` for the decisions without one.
fn rows(values: &FieldValues) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = values
        .values
        .iter()
        .map(|v| vec![v.value.clone(), v.decisions.to_string()])
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
        let (mut out, mut notes) = (Vec::new(), Vec::new());
        write_values(&mut out, &mut notes, &category(), format, None).expect("writes");
        assert!(notes.is_empty());
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

    #[test]
    fn write_values_jsonl_is_the_csv_rows_as_objects() {
        let lines: Vec<serde_json::Value> = written(Format::Jsonl)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(
            lines,
            [
                serde_json::json!({"value": "Housing", "decisions": 3}),
                serde_json::json!({"value": "=Planning", "decisions": 1}),
                serde_json::json!({"value": "(none)", "decisions": 2}),
            ]
        );
    }
}
