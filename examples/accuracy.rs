//! Extraction accuracy against a synthesized corpus's ground truth.
//!
//! Reads the decisions as `ombuds parse DIR --format jsonl` prints them (JSON
//! Lines, from a file or `-` for stdin), or parses DIR itself with the library
//! (`--direct DIR`), and compares them with `DIR.truth.jsonl` written by the
//! `synth` example. Prints, per header field, the rate of exact matches (a
//! missing value must be missing), and for agreed remedy payments the rate of
//! decisions whose agreed amounts are exactly the true multiset, plus recall
//! and precision over all agreed amounts.
//!
//! Examples:
//!   ombuds parse /tmp/c --format jsonl | cargo run --release --example accuracy -- --truth /tmp/c.truth.jsonl --parsed -
//!   cargo run --release --example accuracy -- --truth /tmp/c.truth.jsonl --direct /tmp/c

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Parser;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

/// Compares parsed decisions with truth.jsonl.
#[derive(Parser)]
struct Args {
    /// truth.jsonl written by the synth example.
    #[arg(long)]
    truth: PathBuf,
    /// JSON Lines from `ombuds parse DIR --format jsonl`; `-` reads stdin.
    #[arg(long, conflicts_with = "direct")]
    parsed: Option<PathBuf>,
    /// Parse the files in this directory with the library instead.
    #[arg(long)]
    direct: Option<PathBuf>,
    /// Print one JSON object (rates in percent) instead of the table.
    #[arg(long)]
    json: bool,
}

/// Header fields compared by exact match, in the order printed.
const FIELDS: &[&str] = &[
    "reference",
    "organisation",
    "category",
    "subcategory",
    "outcome",
    "decision_date",
    "complainant",
];

/// What is compared for one decision.
#[derive(Debug, Clone, PartialEq)]
struct Record {
    fields: Vec<Value>,
    /// Agreed amounts in pence, sorted.
    agreed: Vec<i64>,
    agreed_total: i64,
}

fn pence(v: &Value) -> i64 {
    (v.as_f64().unwrap_or(f64::NAN) * 100.0).round() as i64
}

fn truth_record(v: &Value) -> Record {
    let agreed: Vec<i64> = v["agreed_payments"]
        .as_array()
        .map(|a| a.iter().map(pence).collect())
        .unwrap_or_default();
    record(v, agreed)
}

fn parsed_record(v: &Value) -> Record {
    let agreed: Vec<i64> = v["payments"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|p| p["role"] == "agreed")
                .map(|p| pence(&p["amount"]))
                .collect()
        })
        .unwrap_or_default();
    record(v, agreed)
}

/// A record from a truth or parsed line and its agreed amounts in pence.
fn record(v: &Value, mut agreed: Vec<i64>) -> Record {
    agreed.sort_unstable();
    Record {
        fields: FIELDS.iter().map(|f| v[*f].clone()).collect(),
        agreed,
        agreed_total: pence(&v["agreed_total"]),
    }
}

fn file_name(source: &str) -> String {
    Path::new(source)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| source.to_string())
}

fn main() -> Result<()> {
    let args = Args::parse();
    let truth = read_truth(&args.truth)?;
    let parsed = match (&args.parsed, &args.direct) {
        (Some(path), None) => read_parsed(path)?,
        (None, Some(dir)) => parse_direct(dir, &truth),
        _ => bail!("give --parsed FILE (or -) or --direct DIR"),
    };
    let scores = score(&truth, &parsed);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else {
        print_table(&scores);
    }
    Ok(())
}

/// (file, layout, record) in truth order.
fn read_truth(path: &Path) -> Result<Vec<(String, String, Record)>> {
    let file =
        File::open(path).with_context(|| format!("{}: cannot open truth", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let v: Value = serde_json::from_str(&line?)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        let name = v["file"].as_str().unwrap_or_default().to_string();
        let layout = v["layout"].as_str().unwrap_or("?").to_string();
        out.push((name, layout, truth_record(&v)));
    }
    Ok(out)
}

fn read_parsed(path: &Path) -> Result<BTreeMap<String, Record>> {
    let input: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(File::open(path).with_context(|| format!("{}: cannot open", path.display()))?)
    };
    let mut out = BTreeMap::new();
    for (n, line) in BufReader::with_capacity(1 << 20, input).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not JSON", path.display(), n + 1))?;
        out.insert(
            file_name(v["source"].as_str().unwrap_or_default()),
            parsed_record(&v),
        );
    }
    Ok(out)
}

