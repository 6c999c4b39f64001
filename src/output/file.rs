//! Files written for the user (`export --output`, `stats --plot`), written so
//! that no run can damage what was there before:
//!
//! - a path inside an index folder (ours, or any folder holding an ombuds or
//!   tantivy index's marker files) is refused: `-o IDX/meta.json` once wiped
//!   the index;
//! - a symbolic link at the path is refused rather than followed, as
//!   someone else may have planted it to point at a file of yours; the one
//!   exception is a link to a pipe or terminal (`/dev/stdout`, `>(cmd)`);
//! - a regular file is written to a temporary file beside it and renamed over
//!   it only by [`OutputFile::commit`], so a failed run leaves the old file
//!   untouched and no temporary file behind (the temporary file is deleted
//!   when the [`OutputFile`] is dropped);
//! - a pipe or terminal is written directly: there is nothing to replace.

use std::fs::{File, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use tempfile::NamedTempFile;

/// A file being written for one flag, committed into place on success.
pub struct OutputFile {
    flag: &'static str,
    path: PathBuf,
    target: Target,
}

enum Target {
    /// A new or replaced regular file, written beside it until `commit`.
    Replace { temp: NamedTempFile, replaces: bool },
    /// A pipe or terminal, written directly.
    Stream(File),
}

/// What is at an output path before we write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Nothing: the file will be created.
    Nothing,
    /// A regular file, which a commit replaces.
    File,
    /// A pipe or character device (`/dev/stdout`, `/dev/null`, `>(cmd)`).
    Stream,
}

impl OutputFile {
    /// Checks `path` as the target of `flag` before any work is done, and
    /// says what is there now. `index` is the `--index` folder in use.
    pub fn check(path: &Path, flag: &'static str, index: &Path) -> Result<Existing> {
        Ok(inspect(path, flag, index)?.0)
    }

    /// Opens `path` for writing (a temporary file beside it, for a regular
    /// file), after the same checks as [`OutputFile::check`].
    pub fn create(path: &Path, flag: &'static str, index: &Path) -> Result<OutputFile> {
        let (existing, target_path, metadata) = inspect(path, flag, index)?;
        let shown = path.display();
        let target = match existing {
            Existing::Stream => {
                let file = File::options()
                    .write(true)
                    .open(&target_path)
                    .with_context(|| format!("{flag}: cannot open {shown}"))?;
                // The path was checked before it was opened; make sure the
                // thing opened is still a stream and not a swapped-in file.
                let opened = file
                    .metadata()
                    .with_context(|| format!("{flag}: cannot inspect {shown}"))?;
                if !is_stream(&opened) {
                    bail!("{flag}: {shown} changed while it was being opened; try again");
                }
                Target::Stream(file)
            }
            Existing::Nothing | Existing::File => {
                let folder = target_path.parent().unwrap_or(Path::new("."));
                let name = target_path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                // The real name last, so the extension (which picks the
                // chart's encoder) is the target's own.
                let suffix = format!("-{name}");
                let mut builder = tempfile::Builder::new();
                builder.prefix(".ombuds-").suffix(&suffix);
                // A new file gets what `File::create` would give it (0666
                // less the umask), not the temporary file's private 0600.
                #[cfg(unix)]
                builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
                let temp = builder.tempfile_in(folder).with_context(|| {
                    format!("{flag}: cannot create a file in {}", folder.display())
                })?;
                if let Some(old) = &metadata {
                    // Keep the replaced file's permissions, as writing into
                    // it would have.
                    std::fs::set_permissions(temp.path(), old.permissions()).with_context(
                        || {
                            format!(
                                "{flag}: cannot set permissions on {}",
                                temp.path().display()
                            )
                        },
                    )?;
                }
                Target::Replace {
                    temp,
                    replaces: existing == Existing::File,
                }
            }
        };
        Ok(OutputFile {
            flag,
            path: target_path,
            target,
        })
    }

    /// Whether committing replaces a regular file that exists now.
    pub fn replaces_file(&self) -> bool {
        matches!(self.target, Target::Replace { replaces: true, .. })
    }

