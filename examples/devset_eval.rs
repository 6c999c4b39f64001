//! Measures the payment extractor on the hand-read development set.
//!
//! Parses every page in `DIR/lgo_pages.jsonl` with the library and, for the
//! references in `DIR/payments.jsonl`, compares the agreed payments found with
//! the ones read by hand. Prints one line per annotated excerpt, then a summary:
//! exact matches, recall, wrong agreed amounts, and pages that failed to parse.
//! Also prints how the overall finding lines up with the printed outcome.
//!
//! Examples:
//!   cargo run --release --example devset_eval -- /work/shared/devset
//!   cargo run --release --example devset_eval -- /work/shared/devset --show 20-002-153
//!   cargo run --release --example devset_eval -- /work/shared/devset --pages

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde::Deserialize;

use ombuds::parse::{canonical_reference, parse_decision, Decision};

#[derive(Deserialize)]
struct Page {
    url: String,
    text: String,
}

#[derive(Deserialize)]
struct Annotation {
    #[serde(rename = "ref")]
    reference: String,
    agreed_payments: Vec<f64>,
    note: String,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        bail!("usage: devset_eval DIR [--show yy-nnn-nnn]");
    };
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let list_pages = args.iter().any(|a| a == "--pages");
    let pages: Vec<Page> = read_jsonl(&dir.join("lgo_pages.jsonl"))?;
    let annotations: Vec<Annotation> = read_jsonl(&dir.join("payments.jsonl"))?;

    let mut parsed: BTreeMap<String, Decision> = BTreeMap::new();
    let mut failed = 0;
    for page in &pages {
        match parse_decision(&page.url, &page.text) {
            Ok(d) => {
                let key = url_reference(&page.url).unwrap_or_else(|| d.reference.replace(' ', "-"));
                if show.as_deref() == Some(key.as_str()) {
                    println!("{}", serde_json::to_string_pretty(&d)?);
                }
                parsed.insert(key, d);
            }
            Err(e) => {
                failed += 1;
                eprintln!("{}: {e}", page.url);
            }
        }
    }

    let (mut exact, mut expected_total, mut recalled, mut found_total, mut wrong) = (0, 0, 0, 0, 0);
    println!(
        "{:<12} {:<8} {:<22} {:<22} note",
        "ref", "result", "expected", "found agreed"
    );
    for a in &annotations {
        let found: Vec<f64> = parsed
            .get(&a.reference)
            .map(|d| d.agreed_payments().map(|p| p.amount).collect())
            .unwrap_or_default();
        let (hits, extra) = compare(&a.agreed_payments, &found);
        let ok = hits == a.agreed_payments.len() && extra == 0;
        exact += usize::from(ok);
        expected_total += a.agreed_payments.len();
        recalled += hits;
        found_total += found.len();
        wrong += extra;
        let status = if !parsed.contains_key(&a.reference) {
            "MISSING"
        } else if ok {
            "ok"
        } else {
            "WRONG"
        };
        println!(
            "{:<12} {:<8} {:<22} {:<22} {}",
            a.reference,
            status,
            fmt(&a.agreed_payments),
            fmt(&found),
            a.note
        );
    }
    println!();
    println!(
        "exact {exact}/{} excerpts; recall {recalled}/{expected_total} expected payments found as agreed; \
         precision {}/{found_total} agreed found were right ({wrong} wrong); parse failures {failed}/{}",
        annotations.len(),
        found_total - wrong,
        pages.len()
    );
    print_findings(&parsed);
    if list_pages {
        print_pages(&parsed);
    }
    Ok(())
}

/// How many expected amounts were found, and how many found amounts were not expected (multisets).
fn compare(expected: &[f64], found: &[f64]) -> (usize, usize) {
    let mut left: Vec<f64> = found.to_vec();
    let mut hits = 0;
    for e in expected {
        if let Some(i) = left.iter().position(|f| (f - e).abs() < 0.005) {
            left.swap_remove(i);
            hits += 1;
        }
    }
    (hits, left.len())
}

/// Counts of (printed outcome, extracted finding), to sanity-check the finding.
fn print_findings(parsed: &BTreeMap<String, Decision>) {
    let mut table: BTreeMap<(String, String), usize> = BTreeMap::new();
    for d in parsed.values() {
        let outcome = d.outcome.clone().unwrap_or_else(|| "-".into());
        let finding = d.finding.map_or("-".to_string(), |f| f.to_string());
        *table.entry((outcome, finding)).or_default() += 1;
    }
    println!("\noutcome -> finding (all {} parsed pages)", parsed.len());
    for ((outcome, finding), n) in table {
        println!("  {outcome:<30} {finding:<20} {n}");
    }
}

/// One line per page: outcome, finding, fault kinds, and the start of the summary.
fn print_pages(parsed: &BTreeMap<String, Decision>) {
    for (key, d) in parsed {
        let kinds: Vec<&str> = d.faults.iter().map(|f| f.kind.as_str()).collect();
        let summary: String = d
            .summary
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(160)
            .collect();
        println!(
            "PAGE {key} | {} | {} | {} | {}",
            d.outcome.as_deref().unwrap_or("-"),
            d.finding.map_or("-".to_string(), |f| f.to_string()),
            kinds.join(","),
            summary.replace('\n', " ")
        );
    }
}

fn fmt(amounts: &[f64]) -> String {
    let parts: Vec<String> = amounts.iter().map(|a| format!("{a}")).collect();
    format!("[{}]", parts.join(", "))
}

/// `yy-nnn-nnn` from the end of a decision URL.
fn url_reference(url: &str) -> Option<String> {
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    canonical_reference(&last.replace('-', " ")).map(|r| r.replace(' ', "-"))
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}:{}: bad JSON line", path.display(), i + 1))
        })
        .collect()
}
