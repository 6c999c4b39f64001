//! `ombuds ingest`: walk files, parse them in parallel and upsert them into
//! the index by reference. The long help is [`LONG_ABOUT`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use std::io::Write;
use std::sync::{Mutex, PoisonError};

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use tantivy::Searcher;

use super::ExitStatus;
use crate::index::sources::{self, ExtractionStamp, IndexedSources};
use crate::index::write::{document, DecisionWriter};
use crate::index::DecisionIndex;
use crate::ingest::changed::{files_to_read, ToRead};
use crate::ingest::ParsePool;
use crate::output::escape::terminal_line;
use crate::output::{json_line, Format};
use crate::parse::{Decision, Warning};
use crate::walk::{self, SkipKind, Skipped};

/// The long help of `ombuds ingest`.
pub const LONG_ABOUT: &str = concat!(
    "Parse decision files and add them to the index.

Walks the paths given (directories for decision files, below, without
following symbolic links; files named explicitly are read whatever their
extension: as text unless it is one of those below), parses them in parallel
and writes one tantivy index. A decision already in the index with the
same reference is replaced, so ingesting the same files twice leaves the same
number of decisions. A file the index already holds decisions from is not read
again when it is unchanged: same path, size and modification time as when it
was read, by this version of ombuds's extraction code and the same taxonomy
(--taxonomy); the report counts such files as unchanged. A changed file's
decisions replace all it gave before, also one whose reference changed.
Decisions of files deleted or not named in this run stay in the index; --rebuild
reads every file again and keeps only those given. Nothing is visible to
searches until the single commit at the end; a run that is killed leaves the
index as it was. A new index (the first ingest, or --rebuild) is built in a
hidden directory beside it, .NAME.ombuds-staging, and swapped into place once
committed; one left by a killed run is removed by the next ingest.

Files that cannot be used never stop the run: each is reported as `path: reason`
(empty, binary, undecodable, too large, unreadable or a broken link, a FIFO or
device, not a decision, a duplicate reference). Of two files with the same
reference in one run, the more complete is kept (more body sections, then the
newer decision date, then the longer text) and both paths are named. Text in
Windows-1252 or UTF-16 (with or without a byte-order mark), UTF-8 with a few
stray bytes, double-encoded UTF-8 (mojibake) and HTML or XHTML pages or
fragments saved as .txt are converted, with a warning. Symbolic links inside
directories are not followed; a file reached twice is read once. A decision
whose text would cost unbounded work (an endless sentence, thousands of amounts
in one sentence) is indexed within fixed caps, with a warning naming the cap.

At the end a report on stderr gives files seen, decisions indexed, each skipped
file with its reason, reading warnings, and how many decisions have each header
field (--format json also prints the same report as one JSON object on stdout;
--json is the same as --format json; --errors FILE writes the skipped files as
JSON Lines). Exit code 0 when every file was used, 3 when some
were skipped, 2 on an error that stopped the run (and with --strict, when any
file was skipped: then nothing is committed), 130 on Ctrl-C (nothing committed).
Only one ingest can write an index at a time; search and stats keep working
on the last commit while it runs.

",
    super::input_formats_help!(),
    "

Examples:
  ombuds ingest corpus/
  ombuds ingest ~/lgsco/2023 ~/lgsco/2024 --index ~/lgsco/index
  OMBUDS_INDEX=/data/idx ombuds ingest decisions/ --rebuild
  ombuds ingest scrape.jsonl saved-pages/"
);

/// Flags of `ombuds ingest`.
#[derive(Debug, clap::Args, Default)]
pub struct Args {
    /// Decision files, or directories to walk for `.txt`, `.html`, `.htm`,
    /// `.json` and `.jsonl` files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Replace the existing index (of any version) with one built from these
    /// files alone, every one read again (needed after upgrading ombuds when
    /// the index format changed). The new index is built beside the old one, which searches
    /// keep using until the new one is committed and swapped in; a failed or
    /// interrupted rebuild leaves the old index as it was.
    #[arg(long)]
    pub rebuild: bool,

    /// Indexing threads (default: the number of CPUs).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,

    /// table: the report on stderr only; json: also the report as one JSON
    /// object on stdout.
    #[arg(long, value_parser = Format::parser(REPORT_FORMATS), default_value = "table")]
    pub format: Format,

    /// The same as --format json (kept for scripts written before --format).
    #[arg(long, hide = true, conflicts_with = "format")]
    pub json: bool,

