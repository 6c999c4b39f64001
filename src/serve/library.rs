//! The index as the server sees it: opened once, and kept current while
//! `ombuds ingest` runs beside it.
//!
//! An incremental ingest commits into the same directory: tantivy's reader
//! notices the new commit itself (`ReloadPolicy::OnCommitWithDelay`). A
//! `--rebuild` swaps another directory into place under the same path: the
//! directory's identity changes, and the index is opened anew.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{anyhow, Result};
use tantivy::{IndexReader, ReloadPolicy, Searcher};

use crate::index::{directory_identity, DecisionIndex};

/// The served index and a reader that follows its commits.
pub struct Library {
    path: PathBuf,
    current: Mutex<Opened>,
}

/// One opening of the index directory.
struct Opened {
    index: Arc<DecisionIndex>,
    reader: IndexReader,
    identity: Option<(u64, u64)>,
}

impl Library {
    /// Opens the index at `path` (an error names it when there is none).
    pub fn open(path: &Path) -> Result<Self> {
        Ok(Library {
            path: path.to_path_buf(),
            current: Mutex::new(Opened::new(path)?),
        })
    }

    /// The index and a searcher over its latest commit that this server
    /// has seen.
    pub fn searcher(&self) -> Result<(Arc<DecisionIndex>, Searcher)> {
        let mut current = self
            .current
            .lock()
            .map_err(|_| anyhow!("index reader is unusable after an earlier failure"))?;
        let identity = directory_identity(&self.path);
        if identity != current.identity {
            *current = Opened::new(&self.path)?;
        }
        Ok((current.index.clone(), current.reader.searcher()))
    }
}

impl Opened {
    fn new(path: &Path) -> Result<Self> {
        let identity = directory_identity(path);
        let index = crate::index::open(path)?;
        let reader = index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| anyhow!("{}: cannot read index: {e}", path.display()))?;
        Ok(Opened {
            index: Arc::new(index),
            reader,
            identity,
        })
    }
}
