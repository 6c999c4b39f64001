//! `--rebuild` and first-time index creation under kills, Ctrl-C, failures
//! and concurrent use: the old index stays whole and searchable until the new
//! one is swapped in, and whatever a killed run leaves, the next one accepts.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::{corpus, count, many_decisions, Workdir};

/// Decisions a rebuild writes: enough that it is still running when the
/// test acts.
const MANY: usize = 1000;

/// How long a sign may take to appear before the test calls it a hang.
const HANG: Duration = Duration::from_secs(120);

/// A running ingest, killed if the test ends first (a failed test must not
/// leave a process blocked on a FIFO behind).
struct Running(Child);

impl Running {
    fn pid(&self) -> u32 {
        self.0.id()
    }

    fn is_running(&mut self) -> bool {
        self.0.try_wait().unwrap().is_none()
    }

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([name, &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to end, failing (and killing it) on a hang.
    fn finish(mut self) -> Output {
        let deadline = Instant::now() + HANG;
        while self.is_running() {
            assert!(Instant::now() < deadline, "ingest did not end");
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut output = Output {
            status: self.0.wait().unwrap(),
            stdout: Vec::new(),
            stderr: Vec::new(),
        };
        if let Some(mut stderr) = self.0.stderr.take() {
            std::io::Read::read_to_end(&mut stderr, &mut output.stderr).unwrap();
        }
        output
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn(wd: &Workdir, args: &[&str]) -> Running {
    Running(
        Command::cargo_bin("ombuds")
            .unwrap()
            .env("OMBUDS_INDEX", wd.index())
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

/// Polls until `sign` holds, asserting the ingest is still running then, so
/// the test acts part way through.
fn wait_for(child: &mut Running, what: &str, sign: impl Fn() -> bool) {
    let deadline = Instant::now() + HANG;
    while !sign() {
        assert!(child.is_running(), "ingest finished before {what}");
        assert!(Instant::now() < deadline, "never saw {what}");
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(child.is_running(), "ingest finished just after {what}");
}

/// The staging directory a new index is built in, beside the work dir's index.
fn staging(wd: &Workdir) -> PathBuf {
    wd.dir
        .path()
        .canonicalize()
        .unwrap()
        .join(".index.ombuds-staging")
}

/// The segment store files in `dir` (tantivy writes one as it indexes).
fn stores(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "store"))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `dir` holds a store file that was not among `before`.
fn new_segment(dir: &Path, before: &[PathBuf]) -> bool {
    stores(dir).iter().any(|s| !before.contains(s))
}

/// The work dir's index path, resolved as the kernel reports open files.
fn index_path(wd: &Workdir) -> PathBuf {
    wd.dir.path().canonicalize().unwrap().join("index")
}

/// Where in a run that builds a new index the test acts.
#[derive(Clone, Copy, Debug)]
enum Point {
    /// It holds the target's writer lock.
    Locked,
    /// It holds the lock and the staging directory exists.
    Staging,
    /// It has written a segment in the staging directory.
    Segment,
}

/// Waits until the run `child` has reached `point`.
fn wait_for_point(wd: &Workdir, child: &mut Running, point: Point) {
    let (pid, target, staging) = (child.pid(), index_path(wd), staging(wd));
    // A staging directory a killed run left has these; the new run's segments are new.
    let before = stores(&staging);
    wait_for(child, &format!("{point:?}"), || {
        holds_lock(pid, &target)
            && match point {
                Point::Locked => true,
                Point::Staging => staging.exists(),
                Point::Segment => new_segment(&staging, &before),
            }
    });
}

/// Whether process `pid` has `dir`'s tantivy writer lock file open, which it
/// does from taking the lock until it exits.
fn holds_lock(pid: u32, dir: &Path) -> bool {
    let lock = dir.join(".tantivy-writer.lock");
    let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten()
        .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|target| target == lock))
}

fn rebuild_args(wd: &Workdir, dir: &str) -> Vec<String> {
    vec![
        "ingest".into(),
        wd.path(dir).to_str().unwrap().into(),
        "--rebuild".into(),
    ]
}

fn spawn_rebuild(wd: &Workdir, dir: &str) -> Running {
    let args = rebuild_args(wd, dir);
    spawn(wd, &args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn rebuild_killed_at_any_point_leaves_the_old_index() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    for point in [
        Point::Locked,
        Point::Staging,
        Point::Segment,
        Point::Segment,
    ] {
        let mut child = spawn_rebuild(&wd, "many");
        wait_for_point(&wd, &mut child, point);
        child.signal("-KILL");
        assert!(!child.finish().status.success());
        assert_eq!(count(&wd), 5, "killed at {point:?}: the old decisions");
    }
    // The next rebuild cleans up what the last one left and succeeds.
    let run = wd.run(&rebuild_args(&wd, "many"));
    run.expect_code(0);
    assert!(
        run.stderr().contains("left by an interrupted ingest"),
        "{}",
        run.describe()
    );
    assert!(!staging(&wd).exists());
    assert_eq!(count(&wd), MANY);
}

#[test]
fn rebuild_interrupted_by_ctrl_c_leaves_the_old_index_and_says_so() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    let mut child = spawn_rebuild(&wd, "many");
    wait_for_point(&wd, &mut child, Point::Segment);
    child.signal("-INT");
    let output = child.finish();
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("interrupted: nothing was committed"),
        "{stderr}"
    );
    assert_eq!(count(&wd), 5, "the index is as it was");
    wd.run(&["stats", "payments", "--format", "json"])
        .expect_code(0);
}

#[test]
fn rebuild_strict_with_a_bad_file_leaves_the_old_index() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "in", 3);
    wd.write("in/empty.txt", "");
    let run = wd.run(&[
        "ingest",
        wd.path("in").to_str().unwrap(),
        "--rebuild",
        "--strict",
    ]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("the index is as it was"),
        "{}",
        run.describe()
    );
    assert_eq!(count(&wd), 5);
    assert!(
        !staging(&wd).exists(),
        "the failed rebuild's staging is removed"
    );
}

#[test]
fn rebuild_while_another_ingest_runs_is_refused_and_deletes_nothing() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    let index = index_path(&wd);
    let committed = std::fs::read_dir(&index)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<Vec<_>>();
    let mut child = spawn(&wd, &["ingest", wd.path("many").to_str().unwrap()]);
    let before = stores(&index);
    wait_for(&mut child, "a segment being written", || {
        new_segment(&index, &before)
    });
    let rebuild = wd.run(&["ingest", corpus().to_str().unwrap(), "--rebuild"]);
    rebuild.expect_code(2);
    assert!(
        rebuild
            .stderr()
            .contains("being written by another process"),
        "{}",
        rebuild.describe()
    );
    for file in &committed {
        assert!(file.exists(), "{} was deleted", file.display());
    }
    assert_eq!(count(&wd), 5, "the last commit is still there");
    assert!(child.finish().status.success(), "the first ingest commits");
    assert_eq!(count(&wd), MANY + 5);
}

#[test]
fn ingest_or_rebuild_while_a_rebuild_runs_is_refused() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    let mut child = spawn_rebuild(&wd, "many");
    wait_for_point(&wd, &mut child, Point::Segment);
    let corpus = corpus();
    for extra in [None, Some("--rebuild")] {
        let mut args = vec!["ingest", corpus.to_str().unwrap()];
        args.extend(extra);
        let run = wd.run(&args);
        run.expect_code(2);
        assert!(
            run.stderr().contains("being written by another process"),
            "{}",
            run.describe()
        );
    }
    assert!(child.finish().status.success());
    assert_eq!(count(&wd), MANY, "the rebuild alone replaced the index");
}