    /// Classify faults with this taxonomy file instead of the built-in one
    /// (TOML; `ombuds parse --print-taxonomy` writes the built-in one, with
    /// its format explained, to start from).
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
    /// The warning (its message, in JSON).
    pub warning: Warning,
}

/// How many warnings are printed on stderr before they are only counted.
const WARNINGS_SHOWN: usize = 20;

/// What an ingest did.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Files found by the walk (plus paths that could not be walked).
    pub files_seen: usize,
    /// Files not read because the index holds their decisions as read from
    /// the same file (path, size, modification time) by the same
    /// extraction code and taxonomy.
    pub unchanged_files: usize,
    /// Distinct decisions written to the index.
    pub decisions_indexed: usize,
    /// Decisions in the index after the commit.
    pub decisions_in_index: u64,
    /// Every file that was not used, with its reason.
    pub skipped: Vec<Skipped>,
    /// For each header field, how many indexed decisions have it.
    pub field_coverage: BTreeMap<&'static str, usize>,
    /// Decisions indexed with a reading warning (repaired encoding,
    /// converted HTML, truncated text, no body sections, a work cap reached,
    /// an implausible amount or date).
    pub warnings: Vec<FileWarning>,
    /// Files an earlier run left in the index when it failed before its
    /// commit (a full disk), removed before this run wrote anything.
    pub stale_files_removed: usize,
}

/// The formats of ingest's report (and fetch's summary): on stderr for
/// people, or also one JSON object on stdout.
pub const REPORT_FORMATS: &[Format] = &[Format::Table, Format::Json];

impl Args {
    /// The flags of `ombuds ingest DIR [--format F]`, for `fetch --ingest`.
    pub fn folder(dir: &Path, format: Format) -> Args {
        Args {
            paths: vec![dir.to_path_buf()],
            format,
            ..Args::default()
        }
    }

    /// Whether the report goes to stdout as JSON (`--format json` or its
    /// alias `--json`).
    fn json_report(&self) -> bool {
        self.json || self.format == Format::Json
    }
}

