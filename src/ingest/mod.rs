//! The parallel read -> parse pipeline: files in, decisions (or why a file
//! or record was skipped) out, in path order. `walk` finds the files, splits
//! each into its inputs (one for a text file or page, one per JSON record)
//! and reads them; `parse` reads the text; `metadata` joins a JSON record's
//! metadata to what was parsed. This module runs them together on a rayon
//! pool for the `ingest` and `parse` commands, so that `walk` need not know
//! `parse`.

use std::path::PathBuf;

pub mod changed;

use crate::parse::{parse_decision_with, Decision, NotADecision, Taxonomy, Warning};
use crate::walk::{self, Document, FileStamp, Input, SkipKind, Skipped};

mod metadata;

/// The threads that read and parse, made before the file list is known so
/// that their one-time work (compiling the parser's patterns, filling their
/// caches) can run while the caller walks the files and opens the index.
pub struct ParsePool(Option<rayon::ThreadPool>);

/// A decision written to reach every extractor, parsed by
/// [`ParsePool::warm_up`].
const WARM_UP: &str = include_str!("warm_up.txt");

impl ParsePool {
    /// A pool of `threads` parsing threads (at least one). Without one (the
    /// system refused a thread), the caller's thread and rayon's shared pool
    /// parse instead.
    pub fn new(threads: usize) -> Self {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .thread_name(|i| format!("ombuds-parse-{i}"))
            .build();
        ParsePool(pool.ok())
    }

    /// Starts parsing a built-in decision on the pool and returns at once:
    /// the first decision pays for compiling every pattern, and this way it
    /// is paid while the caller does its own start-up. The parsing threads
    /// do it themselves, so the patterns' search caches are theirs.
    /// Decisions handed to [`for_each_decision`] wait for it.
    ///
    /// It parses with no fault taxonomy ([`Taxonomy::empty`]), so the caller
    /// can load and compile its taxonomy meanwhile, on its own thread, while a
    /// third thread compiles the patterns with a prefilter
    /// ([`compile_guarded`](crate::parse::compile_guarded)): the largest
    /// pieces of start-up run side by side.
    pub fn warm_up(&self) {
        let Some(pool) = &self.0 else {
            return;
        };
        // Meanwhile another thread compiles the largest patterns, so that
        // the warm-up parse finds them ready. No thread, no matter: the
        // parse compiles them itself.
        let _ = std::thread::Builder::new()
            .name("ombuds-compile".into())
            .spawn(crate::parse::compile_guarded);
        pool.spawn(move || {
            // A parser bug here must not take the run down (a panic in a
            // spawned job would abort): the real parse reports it per file.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                parse_decision_with("(warm-up)", WARM_UP, &Taxonomy::empty()).is_ok()
            }));
        });
    }

    fn install<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        match &self.0 {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }
}

/// Reads and parses one input: a decision, or why it was not used.
pub fn read_decision(input: Input, taxonomy: &Taxonomy) -> Result<Decision, Skipped> {
    read_decision_stamped(input, taxonomy).map(|(decision, _)| decision)
}

/// [`read_decision`], with the stamp of the text file it was read from as
/// the file was opened (`None` for a page, a JSON record, or a file that is
/// not a regular file).
fn read_decision_stamped(
    input: Input,
    taxonomy: &Taxonomy,
) -> Result<(Decision, Option<FileStamp>), Skipped> {
    let document = input.read()?;
    let stamp = document.file;
    // A parser bug must cost one decision, not the whole run.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parse_document(&document, taxonomy)
    }))
    .map_err(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown");
        Skipped::at(
            document.source.clone(),
            SkipKind::ParserError,
            format!("internal parser error, please report it with this file: {what}"),
        )
    })?;
    let mut decision = parsed.map_err(|e| {
        Skipped::at(
            document.source.clone(),
            SkipKind::NotADecision,
            e.to_string(),
        )
    })?;
    let repairs = document.repairs.into_iter().map(Warning::Decoding);
    decision.warnings.splice(0..0, repairs);
    Ok((decision, stamp))
}

