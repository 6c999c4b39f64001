//! Row-shaped results in every row format, from one set of columns and
//! cells: the one place that decides how a table, CSV, CSV for Excel and
//! JSON Lines write a row, so `stats`, `stats --compare` and `values` keep
//! the same contract (docs/output-formats.md, "One contract for every
//! command").
//!
//! Cells come in as plain text: [`MISSING`] for a missing value, a text
//! column's cells as read from the data (this module escapes them for the
//! medium), a number column's as formatted numbers. A table fits the width,
//! shows missing values as [`MISSING`] and leaves out columns empty in every
//! row; CSV starts with the byte-order mark for `csv-excel`, has its header
//! also when there are no rows, leaves missing values empty and writes
//! numbers plainly; JSON Lines writes one object a row, numbers as numbers
//! and missing values as `null`. A `json` document is each command's own
//! (a row list here only if a caller asks for one). No format writes a
//! negative zero.

use std::io::Write;

use anyhow::Result;
use serde_json::{Map, Value};

use super::escape::{csv_text, terminal_line};
use super::table::write_fitted;
use super::{start_csv, unsigned_zero, Column, Format, JsonList, Kind, MISSING};

/// The formats a row-shaped command writes.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Csv,
    Format::CsvExcel,
    Format::Json,
    Format::Jsonl,
];

/// Writes `rows` under `columns` in `format`, a table fitted to `width`
/// (none: not cut); gives back the titles of the table columns left out for
/// want of room, for the caller's note ([`super::table::left_out_note`]).
/// `Json` writes the rows as one array of objects.
pub fn write_rows(
    out: &mut impl Write,
    format: Format,
    columns: &[Column],
    rows: &[Vec<String>],
    width: Option<usize>,
) -> Result<Vec<String>> {
    match format {
        Format::Table => {
            let titles: Vec<&str> = columns.iter().map(|c| c.title).collect();
            let kinds: Vec<Kind> = columns.iter().map(|c| c.kind).collect();
            let cells = table_cells(columns, rows);
            return Ok(write_fitted(out, &titles, &kinds, &cells, width)?);
        }
        Format::Csv | Format::CsvExcel => {
            start_csv(out, format)?;
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(columns.iter().map(|c| c.name))?;
            for row in rows {
                w.write_record(columns.iter().zip(row).map(|(column, cell)| {
                    match (cell.as_str(), column.kind) {
                        (MISSING, _) => String::new(),
                        (_, Kind::Number) => unsigned_zero(cell.clone()),
                        (_, Kind::Text) => csv_text(cell).into_owned(),
                    }
                }))?;
            }
            w.flush()?;
        }
        Format::Json | Format::Jsonl => {
            let mut list = JsonList::new(format);
            for row in rows {
                let object: Map<String, Value> = columns
                    .iter()
                    .zip(row)
                    .map(|(column, cell)| (column.name.to_string(), json_cell(cell, column.kind)))
                    .collect();
                list.push(out, &object)?;
            }
            list.finish(out)?;
        }
    }
    Ok(Vec::new())
}

/// The cells as a table shows them: text escaped for the terminal, numbers
/// never negative zero, missing values as [`MISSING`]. For a caller that
/// measures a table before writing it ([`super::table::natural_width`]).
pub fn table_cells(columns: &[Column], rows: &[Vec<String>]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| {
            columns
                .iter()
                .zip(row)
                .map(|(column, cell)| match (cell.as_str(), column.kind) {
                    (MISSING, _) => MISSING.to_string(),
                    (_, Kind::Number) => unsigned_zero(cell.clone()),
                    (_, Kind::Text) => terminal_line(cell).into_owned(),
                })
                .collect()
        })
        .collect()
}

/// The kind of column `i` when its declaration does not say (a group key):
/// a number when every cell with a value is one (a year), else text.
pub fn inferred_kind(rows: &[Vec<String>], i: usize) -> Kind {
    let mut cells = rows
        .iter()
        .filter_map(|r| r.get(i))
        .filter(|c| !c.is_empty() && c.as_str() != MISSING)
        .peekable();
    if cells.peek().is_some() && cells.all(|c| c.parse::<f64>().is_ok()) {
        Kind::Number
    } else {
        Kind::Text
    }
}

