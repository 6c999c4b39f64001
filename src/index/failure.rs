//! What went wrong on disk, in the user's words. tantivy wraps the io error
//! that stopped it (permission denied, no space left on device) in layers,
//! some printed with `{:?}`, and its writer reports a failed indexing thread
//! only as "an index writer was killed"; this digs the io error out and names
//! the file it concerns.

use std::io;
use std::path::Path;

use tantivy::directory::error::{LockError, OpenDirectoryError, OpenReadError, OpenWriteError};
use tantivy::TantivyError;

/// The io error at the root of `error`, and the file (relative to the index
/// directory, or absolute) it concerns when tantivy says.
pub fn io_cause(error: &TantivyError) -> Option<(&io::Error, Option<&Path>)> {
    match error {
        TantivyError::IoError(e) => Some((e, None)),
        TantivyError::LockFailure(LockError::IoError(e), _) => Some((e, None)),
        TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            Some((io_error, Some(filepath)))
        }
        TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, filepath }) => {
            Some((io_error, Some(filepath)))
        }
        TantivyError::OpenDirectoryError(OpenDirectoryError::IoError {
            io_error,
            directory_path,
        }) => Some((io_error, Some(directory_path))),
        _ => None,
    }
}

/// An error saying what failed `doing` what in the index at `dir`:
/// `DIR/FILE: DOING: CAUSE`, the cause being the io error's own words
/// ("No space left on device (os error 28)") when there is one.
pub fn explain(error: &TantivyError, dir: &Path, doing: &str) -> anyhow::Error {
    let (at, cause) = match io_cause(error) {
        Some((io, file)) => (
            file.map_or_else(|| dir.to_path_buf(), |f| dir.join(f)),
            Some((io.kind(), io.to_string())),
        ),
        None => (dir.to_path_buf(), os_error_named_in(&error.to_string())),
    };
    let Some((kind, cause)) = cause else {
        if let TantivyError::DataCorruption(corruption) = error {
            return corrupt(corruption, dir, doing);
        }
        return anyhow::anyhow!("{}: {doing}: {error}", dir.display());
    };
    let advice = match kind {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "; free some space and run the ingest again"
        }
        _ => "",
    };
    anyhow::anyhow!("{}: {doing}: {cause}{advice}", at.display())
}

/// The error of an index's writer lock that could not be taken, saying which
/// of three things it was: another ingest holds it, the user cannot write
/// the directory, or another io error.
pub fn lock_failure(error: &LockError, dir: &Path) -> anyhow::Error {
    let lock = dir.join(".tantivy-writer.lock");
    match error {
        LockError::LockBusy => anyhow::anyhow!(
            "{}: index is being written by another process (another `ombuds ingest` is running); \
             wait for it to finish — `search` and `stats` keep working meanwhile",
            dir.display()
        ),
        LockError::IoError(e) if super::directory::is_not_writable(e) => anyhow::anyhow!(
            "{}: cannot write to the index directory ({e}); \
             `search`, `stats`, `show` and `export` can still read it",
            lock.display()
        ),
        LockError::IoError(e) => {
            anyhow::anyhow!(
                "{}: cannot take the index's write lock: {e}",
                lock.display()
            )
        }
    }
}

/// How much of tantivy's account of a corrupt file is shown: it quotes the
/// whole file, which for a damaged `meta.json` can be megabytes.
const CORRUPTION_SHOWN: usize = 300;

/// A corrupt index file, named, with the start of tantivy's account of it
/// and what to do.
fn corrupt(corruption: &tantivy::error::DataCorruption, dir: &Path, doing: &str) -> anyhow::Error {
    let account = format!("{corruption:?}");
    let mut end = account.len().min(CORRUPTION_SHOWN);
    while !account.is_char_boundary(end) {
        end -= 1;
    }
    let more = if end < account.len() { " …" } else { "" };
    anyhow::anyhow!(
        "{}: {doing}: the index is damaged: {}{more}; rebuild it with `ombuds ingest PATH --index {} --rebuild`",
        dir.display(),
        &account[..end],
        dir.display()
    )
}

/// The io error an error message names by its number, `(os error N)`:
/// tantivy turns some io errors into text (writing field norms on a full
/// disk gives "Internal error: 'No space left on device (os error 28)'").
fn os_error_named_in(message: &str) -> Option<(io::ErrorKind, String)> {
    let (_, after) = message.split_once("(os error ")?;
    let (number, _) = after.split_once(')')?;
    let io = io::Error::from_raw_os_error(number.parse().ok()?);
    Some((io.kind(), io.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use std::sync::Arc;

    #[test]
    fn a_corrupt_file_is_named_without_quoting_all_of_it() {
        let error = TantivyError::DataCorruption(tantivy::error::DataCorruption::new(
            PathBuf::from("meta.json"),
            format!(
                "Meta file cannot be deserialized. Content: {}",
                "x".repeat(200_000)
            ),
        ));
        let message = explain(&error, Path::new("idx"), "cannot open index").to_string();
        assert!(message.len() < 600, "{} bytes", message.len());
        assert!(message.contains("meta.json"), "{message}");
        assert!(message.contains("--rebuild"), "{message}");
    }

    fn no_space() -> io::Error {
        io::Error::from_raw_os_error(28)
    }

    #[test]
    fn a_full_disk_is_named_with_the_file_that_could_not_be_written() {
        let error = TantivyError::OpenWriteError(OpenWriteError::IoError {
            io_error: Arc::new(no_space()),
            filepath: PathBuf::from("abc.store"),
        });
        let message = explain(&error, Path::new("/idx"), "committing the index").to_string();
        assert!(
            message.starts_with("/idx/abc.store: committing the index: No space left on device"),
            "{message}"
        );
        assert!(message.contains("free some space"), "{message}");
    }

    #[test]
    fn a_full_disk_wrapped_by_tempfile_keeps_its_kind() {
        // tantivy's atomic write fails inside `tempfile`, which wraps the
        // error with the temporary file's path but keeps its kind.
        let wrapped = io::Error::new(io::ErrorKind::StorageFull, no_space());
        let error = TantivyError::IoError(Arc::new(wrapped));
        let message = explain(&error, Path::new("/idx"), "committing the index").to_string();
        assert!(message.contains("No space left on device"), "{message}");
        assert!(message.contains("free some space"), "{message}");
    }

    #[test]
    fn permission_denied_names_the_file() {
        let error = TantivyError::OpenReadError(OpenReadError::IoError {
            io_error: Arc::new(io::Error::from_raw_os_error(13)),
            filepath: PathBuf::from(".managed.json"),
        });
        let message = explain(&error, Path::new("/idx"), "cannot open index").to_string();
        assert!(
            message.starts_with("/idx/.managed.json: cannot open index: Permission denied"),
            "{message}"
        );
    }

    #[test]
    fn an_io_error_tantivy_turned_into_text_is_found_by_its_number() {
        let error = TantivyError::InternalError(no_space().to_string());
        let message = explain(&error, Path::new("/idx"), "committing the index").to_string();
        assert_eq!(
            message,
            "/idx: committing the index: No space left on device (os error 28); \
             free some space and run the ingest again"
        );
    }

    #[test]
    fn an_error_without_an_io_cause_is_shown_whole() {
        let error = TantivyError::ErrorInThread("a worker panicked".into());
        let message = explain(&error, Path::new("/idx"), "indexing").to_string();
        assert_eq!(
            message,
            "/idx: indexing: An error occurred in a thread: 'a worker panicked'"
        );
    }
}
