//! `ombuds fetch` against a website the test serves itself on 127.0.0.1:
//! results pages over two monthly windows (two pages in January, one in
//! February) listing fifteen decisions in the current, 2016-17 and
//! header-less layouts, built from the templates in `tests/fixtures/fetch/`.
//! Each test can make chosen URLs answer otherwise (429, 500, slowly, the
//! wrong page); the server records every request's path, time and
//! User-Agent. No test touches the internet.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::{Run, Workdir};

/// How a URL answers, the `n`th time (from 0) it is asked for.
#[derive(Clone)]
enum Reply {
    /// 200 with this body.
    Page(String),
    /// This status, extra headers and body.
    Status(u16, Vec<(&'static str, String)>, String),
    /// Nothing for this long, then the page.
    Slow(Duration, String),
}

/// A request the server saw.
#[derive(Debug, Clone)]
struct Request {
    path: String,
    at: Instant,
    user_agent: String,
}

/// Overrides of the normal site: (path, nth request) -> reply.
type Override = dyn Fn(&str, usize) -> Option<Reply> + Send + Sync;

/// The test website on 127.0.0.1.
struct Site {
    base: String,
    requests: Arc<Mutex<Vec<Request>>>,
}

/// One decision of the test website.
struct Listed {
    reference: String,
    path: String,
    layout: &'static str,
}

const JANUARY: [&str; 12] = [
    "24 000 101",
    "24 000 102",
    "24 000 103",
    "24 000 104",
    "24 000 105",
    "24 000 106",
    "24 000 107",
    "24 000 108",
    "24 000 109",
    "24 000 110",
    "24 000 111",
    "24 000 112a",
];
const FEBRUARY: [&str; 3] = ["24 000 201", "24 000 202", "16 004 321"];

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fetch")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn slug(reference: &str) -> String {
    reference.replace(' ', "-")
}

fn listed(reference: &str, i: usize) -> Listed {
    let layout = [
        "decision-current.html",
        "decision-2016.html",
        "decision-headerless.html",
    ][i % 3];
    Listed {
        reference: reference.to_string(),
        path: format!(
            "/decisions/adult-care-services/charging/{}",
            slug(reference)
        ),
        layout,
    }
}

fn all_decisions() -> Vec<Listed> {
    JANUARY
        .iter()
        .chain(FEBRUARY.iter())
        .enumerate()
        .map(|(i, r)| listed(r, i))
        .collect()
}

/// The decision page served for `d`.
fn decision_page(d: &Listed) -> String {
    fixture(d.layout)
        .replace("{{ORG}}", "Example Borough Council")
        .replace("{{REFERENCE}}", &d.reference.to_uppercase())
        .replace("{{PATH}}", &d.path)
}

/// A results page listing `decisions`, of `count` results in all. Links
/// alternate between absolute (to the real website) and relative.
fn results_page(count: usize, from: &str, to: &str, decisions: &[Listed]) -> String {
    let results: String = decisions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let href = if i % 2 == 0 {
                d.path.clone()
            } else {
                format!("https://www.lgo.org.uk{}", d.path)
            };
            fixture("result.html")
                .replace("{{HREF}}", &href)
                .replace("{{ORG}}", "Example Borough Council")
                .replace("{{REFERENCE}}", &d.reference)
        })
        .collect();
    fixture("results.html")
        .replace("{{COUNT}}", &count.to_string())
        .replace("{{RESULTS}}", &results)
        .replace("{{FROM}}", from)
        .replace("{{TO}}", to)
}

fn results_path(from: &str, to: &str, page: usize) -> String {
    format!("/Decisions/SearchResults?fd={from}&td={to}&page={page}")
}