#[test]
fn search_and_stats_during_a_rebuild_see_the_old_index_until_the_swap() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    let old = std::fs::metadata(wd.index()).unwrap().ino();
    let mut child = spawn_rebuild(&wd, "many");
    wait_for_point(&wd, &mut child, Point::Segment);
    // A read that started and ended before the swap must see the old index;
    // the swap gives the index directory another inode.
    let mut before_swap = 0;
    while child.is_running() && before_swap < 5 {
        let seen = count(&wd);
        let stats = wd.run(&["stats", "payments", "--format", "json"]);
        if std::fs::metadata(wd.index()).unwrap().ino() == old {
            assert_eq!(seen, 5, "a search during the rebuild");
            stats.expect_code(0);
            before_swap += 1;
        }
    }
    assert!(before_swap > 0, "no read happened before the swap");
    assert!(child.finish().status.success());
    assert_ne!(std::fs::metadata(wd.index()).unwrap().ino(), old);
    assert_eq!(count(&wd), MANY);
    assert!(!staging(&wd).exists(), "the old index is deleted");
}

#[test]
fn ingest_killed_while_creating_an_index_leaves_a_path_the_next_ingest_accepts() {
    let wd = Workdir::new();
    many_decisions(&wd, "many", MANY);
    let mut child = spawn(&wd, &["ingest", wd.path("many").to_str().unwrap()]);
    wait_for(&mut child, "the index directory made", || {
        wd.index().exists()
    });
    child.signal("-KILL");
    child.finish();
    for point in [Point::Locked, Point::Staging, Point::Segment] {
        let mut child = spawn(&wd, &["ingest", wd.path("many").to_str().unwrap()]);
        wait_for_point(&wd, &mut child, point);
        child.signal("-KILL");
        child.finish();
        let run = wd.run(&["search", "x"]);
        run.expect_code(2);
        assert!(run.stderr().contains("no index at"), "{}", run.describe());
    }
    let run = wd.ingest_corpus();
    assert!(
        !run.stderr().contains("not an ombuds index"),
        "{}",
        run.describe()
    );
    assert_eq!(count(&wd), 5);
    assert!(!staging(&wd).exists());
}

