//! The only code that writes results. Every writer takes `&mut impl Write`;
//! table, CSV and JSON carry the same columns in the same order. Progress,
//! warnings and timings go to stderr elsewhere, never here.

pub mod compare;
pub mod decision;
pub mod escape;
pub mod export;
pub mod file;
pub mod hits;
pub mod plot;
pub mod stats;
pub mod table;
pub mod values;

use std::ffi::OsStr;
use std::io::{IsTerminal, Write};

use serde::Serialize;

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// JSON (JSON Lines for lists of records).
    Json,
    /// CSV with a header row.
    Csv,
}

/// The marker printed for a missing value in tables and CSV.
pub const MISSING: &str = "-";

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

/// Writes one value as a JSON line.
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
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
    fn pounds_groups_thousands_and_keeps_pence() {
        assert_eq!(pounds(300.0), "£300");
        assert_eq!(pounds(1250.5), "£1,250.50");
        assert_eq!(pounds(1_200_000.0), "£1,200,000");
        assert_eq!(pounds(0.0), "£0");
    }
}
