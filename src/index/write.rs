//! Writing decisions: one tantivy document per decision, upserted by reference.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use tantivy::schema::{Document, TantivyDocument};
use tantivy::{DateTime, IndexWriter, TantivyError, Term};

use super::directory::share_replaced_files;
use super::failure;
use super::schema::{encode_payment, Fields};
use super::DecisionIndex;
use crate::names::name_of;
use crate::parse::{Decision, Warning};

/// Memory budget for tantivy's indexing threads, split between them.
pub const WRITER_HEAP_BYTES: usize = 256 * 1024 * 1024;

/// How far below the caller's scheduling priority tantivy's indexing and
/// merging threads run (a `nice` increment; Linux only). Ingest reads and
/// parses on one thread and indexes on the others: the parsing thread is the
/// pipeline's one serial stage, and on a machine with no more cores than
/// threads, a fair share of the cores (each thread an equal turn) leaves it
/// short and the indexing threads waiting for it, while their wake-ups cut
/// its turns short. Lower-priority indexing threads take the time the parser
/// leaves, which is all they need (docs/performance.md, "Priority to the
/// parsing thread").
pub const INDEXING_NICENESS: i32 = 10;

/// tantivy's writer, its threads started at [`INDEXING_NICENESS`] below the
/// caller's priority: they inherit the priority of the thread that starts
/// them, so a short-lived thread lowers its own and starts them. Where that
/// thread cannot be had, the caller starts them at its own priority.
fn yielding_writer(index: &tantivy::Index, threads: usize) -> tantivy::Result<IndexWriter<Queued>> {
    let start = || index.writer_with_num_threads(threads, WRITER_HEAP_BYTES);
    if !cfg!(target_os = "linux") {
        return start();
    }
    std::thread::scope(|scope| {
        let lowered = std::thread::Builder::new()
            .name("ombuds-writer".into())
            .spawn_scoped(scope, || {
                lower_own_priority(INDEXING_NICENESS);
                start()
            });
        match lowered {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => start(),
        }
    })
}

/// Lowers the calling thread's priority by `increment` (on Linux, `nice`
/// is per thread). Failing leaves it as it was, which only costs speed.
fn lower_own_priority(increment: i32) {
    #[cfg(target_os = "linux")]
    // SAFETY: nice(2) takes and returns plain integers and touches no memory.
    unsafe {
        libc::nice(increment);
    }
    #[cfg(not(target_os = "linux"))]
    let _ = increment;
}

/// How many documents may be waiting for tantivy's indexing threads at once.
/// tantivy queues up to 10,000 itself, each holding a decision's text and
/// record, which makes a full queue much of ingest's peak memory; a thousand
/// keep both indexing threads fed (docs/performance.md, "Memory").
pub const QUEUED_DOCUMENTS: usize = 1024;

/// An open writer; at most one per index at a time, across processes.
pub struct DecisionWriter {
    writer: IndexWriter<Queued>,
    queue: Arc<Queue>,
    fields: Fields,
    /// Whether the index held decisions before this writer opened: then every
    /// added decision may replace one; otherwise only a reference repeated
    /// within the run can.
    had_decisions: bool,
    /// The index directory, to name in errors.
    path: PathBuf,
    /// How many files left by an earlier failed run were removed on opening.
    orphans: usize,
}

impl DecisionWriter {
    /// Takes the index's write lock, or fails at once if another process
    /// holds it or the directory cannot be written; then removes the files
    /// an earlier run left behind when it failed before its commit.
    pub fn new(index: &DecisionIndex, threads: usize) -> Result<Self> {
        let writer = yielding_writer(&index.index, threads.max(1))
            .map_err(|e| writer_failure(&e, &index.path))?;
        // A rebuild may have swapped a new index into place between our open
        // and our lock: tantivy would then write the new index with the old
        // one's list of managed files. Refuse rather than leak files.
        if index.opened.is_some() && index.opened != super::directory_identity(&index.path) {
            bail!(
                "{}: the index was replaced by a `--rebuild` while this ingest was starting; nothing was written, run it again",
                index.path.display()
            );
        }
        let had_decisions = index
            .index
            .reader()
            .map(|r| r.searcher().num_docs() > 0)
            .map_err(|e| failure::explain(&e, &index.path, "reading the index before writing"))?;
        // tantivy cleans up after a commit, but a commit that failed (a full
        // disk) leaves its segment files behind, and the next run would need
        // their space before its own commit could free it.
        let orphans = writer
            .garbage_collect_files()
            .wait()
            .map_err(|e| {
                failure::explain(&e, &index.path, "removing files left by an earlier run")
            })?
            .deleted_files
            .len();
        Ok(DecisionWriter {
            writer,
            queue: Arc::new(Queue::new(QUEUED_DOCUMENTS, STALLED)),
            fields: index.fields.clone(),
            path: index.path.clone(),
            had_decisions,
            orphans,
        })
    }

