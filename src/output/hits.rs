//! Search hits as a table, CSV, one JSON array or JSON Lines, with the
//! columns of [`COLUMNS`]. Decision text is untrusted:
//! the table shows control characters escaped, CSV guards text cells
//! against formulas, and the JSON snippet is HTML in which only the `<b>`
//! tags around matches are markup.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use time::Date;

use super::escape::{csv_text, html_text, terminal_line};
use super::table::write_fitted;
use super::{number, start_csv, Column, Format, JsonList, Kind, MISSING};
use crate::parse::{iso_date, iso_text};
use crate::query::Hit;

/// The columns of a hit, in CSV and JSON order.
pub const COLUMNS: &[Column] = &[
    Column::text("reference", "reference"),
    Column::text("decision_date", "date"),
    Column::text("organisation", "organisation"),
    Column::text("outcome", "outcome"),
    Column::text("category", "category"),
    Column::text("subcategory", "subcategory"),
    Column::number("score", "score"),
    Column::text("snippet", "snippet"),
    Column::text("source", "source"),
    Column::text("url", "url"),
];

/// The columns a table shows, a narrower view in the same order.
const TABLE: &[&str] = &[
    "reference",
    "decision_date",
    "organisation",
    "outcome",
    "snippet",
];

/// A hit as written to JSON: the snippet is escaped HTML with `<b>…</b>`
/// around matches.
#[derive(Serialize)]
struct JsonHit<'a> {
    reference: &'a str,
    #[serde(with = "iso_date::option")]
    decision_date: Option<Date>,
    organisation: &'a Option<String>,
    outcome: &'a Option<String>,
    category: &'a Option<String>,
    subcategory: &'a Option<String>,
    score: f32,
    snippet: String,
    source: &'a str,
    url: &'a Option<String>,
}

/// Writes hits in the chosen format; a table is fitted to `width`. Gives
/// back the titles of table columns left out for want of room.
pub fn write_hits(
    out: &mut impl Write,
    hits: &[Hit],
    format: Format,
    colour: bool,
    width: Option<usize>,
) -> Result<Vec<String>> {
    match format {
        Format::Json | Format::Jsonl => {
            let mut list = JsonList::new(format);
            for h in hits {
                let json = JsonHit {
                    reference: &h.reference,
                    decision_date: h.decision_date,
                    organisation: &h.organisation,
                    outcome: &h.outcome,
                    category: &h.category,
                    subcategory: &h.subcategory,
                    score: h.score,
                    snippet: marked(h, "<b>", "</b>", html_text),
                    source: &h.source,
                    url: &h.url,
                };
                list.push(out, &json)?;
            }
            list.finish(out)?;
        }
        Format::Csv | Format::CsvExcel => {
            start_csv(out, format)?;
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(COLUMNS.iter().map(|c| c.name))?;
            for h in hits {
                let snippet = csv_text(&h.snippet).into_owned();
                let cells = cells(h, snippet, |t| csv_text(t).into_owned());
                w.write_record(cells.into_iter().map(Option::unwrap_or_default))?;
            }
            w.flush()?;
        }
        Format::Table => {
            let (on, off) = if colour {
                ("\u{1b}[1;31m", "\u{1b}[0m")
            } else {
                ("[", "]")
            };
            let view: Vec<usize> = TABLE
                .iter()
                .filter_map(|name| COLUMNS.iter().position(|c| c.name == *name))
                .collect();
            let rows: Vec<Vec<String>> = hits
                .iter()
                .map(|h| {
                    let snippet = marked(h, on, off, |t| terminal_line(t).into_owned());
                    let all = cells(h, snippet, |t| terminal_line(t).into_owned());
                    view.iter()
                        .map(|&i| {
                            all.get(i)
                                .cloned()
                                .flatten()
                                .unwrap_or_else(|| MISSING.to_string())
                        })
                        .collect()
                })
                .collect();
            let titles: Vec<&str> = view.iter().map(|&i| COLUMNS[i].title).collect();
            let kinds: Vec<Kind> = view.iter().map(|&i| COLUMNS[i].kind).collect();
            return Ok(write_fitted(out, &titles, &kinds, &rows, width)?);
        }
    }
    Ok(Vec::new())
}

