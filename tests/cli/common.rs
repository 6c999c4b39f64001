//! A Workdir helper: a temp directory with its own index, running the real
//! binary and printing command, status, stdout and stderr when a check fails.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::cargo::CommandCargoExt;

/// A scratch directory with an index location inside it.
pub struct Workdir {
    pub dir: tempfile::TempDir,
}

/// The finished run of one command.
pub struct Run {
    pub args: Vec<String>,
    pub output: Output,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }
    /// Panics with the whole run when the exit code is not `expected`.
    pub fn expect_code(&self, expected: i32) -> &Self {
        assert_eq!(self.code(), expected, "{}", self.describe());
        self
    }
    pub fn describe(&self) -> String {
        format!(
            "command: ombuds {}\nstatus: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.args.join(" "),
            self.output.status,
            self.stdout(),
            self.stderr()
        )
    }
    /// Stdout as JSON Lines.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout()
            .lines()
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}\n{}", self.describe()))
            })
            .collect()
    }
    /// Stdout as one JSON document.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout())
            .unwrap_or_else(|e| panic!("bad JSON: {e}\n{}", self.describe()))
    }
    /// Stdout as CSV records (header first).
    pub fn csv(&self) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(self.output.stdout.as_slice());
        reader
            .records()
            .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
            .collect()
    }
}

impl Workdir {
    pub fn new() -> Self {
        Workdir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn index(&self) -> PathBuf {
        self.path("index")
    }

    /// Writes a file below the work dir and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// Runs `ombuds ARGS` with this work dir's index.
    pub fn run<S: AsRef<str>>(&self, args: &[S]) -> Run {
        let args: Vec<String> = args.iter().map(|a| a.as_ref().to_string()).collect();
        let mut cmd = std::process::Command::cargo_bin("ombuds").expect("binary built");
        cmd.env("OMBUDS_INDEX", self.index())
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .args(&args);
        let output = cmd.output().expect("binary runs");
        Run { args, output }
    }

    /// Ingests the bundled corpus into this work dir's index.
    pub fn ingest_corpus(&self) -> Run {
        let run = self.run(&["ingest", corpus().to_str().unwrap()]);
        run.expect_code(0);
        run
    }
}

/// The bundled sample decisions.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A small decision text with the given reference and body.
pub fn decision_text(
    org: &str,
    reference: &str,
    header: &str,
    summary: &str,
    body: &str,
) -> String {
    format!(
        "{org} ({reference})\n\n{header}\nThe Ombudsman's final decision:\n\nSummary: {summary}\n\nThe complaint\n\n  1. {body}\n\nFinal decision\n\n  1. I have completed my investigation.\n"
    )
}

/// Writes `n` decisions (sample 000 under new references) into `dir`.
pub fn many_decisions(wd: &Workdir, dir: &str, n: usize) {
    let text = std::fs::read_to_string(corpus().join("000_23011206abbaafad.txt")).unwrap();
    for i in 0..n {
        let reference = format!("30 {:03} {:03}", i / 1000, i % 1000);
        wd.write(
            &format!("{dir}/{i:05}.txt"),
            text.replace("23 002 683", &reference),
        );
    }
}

/// How many decisions a search for everything finds in the work dir's index.
pub fn count(wd: &Workdir) -> usize {
    let run = wd.run(&["search", "", "--limit", "100000", "--format", "jsonl"]);
    run.expect_code(0);
    run.json_lines().len()
}

/// Parses `text` (one decision) with the real binary and returns its one
/// JSON record.
pub fn parse_one(text: &str) -> serde_json::Value {
    let wd = Workdir::new();
    let file = wd.write("d.txt", text);
    let run = wd.run(&["parse", file.to_str().unwrap(), "--format", "jsonl"]);
    run.expect_code(0);
    let mut records = run.json_lines();
    assert_eq!(records.len(), 1, "{}", run.describe());
    records.remove(0)
}
