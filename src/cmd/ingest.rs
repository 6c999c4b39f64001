//! `ombuds ingest`: walk files, parse them in parallel and upsert them into
//! the index by reference. The long help is [`LONG_ABOUT`].

use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::Outcome;
use crate::index::write::{document, DecisionWriter};
use crate::output::escape::terminal_line;
use crate::output::json_line;
use crate::parse::Decision;
use crate::walk::{self, SkipKind, Skipped};

/// The long help of `ombuds ingest`.
pub const LONG_ABOUT: &str = "Parse decision files and add them to the index.

Walks the paths given (directories for .txt files, without following symbolic
links; files named explicitly are read whatever their extension), parses them in
parallel and writes one tantivy index. A decision already in the index with the
same reference is replaced, so ingesting the same files twice leaves the same
number of decisions. Nothing is visible to searches until the single commit at the
end; a run that is killed leaves the index as it was.

Files that cannot be used never stop the run: each is reported as `path: reason`
(empty, binary, undecodable, too large, unreadable or a broken link, not a
decision, a duplicate reference). Text in Windows-1252 or UTF-16, double-encoded
UTF-8 (mojibake) and HTML pages saved as .txt are converted, with a warning.
Symbolic links inside directories are not followed.

At the end a report on stderr gives files seen, decisions indexed, each skipped
file with its reason, reading warnings, and how many decisions have each header
field (--json prints the same report as JSON on stdout; --errors FILE writes the
skipped files as JSON Lines). Exit code 0 when every file was used, 3 when some
were skipped, 2 on an error that stopped the run (and with --strict, when any
file was skipped: then nothing is committed), 130 on Ctrl-C (nothing committed).
Only one ingest can write an index at a time; search and stats keep working
on the last commit while it runs.

Examples:
  ombuds ingest corpus/
  ombuds ingest ~/lgsco/2023 ~/lgsco/2024 --index ~/lgsco/index
  OMBUDS_INDEX=/data/idx ombuds ingest decisions/ --rebuild";

/// Flags of `ombuds ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Decision files, or directories to walk for `.txt` files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Delete the existing index first (needed after upgrading ombuds when the
    /// index format changed).
    #[arg(long)]
    pub rebuild: bool,

    /// Indexing threads (default: the number of CPUs).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,

    /// Print the final report as JSON on stdout.
    #[arg(long)]
    pub json: bool,

    /// Classify faults with this taxonomy file instead of the built-in one
    /// (same format as `src/parse/faults.toml`).
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,

    /// Fail the whole run, committing nothing, if any file is skipped.
    #[arg(long)]
    pub strict: bool,

    /// Also write every skipped file as JSON Lines `{path, reason, kind}` here.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

/// A warning about how one decision was read (encoding repaired, truncated...).
#[derive(Debug, Serialize)]
pub struct FileWarning {
    /// The file.
    pub path: String,
    /// The warning.
    pub warning: String,
}

/// Warnings worth a line on stderr (the rest are in `parse` output).
const REPORTED_WARNINGS: &[&str] = &[
    "decoded",
    "mojibake",
    "HTML",
    "truncated",
    "no body sections",
];

/// How many warnings are printed on stderr before they are only counted.
const WARNINGS_SHOWN: usize = 20;

/// Set by Ctrl-C: stop before committing anything.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// What an ingest did.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Files found by the walk (plus paths that could not be walked).
    pub files_seen: usize,
    /// Distinct decisions written to the index.
    pub decisions_indexed: usize,
    /// Decisions in the index after the commit.
    pub decisions_in_index: u64,
    /// Every file that was not used, with its reason.
    pub skipped: Vec<Skipped>,
    /// For each header field, how many indexed decisions have it.
    pub field_coverage: BTreeMap<&'static str, usize>,
    /// Decisions indexed with a reading warning (repaired encoding,
    /// converted HTML, truncated text, no body sections).
    pub warnings: Vec<FileWarning>,
}

/// Walks, parses, upserts, commits, then reports.
pub fn run(index_path: &Path, args: Args) -> Result<Outcome> {
    // Ctrl-C only sets a flag: the run stops before its commit.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    let taxonomy = super::load_taxonomy(args.taxonomy.as_deref())?;
    let (files, walk_skipped) = walk::decision_files(&args.paths);
    let index = crate::index::open_or_create(index_path, args.rebuild)?;
    let threads = args
        .threads
        .map(usize::from)
        .unwrap_or_else(default_threads);
    let mut writer = DecisionWriter::new(&index, threads)?;

    let mut report = Report {
        files_seen: files.len() + walk_skipped.len(),
        skipped: walk_skipped,
        ..Default::default()
    };
    let progress = progress_bar(files.len() as u64);
    let mut seen: HashMap<String, Seen> = HashMap::new();
    // Documents are built on the parsing threads; this one only writes them.
    let fields = writer.fields().clone();
    let prepare = |d: Decision| {
        let parsed = Parsed::from(&d);
        (document(&fields, d), parsed)
    };
    walk::for_each_decision(&files, 512, &taxonomy, prepare, |i, result| -> Result<()> {
        if INTERRUPTED.load(Ordering::SeqCst) {
            bail!(Interrupted);
        }
        progress.inc(1);
        match result {
            Ok((doc, parsed)) => {
                note_warnings(&files[i], &parsed.warnings, &mut report.warnings);
                let entry = Seen {
                    file: i,
                    fields: parsed.fields,
                };
                let repeated = note_duplicate(
                    &mut seen,
                    &parsed.reference,
                    entry,
                    &files,
                    &mut report.skipped,
                );
                writer.upsert(&parsed.reference, doc, repeated)
            }
            Err(skip) => {
                report.skipped.push(skip);
                Ok(())
            }
        }
    })?;
    progress.finish_and_clear();
    if let Some(path) = &args.errors {
        write_errors(path, &report.skipped)?;
    }
    if args.strict && !report.skipped.is_empty() {
        for skip in &report.skipped {
            eprintln!("skipped {}", terminal_line(&skip.to_string()));
        }
        bail!(
            "--strict: {} of {} files could not be used; nothing was committed, the index is as it was",
            report.skipped.len(),
            report.files_seen
        );
    }
    if INTERRUPTED.load(Ordering::SeqCst) {
        bail!(Interrupted);
    }
    writer.commit()?;
    writer.finish()?;

    report.decisions_indexed = seen.len();
    report.field_coverage = field_coverage(seen.values());
    report.decisions_in_index = crate::index::read::searcher(&index)?.num_docs();
    print_report(&report, index_path, args.json)?;
    Ok(if report.skipped.is_empty() {
        Outcome::Success
    } else {
        Outcome::SomeSkipped
    })
}