/// Walks, parses, upserts, commits, then reports.
pub fn run(index_path: &Path, args: Args) -> Result<ExitStatus> {
    let _ = ctrlc::set_handler(on_ctrl_c);
    // Stamped before it is loaded: an edit in between shows at the next run.
    let extraction = extraction_stamp(args.taxonomy.as_deref());
    let threads = args
        .threads
        .map(usize::from)
        .unwrap_or_else(default_threads);
    // The parsing threads compile their patterns while this one walks,
    // compiles the fault taxonomy (before the index is touched, so that a
    // taxonomy file that does not load stops the run with nothing changed),
    // opens the index and looks at the files.
    let parsers = ParsePool::new(parse_threads(threads));
    parsers.warm_up();
    let (files, walk_skipped) = walk::decision_files(&args.paths);
    let taxonomy = super::load_taxonomy(args.taxonomy.as_deref())?;
    let destination = crate::index::open_or_create(index_path, args.rebuild)?;
    let mut writer = DecisionWriter::new(&destination.index, threads)?;
    // Holding the write lock, this run is the only one that may stage an
    // index beside this one: a staging directory found now is stale.
    destination.remove_stale_staging();
    // Read under the write lock: no other ingest changes it meanwhile.
    let before = crate::index::read::searcher(&destination.index)?;
    let indexed = IndexedSources::read(&before)?;
    let files_seen = files.len() + walk_skipped.len();
    let ToRead {
        files,
        sources,
        unchanged,
    } = files_to_read(files, &indexed, extraction);
    drop(indexed);

    let mut report = Report {
        files_seen,
        unchanged_files: unchanged.len(),
        skipped: walk_skipped,
        stale_files_removed: writer.orphans_removed(),
        ..Default::default()
    };
    let progress = progress_bar(files.len() as u64);
    let mut seen: HashMap<String, Seen> = HashMap::new();
    // The last file whose older decisions were deleted (a file may give
    // several decisions, one after another).
    let mut cleared: Option<usize> = None;
    // Documents are built on the parsing threads; this one only writes them.
    let fields = writer.fields().clone();
    let prepare = |d: Decision, stamp| {
        let parsed = Parsed::from(&d);
        (document(&fields, d), parsed, stamp)
    };
    // A file holds one decision or (JSON) many: the bar counts files done.
    let mut last_file = None;
    crate::ingest::for_each_decision(
        &files,
        512,
        &parsers,
        &taxonomy,
        prepare,
        |i, result| -> Result<()> {
            if last_file.replace(i) != Some(i) {
                progress.inc(1);
            }
            match result {
                Ok((mut doc, parsed, read_stamp)) => {
                    // What the file gave before goes, whether or not what it
                    // gives now is kept: a changed file leaves no ghost.
                    let source = &sources[i];
                    if source.indexed && cleared != Some(i) {
                        writer.delete_source(&source.path);
                        cleared = Some(i);
                    }
                    let entry = Seen {
                        source: parsed.source.clone(),
                        fields: parsed.fields,
                        completeness: parsed.completeness,
                    };
                    let repeated = match note_duplicate(
                        &mut seen,
                        &parsed.reference,
                        entry,
                        &mut report.skipped,
                    ) {
                        Choice::Fresh => {
                            let rival = IndexedRival {
                                index: &destination.index,
                                before: &before,
                                unchanged: &unchanged,
                            };
                            if rival.is_kept_over(&parsed, &sources[i].path, &mut report.skipped)? {
                                seen.remove(&parsed.reference);
                                return Ok(());
                            }
                            false
                        }
                        Choice::Replaces => true,
                        Choice::Dropped => return Ok(()),
                    };
                    note_warnings(&parsed.source, parsed.warnings, &mut report.warnings);
                    // A file looked at before the read keeps that stamp;
                    // one the index did not hold has the stamp it was read with.
                    let recorded = sources::Recorded {
                        file: source.recorded.file.or(read_stamp),
                        ..source.recorded
                    };
                    sources::add_source(&fields, &mut doc, &source.path, &recorded);
                    writer.upsert(&parsed.reference, doc, repeated)
                }
                Err(skip) => {
                    report.skipped.push(skip);
                    Ok(())
                }
            }
        },
    )?;
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
    let interrupted = while_committing(|| {
        writer.commit()?;
        writer.finish()?;
        let searcher = crate::index::read::searcher(&destination.index)?;
        report.decisions_in_index = searcher.num_docs();
        let held = sources::parsers_held(&searcher)?;
        crate::index::record_parsers(&destination.index.path, &held)?;
        destination.publish()
    })?;
    if interrupted {
        eprintln!("ombuds: Ctrl-C came during the commit, which was let finish: this run's decisions are in the index");
    }

    report.decisions_indexed = seen.len();
    report.field_coverage = field_coverage(seen.values());
    print_report(&report, index_path, args.json_report())?;
    Ok(if report.skipped.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::SomeSkipped
    })
}

/// Where the run is, for Ctrl-C.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// Nothing this run did is visible yet: Ctrl-C ends the process at once.
    Working,
    /// Committing, or swapping a new index into place: Ctrl-C waits for it.
    Committing { interrupted: bool },
    /// This run's decisions are in the index.
    Committed,
}

/// The run's phase; the lock orders Ctrl-C against the start of the commit.
static PHASE: Mutex<Phase> = Mutex::new(Phase::Working);

/// Ctrl-C: outside the commit, ends the process with 130 at once, even when
/// a reading thread is blocked (a FIFO, a stalled network share). That is
/// safe: a killed ingest leaves the index as it was, and a staging directory
/// it leaves is removed by the next ingest. During the commit, it only notes
/// the interrupt and the commit finishes.
fn on_ctrl_c() {
    let mut phase = PHASE.lock().unwrap_or_else(PoisonError::into_inner);
    match *phase {
        Phase::Working => eprintln!("ombuds: {Interrupted}"),
        Phase::Committing { .. } => {
            *phase = Phase::Committing { interrupted: true };
            return;
        }
        Phase::Committed => {
            eprintln!("ombuds: interrupted after the commit: this run's decisions are in the index")
        }
    }
    std::process::exit(ExitStatus::Interrupted as i32);
}

/// Runs `commit` with Ctrl-C held off; the answer says whether Ctrl-C came.
fn while_committing(commit: impl FnOnce() -> Result<()>) -> Result<bool> {
    *PHASE.lock().unwrap_or_else(PoisonError::into_inner) =
        Phase::Committing { interrupted: false };
    let result = commit();
    let mut phase = PHASE.lock().unwrap_or_else(PoisonError::into_inner);
    let interrupted = *phase == Phase::Committing { interrupted: true };
    *phase = if result.is_ok() {
        Phase::Committed
    } else {
        Phase::Working
    };
    result.map(|()| interrupted)
}

