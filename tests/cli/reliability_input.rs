//! Awkward inputs: special files among the decisions or as the taxonomy,
//! hostile queries, a file named twice, encodings without a label, HTML in
//! unusual forms and file names that are not UTF-8. Each is read, refused
//! or reported with a reason; none hangs, aborts or is silently misread.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::{decision_text, Run, Workdir};

/// Long enough that only a hang reaches it, on any machine.
const HANG: Duration = Duration::from_secs(120);

/// Address space a run that reads a taxonomy needs, with room to spare; an
/// unbounded read hits it and fails at once instead of filling the machine.
const MEMORY_CAP_KB: u64 = 1024 * 1024;

/// Runs `ombuds ARGS` like [`Workdir::run`], but kills it and fails the test
/// if it has not finished within [`HANG`].
fn run_or_hang(wd: &Workdir, args: &[&str]) -> Run {
    run_bounded(wd, args, Command::cargo_bin("ombuds").unwrap())
}

/// [`run_or_hang`] with the address space capped at [`MEMORY_CAP_KB`].
fn run_memory_capped(wd: &Workdir, args: &[&str]) -> Run {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_CAP_KB} && exec \"$0\" \"$@\""))
        .arg(assert_cmd::cargo::cargo_bin("ombuds"));
    run_bounded(wd, args, command)
}

fn run_bounded(wd: &Workdir, args: &[&str], mut command: Command) -> Run {
    let (out, err) = (wd.path("run.stdout"), wd.path("run.stderr"));
    let mut child = command
        .env("OMBUDS_INDEX", wd.index())
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + HANG;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "ombuds {} hung (still running after {HANG:?}); stderr:\n{}",
                args.join(" "),
                std::fs::read_to_string(&err).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        args: args.iter().map(|a| a.to_string()).collect(),
        output: std::process::Output {
            status,
            stdout: std::fs::read(&out).unwrap(),
            stderr: std::fs::read(&err).unwrap(),
        },
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

fn decision(reference: &str) -> String {
    decision_text(
        "Kent County Council",
        reference,
        "Category : Education\nDecision : Upheld\nDecision date : 05 Oct 2023",
        "Mr B complained about the school transport.",
        "Mr B complained. The Council agreed to pay him £300.",
    )
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `parse --format json` on one file: its decision object.
fn parse_one(wd: &Workdir, path: &Path) -> serde_json::Value {
    let run = wd.run(&["parse", "--format", "jsonl", arg(path)]);
    run.expect_code(0);
    let mut decisions = run.json_lines();
    assert_eq!(decisions.len(), 1, "{}", run.describe());
    decisions.remove(0)
}

#[test]
fn ingest_fifo_among_inputs_is_skipped_not_waited_for() {
    let wd = Workdir::new();
    let good = wd.write("in/good.txt", decision("23 100 001"));
    let named = wd.path("x.txt");
    mkfifo(&named);
    mkfifo(&wd.path("in/y.txt"));
    let run = run_or_hang(
        &wd,
        &[
            "ingest",
            "--json",
            arg(&named),
            arg(&good),
            arg(&wd.path("in")),
        ],
    );
    run.expect_code(3);
    let report = &run.json_lines()[0];
    assert_eq!(report["decisions_indexed"], 1, "{}", run.describe());
    let skipped: Vec<(String, String)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    let reason = |end: &str| {
        let found = skipped.iter().find(|(path, _)| path.ends_with(end));
        found.map(|(_, reason)| reason.clone()).unwrap_or_default()
    };
    // Named: opened without waiting for a writer, found empty.
    assert_eq!(reason("/x.txt"), "empty file", "{skipped:?}");
    // Inside a folder: not opened at all.
    assert!(
        reason("/in/y.txt").starts_with("a FIFO, not a regular file"),
        "{skipped:?}"
    );
}

#[test]
fn taxonomy_fifo_or_endless_device_fails_with_its_name() {
    let wd = Workdir::new();
    let good = wd.write("good.txt", decision("23 100 002"));
    let fifo = wd.path("faults.toml");
    mkfifo(&fifo);
    let run = run_or_hang(&wd, &["parse", "--taxonomy", arg(&fifo), arg(&good)]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains(&format!("{}: empty file", arg(&fifo))),
        "{}",
        run.describe()
    );
    // /dev/zero never ends: the read stops at the 1 MB cap, not at memory's end.
    let run = run_memory_capped(&wd, &["parse", "--taxonomy", "/dev/zero", arg(&good)]);
    run.expect_code(2);
    assert!(
        run.stderr().contains(
            "/dev/zero: file is at least 1048577 bytes, over the 1048576 byte limit for a taxonomy"
        ),
        "{}",
        run.describe()
    );
}

#[test]
fn search_deep_huge_or_fuzzy_queries_exit_2_with_a_clear_message() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let cases = [
        ("(".repeat(10_000), "too many parentheses"),
        (
            format!("{}council{}", "(".repeat(40), ")".repeat(40)),
            "nested at most 32 deep",
        ),
        (
            "council OR ".repeat(4000) + "care",
            "too long (44004 bytes; the limit is 32768)",
        ),
        (
            "council~2".to_string(),
            "fuzzy matching (word~N) is not supported",
        ),
    ];
    for (query, message) in cases {
        let run = wd.run(&["search", &query]);
        run.expect_code(2);
        let stderr = run.stderr();
        assert!(stderr.contains(message), "{}", run.describe());
        // The query is named, but a long one only by its start.
        assert!(stderr.contains("query '"), "{stderr}");
        assert!(stderr.len() < 400, "{stderr}");
    }
    // Phrase slop is still fine.
    let run = wd.run(&["search", "\"the council\"~1", "--format", "jsonl"]);
    run.expect_code(0);
}

#[test]
fn ingest_file_named_twice_is_indexed_once_without_a_duplicate_report() {
    let wd = Workdir::new();
    let a = wd.write("in/a.txt", decision("23 100 003"));
    wd.write("in/b.txt", decision("23 100 004"));
    let dir = wd.path("in");
    let run = wd.run(&[
        "ingest",
        "--json",
        arg(&a),
        arg(&dir),
        arg(&a),
        &format!("{}/./", arg(&dir)),
    ]);
    run.expect_code(0);
    let report = &run.json_lines()[0];
    assert_eq!(report["files_seen"], 2, "{}", run.describe());
    assert_eq!(report["decisions_indexed"], 2);
    assert_eq!(
        report["skipped"].as_array().unwrap().len(),
        0,
        "{}",
        run.describe()
    );
}

#[test]
fn parse_utf16_without_a_bom_is_decoded_with_a_warning() {
    let wd = Workdir::new();
    let text = decision("23 100 005");
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes, encoding) in [("le.txt", le, "UTF-16LE"), ("be.txt", be, "UTF-16BE")] {
        let d = parse_one(&wd, &wd.write(name, bytes));
        assert_eq!(d["reference"], "23 100 005");
        assert_eq!(d["payments"][0]["amount"], 300.0, "{d}");
        let warning =
            format!("no byte-order mark: decoded from {encoding} (told by its NUL bytes)");
        assert!(
            d["warnings"].as_array().unwrap().contains(&warning.into()),
            "{d}"
        );
    }
}

