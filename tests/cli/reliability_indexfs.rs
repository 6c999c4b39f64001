//! The index on disk: other users can read it, a read-only index can be
//! searched, errors say what failed (permission, full disk), files a failed
//! commit left are cleaned up, a report that cannot be written says the
//! index was committed, and of two files with one reference the complete one
//! is kept.
//!
//! Tests run as root in CI, where `chmod` does not stop anyone: there the
//! index is read by running the binary as user `nobody`, and a read-only
//! mount or a full disk is made with `unshare -m` (a private mount namespace
//! the mount vanishes with). A test that cannot set up its condition prints
//! why and returns.

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{corpus, decision_text, Run, Workdir};

/// The user and group `nobody`, who owns none of the test's files.
const NOBODY: u32 = 65534;

/// The sample decision and its reference.
const SAMPLE: &str = "000_23011206abbaafad.txt";
const SAMPLE_REF: &str = "23 002 683";

fn is_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}

fn umask() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix("Umask:"))
        .expect("Umask line");
    u32::from_str_radix(line.trim(), 8).expect("octal umask")
}

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("ombuds")
}

/// `ombuds ARGS` on the work dir's index, run as `nobody` when `as_nobody`.
/// `None` when the binary cannot be started as `nobody` (a target dir it
/// may not enter), with the reason printed.
fn run_as(wd: &Workdir, as_nobody: bool, args: &[&str]) -> Option<Run> {
    let mut cmd = Command::new(binary());
    cmd.env("OMBUDS_INDEX", wd.index()).args(args);
    if as_nobody {
        cmd.uid(NOBODY).gid(NOBODY);
    }
    match cmd.output() {
        Ok(output) => Some(Run {
            args: args.iter().map(|a| a.to_string()).collect(),
            output,
        }),
        Err(e) if as_nobody => {
            eprintln!("skipped: cannot run {} as nobody: {e}", binary().display());
            None
        }
        Err(e) => panic!("binary runs: {e}"),
    }
}

/// Lets `nobody` reach the work dir (temp dirs are created owner-only).
fn open_work_dir(wd: &Workdir) {
    std::fs::set_permissions(wd.dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod work dir");
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// Makes the index one the runner of [`run_as`] cannot write, but can read
/// (every file readable, as an index written with a 022 umask is): the
/// directory is 0555; root ignores that, so as root the commands run as
/// `nobody`. Returns whether to run as `nobody`.
fn make_index_read_only(wd: &Workdir) -> bool {
    for entry in std::fs::read_dir(wd.index()).expect("index") {
        set_mode(&entry.expect("entry").path(), 0o644);
    }
    set_mode(&wd.index(), 0o555);
    open_work_dir(wd);
    is_root()
}

/// Runs `script` with `sh` in a private mount namespace; `None` (reason
/// printed) when namespaces or mounts are not permitted here.
fn in_mount_namespace(script: &str, env: &[(&str, &Path)]) -> Option<std::process::Output> {
    let probe = Command::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: `unshare -m` with mount is not permitted here (needs root with CAP_SYS_ADMIN)");
        return None;
    }
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "sh", "-euc", script]);
    for (name, value) in env {
        cmd.env(name, value);
    }
    Some(cmd.output().expect("unshare runs"))
}

fn describe(output: &std::process::Output) -> String {
    format!(
        "status: {}\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn ingest_leaves_an_index_other_users_can_read() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    // A second ingest rewrites meta.json through the opened index.
    wd.run(&["ingest", corpus().join(SAMPLE).to_str().unwrap()])
        .expect_code(0);
    let expected = 0o666 & !umask();
    for entry in std::fs::read_dir(wd.index()).unwrap() {
        let path = entry.unwrap().path();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected, "{}: mode {mode:o}", path.display());
    }
    if !is_root() {
        eprintln!("skipped the second half: only root can run the binary as another user");
        return;
    }
    open_work_dir(&wd);
    let Some(run) = run_as(&wd, true, &["search", "council", "--format", "jsonl"]) else {
        return;
    };
    run.expect_code(0);
    assert!(!run.json_lines().is_empty(), "{}", run.describe());
}

#[test]
fn search_stats_show_and_export_work_on_an_index_that_cannot_be_written() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let as_nobody = make_index_read_only(&wd);
    let commands: [&[&str]; 4] = [
        &["search", "council", "--format", "jsonl"],
        &["stats", "outcomes"],
        &["show", SAMPLE_REF],
        &["export", "--format", "csv"],
    ];
    for args in commands {
        let Some(run) = run_as(&wd, as_nobody, args) else {
            return;
        };
        run.expect_code(0);
        assert!(!run.stdout().is_empty(), "{}", run.describe());
    }
}

#[test]
fn search_works_on_a_read_only_mount() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let script = r#"mount --bind "$INDEX" "$INDEX"
mount -o remount,bind,ro "$INDEX"
if touch "$INDEX/probe" 2>/dev/null; then echo "mount is writable" >&2; exit 99; fi
exec "$BIN" --index "$INDEX" search council --format json"#;
    let Some(output) = in_mount_namespace(script, &[("INDEX", &wd.index()), ("BIN", &binary())])
    else {
        return;
    };
    assert!(output.status.success(), "{}", describe(&output));
    assert!(!output.stdout.is_empty(), "{}", describe(&output));
}

