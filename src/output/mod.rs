//! The only code that writes results. Every writer takes `&mut impl Write`;
//! table, CSV and JSON carry the same columns in the same order. Progress,
//! warnings and timings go to stderr elsewhere, never here.
//!
//! The contract every command keeps (docs/output-formats.md has the detail):
//! `json` is one JSON document, `jsonl` one JSON object a line; CSV has a
//! header row even when nothing matched, leaves a missing value empty and
//! writes numbers as plain numbers; `csv-excel` is the same CSV after a UTF-8
//! byte-order mark; no number is ever written as negative zero; tables fit the
//! terminal ([`terminal_width`]).

pub mod compare;
pub mod decision;
pub mod escape;
pub mod export;
pub mod file;
pub mod hits;
pub mod plot;
pub mod rows;
pub mod stats;
pub mod table;
pub mod values;

use std::ffi::OsStr;
use std::io::{IsTerminal, Write};

use serde::Serialize;

/// How results are written. Not every command writes every format: a
/// command's `--format` lists the ones it takes ([`Format::parser`]).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Aligned columns for people, fitted to the terminal.
    #[default]
    Table,
    /// CSV with a header row.
    Csv,
    /// CSV after a UTF-8 byte-order mark, so Excel on Windows reads `£` right.
    #[value(name = "csv-excel")]
    #[serde(rename = "csv-excel")]
    CsvExcel,
    /// One JSON document.
    Json,
    /// JSON Lines: one JSON object a line.
    Jsonl,
}

impl Format {
    /// Whether this is CSV (with or without the byte-order mark).
    pub fn is_csv(self) -> bool {
        matches!(self, Format::Csv | Format::CsvExcel)
    }

    /// A `--format` parser that takes only `allowed` (and lists only them
    /// in `--help`), for commands that do not write every format.
    pub fn parser(
        allowed: &'static [Format],
    ) -> impl clap::builder::TypedValueParser<Value = Format> {
        use clap::builder::TypedValueParser;
        use clap::ValueEnum;
        let names: Vec<clap::builder::PossibleValue> = allowed
            .iter()
            .filter_map(|f| f.to_possible_value())
            .collect();
        clap::builder::PossibleValuesParser::new(names)
            .map(|name: String| Format::from_str(&name, false).unwrap_or(Format::Table))
    }
}

/// The UTF-8 byte-order mark `csv-excel` starts with.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Starts a CSV output: the byte-order mark for `csv-excel`, nothing for
/// plain CSV.
pub fn start_csv(out: &mut impl Write, format: Format) -> std::io::Result<()> {
    if format == Format::CsvExcel {
        out.write_all(BOM)?;
    }
    Ok(())
}

/// The marker printed for a missing value in tables (CSV leaves the cell
/// empty, JSON writes `null`).
pub const MISSING: &str = "-";

/// What a column holds, which decides how each format writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text from the data: escaped for the medium, truncated to fit a table.
    Text,
    /// A plain number: never prefixed in CSV, a number in JSON, never cut.
    Number,
}

/// One column of a row type, declared once and used by every writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The CSV header and JSON key.
    pub name: &'static str,
    /// The table header.
    pub title: &'static str,
    /// Text or number.
    pub kind: Kind,
}

impl Column {
    /// A text column.
    pub const fn text(name: &'static str, title: &'static str) -> Column {
        Column {
            name,
            title,
            kind: Kind::Text,
        }
    }

    /// A number column.
    pub const fn number(name: &'static str, title: &'static str) -> Column {
        Column {
            name,
            title,
            kind: Kind::Number,
        }
    }
}

/// The width tables are fitted to: `COLUMNS` when set to a number, else the
/// terminal's width when stdout is a terminal, else none (output piped to a
/// file or program is never cut).
pub fn terminal_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS").ok();
    let terminal = std::io::stdout().is_terminal();
    width_from(columns.as_deref(), || {
        terminal
            .then(|| terminal_size::terminal_size_of(std::io::stdout()))
            .flatten()
            .map(|(terminal_size::Width(w), _)| w as usize)
    })
}

/// [`terminal_width`]'s rule, with the terminal's size asked only when
/// `COLUMNS` does not say.
fn width_from(columns: Option<&str>, terminal: impl FnOnce() -> Option<usize>) -> Option<usize> {
    match columns.and_then(|c| c.trim().parse::<usize>().ok()) {
        Some(w) if w > 0 => Some(w),
        _ => terminal().filter(|&w| w > 0),
    }
}