/// What an ingest interrupted by Ctrl-C says (`main` maps the error to exit 130).
#[derive(Debug, thiserror::Error)]
#[error("interrupted: nothing was committed, the index is as it was before this run")]
pub struct Interrupted;

/// What the report needs of a decision once its document is built.
struct Parsed {
    /// Where it was read from: a path, or a record in a JSON file.
    source: String,
    reference: String,
    /// The warnings the report names ([`Warning::is_reported`]).
    warnings: Vec<Warning>,
    fields: [bool; HEADER_FIELDS.len()],
    completeness: Completeness,
}

impl From<&Decision> for Parsed {
    fn from(d: &Decision) -> Self {
        Parsed {
            source: d.source.clone(),
            reference: d.reference.clone(),
            warnings: d
                .warnings
                .iter()
                .filter(|w| w.is_reported())
                .cloned()
                .collect(),
            fields: HEADER_FIELDS.map(|(_, has)| has(d)),
            completeness: Completeness::of(d),
        }
    }
}

fn note_warnings(source: &str, reported: Vec<Warning>, warnings: &mut Vec<FileWarning>) {
    warnings.extend(reported.into_iter().map(|warning| FileWarning {
        path: source.to_string(),
        warning,
    }));
}

/// The extraction stamp of this run: this ombuds, and the `--taxonomy`
/// file's bytes when one is given.
fn extraction_stamp(taxonomy: Option<&Path>) -> ExtractionStamp {
    let Some(path) = taxonomy else {
        return ExtractionStamp::current(None);
    };
    // Bounded, as loading it is; a file that cannot be read (or is over
    // the bound) is refused by the loading, with its reason, right after.
    let bytes = walk::read_bounded(path, TAXONOMY_STAMP_BYTES).unwrap_or_default();
    ExtractionStamp::current(Some(&bytes))
}

/// More than a taxonomy file may hold; past it, loading refuses the file.
const TAXONOMY_STAMP_BYTES: u64 = 16 * 1024 * 1024;

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

/// Threads that parse while `indexing` threads index: the CPUs tantivy's
/// threads leave, counting each as half a CPU (they wait for documents part of
/// the time), and at least one. More parsers than that only take turns with
/// the indexing threads: on two CPUs with two indexing threads, two parsers
/// spent 10-15% more CPU than one for the same wall time.
fn parse_threads(indexing: usize) -> usize {
    parse_threads_on(default_threads(), indexing)
}

fn parse_threads_on(cpus: usize, indexing: usize) -> usize {
    cpus.saturating_sub(indexing.min(cpus) / 2).max(1)
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

/// What the run keeps of each reference it indexed: where it was read from
/// (a path, or `PATH:LINE` for a JSON record), which header fields it had
/// (counted for the one that is kept when two share a reference), and how
/// complete it is. Kept small: a run holds one per decision.
struct Seen {
    source: String,
    fields: [bool; HEADER_FIELDS.len()],
    completeness: Completeness,
}

/// How complete a decision's text is, to choose between two files with the
/// same reference; compared field by field, in this order: more body
/// sections (a stub or a truncated copy has fewer), then a decision date
/// over none and a newer one over an older (a reissue), then longer text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Completeness {
    sections: usize,
    decision_date: Option<time::Date>,
    text_bytes: usize,
}

impl Completeness {
    fn of(d: &Decision) -> Self {
        Completeness {
            sections: d.sections.len(),
            decision_date: d.decision_date,
            text_bytes: d.summary.as_ref().map_or(0, String::len)
                + d.sections.iter().map(|s| s.text.len()).sum::<usize>(),
        }
    }

    /// Why `self` is kept over `other`, which it is not less complete than.
    fn why_kept_over(&self, other: &Completeness) -> String {
        if self.sections != other.sections {
            format!(
                "it has more body sections ({} against {})",
                self.sections, other.sections
            )
        } else if self.decision_date != other.decision_date {
            let shown = |d: Option<time::Date>| d.map_or("none".to_string(), |d| d.to_string());
            format!(
                "its decision date is newer ({} against {})",
                shown(self.decision_date),
                shown(other.decision_date)
            )
        } else if self.text_bytes != other.text_bytes {
            format!(
                "its text is longer ({} against {} bytes)",
                self.text_bytes, other.text_bytes
            )
        } else {
            "both are as complete, and the later path wins".to_string()
        }
    }
}

