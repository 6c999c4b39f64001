//! What each stage of ingest costs on one thread, with nothing else running:
//! reading a file, parsing it (and, within that, the extractors alone:
//! payments, remedies, finding, faults, Ofsted), building its tantivy document, and
//! tokenizing its text with the analyzer ombuds registers for free text
//! against tantivy's stock `default` analyzer (same tokens; see
//! `src/index/tokenizer.rs`).
//!
//! Every stage runs over the whole corpus once per round, stages
//! interleaved (the two analyzers in alternating order), and the medians
//! over the rounds are printed, so a change in
//! the machine's speed touches every stage alike. Texts are read into memory
//! first: parsing, documents and tokenizing are timed without I/O.
//!
//! It uses only what every ombuds version since the decision text was
//! stored once exposes, so the same file measures older commits too (built
//! in a checkout of them).
//!
//! Examples:
//!   cargo run --release --example stages -- /tmp/bench-100k/corpus-10000-seed42
//!   cargo run --release --example stages -- corpus/ --rounds 3

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Parser;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};
use tantivy::Index;

use ombuds::index::{schema, write};
use ombuds::parse::{extract, parse_decision, Decision, Taxonomy};
use ombuds::walk;

// The same allocator as `ombuds`.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Times read, parse, document and tokenize over a directory of decisions.
#[derive(Parser)]
struct Args {
    /// Decision files, or a directory of them (`*.txt`).
    path: PathBuf,
    /// Rounds over the whole corpus; medians are printed.
    #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..))]
    rounds: u32,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let (files, skipped) = walk::decision_files(std::slice::from_ref(&args.path));
    if let Some(s) = skipped.first() {
        bail!("{s}");
    }
    if files.is_empty() {
        bail!("{}: no .txt decision files", args.path.display());
    }
    let mut texts = Vec::with_capacity(files.len());
    for path in &files {
        match walk::read_text(path) {
            Ok(decoded) => texts.push((path.display().to_string(), decoded.text)),
            Err(skip) => eprintln!("skipped {skip}"),
        }
    }
    let decisions: Vec<Decision> = texts
        .iter()
        .filter_map(|(source, text)| parse_decision(source, text).ok())
        .collect();
    if decisions.is_empty() {
        bail!("{}: no file reads as a decision", args.path.display());
    }
    let full_texts: Vec<String> = decisions.iter().map(write::full_text).collect();
    let (schema, fields) = schema::build();
    let index = Index::create_in_ram(schema);
    schema::register_tokenizers(&index);
    let mut ours = index
        .tokenizers()
        .get("default")
        .context("ombuds registers no free-text analyzer named `default`")?;
    let mut stock = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build();

    let names = [
        "read",
        "parse",
        "  of which extract",
        "document",
        "tokenize (ombuds)",
        "tokenize (tantivy)",
    ];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    for round in 0..args.rounds {
        let mut time = |stage: usize, run: &mut dyn FnMut() -> usize| {
            let start = Instant::now();
            std::hint::black_box(run());
            times[stage].push(start.elapsed().as_secs_f64());
        };
        time(0, &mut || {
            files
                .iter()
                .filter_map(|p| walk::read_text(p).ok())
                .map(|d| d.text.len())
                .sum()
        });
        time(1, &mut || {
            texts
                .iter()
                .filter_map(|(source, text)| parse_decision(source, text).ok())
                .map(|d| d.payments.len())
                .sum()
        });
        // The extractors again on parsed decisions (they overwrite what
        // they find), to split parse time into structure and extraction.
        let mut parsed = decisions.clone();
        time(2, &mut || {
            let taxonomy = Taxonomy::default_ref();
            parsed
                .iter_mut()
                .map(|d| {
                    extract(d, taxonomy);
                    d.payments.len()
                })
                .sum()
        });
        // Documents consume their decision: the copies are made untimed.
        let mut copies = Some(decisions.clone());
        time(3, &mut || {
            copies
                .take()
                .unwrap_or_default()
                .into_iter()
                .map(|d| write::document(&fields, d).len())
                .sum()
        });
        // Alternate which analyzer goes first: the second finds the texts
        // in cache.
        if round % 2 == 0 {
            time(4, &mut || tokens(&mut ours, &full_texts));
            time(5, &mut || tokens(&mut stock, &full_texts));
        } else {
            time(5, &mut || tokens(&mut stock, &full_texts));
            time(4, &mut || tokens(&mut ours, &full_texts));
        }
    }

    let n = decisions.len() as f64;
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    println!(
        "{} decisions ({:.1} MB), medians of {} rounds, one thread",
        decisions.len(),
        bytes as f64 / 1e6,
        args.rounds
    );
    let medians: Vec<f64> = times.iter_mut().map(|t| median(t)).collect();
    for (name, s) in names.iter().zip(&medians) {
        println!("{name:<20} {s:>8.3} s {:>8.1} µs/decision", s * 1e6 / n);
    }
    println!(
        "tokenize: ombuds/tantivy {:.2}",
        medians[4] / medians[5].max(f64::MIN_POSITIVE)
    );
    Ok(())
}

/// Tokens of all `texts` (their total length, so the work cannot be skipped).
fn tokens(analyzer: &mut TextAnalyzer, texts: &[String]) -> usize {
    let mut total = 0;
    for text in texts {
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            total += stream.token().text.len();
        }
    }
    total
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