fn parse_direct(dir: &Path, truth: &[(String, String, Record)]) -> BTreeMap<String, Record> {
    truth
        .par_iter()
        .filter_map(|(name, _, _)| {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).ok()?;
            match ombuds::parse::parse_decision(&path.to_string_lossy(), &text) {
                Ok(decision) => Some((
                    name.clone(),
                    parsed_record(&serde_json::to_value(&decision).ok()?),
                )),
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    None
                }
            }
        })
        .collect()
}

fn pct(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// A rate with its counts.
#[derive(Serialize)]
struct Rate {
    name: String,
    correct: usize,
    of: usize,
    percent: f64,
}

impl Rate {
    fn new(name: &str, correct: usize, of: usize) -> Rate {
        Rate {
            name: name.to_string(),
            correct,
            of,
            percent: pct(correct, of),
        }
    }
}

/// Everything measured, in the order printed.
#[derive(Serialize)]
struct Scores {
    decisions: usize,
    parsed: usize,
    fields: Vec<Rate>,
    payments: Vec<Rate>,
    /// Decisions with every header field right, per layout.
    by_layout: Vec<Rate>,
    /// One example per field that was wrong somewhere.
    first_misses: BTreeMap<String, String>,
}

fn score(truth: &[(String, String, Record)], parsed: &BTreeMap<String, Record>) -> Scores {
    let total = truth.len();
    let mut field_ok = vec![0usize; FIELDS.len()];
    let (mut found, mut exact, mut total_ok, mut true_amounts, mut found_amounts, mut hits) =
        (0, 0, 0, 0, 0, 0);
    let mut by_layout: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut first_misses = BTreeMap::new();
    for (name, layout, t) in truth {
        let entry = by_layout.entry(layout.as_str()).or_default();
        entry.1 += 1;
        true_amounts += t.agreed.len();
        let Some(p) = parsed.get(name) else { continue };
        found += 1;
        let mut all = true;
        for (i, ok) in field_ok.iter_mut().enumerate() {
            if t.fields[i] == p.fields[i] {
                *ok += 1;
            } else {
                all = false;
                first_misses
                    .entry(FIELDS[i].to_string())
                    .or_insert_with(|| {
                        format!("{name}: truth {} parsed {}", t.fields[i], p.fields[i])
                    });
            }
        }
        entry.0 += usize::from(all);
        if t.agreed != p.agreed {
            first_misses
                .entry("agreed payments".to_string())
                .or_insert_with(|| {
                    format!("{name}: truth {:?} parsed {:?} (pence)", t.agreed, p.agreed)
                });
        }
        exact += usize::from(t.agreed == p.agreed);
        total_ok += usize::from(t.agreed_total == p.agreed_total);
        found_amounts += p.agreed.len();
        hits += multiset_overlap(&t.agreed, &p.agreed);
    }
    Scores {
        decisions: total,
        parsed: found,
        fields: FIELDS
            .iter()
            .zip(&field_ok)
            .map(|(f, ok)| Rate::new(f, *ok, total))
            .collect(),
        payments: vec![
            Rate::new("agreed payments exact (multiset)", exact, total),
            Rate::new("agreed_total exact", total_ok, total),
            Rate::new("agreed amounts recall", hits, true_amounts),
            Rate::new("agreed amounts precision", hits, found_amounts),
        ],
        by_layout: by_layout
            .into_iter()
            .map(|(l, (ok, n))| Rate::new(l, ok, n))
            .collect(),
        first_misses,
    }
}

fn print_table(s: &Scores) {
    println!(
        "accuracy over {} decisions ({} parsed, {} missing or not read as decisions)",
        s.decisions,
        s.parsed,
        s.decisions - s.parsed
    );
    println!("{:<34} {:>15} {:>8}", "field", "correct", "rate");
    for r in s.fields.iter().chain(&s.payments) {
        println!(
            "{:<34} {:>15} {:>7.2}%",
            r.name,
            format!("{}/{}", r.correct, r.of),
            r.percent
        );
    }
    let layouts: Vec<String> = s
        .by_layout
        .iter()
        .map(|r| format!("{} {:.1}%", r.name, r.percent))
        .collect();
    println!("all header fields right, by layout: {}", layouts.join(", "));
    for (field, example) in &s.first_misses {
        println!("first {field} miss: {example}");
    }
}

/// Size of the multiset intersection of two sorted lists.
fn multiset_overlap(a: &[i64], b: &[i64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