/// The error an interrupted ingest ends with (`main` maps it to exit 130).
#[derive(Debug, thiserror::Error)]
#[error("interrupted: nothing was committed, the index is as it was before this run")]
pub struct Interrupted;

/// What the report needs of a decision once its document is built.
struct Parsed {
    reference: String,
    warnings: Vec<String>,
    fields: [bool; HEADER_FIELDS.len()],
}

impl From<&Decision> for Parsed {
    fn from(d: &Decision) -> Self {
        Parsed {
            reference: d.reference.clone(),
            warnings: d.warnings.clone(),
            fields: HEADER_FIELDS.map(|(_, has)| has(d)),
        }
    }
}

fn note_warnings(path: &Path, found: &[String], warnings: &mut Vec<FileWarning>) {
    for w in found {
        if REPORTED_WARNINGS.iter().any(|r| w.contains(r)) {
            warnings.push(FileWarning {
                path: path.display().to_string(),
                warning: w.clone(),
            });
        }
    }
}

fn write_errors(path: &Path, skipped: &[Skipped]) -> Result<()> {
    let file = std::fs::File::create(path)
        .with_context(|| format!("--errors: cannot create {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    for skip in skipped {
        json_line(&mut out, skip)?;
    }
    out.flush()
        .with_context(|| format!("--errors: cannot write {}", path.display()))?;
    Ok(())
}

fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {bar:40} {pos}/{len} files {per_sec} eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// What the run keeps of each reference it indexed: the index of its file
/// in the walk's list, and which header fields it had (counted once the
/// later duplicate has won). Kept small: a run holds one per decision.
struct Seen {
    file: usize,
    fields: [bool; HEADER_FIELDS.len()],
}

/// Whether a decision has one header field.
type HasField = fn(&Decision) -> bool;

/// The header fields the report counts, in report order, each with the
/// test of whether a decision has it.
const HEADER_FIELDS: [(&str, HasField); 6] = [
    ("organisation", |d| d.organisation.is_some()),
    ("category", |d| d.category.is_some()),
    ("outcome", |d| d.outcome.is_some()),
    ("decision_date", |d| d.decision_date.is_some()),
    ("complainant", |d| d.complainant.is_some()),
    ("summary", |d| d.summary.is_some()),
];

/// Records a decision; a reference seen twice in this run is reported (the
/// later file, by path order, wins, and the earlier one is named with both
/// paths) and the answer is `true`.
fn note_duplicate(
    seen: &mut HashMap<String, Seen>,
    reference: &str,
    entry: Seen,
    files: &[PathBuf],
    skipped: &mut Vec<Skipped>,
) -> bool {
    let later = entry.file;
    let Some(earlier) = seen.insert(reference.to_string(), entry) else {
        return false;
    };
    skipped.push(Skipped::new(
        &files[earlier.file],
        SkipKind::Duplicate,
        format!(
            "same reference {reference} as {}, which replaces it (the later file wins)",
            files[later].display()
        ),
    ));
    true
}

/// How many of the indexed decisions have each header field.
fn field_coverage<'a>(seen: impl Iterator<Item = &'a Seen>) -> BTreeMap<&'static str, usize> {
    let mut coverage: BTreeMap<&'static str, usize> =
        HEADER_FIELDS.iter().map(|(n, _)| (*n, 0)).collect();
    for s in seen {
        for ((name, _), has) in HEADER_FIELDS.iter().zip(s.fields) {
            *coverage.entry(name).or_default() += usize::from(has);
        }
    }
    coverage
}

fn print_report(report: &Report, index_path: &Path, json: bool) -> Result<()> {
    if json {
        json_line(&mut std::io::stdout().lock(), report)?;
    }
    for skip in &report.skipped {
        eprintln!("skipped {}", terminal_line(&skip.to_string()));
    }
    for w in report.warnings.iter().take(WARNINGS_SHOWN) {
        eprintln!(
            "warning {}: {}",
            terminal_line(&w.path),
            terminal_line(&w.warning)
        );
    }
    if report.warnings.len() > WARNINGS_SHOWN {
        eprintln!(
            "... and {} more warnings (all are in --json output)",
            report.warnings.len() - WARNINGS_SHOWN
        );
    }
    eprintln!(
        "ingest: {} files seen, {} decisions indexed, {} skipped; {} decisions in {}",
        report.files_seen,
        report.decisions_indexed,
        report.skipped.len(),
        report.decisions_in_index,
        terminal_line(&index_path.display().to_string())
    );
    let coverage: Vec<String> = report
        .field_coverage
        .iter()
        .map(|(name, n)| format!("{name} {n}/{}", report.decisions_indexed))
        .collect();
    if !coverage.is_empty() {
        eprintln!("fields: {}", coverage.join(", "));
    }
    Ok(())
}