/// The normal website: path -> page.
fn pages() -> HashMap<String, String> {
    let decisions = all_decisions();
    let (january, february) = decisions.split_at(JANUARY.len());
    let mut pages = HashMap::new();
    let (jan_from, jan_to) = ("2024-01-01", "2024-01-31");
    let (feb_from, feb_to) = ("2024-02-01", "2024-02-29");
    pages.insert(
        results_path(jan_from, jan_to, 1),
        results_page(12, jan_from, jan_to, &january[..10]),
    );
    pages.insert(
        results_path(jan_from, jan_to, 2),
        results_page(12, jan_from, jan_to, &january[10..]),
    );
    pages.insert(
        results_path(feb_from, feb_to, 1),
        results_page(3, feb_from, feb_to, february),
    );
    for d in &decisions {
        pages.insert(d.path.clone(), decision_page(d));
    }
    pages
}

impl Site {
    /// The normal website.
    fn start() -> Site {
        Site::with(|_, _| None)
    }

    /// The website with `change` consulted before the normal pages.
    fn with(change: impl Fn(&str, usize) -> Option<Reply> + Send + Sync + 'static) -> Site {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let pages = Arc::new(pages());
        let change: Arc<Override> = Arc::new(change);
        let log = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (pages, change, log) =
                    (Arc::clone(&pages), Arc::clone(&change), Arc::clone(&log));
                std::thread::spawn(move || serve(stream, &pages, &*change, &log));
            }
        });
        Site { base, requests }
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// How many times `path` was asked for.
    fn count(&self, path: &str) -> usize {
        self.requests().iter().filter(|r| r.path == path).count()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Answers one connection: one request, then close.
fn serve(
    stream: TcpStream,
    pages: &HashMap<String, String>,
    change: &Override,
    log: &Mutex<Vec<Request>>,
) {
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_string();
    let mut user_agent = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("user-agent") {
                user_agent = value.trim().to_string();
            }
        }
    }
    let nth = {
        let mut log = log.lock().unwrap();
        let nth = log.iter().filter(|r| r.path == path).count();
        log.push(Request {
            path: path.clone(),
            at: Instant::now(),
            user_agent,
        });
        nth
    };
    let reply = change(&path, nth).unwrap_or_else(|| match pages.get(&path) {
        Some(page) => Reply::Page(page.clone()),
        None => Reply::Status(404, vec![], "not here".into()),
    });
    let (status, headers, body) = match reply {
        Reply::Page(body) => (200, vec![], body),
        Reply::Status(status, headers, body) => (status, headers, body),
        Reply::Slow(wait, body) => {
            std::thread::sleep(wait);
            (200, vec![], body)
        }
    };
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut stream = &stream;
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body.as_bytes()));
}

/// The command for `ombuds fetch` into `out`, over January and February
/// 2024 with no delay unless `extra` says otherwise; proxies are ignored so
/// the requests reach 127.0.0.1.
fn fetch_command(wd: &Workdir, site: &Site, out: &Path, extra: &[&str]) -> (Command, Vec<String>) {
    let mut args = vec!["fetch".to_string()];
    for (flag, default) in [
        ("--from", "2024-01-01"),
        ("--to", "2024-02-29"),
        ("--delay", "0"),
    ] {
        if !extra.iter().any(|a| a.starts_with(flag)) {
            args.extend([flag.to_string(), default.to_string()]);
        }
    }
    args.extend([
        "--base-url".into(),
        site.base.clone(),
        "--out".into(),
        out.display().to_string(),
    ]);
    args.extend(extra.iter().map(|s| s.to_string()));
    let mut cmd = Command::cargo_bin("ombuds").expect("binary built");
    cmd.env("OMBUDS_INDEX", wd.index()).args(&args);
    for proxy in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        cmd.env_remove(proxy);
    }
    (cmd, args)
}

