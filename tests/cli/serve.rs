//! `ombuds serve`: the real binary on a free loopback port, over an index of
//! `corpus/` plus a decision full of markup, checked with a plain HTTP
//! client: status codes, facet counts and downloads against the CLI's own
//! output, escaping, errors in words, and a new ingest seen without a
//! restart.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::Workdir;

/// A decision whose text, category and summary carry markup that must reach
/// the page as text.
pub const HOSTILE: &str = r#"Hostile Borough Council (24 000 001)

Category : Education > "><img src=x onerror=alert(1)>

Decision : Upheld

Decision date : 05 Oct 2024

The Ombudsman's final decision:

Summary: Mr <script>alert(1)</script> complained about delay. There was fault. The Council should apologise and pay Mr X £300 to acknowledge the distress caused.

The complaint

  1. Mr X complained that the Council delayed "><img src=x onerror=alert(1)> his assessment <script>alert(1)</script>.

Agreed action

  1. Within one month the Council should apologise and pay Mr X £300 to acknowledge the distress caused.

Final decision

  1. I have completed my investigation.
"#;

/// The sentence of the hostile decision's payment.
pub const PAYMENT_SENTENCE: &str =
    "Within one month the Council should apologise and pay Mr X £300 to acknowledge the distress caused.";

/// A running `ombuds serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// The printed URL, ending in `/`.
    pub url: String,
}

impl Server {
    /// Starts `ombuds serve --port 0` on the work dir's index and waits for
    /// the URL it prints.
    pub fn start(wd: &Workdir) -> Server {
        let mut child = Command::cargo_bin("ombuds")
            .expect("binary built")
            .args(["serve", "--port", "0", "--index"])
            .arg(wd.index())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("ombuds serve starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("reading the URL line");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| {
                let _ = child.kill();
                panic!("no loopback URL in {line:?}")
            })
            .to_string();
        Server { child, url }
    }

    /// GET `path`: the status and the body.
    pub fn get(&self, path: &str) -> (u16, String) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let url = format!("{}{}", self.url.trim_end_matches('/'), path);
        let mut response = agent
            .get(&url)
            .call()
            .unwrap_or_else(|e| panic!("GET {url}: {e}"));
        let status = response.status().as_u16();
        let body = response
            .body_mut()
            .read_to_string()
            .unwrap_or_else(|e| panic!("GET {url}: body: {e}"));
        (status, body)
    }

    /// GET `path`, which must answer 200.
    pub fn ok(&self, path: &str) -> String {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "GET {path}\n{body}");
        body
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A work dir whose index holds the corpus and the hostile decision.
pub fn served_workdir() -> Workdir {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let hostile = wd.write("extra/hostile.txt", HOSTILE);
    wd.run(&["ingest", hostile.to_str().unwrap()])
        .expect_code(0);
    wd
}

/// The facets of a search page: title -> (label, count) in page order.
fn facets(html: &str) -> Vec<(String, Vec<(String, usize)>)> {
    let page = scraper::Html::parse_document(html);
    let css = |s: &str| scraper::Selector::parse(s).expect("selector");
    let text = |e: scraper::ElementRef| e.text().collect::<String>().trim().to_string();
    page.select(&css(".facets section"))
        .map(|section| {
            let title = section
                .select(&css("h3"))
                .next()
                .map(text)
                .unwrap_or_default();
            let values = section
                .select(&css("li"))
                .map(|li| {
                    let label = li.select(&css("a, span:not(.count)")).next().map(text);
                    let count = li.select(&css(".count")).next().map(text);
                    (
                        label.unwrap_or_default(),
                        count.and_then(|c| c.parse().ok()).expect("a count"),
                    )
                })
                .collect();
            (title, values)
        })
        .collect()
}

fn facet(html: &str, title: &str) -> Vec<(String, usize)> {
    facets(html)
        .into_iter()
        .find(|(t, _)| t == title)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no facet {title}"))
}

