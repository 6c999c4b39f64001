//! One file -> the decisions' worth of input it holds, and each read into a
//! [`Document`]: the text the parser reads, with what the file said about it.
//!
//! Splitting ([`inputs`]) runs in path order on one thread and costs little:
//! a text file or saved page is one [`Input`] read later; a JSON Lines file
//! is streamed a line at a time, so its size is unbounded while each line is
//! bounded like a file; a JSON array is read whole, within
//! [`MAX_JSON_ARRAY_BYTES`]. Reading ([`Input::read`]) is the costly part
//! and runs on the caller's threads in any order. A caller may first fetch a
//! file's bytes ([`Input::fetch`]: the waiting on the disk, no decoding) on
//! another thread, so that the threads that read and parse never wait for
//! the disk.
//!
//! `source` names where a decision came from: the path for a file,
//! `PATH:LINE` for a record of a JSON Lines file, `PATH#N` for the Nth
//! record (from 1) of a JSON array.

use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use serde_json::Value;

use super::records::{self, Metadata};
use super::text::{decode_encoding, repaired};
use super::{
    path_text, read_bounded, read_file_looked, read_text_looked, FileStamp, Repair, SkipKind,
    Skipped, MAX_FILE_BYTES,
};
use crate::walk::ReadError;

/// The largest JSON array read (it is read whole; JSON Lines has no limit).
pub const MAX_JSON_ARRAY_BYTES: u64 = 512 * 1024 * 1024;

/// How a file holds its decisions, told by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`: one decision as text.
    Text,
    /// `.html`, `.htm`: one saved decision page.
    Page,
    /// `.jsonl`: one JSON record a line.
    JsonLines,
    /// `.json`: a JSON array of records, or JSON Lines.
    Json,
}

impl Format {
    /// The format a walked file's extension names (any case), if any.
    pub fn of_name(path: &Path) -> Option<Format> {
        const EXTENSIONS: [(&str, Format); 5] = [
            ("txt", Format::Text),
            ("html", Format::Page),
            ("htm", Format::Page),
            ("jsonl", Format::JsonLines),
            ("json", Format::Json),
        ];
        let extension = path.extension()?.to_str()?;
        EXTENSIONS
            .into_iter()
            .find(|(name, _)| extension.eq_ignore_ascii_case(name))
            .map(|(_, format)| format)
    }

    /// The format of a file to read: its extension's, else text.
    pub fn of(path: &Path) -> Format {
        Format::of_name(path).unwrap_or(Format::Text)
    }
}

/// One decision read from a file, before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from (see the module doc).
    pub source: String,
    /// The decision text.
    pub text: String,
    /// What was done to read the text.
    pub repairs: Vec<Repair>,
    /// The public page of the decision, where the input says.
    pub url: Option<String>,
    /// What a JSON record says about the decision besides its text.
    pub metadata: Metadata,
    /// For a text file, its stamp as it was opened, before its bytes were
    /// read (`None` for a page, a JSON record, or a file that is not a
    /// regular file).
    pub file: Option<FileStamp>,
}

impl Document {
    fn new(source: String, text: String, repairs: Vec<Repair>, url: Option<String>) -> Self {
        Document {
            source,
            text,
            repairs,
            url,
            metadata: Metadata::default(),
            file: None,
        }
    }
}

/// One decision's worth of input: a whole file, or one JSON record.
#[derive(Debug)]
pub struct Input(Kind);

#[derive(Debug)]
enum Kind {
    File(PathBuf, Format),
    Line {
        source: String,
        line: usize,
        text: String,
    },
    Value {
        source: String,
        n: usize,
        value: Value,
    },
    /// A text file or page whose bytes were fetched, with the file's
    /// metadata as it was opened.
    Fetched {
        path: PathBuf,
        format: Format,
        bytes: Vec<u8>,
        opened: std::fs::Metadata,
    },
    Failed(Skipped),
}

/// Splits the file at `path` into its inputs, handing each to `each` in
/// file order until `each` says `false` (stop). Never fails: a file that
/// cannot be opened is one input that reads as its `Skipped`.
pub fn inputs(path: &Path, each: &mut dyn FnMut(Input) -> bool) {
    match Format::of(path) {
        Format::Text | Format::Page => {
            each(Input(Kind::File(path.to_path_buf(), Format::of(path))));
        }
        Format::JsonLines => match std::fs::File::open(path) {
            Ok(file) => lines(path, std::io::BufReader::new(file), each),
            Err(e) => {
                each(failed(
                    path,
                    SkipKind::Unreadable,
                    format!("cannot read: {e}"),
                ));
            }
        },
        Format::Json => json_file(path, each),
    }
}

