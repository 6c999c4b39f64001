//! Output safety: decision files are untrusted, so what they contain must not
//! drive the terminal, run as a spreadsheet formula or become HTML markup;
//! and the files we write (`export -o`, `stats --plot`) must never destroy
//! the index or a file that was there, follow a planted link, or leave
//! temporary files behind. A closed pipe ends any format quietly.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::{decision_text, Workdir};

const HEADER: &str =
    "Category : Education > School transport\n\nDecision : Upheld\n\nDecision date : 05 Oct 2023";

/// The organisation a spreadsheet would run as a formula.
const FORMULA_ORG: &str = "=HYPERLINK(\"http://evil.example\",\"click\") Council";

/// The organisation with XML specials, control characters and an OSC title
/// sequence.
const CONTROL_ORG: &str = "Smith & <Sons> \u{1}\u{1b}]0;pwned\u{7} Council";

/// Two hostile decisions: escape sequences in summaries, markup in the body.
fn hostile_decisions(wd: &Workdir) {
    wd.write(
        "d/a.txt",
        decision_text(
            FORMULA_ORG,
            "23 000 001",
            HEADER,
            "Mrs X complained about delay \u{1b}[2J by the Council.",
            "The Council caused delay. <script>alert(1)</script> <img src=x onerror=alert(2)> It apologised.",
        ),
    );
    wd.write(
        "d/b.txt",
        decision_text(
            CONTROL_ORG,
            "23 000 002",
            HEADER,
            "Mr Y complained about delay \u{1b}[6n in the Council's reply.",
            "The Council caused delay in handling the complaint.",
        ),
    );
}

fn hostile_index(wd: &Workdir) {
    hostile_decisions(wd);
    wd.run(&["ingest", wd.path("d").to_str().unwrap()])
        .expect_code(0);
}