/// `x` with `decimals` places, never as negative zero (`-0.00` is `0.00`).
/// Every number a table or CSV shows is formatted here or passes through
/// [`unsigned_zero`].
pub fn number(x: f64, decimals: usize) -> String {
    unsigned_zero(format!("{x:.decimals$}"))
}

/// A formatted number with the sign of a zero dropped: `-0`, `-0.0`,
/// `-0.000` become `0`, `0.0`, `0.000`; anything else is left as it is.
pub fn unsigned_zero(cell: String) -> String {
    match cell.strip_prefix('-') {
        Some(rest) if !rest.is_empty() && rest.chars().all(|c| c == '0' || c == '.') => {
            rest.to_string()
        }
        _ => cell,
    }
}

/// Whether stdout should get colour (see [`colour_wanted`]).
pub fn use_colour() -> bool {
    colour_wanted(
        std::io::stdout().is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
    )
}

/// Colour only on a terminal, unless `NO_COLOR` is set to something
/// (no-color.org: an empty `NO_COLOR` does not count) or `TERM=dumb`.
pub fn colour_wanted(terminal: bool, no_color: Option<&OsStr>, term: Option<&OsStr>) -> bool {
    let no_color = no_color.is_some_and(|v| !v.is_empty());
    let dumb = term.is_some_and(|t| t == "dumb");
    terminal && !no_color && !dumb
}

/// Writes `text` to stdout as it is (a file the user asked for, such as the
/// built-in taxonomy).
pub fn text(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    Ok(out.flush()?)
}

