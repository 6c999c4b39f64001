//! A load test for `ombuds serve`: N concurrent clients (default 32) for S
//! seconds (default 20), each sending a mix of search, facet (search with
//! filters), decision and statistics pages, one request after another.
//! Prints the throughput, p50/p99 latency per kind and the errors (any
//! answer but 200, or no answer). `bench/serve-load.sh` starts the server
//! and runs it.
//!
//! The server keeps each rendered search and statistics page until the next
//! commit, so a test that asks for a few URLs again and again measures that
//! memory, not the pages. With `--distinct`, the words come from the
//! synthesizer's own vocabulary (a few hundred, each found in a synthesized
//! corpus), statistics pages carry a random `min_count`, and decision pages
//! are spread over the whole index, so that most requests ask for a page
//! the server has not rendered yet; the `repeat %` column says how many
//! asked for a URL asked for before (the most the cache can have answered).
//!
//! Usage: cargo run --release --example load -- --url http://127.0.0.1:PORT/
//!        [--clients 32] [--seconds 20] [--distinct]

use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// The kinds of page, and how often each is asked for out of 10.
const MIX: [(Kind, u32); 4] = [
    (Kind::Search, 4),
    (Kind::Facet, 2),
    (Kind::Decision, 3),
    (Kind::Stats, 1),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Search,
    Facet,
    Decision,
    Stats,
}

const WORDS: &[&str] = &[
    "delay",
    "council",
    "apology",
    "\"stage two\"",
    "housing",
    "school transport",
    "care AND assessment",
    "complaint -closed",
    "payment",
    "distress",
];

const FILTERS: &[&str] = &[
    "outcome=Upheld",
    "fault=delay",
    "remedy=apology",
    "from=2023-01-01&to=2023-12-31",
    "min_amount=500",
    "outcome=Upheld&fault=complaint_handling",
];

/// The synthesizer's topic sentences, where `--distinct` takes its words.
const SYNTH_TOPICS: &str = include_str!("synth/topics.rs");

