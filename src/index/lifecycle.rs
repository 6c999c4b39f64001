//! Creating and replacing an index so that a kill, a Ctrl-C or an error at any
//! moment leaves either the old index or the new one, never a broken one.
//!
//! A new index (a first ingest, or `--rebuild`) is built in a staging
//! directory beside the target, `.NAME.ombuds-staging`, while the run holds
//! the target's own tantivy writer lock, so no other ingest writes the old
//! index or stages a new one meanwhile. Once committed, the staging directory
//! and the target are swapped in one step (`renameat2(RENAME_EXCHANGE)` on
//! Linux) and the old index, now under the staging name, is deleted. Readers
//! see the old index until the swap and the new one after it.
//!
//! A killed run leaves at worst a stale staging directory, or a target that
//! holds only tantivy's files and no `ombuds.json`; the next ingest, once it
//! holds the lock, recognises both as ours and cleans them up. Only files
//! whose names are tantivy's or ombuds' are ever deleted.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use tantivy::directory::{Directory, DirectoryLock, MmapDirectory, INDEX_WRITER_LOCK};

use super::{DecisionIndex, META_FILE};

/// What the staging directory's name adds to the target's, after a leading dot.
pub const STAGING_SUFFIX: &str = ".ombuds-staging";

/// Where an ingest writes: the index itself, or a new index beside it that
/// replaces it at [`Destination::publish`].
pub struct Destination {
    /// The index documents are written to (the staging one when staged).
    pub index: DecisionIndex,
    staged: Option<Staged>,
}

/// A new index being built beside its target.
struct Staged {
    target: PathBuf,
    dir: PathBuf,
    /// The target's writer lock, held from before anything is touched until
    /// after the swap: other ingests and rebuilds are refused meanwhile.
    _lock: DirectoryLock,
}

/// What a directory holds, as far as an ingest is concerned.
#[derive(Debug, PartialEq)]
enum Found {
    /// Nothing there, an empty directory, or one with only tantivy's lock file.
    Nothing,
    /// An ombuds index (of any version).
    Index,
    /// Only tantivy's files: an index whose first ingest was killed.
    OursOnly,
    /// A file ombuds did not write, named.
    Foreign(String),
}

/// Opens `path` for writing: the index in place when it exists and `rebuild`
/// is not asked for, otherwise a new index staged beside it.
pub fn destination(path: &Path, rebuild: bool) -> Result<Destination> {
    match survey(path)? {
        Found::Index if !rebuild => {
            return Ok(Destination::in_place(super::open_for_writing(path)?))
        }
        Found::Foreign(name) => bail!(not_ours(path, &name)),
        Found::Index | Found::Nothing | Found::OursOnly => {}
    }
    std::fs::create_dir_all(path)
        .with_context(|| format!("{}: cannot create index directory", path.display()))?;
    let target = path
        .canonicalize()
        .with_context(|| format!("{}: cannot resolve the index directory", path.display()))?;
    // The lock comes before anything is deleted; what the directory holds is
    // looked at again under it, as another ingest may have just created it.
    let lock = writer_lock(&target, path)?;
    match survey(&target)? {
        Found::Index if !rebuild => {
            drop(lock);
            return Ok(Destination::in_place(super::open_for_writing(path)?));
        }
        Found::Foreign(name) => bail!(not_ours(path, &name)),
        Found::OursOnly => eprintln!(
            "ombuds: note: {}: replacing a half-created index left by an interrupted ingest",
            path.display()
        ),
        Found::Index | Found::Nothing => {}
    }
    let dir = staging_dir(&target)?;
    remove_stale_staging_dir(&dir)?;
    std::fs::create_dir(&dir)
        .with_context(|| format!("{}: cannot create staging directory", dir.display()))?;
    let staged = Staged {
        target,
        dir,
        _lock: lock,
    };
    // From here on, dropping the destination removes the staging directory.
    let index = match super::create(&staged.dir) {
        Ok(index) => index,
        Err(e) => {
            remove_staging(&staged.dir);
            return Err(e);
        }
    };
    Ok(Destination {
        index,
        staged: Some(staged),
    })
}

