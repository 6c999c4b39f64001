//! The tantivy index on disk: its schema, opening it, writing decisions to it
//! and reading them back.
//!
//! An index directory holds tantivy's files plus `ombuds.json`, which records
//! the [`schema::SCHEMA_VERSION`] that wrote it. Opening an index written by
//! another version is refused with a message telling the user to rebuild.
//! A new index is built beside its target and swapped into place once
//! committed ([`lifecycle`]), so no command ever sees a half-made one.

pub mod directory;
pub mod failure;
pub mod lifecycle;
pub mod read;
pub mod schema;
pub mod sources;
pub mod tokenizer;
pub mod write;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use tantivy::Index;

use schema::{Fields, SCHEMA_VERSION};

/// The file beside tantivy's own that records who wrote the index.
pub const META_FILE: &str = "ombuds.json";

/// What `ombuds.json` holds.
#[derive(Debug, Serialize, Deserialize)]
struct IndexMeta {
    schema_version: u32,
    ombuds_version: String,
    /// The parser stamps of the decisions in the index as of the last ingest
    /// ([`sources::PARSER_STAMP`] as hex), so a reading command can tell
    /// that some were read by other extraction code without scanning.
    #[serde(default)]
    parsers: Vec<String>,
}

/// An opened index with its field handles.
pub struct DecisionIndex {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// Where it lives.
    pub path: PathBuf,
    /// Which directory `path` named when the index was opened (device and
    /// inode), so a writer can tell that a `--rebuild` swapped another one
    /// in before it took the lock.
    pub opened: Option<(u64, u64)>,
}

/// The device and inode of a directory, where the platform has them.
pub fn directory_identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Opens an existing index for reading, also when the user cannot write
/// it (see [`directory::IndexDirectory`]). When it holds decisions read by
/// other extraction code than this ombuds's, says so in one line on stderr:
/// their figures may differ from what this ombuds would extract.
pub fn open(path: &Path) -> Result<DecisionIndex> {
    let (index, meta) = open_with_meta(path)?;
    if let Some(line) = stale_extraction(&meta, path) {
        eprintln!("ombuds: warning: {line}");
    }
    Ok(index)
}

/// Opens an existing index to write it: [`open`] without the warning, as
/// ingest re-reads what other extraction code read.
fn open_for_writing(path: &Path) -> Result<DecisionIndex> {
    open_with_meta(path).map(|(index, _)| index)
}

/// The warning for an index that holds decisions read by other extraction
/// code, if it does.
fn stale_extraction(meta: &IndexMeta, path: &Path) -> Option<String> {
    let current = sources::stamp_text(sources::PARSER_STAMP);
    let others = meta.parsers.iter().filter(|p| **p != current).count();
    (others > 0).then(|| {
        format!(
            "{}: some decisions in it were read by another version of ombuds's extraction code, and may hold other values than this version extracts: run `ombuds ingest PATH --index {} --rebuild`",
            path.display(),
            path.display()
        )
    })
}

/// Records in `ombuds.json` which parser stamps the index's decisions carry
/// now (see [`sources::parsers_held`]); ingest calls it after each commit.
/// The file is replaced in one step, so readers see the old list or the new.
pub fn record_parsers(path: &Path, held: &std::collections::BTreeSet<u64>) -> Result<()> {
    use tantivy::directory::Directory;
    let meta_path = path.join(META_FILE);
    let mut meta = read_meta(path)?;
    meta.parsers = held.iter().map(|p| sources::stamp_text(*p)).collect();
    let json = serde_json::to_string_pretty(&meta).context("serialising index metadata")?;
    let directory = directory::IndexDirectory::open(path)
        .map_err(|e| failure::explain(&e.into(), path, "cannot open index"))?;
    directory
        .atomic_write(Path::new(META_FILE), json.as_bytes())
        .with_context(|| format!("{}: cannot write", meta_path.display()))
}

fn open_with_meta(path: &Path) -> Result<(DecisionIndex, IndexMeta)> {
    if !path.join(META_FILE).exists() {
        bail!(
            "no index at {}: run `ombuds ingest PATH --index {}` first",
            path.display(),
            path.display()
        );
    }
    let meta = check_version(path)?;
    let directory = directory::IndexDirectory::open(path)
        .map_err(|e| failure::explain(&e.into(), path, "cannot open index"))?;
    let index =
        Index::open(directory).map_err(|e| failure::explain(&e, path, "cannot open index"))?;
    Ok((with_fields(index, path), meta))
}

/// Opens the index for writing, creating it when absent; with `rebuild`,
/// any existing index (of any version) is replaced. A new index is built
/// beside the old one and only takes its place once committed
/// ([`lifecycle::Destination::publish`]).
pub fn open_or_create(path: &Path, rebuild: bool) -> Result<lifecycle::Destination> {
    lifecycle::destination(path, rebuild)
}

/// Creates a fresh index, with its `ombuds.json`, in the empty directory `path`.
fn create(path: &Path) -> Result<DecisionIndex> {
    let (schema, _) = schema::build();
    // Through our directory, so tantivy's files get the umask's modes from
    // the first commit on.
    let directory = directory::IndexDirectory::open(path)
        .map_err(|e| failure::explain(&e.into(), path, "cannot create index"))?;
    let index = Index::create(directory, schema, tantivy::IndexSettings::default())
        .map_err(|e| failure::explain(&e, path, "cannot create index"))?;
    let meta = IndexMeta {
        schema_version: SCHEMA_VERSION,
        ombuds_version: env!("CARGO_PKG_VERSION").to_string(),
        parsers: Vec::new(),
    };
    let json = serde_json::to_string_pretty(&meta).context("serialising index metadata")?;
    std::fs::write(path.join(META_FILE), json)
        .with_context(|| format!("{}: cannot write {META_FILE}", path.display()))?;
    Ok(with_fields(index, path))
}

