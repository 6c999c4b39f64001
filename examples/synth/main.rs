//! Corpus synthesizer for benchmarks and accuracy checks: writes N realistic
//! LGSCO decision files `DIR/NNNNNN.txt` and their ground truth `DIR.truth.jsonl`
//! (beside the folder, so that ingesting the folder reads decisions only).
//!
//! Deterministic for a seed: document `i` draws from its own ChaCha8 stream
//! (seed, stream i), so the output does not depend on thread scheduling.
//! Documents are generated and written in parallel, chunk by chunk, so the
//! corpus is never held in memory.
//!
//! Examples:
//!   cargo run --release --example synth -- --docs 100000 --out /tmp/corpus --seed 42

mod compose;
mod layout;
mod money;
mod names;
mod text;
mod topics;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Parser;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::Serialize;

use compose::Outcome;
use layout::{Layout, ListStyle};
use names::{Date, Organisation};
use text::Filler;

/// Writes a synthetic corpus of decision statements with ground truth.
#[derive(Parser)]
struct Args {
    /// How many decisions to write (at most 1,000,000: references must stay unique).
    #[arg(long, default_value_t = 1000)]
    docs: u64,
    /// Directory to write into (created if missing; best empty).
    #[arg(long)]
    out: PathBuf,
    /// Seed; the same seed gives byte-identical output.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Where to write the ground truth (JSON Lines) [default: DIR.truth.jsonl,
    /// beside DIR: inside it, `ombuds ingest DIR` would read it as decisions].
    #[arg(long)]
    truth: Option<PathBuf>,
}

/// One line of truth.jsonl: what a perfect extractor reads from the file.
#[derive(Serialize)]
struct Truth<'a> {
    file: String,
    reference: String,
    organisation: Option<&'a str>,
    category: Option<&'static str>,
    subcategory: Option<&'static str>,
    outcome: Option<&'static str>,
    decision_date: Option<String>,
    complainant: String,
    /// Remedy payments the decision secures, in pounds (pence kept).
    agreed_payments: Vec<f64>,
    agreed_total: f64,
    layout: &'static str,
    /// Text hazards applied to this file (`mojibake_apostrophe`, `mojibake_pound`).
    hazards: Vec<&'static str>,
}

/// Documents generated in parallel between two sequential truth writes.
const CHUNK: u64 = 4096;