impl Destination {
    fn in_place(index: DecisionIndex) -> Self {
        Destination {
            index,
            staged: None,
        }
    }

    /// Removes a staging directory a killed run left beside an index written
    /// in place, best effort: it does not stop this run. Call it only while
    /// holding the index's writer lock: then no other run can be using it.
    pub fn remove_stale_staging(&self) {
        if self.staged.is_some() {
            return; // done before staging
        }
        let removed = self
            .index
            .path
            .canonicalize()
            .map_err(anyhow::Error::from)
            .and_then(|target| staging_dir(&target))
            .and_then(|dir| remove_stale_staging_dir(&dir));
        if let Err(e) = removed {
            eprintln!("ombuds: note: {e:#}");
        }
    }

    /// Makes a committed staged index the index: swaps it into place and
    /// deletes the old one. Nothing to do for an index written in place.
    pub fn publish(mut self) -> Result<()> {
        let Some(staged) = self.staged.take() else {
            return Ok(());
        };
        if let Err(e) = swap(&staged.dir, &staged.target) {
            remove_staging(&staged.dir);
            return Err(e).with_context(|| {
                format!(
                    "{}: cannot move the new index into place; the index is as it was",
                    staged.target.display()
                )
            });
        }
        sync_parent(&staged.target);
        // The old index is now under the staging name. Files of the user's
        // own that sat in it go back beside the new index.
        move_foreign(&staged.dir, &staged.target);
        remove_staging(&staged.dir);
        Ok(())
    }
}

impl Drop for Destination {
    /// A staged index never published (an error, `--strict`) is removed.
    fn drop(&mut self) {
        if let Some(staged) = &self.staged {
            remove_staging(&staged.dir);
        }
    }
}

/// Takes tantivy's own writer lock on `dir`, the one every index writer takes.
fn writer_lock(dir: &Path, shown: &Path) -> Result<DirectoryLock> {
    let directory = MmapDirectory::open(dir)
        .with_context(|| format!("{}: cannot open index directory", shown.display()))?;
    directory
        .acquire_lock(&INDEX_WRITER_LOCK)
        .map_err(|e| super::failure::lock_failure(&e, shown))
}

fn not_ours(path: &Path, name: &str) -> String {
    format!(
        "{}: directory exists and is not an ombuds index (it holds {name}); choose another --index or empty it",
        path.display()
    )
}

/// What `path` holds.
fn survey(path: &Path) -> Result<Found> {
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(_) if path.exists() && !path.is_dir() => {
            bail!(
                "{}: is not a directory; --index names a directory",
                path.display()
            )
        }
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read", path.display())),
    };
    if path.join(META_FILE).exists() {
        return Ok(Found::Index);
    }
    let mut found = Found::Nothing;
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot read", path.display()))?;
        let name = entry.file_name();
        if !is_ours(&name.to_string_lossy()) || !entry.path().is_file() {
            return Ok(Found::Foreign(name.to_string_lossy().into_owned()));
        }
        // The lock file alone is what taking the lock leaves: nothing to replace.
        if name != INDEX_WRITER_LOCK.filepath.as_os_str() {
            found = Found::OursOnly;
        }
    }
    Ok(found)
}

/// `.NAME.ombuds-staging` beside `target` (an absolute, resolved path).
fn staging_dir(target: &Path) -> Result<PathBuf> {
    let name = target.file_name().with_context(|| {
        format!(
            "{}: cannot build a new index beside this directory; choose another --index",
            target.display()
        )
    })?;
    let mut staging = OsString::from(".");
    staging.push(name);
    staging.push(STAGING_SUFFIX);
    Ok(target.with_file_name(staging))
}

/// Removes a staging directory left by a killed run, with a note; fails when
/// it holds a file that is not ours, as the staging name is then taken.
fn remove_stale_staging_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    eprintln!(
        "ombuds: note: removing {}, left by an interrupted ingest",
        dir.display()
    );
    remove_ours(dir)
}

