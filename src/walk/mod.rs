//! Finding decision files and reading them as text.
//!
//! Directories are walked for `.txt`, `.html`/`.htm`, `.json` and `.jsonl`
//! files ([`Format`]), without following symbolic links (a link loop can
//! never hang an ingest); files named explicitly are read whatever their
//! extension (as text, unless it names another format). A text file or a
//! saved page is one decision; a JSON file holds many, one per record, so a
//! file is split into [`Input`]s, each read into a [`Document`]. Every file
//! or record that cannot be used becomes a [`Skipped`] with the reason, so
//! the caller can report it and carry on.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use walkdir::WalkDir;

mod bounded;
mod input;
mod page;
mod records;
mod stamp;
mod text;

pub use bounded::{read_bounded, ReadError};
pub use input::{inputs, Document, Format, Input, MAX_JSON_ARRAY_BYTES};
pub use page::{read_page, Page};
pub use records::{Metadata, KEYS};
pub use stamp::FileStamp;
pub use text::{decode, Decoded, Repair};

/// Files larger than this are not decisions (the longest published ones are
/// well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Why a file was not used; reports name it by its serde (snake_case) name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipKind {
    /// The path does not exist or could not be read.
    Unreadable,
    /// Zero bytes, or only white space.
    Empty,
    /// Binary content (NUL bytes).
    Binary,
    /// Not UTF-8 text.
    Encoding,
    /// Over [`MAX_FILE_BYTES`].
    TooLarge,
    /// Text without a decision title line.
    NotADecision,
    /// Same reference as a later file in the same run.
    Duplicate,
    /// The parser failed on this file (a bug in ombuds).
    ParserError,
    /// A record of a JSON file that is not valid JSON, not an object, or
    /// has no decision text.
    BadRecord,
}

/// A file that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file, as found.
    pub path: String,
    /// One line a person can act on.
    pub reason: String,
    /// The class of problem.
    pub kind: SkipKind,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl Skipped {
    /// A skipped file.
    pub fn new(path: &Path, kind: SkipKind, reason: impl Into<String>) -> Self {
        Skipped {
            path: path_text(path),
            reason: reason.into(),
            kind,
        }
    }

    /// A skipped part of a file (a record), named by its `source`.
    pub fn at(source: String, kind: SkipKind, reason: impl Into<String>) -> Self {
        Skipped {
            path: source,
            reason: reason.into(),
            kind,
        }
    }
}

/// Whether a walked file looks like a decision file by its name.
fn is_candidate(path: &Path) -> bool {
    Format::of_name(path).is_some()
}

/// Whether a walked file is `ombuds fetch`'s manifest, which gives the URLs
/// of the pages beside it and is no decision.
fn is_fetch_manifest(path: &Path, name: &std::ffi::OsStr) -> bool {
    name == crate::fetch::manifest::FILE_NAME && records::is_manifest(path)
}

/// A path as text, for reports and the `source` field: exact when it is
/// UTF-8 (nearly always); otherwise each byte that is not UTF-8 is written
/// `\xFF`, where `display()` would print U+FFFD and make two different
/// names look the same. (A UTF-8 name that literally contains `\xFF` would
/// still print like one; such names are not worth escaping every `\` for.)
/// Files are always opened by their real path, never by this text.
pub fn path_text(path: &Path) -> String {
    if let Some(text) = path.to_str() {
        return text.to_string();
    }
    #[cfg(unix)]
    {
        use std::fmt::Write;
        use std::os::unix::ffi::OsStrExt;
        let mut text = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            text.push_str(chunk.valid());
            for byte in chunk.invalid() {
                let _ = write!(text, "\\x{byte:02X}");
            }
        }
        text
    }
    #[cfg(not(unix))]
    path.display().to_string()
}

/// What makes two paths the same file (device and inode on Unix).
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_path: &Path, metadata: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
fn file_id(path: &Path, _metadata: &std::fs::Metadata) -> Option<FileId> {
    std::fs::canonicalize(path).ok()
}