#[test]
fn serve_pages_answer_with_their_status_and_errors_in_words() {
    let wd = served_workdir();
    let server = Server::start(&wd);
    let home = server.ok("/");
    assert!(home.contains("<meta name=\"viewport\""), "{home}");
    assert!(server
        .ok("/?q=delay&sort=date")
        .contains("/decision/23-002-683"));
    assert!(server
        .ok("/decision/23-002-683")
        .contains("Barnsley Metropolitan Borough Council"));
    assert!(server.ok("/decision/23%20002%20683").contains("Barnsley"));
    assert!(server.ok("/stats").contains("<svg"));
    // The query language of `ombuds search --help`, word for word.
    assert!(server.ok("/help").contains("Query language (QUERY"));
    assert!(server.ok("/style.css").contains("@media"));

    let (status, body) = server.get("/decision/99-999-999");
    assert_eq!(status, 404);
    assert!(body.contains("There is no decision 99 999 999"), "{body}");
    assert_eq!(server.get("/decision/not-a-reference").0, 404);
    assert_eq!(server.get("/no/such/page").0, 404);

    let (status, body) = server.get("/?q=%28%28%28delay");
    assert_eq!(status, 400);
    assert!(
        body.contains("query &#39;(((delay&#39;") || body.contains("query '((("),
        "{body}"
    );
    // The CLI's own words, saying what is wrong and where.
    assert!(
        body.contains("unbalanced parenthesis: the ( at character 1 is never closed"),
        "{body}"
    );
    let (status, body) = server.get("/?from=2024-02-30");
    assert_eq!(status, 400);
    assert!(
        body.contains("--from: &#39;2024-02-30&#39; is not a valid date")
            || body.contains("--from: '2024-02-30' is not a valid date"),
        "{body}"
    );
    let (status, body) = server.get("/stats?fault=delay&min_count=x");
    assert_eq!(status, 400, "{body}");
    let (status, body) = server.get("/stats.csv?table=nope");
    assert_eq!(status, 400);
    assert!(body.contains("is not a table"), "{body}");

    // Read-only: nothing but GET is routed.
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let posted = agent.post(&server.url).send("x").expect("POST answered");
    assert_eq!(posted.status().as_u16(), 405);
    // A query past the query length limit is refused, not run.
    let long = "a+".repeat(ombuds::query::MAX_QUERY_BYTES / 2 + 10);
    let (status, body) = server.get(&format!("/?q={long}"));
    assert_eq!(status, 400);
    assert!(body.contains("too long"), "{body}");
    let longer = "a".repeat(ombuds::serve::MAX_URI_BYTES + 1);
    assert_eq!(server.get(&format!("/?q={longer}")).0, 414);
}