/// Control bytes a terminal acts on: everything below space but newline.
fn terminal_controls(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .copied()
        .filter(|&b| (b < 0x20 && b != b'\n') || b == 0x7f)
        .collect()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn search_table_shows_escape_sequences_instead_of_sending_them() {
    let wd = Workdir::new();
    hostile_index(&wd);
    let run = wd.run(&["search", "delay"]);
    run.expect_code(0);
    assert_eq!(
        terminal_controls(&run.output.stdout),
        b"",
        "{}",
        run.describe()
    );
    assert!(run.stdout().contains("\\u{1b}"), "{}", run.describe());
    assert!(run
        .stdout()
        .contains("Smith & <Sons> \\u{1}\\u{1b}]0;pwned\\u{7} Council"));
}

#[test]
fn show_escapes_control_characters_in_every_field() {
    let wd = Workdir::new();
    hostile_index(&wd);
    for reference in ["23-000-001", "23-000-002"] {
        let run = wd.run(&["show", reference]);
        run.expect_code(0);
        assert_eq!(
            terminal_controls(&run.output.stdout),
            b"",
            "{}",
            run.describe()
        );
    }
    let run = wd.run(&["show", "23-000-002"]);
    assert!(run
        .stdout()
        .starts_with("23 000 002  Smith & <Sons> \\u{1}\\u{1b}]0;pwned\\u{7} Council\n"));
    assert!(
        run.stdout().contains("delay \\u{1b}[6n"),
        "{}",
        run.describe()
    );
}

#[test]
fn ingest_report_escapes_file_names_so_lines_cannot_be_forged() {
    let wd = Workdir::new();
    hostile_decisions(&wd);
    wd.write("d/evil\nskipped forged.txt: all good\n.txt", "");
    wd.write("d/title\u{1b}]0;pwned\u{7}.txt", "");
    let run = wd.run(&["ingest", wd.path("d").to_str().unwrap()]);
    run.expect_code(3);
    assert_eq!(
        terminal_controls(&run.output.stderr),
        b"",
        "{}",
        run.describe()
    );
    let skipped: Vec<&str> = run
        .output
        .stderr
        .split(|&b| b == b'\n')
        .filter_map(|l| std::str::from_utf8(l).ok())
        .filter(|l| l.starts_with("skipped "))
        .collect();
    assert_eq!(skipped.len(), 2, "{}", run.describe());
    assert!(skipped
        .iter()
        .any(|l| l.contains("evil\\u{a}skipped forged.txt")));
}

#[test]
fn search_json_snippet_is_escaped_html_with_only_the_match_as_markup() {
    let wd = Workdir::new();
    hostile_index(&wd);
    let run = wd.run(&["search", "alert", "--format", "jsonl"]);
    run.expect_code(0);
    let hits = run.json_lines();
    assert_eq!(hits.len(), 1, "{}", run.describe());
    let snippet = hits[0]["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("&lt;script&gt;<b>alert</b>(1)&lt;/script&gt;"),
        "{snippet}"
    );
    assert!(
        snippet.contains("&lt;img src=x onerror=<b>alert</b>(2)&gt;"),
        "{snippet}"
    );
    let markup_removed = snippet.replace("<b>", "").replace("</b>", "");
    assert!(!markup_removed.contains('<'), "{snippet}");
    // Other keys are plain data, not HTML.
    assert_eq!(hits[0]["organisation"], FORMULA_ORG);
}

#[test]
fn csv_outputs_prefix_formula_cells_but_not_numbers() {
    let wd = Workdir::new();
    hostile_index(&wd);
    let guarded = format!("'{FORMULA_ORG}");

    let run = wd.run(&["export", "--format", "csv"]);
    run.expect_code(0);
    let rows = run.csv();
    let column = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert_eq!(
        rows[1][column("organisation")],
        guarded,
        "{}",
        run.describe()
    );
    assert_eq!(rows[1][column("agreed_total")], "0.0");
    assert_eq!(rows[2][column("organisation")], CONTROL_ORG);

    let run = wd.run(&["search", "delay", "--format", "csv", "--sort", "date"]);
    run.expect_code(0);
    let rows = run.csv();
    let org = rows[0].iter().position(|h| h == "organisation").unwrap();
    let score = rows[0].iter().position(|h| h == "score").unwrap();
    assert!(
        rows[1..].iter().any(|r| r[org] == guarded),
        "{}",
        run.describe()
    );
    assert!(rows[1..].iter().all(|r| r[score].parse::<f64>().is_ok()));

    let run = wd.run(&[
        "stats",
        "outcomes",
        "--by",
        "organisation",
        "--format",
        "csv",
    ]);
    run.expect_code(0);
    let rows = run.csv();
    assert!(rows.iter().any(|r| r[0] == guarded), "{}", run.describe());
    assert!(rows[1..].iter().all(|r| r[1].parse::<u64>().is_ok()));
}

#[test]
fn stats_plot_svg_is_valid_xml_when_group_names_hold_control_characters() {
    let wd = Workdir::new();
    hostile_index(&wd);
    let chart = wd.path("chart.svg");
    wd.run(&[
        "stats",
        "outcomes",
        "--by",
        "organisation",
        "--plot",
        chart.to_str().unwrap(),
    ])
    .expect_code(0);
    let svg = std::fs::read_to_string(&chart).unwrap();
    // XML 1.0 allows no control character but tab, newline and return.
    let forbidden: Vec<char> = svg
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    assert_eq!(forbidden, Vec::<char>::new());
    assert!(
        svg.contains("Smith &amp; &lt;Sons&gt; ]0;pwned Council"),
        "{svg}"
    );
    assert_eq!(names_in(wd.dir.path()), ["chart.svg", "d", "index"]);
}

#[test]
fn export_refuses_a_file_inside_the_index_and_the_index_still_works() {
    let wd = Workdir::new();
    hostile_index(&wd);
    let meta = wd.index().join("meta.json");
    let before = std::fs::read(&meta).unwrap();
    let files_before = names_in(&wd.index());
    for target in [
        meta.clone(),
        wd.index().join("new.csv"),
        wd.index().join("../index/x.csv"),
    ] {
        let run = wd.run(&["export", "-o", target.to_str().unwrap()]);
        run.expect_code(2);
        assert!(
            run.stderr().contains("inside the index folder"),
            "{}",
            run.describe()
        );
    }
    let run = wd.run(&[
        "stats",
        "outcomes",
        "--plot",
        meta.with_extension("svg").to_str().unwrap(),
    ]);
    run.expect_code(2);
    assert_eq!(std::fs::read(&meta).unwrap(), before);
    assert_eq!(names_in(&wd.index()), files_before);
    let run = wd.run(&["search", "", "--format", "jsonl"]);
    run.expect_code(0);
    assert_eq!(run.json_lines().len(), 2);
}

/// A successful export replaces the file and leaves no temporary file; one
/// that matches nothing keeps the file unless --overwrite-empty.
#[test]
fn export_replaces_a_file_only_with_rows_unless_asked() {
    let wd = Workdir::new();
    hostile_index(&wd);
    let out = wd.write("out.csv", "old contents\n");
    wd.run(&["export", "-o", out.to_str().unwrap()])
        .expect_code(0);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("reference,organisation,"), "{text}");
    assert_eq!(names_in(wd.dir.path()), ["d", "index", "out.csv"]);

    let precious = wd.write("precious.txt", "keep me\n");
    let run = wd.run(&["export", "nosuchword", "-o", precious.to_str().unwrap()]);
    run.expect_code(1);
    assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me\n");
    assert!(
        run.stderr().contains("kept as it was"),
        "{}",
        run.describe()
    );

    let run = wd.run(&[
        "export",
        "nosuchword",
        "--overwrite-empty",
        "-o",
        precious.to_str().unwrap(),
    ]);
    run.expect_code(1);
    // The empty export: its header row alone.
    let empty = std::fs::read_to_string(&precious).unwrap();
    assert_eq!(empty.lines().count(), 1, "{empty}");
    assert!(empty.starts_with("reference,organisation,"), "{empty}");
    assert_eq!(
        names_in(wd.dir.path()),
        ["d", "index", "out.csv", "precious.txt"]
    );
}