/// Runs the fetch to the end, failing the test (not hanging it) after a
/// minute.
fn fetch(wd: &Workdir, site: &Site, out: &Path, extra: &[&str]) -> Run {
    let (mut cmd, args) = fetch_command(wd, site, out, extra);
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("ombuds {} still running after a minute", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    Run { args, output }
}

fn saved(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .map(|dir| {
            dir.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".html"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn manifest(out: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(out.join("manifest.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("manifest line is JSON"))
        .collect()
}

fn file_name(reference: &str) -> String {
    format!("{}.html", slug(reference))
}

fn all_files() -> Vec<String> {
    let mut names: Vec<String> = all_decisions()
        .iter()
        .map(|d| file_name(&d.reference))
        .collect();
    names.sort();
    names
}

fn path_of(reference: &str) -> String {
    listed(reference, 0).path
}

#[test]
fn fetch_saves_every_decision_of_a_multi_page_multi_window_range_once() {
    let wd = Workdir::new();
    let site = Site::start();
    let out = wd.path("decisions");
    let run = fetch(&wd, &site, &out, &["--json"]);
    run.expect_code(0);

    let summary = run.json();
    assert_eq!(summary["found"], 15, "{}", run.describe());
    assert_eq!(summary["downloaded"], 15);
    assert_eq!(summary["already_had"], 0);
    assert_eq!(summary["failed"], serde_json::json!([]));

    assert_eq!(saved(&out), all_files());
    for d in all_decisions() {
        let bytes = std::fs::read_to_string(out.join(file_name(&d.reference))).unwrap();
        assert_eq!(bytes, decision_page(&d), "{} saved as served", d.reference);
        assert_eq!(site.count(&d.path), 1, "{} downloaded once", d.reference);
    }
    let lines = manifest(&out);
    assert_eq!(lines.len(), 15);
    for line in &lines {
        let reference = line["reference"].as_str().unwrap();
        assert_eq!(line["file"], file_name(reference));
        assert_eq!(line["url"], site.url(&path_of(reference)));
        assert!(line["fetched"].as_str().unwrap().ends_with('Z'), "{line}");
    }
    assert!(lines.iter().any(|l| l["reference"] == "24 000 112a"));

    let results: Vec<String> = site
        .requests()
        .iter()
        .map(|r| r.path.clone())
        .filter(|p| p.starts_with("/Decisions/"))
        .collect();
    assert_eq!(
        results,
        [
            results_path("2024-01-01", "2024-01-31", 1),
            results_path("2024-01-01", "2024-01-31", 2),
            results_path("2024-02-01", "2024-02-29", 1),
        ]
    );
    let agent = format!("ombuds/{} (", env!("CARGO_PKG_VERSION"));
    for request in site.requests() {
        assert!(request.user_agent.starts_with(&agent), "{request:?}");
        assert!(request.user_agent.contains("research use"), "{request:?}");
    }
}

#[test]
fn fetch_second_run_downloads_nothing() {
    let wd = Workdir::new();
    let site = Site::start();
    let out = wd.path("decisions");
    fetch(&wd, &site, &out, &[]).expect_code(0);
    let before = site.requests().len();

    let again = fetch(&wd, &site, &out, &[]);
    again.expect_code(0);
    assert!(
        again
            .stderr()
            .contains("15 decisions found, 0 downloaded, already had 15, none failed"),
        "{}",
        again.describe()
    );
    let second: Vec<Request> = site.requests()[before..].to_vec();
    assert!(
        second.iter().all(|r| r.path.starts_with("/Decisions/")),
        "{second:?}"
    );
    assert_eq!(second.len(), 3, "only the results pages: {second:?}");
    assert_eq!(
        manifest(&out).len(),
        15,
        "no manifest line for a page not downloaded"
    );
}

#[test]
fn fetch_resumes_after_being_killed_and_fetches_only_the_rest() {
    let wd = Workdir::new();
    let site = Site::start();
    let out = wd.path("decisions");
    let (mut cmd, _) = fetch_command(&wd, &site, &out, &["--delay", "0.1"]);
    let mut child: Child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("runs");
    let started = Instant::now();
    while saved(&out).len() < 4 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("kill");
    child.wait().expect("wait");
    let had = saved(&out);
    assert!((4..15).contains(&had.len()), "killed part-way: {had:?}");
    for name in &had {
        let reference = name.trim_end_matches(".html").replace('-', " ");
        let d = all_decisions()
            .into_iter()
            .find(|d| d.reference == reference)
            .unwrap();
        let bytes = std::fs::read_to_string(out.join(name)).unwrap();
        assert_eq!(bytes, decision_page(&d), "{name} is whole");
    }
    let before = site.requests().len();

    let resumed = fetch(&wd, &site, &out, &["--json"]);
    resumed.expect_code(0);
    let summary = resumed.json();
    assert_eq!(summary["already_had"], had.len());
    assert_eq!(summary["downloaded"], 15 - had.len());
    assert_eq!(saved(&out), all_files());
    let second: Vec<String> = site.requests()[before..]
        .iter()
        .map(|r| r.path.clone())
        .collect();
    for name in &had {
        let reference = name.trim_end_matches(".html").replace('-', " ");
        assert!(
            !second.contains(&path_of(&reference)),
            "{name} fetched again"
        );
    }
    // Every page saved by the second run has its manifest line.
    let lines = manifest(&out);
    for d in all_decisions() {
        if !had.contains(&file_name(&d.reference)) {
            assert!(
                lines.iter().any(|l| l["reference"] == d.reference),
                "{}",
                d.reference
            );
        }
    }
}

#[test]
fn fetch_keeps_the_starts_of_requests_delay_apart() {
    let wd = Workdir::new();
    let site = Site::start();
    let out = wd.path("decisions");
    let run = fetch(
        &wd,
        &site,
        &out,
        &["--from", "2024-02-01", "--delay", "0.2"],
    );
    run.expect_code(0);
    let requests = site.requests();
    assert_eq!(requests.len(), 4, "one results page and three decisions");
    for pair in requests.windows(2) {
        let gap = pair[1].at - pair[0].at;
        // The server sees a request slightly after the client starts it, by
        // a latency that varies: a little slack below 0.2 s.
        assert!(
            gap >= Duration::from_millis(170),
            "{gap:?} between {pair:?}"
        );
    }
}

#[test]
fn fetch_waits_as_a_429_retry_after_asks_then_succeeds() {
    let wd = Workdir::new();
    let limited = path_of("24 000 103");
    let path = limited.clone();
    let site = Site::with(move |p, nth| {
        (p == path && nth == 0)
            .then(|| Reply::Status(429, vec![("Retry-After", "1".into())], "slow down".into()))
    });
    let out = wd.path("decisions");
    fetch(&wd, &site, &out, &[]).expect_code(0);
    assert_eq!(saved(&out), all_files());
    let times: Vec<Instant> = site
        .requests()
        .iter()
        .filter(|r| r.path == limited)
        .map(|r| r.at)
        .collect();
    assert_eq!(times.len(), 2);
    assert!(
        times[1] - times[0] >= Duration::from_millis(950),
        "{:?}",
        times[1] - times[0]
    );
}

#[test]
fn fetch_retries_a_500_then_succeeds() {
    let wd = Workdir::new();
    let page = results_path("2024-01-01", "2024-01-31", 2);
    let path = page.clone();
    let site = Site::with(move |p, nth| {
        (p == path && nth == 0).then(|| Reply::Status(500, vec![], "oops".into()))
    });
    let out = wd.path("decisions");
    fetch(&wd, &site, &out, &[]).expect_code(0);
    assert_eq!(site.count(&page), 2);
    assert_eq!(saved(&out), all_files());
}

#[test]
fn fetch_reports_pages_that_keep_failing_and_saves_the_rest() {
    let wd = Workdir::new();
    let broken = path_of("24 000 105");
    let gone = path_of("24 000 106");
    let (b, g) = (broken.clone(), gone.clone());
    let site = Site::with(move |p, _| {
        if p == b {
            Some(Reply::Status(500, vec![], "oops".into()))
        } else if p == g {
            Some(Reply::Status(404, vec![], "gone".into()))
        } else {
            None
        }
    });
    let out = wd.path("decisions");
    let run = fetch(&wd, &site, &out, &["--retries", "2", "--json"]);
    run.expect_code(3);
    assert_eq!(site.count(&broken), 3, "the first try and two retries");
    assert_eq!(site.count(&gone), 1, "a 404 is not retried");
    let stderr = run.stderr();
    assert!(
        stderr.contains(&format!("{}: HTTP 500", site.url(&broken))),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{}: HTTP 404", site.url(&gone))),
        "{stderr}"
    );

    let summary = run.json();
    assert_eq!(summary["found"], 15);
    assert_eq!(summary["downloaded"], 13);
    let failed = summary["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 2, "{summary}");
    assert_eq!(failed[0]["reference"], "24 000 105");
    assert_eq!(failed[0]["url"], site.url(&broken));
    let reason = failed[0]["reason"].as_str().unwrap();
    assert!(
        reason.contains("HTTP 500") && reason.contains("3 attempts"),
        "{reason}"
    );
    assert_eq!(failed[1]["reference"], "24 000 106");

    let files = saved(&out);
    assert_eq!(files.len(), 13);
    assert!(!files.contains(&file_name("24 000 105")) && !files.contains(&file_name("24 000 106")));
    assert!(manifest(&out)
        .iter()
        .all(|l| l["reference"] != "24 000 105"));
}

#[test]
fn fetch_fails_loudly_on_a_results_page_without_a_result_count() {
    let wd = Workdir::new();
    let page = results_path("2024-02-01", "2024-02-29", 1);
    let path = page.clone();
    let site = Site::with(move |p, _| {
        (p == path).then(|| Reply::Page(fixture("unexpected-results.html")))
    });
    let out = wd.path("decisions");
    let run = fetch(&wd, &site, &out, &["--json"]);
    run.expect_code(3);
    let stderr = run.stderr();
    assert!(
        stderr.contains(&format!("{}: no result count", site.url(&page)))
            && stderr.contains("expected the line \"Your search has N results\""),
        "{stderr}"
    );
    let summary = run.json();
    assert_eq!(summary["failed"][0]["reference"], serde_json::Value::Null);
    assert_eq!(summary["failed"][0]["url"], site.url(&page));
    assert_eq!(saved(&out).len(), 12, "January is still fetched");
}

#[test]
fn fetch_fails_loudly_on_a_results_page_without_the_links_it_promises() {
    let wd = Workdir::new();
    let page = results_path("2024-01-01", "2024-01-31", 2);
    let path = page.clone();
    let site = Site::with(move |p, _| {
        (p == path).then(|| Reply::Page(results_page(12, "2024-01-01", "2024-01-31", &[])))
    });
    let out = wd.path("decisions");
    let run = fetch(&wd, &site, &out, &[]);
    run.expect_code(3);
    let stderr = run.stderr();
    assert!(
        stderr.contains("no decision links on results page 2 of 2 (12 results)")
            && stderr
                .contains("expected links to /decisions/<category>/<subcategory>/<yy-nnn-nnn>"),
        "{stderr}"
    );
    assert!(stderr.contains("1 failed"), "{stderr}");
    assert_eq!(
        saved(&out).len(),
        3,
        "only February: January's window failed"
    );
}

#[test]
fn fetch_gives_up_on_a_slow_answer_after_the_timeout_and_retries() {
    let wd = Workdir::new();
    let slow_once = path_of("24 000 201");
    let always_slow = path_of("24 000 202");
    let (once, always) = (slow_once.clone(), always_slow.clone());
    let site = Site::with(move |p, nth| {
        let slow = Reply::Slow(Duration::from_secs(3), "late".into());
        ((p == once && nth == 0) || p == always).then_some(slow)
    });
    let out = wd.path("decisions");
    let run = fetch(
        &wd,
        &site,
        &out,
        &["--from", "2024-02-01", "--timeout", "0.5", "--retries", "1"],
    );
    run.expect_code(3);
    assert_eq!(site.count(&slow_once), 2);
    assert_eq!(site.count(&always_slow), 2);
    assert_eq!(
        saved(&out),
        [file_name("16 004 321"), file_name("24 000 201")]
    );
    let stderr = run.stderr();
    assert!(
        stderr.contains(&format!(
            "{}: no complete answer within 0.5s (--timeout) (2 attempts)",
            site.url(&always_slow)
        )),
        "{stderr}"
    );
}

#[test]
fn fetch_refuses_a_decision_page_without_its_reference() {
    let wd = Workdir::new();
    let moved = path_of("24 000 107");
    let path = moved.clone();
    let site = Site::with(move |p, _| (p == path).then(|| Reply::Page(fixture("not-found.html"))));
    let out = wd.path("decisions");
    let run = fetch(&wd, &site, &out, &[]);
    run.expect_code(3);
    let stderr = run.stderr();
    assert!(
        stderr.contains(&format!(
            "{}: page has no decision reference",
            site.url(&moved)
        )) && stderr.contains("expected \"24 000 107\" in its title"),
        "{stderr}"
    );
    assert!(!saved(&out).contains(&file_name("24 000 107")));
    assert_eq!(saved(&out).len(), 14);
}

#[test]
fn fetch_checks_its_flags_before_any_request() {
    let wd = Workdir::new();
    let site = Site::start();
    let out = wd.path("decisions");
    let run = fetch(&wd, &site, &out, &["--from", "2024-03-01"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("--from 2024-03-01 is after --to 2024-02-29"),
        "{}",
        run.describe()
    );
    let run = fetch(&wd, &site, &out, &["--delay=-1"]);
    run.expect_code(2);
    assert!(run.stderr().contains("--delay: -1"), "{}", run.describe());
    assert!(site.requests().is_empty());
    assert!(!out.exists());
}

#[test]
fn fetch_ingest_indexes_the_pages_with_their_urls_and_then_only_what_is_new() {
    let wd = Workdir::new();
    let site = Site::start();
    let out = wd.path("decisions");
    let run = fetch(&wd, &site, &out, &["--ingest", "--json"]);
    run.expect_code(0);
    // Two JSON lines: the fetch summary, then ingest's report.
    let lines = run.json_lines();
    assert_eq!(lines.len(), 2, "{}", run.describe());
    assert_eq!(lines[0]["downloaded"], 15);
    assert_eq!(lines[1]["decisions_indexed"], 15, "{}", run.describe());
    assert_eq!(
        lines[1]["files_seen"], 15,
        "the manifest is not a decision file"
    );

    // Every decision is searchable and cites the page it came from.
    let rows = wd.run(&["export", "--format", "jsonl"]).json_lines();
    assert_eq!(rows.len(), 15);
    for row in &rows {
        let reference = row["reference"].as_str().unwrap().to_lowercase();
        // The page's canonical link (the public website) wins over the
        // address it was fetched from, which the manifest keeps.
        let url = row["url"].as_str().unwrap_or_default();
        assert!(url.ends_with(&path_of(&reference)), "{row}");
        assert!(url.starts_with("http"), "{row}");
    }

    // Next month's run: nothing new to download, nothing to read again.
    let again = fetch(&wd, &site, &out, &["--ingest", "--json"]);
    again.expect_code(0);
    let lines = again.json_lines();
    assert_eq!(lines[0]["downloaded"], 0);
    assert_eq!(lines[1]["decisions_indexed"], 0, "{}", again.describe());
    assert_eq!(lines[1]["unchanged_files"], 15);
}
