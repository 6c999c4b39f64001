//! Reading a named path's bytes without ever hanging or growing without end.
//!
//! A path on the command line can name a FIFO nobody writes to, a terminal,
//! or a device that never ends (`/dev/zero`). Opening a FIFO normally blocks
//! until a writer appears, and reading a device blocks or runs forever; a
//! blocked reader would hold the index's writer lock and ignore Ctrl-C. So
//! every path is opened non-blocking, read at most `limit + 1` bytes, and a
//! special file that has no data is waited on for a bounded time only.

use std::io::{self, Read};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a FIFO or device with a writer but no data is waited on.
pub const SPECIAL_FILE_WAIT: Duration = Duration::from_secs(10);

/// Why a path's bytes could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Opening or reading failed.
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    /// More bytes than the limit; `exact` says whether `bytes` is the real size.
    #[error("file is {}{bytes} bytes, over the {limit} byte limit", if *exact { "" } else { "at least " })]
    TooLarge {
        /// The size, or how much was read before stopping.
        bytes: u64,
        /// Whether the size came from the file system (else it is a lower bound).
        exact: bool,
        /// The limit.
        limit: u64,
    },
    /// A FIFO or device that gave no end of data in time.
    #[error("not a regular file, and it sent no end of data within {} seconds (a FIFO or device?)", .0.as_secs())]
    Stalled(Duration),
}

/// The bytes of `path`, at most `limit` of them, without blocking on a FIFO
/// or device for longer than `SPECIAL_FILE_WAIT` (10 s).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_bounded_looked(path, limit).map(|(bytes, _)| bytes)
}

/// [`read_bounded`], with the file's metadata as it was opened, before its
/// bytes were read (what a change made while it is read is measured from).
pub fn read_bounded_looked(
    path: &Path,
    limit: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    read_bounded_waiting(path, limit, SPECIAL_FILE_WAIT)
}

fn read_bounded_waiting(
    path: &Path,
    limit: u64,
    wait: Duration,
) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let file = open_nonblocking(path)?;
    let metadata = file.metadata()?;
    let too_large = |bytes, exact| ReadError::TooLarge {
        bytes,
        exact,
        limit,
    };
    if metadata.is_file() && metadata.len() > limit {
        return Err(too_large(metadata.len(), true));
    }
    // A regular file ignores O_NONBLOCK; its size is only a hint (it may grow).
    let capacity = if metadata.is_file() {
        metadata.len()
    } else {
        0
    };
    let mut bytes = Vec::with_capacity(capacity.min(limit) as usize + 1);
    let mut reader = file.take(limit + 1);
    let deadline = Instant::now() + wait;
    loop {
        match reader.read_to_end(&mut bytes) {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                // A writer holds the FIFO (or the device is idle) but has sent
                // nothing yet: wait a little, never for ever.
                if Instant::now() >= deadline {
                    return Err(ReadError::Stalled(wait));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(e.into()),
        }
    }
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64, false));
    }
    Ok((bytes, metadata))
}

/// Opens for reading without waiting for a FIFO's writer.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn fifo(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("pipe.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        path
    }

    #[test]
    fn a_fifo_without_a_writer_reads_as_empty_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = fifo(dir.path());
        assert_eq!(read_bounded(&path, 100).unwrap(), b"");
    }

    #[test]
    fn a_fifo_whose_writer_sends_nothing_is_given_up_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = fifo(dir.path());
        // Opening read-write never blocks on Linux: this is a writer that stays silent.
        let _writer = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        let wait = Duration::from_millis(50);
        let error = read_bounded_waiting(&path, 100, wait).unwrap_err();
        assert!(
            matches!(error, ReadError::Stalled(w) if w == wait),
            "{error}"
        );
    }

    #[test]
    fn a_fifo_that_keeps_sending_stops_at_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = fifo(dir.path());
        let mut writer = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut writer, b"Council (23 002 683)").unwrap();
        // The writer stays open, so no end of data: what was sent is over the limit.
        let error = read_bounded_waiting(&path, 5, Duration::from_secs(60)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "file is at least 6 bytes, over the 5 byte limit"
        );
        drop(writer);
    }

    #[test]
    fn an_endless_device_stops_at_the_limit() {
        let error = read_bounded(Path::new("/dev/zero"), 1000).unwrap_err();
        assert_eq!(
            error.to_string(),
            "file is at least 1001 bytes, over the 1000 byte limit"
        );
    }

    #[test]
    fn a_regular_file_over_the_limit_is_refused_by_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, [b'a'; 10]).unwrap();
        assert_eq!(read_bounded(&path, 10).unwrap().len(), 10);
        assert_eq!(
            read_bounded(&path, 9).unwrap_err().to_string(),
            "file is 10 bytes, over the 9 byte limit"
        );
    }
}
