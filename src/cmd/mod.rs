//! One module per subcommand. Each has its long help as the `//!` doc, its
//! clap `Args`, and a short `run` that reads like an outline.

pub mod export;
pub mod filters;
pub mod ingest;
pub mod parse;
pub mod search;
pub mod show;
pub mod stats;

/// How a command that ran ended; the value is the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything worked.
    Success = 0,
    /// The command ran but found nothing.
    NothingFound = 1,
    /// An error stopped the command (used by `main`).
    Error = 2,
    /// The command finished, but some input files were skipped.
    SomeSkipped = 3,
    /// Ctrl-C stopped the command before it changed anything.
    Interrupted = 130,
}

/// Whether an error is stdout closing under us (`ombuds search x | head`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<csv::Error>().is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

/// The fault taxonomy: the user's file (`--taxonomy`), or the built-in one.
pub fn load_taxonomy(path: Option<&std::path::Path>) -> anyhow::Result<crate::parse::Taxonomy> {
    match path {
        Some(path) => crate::parse::Taxonomy::from_file(path),
        None => Ok(crate::parse::Taxonomy::default_ref().clone()),
    }
}