/// What becomes of a parsed decision, given the decisions seen so far.
#[derive(Debug, PartialEq, Eq)]
enum Choice {
    /// Its reference is new in this run: indexed.
    Fresh,
    /// It is more complete than the earlier file with its reference, which
    /// it replaces.
    Replaces,
    /// The earlier file with its reference is kept; this one is not indexed.
    Dropped,
}

/// The index as it was before this run, to compare a decision just read
/// with one of the same reference that an unchanged file gave, as a run
/// that read both files would: the more complete is kept ([`Completeness`];
/// on a tie the later path), the other reported as a duplicate. Without
/// this, a duplicate left out of the index would be read at every run and
/// replace the decision kept. A decision from a file not named in this run
/// is replaced, as ingest replaces by reference.
struct IndexedRival<'a> {
    index: &'a DecisionIndex,
    before: &'a Searcher,
    unchanged: &'a HashSet<String>,
}

impl IndexedRival<'_> {
    /// Whether the decision from an unchanged file with the reference of
    /// `parsed`, read from `path`, is kept over it; the one not kept is
    /// reported in `skipped`.
    fn is_kept_over(
        &self,
        parsed: &Parsed,
        path: &str,
        skipped: &mut Vec<Skipped>,
    ) -> Result<bool> {
        if self.unchanged.is_empty() {
            return Ok(false);
        }
        let held =
            sources::source_of_reference(&self.index.fields, self.before, &parsed.reference)?;
        let Some((address, held_path)) = held.filter(|(_, p)| self.unchanged.contains(p)) else {
            return Ok(false);
        };
        let held = Completeness::of(&crate::index::read::decision_at(
            self.index,
            self.before,
            address,
        )?);
        let read_wins = match parsed.completeness.cmp(&held) {
            std::cmp::Ordering::Equal => path > held_path.as_str(),
            order => order.is_gt(),
        };
        let (kept, kept_path, dropped, dropped_path) = if read_wins {
            (&parsed.completeness, path, &held, held_path.as_str())
        } else {
            (&held, held_path.as_str(), &parsed.completeness, path)
        };
        skipped.push(Skipped::new(
            Path::new(dropped_path),
            SkipKind::Duplicate,
            format!(
                "same reference {} as {kept_path}, which is kept: {}",
                parsed.reference,
                kept.why_kept_over(dropped)
            ),
        ));
        Ok(!read_wins)
    }
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

