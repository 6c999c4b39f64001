//! A load test for `ombuds serve`: N concurrent clients (default 32) for S
//! seconds (default 20), each sending a mix of search, facet (search with
//! filters), decision and statistics pages, one request after another.
//! Prints the throughput, p50/p99 latency per kind and the errors (any
//! answer but 200, or no answer). `bench/serve-load.sh` starts the server
//! and runs it.
//!
//! Usage: cargo run --release --example load -- --url http://127.0.0.1:PORT/
//!        [--clients 32] [--seconds 20]

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
}

fn args() -> Result<Args> {
    let mut args = Args {
        url: String::new(),
        clients: 32,
        seconds: 20,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
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

/// Decision references to ask for: those linked from a few search pages.
fn references(url: &str) -> Result<Vec<String>> {
    let agent = agent();
    let mut refs = Vec::new();
    for word in ["council", "delay", "apology", "payment", "care"] {
        for page in 1..=3 {
            let body = agent
                .get(&format!("{url}/?q={word}&page={page}"))
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

fn path(kind: Kind, random: &mut Random, refs: &[String]) -> String {
    let word = encoded(WORDS[random.below(WORDS.len())]);
    match kind {
        Kind::Search => format!("/?q={word}&page={}", 1 + random.below(3)),
        Kind::Facet => format!("/?q={word}&{}", FILTERS[random.below(FILTERS.len())]),
        Kind::Decision => format!("/decision/{}", refs[random.below(refs.len())]),
        Kind::Stats => format!("/stats?q={word}&{}", FILTERS[random.below(FILTERS.len())]),
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

/// One client's results: (kind, milliseconds, ok).
fn client(number: usize, url: &str, refs: &[String], until: Instant) -> Vec<(Kind, f64, bool)> {
    let agent = agent();
    let mut random = Random(0x9E37_79B9_7F4A_7C15 ^ ((number as u64 + 1) * 0x2545_F491));
    let mut results = Vec::new();
    while Instant::now() < until {
        let kind = pick(&mut random);
        let target = format!("{url}{}", path(kind, &mut random, refs));
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
        results.push((kind, started.elapsed().as_secs_f64() * 1000.0, ok));
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
    let refs = references(&args.url)?;
    let started = Instant::now();
    let until = started + Duration::from_secs(args.seconds);
    let results: Vec<(Kind, f64, bool)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..args.clients)
            .map(|n| {
                let (url, refs) = (&args.url, &refs);
                scope.spawn(move || client(n, url, refs, until))
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let errors = results.iter().filter(|r| !r.2).count();
    println!(
        "{} clients, {:.1} s: {} requests, {:.1} requests/s, {} errors",
        args.clients,
        elapsed,
        results.len(),
        results.len() as f64 / elapsed,
        errors
    );
    println!(
        "{:<9} {:>8} {:>9} {:>9} {:>9}",
        "kind", "requests", "p50 ms", "p99 ms", "max ms"
    );
    for (kind, _) in MIX {
        let mut ms: Vec<f64> = results
            .iter()
            .filter(|r| r.0 == kind)
            .map(|r| r.1)
            .collect();
        ms.sort_by(f64::total_cmp);
        println!(
            "{:<9} {:>8} {:>9.1} {:>9.1} {:>9.1}",
            format!("{kind:?}").to_lowercase(),
            ms.len(),
            percentile(&ms, 50.0),
            percentile(&ms, 99.0),
            ms.last().copied().unwrap_or(f64::NAN)
        );
    }
    Ok(())
}