/// Writes one value as a JSON line (the `jsonl` form of one record).
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> anyhow::Result<()> {
    json_compact(out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes one value as a JSON document (the `json` form), indented.
pub fn json_document(out: &mut impl Write, value: &impl Serialize) -> anyhow::Result<()> {
    let formatter = Unsigned(serde_json::ser::PrettyFormatter::new());
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut *out, formatter,
    ))?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Writes one value as compact JSON, with no negative zero.
fn json_compact(out: &mut impl Write, value: &impl Serialize) -> serde_json::Result<()> {
    let formatter = Unsigned(serde_json::ser::CompactFormatter);
    value.serialize(&mut serde_json::Serializer::with_formatter(out, formatter))
}

/// A JSON formatter that writes `-0.0` as `0.0`, as it goes: every JSON
/// writer uses it, so no output has a negative zero, and no value tree is
/// built first (`parse` and `export` write every decision through it).
struct Unsigned<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Unsigned<F> {
    fn write_f64<W: ?Sized + Write>(&mut self, writer: &mut W, value: f64) -> std::io::Result<()> {
        self.0
            .write_f64(writer, if value == 0.0 { 0.0 } else { value })
    }

    fn write_f32<W: ?Sized + Write>(&mut self, writer: &mut W, value: f32) -> std::io::Result<()> {
        self.0
            .write_f32(writer, if value == 0.0 { 0.0 } else { value })
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// Writes a list as `json` (one array) or `jsonl` (one item a line), an
/// item at a time so a long list is never held twice. Call [`JsonList::push`]
/// per item and [`JsonList::finish`] at the end.
pub struct JsonList {
    lines: bool,
    written: usize,
}

impl JsonList {
    /// A list in `format` (`Json` for an array, anything else for lines).
    pub fn new(format: Format) -> JsonList {
        JsonList {
            lines: format != Format::Json,
            written: 0,
        }
    }

    /// Writes one item.
    pub fn push(&mut self, out: &mut impl Write, item: &impl Serialize) -> anyhow::Result<()> {
        if self.lines {
            json_line(out, item)?;
        } else {
            out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
            json_compact(&mut *out, item)?;
        }
        self.written += 1;
        Ok(())
    }

    /// Closes the array (`[]` when nothing was pushed).
    pub fn finish(self, out: &mut impl Write) -> anyhow::Result<()> {
        if !self.lines {
            out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}

/// `£1,234.50` style money for people (pence shown only when present).
pub fn pounds(amount: f64) -> String {
    let pence = (amount * 100.0).round() as i64;
    let (whole, frac) = (pence / 100, pence % 100);
    let digits = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if pence < 0 { "-" } else { "" };
    if frac == 0 {
        format!("{sign}£{grouped}")
    } else {
        format!("{sign}£{grouped}.{:02}", frac.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_a_non_empty_no_color_or_dumb_term() {
        let os = |s: &'static str| Some(OsStr::new(s));
        assert!(colour_wanted(true, None, os("xterm-256color")));
        assert!(colour_wanted(true, None, None));
        assert!(!colour_wanted(false, None, os("xterm")));
        assert!(!colour_wanted(true, os("1"), os("xterm")));
        // no-color.org: an empty NO_COLOR is the same as unset.
        assert!(colour_wanted(true, os(""), os("xterm")));
        assert!(!colour_wanted(true, None, os("dumb")));
    }

    #[test]
    fn no_number_is_formatted_as_negative_zero() {
        assert_eq!(number(-0.0, 2), "0.00");
        assert_eq!(number(-0.001, 2), "0.00");
        assert_eq!(number(-0.004, 0), "0");
        assert_eq!(number(-0.5, 1), "-0.5");
        assert_eq!(number(-12.0, 2), "-12.00");
        assert_eq!(unsigned_zero("-0".into()), "0");
        assert_eq!(unsigned_zero("-".into()), "-");
        assert_eq!(unsigned_zero("-0.01".into()), "-0.01");
        let value = serde_json::json!({"a": -0.0, "b": [-0.0, 1.5], "c": -2.0});
        let mut line = Vec::new();
        json_line(&mut line, &value).unwrap();
        assert_eq!(
            String::from_utf8(line).unwrap(),
            "{\"a\":0.0,\"b\":[0.0,1.5],\"c\":-2.0}\n"
        );
        let mut document = Vec::new();
        json_document(&mut document, &value).unwrap();
        let document = String::from_utf8(document).unwrap();
        assert!(
            !document.contains("-0.0") && document.contains("-2.0"),
            "{document}"
        );
        assert_eq!(
            document,
            serde_json::to_string_pretty(&value)
                .unwrap()
                .replace("-0.0", "0.0")
                + "\n"
        );
        let mut list = Vec::new();
        let mut json = JsonList::new(Format::Json);
        json.push(&mut list, &-0.0_f64).unwrap();
        json.finish(&mut list).unwrap();
        assert_eq!(String::from_utf8(list).unwrap(), "[\n0.0\n]\n");
    }

    #[test]
    fn the_width_is_columns_else_the_terminal_else_none() {
        assert_eq!(width_from(Some("80"), || Some(120)), Some(80));
        assert_eq!(width_from(Some(" 100 "), || None), Some(100));
        // Unset, empty, nonsense or zero COLUMNS: ask the terminal.
        assert_eq!(width_from(None, || Some(120)), Some(120));
        assert_eq!(width_from(Some(""), || Some(120)), Some(120));
        assert_eq!(width_from(Some("wide"), || None), None);
        assert_eq!(width_from(Some("0"), || None), None);
    }

    #[test]
    fn a_format_parser_takes_only_its_formats() {
        use clap::builder::TypedValueParser;
        let parser = Format::parser(&[Format::Table, Format::Json]);
        let cmd = clap::Command::new("x");
        let parse = |v: &str| parser.parse_ref(&cmd, None, OsStr::new(v));
        assert_eq!(parse("json").unwrap(), Format::Json);
        assert!(parse("csv").is_err());
        let all = Format::parser(&[Format::CsvExcel, Format::Jsonl]);
        assert_eq!(
            all.parse_ref(&cmd, None, OsStr::new("csv-excel")).unwrap(),
            Format::CsvExcel
        );
    }

    #[test]
    fn json_list_is_an_array_or_lines() {
        let mut out = Vec::new();
        let mut list = JsonList::new(Format::Json);
        list.push(&mut out, &1).unwrap();
        list.push(&mut out, &2).unwrap();
        list.finish(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "[\n1,\n2\n]\n");
        let mut out = Vec::new();
        let mut list = JsonList::new(Format::Jsonl);
        list.push(&mut out, &1).unwrap();
        list.finish(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "1\n");
    }

    #[test]
    fn pounds_groups_thousands_and_keeps_pence() {
        assert_eq!(pounds(300.0), "£300");
        assert_eq!(pounds(1250.5), "£1,250.50");
        assert_eq!(pounds(1_200_000.0), "£1,200,000");
        assert_eq!(pounds(0.0), "£0");
    }
}