/// The words of the string literals in `source` (slots such as `{date}`
/// left out), of five letters or more, lowercase, each once.
fn vocabulary(source: &str) -> Vec<String> {
    let mut words: Vec<String> = source
        .split('"')
        .skip(1)
        .step_by(2)
        .flat_map(|literal| {
            let mut text = String::new();
            let mut in_slot = false;
            for c in literal.chars() {
                match c {
                    '{' => in_slot = true,
                    '}' => in_slot = false,
                    c if !in_slot => text.push(c),
                    _ => {}
                }
            }
            text.split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 5)
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A small xorshift generator: each client's sequence is fixed by its number.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

struct Args {
    url: String,
    clients: usize,
    seconds: u64,
    distinct: bool,
}

fn args() -> Result<Args> {
    let mut args = Args {
        url: String::new(),
        clients: 32,
        seconds: 20,
        distinct: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--distinct" {
            args.distinct = true;
            continue;
        }
        let value = it.next().with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--url" => args.url = value.trim_end_matches('/').to_string(),
            "--clients" => args.clients = value.parse().context("--clients")?,
            "--seconds" => args.seconds = value.parse().context("--seconds")?,
            other => bail!("unknown flag {other}"),
        }
    }
    if args.url.is_empty() {
        bail!("--url is required (the URL `ombuds serve` printed)");
    }
    Ok(args)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// Decision references to ask for: those linked from the first three
/// search pages of `words`.
fn references(url: &str, words: &[String]) -> Result<Vec<String>> {
    let agent = agent();
    let mut refs = Vec::new();
    for word in words {
        for page in 1..=3 {
            let body = agent
                .get(&format!("{url}/?q={}&page={page}", encoded(word)))
                .call()?
                .body_mut()
                .read_to_string()?;
            for piece in body.split("href=\"/decision/").skip(1) {
                if let Some(reference) = piece.split('"').next() {
                    refs.push(reference.to_string());
                }
            }
        }
    }
    refs.sort();
    refs.dedup();
    if refs.is_empty() {
        bail!("no decision links on the search pages of {url}");
    }
    Ok(refs)
}

fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// What the clients ask for.
struct Targets {
    words: Vec<String>,
    refs: Vec<String>,
    distinct: bool,
}

impl Targets {
    fn path(&self, kind: Kind, random: &mut Random) -> String {
        let word = encoded(&self.words[random.below(self.words.len())]);
        let filter = FILTERS[random.below(FILTERS.len())];
        match kind {
            Kind::Search => format!("/?q={word}&page={}", 1 + random.below(3)),
            Kind::Facet if self.distinct => {
                format!("/?q={word}&{filter}&page={}", 1 + random.below(3))
            }
            Kind::Facet => format!("/?q={word}&{filter}"),
            Kind::Decision => format!("/decision/{}", self.refs[random.below(self.refs.len())]),
            // The smallest group shown changes which rows fold into
            // (other), not the pass over the decisions.
            Kind::Stats if self.distinct => format!(
                "/stats?q={word}&{filter}&min_count={}",
                1 + random.below(50)
            ),
            Kind::Stats => format!("/stats?q={word}&{filter}"),
        }
    }
}

fn pick(random: &mut Random) -> Kind {
    let total: u32 = MIX.iter().map(|(_, w)| w).sum();
    let mut at = random.below(total as usize) as u32;
    for (kind, weight) in MIX {
        if at < weight {
            return kind;
        }
        at -= weight;
    }
    Kind::Search
}

/// One request: its kind, target, milliseconds and whether it succeeded.
struct Answer {
    kind: Kind,
    target: String,
    ms: f64,
    ok: bool,
}

/// One client's answers.
fn client(number: usize, url: &str, targets: &Targets, until: Instant) -> Vec<Answer> {
    let agent = agent();
    let mut random = Random(0x9E37_79B9_7F4A_7C15 ^ ((number as u64 + 1) * 0x2545_F491));
    let mut results = Vec::new();
    while Instant::now() < until {
        let kind = pick(&mut random);
        let target = format!("{url}{}", targets.path(kind, &mut random));
        let started = Instant::now();
        let ok = match agent.get(&target).call() {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let read = response.body_mut().read_to_vec().is_ok();
                if status != 200 {
                    eprintln!("{status} {target}");
                }
                status == 200 && read
            }
            Err(e) => {
                eprintln!("error {target}: {e}");
                false
            }
        };
        results.push(Answer {
            kind,
            ms: started.elapsed().as_secs_f64() * 1000.0,
            target,
            ok,
        });
    }
    results
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn main() -> Result<()> {
    let args = args()?;
    let targets = if args.distinct {
        let words = vocabulary(SYNTH_TOPICS);
        // Every seventh word's results: references from all over the index.
        let sample: Vec<String> = words.iter().step_by(7).cloned().collect();
        Targets {
            refs: references(&args.url, &sample)?,
            words,
            distinct: true,
        }
    } else {
        let words: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
        let sample = ["council", "delay", "apology", "payment", "care"].map(String::from);
        Targets {
            refs: references(&args.url, &sample)?,
            words,
            distinct: false,
        }
    };
    println!(
        "{} words, {} decision references{}",
        targets.words.len(),
        targets.refs.len(),
        if args.distinct { " (--distinct)" } else { "" }
    );
    let started = Instant::now();
    let until = started + Duration::from_secs(args.seconds);
    let results: Vec<Answer> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..args.clients)
            .map(|n| {
                let (url, targets) = (&args.url, &targets);
                scope.spawn(move || client(n, url, targets, until))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let errors = results.iter().filter(|r| !r.ok).count();
    println!(
        "{} clients, {:.1} s: {} requests, {:.1} requests/s, {} errors",
        args.clients,
        elapsed,
        results.len(),
        results.len() as f64 / elapsed,
        errors
    );
    println!(
        "{:<9} {:>8} {:>9} {:>9} {:>9} {:>9}",
        "kind", "requests", "p50 ms", "p99 ms", "max ms", "repeat %"
    );
    for (kind, _) in MIX {
        let answers: Vec<&Answer> = results.iter().filter(|r| r.kind == kind).collect();
        let mut ms: Vec<f64> = answers.iter().map(|r| r.ms).collect();
        ms.sort_by(f64::total_cmp);
        let distinct: std::collections::HashSet<&str> =
            answers.iter().map(|r| r.target.as_str()).collect();
        let repeats = answers.len() - distinct.len();
        println!(
            "{:<9} {:>8} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
            format!("{kind:?}").to_lowercase(),
            ms.len(),
            percentile(&ms, 50.0),
            percentile(&ms, 99.0),
            ms.last().copied().unwrap_or(f64::NAN),
            100.0 * repeats as f64 / answers.len().max(1) as f64
        );
    }
    Ok(())
}