#[test]
fn serve_facet_counts_equal_stats_for_the_same_filters() {
    let wd = served_workdir();
    let server = Server::start(&wd);
    let html = server.ok("/?q=council&fault=delay");
    let cli = |what: &str, by: &[&str]| {
        let mut args = vec![
            "stats", what, "council", "--fault", "delay", "--format", "json",
        ];
        if !by.is_empty() {
            args.extend(["--by", by[0]]);
        }
        let run = wd.run(&args);
        run.expect_code(0);
        run.json()
    };
    let grouped = |report: &serde_json::Value, field: &str| -> Vec<(String, usize)> {
        report["groups"]
            .as_array()
            .expect("groups")
            .iter()
            .map(|g| {
                (
                    g["key"][field].as_str().expect("key").to_string(),
                    g["n_decisions"].as_u64().expect("n") as usize,
                )
            })
            .collect()
    };
    let counted = |report: &serde_json::Value| -> Vec<(String, usize)> {
        report["counts"]
            .as_array()
            .expect("counts")
            .iter()
            .map(|c| {
                (
                    c["value"].as_str().expect("value").to_string(),
                    c["count"].as_u64().expect("count") as usize,
                )
            })
            .collect()
    };
    let by_organisation = cli("outcomes", &["organisation"]);
    assert!(by_organisation["n_decisions"].as_u64().unwrap() >= 2);
    assert!(html.contains(&format!(
        "<strong>{}</strong> decisions match",
        by_organisation["n_decisions"]
    )));
    assert_eq!(
        facet(&html, "Organisation"),
        grouped(&by_organisation, "organisation")
    );
    assert_eq!(facet(&html, "Outcome"), counted(&by_organisation));
    assert_eq!(
        facet(&html, "Category"),
        grouped(&cli("outcomes", &["category"]), "category")
    );
    assert_eq!(facet(&html, "Fault kind"), counted(&cli("faults", &[])));
    assert_eq!(facet(&html, "Remedy kind"), counted(&cli("remedies", &[])));
    let mut years = grouped(&cli("outcomes", &["year"]), "year");
    years.sort_by(|a, b| b.0.cmp(&a.0));
    assert_eq!(facet(&html, "Year"), years);

    // A facet link adds its filter; the same link on the next page removes it.
    let upheld = "/?q=council&amp;outcome=Upheld&amp;fault=delay";
    assert!(html.contains(upheld), "{html}");
    let chosen = server.ok("/?q=council&fault=delay&outcome=Upheld");
    assert!(
        chosen.contains("class=\"on\" href=\"/?q=council&amp;fault=delay\""),
        "{chosen}"
    );
}

#[test]
fn serve_facet_counts_equal_values_for_the_same_filters() {
    let wd = served_workdir();
    let server = Server::start(&wd);
    let html = server.ok("/?q=council&fault=delay");
    // `ombuds values FIELD` for the page's query and filters, listed as the
    // page lists them: the decisions with no value as a row labelled as
    // stats labels them (where the facet has such a row), by count then label.
    let values = |field: &str, missing: Option<&str>| -> Vec<(String, usize)> {
        let run = wd.run(&[
            "values", field, "council", "--fault", "delay", "--format", "json",
        ]);
        run.expect_code(0);
        let json = run.json();
        assert_eq!(json["field"], field);
        let mut rows: Vec<(String, usize)> = json["values"]
            .as_array()
            .expect("values")
            .iter()
            .map(|v| {
                (
                    v["value"].as_str().expect("value").to_string(),
                    v["decisions"].as_u64().expect("decisions") as usize,
                )
            })
            .collect();
        let n_missing = json["missing_decisions"].as_u64().expect("missing") as usize;
        if let Some(label) = missing.filter(|_| n_missing > 0) {
            rows.push((label.to_string(), n_missing));
        }
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows
    };
    for (title, field, missing) in [
        ("Outcome", "outcome", Some("(no outcome line)")),
        ("Finding", "finding", None),
        ("Category", "category", Some("(none)")),
        ("Fault kind", "fault", None),
        ("Remedy kind", "remedy", None),
        ("Payment purpose", "purpose", Some("(none)")),
        ("Organisation", "organisation", Some("(none)")),
    ] {
        let listed = values(field, missing);
        assert!(!listed.is_empty(), "{field}");
        assert_eq!(facet(&html, title), listed, "{title}");
    }
    let mut years = values("year", Some("(none)"));
    years.sort_by(|a, b| b.0.cmp(&a.0));
    assert_eq!(facet(&html, "Year"), years);
}

