//! A file's stamp: its size and modification time when it was read, which
//! incremental ingest compares to tell a changed file from an unchanged one.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// A file as it was when it was read: size and modification time. The same
/// path with the same stamp is taken to hold the same bytes (as `make` and
/// `rsync` do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since 1970 (negative before).
    pub mtime_ns: i64,
}

impl FileStamp {
    /// The stamp of the regular file at `path` now (a named link is
    /// followed, as it is read as its target); `None` for anything else
    /// (a FIFO, a device, a file that cannot be looked at), which is then
    /// always read.
    pub fn of(path: &Path) -> Option<FileStamp> {
        FileStamp::of_metadata(&std::fs::metadata(path).ok()?)
    }

    /// The stamp `metadata` gives, as [`FileStamp::of`] takes it.
    pub fn of_metadata(metadata: &std::fs::Metadata) -> Option<FileStamp> {
        if !metadata.is_file() {
            return None;
        }
        Some(FileStamp {
            size: metadata.len(),
            mtime_ns: nanos_since_epoch(metadata.modified().ok()?)?,
        })
    }
}

fn nanos_since_epoch(time: SystemTime) -> Option<i64> {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_nanos()).ok(),
        Err(before) => i64::try_from(before.duration().as_nanos()).ok().map(|n| -n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_regular_file_has_a_file_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "twelve bytes").unwrap();
        let stamp = FileStamp::of(&file).expect("a regular file");
        assert_eq!(stamp.size, 12);
        assert!(stamp.mtime_ns > 0);
        assert_eq!(FileStamp::of(dir.path()), None);
        assert_eq!(FileStamp::of(&dir.path().join("missing")), None);
        let before = UNIX_EPOCH - std::time::Duration::from_nanos(5);
        assert_eq!(nanos_since_epoch(before), Some(-5));
    }

    #[test]
    fn the_stamp_of_an_open_file_is_the_stamp_of_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "twelve bytes").unwrap();
        let opened = std::fs::File::open(&file).unwrap().metadata().unwrap();
        assert_eq!(FileStamp::of_metadata(&opened), FileStamp::of(&file));
        let directory = std::fs::metadata(dir.path()).unwrap();
        assert_eq!(FileStamp::of_metadata(&directory), None);
    }
}
