//! `ombuds show`: print one indexed decision. The long help is [`LONG_ABOUT`].

use std::io::Write;
use std::path::Path;

use anyhow::{anyhow, Result};

use super::ExitStatus;
use crate::output::decision::write_decision;
use crate::output::json_line;
use crate::parse::canonical_reference;

/// The long help of `ombuds show`.
pub const LONG_ABOUT: &str =
    "Print one indexed decision: header fields, extracted payments (with role,
purpose and the sentence each came from), faults, the summary and every section.

REF may be written 23 002 683, 23-002-683 or 23002683.

Control characters in the decision (terminal escape sequences, stray carriage
returns) are shown as \\u{1b}-style escapes rather than sent to the terminal;
--json gives the text exactly as stored.

Examples:
  ombuds show 23-002-683
  ombuds show 23002683 --json | jq .payments";

/// Flags of `ombuds show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case reference.
    #[arg(value_name = "REF")]
    pub reference: String,

    /// Print the decision as one JSON object (the `parse --format json` shape).
    #[arg(long)]
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
    if args.json {
        json_line(&mut out, &decision)?;
    } else {
        write_decision(&mut out, &decision)?;
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
