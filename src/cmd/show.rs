//! `ombuds show`: print one indexed decision. The long help is [`LONG_ABOUT`].

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, Result};

use super::ExitStatus;
use crate::output::decision::{write_decision, DECISION_FORMATS};
use crate::output::{json_line, terminal_width, Format};
use crate::parse::canonical_reference;

/// The long help of `ombuds show`.
pub const LONG_ABOUT: &str =
    "Print one indexed decision: header fields, extracted payments (with role,
purpose and the sentence each came from), faults, the summary and every section.

REF may be written 23 002 683, 23-002-683 or 23002683.

Control characters in the decision (terminal escape sequences, stray carriage
returns) are shown as \\u{1b}-style escapes rather than sent to the terminal;
--format json gives the text exactly as stored.

Formats (--format): table (readable, the text wrapped to the terminal's width:
COLUMNS, or the terminal's; not wrapped when piped), json and jsonl (both the
decision as one JSON object on one line, the shape of `parse --format jsonl`).
--json is the same as --format json.

Examples:
  ombuds show 23-002-683
  ombuds show 23002683 --format json | jq .payments";

/// Flags of `ombuds show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case reference.
    #[arg(value_name = "REF")]
    pub reference: String,

    /// table, or json/jsonl (the same: one JSON object on one line).
    #[arg(long, value_parser = Format::parser(DECISION_FORMATS), default_value = "table")]
    pub format: Format,

    /// The same as --format json (kept for scripts written before --format).
    #[arg(long, hide = true, conflicts_with = "format")]
    pub json: bool,
}

/// Looks the reference up and prints the decision.
pub fn run(index_path: &Path, args: Args) -> Result<ExitStatus> {
    let reference = canonical_reference(&args.reference).ok_or_else(|| {
        anyhow!(
            "REF: '{}' is not a case reference (like 23 002 683)",
            args.reference
        )
    })?;
    let index = crate::index::open(index_path)?;
    let searcher = crate::index::read::searcher(&index)?;
    let Some(decision) = crate::index::read::decision_by_reference(&index, &searcher, &reference)?
    else {
        eprintln!("no decision {reference} in {}", index_path.display());
        return Ok(ExitStatus::NothingFound);
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json || args.format != Format::Table {
        // One decision: its one JSON document is its one JSON line.
        json_line(&mut out, &decision)?;
    } else {
        write_decision(&mut out, &decision, terminal_width())?;
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