    /// How many files an earlier run had left behind, removed on opening.
    pub fn orphans_removed(&self) -> usize {
        self.orphans
    }

    /// The schema's fields, to build documents with [`document`] (on any thread).
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// Adds `doc`, the document of the decision with `reference`, replacing
    /// any decision with that reference already in the index or added earlier
    /// in this run (`repeated`). A fresh index written with distinct
    /// references needs no deletes at all. Waits while [`QUEUED_DOCUMENTS`]
    /// documents are still waiting to be indexed.
    pub fn upsert(&mut self, reference: &str, doc: TantivyDocument, repeated: bool) -> Result<()> {
        if repeated || self.had_decisions {
            self.writer
                .delete_term(Term::from_field_text(self.fields.reference, reference));
        }
        let doc = Queued {
            doc,
            _place: Place::take(&self.queue),
        };
        if let Err(killed) = self.writer.add_document(doc) {
            let cause = thread_failure(&mut self.writer, killed);
            return Err(failure::explain(&cause, &self.path, "indexing"));
        }
        Ok(())
    }

    /// Deletes every decision read from the file at `path` (as the walk
    /// named it) that is in the index or was added earlier in this run:
    /// the file changed, and its new decisions replace them all.
    pub fn delete_source(&mut self, path: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.source_path, path));
    }

    /// Makes everything added so far durable and visible to readers.
    pub fn commit(&mut self) -> Result<()> {
        self.writer
            .commit()
            .map_err(|e| failure::explain(&e, &self.path, "committing the index"))?;
        share(&self.path)
    }

    /// Waits for merges to finish, releasing the write lock.
    pub fn finish(self) -> Result<()> {
        self.writer
            .wait_merging_threads()
            .map_err(|e| failure::explain(&e, &self.path, "finishing index merges"))?;
        // Merges and clean-up rewrite meta.json and .managed.json too.
        share(&self.path)
    }
}

/// The error of a writer that could not be opened: its lock (see
/// [`failure::lock_failure`]) or something else, named by [`failure::explain`].
fn writer_failure(error: &TantivyError, path: &Path) -> anyhow::Error {
    match error {
        TantivyError::LockFailure(lock, _) => failure::lock_failure(lock, path),
        other => failure::explain(other, path, "cannot open index writer"),
    }
}

/// Why tantivy's writer refused a document. It says only that "an index
/// writer was killed" when one of its indexing threads has failed (a full
/// disk, a file it may not create); that thread's own error is returned by
/// joining the threads, which preparing a commit does. The prepared commit
/// is dropped, never committed: the run is failing.
fn thread_failure<D: Document>(writer: &mut IndexWriter<D>, killed: TantivyError) -> TantivyError {
    match writer.prepare_commit() {
        Err(cause) => cause,
        Ok(_) => killed,
    }
}

/// Makes the index's replaced files readable as its segment files are.
fn share(path: &Path) -> Result<()> {
    share_replaced_files(path).with_context(|| {
        format!(
            "{}: cannot make the index readable by others",
            path.display()
        )
    })
}

/// A document on its way to tantivy's indexing threads, holding its place
/// in the [`Queue`] until tantivy drops it, once indexed and stored.
struct Queued {
    doc: TantivyDocument,
    _place: Place,
}

