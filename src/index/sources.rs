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

use anyhow::{Context, Result};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{DocAddress, Searcher, SegmentReader, Term};

use super::schema::{name, Fields};

/// The stamp of the extraction code this binary was built with: a hash of
/// its sources made by `build.rs`, so it changes with them by itself.
pub const PARSER_STAMP: u64 = hex(env!("OMBUDS_EXTRACTOR"));

pub use crate::walk::FileStamp;

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

/// The live decision with `reference` in `searcher`, and the file it was
/// read from, if it has one.
pub fn source_of_reference(
    fields: &Fields,
    searcher: &Searcher,
    reference: &str,
) -> Result<Option<(DocAddress, String)>> {
    let query = TermQuery::new(
        Term::from_field_text(fields.reference, reference),
        IndexRecordOption::Basic,
    );
    let hits = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .context("looking up a reference")?;
    let Some(&(_, address)) = hits.first() else {
        return Ok(None);
    };
    let segment = searcher.segment_reader(address.segment_ord);
    let unreadable = "reading the source file recorded in the index";
    let Some(paths) = segment
        .fast_fields()
        .str(name::SOURCE_PATH)
        .context(unreadable)?
    else {
        return Ok(None);
    };
    let Some(ord) = paths.term_ords(address.doc_id).next() else {
        return Ok(None);
    };
    let mut path = String::new();
    paths.ord_to_str(ord, &mut path).context(unreadable)?;
    Ok(Some((address, path)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::testing::sample;
    use crate::index::write::{document, DecisionWriter};

    #[test]
    fn the_parser_stamp_is_the_hex_build_rs_wrote() {
        assert_eq!(stamp_text(PARSER_STAMP), env!("OMBUDS_EXTRACTOR"));
        assert_eq!(hex("00ff"), 255);
        assert_eq!(hex("1828256d645761c1"), 0x1828_256d_6457_61c1);
    }

    #[test]
    fn fnv1a_gives_the_published_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(ExtractionStamp::current(None).taxonomy, 0);
        assert_ne!(
            ExtractionStamp::current(Some(b"x")),
            ExtractionStamp::current(Some(b"y"))
        );
    }

    /// An index of the corpus samples `names`, each recorded as read from
    /// `path` with `recorded`.
    fn indexed(entries: &[(&str, &str, Recorded)]) -> (tempfile::TempDir, Searcher) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index");
        let destination = crate::index::open_or_create(&path, false).unwrap();
        let mut writer = DecisionWriter::new(&destination.index, 1).unwrap();
        let fields = writer.fields().clone();
        for (name, source, recorded) in entries {
            let decision = sample(name);
            let reference = decision.reference.clone();
            let mut doc = document(&fields, decision);
            add_source(&fields, &mut doc, source, recorded);
            writer.upsert(&reference, doc, true).unwrap();
        }
        writer.commit().unwrap();
        writer.finish().unwrap();
        destination.publish().unwrap();
        let index = crate::index::open(&path).unwrap();
        let searcher = crate::index::read::searcher(&index).unwrap();
        (dir, searcher)
    }

    #[test]
    fn a_file_is_unchanged_only_with_the_same_stamps_on_every_decision_it_gave() {
        let file = FileStamp {
            size: 10,
            mtime_ns: 1_700_000_000_000_000_000,
        };
        let now = Recorded {
            file: Some(file),
            extraction: ExtractionStamp::current(None),
        };
        let stale = Recorded {
            extraction: ExtractionStamp {
                parser: 7,
                taxonomy: 0,
            },
            ..now
        };
        let (_dir, searcher) = indexed(&[
            ("000_23011206abbaafad.txt", "a.txt", now),
            ("001_f8ef0f724d4f740d.txt", "many.jsonl", now),
            ("002_b4fdc07b486f5ef2.txt", "many.jsonl", stale),
            (
                "003_7a15729cfbed10ad.txt",
                "fifo",
                Recorded { file: None, ..now },
            ),
        ]);
        let sources = IndexedSources::read(&searcher).unwrap();
        assert!(sources.is_unchanged("a.txt", &now));
        let touched = Recorded {
            file: Some(FileStamp {
                mtime_ns: file.mtime_ns + 1,
                ..file
            }),
            ..now
        };
        assert!(!sources.is_unchanged("a.txt", &touched));
        assert!(!sources.is_unchanged("a.txt", &stale));
        // One decision of the file is stale: the whole file is read again.
        assert!(sources.holds("many.jsonl"));
        assert!(!sources.is_unchanged("many.jsonl", &now));
        assert!(!sources.is_unchanged("fifo", &Recorded { file: None, ..now }));
        assert!(!sources.holds("b.txt"));
        assert_eq!(
            parsers_held(&searcher).unwrap(),
            BTreeSet::from([7, PARSER_STAMP])
        );
        let (_, path) =
            source_of_reference(&crate::index::schema::build().1, &searcher, "23 002 683")
                .unwrap()
                .expect("indexed");
        assert_eq!(path, "a.txt");
    }
}