fn with_fields(index: Index, path: &Path) -> DecisionIndex {
    schema::register_tokenizers(&index);
    let (_, fields) = schema::build();
    DecisionIndex {
        index,
        fields,
        path: path.to_path_buf(),
        opened: directory_identity(path),
    }
}

/// The index's `ombuds.json`, refused unless written for this schema.
fn check_version(path: &Path) -> Result<IndexMeta> {
    let meta = read_meta(path)?;
    if meta.schema_version != SCHEMA_VERSION {
        bail!(
            "{}: index was written by ombuds {} (schema {}), this ombuds uses schema {}: rebuild it with `ombuds ingest PATH --index {} --rebuild`",
            path.display(),
            meta.ombuds_version,
            meta.schema_version,
            SCHEMA_VERSION,
            path.display()
        );
    }
    Ok(meta)
}

fn read_meta(path: &Path) -> Result<IndexMeta> {
    let meta_path = path.join(META_FILE);
    let text = std::fs::read_to_string(&meta_path)
        .with_context(|| format!("{}: cannot read", meta_path.display()))?;
    let meta: IndexMeta = serde_json::from_str(&text).with_context(|| {
        format!(
            "{}: unreadable index metadata; rebuild with `ombuds ingest PATH --rebuild`",
            meta_path.display()
        )
    })?;
    Ok(meta)
}

/// Builds small indexes through the crate's own writer, for unit tests of
/// the layers that read an index (queries, statistics).
#[cfg(test)]
pub(crate) mod testing {
    use super::{open, open_or_create, DecisionIndex};
    use crate::index::write::{document, DecisionWriter};
    use crate::parse::{parse_decision, Decision};

    /// A corpus sample, parsed (`name` is its file name under `corpus/`).
    pub(crate) fn sample(name: &str) -> Decision {
        let path = format!("corpus/{name}");
        let text = std::fs::read_to_string(&path).expect("corpus sample");
        parse_decision(&path, &text).expect("corpus sample parses")
    }

    /// The five corpus samples, parsed, in file-name order.
    pub(crate) fn corpus() -> Vec<Decision> {
        let mut names: Vec<String> = std::fs::read_dir("corpus")
            .expect("corpus dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        names.iter().map(|n| sample(n)).collect()
    }

    /// A short upheld decision by `organisation` whose complaint says `body`.
    pub(crate) fn saying(reference: &str, organisation: &str, body: &str) -> Decision {
        let text = format!(
            "{organisation} ({reference})\n\nDecision : Upheld\nDecision date : 05 Oct 2024\n\
             The Ombudsman's final decision:\n\nSummary: Mr X complained.\n\n\
             The complaint\n\n  1. {body}\n\nFinal decision\n\n  1. I have completed my investigation.\n"
        );
        parse_decision("saying.txt", &text).expect("decision parses")
    }

    /// An index in a temp dir (kept alive by the returned guard) holding
    /// `decisions`, committed and reopened for reading.
    pub(crate) fn indexed(decisions: Vec<Decision>) -> (tempfile::TempDir, DecisionIndex) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index");
        let destination = open_or_create(&path, false).expect("index created");
        let mut writer = DecisionWriter::new(&destination.index, 1).expect("writer");
        for d in decisions {
            let reference = d.reference.clone();
            let doc = document(writer.fields(), d);
            writer.upsert(&reference, doc, true).expect("added");
        }
        writer.commit().expect("committed");
        writer.finish().expect("finished");
        destination.publish().expect("published");
        (dir, open(&path).expect("index opens"))
    }

    /// The first segment of `searcher` and its string fast field `field`,
    /// for tests of what is read from one segment's dictionary.
    pub(crate) fn first_str_column(
        searcher: &tantivy::Searcher,
        field: &str,
    ) -> (tantivy::index::SegmentId, tantivy::columnar::StrColumn) {
        let reader = &searcher.segment_readers()[0];
        let column = reader
            .fast_fields()
            .str(field)
            .expect("reads")
            .unwrap_or_else(|| panic!("no {field} column"));
        (reader.segment_id(), column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(parsers: &[u64]) -> IndexMeta {
        IndexMeta {
            schema_version: SCHEMA_VERSION,
            ombuds_version: "0.1.0".to_string(),
            parsers: parsers.iter().map(|p| sources::stamp_text(*p)).collect(),
        }
    }

    #[test]
    fn an_index_holding_other_parser_stamps_is_stale_and_says_how_to_fix_it() {
        let path = Path::new("idx");
        assert_eq!(stale_extraction(&meta(&[]), path), None);
        assert_eq!(
            stale_extraction(&meta(&[sources::PARSER_STAMP]), path),
            None
        );
        let line = stale_extraction(&meta(&[sources::PARSER_STAMP, 7]), path).expect("stale");
        assert!(
            line.contains("ombuds ingest PATH --index idx --rebuild"),
            "{line}"
        );
        assert!(!line.contains('\n'));
    }

    #[test]
    fn recording_parsers_keeps_the_rest_of_ombuds_json() {
        let (_dir, index) = testing::indexed(Vec::new());
        record_parsers(&index.path, &std::collections::BTreeSet::from([7, 9])).unwrap();
        let meta = read_meta(&index.path).unwrap();
        assert_eq!(meta.schema_version, SCHEMA_VERSION);
        assert_eq!(meta.parsers, ["0000000000000007", "0000000000000009"]);
        assert!(open(&index.path).is_ok());
    }
}