impl Document for Queued {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

/// How many documents are queued, and how many may be. The writer waits when
/// the queue is full until it has drained to half, so a wait costs one wake-up
/// per half a queue, not one per document.
struct Queue {
    queued: AtomicUsize,
    /// How many writers are waiting; guards the wake-up.
    waiting: Mutex<usize>,
    drained: Condvar,
    limit: usize,
    /// How long the writer waits for the queue to drain before going on.
    stalled: Duration,
}

impl Queue {
    fn new(limit: usize, stalled: Duration) -> Self {
        Queue {
            queued: AtomicUsize::new(0),
            waiting: Mutex::new(0),
            drained: Condvar::new(),
            limit: limit.max(2),
            stalled,
        }
    }

    /// The count at which a waiting writer goes on.
    fn low(&self) -> usize {
        self.limit / 2
    }
}

/// One queued document's place; dropping it frees the place.
struct Place(Arc<Queue>);

impl Place {
    /// Takes a place in `queue`; when it is full, first waits for it to drain
    /// to half, but no longer than its `stalled` time. tantivy takes no
    /// documents while both its threads write out a segment, which takes
    /// seconds; and if its threads have died (a full disk), the documents
    /// they left queued are never dropped, and only going on lets
    /// `add_document` report the error instead of waiting for ever.
    fn take(queue: &Arc<Queue>) -> Self {
        let place = Place(Arc::clone(queue));
        if queue.queued.fetch_add(1, Ordering::SeqCst) < queue.limit {
            return place;
        }
        // A poisoned count is still a count: the panic that poisoned it ends
        // the run elsewhere.
        let mut waiting = queue.waiting.lock().unwrap_or_else(PoisonError::into_inner);
        *waiting += 1;
        while queue.queued.load(Ordering::SeqCst) > queue.low() {
            let (now, wait) = queue
                .drained
                .wait_timeout(waiting, queue.stalled)
                .unwrap_or_else(PoisonError::into_inner);
            waiting = now;
            if wait.timed_out() {
                break;
            }
        }
        *waiting -= 1;
        place
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let queue = &self.0;
        // The count falls by one at a time, so it cannot drain past `low`
        // without a drop landing on it; the lock orders this wake-up after
        // a waiting writer's last look at the count.
        if queue.queued.fetch_sub(1, Ordering::SeqCst) - 1 == queue.low() {
            let waiting = queue.waiting.lock().unwrap_or_else(PoisonError::into_inner);
            if *waiting > 0 {
                queue.drained.notify_all();
            }
        }
    }
}

/// How long [`Place::take`] waits for tantivy's queue to drain to half
/// (draining [`QUEUED_DOCUMENTS`] / 2 documents normally takes far less).
const STALLED: Duration = Duration::from_secs(1);

/// The tantivy document for one decision.
///
/// The summary and section texts are stored once, in `text`; the `record`
/// holds the rest of the decision and where each text sits in `text`
/// ([`Record`]). Storing them in both would double the bytes compressed,
/// escaped as JSON and held in memory while the writer queues documents.
pub fn document(f: &Fields, d: Decision) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.reference, &d.reference);
    let keywords = [
        (f.organisation, d.organisation.as_deref()),
        (f.category, d.category.as_deref()),
        (f.subcategory, d.subcategory.as_deref()),
        (f.outcome, d.outcome.as_deref()),
        (f.finding, d.finding.as_ref().map(name_of)),
    ];
    for (field, value) in keywords {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    if let Some(date) = d.decision_date {
        doc.add_date(f.decision_date, date_value(date));
    }
    if let Some(year) = d.year() {
        doc.add_u64(f.year, year as u64);
    }
    if let Some(summary) = &d.summary {
        doc.add_text(f.summary, summary);
    }
    doc.add_f64(f.agreed_total, d.agreed_total);
    doc.add_f64(f.accepted_total, d.accepted_total);
    for payment in d.agreed_payments().filter(|p| p.period.is_none()) {
        doc.add_f64(f.agreed_amount, payment.amount);
        for purpose in &payment.purpose {
            doc.add_text(f.purpose, name_of(purpose));
        }
    }
    // Lump sums of every role; a rate never counts in payment statistics.
    let lump_sums = d.payments.iter().filter(|p| p.period.is_none());
    for (i, p) in lump_sums.enumerate() {
        let purposes = p.purpose.iter().map(name_of);
        doc.add_text(f.payment, encode_payment(i, p.role, p.amount, purposes));
    }
    doc.add_bool(f.payment_amount_unstated, d.payment_amount_unstated);
    doc.add_bool(f.truncated, d.warnings.contains(&Warning::Truncated));
    for remedy in &d.remedies {
        doc.add_text(f.remedy, name_of(remedy));
    }
    for fault in &d.faults {
        doc.add_text(f.fault, &fault.kind);
    }
    if let Some(days) = d.deadline_days {
        doc.add_u64(f.deadline_days, days as u64);
    }
    doc.add_bool(f.shared_with_ofsted, d.shared_with_ofsted);
    doc.add_text(f.text, full_text(&d));
    let record = Record::without_text(d);
    doc.add_bytes(f.record, &record.to_bytes());
    doc
}