/// Parses a document's text with the one parser, then joins what the
/// document says besides: a record's metadata, the page's URL. A record
/// whose text lost its title line is read with one built from its metadata.
fn parse_document(document: &Document, taxonomy: &Taxonomy) -> Result<Decision, NotADecision> {
    let source = &document.source;
    let mut decision = match parse_decision_with(source, &document.text, taxonomy) {
        Ok(decision) => decision,
        Err(no_title) => {
            let title = metadata::title_line(&document.metadata).ok_or(no_title)?;
            parse_decision_with(source, &format!("{title}\n{}", document.text), taxonomy)?
        }
    };
    metadata::apply(&mut decision, &document.metadata);
    decision.url.clone_from(&document.url);
    Ok(decision)
}

/// Reads and parses files in parallel, up to `chunk` inputs at a time (a text
/// file or page is one input, a JSON record another; the first chunks are
/// smaller, see [`chunk_size`]), turns each decision
/// into what the caller needs with `prepare` (also in parallel; it is also
/// given the stamp of the text file the decision came from, as read), and hands
/// each result to `each` with the index in `files` of the file it came from,
/// in path order and, within a file, in record order, so output and upserts
/// are deterministic.
///
/// Three stages overlap, each one chunk ahead of the next: the walking thread
/// splits files into inputs and fetches their bytes from the disk
/// ([`Input::fetch`]); `pool`'s threads decode and parse chunk k+1; and `each`
/// takes chunk k. The parsing threads so never wait for the disk (a read
/// the page cache has lost would otherwise idle them, and the indexing
/// threads behind them), and memory stays bounded by a few chunks (a JSON
/// Lines file is streamed, never held whole). An error from `each` stops the
/// run; the chunks in flight are finished and dropped.
pub fn for_each_decision<T: Send, E>(
    files: &[PathBuf],
    chunk: usize,
    pool: &ParsePool,
    taxonomy: &Taxonomy,
    prepare: impl Fn(Decision, Option<FileStamp>) -> T + Sync,
    mut each: impl FnMut(usize, Result<T, Skipped>) -> Result<(), E>,
) -> Result<(), E> {
    use rayon::prelude::*;
    type Inputs = Vec<(usize, Input)>;
    type Results<T> = Vec<(usize, Result<T, Skipped>)>;
    let (fetched, groups) = std::sync::mpsc::sync_channel::<Inputs>(1);
    let (ready, chunks) = std::sync::mpsc::sync_channel::<Results<T>>(1);
    let prepare = &prepare;
    let chunk = chunk.max(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut sent = 0;
            let mut size = chunk_size(sent, chunk);
            let mut group: Inputs = Vec::with_capacity(size);
            // Hands a full group over and sizes the next; false once nobody listens.
            let mut send = |group: &mut Inputs, size: &mut usize| {
                sent += 1;
                *size = chunk_size(sent, chunk);
                let full = std::mem::replace(group, Vec::with_capacity(*size));
                fetched.send(full).is_ok()
            };
            for (i, path) in files.iter().enumerate() {
                let mut listening = true;
                walk::inputs(path, &mut |input| {
                    group.push((i, input.fetch()));
                    if group.len() >= size {
                        listening = send(&mut group, &mut size);
                    }
                    listening
                });
                if !listening {
                    return; // `each` failed: nobody is listening.
                }
            }
            if !group.is_empty() {
                send(&mut group, &mut size);
            }
        });
        scope.spawn(move || {
            for group in groups {
                let parse = move || -> Results<T> {
                    group
                        .into_par_iter()
                        .map(|(i, input)| {
                            let read = read_decision_stamped(input, taxonomy);
                            (i, read.map(|(decision, stamp)| prepare(decision, stamp)))
                        })
                        .collect()
                };
                if ready.send(pool.install(parse)).is_err() {
                    return; // `each` failed: nobody is listening.
                }
            }
        });
        for (i, result) in chunks.into_iter().flatten() {
            each(i, result)?;
        }
        Ok(())
    })
}

/// The first chunk's size, in inputs.
const FIRST_CHUNK: usize = 16;

