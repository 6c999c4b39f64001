//! What an index knows of the files it was built from, so that a re-run of
//! `ingest` reads only what is new or changed. Each decision records the file
//! it was read from, that file's size and modification time when it was read
//! ([`FileStamp`]), and which extraction code and fault taxonomy read it
//! ([`ExtractionStamp`]), all in fast fields: [`IndexedSources::read`] gets
//! them back for a whole index without touching a stored document.
//! `ombuds.json` lists the extraction code stamps the index holds
//! ([`parsers_held`], written at each ingest), so the reading commands can
//! warn about a stale index without scanning it.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use tantivy::schema::TantivyDocument;
use tantivy::{Searcher, SegmentReader};

use super::schema::{name, Fields};

/// The stamp of the extraction code this binary was built with: a hash of
/// its sources made by `build.rs`, so it changes with them by itself.
pub const PARSER_STAMP: u64 = hex(env!("OMBUDS_EXTRACTOR"));

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
        let metadata = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
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

/// What read a decision: the extraction code and the fault taxonomy. A
/// decision read with another stamp may hold other values, so its file is
/// read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractionStamp {
    /// [`PARSER_STAMP`] of the ombuds that read it.
    pub parser: u64,
    /// 0 for the built-in taxonomy (its file is part of the parser stamp),
    /// otherwise a hash of the bytes of the `--taxonomy` file.
    pub taxonomy: u64,
}

impl ExtractionStamp {
    /// This ombuds with the built-in taxonomy (`None`), or with a taxonomy
    /// file of these bytes.
    pub fn current(taxonomy_file: Option<&[u8]>) -> Self {
        ExtractionStamp {
            parser: PARSER_STAMP,
            taxonomy: taxonomy_file.map_or(0, fnv1a),
        }
    }
}

/// Where a decision came from, recorded with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    /// The file's stamp when read; `None` for a file that has none.
    pub file: Option<FileStamp>,
    /// What read it.
    pub extraction: ExtractionStamp,
}

/// Adds to `doc` the file the decision was read from, as the walk named it,
/// and its [`Recorded`] stamps.
pub fn add_source(f: &Fields, doc: &mut TantivyDocument, path: &str, recorded: &Recorded) {
    doc.add_text(f.source_path, path);
    if let Some(file) = recorded.file {
        doc.add_u64(f.source_size, file.size);
        doc.add_i64(f.source_mtime, file.mtime_ns);
    }
    doc.add_u64(f.parser_stamp, recorded.extraction.parser);
    doc.add_u64(f.taxonomy_stamp, recorded.extraction.taxonomy);
}

/// The source files an index holds decisions from, each with its stamps;
/// `None` when the decisions read from one file disagree (one of them is
/// stale), so that file is read again.
#[derive(Debug, Default)]
pub struct IndexedSources(HashMap<String, Option<Recorded>>);

impl IndexedSources {
    /// Reads every live decision's source from the fast fields of `searcher`.
    pub fn read(searcher: &Searcher) -> Result<Self> {
        let mut sources: HashMap<String, Option<Recorded>> = HashMap::new();
        for segment in searcher.segment_readers() {
            for (path, recorded) in segment_sources(segment)? {
                sources
                    .entry(path)
                    .and_modify(|known| {
                        if *known != recorded {
                            *known = None;
                        }
                    })
                    .or_insert(recorded);
            }
        }
        Ok(IndexedSources(sources))
    }

    /// Whether the index holds decisions read from `path`.
    pub fn holds(&self, path: &str) -> bool {
        self.0.contains_key(path)
    }

    /// Whether the decisions of `path` were read from a file with the stamp
    /// it has `now`, by the same extraction: then reading it again would
    /// give the same decisions.
    pub fn is_unchanged(&self, path: &str, now: &Recorded) -> bool {
        now.file.is_some() && self.0.get(path).is_some_and(|known| *known == Some(*now))
    }
}

/// The source of each live decision in one segment that has one
/// (`None` stamps where a decision lacks them, which never match).
fn segment_sources(segment: &SegmentReader) -> Result<Vec<(String, Option<Recorded>)>> {
    let fast = segment.fast_fields();
    let unreadable = "reading the source files recorded in the index";
    let Some(paths) = fast.str(name::SOURCE_PATH).context(unreadable)? else {
        return Ok(Vec::new());
    };
    let (dictionary, ords) = paths.into_parts();
    // Every path once, in ord order: cheaper than a lookup per decision.
    let mut names = Vec::with_capacity(dictionary.num_terms());
    let mut terms = dictionary.stream().context(unreadable)?;
    while terms.advance() {
        names.push(String::from_utf8_lossy(terms.key()).into_owned());
    }
    let u64s = |field| fast.column_opt::<u64>(field).context(unreadable);
    let (size, parser, taxonomy) = (
        u64s(name::SOURCE_SIZE)?,
        u64s(name::PARSER_STAMP)?,
        u64s(name::TAXONOMY_STAMP)?,
    );
    let mtime = fast
        .column_opt::<i64>(name::SOURCE_MTIME)
        .context(unreadable)?;
    let first = |column: &Option<tantivy::columnar::Column<u64>>, doc| {
        column.as_ref().and_then(|c| c.first(doc))
    };
    let mut sources = Vec::new();
    for doc in segment.doc_ids_alive() {
        let Some(path) = ords.first(doc).and_then(|ord| names.get(ord as usize)) else {
            continue;
        };
        let file = first(&size, doc)
            .zip(mtime.as_ref().and_then(|c| c.first(doc)))
            .map(|(size, mtime_ns)| FileStamp { size, mtime_ns });
        let extraction = first(&parser, doc)
            .zip(first(&taxonomy, doc))
            .map(|(parser, taxonomy)| ExtractionStamp { parser, taxonomy });
        let recorded = extraction.map(|extraction| Recorded { file, extraction });
        sources.push((path.clone(), recorded));
    }
    Ok(sources)
}

/// The parser stamps of the live decisions in `searcher`, for `ombuds.json`.
pub fn parsers_held(searcher: &Searcher) -> Result<BTreeSet<u64>> {
    let mut held = BTreeSet::new();
    for segment in searcher.segment_readers() {
        let column = segment
            .fast_fields()
            .column_opt::<u64>(name::PARSER_STAMP)
            .context("reading the parser stamps recorded in the index")?;
        let Some(column) = column else {
            continue;
        };
        held.extend(segment.doc_ids_alive().filter_map(|doc| column.first(doc)));
    }
    Ok(held)
}

/// A stamp as `ombuds.json` writes it.
pub fn stamp_text(stamp: u64) -> String {
    format!("{stamp:016x}")
}

/// FNV-1a, 64 bits: a hash that stays the same across Rust versions and
/// platforms (std's does not promise to), as `build.rs` uses.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The value of the hex digits `build.rs` writes, at compile time.
const fn hex(digits: &str) -> u64 {
    let bytes = digits.as_bytes();
    let mut value = 0u64;
    let mut i = 0;
    while i < bytes.len() {
        let digit = match bytes[i] {
            b @ b'0'..=b'9' => b - b'0',
            b @ b'a'..=b'f' => b - b'a' + 10,
            _ => panic!("OMBUDS_EXTRACTOR must be lowercase hex digits"),
        };
        value = (value << 4) | digit as u64;
        i += 1;
    }
    value
}