/// Removes a staging directory this run made, best effort: what cannot be
/// removed now is removed by the next ingest.
fn remove_staging(dir: &Path) {
    if let Err(e) = remove_ours(dir) {
        eprintln!("ombuds: note: {e:#}; the next ingest removes it");
    }
}

/// Removes tantivy's and ombuds' files from `dir`, then `dir` itself; fails,
/// leaving the rest, if anything else is in it.
fn remove_ours(dir: &Path) -> Result<()> {
    remove_index_files(dir)?;
    std::fs::remove_dir(dir).with_context(|| {
        format!(
            "{}: cannot remove (it holds files ombuds did not write?)",
            dir.display()
        )
    })
}

/// Removes an ombuds index's files (only those, never the user's other files).
fn remove_index_files(path: &Path) -> Result<()> {
    for entry in
        std::fs::read_dir(path).with_context(|| format!("{}: cannot read", path.display()))?
    {
        let entry = entry.with_context(|| format!("{}: cannot read", path.display()))?;
        if is_ours(&entry.file_name().to_string_lossy()) && entry.path().is_file() {
            std::fs::remove_file(entry.path())
                .with_context(|| format!("{}: cannot remove", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Moves what is not ours from `from` into `to`, best effort, with a note
/// for anything left behind.
fn move_foreign(from: &Path, to: &Path) {
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if is_ours(&name.to_string_lossy()) && entry.path().is_file() {
            continue;
        }
        let dest = to.join(&name);
        if dest.exists() || std::fs::rename(entry.path(), &dest).is_err() {
            eprintln!(
                "ombuds: note: {} was in the old index directory and is left there",
                entry.path().display()
            );
        }
    }
}

/// Whether a file name is one tantivy or ombuds writes in an index directory:
/// `ombuds.json`, tantivy's `meta.json`, `.managed.json`, lock and temporary
/// files, and segment files (32 hex digits, then a component extension).
fn is_ours(name: &str) -> bool {
    if matches!(name, META_FILE | "meta.json" | ".managed.json")
        || name.starts_with(".tantivy")
        || name.starts_with(".tmp")
    {
        return true;
    }
    let Some((id, extension)) = name.split_once('.') else {
        return false;
    };
    let segment_id = id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit());
    let component = matches!(
        extension,
        "idx" | "pos" | "term" | "store" | "store.temp" | "fast" | "fieldnorm"
    ) || extension
        .strip_suffix(".del")
        .is_some_and(|opstamp| opstamp.bytes().all(|b| b.is_ascii_digit()));
    segment_id && component
}

/// Swaps two directories in one step: each name then holds the other's.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn swap(a: &Path, b: &Path) -> Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)
        .with_context(|| format!("swapping {} and {}", a.display(), b.display()))
}

/// Swaps two directories by three renames. Not atomic: a kill between the
/// first two leaves no directory at `b` (the old index is then under
/// `.NAME.ombuds-old`, to be moved back by hand); readers between them see
/// no index. Linux uses one `renameat2` instead.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn swap(a: &Path, b: &Path) -> Result<()> {
    let mut old = b.as_os_str().to_owned();
    old.push(".ombuds-old");
    let aside = PathBuf::from(old);
    std::fs::rename(b, &aside)
        .with_context(|| format!("moving {} to {}", b.display(), aside.display()))?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e).with_context(|| format!("moving {} to {}", a.display(), b.display()));
    }
    std::fs::rename(&aside, a)
        .with_context(|| format!("moving {} to {}", aside.display(), a.display()))
}