/// A hit's cells in [`COLUMNS`] order, `None` where the value is missing:
/// each text value passed through `text` (the medium's escaping) and the
/// snippet as given (already escaped); the score is ours and written as it is.
fn cells(h: &Hit, snippet: String, text: impl Fn(&str) -> String) -> Vec<Option<String>> {
    let opt = |v: &Option<String>| v.as_deref().map(&text);
    vec![
        Some(text(&h.reference)),
        opt(&h.decision_date.map(iso_text)),
        opt(&h.organisation),
        opt(&h.outcome),
        opt(&h.category),
        opt(&h.subcategory),
        Some(number(f64::from(h.score), 3)),
        Some(snippet),
        Some(text(&h.source)),
        opt(&h.url),
    ]
}

/// The snippet with each highlighted range wrapped in `on`/`off`; the text
/// between and inside them passes through `text` (the escaping for the
/// medium), the markers do not.
fn marked(h: &Hit, on: &str, off: &str, text: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(h.snippet.len() + 16);
    let mut at = 0;
    for range in &h.highlights {
        let (Some(before), Some(word)) =
            (h.snippet.get(at..range.start), h.snippet.get(range.clone()))
        else {
            continue;
        };
        out.push_str(&text(before));
        out.push_str(on);
        out.push_str(&text(word));
        out.push_str(off);
        at = range.end;
    }
    out.push_str(&text(h.snippet.get(at..).unwrap_or_default()));
    out
}

