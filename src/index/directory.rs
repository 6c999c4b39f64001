//! The directory an index is opened through: tantivy's memory-mapped
//! directory with two changes for indexes that are shared or read-only.
//!
//! tantivy replaces `meta.json` and `.managed.json` whole through a temporary
//! file that is owner-only, so another user could search no index; here they
//! are created like its segment files, readable as the umask allows.
//!
//! tantivy also takes its meta lock (which keeps a writer's clean-up from
//! deleting segment files while a reader opens them) on a lock file it opens
//! for writing, so an index on a read-only mount, or one the user may read but
//! not write, could not be searched at all. When that open fails for want of
//! write permission, the lock is taken on the existing lock file opened for
//! reading instead (a shared `flock`, which still excludes a writer's
//! clean-up), or, when there is no lock file and none can be made, not at all:
//! then no writer has ever run on this directory with its lock.

use std::fs::{File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{
    DeleteError, LockError, OpenDirectoryError, OpenReadError, OpenWriteError,
};
use tantivy::directory::{
    DirectoryLock, FileHandle, FileSlice, Lock, MmapDirectory, WatchCallback, WatchHandle,
    WritePtr, META_LOCK,
};
use tantivy::Directory;

/// tantivy's directory on disk, readable without write permission and
/// writing files others may read (see the module doc).
#[derive(Clone, Debug)]
pub struct IndexDirectory {
    inner: MmapDirectory,
    root: PathBuf,
}

impl IndexDirectory {
    /// Opens the index directory at `root`.
    pub fn open(root: &Path) -> Result<Self, OpenDirectoryError> {
        Ok(IndexDirectory {
            inner: MmapDirectory::open(root)?,
            root: root.to_path_buf(),
        })
    }

    /// The meta lock taken on the lock file opened for reading, when it
    /// could not be opened for writing.
    fn read_only_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match File::open(self.root.join(&lock.filepath)) {
            Ok(file) => {
                // Readers need not exclude each other, only a writer's clean-up.
                file.lock_shared().map_err(LockError::wrap_io_error)?;
                // Dropping the file releases the lock.
                Ok(DirectoryLock::from(Box::new(file)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(DirectoryLock::from(Box::new(()))),
            Err(e) => Err(LockError::wrap_io_error(e)),
        }
    }
}

/// Whether an io error means the directory cannot be written (as opposed
/// to, say, a full disk or a lock held by someone else).
pub fn is_not_writable(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn open_read(&self, path: &Path) -> Result<FileSlice, OpenReadError> {
        self.inner.open_read(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    /// tantivy's atomic write (a temporary file beside the target, synced,
    /// then renamed over it), but with the temporary file created 0666 less
    /// the umask rather than 0600, so the renamed file is never owner-only.
    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let target = self.root.join(path);
        let parent = target.parent().unwrap_or(&self.root);
        let mut file = tempfile::Builder::new()
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(parent)?;
        file.write_all(data)?;
        file.flush()?;
        file.as_file_mut().sync_data()?;
        file.into_temp_path().persist(&target)?;
        Ok(())
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            // Only the meta lock falls back: the writer's lock must fail on
            // a directory it cannot write, and say so.
            Err(LockError::IoError(e))
                if lock.filepath == META_LOCK.filepath && is_not_writable(&e) =>
            {
                self.read_only_lock(lock)
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// Gives `meta.json` and `.managed.json` in `root` the mode tantivy's
/// segment files get (0666 less the umask) when tantivy left them
/// owner-only: an index created by `Index::create_in_dir`, or written by an
/// ombuds before this one, writes them through tantivy's own directory.
pub fn share_replaced_files(root: &Path) -> io::Result<()> {
    // Without a umask to honour, leave the modes as tantivy made them.
    let Some(umask) = umask() else {
        return Ok(());
    };
    for name in ["meta.json", ".managed.json"] {
        let path = root.join(name);
        let Ok(metadata) = std::fs::metadata(&path) else {
            continue;
        };
        if metadata.permissions().mode() & 0o777 == 0o600 {
            std::fs::set_permissions(&path, Permissions::from_mode(0o666 & !umask))?;
        }
    }
    Ok(())
}

/// This process's umask, read from `/proc/self/status` (Linux); setting and
/// restoring it with `umask(2)` to read it would race other threads'
/// file creation.
pub fn umask() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("Umask:"))?;
    u32::from_str_radix(line.trim(), 8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::directory::INDEX_WRITER_LOCK;

    fn directory() -> (tempfile::TempDir, IndexDirectory) {
        let dir = tempfile::tempdir().expect("temp dir");
        let directory = IndexDirectory::open(dir.path()).expect("opens");
        (dir, directory)
    }

    #[test]
    fn replaced_files_are_readable_by_others_as_the_umask_allows() {
        let (dir, directory) = directory();
        directory
            .atomic_write(Path::new("meta.json"), b"{}")
            .expect("writes");
        let mode = std::fs::metadata(dir.path().join("meta.json"))
            .expect("written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o666 & !umask().expect("umask"));
    }

    #[test]
    fn owner_only_files_left_by_tantivy_are_shared_after_the_fact() {
        let (dir, _) = directory();
        let meta = dir.path().join("meta.json");
        std::fs::write(&meta, b"{}").expect("writes");
        std::fs::set_permissions(&meta, Permissions::from_mode(0o600)).expect("chmod");
        share_replaced_files(dir.path()).expect("shares");
        let mode = std::fs::metadata(&meta)
            .expect("exists")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o666 & !umask().expect("umask"));
    }

    #[test]
    fn read_only_meta_lock_is_a_real_lock_on_the_existing_file() {
        let (dir, directory) = directory();
        std::fs::write(dir.path().join(&META_LOCK.filepath), b"").expect("lock file");
        let held = directory.read_only_lock(&META_LOCK).expect("locks");
        // A writer's clean-up takes the lock exclusively: it must wait.
        let writer = File::open(dir.path().join(&META_LOCK.filepath)).expect("opens");
        assert!(matches!(
            writer.try_lock(),
            Err(std::fs::TryLockError::WouldBlock)
        ));
        drop(held);
        writer.try_lock().expect("free once the reader is done");
    }

    #[test]
    fn read_only_meta_lock_without_a_lock_file_is_skipped() {
        let (dir, directory) = directory();
        directory
            .read_only_lock(&META_LOCK)
            .expect("no lock needed");
        assert!(!dir.path().join(&META_LOCK.filepath).exists());
    }

    #[test]
    fn only_a_directory_that_cannot_be_written_falls_back() {
        assert!(is_not_writable(&io::Error::from_raw_os_error(13))); // EACCES
        assert!(is_not_writable(&io::Error::from_raw_os_error(30))); // EROFS
        assert!(!is_not_writable(&io::Error::from_raw_os_error(28))); // ENOSPC
        assert!(!is_not_writable(&io::Error::from(io::ErrorKind::NotFound)));
    }

    #[test]
    fn the_writer_lock_still_excludes_a_second_writer() {
        let (_dir, directory) = directory();
        let _first = directory.acquire_lock(&INDEX_WRITER_LOCK).expect("locks");
        assert!(matches!(
            directory.acquire_lock(&INDEX_WRITER_LOCK),
            Err(LockError::LockBusy)
        ));
    }
}
