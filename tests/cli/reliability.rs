//! Bad input, crashes mid-ingest, concurrent use and old indexes: nothing
//! good is lost, nothing half-written is visible, and nothing panics.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::{corpus, count, many_decisions, Workdir};

/// Decisions the interrupted and concurrent ingests write: enough that a
/// release build is still writing when the test acts.
const MANY: usize = 2500;

/// Copies the five samples into `dir` under the work dir.
fn copy_samples(wd: &Workdir, dir: &str) {
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        wd.write(&format!("{dir}/{name}"), std::fs::read(&path).unwrap());
    }
}

fn spawn_ingest(wd: &Workdir, dir: &str) -> Child {
    Command::cargo_bin("ombuds")
        .unwrap()
        .env("OMBUDS_INDEX", wd.index())
        .args(["ingest", wd.path(dir).to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the running ingest has started writing (a segment file that
/// was not in the index before appears) and checks it is still running, so
/// the test acts part way through. Polls rather than sleeping a fixed time:
/// a release build ingests the test's decisions in well under a second.
fn wait_until_writing(wd: &Workdir, child: &mut Child) {
    let segments = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(wd.index())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "store"))
            .collect()
    };
    let before = segments();
    let deadline = Instant::now() + Duration::from_secs(60);
    while segments().iter().all(|s| before.contains(s)) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "ingest finished before the test acted"
        );
        assert!(Instant::now() < deadline, "ingest never started writing");
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "ingest finished before the test acted"
    );
}

#[test]
fn ingest_bad_inputs_are_each_reported_and_the_good_ones_kept() {
    let wd = Workdir::new();
    copy_samples(&wd, "in");
    let sample = std::fs::read_to_string(corpus().join("004_447a811342a9528e.txt")).unwrap();
    wd.write("in/empty.txt", "");
    wd.write("in/binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    wd.write("in/garbage.txt", b"\x81\x8d\x90\x9d\x81");
    wd.write("in/letter.txt", "Dear Sir,\nThank you for your letter.\n");
    wd.write("in/huge.txt", vec![b'a'; 21 * 1024 * 1024]);
    std::os::unix::fs::symlink(wd.path("in/nowhere.txt"), wd.path("in/broken.txt")).unwrap();
    std::fs::create_dir_all(wd.path("in/loop")).unwrap();
    std::os::unix::fs::symlink(wd.path("in"), wd.path("in/loop/back")).unwrap();
    // Readable but damaged decisions: kept, with a warning.
    let renamed = sample.replace("20 004 920", "31 000 001");
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&renamed);
    assert!(!unmappable);
    wd.write("in/cp1252.txt", cp1252);
    wd.write(
        "in/mojibake.txt",
        sample
            .replace("20 004 920", "31 000 002")
            .replace('’', "â€™")
            .replace('£', "Â£"),
    );
    let html = format!(
        "<!DOCTYPE html><html><body>{}</body></html>",
        sample
            .replace("20 004 920", "31 000 003")
            .lines()
            .map(|l| format!("<p>{l}</p>"))
            .collect::<String>()
    );
    wd.write("in/page.txt", html);
    wd.write(
        "in/cut.txt",
        &sample.replace("20 004 920", "31 000 004")[..3000],
    );
    wd.write(
        "in/bare.txt",
        "Some Council (31 000 005)\nDecision : Upheld\n",
    );

    let errors = wd.path("errors.jsonl");
    let run = wd.run(&[
        "ingest",
        wd.path("in").to_str().unwrap(),
        "--errors",
        errors.to_str().unwrap(),
        "--json",
    ]);
    run.expect_code(3);
    let report = run.json_lines().remove(0);
    let skipped: Vec<(String, String)> = std::fs::read_to_string(&errors)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| {
            (
                Path::new(v["path"].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                v["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = [
        ("binary.txt", "binary"),
        ("broken.txt", "unreadable"),
        ("empty.txt", "empty"),
        ("garbage.txt", "encoding"),
        ("huge.txt", "too_large"),
        ("letter.txt", "not_a_decision"),
    ];
    for (name, kind) in expect {
        assert!(
            skipped.contains(&(name.to_string(), kind.to_string())),
            "{name} as {kind} in {skipped:?}\n{}",
            run.describe()
        );
    }
    assert_eq!(skipped.len(), expect.len(), "{skipped:?}");
    assert_eq!(report["decisions_in_index"], 10, "{}", run.describe());
    let warned = |name: &str, word: &str| {
        report["warnings"].as_array().unwrap().iter().any(|w| {
            w["path"].as_str().unwrap().ends_with(name)
                && w["warning"].as_str().unwrap().contains(word)
        })
    };
    assert!(warned("cp1252.txt", "Windows-1252"));
    assert!(warned("mojibake.txt", "mojibake"));
    assert!(warned("page.txt", "HTML"));
    assert!(warned("cut.txt", "truncated"));
    assert!(warned("bare.txt", "no body sections"));
    let shown = wd
        .run(&["show", "31 000 002", "--json"])
        .json_lines()
        .remove(0);
    assert_eq!(
        shown["agreed_total"], 400.0,
        "mojibake repaired before extraction"
    );
    assert_eq!(count(&wd), 10);
    for name in ["empty.txt", "huge.txt", "letter.txt"] {
        assert!(run.stderr().contains(name), "{name} named on stderr");
    }
}

#[test]
fn ingest_strict_commits_nothing_when_a_file_is_skipped() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    copy_samples(&wd, "in");
    wd.write(
        "in/x_new.txt",
        std::fs::read_to_string(corpus().join("000_23011206abbaafad.txt"))
            .unwrap()
            .replace("23 002 683", "31 000 009"),
    );
    wd.write("in/empty.txt", "");
    let run = wd.run(&["ingest", wd.path("in").to_str().unwrap(), "--strict"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("--strict") && run.stderr().contains("nothing was committed"),
        "{}",
        run.describe()
    );
    assert_eq!(count(&wd), 5);
}

#[test]
fn ingest_killed_part_way_leaves_the_last_commit() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    let mut child = spawn_ingest(&wd, "many");
    wait_until_writing(&wd, &mut child);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(count(&wd), 5, "only the last commit is visible");
    let run = wd.run(&["search", "\"stage three\"", "--format", "jsonl"]);
    run.expect_code(0);
    // The index is still writable after the crash.
    wd.run(&["ingest", wd.path("many").to_str().unwrap()])
        .expect_code(0);
    assert_eq!(count(&wd), MANY + 5);
}

#[test]
fn ingest_interrupted_by_ctrl_c_commits_nothing_and_says_so() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    let mut child = spawn_ingest(&wd, "many");
    wait_until_writing(&wd, &mut child);
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&output.stderr).contains("interrupted: nothing was committed"));
    assert_eq!(count(&wd), 5);
}

