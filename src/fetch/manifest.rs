//! The corpus folder's `manifest.jsonl`: one JSON line per saved page,
//! keeping the URL each page came from (the format is in the `fetch` module
//! doc). Lines are only ever appended, each in one write.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// The manifest's file name inside the corpus folder.
pub const FILE_NAME: &str = "manifest.jsonl";

/// One saved page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The canonical reference, `24 011 791`.
    pub reference: String,
    /// The page's file name in the folder, `24-011-791.html`.
    pub file: String,
    /// The absolute URL the page was downloaded from.
    pub url: String,
    /// When it was downloaded, RFC 3339 in UTC to the second.
    pub fetched: String,
}

impl Entry {
    /// An entry for a page saved just now.
    pub fn now(reference: &str, file: &str, url: &str) -> Self {
        let now = OffsetDateTime::now_utc();
        let now = now.replace_nanosecond(0).unwrap_or(now);
        Entry {
            reference: reference.to_string(),
            file: file.to_string(),
            url: url.to_string(),
            fetched: now.format(&Rfc3339).unwrap_or_default(),
        }
    }
}

/// The manifest's path in `folder`.
pub fn path(folder: &Path) -> PathBuf {
    folder.join(FILE_NAME)
}

/// Appends `entry` as one line to the manifest in `folder`.
pub fn append(folder: &Path, entry: &Entry) -> Result<()> {
    let path = path(folder);
    let mut line = serde_json::to_vec(entry)?;
    line.push(b'\n');
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(&line))
        .with_context(|| format!("cannot append to {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_appended_as_json_lines_in_the_documented_form() {
        let dir = tempfile::tempdir().unwrap();
        let first = Entry::now(
            "24 011 791",
            "24-011-791.html",
            "https://x.test/decisions/a/b/24-011-791",
        );
        append(dir.path(), &first).unwrap();
        append(
            dir.path(),
            &Entry::now("24 011 792", "24-011-792.html", "u"),
        )
        .unwrap();
        let text = std::fs::read_to_string(path(dir.path())).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let value: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["reference", "file", "url", "fetched"]);
        let back: Entry = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(back, first);
        let fetched = OffsetDateTime::parse(&back.fetched, &Rfc3339).unwrap();
        assert_eq!(fetched.offset(), time::UtcOffset::UTC);
        assert!(back.fetched.ends_with('Z'), "{}", back.fetched);
    }
}