/// What the `record` field stores: the decision with its summary and section
/// texts taken out, and their lengths in bytes, which cut them back out of
/// the stored `text` ([`full_text`] lays them out).
#[derive(Debug, Serialize, Deserialize)]
pub struct Record {
    decision: Decision,
    summary_len: Option<usize>,
    section_lens: Vec<usize>,
}

impl Record {
    /// The record as the index stores it: postcard, a compact binary form
    /// that names no fields, so its layout is [`Decision`]'s field order and
    /// types (the test `record_layout_is_pinned_to_the_schema_version` says
    /// when it changed and `SCHEMA_VERSION` must be bumped). JSON cost ingest
    /// more: every sentence escaped, then the field names compressed with
    /// the rest (figures in docs/performance.md).
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain data into a Vec cannot fail.
        postcard::to_stdvec(self).unwrap_or_default()
    }

    /// A record read back from the bytes [`Record::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    fn without_text(mut decision: Decision) -> Self {
        let summary_len = decision.summary.take().map(|s| s.len());
        let section_lens = decision
            .sections
            .iter_mut()
            .map(|s| std::mem::take(&mut s.text).len())
            .collect();
        Record {
            decision,
            summary_len,
            section_lens,
        }
    }

    /// The whole decision again, its texts cut from `text` (the stored
    /// [`full_text`]); `None` when `text` does not fit the lengths.
    pub fn with_text(self, text: &str) -> Option<Decision> {
        let Record {
            mut decision,
            summary_len,
            section_lens,
        } = self;
        if section_lens.len() != decision.sections.len() {
            return None;
        }
        let mut at = 0;
        let mut cut = |skip: usize, len: usize| -> Option<String> {
            let start = at + skip;
            let piece = text.get(start..start + len)?;
            at = start + len + 1;
            Some(piece.to_string())
        };
        if let Some(len) = summary_len {
            decision.summary = Some(cut(0, len)?);
        }
        for (section, len) in decision.sections.iter_mut().zip(section_lens) {
            section.text = cut(section.heading.len() + 1, len)?;
        }
        Some(decision)
    }
}

/// Summary and sections as one searchable text, the same text snippets are cut from.
pub fn full_text(d: &Decision) -> String {
    let mut text = String::with_capacity(
        d.sections
            .iter()
            .map(|s| s.text.len() + s.heading.len() + 2)
            .sum::<usize>()
            + 256,
    );
    if let Some(summary) = &d.summary {
        text.push_str(summary);
        text.push('\n');
    }
    for section in &d.sections {
        text.push_str(&section.heading);
        text.push('\n');
        text.push_str(&section.text);
        text.push('\n');
    }
    text
}