#[test]
fn ingest_while_another_runs_fails_at_once_and_search_keeps_working() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    let mut child = spawn_ingest(&wd, "many");
    wait_until_writing(&wd, &mut child);
    let started = Instant::now();
    let second = wd.run(&["ingest", corpus().to_str().unwrap()]);
    second.expect_code(2);
    assert!(
        second
            .stderr()
            .contains("index is being written by another process"),
        "{}",
        second.describe()
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused at once"
    );
    assert_eq!(
        count(&wd),
        5,
        "search works on the last commit during an ingest"
    );
    wd.run(&["stats", "payments", "--format", "json"])
        .expect_code(0);
    assert!(child.wait().unwrap().success());
    assert_eq!(count(&wd), MANY + 5);
}

#[test]
fn old_index_asks_for_a_rebuild_and_rebuild_works() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let meta = wd.index().join("ombuds.json");
    std::fs::write(&meta, r#"{"schema_version": 0, "ombuds_version": "0.0.1"}"#).unwrap();
    let run = wd.run(&["search", "delay"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("rebuild it with `ombuds ingest PATH")
            && run.stderr().contains("--rebuild"),
        "{}",
        run.describe()
    );
    assert!(!run.stderr().contains("panicked"));
    let run = wd.run(&["ingest", corpus().to_str().unwrap()]);
    run.expect_code(2);
    wd.run(&["ingest", corpus().to_str().unwrap(), "--rebuild"])
        .expect_code(0);
    assert_eq!(count(&wd), 5);
}

#[test]
fn missing_or_empty_index_says_run_ingest_first() {
    let wd = Workdir::new();
    std::fs::create_dir_all(wd.index()).unwrap();
    for args in [
        vec!["search", "x"],
        vec!["stats", "payments"],
        vec!["show", "23002683"],
        vec!["export"],
    ] {
        let run = wd.run(&args);
        run.expect_code(2);
        assert!(
            run.stderr().contains("no index at") && run.stderr().contains("run `ombuds ingest"),
            "{}",
            run.describe()
        );
    }
}

#[test]
fn damaged_index_metadata_is_named_briefly_and_rebuild_recovers() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let meta = wd.index().join("meta.json");
    let text = std::fs::read_to_string(&meta).unwrap();
    let damaged = format!("{}{}", &text[..text.len() / 2], "x".repeat(200_000));
    std::fs::write(&meta, damaged).unwrap();
    let run = wd.run(&["search", "delay"]);
    run.expect_code(2);
    let stderr = run.stderr();
    assert!(stderr.len() < 1_000, "{} bytes of error", stderr.len());
    assert!(
        stderr.contains("meta.json") && stderr.contains("--rebuild"),
        "{}",
        run.describe()
    );
    wd.run(&["ingest", corpus().to_str().unwrap(), "--rebuild"])
        .expect_code(0);
    assert_eq!(count(&wd), 5);
}