#[test]
fn parse_utf8_with_one_stray_byte_is_read_with_a_warning() {
    let wd = Workdir::new();
    let text = decision("23 100 006").replace("school transport.", "school transport (“the bus”).");
    let mut bytes = text.into_bytes();
    let at = bytes.len() - 10;
    bytes.insert(at, 0xA0);
    let d = parse_one(&wd, &wd.write("stray.txt", bytes));
    assert_eq!(d["reference"], "23 100 006");
    assert!(
        d["summary"].as_str().unwrap().contains("(“the bus”)"),
        "{d}"
    );
    let warnings = d["warnings"].to_string();
    assert!(
        warnings.contains(&format!("not valid UTF-8 in 1 place (byte offset {at})")),
        "{d}"
    );
}

#[test]
fn parse_xhtml_and_html_fragments_as_html() {
    let wd = Workdir::new();
    let body = "<h1>Kent County Council (23 100 007)</h1>\n<p>Category : Education</p>\n<p>Decision : Upheld</p>\n<p>Summary: Mr B complained about the school transport.</p>";
    let xhtml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>x</title></head>\n<div>{body}</div></html>"
    );
    let fragment = format!("<article class=\"decision\">\n{body}\n</article>\n");
    for (name, html) in [("x.txt", xhtml), ("f.txt", fragment)] {
        let d = parse_one(&wd, &wd.write(name, html));
        assert_eq!(d["reference"], "23 100 007", "{d}");
        assert_eq!(d["organisation"], "Kent County Council", "{d}");
        assert!(!d["summary"].to_string().contains("<p>"), "{d}");
        let warnings = d["warnings"].to_string();
        assert!(warnings.contains("HTML page: converted to text"), "{d}");
    }
}

#[cfg(unix)]
#[test]
fn parse_non_utf8_file_names_stay_distinct_in_source_and_reports() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let wd = Workdir::new();
    let name = |bytes: &[u8]| -> PathBuf { wd.path("in").join(OsStr::from_bytes(bytes)) };
    std::fs::create_dir(wd.path("in")).unwrap();
    std::fs::write(name(b"caf\xe9.txt"), decision("23 100 008")).unwrap();
    std::fs::write(name(b"empty\xe8.txt"), "").unwrap();
    std::fs::write(name(b"empty\xe9.txt"), "").unwrap();
    let run = wd.run(&["parse", "--format", "jsonl", arg(&wd.path("in"))]);
    run.expect_code(3);
    let decisions = run.json_lines();
    assert_eq!(decisions.len(), 1, "{}", run.describe());
    let source = decisions[0]["source"].as_str().unwrap();
    assert!(source.ends_with("/in/caf\\xE9.txt"), "{source}");
    let stderr = run.stderr();
    assert!(
        stderr.contains("/in/empty\\xE8.txt: empty file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("/in/empty\\xE9.txt: empty file"),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{FFFD}'), "{stderr}");
}