/// Makes a rename in `path`'s parent durable, best effort: the new index's
/// own files were synced by its commit.
fn sync_parent(path: &Path) {
    if let Some(parent) = path.parent() {
        if let Ok(dir) = std::fs::File::open(parent) {
            let _ = dir.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).unwrap();
    }

    #[test]
    fn tantivy_and_ombuds_names_are_ours_and_nothing_else() {
        for name in [
            "ombuds.json",
            "meta.json",
            ".managed.json",
            ".tantivy-writer.lock",
            ".tantivy-meta.lock",
            ".tmpA1b2C3",
            "0123456789abcdef0123456789ABCDEF.store",
            "0123456789abcdef0123456789abcdef.store.temp",
            "0123456789abcdef0123456789abcdef.fieldnorm",
            "0123456789abcdef0123456789abcdef.42.del",
        ] {
            assert!(is_ours(name), "{name}");
        }
        for name in [
            "notes.txt",
            "README.idx",
            "0123456789abcdef0123456789abcdef.txt",
            "0123456789abcdef0123456789abcdeg.store",
            "0123456789abcdef0123456789abcdef.x.del",
            "meta.json.bak",
        ] {
            assert!(!is_ours(name), "{name}");
        }
    }

    #[test]
    fn survey_tells_nothing_half_created_index_and_foreign_apart() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("idx");
        assert_eq!(survey(&dir).unwrap(), Found::Nothing);
        std::fs::create_dir(&dir).unwrap();
        assert_eq!(survey(&dir).unwrap(), Found::Nothing);
        write(&dir, ".tantivy-writer.lock", "");
        assert_eq!(survey(&dir).unwrap(), Found::Nothing);
        write(&dir, "meta.json", "{}");
        assert_eq!(survey(&dir).unwrap(), Found::OursOnly);
        write(&dir, "notes.txt", "mine");
        assert_eq!(survey(&dir).unwrap(), Found::Foreign("notes.txt".into()));
        write(&dir, META_FILE, "{}");
        assert_eq!(survey(&dir).unwrap(), Found::Index);
    }

    #[test]
    fn staging_sits_beside_the_target_under_a_hidden_name() {
        let staging = staging_dir(Path::new("/data/lgsco index")).unwrap();
        assert_eq!(staging, Path::new("/data/.lgsco index.ombuds-staging"));
        assert!(staging_dir(Path::new("/")).is_err());
    }

    #[test]
    fn removing_a_staging_directory_keeps_files_that_are_not_ours() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join(".idx.ombuds-staging");
        std::fs::create_dir(&dir).unwrap();
        write(&dir, "meta.json", "{}");
        write(&dir, "0123456789abcdef0123456789abcdef.idx", "");
        assert!(remove_ours(&dir).is_ok());
        assert!(!dir.exists());

        std::fs::create_dir(&dir).unwrap();
        write(&dir, "meta.json", "{}");
        write(&dir, "thesis.docx", "years of work");
        assert!(remove_ours(&dir).is_err());
        assert!(!dir.join("meta.json").exists());
        assert_eq!(
            std::fs::read_to_string(dir.join("thesis.docx")).unwrap(),
            "years of work"
        );
    }

    #[test]
    fn swap_exchanges_two_directories() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        std::fs::create_dir(&a).unwrap();
        std::fs::create_dir(&b).unwrap();
        write(&a, "which", "new");
        write(&b, "which", "old");
        swap(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(b.join("which")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(a.join("which")).unwrap(), "old");
    }

    #[test]
    fn foreign_files_move_beside_the_new_index() {
        let tmp = tempfile::tempdir().unwrap();
        let (old, new) = (tmp.path().join("old"), tmp.path().join("new"));
        std::fs::create_dir(&old).unwrap();
        std::fs::create_dir(&new).unwrap();
        write(&old, "meta.json", "old");
        write(&old, "notes.txt", "mine");
        write(&new, "meta.json", "new");
        move_foreign(&old, &new);
        assert_eq!(
            std::fs::read_to_string(new.join("notes.txt")).unwrap(),
            "mine"
        );
        assert_eq!(
            std::fs::read_to_string(new.join("meta.json")).unwrap(),
            "new"
        );
        assert!(old.join("meta.json").exists());
        assert!(!old.join("notes.txt").exists());
    }
}