    /// The temporary file's path, for writers that want a path (the chart
    /// backends); `None` for a stream.
    pub fn temp_path(&self) -> Option<&Path> {
        match &self.target {
            Target::Replace { temp, .. } => Some(temp.path()),
            Target::Stream(_) => None,
        }
    }

    /// Puts what was written in place: syncs the temporary file and renames
    /// it over the target (a rename replaces a link put there meanwhile
    /// rather than following it).
    pub fn commit(self) -> Result<()> {
        let shown = self.path.display();
        let flag = self.flag;
        match self.target {
            Target::Stream(mut file) => file
                .flush()
                .with_context(|| format!("{flag}: cannot write {shown}")),
            Target::Replace { temp, .. } => {
                temp.as_file()
                    .sync_all()
                    .with_context(|| format!("{flag}: cannot write {shown}"))?;
                temp.persist(&self.path)
                    .map_err(|e| e.error)
                    .with_context(|| format!("{flag}: cannot replace {shown}"))?;
                Ok(())
            }
        }
    }

    fn file(&mut self) -> &mut File {
        match &mut self.target {
            Target::Replace { temp, .. } => temp.as_file_mut(),
            Target::Stream(file) => file,
        }
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file().flush()
    }
}

/// What is at `path`, the path to write (its folder made canonical), and
/// the metadata of a regular file there; refuses the paths the module doc
/// lists.
fn inspect(
    path: &Path,
    flag: &'static str,
    index: &Path,
) -> Result<(Existing, PathBuf, Option<Metadata>)> {
    let shown = path.display();
    let Some(name) = path.file_name() else {
        bail!("{flag}: {shown} names a folder, not a file");
    };
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let folder = std::fs::canonicalize(folder)
        .with_context(|| format!("{flag}: folder {} does not exist", folder.display()))?;
    if !folder.is_dir() {
        bail!("{flag}: {} is not a folder", folder.display());
    }
    refuse_index_folder(&folder, path, flag, index)?;
    let target = folder.join(name);
    let (existing, metadata) = match std::fs::symlink_metadata(&target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Existing::Nothing, None),
        Err(e) => return Err(e).with_context(|| format!("{flag}: cannot inspect {shown}")),
        Ok(m) if m.file_type().is_symlink() => match std::fs::metadata(&target) {
            Ok(pointed) if is_stream(&pointed) => (Existing::Stream, None),
            _ => bail!(
                "{flag}: {shown} is a symbolic link; ombuds does not write through links \
                     (remove it, or name the file it points to)"
            ),
        },
        Ok(m) if m.is_dir() => bail!("{flag}: {shown} is a folder, not a file"),
        Ok(m) if m.is_file() => (Existing::File, Some(m)),
        Ok(m) if is_stream(&m) => (Existing::Stream, None),
        Ok(_) => bail!("{flag}: {shown} is not a regular file, pipe or terminal"),
    };
    Ok((existing, target, metadata))
}

/// Refuses a target whose (canonical) folder is, or is inside, the index in
/// use, or holds an index's marker files.
fn refuse_index_folder(folder: &Path, path: &Path, flag: &str, index: &Path) -> Result<()> {
    let in_ours = std::fs::canonicalize(index).is_ok_and(|ours| folder.starts_with(ours));
    let ombuds_index = folder.join(crate::index::META_FILE).exists();
    let tantivy_index = folder.join("meta.json").exists() && folder.join(".managed.json").exists();
    if in_ours || ombuds_index || tantivy_index {
        bail!(
            "{flag}: {} is inside the index folder {}; writing there could destroy the index, \
             choose a file outside it",
            path.display(),
            folder.display()
        );
    }
    Ok(())
}

/// Pipes and character devices: written as they are, never replaced.
#[cfg(unix)]
fn is_stream(metadata: &Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    kind.is_fifo() || kind.is_char_device()
}

#[cfg(not(unix))]
fn is_stream(metadata: &Metadata) -> bool {
    !metadata.is_file() && !metadata.is_dir()
}