/// "a FIFO", "a socket", ... for a file type that is neither a regular
/// file, a directory nor a link, or `None`.
fn special_kind(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() || file_type.is_symlink() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// All decision files under `paths`, sorted within each argument so runs are
/// deterministic, and the arguments that could not be walked.
///
/// Each file is listed once, at its first place: a file named twice, or
/// named and also inside a named directory, would otherwise be read twice
/// and reported as a duplicate of itself. Special files (FIFOs, sockets,
/// devices) inside directories are reported, not opened; named explicitly,
/// they are read with a bounded, non-blocking read (see [`read_text`]).
pub fn decision_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    // Only several arguments can reach one file twice (a walk without
    // links visits each entry once), so one argument costs no extra stat.
    let mut seen: Option<std::collections::HashSet<FileId>> =
        (paths.len() > 1).then(Default::default);
    // The metadata is only asked for when it is needed.
    let mut first_time =
        |path: &Path, metadata: &dyn Fn() -> Option<std::fs::Metadata>| match &mut seen {
            Some(seen) => metadata()
                .and_then(|m| file_id(path, &m))
                .is_none_or(|id| seen.insert(id)),
            None => true,
        };
    for root in paths {
        match std::fs::symlink_metadata(root) {
            Err(e) => skipped.push(Skipped::new(
                root,
                SkipKind::Unreadable,
                format!("cannot read: {e}"),
            )),
            Ok(_) => {
                // Follows a link, as a named link is read as its target.
                let target = std::fs::metadata(root);
                if !target.as_ref().is_ok_and(std::fs::Metadata::is_dir) {
                    // A named file is read whatever its name or type.
                    if first_time(root, &|| target.as_ref().ok().cloned()) {
                        files.push(root.clone());
                    }
                    continue;
                }
                for entry in WalkDir::new(root).follow_links(false).sort_by_file_name() {
                    // The entry's own name: cheaper to read than its whole path.
                    let candidate = |e: &walkdir::DirEntry| is_candidate(Path::new(e.file_name()));
                    match entry {
                        Ok(e) if e.file_type().is_file() && candidate(&e) => {
                            if is_fetch_manifest(e.path(), e.file_name()) {
                                continue;
                            }
                            if first_time(e.path(), &|| e.metadata().ok()) {
                                files.push(e.into_path());
                            }
                        }
                        Ok(e) if e.path_is_symlink() && candidate(&e) => {
                            if first_time(e.path(), &|| e.metadata().ok()) {
                                skipped.push(Skipped::new(
                                    e.path(),
                                    SkipKind::Unreadable,
                                    "symbolic link not followed inside a directory (name the file itself to read it)",
                                ));
                            }
                        }
                        Ok(e) if candidate(&e) => {
                            let kind = special_kind(e.file_type())
                                .filter(|_| first_time(e.path(), &|| e.metadata().ok()));
                            if let Some(kind) = kind {
                                skipped.push(Skipped::new(
                                    e.path(),
                                    SkipKind::Unreadable,
                                    format!("{kind}, not a regular file: not read inside a directory (name it to read it)"),
                                ));
                            }
                        }
                        Ok(_) => {}
                        Err(e) => {
                            let path = e.path().unwrap_or(root).to_path_buf();
                            skipped.push(Skipped::new(
                                &path,
                                SkipKind::Unreadable,
                                format!("cannot read: {e}"),
                            ));
                        }
                    }
                }
            }
        }
    }
    (files, skipped)
}

/// Reads one file as decision text, or says why it cannot be used.
///
/// The read is bounded (see [`read_bounded`]): a file that grows after the
/// size check, a device that never ends (`/dev/zero`) or a FIFO nobody
/// writes to costs at most the limit or a short wait, never a hang.
pub fn read_text(path: &Path) -> Result<Decoded, Skipped> {
    read_text_looked(path).map(|(decoded, _)| decoded)
}

/// [`read_text`], with the file's metadata as opened, before it was read.
pub(crate) fn read_text_looked(path: &Path) -> Result<(Decoded, std::fs::Metadata), Skipped> {
    let (bytes, metadata) = read_file_looked(path)?;
    let decoded = text::decode(bytes).map_err(|(kind, reason)| Skipped::new(path, kind, reason))?;
    Ok((decoded, metadata))
}

/// The bytes of one decision file, read bounded (see [`read_text`]), or why
/// they cannot be had.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, Skipped> {
    read_file_looked(path).map(|(bytes, _)| bytes)
}

