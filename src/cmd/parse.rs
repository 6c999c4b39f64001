//! `ombuds parse`: parse decision files and print what was extracted, without
//! touching any index. The long help is [`LONG_ABOUT`].

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::ExitStatus;
use crate::output::decision::{write_decision, DECISION_FORMATS};
use crate::output::escape::terminal_line;
use crate::output::{terminal_width, Format, JsonList};
use crate::{ingest, walk};

/// Flags of `ombuds parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Decision files, or directories to walk for `.txt`, `.html`, `.htm`,
    /// `.json` and `.jsonl` files.
    #[arg(required_unless_present = "print_taxonomy", value_name = "FILE_OR_DIR")]
    pub paths: Vec<PathBuf>,

    /// table (each decision readably), json (one array of decisions) or
    /// jsonl (one decision object a line).
    #[arg(long, value_parser = Format::parser(DECISION_FORMATS), default_value = "table")]
    pub format: Format,

    /// Classify faults with this taxonomy file instead of the built-in one
    /// (TOML; `--print-taxonomy` writes the built-in one, with its format
    /// explained, to start from).
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,

    /// Print the built-in fault taxonomy (TOML, with its format explained
    /// in comments) and exit: copy it, edit it, pass it to --taxonomy.
    #[arg(long, conflicts_with_all = ["paths", "taxonomy"])]
    pub print_taxonomy: bool,
}

/// The long help of `ombuds parse`.
pub const LONG_ABOUT: &str = concat!(
    "Parse decision files and print what was extracted, without touching any index.

--format jsonl prints JSON Lines, one object per decision (keys documented in
docs/output-formats.md); --format json prints the same objects as one JSON array.
--format table prints each decision readably, its text wrapped to the terminal's
width (COLUMNS, or the terminal's; not wrapped when piped). Files (or JSON records) that are not
decisions are listed on stderr as `path: reason` and the exit code is 3.

",
    super::input_formats_help!(),
    "

Examples:
  ombuds parse corpus/000_23011206abbaafad.txt
  ombuds parse corpus/ --format jsonl | jq .agreed_total
  ombuds parse decisions/24-011-791.html scrape.jsonl --format json | jq '.[].url'"
);

/// Parses every file and prints each decision in path order.
pub fn run(args: Args) -> Result<ExitStatus> {
    if args.print_taxonomy {
        crate::output::text(crate::parse::DEFAULT_TAXONOMY)?;
        return Ok(ExitStatus::Success);
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parsers = ingest::ParsePool::new(cores);
    // The pool compiles the patterns while this thread compiles the taxonomy's.
    parsers.warm_up();
    let taxonomy = super::load_taxonomy(args.taxonomy.as_deref())?;
    let (files, mut skipped) = walk::decision_files(&args.paths);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut first = true;
    let mut json = JsonList::new(args.format);
    let width = terminal_width();
    ingest::for_each_decision(
        &files,
        256,
        &parsers,
        &taxonomy,
        |d, _| d,
        |_, result| -> Result<()> {
            match result {
                Ok(decision) if args.format == Format::Table => {
                    if !first {
                        writeln!(out, "\n{}", "═".repeat(width.unwrap_or(72).min(72)))?;
                    }
                    write_decision(&mut out, &decision, width)?;
                    first = false;
                }
                Ok(decision) => json.push(&mut out, &decision)?,
                Err(skip) => skipped.push(skip),
            }
            Ok(())
        },
    )?;
    if args.format != Format::Table {
        json.finish(&mut out)?;
    }
    out.flush()?;
    for skip in &skipped {
        eprintln!("{}", terminal_line(&skip.to_string()));
    }
    Ok(if skipped.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::SomeSkipped
    })
}