/// How many inputs go in the chunk after `sent` chunks, at most `chunk`:
/// [`FIRST_CHUNK`], doubling up to `chunk`. Nothing is indexed until the
/// first chunk is parsed, and the first decisions parse slowest (every
/// pattern's search cache is still filling), so a small first chunk sets the
/// indexing threads to work almost at once; later chunks are large, so the
/// threads hand over rarely.
fn chunk_size(sent: usize, chunk: usize) -> usize {
    let chunk = chunk.max(1);
    let doubled = u32::try_from(sent)
        .ok()
        .and_then(|n| 2usize.checked_pow(n))
        .and_then(|factor| factor.checked_mul(FIRST_CHUNK));
    doubled.map_or(chunk, |size| size.min(chunk))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Finding, PaymentRole};

    #[test]
    fn the_warm_up_decision_reaches_every_extractor() {
        // Warming up compiles only what the decision reaches: it must keep
        // reaching every extractor and every payment role, with no taxonomy
        // as the warm-up parses it (the taxonomy is compiled by the caller).
        let d = parse_decision_with("(warm-up)", WARM_UP, &Taxonomy::empty()).unwrap();
        let roles: std::collections::HashSet<PaymentRole> =
            d.payments.iter().map(|p| p.role).collect();
        for role in [
            PaymentRole::Agreed,
            PaymentRole::Offered,
            PaymentRole::Claimed,
            PaymentRole::Other,
        ] {
            assert!(
                roles.contains(&role),
                "no {role:?} payment: {:?}",
                d.payments
            );
        }
        assert!(d.payments.iter().any(|p| p.period.is_some()), "no rate");
        assert!(d.payments.iter().any(|p| !p.purpose.is_empty()));
        assert_eq!(d.finding, Some(Finding::FaultInjustice));
        // With no kinds its fault sentences classify as nothing; with the
        // built-in taxonomy they are faults of two kinds or more.
        assert!(d.faults.is_empty(), "{:?}", d.faults);
        let classified = parse_decision_with("(warm-up)", WARM_UP, Taxonomy::default_ref());
        assert!(classified.unwrap().faults.len() >= 2);
        assert!(d.remedies.len() >= 3, "{:?}", d.remedies);
        assert!(d.deadline_days.is_some());
        assert!(d.shared_with_ofsted);
        assert!(d.payment_amount_unstated || d.remedies.len() >= 3);
    }

    #[test]
    fn chunks_start_small_and_double_up_to_the_chunk_size() {
        let sizes: Vec<usize> = (0..8).map(|sent| chunk_size(sent, 512)).collect();
        assert_eq!(sizes, [16, 32, 64, 128, 256, 512, 512, 512]);
        // Never over `chunk`, never empty, and no overflow however many were sent.
        assert_eq!(chunk_size(0, 10), 10);
        assert_eq!(chunk_size(3, 100), 100);
        assert_eq!(chunk_size(0, 0), 1);
        assert_eq!(chunk_size(70, 512), 512);
        assert_eq!(chunk_size(usize::MAX, 512), 512);
    }

    #[test]
    fn decisions_arrive_in_path_order_and_an_error_stops_the_run() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = (0..7)
            .map(|i| {
                let p = dir.path().join(format!("{i}.txt"));
                let text = format!("Council {i} (23 000 00{i})\nSummary: Mr X complained.\n");
                std::fs::write(&p, text).unwrap();
                p
            })
            .collect();
        let taxonomy = Taxonomy::default_ref();
        // Chunks of two: order must hold across chunks, and `prepare` runs on each.
        let mut seen = Vec::new();
        let pool = ParsePool::new(2);
        pool.warm_up();
        let run: Result<(), ()> = for_each_decision(
            &files,
            2,
            &pool,
            taxonomy,
            |d, _| d.reference,
            |i, r| {
                seen.push((i, r.unwrap()));
                Ok(())
            },
        );
        assert!(run.is_ok());
        let want: Vec<(usize, String)> = (0..7).map(|i| (i, format!("23 000 00{i}"))).collect();
        assert_eq!(seen, want);
        // The first error ends the run and is returned.
        let mut calls = 0;
        let run = for_each_decision(
            &files,
            2,
            &ParsePool::new(1),
            taxonomy,
            |d, _| d,
            |_, _| {
                calls += 1;
                if calls == 3 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!((run, calls), (Err("stop"), 3));
    }
}
