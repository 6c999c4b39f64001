//! Choosing which files an ingest must read: those the index holds no
//! decisions from, or holds decisions from that were read from another
//! version of the file (size or modification time) or by other extraction
//! code or taxonomy ([`crate::index::sources`]). The rest are unchanged and
//! left as they are. The choice is made on the file list before the read ->
//! parse pipeline runs, so the pipeline never sees an unchanged file.

use std::collections::HashSet;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::index::sources::{ExtractionStamp, FileStamp, IndexedSources, Recorded};
use crate::walk::{path_text, Format};

/// A file to read, with what its decisions will record.
#[derive(Debug)]
pub struct Source {
    /// The file as the walk named it: the key of the index's bookkeeping.
    pub path: String,
    /// Its stamps, taken before it is read, so a change made while it is
    /// being read shows as a change at the next ingest. A text file the
    /// index holds nothing from is not looked at here (it is read whatever
    /// its stamp): its `file` stamp is `None`, and the read takes it from the
    /// file as opened, before its bytes are read.
    pub recorded: Recorded,
    /// Whether the index holds decisions from this path (read from an older
    /// version of it): they are deleted before its new decisions are added,
    /// so a decision whose reference changed leaves no ghost.
    pub indexed: bool,
}

/// The files an ingest reads, and how many it leaves as unchanged.
#[derive(Debug, Default)]
pub struct ToRead {
    /// The files to read, in the walk's order.
    pub files: Vec<PathBuf>,
    /// For each of `files`, its [`Source`].
    pub sources: Vec<Source>,
    /// The files left out as unchanged, as the walk named them.
    pub unchanged: HashSet<String>,
}

/// Splits the walk's `files` into those to read and those unchanged since
/// `indexed` was written, for reading with `extraction`. Looking at the
/// files the index holds (one `stat` each) runs on the rayon pool; a new
/// text file is not looked at, as it is read anyway (see [`Source`]).
pub fn files_to_read(
    files: Vec<PathBuf>,
    indexed: &IndexedSources,
    extraction: ExtractionStamp,
) -> ToRead {
    let looked: Vec<(PathBuf, Source, bool)> = files
        .into_par_iter()
        .map(|file| {
            let path = path_text(&file);
            let held = indexed.holds(&path);
            let stamped_when_read = !held && Format::of(&file) == Format::Text;
            let recorded = Recorded {
                file: (!stamped_when_read).then(|| FileStamp::of(&file)).flatten(),
                extraction,
            };
            let unchanged = indexed.is_unchanged(&path, &recorded);
            let source = Source {
                indexed: held,
                path,
                recorded,
            };
            (file, source, unchanged)
        })
        .collect();
    let mut to_read = ToRead::default();
    for (file, source, unchanged) in looked {
        if unchanged {
            to_read.unchanged.insert(source.path);
        } else {
            to_read.files.push(file);
            to_read.sources.push(source);
        }
    }
    to_read
}