fn failed(path: &Path, kind: SkipKind, reason: String) -> Input {
    Input(Kind::Failed(Skipped::new(path, kind, reason)))
}

/// A `.json` file: a JSON array (it starts with `[`) or JSON Lines.
fn json_file(path: &Path, each: &mut dyn FnMut(Input) -> bool) {
    let text = read_bounded(path, MAX_JSON_ARRAY_BYTES)
        .map_err(|e| match e {
            ReadError::TooLarge { .. } => (
                SkipKind::TooLarge,
                format!("{e} for a JSON file (write JSON Lines, .jsonl, which has no limit)"),
            ),
            ReadError::Io(_) | ReadError::Stalled(_) => (SkipKind::Unreadable, e.to_string()),
        })
        .and_then(decode_encoding);
    let text = match text {
        Ok(decoded) => decoded.text,
        Err((kind, reason)) => {
            each(failed(path, kind, reason));
            return;
        }
    };
    if !text.trim_start().starts_with('[') {
        return lines(path, text.as_bytes(), each);
    }
    match serde_json::from_str::<Vec<Value>>(&text) {
        Ok(values) => {
            let name = path_text(path);
            for (i, value) in values.into_iter().enumerate() {
                let n = i + 1;
                let source = format!("{name}#{n}");
                if !each(Input(Kind::Value { source, n, value })) {
                    return;
                }
            }
        }
        Err(e) => {
            each(failed(
                path,
                SkipKind::BadRecord,
                format!("not a valid JSON array: {e}"),
            ));
        }
    }
}

/// JSON Lines: one input per non-blank line, each line bounded like a file.
fn lines(path: &Path, mut reader: impl BufRead, each: &mut dyn FnMut(Input) -> bool) {
    let name = path_text(path);
    let mut buffer = Vec::new();
    for line in 1.. {
        buffer.clear();
        let read = (&mut reader)
            .take(MAX_FILE_BYTES + 1)
            .read_until(b'\n', &mut buffer);
        let source = format!("{name}:{line}");
        let skip =
            |kind, reason: String| Input(Kind::Failed(Skipped::at(source.clone(), kind, reason)));
        let going = match read {
            Ok(0) => return,
            Ok(_) if buffer.len() as u64 > MAX_FILE_BYTES => {
                let going = each(skip(
                    SkipKind::TooLarge,
                    format!("line {line} is over {MAX_FILE_BYTES} bytes"),
                ));
                // The rest of the long line is not a record (skipped unread).
                going && reader.skip_until(b'\n').is_ok()
            }
            Ok(_) => match String::from_utf8(std::mem::take(&mut buffer)) {
                Ok(text) if text.trim().is_empty() => true,
                Ok(text) => each(Input(Kind::Line { source, line, text })),
                Err(_) => each(skip(
                    SkipKind::Encoding,
                    format!("line {line} is not UTF-8"),
                )),
            },
            Err(e) => {
                each(skip(
                    SkipKind::Unreadable,
                    format!("cannot read line {line}: {e}"),
                ));
                false
            }
        };
        if !going {
            return;
        }
    }
}

impl Input {
    /// The input with a file's bytes read from the disk (bounded as
    /// [`Input::read`] bounds them), so that reading it no longer waits for
    /// the disk; a file that cannot be read becomes its `Skipped`. Other
    /// inputs are returned as they are.
    pub fn fetch(self) -> Input {
        match self.0 {
            Kind::File(path, format) => match read_file_looked(&path) {
                Ok((bytes, opened)) => Input(Kind::Fetched {
                    path,
                    format,
                    bytes,
                    opened,
                }),
                Err(skipped) => Input(Kind::Failed(skipped)),
            },
            other => Input(other),
        }
    }

