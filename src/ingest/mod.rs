//! The parallel read -> parse pipeline: files in, decisions (or why a file
//! was skipped) out, in path order. `walk` finds and decodes the files and
//! `parse` reads them; this module runs the two together on a rayon pool for
//! the `ingest` and `parse` commands, so that `walk` need not know `parse`.

use std::path::{Path, PathBuf};

pub mod changed;

use crate::parse::{parse_decision_with, Decision, Taxonomy, Warning};
use crate::walk::{path_text, read_text, SkipKind, Skipped};

/// Reads and parses one file: a decision, or why the file was not used.
pub fn read_decision(path: &Path, taxonomy: &Taxonomy) -> Result<Decision, Skipped> {
    let decoded = read_text(path)?;
    let source = path_text(path);
    // A parser bug must cost one file, not the whole run.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parse_decision_with(&source, &decoded.text, taxonomy)
    }))
    .map_err(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown");
        Skipped::new(
            path,
            SkipKind::ParserError,
            format!("internal parser error, please report it with this file: {what}"),
        )
    })?;
    let mut decision =
        parsed.map_err(|e| Skipped::new(path, SkipKind::NotADecision, e.to_string()))?;
    let repairs = decoded.repairs.into_iter().map(Warning::Decoding);
    decision.warnings.splice(0..0, repairs);
    Ok(decision)
}

/// Reads and parses files in parallel, `chunk` at a time, turns each
/// decision into what the caller needs with `prepare` (also in parallel), and
/// hands each result to `each` with the index of its file in `files`, in
/// path order, so output and upserts are deterministic.
///
/// Parsing runs one chunk ahead of `each` on its own thread: while `each`
/// writes chunk k, chunk k+1 is being parsed, and memory stays bounded by a
/// few chunks. An error from `each` stops the run; the chunk being parsed is
/// finished and dropped.
pub fn for_each_decision<T: Send, E>(
    files: &[PathBuf],
    chunk: usize,
    taxonomy: &Taxonomy,
    prepare: impl Fn(Decision) -> T + Sync,
    mut each: impl FnMut(usize, Result<T, Skipped>) -> Result<(), E>,
) -> Result<(), E> {
    use rayon::prelude::*;
    let (ready, chunks) = std::sync::mpsc::sync_channel::<Vec<Result<T, Skipped>>>(1);
    let prepare = &prepare;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for group in files.chunks(chunk.max(1)) {
                let results: Vec<Result<T, Skipped>> = group
                    .par_iter()
                    .map(|p| read_decision(p, taxonomy).map(prepare))
                    .collect();
                if ready.send(results).is_err() {
                    break; // `each` failed: nobody is listening.
                }
            }
        });
        for (i, result) in chunks.into_iter().flatten().enumerate() {
            each(i, result)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let run: Result<(), ()> = for_each_decision(
            &files,
            2,
            taxonomy,
            |d| d.reference,
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
            taxonomy,
            |d| d,
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