#[test]
fn ingest_into_an_index_it_cannot_write_says_permission_denied() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let as_nobody = make_index_read_only(&wd);
    let sample = corpus().join(SAMPLE);
    let Some(run) = run_as(&wd, as_nobody, &["ingest", sample.to_str().unwrap()]) else {
        return;
    };
    run.expect_code(2);
    let stderr = run.stderr();
    assert!(stderr.contains("Permission denied"), "{}", run.describe());
    assert!(
        stderr.contains(".tantivy-writer.lock"),
        "{}",
        run.describe()
    );
    assert!(!stderr.contains("another"), "{}", run.describe());
}

#[test]
fn ingest_on_a_full_disk_says_so_and_the_next_run_cleans_up_after_it() {
    let wd = Workdir::new();
    // Sample 000 under 300 references: several times the disk's 600 KB.
    let text = std::fs::read_to_string(corpus().join(SAMPLE)).unwrap();
    for i in 0..300 {
        let reference = format!("31 {:03} {:03}", i / 1000, i % 1000);
        wd.write(
            &format!("many/{i:03}.txt"),
            text.replace(SAMPLE_REF, &reference),
        );
    }
    let disk = wd.path("disk");
    std::fs::create_dir(&disk).unwrap();
    let script = r#"mount -t tmpfs -o size=600k tmpfs "$DISK"
export OMBUDS_INDEX="$DISK/index"
"$BIN" ingest "$CORPUS" 2>"$OUT/1.err" >/dev/null || echo $? >"$OUT/1.code"
"$BIN" ingest "$OUT/many" 2>"$OUT/2.err" >/dev/null || echo $? >"$OUT/2.code"
"$BIN" ingest "$CORPUS/$SAMPLE" 2>"$OUT/3.err" >/dev/null || echo $? >"$OUT/3.code"
"#;
    let Some(output) = in_mount_namespace(
        script,
        &[
            ("DISK", &disk),
            ("BIN", &binary()),
            ("CORPUS", &corpus()),
            ("OUT", wd.dir.path()),
            ("SAMPLE", Path::new(SAMPLE)),
        ],
    ) else {
        return;
    };
    assert!(output.status.success(), "{}", describe(&output));
    let read = |name: &str| std::fs::read_to_string(wd.path(name)).unwrap_or_default();
    assert_eq!(read("1.code"), "", "first ingest failed: {}", read("1.err"));
    assert_eq!(read("2.code").trim(), "2", "{}", read("2.err"));
    let full = read("2.err");
    let index = disk.join("index");
    assert!(
        full.starts_with(&format!("ombuds: {}", index.display())),
        "{full}"
    );
    assert!(full.contains("No space left on device"), "{full}");
    assert!(full.contains("free some space"), "{full}");
    assert!(!full.contains("Internal error"), "{full}");
    assert_eq!(read("3.code"), "", "{}", read("3.err"));
    assert!(
        read("3.err").contains("by an earlier run that failed before its commit"),
        "{}",
        read("3.err")
    );
}

#[test]
fn ingest_json_to_a_full_stdout_says_the_index_was_committed() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let wd = Workdir::new();
    let output = Command::new(binary())
        .env("OMBUDS_INDEX", wd.index())
        .args(["ingest", "--json", corpus().to_str().unwrap()])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the index was committed (5 decisions in"),
        "{stderr}"
    );
    assert!(stderr.contains("No space left on device"), "{stderr}");
    let run = wd.run(&["search", "", "--format", "jsonl"]);
    run.expect_code(0);
    assert_eq!(run.json_lines().len(), 5);
}

#[test]
fn ingest_keeps_the_full_decision_over_a_later_stub_with_its_reference() {
    let wd = Workdir::new();
    let full = wd.write(
        "in/a_full.txt",
        std::fs::read(corpus().join(SAMPLE)).unwrap(),
    );
    let stub = wd.write(
        "in/b_stub.txt",
        format!("Barnsley Metropolitan Borough Council ({SAMPLE_REF})\n\nWithdrawn.\n"),
    );
    let run = wd.run(&["ingest", wd.path("in").to_str().unwrap()]);
    run.expect_code(3);
    let line = format!(
        "skipped {}: same reference {SAMPLE_REF} as {}, which is kept: it has more body sections",
        stub.display(),
        full.display()
    );
    assert!(run.stderr().contains(&line), "{}", run.describe());
    let shown = wd.run(&["show", SAMPLE_REF, "--json"]);
    shown.expect_code(0);
    let sections = shown.json()["sections"].as_array().map_or(0, Vec::len);
    assert!(sections > 3, "{}", shown.describe());
}

#[test]
fn ingest_of_one_file_named_twice_reports_no_duplicate() {
    let wd = Workdir::new();
    let file = wd.write(
        "in/one.txt",
        decision_text("Some Council", "22 001 001", "", "A summary.", "A body."),
    );
    let again = wd.path("in/../in/one.txt");
    let run = wd.run(&[
        "ingest",
        file.to_str().unwrap(),
        file.to_str().unwrap(),
        again.to_str().unwrap(),
    ]);
    run.expect_code(0);
    assert!(
        !run.stderr().contains("same reference"),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr().contains("1 decisions indexed"),
        "{}",
        run.describe()
    );
}