    /// Reads the input into a document, or says why it cannot be used.
    pub fn read(self) -> Result<Document, Skipped> {
        match self.0 {
            Kind::File(path, Format::Page) => read_page_file(&path, super::read_file(&path)?),
            Kind::File(path, _) => {
                let (decoded, file) = read_text_looked(&path)?;
                Ok(text_document(&path, decoded, &file))
            }
            Kind::Fetched {
                path,
                format: Format::Page,
                bytes,
                ..
            } => read_page_file(&path, bytes),
            Kind::Fetched {
                path,
                bytes,
                opened,
                ..
            } => {
                let decoded = super::text::decode(bytes)
                    .map_err(|(kind, reason)| Skipped::new(&path, kind, reason))?;
                Ok(text_document(&path, decoded, &opened))
            }
            Kind::Line { source, line, text } => match serde_json::from_str(&text) {
                Ok(value) => from_record(source, format!("line {line}"), value),
                Err(e) => Err(Skipped::at(
                    source,
                    SkipKind::BadRecord,
                    format!("line {line} is not valid JSON: {e}"),
                )),
            },
            Kind::Value { source, n, value } => from_record(source, format!("record {n}"), value),
            Kind::Failed(skipped) => Err(skipped),
        }
    }
}

/// The document of a text file, stamped with the file as it was opened.
fn text_document(path: &Path, decoded: super::Decoded, opened: &std::fs::Metadata) -> Document {
    Document {
        file: FileStamp::of_metadata(opened),
        ..Document::new(path_text(path), decoded.text, decoded.repairs, None)
    }
}

fn from_record(source: String, place: String, value: Value) -> Result<Document, Skipped> {
    if records::is_manifest_record(&value) {
        return Err(Skipped::at(
            source,
            SkipKind::BadRecord,
            format!("{place} is a line of ombuds fetch's manifest (file and url), not a decision"),
        ));
    }
    let record = records::record(value).map_err(|why| {
        Skipped::at(
            source.clone(),
            SkipKind::BadRecord,
            format!("{place}: {why}"),
        )
    })?;
    // A record written from text that was decoded twice (`Â£`, `â€™`), or
    // that lost its pound signs, is repaired as a text file would be.
    let mut repairs = Vec::new();
    let text = repaired(record.text, &mut repairs);
    Ok(Document {
        file: None,
        source,
        text,
        repairs,
        url: record.url,
        metadata: record.metadata,
    })
}

/// A saved page, from its file's `bytes`: its text layout, and its URL (the
/// page's own, else the one fetch's manifest beside it gives).
fn read_page_file(path: &Path, bytes: Vec<u8>) -> Result<Document, Skipped> {
    let decoded =
        decode_encoding(bytes).map_err(|(kind, reason)| Skipped::new(path, kind, reason))?;
    let page = super::page::read_page(&decoded.text);
    let url = page.url.or_else(|| manifest_url(path));
    let mut repairs = decoded.repairs;
    let text = repaired(page.text, &mut repairs);
    Ok(Document::new(path_text(path), text, repairs, url))
}

/// The manifests read so far, by folder: a folder's is read once per run,
/// however many of its pages ask.
type Manifests = HashMap<PathBuf, Arc<HashMap<String, String>>>;
static MANIFESTS: LazyLock<Mutex<Manifests>> = LazyLock::new(Default::default);

