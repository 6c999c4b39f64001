//! The plain tantivy baseline for `ombuds ingest`: what indexing the same files
//! costs with no parsing or extraction at all.
//!
//! Each `*.txt` file under DIR becomes one document with one field holding the
//! whole text, indexed with positions (so phrase queries work) and stored. The
//! writer uses the same thread count and heap as `ombuds ingest`, and commits
//! once at the end, then waits for merges, as ingest does. Prints the document
//! count, the bytes read and the wall seconds on stdout.
//!
//! With `--ombuds-structure` it is instead ingest without the extractors:
//! each file decoded as ingest decodes it, parsed into header, summary and
//! sections (`ombuds::parse::parse_structure`), and written with ombuds'
//! schema, tokenizer, documents and writer (heap included), but with no
//! payments, remedies, finding, faults or Ofsted flag. Files are read and
//! parsed on the main thread. Ingest's time minus this one is what extraction
//! costs inside ingest.
//!
//! Examples:
//!   cargo run --release --example baseline -- /tmp/corpus /tmp/baseline-index --threads 2
//!   cargo run --release --example baseline -- /tmp/corpus /tmp/structure-index --ombuds-structure

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Parser;
use ombuds::index::write::{document, DecisionWriter};
use tantivy::schema::{Schema, STORED, TEXT};
use tantivy::{doc, Index, IndexWriter};
use walkdir::WalkDir;

// The same allocator as `ombuds`, so that the comparison measures parsing and
// extraction, not allocators.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Indexes every file's whole text as one field, for comparison with ingest
/// (or, with --ombuds-structure, ingest without its extractors).
#[derive(Parser)]
struct Args {
    /// Directory of decision files (`*.txt`, searched recursively).
    dir: PathBuf,
    /// Where to create the index (must not exist or be empty).
    index_dir: PathBuf,
    /// Indexing threads, as `ombuds ingest --threads`.
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Writer heap in MiB shared by the threads (ombuds uses 256).
    #[arg(long, default_value_t = 256, conflicts_with = "ombuds_structure")]
    heap_mb: usize,
    /// Instead, index as `ombuds ingest` does (its decoding, sections,
    /// schema, documents and writer) with no extractors: no payments,
    /// remedies, finding, faults or Ofsted flag.
    #[arg(long)]
    ombuds_structure: bool,
}

fn main() -> Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.index_dir)
        .with_context(|| format!("{}: cannot create", args.index_dir.display()))?;
    if std::fs::read_dir(&args.index_dir)?.next().is_some() {
        bail!(
            "{}: not empty; give a fresh index directory",
            args.index_dir.display()
        );
    }
    let started = Instant::now();
    let files = txt_files(&args.dir);
    let (what, bytes) = if args.ombuds_structure {
        ("ombuds without extractors", structure(&args, &files)?)
    } else {
        ("baseline", plain(&args, &files)?)
    };
    println!(
        "{what}: {} docs, {:.1} MB in {:.2} s",
        files.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The `*.txt` files under `dir`, in path order.
fn txt_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// The plain baseline: whole text, one field. Returns the bytes read.
fn plain(args: &Args, files: &[PathBuf]) -> Result<usize> {
    let mut builder = Schema::builder();
    let body = builder.add_text_field("body", TEXT | STORED);
    let index = Index::create_in_dir(&args.index_dir, builder.build())?;
    let mut writer: IndexWriter =
        index.writer_with_num_threads(args.threads.max(1), args.heap_mb << 20)?;

    let mut bytes = 0usize;
    for path in files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        bytes += text.len();
        writer.add_document(doc!(body => text))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(bytes)
}

/// Ingest minus the extractors. Returns the bytes read; files that are not
/// decisions are left out, as ingest leaves them out.
fn structure(args: &Args, files: &[PathBuf]) -> Result<usize> {
    let destination = ombuds::index::open_or_create(&args.index_dir, false)?;
    let mut writer = DecisionWriter::new(&destination.index, args.threads)?;
    let mut bytes = 0usize;
    for path in files {
        let decoded = ombuds::walk::read_text(path).map_err(|skip| anyhow::anyhow!("{skip}"))?;
        bytes += decoded.text.len();
        let source = path.display().to_string();
        if let Ok(decision) = ombuds::parse::parse_structure(&source, &decoded.text) {
            let reference = decision.reference.clone();
            writer.upsert(&reference, document(writer.fields(), decision), false)?;
        }
    }
    writer.commit()?;
    writer.finish()?;
    // A first run builds the index beside its directory: this moves it in.
    destination.publish()?;
    Ok(bytes)
}
