//! One module per subcommand. Each has its long help as the `//!` doc, its
//! clap `Args`, and a short `run` that reads like an outline.

/// The input formats `ingest` and `parse` read, for their long help (a
/// macro, so that `concat!` can put it into each `LONG_ABOUT`).
macro_rules! input_formats_help {
    () => {
        "Input: directories are walked for .txt, .html/.htm, .json and .jsonl files (any
case). A .txt file is one decision as text. An .html/.htm file is a decision page
saved from the LGSCO website (by `ombuds fetch`, a browser's \"Save as\" or wget),
read from its <article id=\"article\"> (else <main>, else <body>): title, header
labels and values, and body, without navigation, scripts, forms or the page's own
links; its url is the page's canonical link, else its og:url, else the entry for
its file in `manifest.jsonl` beside it (the manifest `ombuds fetch` writes, which
is not read as decisions). A .jsonl file holds one JSON record a line; a .json
file a JSON array of records (read whole, up to 512 MB) or JSON Lines. A record is
one decision; its keys, the first present of each list used:
  text          text, body, content, decision_text (required)
  reference     case_id, reference, ref
  title         title
  date          date, decision_date (2017-02-14 or 14 Feb 2017)
  organisation  authority, organisation, organization, council
  category      category (or \"Top > Sub\")
  subcategory   subcategory
  outcome       outcome, decision
  url           url, link
The text is parsed as a .txt file is; it may lack its title line (one is built
from title or organisation and reference) and may give each header label and
value on lines of their own. Metadata fills what the text lacks; where both give a
field and disagree, the text's value is kept with a warning. A record that is not
valid JSON or has no text is skipped as FILE:LINE with the reason; the file's other
records are read. A decision's source is its path, or FILE:LINE for a JSON Lines
record, or FILE#N for the Nth record of a JSON array."
    };
}
pub(crate) use input_formats_help;

pub mod export;
pub mod fetch;
pub mod filters;
pub mod ingest;
pub mod parse;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;
pub mod values;

/// How a command that ran ended; the value is the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything worked.
    Success = 0,
    /// The command ran but found nothing.
    NothingFound = 1,
    /// An error stopped the command (used by `main`).
    Error = 2,
    /// The command finished, but some input files were skipped (or, for
    /// `fetch`, some pages could not be fetched).
    SomeSkipped = 3,
    /// Ctrl-C stopped the command before it changed anything.
    Interrupted = 130,
}

/// Whether an error is stdout closing under us (`ombuds search x | head`),
/// wherever in the chain the io error sits: bare, or wrapped by the JSON or
/// CSV writer.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    error.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().map(|e| e.kind());
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(|e| e.io_error_kind());
        let csv = cause
            .downcast_ref::<csv::Error>()
            .and_then(|e| match e.kind() {
                csv::ErrorKind::Io(io) => Some(io.kind()),
                _ => None,
            });
        [io, json, csv].contains(&Some(BrokenPipe))
    })
}

/// The fault taxonomy: the user's file (`--taxonomy`), or the built-in one.
pub fn load_taxonomy(path: Option<&std::path::Path>) -> anyhow::Result<crate::parse::Taxonomy> {
    match path {
        Some(path) => crate::parse::Taxonomy::from_file(path),
        None => Ok(crate::parse::Taxonomy::default_ref().clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer whose reader has gone away.
    struct ClosedPipe;

    impl std::io::Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn broken_pipe_is_seen_through_the_json_and_csv_writers() {
        let json = serde_json::to_writer(ClosedPipe, &"x").unwrap_err();
        assert!(is_broken_pipe(
            &anyhow::Error::from(json).context("writing hits")
        ));
        let mut csv = csv::Writer::from_writer(ClosedPipe);
        let csv = csv
            .write_record(["x"])
            .and_then(|_| csv.flush().map_err(Into::into));
        assert!(is_broken_pipe(&anyhow::Error::from(csv.unwrap_err())));
        let io = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&anyhow::Error::from(io)));
        let other = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(!is_broken_pipe(&anyhow::Error::from(other)));
        let parse = serde_json::from_str::<u8>("x").unwrap_err();
        assert!(!is_broken_pipe(&anyhow::Error::from(parse)));
    }

    #[test]
    fn the_input_help_names_every_accepted_key_and_the_array_limit() {
        let help = input_formats_help!();
        for key in crate::walk::KEYS {
            let line = help
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("{} ", key.field)))
                .unwrap_or_else(|| panic!("no help line for {}", key.field));
            for name in key.names {
                assert!(line.contains(name), "{name} missing from {line:?}");
            }
        }
        let mb = crate::walk::MAX_JSON_ARRAY_BYTES / (1024 * 1024);
        assert!(help.contains(&format!("up to {mb} MB")));
    }
}
