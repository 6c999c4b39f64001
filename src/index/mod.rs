//! The tantivy index on disk: its schema, opening it, writing decisions to it
//! and reading them back.
//!
//! An index directory holds tantivy's files plus `ombuds.json`, which records
//! the [`schema::SCHEMA_VERSION`] that wrote it. Opening an index written by
//! another version is refused with a message telling the user to rebuild.

pub mod read;
pub mod schema;
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
}

/// An opened index with its field handles.
pub struct DecisionIndex {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// Where it lives.
    pub path: PathBuf,
}

/// Opens an existing index for reading.
pub fn open(path: &Path) -> Result<DecisionIndex> {
    if !path.join(META_FILE).exists() {
        bail!(
            "no index at {}: run `ombuds ingest PATH --index {}` first",
            path.display(),
            path.display()
        );
    }
    check_version(path)?;
    let index = Index::open_in_dir(path)
        .with_context(|| format!("{}: cannot open index", path.display()))?;
    Ok(with_fields(index, path))
}

/// Opens the index for writing, creating it when absent; with `rebuild`,
/// any existing index (of any version) is replaced.
pub fn open_or_create(path: &Path, rebuild: bool) -> Result<DecisionIndex> {
    if rebuild && path.join(META_FILE).exists() {
        remove_index_files(path)?;
    }
    if path.join(META_FILE).exists() {
        return open(path);
    }
    if path.exists()
        && std::fs::read_dir(path)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false)
    {
        bail!(
            "{}: directory exists and is not an ombuds index; choose another --index or empty it",
            path.display()
        );
    }
    std::fs::create_dir_all(path)
        .with_context(|| format!("{}: cannot create index directory", path.display()))?;
    let (schema, _) = schema::build();
    let index = Index::create_in_dir(path, schema)
        .with_context(|| format!("{}: cannot create index", path.display()))?;
    let meta = IndexMeta {
        schema_version: SCHEMA_VERSION,
        ombuds_version: env!("CARGO_PKG_VERSION").to_string(),
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
    }
}

fn check_version(path: &Path) -> Result<()> {
    let meta_path = path.join(META_FILE);
    let text = std::fs::read_to_string(&meta_path)
        .with_context(|| format!("{}: cannot read", meta_path.display()))?;
    let meta: IndexMeta = serde_json::from_str(&text).with_context(|| {
        format!(
            "{}: unreadable index metadata; rebuild with `ombuds ingest PATH --rebuild`",
            meta_path.display()
        )
    })?;
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
    Ok(())
}

/// Removes an ombuds index's files (only those, never the user's other files).
fn remove_index_files(path: &Path) -> Result<()> {
    for entry in
        std::fs::read_dir(path).with_context(|| format!("{}: cannot read", path.display()))?
    {
        let entry = entry.with_context(|| format!("{}: cannot read", path.display()))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let ours = name == META_FILE
            || name == "meta.json"
            || name == ".managed.json"
            || name.starts_with(".tantivy")
            || name.ends_with(".idx")
            || name.ends_with(".pos")
            || name.ends_with(".term")
            || name.ends_with(".store")
            || name.ends_with(".fast")
            || name.ends_with(".fieldnorm")
            || name.ends_with(".del");
        if ours && entry.path().is_file() {
            std::fs::remove_file(entry.path())
                .with_context(|| format!("{}: cannot remove", entry.path().display()))?;
        }
    }
    Ok(())
}