#[test]
fn serve_downloads_are_the_cli_output_for_the_same_request() {
    let wd = served_workdir();
    let server = Server::start(&wd);
    let cases = [
        ("payments_by_year", vec!["payments", "--by", "year"]),
        ("payments_by_purpose", vec!["payments", "--purpose"]),
        ("outcomes_by_year", vec!["outcomes", "--by", "year"]),
        ("faults_by_remedy", vec!["faults", "--cross"]),
        ("payments", vec!["payments", "--histogram"]),
    ];
    for (table, args) in cases {
        for format in ["csv", "json"] {
            let path =
                format!("/stats.{format}?q=council&outcome=Upheld&min_count=2&table={table}");
            let served = server.ok(&path);
            let mut cli = vec!["stats"];
            cli.extend(&args);
            cli.extend([
                "council",
                "--outcome",
                "Upheld",
                "--min-count",
                "2",
                "--format",
                format,
            ]);
            let run = wd.run(&cli);
            run.expect_code(0);
            assert_eq!(served, run.stdout(), "{path} differs from ombuds {cli:?}");
        }
    }
    // The largest amount, which has no flag, is the query clause the CLI takes.
    let served = server.ok("/stats.csv?q=council&max_amount=350&min_count=1&table=payments");
    let run = wd.run(&[
        "stats",
        "payments",
        "--histogram",
        "(council) AND agreed_total:<=350",
        "--min-count",
        "1",
        "--format",
        "csv",
    ]);
    run.expect_code(0);
    assert_eq!(served, run.stdout());
    let cheap = server.ok("/?q=council&max_amount=350");
    assert!(!cheap.contains("agreed £400"), "{cheap}");
    assert!(cheap.contains("agreed £300"), "{cheap}");

    // The page links to those downloads and shows the command behind them.
    let page = server.ok("/stats?q=council&outcome=Upheld&min_count=2");
    assert!(page.contains(
        "href=\"/stats.csv?q=council&amp;outcome=Upheld&amp;min_count=2&amp;table=payments_by_year\""
    ), "{page}");
    assert!(page.contains(
        "ombuds stats payments --by year council --outcome Upheld --min-count 2 --format csv"
    ));
}

#[test]
fn serve_shows_hostile_text_as_text() {
    let wd = served_workdir();
    let server = Server::start(&wd);
    let pages = [
        server.ok("/decision/24-000-001"),
        server.ok("/?q=alert"),
        server.ok("/?q=onerror&category=Education"),
        server.ok("/stats?min_count=1"),
        server.ok("/stats?category=Education&min_count=1"),
    ];
    for html in &pages {
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("onerror=alert(1)>"), "{html}");
    }
    let decision = &pages[0];
    assert!(
        decision.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{decision}"
    );
    assert!(
        decision.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "{decision}"
    );
    // The payment's sentence is marked where it stands in the text.
    assert!(
        decision.contains(&format!(
            "<mark id=\"payment-0\" class=\"payment\">{PAYMENT_SENTENCE}</mark>"
        )),
        "{decision}"
    );
    assert!(pages[1].contains("<mark>alert</mark>"), "{}", pages[1]);
}

#[test]
fn serve_sees_a_new_ingest_without_a_restart() {
    let wd = Workdir::new();
    wd.ingest_corpus();
    let server = Server::start(&wd);
    assert_eq!(server.get("/decision/24-000-001").0, 404);
    // Pages are kept per commit: these must not outlive the next one.
    assert!(!server.ok("/?q=onerror").contains("/decision/24-000-001"));
    let stats_before = server.ok("/stats?min_count=1");
    let hostile = wd.write("extra/hostile.txt", HOSTILE);
    wd.run(&["ingest", hostile.to_str().unwrap()])
        .expect_code(0);
    // tantivy's reader notices the commit within a second or so; the
    // deadline only catches a server that never does.
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.get("/decision/24-000-001").0 != 200 {
        assert!(
            Instant::now() < deadline,
            "the new decision never showed up"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(server.ok("/?q=onerror").contains("/decision/24-000-001"));
    assert_ne!(server.ok("/stats?min_count=1"), stats_before);
    // A rebuild swaps another directory into place: the server follows it.
    wd.run(&["ingest", wd.path("extra").to_str().unwrap(), "--rebuild"])
        .expect_code(0);
    while server.get("/decision/23-002-683").0 != 404 {
        assert!(
            Instant::now() < deadline,
            "the rebuilt index never showed up"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(server.get("/decision/24-000-001").0, 200);
}