/// A day as the tantivy date the index holds for it: midnight UTC.
pub fn date_value(date: time::Date) -> DateTime {
    DateTime::from_utc(date.midnight().assume_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_decision;
    use tantivy::directory::error::{OpenReadError, OpenWriteError};

    fn sample() -> Decision {
        let text = std::fs::read_to_string("corpus/000_23011206abbaafad.txt").expect("sample");
        parse_decision("corpus/000_23011206abbaafad.txt", &text).expect("sample parses")
    }

    fn round_trip(d: &Decision) -> Option<Decision> {
        let record =
            Record::from_bytes(&Record::without_text(d.clone()).to_bytes()).expect("deserialises");
        record.with_text(&full_text(d))
    }

    /// Takes a place on another thread; the receiver hears when it has one.
    fn take_elsewhere(queue: &Arc<Queue>) -> std::sync::mpsc::Receiver<Place> {
        let (sent, taken) = std::sync::mpsc::channel();
        let queue = Arc::clone(queue);
        std::thread::spawn(move || {
            let _ = sent.send(Place::take(&queue));
        });
        taken
    }

    #[test]
    fn a_full_queue_holds_the_writer_until_it_has_drained_to_half() {
        let queue = Arc::new(Queue::new(4, Duration::from_secs(60)));
        let mut places: Vec<Place> = (0..4).map(|_| Place::take(&queue)).collect();
        let taken = take_elsewhere(&queue);
        std::thread::sleep(Duration::from_millis(100));
        // Four queued and a fifth waiting: freeing one or two is not enough.
        places.pop();
        places.pop();
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            taken.try_recv().is_err(),
            "went on before the queue drained to half"
        );
        places.pop();
        let fifth = taken
            .recv_timeout(Duration::from_secs(30))
            .expect("not woken when the queue drained to half");
        assert_eq!(queue.queued.load(Ordering::SeqCst), 2);
        drop((places, fifth));
        assert_eq!(queue.queued.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_stalled_queue_lets_the_writer_go_on() {
        // Nothing is ever freed, as when tantivy's threads have died.
        let queue = Arc::new(Queue::new(2, Duration::from_millis(50)));
        let held: Vec<Place> = (0..2).map(|_| Place::take(&queue)).collect();
        let taken = take_elsewhere(&queue);
        let third = taken
            .recv_timeout(Duration::from_secs(30))
            .expect("waited for ever on a stalled queue");
        assert_eq!(queue.queued.load(Ordering::SeqCst), 3);
        drop((held, third));
    }

    /// A directory on a full disk: tantivy's small files (`meta.json`,
    /// `.managed.json`, locks) are written, but no segment file can be created.
    #[derive(Clone, Debug, Default)]
    struct FullDisk(tantivy::directory::RamDirectory);

    impl tantivy::Directory for FullDisk {
        fn get_file_handle(
            &self,
            path: &Path,
        ) -> Result<Arc<dyn tantivy::directory::FileHandle>, OpenReadError> {
            self.0.get_file_handle(path)
        }
        fn delete(&self, path: &Path) -> Result<(), tantivy::directory::error::DeleteError> {
            self.0.delete(path)
        }
        fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
            self.0.exists(path)
        }
        fn open_write(&self, path: &Path) -> Result<tantivy::directory::WritePtr, OpenWriteError> {
            // Lock files take no space.
            if path.extension().is_some_and(|x| x == "lock") {
                return self.0.open_write(path);
            }
            Err(OpenWriteError::wrap_io_error(
                std::io::Error::from_raw_os_error(28),
                path.to_path_buf(),
            ))
        }
        fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
            self.0.atomic_read(path)
        }
        fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
            self.0.atomic_write(path, data)
        }
        fn sync_directory(&self) -> std::io::Result<()> {
            self.0.sync_directory()
        }
        fn watch(
            &self,
            callback: tantivy::directory::WatchCallback,
        ) -> tantivy::Result<tantivy::directory::WatchHandle> {
            self.0.watch(callback)
        }
    }

    /// Each of this process's threads whose name starts with `prefix`, with
    /// its `nice` value (from `/proc`).
    #[cfg(target_os = "linux")]
    fn threads_named(prefix: &str) -> Vec<(String, i32)> {
        let mut found = Vec::new();
        for task in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
            let name = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            if let (true, Ok(stat)) = (
                name.starts_with(prefix),
                std::fs::read_to_string(task.path().join("stat")),
            ) {
                found.push((
                    task.file_name().to_string_lossy().into_owned(),
                    nice_of(&stat),
                ));
            }
        }
        found
    }

    /// The `nice` value in a `/proc/.../stat` line: the 17th field after the
    /// `(name)` field.
    #[cfg(target_os = "linux")]
    fn nice_of(stat: &str) -> i32 {
        let fields = &stat[stat.rfind(')').expect("stat") + 1..];
        fields.split_whitespace().nth(16).unwrap().parse().unwrap()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_indexing_threads_yield_to_the_thread_that_opened_the_writer() {
        let own = || nice_of(&std::fs::read_to_string("/proc/thread-self/stat").unwrap());
        let before: Vec<String> = threads_named("thrd-tantivy-in")
            .into_iter()
            .map(|(tid, _)| tid)
            .collect();
        let caller = own();
        let dir = tempfile::tempdir().unwrap();
        let destination = crate::index::open_or_create(&dir.path().join("idx"), false).unwrap();
        let writer = DecisionWriter::new(&destination.index, 2).unwrap();
        // Other tests open writers too; only lowering makes a thread this low,
        // so the new threads at the lowered priority include this writer's two.
        // A thread names itself once it runs, which on a busy machine may be
        // a moment after the writer is open.
        let lowered = (caller + INDEXING_NICENESS).min(19);
        let mut started: Vec<(String, i32)> = Vec::new();
        for _ in 0..500 {
            started = threads_named("thrd-tantivy-in")
                .into_iter()
                .filter(|(tid, _)| !before.contains(tid))
                .collect();
            if started.iter().filter(|(_, nice)| *nice == lowered).count() >= 2 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let yielding = started.iter().filter(|(_, nice)| *nice == lowered).count();
        assert!(yielding >= 2, "caller at {caller}, started {started:?}");
        assert_eq!(own(), caller, "the caller keeps its own priority");
        drop(writer);
    }

    #[test]
    fn a_writer_refuses_an_index_swapped_in_after_it_was_opened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("idx");
        for p in [&path, &dir.path().join("other")] {
            let destination = crate::index::open_or_create(p, false).unwrap();
            drop(DecisionWriter::new(&destination.index, 1).unwrap());
            destination.publish().unwrap();
        }
        let opened = crate::index::open(&path).unwrap();
        // What a rebuild's swap does: another directory now has the name.
        std::fs::rename(&path, dir.path().join("old")).unwrap();
        std::fs::rename(dir.path().join("other"), &path).unwrap();
        let refused = DecisionWriter::new(&opened, 1).err().expect("refused");
        assert!(
            refused.to_string().contains("replaced by a `--rebuild`"),
            "{refused:#}"
        );
        // Opened afresh, the same path is fine.
        assert!(DecisionWriter::new(&crate::index::open(&path).unwrap(), 1).is_ok());
    }

    #[test]
    fn a_failed_indexing_thread_is_reported_with_its_own_error() {
        let mut schema = tantivy::schema::Schema::builder();
        let text = schema.add_text_field("text", tantivy::schema::STORED);
        let index = tantivy::Index::create(
            FullDisk::default(),
            schema.build(),
            tantivy::IndexSettings::default(),
        )
        .expect("index");
        let mut writer: IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        // The thread dies on its first document; tantivy notices a little later.
        let killed = (0..1_000_000)
            .find_map(|_| writer.add_document(tantivy::doc!(text => "x")).err())
            .expect("the writer never failed");
        assert!(!killed.to_string().contains("No space left"), "{killed}");
        let cause = thread_failure(&mut writer, killed);
        let message = failure::explain(&cause, Path::new("/idx"), "indexing").to_string();
        assert!(message.contains("No space left on device"), "{message}");
        assert!(message.contains("free some space"), "{message}");
    }

    #[test]
    fn record_and_stored_text_give_back_the_whole_decision() {
        let d = sample();
        assert!(d.summary.is_some() && d.sections.len() > 3);
        assert_eq!(round_trip(&d), Some(d));
    }

    /// A decision using every field, and every variant of every enum in
    /// the order they are declared, as the record stores it.
    fn every_field() -> Decision {
        use crate::parse::{Fault, Finding, Payment, Period, Purpose, RemedyKind, Section};
        use crate::parse::{PaymentRole as Role, SectionKind as Kind};
        let kinds = [
            Kind::Complaint,
            Kind::RoleAndPowers,
            Kind::HowConsidered,
            Kind::WhatFound,
            Kind::Findings,
            Kind::AgreedAction,
            Kind::FinalDecision,
            Kind::NotInvestigated,
            Kind::Other,
        ];
        let roles = Role::ALL;
        let periods = [
            None,
            Some(Period::Week),
            Some(Period::Month),
            Some(Period::Year),
        ];
        let payment = |i: usize| Payment {
            amount: 100.5 * i as f64,
            role: roles[i % roles.len()],
            period: periods[i % periods.len()],
            purpose: Purpose::ALL.to_vec(),
            recipient: i.is_multiple_of(2).then(|| "Mrs X".to_string()),
            section: "agreed_action".to_string(),
            sentence: format!("The Council will pay £{i}."),
        };
        Decision {
            source: "a/b.txt".to_string(),
            url: Some("https://www.lgo.org.uk/decisions/x".to_string()),
            reference: "23 000 001".to_string(),
            organisation: Some("Council".to_string()),
            category: Some("Housing".to_string()),
            subcategory: Some("Allocations".to_string()),
            outcome: Some("Upheld".to_string()),
            decision_date: Some(time::macros::date!(2023 - 10 - 05)),
            complainant: Some("Mrs X".to_string()),
            summary: Some("Summary.".to_string()),
            sections: kinds
                .iter()
                .map(|&kind| Section {
                    kind,
                    heading: kind.to_string(),
                    text: "Text.".to_string(),
                })
                .collect(),
            warnings: vec![crate::parse::Warning::Recorded("a warning".to_string())],
            payments: (0..roles.len().max(periods.len())).map(payment).collect(),
            agreed_total: 1234.56,
            accepted_total: 7.0,
            remedies: <RemedyKind as clap::ValueEnum>::value_variants().to_vec(),
            payment_amount_unstated: true,
            deadline_days: Some(28),
            finding: Some(Finding::FaultInjustice),
            faults: Finding::ALL
                .iter()
                .map(|f| Fault {
                    kind: "delay".to_string(),
                    sentence: f.to_string(),
                })
                .collect(),
            shared_with_ofsted: true,
        }
    }

    #[test]
    fn record_layout_is_pinned_to_the_schema_version() {
        // The stored record names no fields: a field added, removed, moved or
        // retyped in `Decision` (or a variant inserted before others) changes
        // these bytes, and records written before no longer read back. When
        // this fails, bump SCHEMA_VERSION (older indexes then ask to be
        // rebuilt) and pin the new hash beside it.
        let d = every_field();
        let bytes = Record::without_text(d.clone()).to_bytes();
        // FNV-1a: stable across Rust versions and platforms.
        let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        assert_eq!(
            (super::super::schema::SCHEMA_VERSION, format!("{hash:016x}")),
            (7, "5505068b6be1515b".to_string()),
            "the stored record's layout changed: bump SCHEMA_VERSION and pin the new hash"
        );
        // And every field comes back.
        assert_eq!(round_trip(&d), Some(d));
    }

    #[test]
    fn record_holds_no_section_text() {
        let d = sample();
        let json = serde_json::to_string(&Record::without_text(d.clone())).expect("serialises");
        let longest = d.sections.iter().map(|s| &s.text).max_by_key(|t| t.len());
        assert!(!json.contains(longest.expect("sections").as_str()));
        assert!(json.len() < full_text(&d).len());
    }

    #[test]
    fn missing_summary_empty_and_multibyte_sections_round_trip() {
        let mut d = sample();
        d.summary = None;
        d.sections[0].text = String::new();
        d.sections[1].text = "Mrs X’s £250 — paid.\nSecond paragraph: naïve café.".to_string();
        assert_eq!(round_trip(&d), Some(d));
    }

    #[test]
    fn text_that_does_not_fit_the_record_is_refused_not_sliced() {
        let d = sample();
        let record = Record::without_text(d.clone());
        assert_eq!(record.with_text("too short"), None);
        // A cut that would fall inside a multibyte character is refused too.
        let mut d = sample();
        d.sections.clear();
        d.summary = Some("x".to_string());
        let fits = Record::without_text(d.clone()).with_text("y\n");
        assert_eq!(fits.and_then(|d| d.summary).as_deref(), Some("y"));
        assert_eq!(Record::without_text(d).with_text("£\n"), None);
    }
}
