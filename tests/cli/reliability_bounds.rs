//! Bounded work per decision: pathological decisions (one "sentence" of
//! megabytes repeating amounts, deadlines or hedged fault findings, a million
//! `£`, thousands of numbered amounts or faults, deep brackets) parse with
//! peak memory and JSON output within a small multiple of a normal
//! decision's, say which cap they reached in `warnings`, and never hang.
//!
//! Memory is the child's own peak resident size (`wait4`'s `ru_maxrss`), not
//! a sample, so the checks do not depend on timing; the only clock is a
//! generous timeout that catches a hang.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::{corpus, Workdir};

/// Long enough that only a hang (or quadratic work on megabytes) reaches it.
const HANG: Duration = Duration::from_secs(180);

/// One finished `ombuds parse --format json` run.
struct Measured {
    code: i32,
    output_bytes: u64,
    peak_kb: i64,
    warnings: Vec<String>,
}

/// Runs `ombuds parse FILE --format json` with stdout to a file, and reaps
/// the child with `wait4` for its peak resident size.
// `wait4` reaps the child (std's `wait` would find it gone), hence the allow.
#[allow(clippy::zombie_processes)]
fn parse_measured(wd: &Workdir, file: &Path) -> Measured {
    let out = wd.path("out.json");
    let mut child = Command::cargo_bin("ombuds")
        .unwrap()
        .env("OMBUDS_INDEX", wd.index())
        .args(["parse", file.to_str().unwrap(), "--format", "jsonl"])
        .stdout(File::create(&out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let started = Instant::now();
    let (status, usage) = loop {
        let mut status = 0;
        // SAFETY: `rusage` is plain data that wait4 fills in; `pid` is our
        // own child, not yet reaped (std never waits on it: we only poll here).
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let reaped = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        assert!(reaped >= 0, "wait4 failed on {}", file.display());
        if reaped == pid {
            break (status, usage);
        }
        if started.elapsed() > HANG {
            child.kill().unwrap();
            let _ = child.wait();
            panic!(
                "ombuds parse {} still running after {HANG:?}",
                file.display()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let text = std::fs::read_to_string(&out).unwrap();
    let warnings = text
        .lines()
        .next()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .and_then(|d| d["warnings"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|w| w.as_str().map(str::to_string))
        .collect();
    Measured {
        code: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
        output_bytes: text.len() as u64,
        peak_kb: usage.ru_maxrss,
        warnings,
    }
}

/// A decision whose agreed action is `body`, and a final decision.
fn decision(body: &str) -> String {
    format!(
        "Test Council (21 000 001)\n\nDecision : Upheld\n\nSummary: Mr A complained.\n\nAgreed action\n\n{body}\n\nFinal decision\n\nI found fault.\n"
    )
}

/// `unit` repeated to `size` bytes (whole units).
fn repeated(unit: &str, size: usize) -> String {
    unit.repeat(size / unit.len() + 1)
}

/// The pathological inputs: a name, the body for about `size` bytes, and
/// the words the warnings must name (empty when no cap applies).
fn cases(size: usize) -> Vec<(&'static str, String, &'static [&'static str])> {
    let numbered = |unit: &dyn Fn(usize) -> String| -> String {
        (1..)
            .map(unit)
            .take_while({
                let mut total = 0;
                move |s| {
                    total += s.len();
                    total <= size
                }
            })
            .collect()
    };
    vec![
        (
            "amounts in one sentence",
            format!(
                "The Council will {}",
                repeated("pay £1 and £2 and £3 and ", size)
            ),
            &["sentence over", "amounts: only the first", "excerpt"],
        ),
        (
            "deadlines in one sentence",
            format!(
                "The Council will apologise {}",
                repeated("within 28 days ", size)
            ),
            &["sentence over"],
        ),
        (
            "hedged fault findings in one sentence",
            format!(
                "My findings\n\n{}",
                repeated("it may be that the council was at fault ", size)
            ),
            &["sentence over"],
        ),
        (
            "a line of pound signs",
            repeated("£", size / 2),
            &["sentence over"],
        ),
        (
            "a prefilter word",
            repeated("pay ", size),
            &["sentence over"],
        ),
        (
            "a long line without full stops",
            repeated("the council will apologise to mr x ", size),
            &["sentence over"],
        ),
        (
            "deep brackets around amounts",
            format!(
                "The Council will pay {}{}",
                repeated("(((£1 ", size / 2),
                repeated(")))", size / 2)
            ),
            &["sentence over", "amounts: only the first"],
        ),
        (
            "numbered paragraphs of amounts",
            numbered(&|i| format!("{i}. The Council will pay Mr X £{i}.\n")),
            &["over 200 amounts"],
        ),
        (
            "numbered fault findings",
            format!(
                "My findings\n\n{}",
                numbered(&|i| format!("This was fault number {i}. "))
            ),
            &["over 200 faults"],
        ),
        ("repeated headings", repeated("Agreed action\n", size), &[]),
    ]
}

/// Each case at 100 KB and 1 MB: exit 0, the caps named, output at most a
/// few times the input, and peak memory a normal decision's plus a small
/// multiple of the input. (The old code, at 100 KB of `pay £1 and £2`,
/// printed 1.3 GB of JSON at a 1.4 GB peak.)
fn check(name: &str) {
    let wd = Workdir::new();
    let normal = parse_measured(&wd, &corpus().join("000_23011206abbaafad.txt"));
    assert_eq!(normal.code, 0);
    for size in [100_000, 1_000_000] {
        let (_, body, named) = cases(size)
            .into_iter()
            .find(|(n, _, _)| *n == name)
            .expect("a known case");
        let text = decision(&body);
        let file = wd.write("pathological.txt", &text);
        let run = parse_measured(&wd, &file);
        let input = text.len() as u64;
        assert_eq!(run.code, 0, "{name} at {size} bytes");
        assert!(
            run.output_bytes <= 5 * input + 256 * 1024,
            "{name} at {size} bytes: {} bytes of JSON from {input}",
            run.output_bytes
        );
        let allowed_kb = normal.peak_kb + 16 * 1024 + 32 * input as i64 / 1024;
        assert!(
            run.peak_kb <= allowed_kb,
            "{name} at {size} bytes: peak {} KB, allowed {allowed_kb} KB (normal {} KB)",
            run.peak_kb,
            normal.peak_kb
        );
        for words in named {
            assert!(
                run.warnings.iter().any(|w| w.contains(words)),
                "{name} at {size} bytes: no warning with {words:?} in {:?}",
                run.warnings
            );
        }
    }
}

#[test]
fn parse_bounds_amounts_in_one_sentence() {
    check("amounts in one sentence");
}

#[test]
fn parse_bounds_deadlines_in_one_sentence() {
    check("deadlines in one sentence");
}

#[test]
fn parse_bounds_hedged_fault_findings_in_one_sentence() {
    check("hedged fault findings in one sentence");
}

#[test]
fn parse_bounds_a_line_of_pound_signs() {
    check("a line of pound signs");
}

#[test]
fn parse_bounds_a_prefilter_word() {
    check("a prefilter word");
}

#[test]
fn parse_bounds_a_long_line_without_full_stops() {
    check("a long line without full stops");
}

#[test]
fn parse_bounds_deep_brackets_around_amounts() {
    check("deep brackets around amounts");
}

#[test]
fn parse_bounds_numbered_paragraphs_of_amounts() {
    check("numbered paragraphs of amounts");
}

#[test]
fn parse_bounds_numbered_fault_findings() {
    check("numbered fault findings");
}

#[test]
fn parse_bounds_repeated_headings() {
    check("repeated headings");
}

#[test]
fn parse_bounds_leave_a_normal_decision_without_warnings() {
    let wd = Workdir::new();
    let run = parse_measured(&wd, &corpus().join("000_23011206abbaafad.txt"));
    assert_eq!(run.code, 0);
    assert!(run.warnings.is_empty(), "{:?}", run.warnings);
}

#[test]
fn ingest_reports_a_decision_that_reached_a_cap() {
    let wd = Workdir::new();
    let file = wd.write(
        "long.txt",
        decision(&repeated("pay £1 and £2 and £3 ", 20_000)),
    );
    let run = wd.run(&["ingest", file.to_str().unwrap()]);
    run.expect_code(0);
    let stderr = run.stderr();
    assert!(
        stderr.contains("warning") && stderr.contains("only the first 30 read"),
        "{}",
        run.describe()
    );
    assert!(stderr.contains("1 decisions indexed"), "{}", run.describe());
}