/// The URL fetch's manifest beside `path` gives for it, if any.
fn manifest_url(path: &Path) -> Option<String> {
    let folder = path.parent()?.to_path_buf();
    let name = path.file_name()?.to_str()?;
    let urls = {
        let mut manifests = MANIFESTS.lock().unwrap_or_else(PoisonError::into_inner);
        let manifest = crate::fetch::manifest::path(&folder);
        Arc::clone(
            manifests
                .entry(folder)
                .or_insert_with(|| Arc::new(records::manifest_urls(&manifest))),
        )
    };
    urls.get(name).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(path: &Path) -> Vec<Result<Document, Skipped>> {
        let mut all = Vec::new();
        inputs(path, &mut |input| {
            all.push(input.read());
            true
        });
        all
    }

    /// Every input of `path`, fetched first, then read.
    fn fetch_then_read_all(path: &Path) -> Vec<Result<Document, Skipped>> {
        let mut all = Vec::new();
        inputs(path, &mut |input| {
            all.push(input.fetch().read());
            true
        });
        all
    }

    #[test]
    fn a_fetched_input_reads_as_the_file_would() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("d.txt");
        // Latin-1, so the fetched bytes go through the same decoding and repair.
        std::fs::write(
            &text,
            b"Council (23 000 001)\nSummary: Mr X paid \xa3100.\n",
        )
        .unwrap();
        let page = dir.path().join("d.html");
        std::fs::write(
            &page,
            "<html><head><link rel=\"canonical\" href=\"https://example.org/d\"></head>\
             <body><h1>Council (23 000 002)</h1><p>Summary: text.</p></body></html>",
        )
        .unwrap();
        let lines = dir.path().join("d.jsonl");
        std::fs::write(&lines, "{\"text\":\"A (23 000 003)\"}\n").unwrap();
        for path in [&text, &page, &lines] {
            let fetched = fetch_then_read_all(path);
            assert_eq!(fetched, read_all(path), "{}", path.display());
            assert!(fetched.iter().all(Result::is_ok), "{fetched:?}");
        }
        let read = fetch_then_read_all(&text).remove(0).unwrap();
        assert!(read.text.contains("£100"), "{}", read.text);
        assert!(!read.repairs.is_empty());
        assert!(
            read.file.is_some(),
            "a text file is stamped as it was opened"
        );
        assert_eq!(
            fetch_then_read_all(&page)[0]
                .as_ref()
                .unwrap()
                .url
                .as_deref(),
            Some("https://example.org/d")
        );
    }

    #[test]
    fn a_file_that_cannot_be_fetched_is_its_skip() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone.txt");
        let all = fetch_then_read_all(&gone);
        assert_eq!(all.len(), 1);
        let skipped = all[0].as_ref().unwrap_err();
        assert_eq!(
            (skipped.path.clone(), skipped.kind),
            (path_text(&gone), SkipKind::Unreadable)
        );
        assert_eq!(all, read_all(&gone));
    }

    #[test]
    fn a_bad_line_is_named_and_the_other_records_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.jsonl");
        std::fs::write(
            &path,
            "{\"text\":\"A (23 000 001)\",\"url\":\"u1\"}\n\n{\"text\": oops\n{\"title\":\"t\"}\n{\"body\":\"B (23 000 002)\"}",
        )
        .unwrap();
        let all = read_all(&path);
        let name = path_text(&path);
        assert_eq!(all.len(), 4);
        let first = all[0].as_ref().unwrap();
        assert_eq!(
            (first.source.clone(), first.url.as_deref()),
            (format!("{name}:1"), Some("u1"))
        );
        let bad = all[1].as_ref().unwrap_err();
        assert_eq!(
            (bad.path.clone(), bad.kind),
            (format!("{name}:3"), SkipKind::BadRecord)
        );
        assert!(
            bad.reason.starts_with("line 3 is not valid JSON"),
            "{}",
            bad.reason
        );
        let no_text = all[2].as_ref().unwrap_err();
        assert!(
            no_text.reason.starts_with("line 4: no decision text"),
            "{}",
            no_text.reason
        );
        assert_eq!(all[3].as_ref().unwrap().source, format!("{name}:5"));
    }

    #[test]
    fn a_json_array_gives_one_document_per_record() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        std::fs::write(&path, " [{\"text\":\"a\"}, 7, {\"content\":\"b\"}]").unwrap();
        let all = read_all(&path);
        let name = path_text(&path);
        assert_eq!(all[0].as_ref().unwrap().source, format!("{name}#1"));
        assert_eq!(
            all[1].as_ref().unwrap_err().reason,
            "record 2: not a JSON object"
        );
        assert_eq!(all[2].as_ref().unwrap().text, "b");
        // A .json file that is not an array is read as JSON Lines.
        std::fs::write(&path, "{\"text\":\"a\"}\n{\"text\":\"b\"}\n").unwrap();
        assert_eq!(read_all(&path).len(), 2);
        std::fs::write(&path, "[{\"text\":").unwrap();
        let broken = read_all(&path);
        assert!(broken[0]
            .as_ref()
            .unwrap_err()
            .reason
            .starts_with("not a valid JSON array"));
    }

    #[test]
    fn a_page_without_its_own_address_takes_the_manifests() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("24-011-791.HTML");
        std::fs::write(&page, "<html><body><h1>C (24 011 791)</h1></body></html>").unwrap();
        std::fs::write(
            dir.path().join("manifest.jsonl"),
            "{\"reference\":\"24 011 791\",\"file\":\"24-011-791.HTML\",\"url\":\"https://m/1\",\"fetched\":\"t\"}\n",
        )
        .unwrap();
        let all = read_all(&page);
        let document = all[0].as_ref().unwrap();
        assert_eq!(document.url.as_deref(), Some("https://m/1"));
        assert_eq!(document.text, "C (24 011 791)\n");
        let other = dir.path().join("other.htm");
        std::fs::write(&other, "<html><body><h1>C (24 011 792)</h1></body></html>").unwrap();
        assert_eq!(read_all(&other)[0].as_ref().unwrap().url, None);
    }
}
