//! Command-line interface: global options and the subcommand enum (clap derive).
//! Each subcommand's flags live beside its code in `cmd/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Search and count LGSCO decision statements: what was decided, what was
/// paid, and why, traced to the sentence it came from.
#[derive(Debug, Parser)]
#[command(name = "ombuds", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Cli {
    /// The index directory.
    #[arg(
        long,
        global = true,
        env = "OMBUDS_INDEX",
        default_value = "ombuds-index",
        value_name = "DIR"
    )]
    pub index: PathBuf,

    /// Print how long the command took (in-process, after start-up) on stderr.
    #[arg(long, global = true)]
    pub timings: bool,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

const AFTER_HELP: &str = "\
Quick start:
  ombuds ingest corpus/                 # parse and index the sample decisions
  ombuds search '\"stage three\" delay'   # find decisions, matches highlighted
  ombuds show 23-002-683                # read one decision
  ombuds parse corpus/ --format json    # what is extracted, without an index
  ombuds fetch --from 2024-01-01 --to 2024-01-31   # download a month's decisions

Exit codes: 0 success; 1 nothing found; 2 error (bad argument, no index);
3 finished but some input files were skipped, or (fetch) some pages failed
(each is listed on stderr);
130 interrupted by Ctrl-C (nothing was changed).";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Download decision pages from the LGSCO website into a folder.
    #[command(long_about = cmd::fetch::LONG_ABOUT)]
    Fetch(cmd::fetch::Args),
    /// Parse decision files and add them to the index (replacing same references).
    #[command(long_about = cmd::ingest::LONG_ABOUT)]
    Ingest(cmd::ingest::Args),
    /// Full-text search with filters; prints matching decisions with snippets.
    #[command(long_about = cmd::search::LONG_ABOUT, after_long_help = cmd::filters::kinds_help())]
    Search(cmd::search::Args),
    /// Print one indexed decision: its fields and sections.
    #[command(long_about = cmd::show::LONG_ABOUT)]
    Show(cmd::show::Args),
    /// Parse decision files and print what was extracted, without an index.
    #[command(long_about = cmd::parse::LONG_ABOUT)]
    Parse(cmd::parse::Args),
    /// Payment sizes, outcomes, faults and remedies, grouped and charted.
    #[command(long_about = cmd::stats::LONG_ABOUT, after_long_help = cmd::filters::kinds_help())]
    Stats(cmd::stats::Args),
    /// Write the filtered set as CSV or JSON Lines (per decision, payment or fault).
    #[command(long_about = cmd::export::LONG_ABOUT, after_long_help = cmd::filters::kinds_help())]
    Export(cmd::export::Args),
    /// The values of a field with their decision counts (decisions per council).
    #[command(long_about = cmd::values::LONG_ABOUT, after_long_help = cmd::filters::kinds_help())]
    Values(cmd::values::Args),
    /// Serve a local web page: search with facets, decisions, statistics.
    #[command(long_about = cmd::serve::LONG_ABOUT)]
    Serve(cmd::serve::Args),
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// Long help is laid out by hand, line by line; clap wraps a line wider
    /// than the terminal (at most 100 columns) again, which leaves a ragged
    /// paragraph of short lines. So no line of it may be that wide.
    #[test]
    fn long_help_lines_fit_in_100_columns() {
        let cli = Cli::command();
        for sub in cli.get_subcommands() {
            let texts = [sub.get_long_about(), sub.get_after_long_help()];
            for text in texts.into_iter().flatten() {
                for line in text.to_string().lines() {
                    assert!(
                        line.chars().count() <= 100,
                        "`ombuds {} --help` has a line of {} characters: {line}",
                        sub.get_name(),
                        line.chars().count()
                    );
                }
            }
        }
    }
}
