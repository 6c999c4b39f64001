//! One module per subcommand. Each has its long help as the `//!` doc, its
//! clap `Args`, and a short `run` that reads like an outline.

pub mod export;
pub mod fetch;
pub mod filters;
pub mod ingest;
pub mod parse;
pub mod search;
pub mod show;
pub mod stats;

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
}