/// Records a decision and chooses between it and an earlier file with the
/// same reference in this run: the more complete text is kept
/// ([`Completeness`]; on a tie the later file, by path order) and the other
/// is reported as a duplicate naming both paths and why. (The walk lists a
/// file reached twice only once, so two entries are two files.)
fn note_duplicate(
    seen: &mut HashMap<String, Seen>,
    reference: &str,
    entry: Seen,
    skipped: &mut Vec<Skipped>,
) -> Choice {
    let Some(earlier) = seen.get_mut(reference) else {
        seen.insert(reference.to_string(), entry);
        return Choice::Fresh;
    };
    let later_wins = entry.completeness >= earlier.completeness;
    let (kept, dropped) = if later_wins {
        (&entry, &*earlier)
    } else {
        (&*earlier, &entry)
    };
    skipped.push(Skipped::at(
        dropped.source.clone(),
        SkipKind::Duplicate,
        format!(
            "same reference {reference} as {}, which is kept: {}",
            kept.source,
            kept.completeness.why_kept_over(&dropped.completeness)
        ),
    ));
    if later_wins {
        *earlier = entry;
        Choice::Replaces
    } else {
        Choice::Dropped
    }
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

/// Prints the report: the summary on stderr, then with `json` the report on
/// stdout. The index is committed by then, so a report that cannot be
/// written (stdout on a full disk) fails the run with a message saying the
/// decisions are in the index and only the report was lost; the exit code
/// stays that of an error, as a script reading the report got none.
fn print_report(report: &Report, index_path: &Path, json: bool) -> Result<()> {
    for skip in &report.skipped {
        eprintln!("skipped {}", terminal_line(&skip.to_string()));
    }
    for w in report.warnings.iter().take(WARNINGS_SHOWN) {
        eprintln!(
            "warning {}: {}",
            terminal_line(&w.path),
            terminal_line(&w.warning.to_string())
        );
    }
    if report.warnings.len() > WARNINGS_SHOWN {
        eprintln!(
            "... and {} more warnings (all are in --format json output)",
            report.warnings.len() - WARNINGS_SHOWN
        );
    }
    if report.stale_files_removed > 0 {
        eprintln!(
            "ingest: removed {} files left in {} by an earlier run that failed before its commit",
            report.stale_files_removed,
            index_path.display()
        );
    }
    eprintln!(
        "ingest: {} files seen, {} unchanged (not read again), {} decisions indexed, {} skipped; {} decisions in {}",
        report.files_seen,
        report.unchanged_files,
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
    if !coverage.is_empty() && report.decisions_indexed > 0 {
        eprintln!("fields: {}", coverage.join(", "));
    }
    if json {
        let mut out = std::io::stdout().lock();
        json_line(&mut out, report)
            .and_then(|()| Ok(out.flush()?))
            .with_context(|| {
                format!(
                    "the index was committed ({} decisions in {}); only the JSON report could not be written to stdout",
                    report.decisions_in_index,
                    index_path.display()
                )
            })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsers_get_the_cpus_indexing_leaves_and_at_least_one() {
        assert_eq!(parse_threads_on(2, 2), 1);
        assert_eq!(parse_threads_on(2, 1), 2);
        assert_eq!(parse_threads_on(8, 8), 4);
        assert_eq!(parse_threads_on(8, 2), 7);
        assert_eq!(parse_threads_on(1, 4), 1);
        assert_eq!(parse_threads_on(4, 16), 2);
    }

    fn entry(source: &str, sections: usize, date: Option<&str>, text_bytes: usize) -> Seen {
        Seen {
            source: source.to_string(),
            fields: [false; HEADER_FIELDS.len()],
            completeness: Completeness {
                sections,
                decision_date: date
                    .map(|d| time::Date::parse(d, crate::parse::ISO_DATE).expect("date")),
                text_bytes,
            },
        }
    }

    /// Notes `entries` in order; the choices made and the skip lines.
    fn note(entries: Vec<Seen>) -> (Vec<Choice>, Vec<Skipped>, String) {
        let mut seen = HashMap::new();
        let mut skipped = Vec::new();
        let choices = entries
            .into_iter()
            .map(|e| note_duplicate(&mut seen, "23 002 683", e, &mut skipped))
            .collect();
        let kept = seen["23 002 683"].source.clone();
        (choices, skipped, kept)
    }

    #[test]
    fn a_stub_never_replaces_a_full_decision_whichever_comes_first() {
        let (choices, skipped, kept) = note(vec![
            entry("a/full.txt", 8, Some("2023-10-05"), 9000),
            entry("b/stub.txt", 0, None, 5),
        ]);
        assert_eq!(choices, [Choice::Fresh, Choice::Dropped]);
        assert_eq!(kept, "a/full.txt");
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].path, "b/stub.txt");
        assert_eq!(
            skipped[0].reason,
            "same reference 23 002 683 as a/full.txt, which is kept: it has more body sections (8 against 0)"
        );

        let (choices, skipped, kept) = note(vec![
            entry("a/stub.txt", 0, None, 5),
            entry("b/full.txt", 8, Some("2023-10-05"), 9000),
        ]);
        assert_eq!(choices, [Choice::Fresh, Choice::Replaces]);
        assert_eq!(
            (kept.as_str(), skipped[0].path.as_str()),
            ("b/full.txt", "a/stub.txt")
        );
    }

    #[test]
    fn with_as_many_sections_the_newer_decision_date_wins() {
        let (choices, skipped, kept) = note(vec![
            entry("a.txt", 5, Some("2024-01-02"), 100),
            entry("b.txt", 5, Some("2023-01-02"), 900),
        ]);
        assert_eq!(choices, [Choice::Fresh, Choice::Dropped]);
        assert_eq!(kept, "a.txt");
        assert!(skipped[0]
            .reason
            .ends_with("its decision date is newer (2024-01-02 against 2023-01-02)"));
    }

    #[test]
    fn equally_complete_copies_keep_the_later_path() {
        // Two records of one JSON Lines file are named by their lines.
        let (choices, skipped, kept) = note(vec![
            entry("s.jsonl:1", 5, None, 100),
            entry("s.jsonl:2", 5, None, 100),
        ]);
        assert_eq!(choices, [Choice::Fresh, Choice::Replaces]);
        assert_eq!(kept, "s.jsonl:2");
        assert_eq!(skipped[0].path, "s.jsonl:1");
        assert!(skipped[0].reason.ends_with("the later path wins"));
    }
}