pub(crate) fn read_file_looked(path: &Path) -> Result<(Vec<u8>, std::fs::Metadata), Skipped> {
    bounded::read_bounded_looked(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::TooLarge { .. } => {
            Skipped::new(path, SkipKind::TooLarge, format!("{e} for one decision"))
        }
        ReadError::Io(_) | ReadError::Stalled(_) => {
            Skipped::new(path, SkipKind::Unreadable, e.to_string())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_binary_and_bad_utf8_files_are_skipped_with_reasons() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        assert_eq!(
            read_text(&write("e.txt", b"  \n")).unwrap_err().kind,
            SkipKind::Empty
        );
        assert_eq!(
            read_text(&write("b.txt", b"ab\0cd")).unwrap_err().kind,
            SkipKind::Binary
        );
        assert_eq!(
            read_text(&write("u.txt", b"\x81\x8d")).unwrap_err().kind,
            SkipKind::Encoding
        );
        assert_eq!(
            read_text(&write("ok.txt", "£300".as_bytes())).unwrap().text,
            "£300"
        );
        assert_eq!(
            read_text(&dir.path().join("missing.txt")).unwrap_err().kind,
            SkipKind::Unreadable
        );
        // A device reports no size and never ends: reading stops at the limit.
        #[cfg(target_os = "linux")]
        {
            let endless = read_text(Path::new("/dev/zero")).unwrap_err();
            assert_eq!(endless.kind, SkipKind::TooLarge);
            assert!(
                endless.reason.contains("at least 20971521 bytes"),
                "{}",
                endless.reason
            );
        }
    }

    #[test]
    fn walk_finds_txt_files_in_order_and_reports_missing_roots() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.TXT", "sub/c.txt", "notes.md"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let (files, skipped) = decision_files(&[dir.path().to_path_buf(), dir.path().join("nope")]);
        let names: Vec<_> = files
            .iter()
            .map(|p| {
                p.strip_prefix(dir.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, vec!["a.TXT", "b.txt", "sub/c.txt"]);
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].path.ends_with("nope"));
    }

    #[test]
    fn walk_finds_pages_and_json_in_any_case_but_not_fetchs_manifest() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.HTML", "b.htm", "c.Json", "d.jsonl", "e.xml", "f.html~"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let manifest =
            r#"{"reference":"24 011 791","file":"24-011-791.html","url":"u","fetched":"t"}"#;
        std::fs::write(dir.path().join("manifest.jsonl"), manifest).unwrap();
        let (files, skipped) = decision_files(&[dir.path().to_path_buf()]);
        let names: Vec<_> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.HTML", "b.htm", "c.Json", "d.jsonl"]);
        assert!(skipped.is_empty(), "{skipped:?}");
        // A scrape that happens to be called manifest.jsonl is read.
        std::fs::write(
            dir.path().join("manifest.jsonl"),
            r#"{"text":"t","file":"f","url":"u"}"#,
        )
        .unwrap();
        assert_eq!(decision_files(&[dir.path().to_path_buf()]).0.len(), 5);
    }

    #[test]
    fn a_file_reached_twice_is_listed_once_at_its_first_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("d")).unwrap();
        for name in ["d/a.txt", "d/b.txt", "c.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let p = |name: &str| dir.path().join(name);
        // Named twice, named and inside a named folder, the folder twice under two spellings.
        let roots = [p("c.txt"), p("d/b.txt"), p("d"), p("c.txt"), p("./d")];
        let (files, skipped) = decision_files(&roots);
        assert_eq!(files, vec![p("c.txt"), p("d/b.txt"), p("d/a.txt")]);
        assert!(skipped.is_empty(), "{skipped:?}");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_inside_folders_are_reported_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let fifo = dir.path().join("pipe.txt");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let (files, skipped) =
            decision_files(&[dir.path().to_path_buf(), dir.path().to_path_buf()]);
        assert_eq!(files, vec![dir.path().join("a.txt")]);
        assert_eq!(
            skipped.len(),
            1,
            "reported once though reached twice: {skipped:?}"
        );
        assert_eq!(skipped[0].kind, SkipKind::Unreadable);
        assert!(skipped[0].reason.starts_with("a FIFO, not a regular file"));
        // Named explicitly it is read, without waiting for a writer.
        assert_eq!(read_text(&fifo).unwrap_err().kind, SkipKind::Empty);
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_keep_their_bytes_visible() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(OsStr::from_bytes(b"dir/caf\xe9.txt"));
        let b = Path::new(OsStr::from_bytes(b"dir/caf\xe8.txt"));
        assert_eq!(path_text(a), "dir/caf\\xE9.txt");
        assert_ne!(path_text(a), path_text(b));
        assert_eq!(path_text(Path::new("dir/café.txt")), "dir/café.txt");
        assert_eq!(
            Skipped::new(a, SkipKind::Empty, "empty file").path,
            "dir/caf\\xE9.txt"
        );
    }
}