#[cfg(unix)]
#[test]
fn export_and_plot_do_not_write_through_a_symbolic_link() {
    let wd = Workdir::new();
    hostile_index(&wd);
    let victim = wd.write("victim.txt", "secret\n");
    let link = wd.path("out.csv");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let run = wd.run(&["export", "-o", link.to_str().unwrap()]);
    run.expect_code(2);
    assert!(run.stderr().contains("symbolic link"), "{}", run.describe());

    let chart = wd.path("chart.svg");
    std::os::unix::fs::symlink(&victim, &chart).unwrap();
    let run = wd.run(&["stats", "outcomes", "--plot", chart.to_str().unwrap()]);
    run.expect_code(2);
    assert!(run.stderr().contains("symbolic link"), "{}", run.describe());

    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "secret\n");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(chart.symlink_metadata().unwrap().file_type().is_symlink());
}

/// A write that fails part way (the file-size limit, with SIGXFSZ ignored
/// so the write returns an error instead of killing the process) leaves the
/// old file as it was and no temporary file.
#[cfg(unix)]
#[test]
fn export_that_fails_while_writing_keeps_the_old_file_and_no_temporary_file() {
    let wd = Workdir::new();
    let long = "The Council caused delay in the handling of the complaint. ".repeat(200);
    wd.write(
        "d/a.txt",
        decision_text(
            "Some Council",
            "23 000 001",
            HEADER,
            &long,
            "It apologised.",
        ),
    );
    wd.run(&["ingest", wd.path("d").to_str().unwrap()])
        .expect_code(0);
    let out = wd.write("out.jsonl", "old contents\n");
    let binary = assert_cmd::cargo::cargo_bin("ombuds");
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 2; trap '' XFSZ; exec \"$0\" \"$@\"")
        .arg(&binary)
        .args(["export", "--format", "jsonl", "-o", out.to_str().unwrap()])
        .env("OMBUDS_INDEX", wd.index())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("out.jsonl"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old contents\n");
    assert_eq!(names_in(wd.dir.path()), ["d", "index", "out.jsonl"]);
}

/// `show --json` and `export --format jsonl` into a pipe whose reader has
/// gone: the output is bigger than any pipe buffer, so a write fails.
#[test]
fn json_output_to_a_closed_pipe_exits_quietly() {
    let wd = Workdir::new();
    let long = "The Council caused delay in the handling of the complaint. ".repeat(20_000);
    wd.write(
        "d/a.txt",
        decision_text("Some Council", "23 000 001", HEADER, &long, &long),
    );
    wd.run(&["ingest", wd.path("d").to_str().unwrap()])
        .expect_code(0);
    for args in [
        ["show", "23-000-001", "--json"],
        ["export", "--format", "jsonl"],
    ] {
        let mut child = Command::cargo_bin("ombuds")
            .unwrap()
            .env("OMBUDS_INDEX", wd.index())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}