/// A JSON value: missing (or empty) is `null`; a number column's cell a
/// whole number when it is one, else a float, never negative zero; text a
/// string.
fn json_cell(cell: &str, kind: Kind) -> Value {
    match cell {
        "" | MISSING => Value::Null,
        _ if kind == Kind::Number => {
            if let Ok(n) = cell.parse::<i64>() {
                return Value::from(n);
            }
            cell.parse::<f64>()
                .ok()
                .and_then(|x| serde_json::Number::from_f64(if x == 0.0 { 0.0 } else { x }))
                .map(Value::Number)
                .unwrap_or_else(|| Value::String(cell.to_string()))
        }
        _ => Value::String(cell.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column::text("name", "who"),
        Column::number("count", "n"),
        Column::number("share", "share"),
    ];

    fn rows() -> Vec<Vec<String>> {
        vec![
            vec!["=Alpha".into(), "3".into(), "-0.000".into()],
            vec!["Be\u{1b}ta".into(), "0".into(), MISSING.into()],
        ]
    }

    fn written(format: Format, rows: &[Vec<String>], width: Option<usize>) -> String {
        let mut out = Vec::new();
        write_rows(&mut out, format, COLUMNS, rows, width).expect("writes");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn write_rows_csv_leaves_missing_empty_defuses_text_and_never_writes_negative_zero() {
        let csv = written(Format::Csv, &rows(), None);
        assert_eq!(
            csv, "name,count,share\n'=Alpha,3,0.000\nBe\u{1b}ta,0,\n",
            "{csv}"
        );
        let excel = written(Format::CsvExcel, &rows(), None);
        assert_eq!(excel.strip_prefix('\u{feff}'), Some(csv.as_str()));
        // No rows: the header alone.
        assert_eq!(written(Format::Csv, &[], None), "name,count,share\n");
    }

    #[test]
    fn write_rows_jsonl_writes_objects_with_numbers_and_nulls() {
        let jsonl = written(Format::Jsonl, &rows(), None);
        let lines: Vec<Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(
            lines,
            [
                serde_json::json!({"name": "=Alpha", "count": 3, "share": 0.0}),
                serde_json::json!({"name": "Be\u{1b}ta", "count": 0, "share": null}),
            ]
        );
        // A whole number stays whole; negative zero is not written.
        assert!(
            jsonl.contains("\"count\":3,") && !jsonl.contains("-0"),
            "{jsonl}"
        );
        // Json is the same objects in one array.
        let json: Value = serde_json::from_str(&written(Format::Json, &rows(), None)).unwrap();
        assert_eq!(json, Value::Array(lines));
        assert_eq!(written(Format::Json, &[], None), "[]\n");
    }

    #[test]
    fn write_rows_table_titles_columns_escapes_text_and_fits_the_width() {
        let table = written(Format::Table, &rows(), None);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "who         n  share");
        assert_eq!(lines[2], "=Alpha      3  0.000");
        assert_eq!(lines[3], "Be\\u{1b}ta  0  -");
        let long = vec![vec!["word ".repeat(30), "12345".into(), "0.5".into()]];
        let mut out = Vec::new();
        let left_out = write_rows(&mut out, Format::Table, COLUMNS, &long, Some(30)).unwrap();
        let table = String::from_utf8(out).unwrap();
        assert!(left_out.is_empty());
        assert!(table.lines().all(|l| l.chars().count() <= 30), "{table}");
        assert!(table.contains('…') && table.contains("12345"), "{table}");
    }

    #[test]
    fn a_key_column_is_a_number_only_when_every_value_is_one() {
        let years = vec![vec!["2023".to_string()], vec![MISSING.to_string()]];
        assert_eq!(inferred_kind(&years, 0), Kind::Number);
        let names = vec![vec!["2023".to_string()], vec!["(none)".to_string()]];
        assert_eq!(inferred_kind(&names, 0), Kind::Text);
        assert_eq!(inferred_kind(&[], 0), Kind::Text);
    }
}