fn main() -> Result<()> {
    let args = Args::parse();
    if args.docs > 1_000_000 {
        bail!(
            "--docs {}: at most 1000000 (six-digit file names and unique references)",
            args.docs
        );
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create directory", args.out.display()))?;
    if std::fs::read_dir(&args.out)?.next().is_some() {
        eprintln!(
            "synth: note: {} is not empty; files are overwritten, others kept",
            args.out.display()
        );
    }
    let started = Instant::now();
    let mut org_rng = ChaCha8Rng::seed_from_u64(args.seed);
    org_rng.set_stream(u64::MAX);
    let orgs = names::organisations(&mut org_rng, 320, 40);

    let truth_path = args.truth.clone().unwrap_or_else(|| {
        let mut name = args.out.as_os_str().to_owned();
        name.push(".truth.jsonl");
        PathBuf::from(name)
    });
    let mut truth = BufWriter::new(
        File::create(&truth_path)
            .with_context(|| format!("{}: cannot create", truth_path.display()))?,
    );
    let mut bytes = 0u64;
    let mut start = 0;
    while start < args.docs {
        let end = (start + CHUNK).min(args.docs);
        let lines: Vec<(String, usize)> = (start..end)
            .into_par_iter()
            .map(|index| write_decision(&args.out, args.seed, index, &orgs))
            .collect::<Result<_>>()?;
        for (line, len) in lines {
            truth.write_all(line.as_bytes())?;
            truth.write_all(b"\n")?;
            bytes += len as u64;
        }
        start = end;
    }
    truth.flush()?;
    eprintln!(
        "synth: {} decisions, {:.1} MB ({:.0} bytes/decision) in {:.1}s -> {}",
        args.docs,
        bytes as f64 / 1e6,
        bytes as f64 / args.docs.max(1) as f64,
        started.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(())
}

/// Generates decision `index`, writes its file and returns its truth line and size.
fn write_decision(
    dir: &Path,
    seed: u64,
    index: u64,
    orgs: &[Organisation],
) -> Result<(String, usize)> {
    let (file, text, truth) = decision(seed, index, orgs);
    let path = dir.join(&file);
    std::fs::write(&path, text.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))?;
    Ok((serde_json::to_string(&truth)?, text.len()))
}

fn decision(seed: u64, index: u64, orgs: &[Organisation]) -> (String, String, Truth<'_>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    let rng = &mut rng;

    let outcome = match rng.random_range(0..100) {
        0..=44 => Outcome::Closed,
        45..=79 => Outcome::Upheld,
        _ => Outcome::NotUpheld,
    };
    let (top, sub) = names::category(rng);
    let org = if top == "Adult care services" && rng.random_bool(0.15) {
        names::pick_provider(rng, orgs)
    } else {
        names::pick_council(rng, orgs)
    };
    let date = Date::decision(rng);
    let lag = if outcome == Outcome::Closed {
        rng.random_range(0..=1)
    } else {
        rng.random_range(1..=2)
    };
    let mut reference = names::reference(index, (date.year - lag).max(2015));
    let joint = top == "Health";
    if joint && rng.random_bool(0.3) {
        reference.push('b');
    }
    let alias = names::alias(rng);
    let layout = match rng.random_range(0..100) {
        0..=59 => Layout::Standard,
        60..=67 => Layout::CookieFirst,
        68..=73 => Layout::Contents,
        74..=83 => Layout::Compact,
        84..=93 => Layout::Plain,
        _ => Layout::ReferenceOnly,
    };
    let list = if rng.random_bool(0.5) {
        ListStyle::Bullet
    } else {
        ListStyle::Nested
    };
    let money = match outcome {
        Outcome::Upheld => money::plan_upheld(
            rng,
            &alias,
            matches!(top, "Children's care services" | "Education"),
        ),
        Outcome::NotUpheld => money::plan_unremedied(rng, 0.2),
        Outcome::Closed => money::plan_unremedied(rng, 0.08),
    };
    let target = target_len(rng, outcome);
    let header_date = if rng.random_bool(0.97) {
        date.header()
    } else {
        date.prose()
    };
    let signature = if joint {
        "Investigator's decision on behalf of the Ombudsmen"
    } else {
        [
            "Investigator's decision on behalf of the Ombudsman",
            "Investigator’s decision on behalf of the Ombudsman",
            "Assistant Ombudsman's decision on behalf of the Ombudsman",
        ]
        .choose(rng)
        .expect("non-empty")
    };
    let curly = rng.random_bool(0.85);
    let mut hazards = Vec::new();
    if curly && rng.random_bool(0.01) {
        hazards.push("mojibake_apostrophe");
    }
    if rng.random_bool(0.005) {
        hazards.push("mojibake_pound");
    }

    let content = {
        let mut filler = Filler {
            rng,
            alias: &alias,
            year: date.year,
            category: top,
        };
        let issue = filler.pick(topics::topic(top).issues);
        compose::content(&mut filler, outcome, &issue, &money, target)
    };
    let header = layout::Header {
        organisation: &org.name,
        reference: &reference,
        category: top,
        subcategory: sub,
        outcome: outcome.printed(),
        date: &header_date,
        ombudsman: if joint { "Ombudsmen" } else { "Ombudsman" },
    };
    let rendered = layout::render(layout, list, &header, &content, signature);
    let text = body_hazards(rendered, signature, curly, org.short, &hazards);

    let file = format!("{index:06}.txt");
    let headed = layout.has_header_lines();
    let agreed: Vec<f64> = money
        .agreed
        .iter()
        .map(|a| a.pence as f64 / 100.0)
        .collect();
    let truth = Truth {
        file: file.clone(),
        reference,
        organisation: layout.has_organisation().then_some(org.name.as_str()),
        category: headed.then_some(top),
        subcategory: headed.then_some(sub),
        outcome: headed.then_some(outcome.printed()),
        decision_date: headed.then(|| date.iso()),
        complainant: alias.name.clone(),
        agreed_total: money.agreed_pence() as f64 / 100.0,
        agreed_payments: agreed,
        layout: layout.name(),
        hazards,
    };
    (file, text, truth)
}

/// Content length drawn per outcome: short assessments, long investigations.
fn target_len(rng: &mut ChaCha8Rng, outcome: Outcome) -> usize {
    let (base, mean, cap) = match outcome {
        Outcome::Closed => (600.0, 700.0, 6_000.0),
        Outcome::NotUpheld => (2_000.0, 2_500.0, 14_000.0),
        Outcome::Upheld => (3_000.0, 3_400.0, 18_500.0),
    };
    let u: f64 = rng.random();
    (base - mean * (1.0 - u).ln()).min(cap) as usize
}

/// Applies whole-body text variants between the header block and the signature:
/// curly apostrophes, a care provider's short name, and mojibake hazards.
fn body_hazards(
    text: String,
    signature: &str,
    curly: bool,
    short: &str,
    hazards: &[&str],
) -> String {
    let body_at = text.find("final decision:").unwrap_or(0);
    let tail_at = text.rfind(signature).unwrap_or(text.len()).max(body_at);
    let mut body = text[body_at..tail_at].to_string();
    if short != "Council" {
        body = body
            .replace("the Council", &format!("the {short}"))
            .replace("The Council", &format!("The {short}"));
    }
    if curly {
        body = body.replace(" '", " ‘").replace('\'', "’");
    }
    if hazards.contains(&"mojibake_apostrophe") {
        body = body.replace('’', "â€™");
    }
    if hazards.contains(&"mojibake_pound") {
        body = body.replace('£', "Â£");
    }
    format!("{}{body}{}", &text[..body_at], &text[tail_at..])
}