/// The line that says how many of the matching decisions were shown:
/// `20 of 206 shown; --limit for more`, or `206 decisions` when all were.
pub fn shown_of_total(shown: usize, total: usize) -> String {
    match (shown < total, total) {
        (true, _) => format!("{shown} of {total} shown; --limit for more"),
        (false, 1) => "1 decision".to_string(),
        (false, _) => format!("{total} decisions"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hit whose organisation and snippet carry what an attacker would put
    /// in a decision file; "delay" is the matched word.
    fn hostile_hit() -> Hit {
        let snippet = "<script>x()</script> delay \u{1b}[2J & <img src=x onerror=y()>".to_string();
        let at = snippet.find("delay").unwrap();
        Hit {
            reference: "23 000 001".into(),
            decision_date: Some(time::macros::date!(2024 - 01 - 01)),
            organisation: Some("=HYPERLINK(\"http://x\",\"y\") \u{1b}]0;t\u{7}".into()),
            outcome: Some("-Upheld".into()),
            category: None,
            subcategory: None,
            score: 1.5,
            snippet,
            highlights: std::iter::once(at..at + "delay".len()).collect(),
            source: "d/a\nfake.txt".into(),
            url: None,
            agreed_total: 0.0,
        }
    }

    fn written(format: Format, colour: bool) -> String {
        let mut out = Vec::new();
        write_hits(&mut out, &[hostile_hit()], format, colour, None).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_is_one_array_and_jsonl_one_hit_a_line_and_empty_csv_keeps_its_header() {
        let two = [plain_hit(), plain_hit()];
        let mut out = Vec::new();
        write_hits(&mut out, &two, Format::Json, false, None).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(doc.as_array().map(Vec::len), Some(2));
        let mut out = Vec::new();
        write_hits(&mut out, &[], Format::Json, false, None).unwrap();
        assert_eq!(
            serde_json::from_slice::<serde_json::Value>(&out).unwrap(),
            serde_json::json!([])
        );
        let mut out = Vec::new();
        write_hits(&mut out, &two, Format::Jsonl, false, None).unwrap();
        let lines = String::from_utf8(out).unwrap();
        assert_eq!(lines.lines().count(), 2);
        for line in lines.lines() {
            assert!(serde_json::from_str::<serde_json::Value>(line)
                .unwrap()
                .is_object());
        }
        let mut out = Vec::new();
        write_hits(&mut out, &[], Format::CsvExcel, false, None).unwrap();
        assert!(out.starts_with(crate::output::BOM));
        let header = String::from_utf8(out[3..].to_vec()).unwrap();
        assert_eq!(header.trim(), "reference,decision_date,organisation,outcome,category,subcategory,score,snippet,source,url");
    }

    #[test]
    fn search_help_lists_every_column_in_order() {
        let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        // The help wraps the list: compare with its lines joined.
        let help = crate::cmd::search::LONG_ABOUT
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(help.contains(&names.join(", ")), "{names:?}");
    }

    #[test]
    fn shown_of_total_says_when_hits_were_cut_off() {
        assert_eq!(shown_of_total(20, 206), "20 of 206 shown; --limit for more");
        assert_eq!(shown_of_total(206, 206), "206 decisions");
        assert_eq!(shown_of_total(1, 1), "1 decision");
    }

    #[test]
    fn json_snippet_is_escaped_html_whose_only_markup_is_the_match() {
        let line: serde_json::Value =
            serde_json::from_str(written(Format::Jsonl, false).trim()).unwrap();
        assert_eq!(
            line["snippet"],
            "&lt;script&gt;x()&lt;/script&gt; <b>delay</b> \u{1b}[2J &amp; &lt;img src=x onerror=y()&gt;"
        );
    }

    #[test]
    fn table_shows_control_characters_escaped_but_keeps_its_own_colour() {
        let text = written(Format::Table, true);
        assert!(!text.contains("\u{1b}]"), "{text:?}");
        assert!(!text.contains("\u{1b}[2J"), "{text:?}");
        assert!(!text.contains('\u{7}'), "{text:?}");
        assert!(text.contains("\\u{1b}]0;t\\u{7}"), "{text:?}");
        assert!(text.contains("\u{1b}[1;31mdelay\u{1b}[0m"), "{text:?}");
        assert_eq!(text.lines().count(), 3, "{text:?}");
    }

    #[test]
    fn csv_guards_text_cells_but_leaves_the_score_and_missing_values_alone() {
        let text = written(Format::Csv, false);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[2], "'=HYPERLINK(\"http://x\",\"y\") \u{1b}]0;t\u{7}");
        assert_eq!(&row[3], "'-Upheld");
        assert_eq!(&row[6], "1.500");
        // A missing value is an empty cell.
        assert_eq!(&row[4], "");
    }

    /// A plain hit with no category or sub-category.
    fn plain_hit() -> Hit {
        Hit {
            reference: "23 000 002".into(),
            decision_date: None,
            organisation: Some("Alpha Council".into()),
            outcome: Some("Upheld".into()),
            category: None,
            subcategory: None,
            score: 2.0,
            snippet: "a delay in care".into(),
            highlights: Vec::new(),
            source: "d/b.txt".into(),
            url: Some("https://www.lgo.org.uk/decisions/x/y/23-002-683".into()),
            agreed_total: 0.0,
        }
    }

    fn plain(format: Format) -> String {
        let mut out = Vec::new();
        write_hits(&mut out, &[plain_hit()], format, false, None).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn write_hits_csv_and_json_carry_the_same_columns_in_order() {
        let csv_text = plain(Format::Csv);
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let row: Vec<String> = reader
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(String::from)
            .collect();
        let json: serde_json::Value = serde_json::from_str(plain(Format::Jsonl).trim()).unwrap();
        let object = json.as_object().unwrap();
        // serde_json keeps key order (the `preserve_order` feature).
        let keys: Vec<&String> = object.keys().collect();
        assert_eq!(keys, header.iter().collect::<Vec<_>>());
        assert_eq!(header, COLUMNS.iter().map(|c| c.name).collect::<Vec<_>>());
        // Missing values: empty in CSV, null in JSON; the rest agree cell for cell.
        for (column, cell) in header.iter().zip(&row) {
            match &object[column] {
                serde_json::Value::Null => assert_eq!(cell, "", "{column}"),
                serde_json::Value::String(s) => assert_eq!(cell, s, "{column}"),
                serde_json::Value::Number(n) => {
                    assert_eq!(
                        cell.parse::<f64>().unwrap(),
                        n.as_f64().unwrap(),
                        "{column}"
                    )
                }
                other => panic!("{column}: unexpected {other}"),
            }
        }
        assert_eq!(object["decision_date"], serde_json::Value::Null);
    }

    #[test]
    fn write_hits_table_is_a_narrower_view_in_the_same_order() {
        let text = plain(Format::Table);
        let lines: Vec<&str> = text.lines().collect();
        let header: Vec<&str> = lines[0].split_whitespace().collect();
        // The table keeps the first four columns and the snippet, in CSV's order.
        assert_eq!(
            header,
            ["reference", "date", "organisation", "outcome", "snippet"]
        );
        let cells: Vec<&str> = lines[2]
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        assert_eq!(
            cells,
            [
                "23 000 002",
                "-",
                "Alpha Council",
                "Upheld",
                "a delay in care"
            ]
        );
    }
}