#[test]
fn ingest_replaces_a_half_created_index_but_never_a_foreign_directory() {
    let wd = Workdir::new();
    // What a run killed between tantivy's files and ombuds.json left.
    wd.write("index/meta.json", "{}");
    wd.write("index/.managed.json", "[]");
    wd.write("index/.tantivy-writer.lock", "");
    let run = wd.ingest_corpus();
    assert!(
        run.stderr().contains("half-created index"),
        "{}",
        run.describe()
    );
    assert_eq!(count(&wd), 5);

    wd.write("mine/meta.json", "{}");
    wd.write("mine/notes.txt", "my notes");
    let mine = wd.path("mine");
    let run = wd.run(&[
        "--index",
        mine.to_str().unwrap(),
        "ingest",
        corpus().to_str().unwrap(),
    ]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("not an ombuds index"),
        "{}",
        run.describe()
    );
    assert_eq!(
        std::fs::read_dir(&mine).unwrap().count(),
        2,
        "nothing added or removed"
    );
}

#[test]
fn ingest_removes_stale_staging_directories_and_keeps_foreign_files() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let stale = staging(&wd);
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join("meta.json"), "{}").unwrap();
    std::fs::write(stale.join("0123456789abcdef0123456789abcdef.store"), "").unwrap();
    let run = wd.ingest_corpus();
    assert!(
        run.stderr().contains("left by an interrupted ingest"),
        "{}",
        run.describe()
    );
    assert!(!stale.exists());

    // A file of the user's own in it is kept, and does not stop an ingest.
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join("meta.json"), "{}").unwrap();
    std::fs::write(stale.join("notes.txt"), "mine").unwrap();
    wd.ingest_corpus();
    assert_eq!(
        std::fs::read_to_string(stale.join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(!stale.join("meta.json").exists());
    assert_eq!(count(&wd), 5);
}

#[test]
fn rebuild_keeps_the_users_own_files_in_the_index_directory() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    wd.write("index/README.txt", "what this index is");
    wd.run(&["ingest", corpus().to_str().unwrap(), "--rebuild"])
        .expect_code(0);
    assert_eq!(
        std::fs::read_to_string(wd.index().join("README.txt")).unwrap(),
        "what this index is"
    );
    assert_eq!(count(&wd), 5);
}

#[test]
fn ingest_ctrl_c_ends_the_run_even_when_a_reader_is_blocked() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    many_decisions(&wd, "many", MANY);
    // Opening a FIFO nobody writes to blocks the reading thread for ever.
    let fifo = wd.path("a.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut child = spawn(
        &wd,
        &[
            "ingest",
            fifo.to_str().unwrap(),
            wd.path("many").to_str().unwrap(),
        ],
    );
    let (pid, index) = (child.pid(), index_path(&wd));
    wait_for(&mut child, "the writer lock taken", || {
        holds_lock(pid, &index)
    });
    child.signal("-INT");
    let output = child.finish();
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("interrupted: nothing was committed"),
        "{stderr}"
    );
    assert_eq!(count(&wd), 5);
}
