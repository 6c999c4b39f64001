//! `ombuds serve` in a real browser: headless Chromium driven over WebDriver
//! (chromedriver, from Rust with fantoccini) through a search, a facet
//! click, a decision with its payment sentence marked, the statistics page
//! and a CSV download. Screenshots of each page go to
//! `target/browser-screenshots/`.
//!
//! Needs the Debian packages `chromium` and `chromium-driver` (`.ci/run`
//! installs them and sets `OMBUDS_REQUIRE_BROWSER=1`). Without chromedriver
//! the test fails saying so when `OMBUDS_REQUIRE_BROWSER=1`; otherwise (a
//! newcomer's first `cargo test`) it says on stderr that it was skipped and
//! how to install what it needs. `OMBUDS_SKIP_BROWSER=1` always skips it.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

use super::serve::{served_workdir, Server, PAYMENT_SENTENCE};

/// The flags Chromium needs here: headless, no sandbox (CI runs as root),
/// and none of the background traffic it would wait on with no network.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
];

/// A program on PATH.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// A running chromedriver, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: cannot start: {e}", program.display()));
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while ureq::get(&format!("{}/status", driver.url)).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver never answered");
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn screenshots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(screenshots().join(format!("{name}.png")), png).expect("writing screenshot");
}

#[test]
fn serve_works_in_a_real_browser() {
    if std::env::var("OMBUDS_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("OMBUDS_SKIP_BROWSER=1: the browser test is skipped");
        return;
    }
    let Some(chromedriver) = on_path("chromedriver") else {
        let missing = "chromedriver is not installed: the browser test needs it \
                       (Debian: apt-get install chromium chromium-driver)";
        if std::env::var("OMBUDS_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("{missing}; OMBUDS_REQUIRE_BROWSER=1 asks for it");
        }
        eprintln!("SKIPPED serve_works_in_a_real_browser: {missing}; `bash .ci/run` installs it");
        return;
    };
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(on_path)
        .expect("chromedriver is installed but no chromium: apt-get install chromium");
    let wd = served_workdir();
    let server = Server::start(&wd);
    let driver = Driver::start(&chromedriver);
    let profile = tempfile::tempdir().expect("a browser profile folder");

    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|f| f.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": chromium, "args": args }),
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let csv_href = runtime.block_on(async {
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .expect("a WebDriver session");
        let walk = tokio::spawn(walk_through(client.clone(), server.url.clone())).await;
        // Close the browser whatever happened: a failed check must not
        // leave Chromium running after chromedriver is gone.
        let _ = client.close().await;
        match walk {
            Ok(href) => href,
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            Err(e) => panic!("the browser walk-through was cancelled: {e}"),
        }
    });

    // The download link gives exactly what the CLI prints for that table.
    let downloaded = server.ok(&csv_href);
    let run = wd.run(&[
        "stats",
        "payments",
        "--histogram",
        "delay",
        "--category",
        "Children's care services",
        "--min-count",
        "5",
        "--format",
        "csv",
    ]);
    run.expect_code(0);
    assert_eq!(downloaded, run.stdout(), "{csv_href}");
    drop(driver);
}

/// Waits for the page a click leads to, known by an element only it has: a
/// click that submits a form or follows a link can return before the new
/// page is there.
async fn arrived(client: &Client, css: &str) {
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css} after the click: {e}"));
}

/// The clicks a person makes; returns the first CSV link of the statistics
/// page (a path).
async fn walk_through(client: Client, base: String) -> String {
    let (client, base) = (&client, base.as_str());
    client.goto(base).await.expect("the search page loads");
    let query = client
        .find(Locator::Css("input[name=q]"))
        .await
        .expect("a query box");
    query.send_keys("delay").await.expect("typing");
    client
        .find(Locator::Css("form.search button[type=submit]"))
        .await
        .expect("a search button")
        .click()
        .await
        .expect("searching");
    arrived(client, "input[name=q][value=delay]").await;
    let url = client.current_url().await.expect("url");
    assert!(url.as_str().contains("q=delay"), "{url}");

    // A facet click adds its filter to the URL and marks the value chosen.
    client
        .find(Locator::XPath(
            "//aside//a[normalize-space()=\"Children's care services\"]",
        ))
        .await
        .expect("a category facet")
        .click()
        .await
        .expect("clicking the facet");
    arrived(client, ".facets a.on").await;
    let url = client.current_url().await.expect("url");
    assert!(url.as_str().contains("category=Children"), "{url}");
    let chosen = client
        .find(Locator::Css(".facets a.on"))
        .await
        .expect("the chosen facet");
    assert_eq!(
        chosen.text().await.expect("text"),
        "Children's care services"
    );
    screenshot(client, "search").await;
    client.set_window_size(390, 844).await.expect("phone width");
    screenshot(client, "search-phone").await;
    client
        .set_window_size(1280, 1000)
        .await
        .expect("desktop width");

    // The hostile decision: its markup stays text, its payment is marked.
    client
        .goto(&format!("{base}?q=onerror"))
        .await
        .expect("searching for the hostile decision");
    client
        .find(Locator::XPath(
            "//div[@class='hit']/a[normalize-space()='24 000 001']",
        ))
        .await
        .expect("the hostile decision among the hits")
        .click()
        .await
        .expect("opening the decision");
    arrived(client, "mark.payment").await;
    let url = client.current_url().await.expect("url");
    assert!(url.path().ends_with("/decision/24-000-001"), "{url}");
    let mark = client
        .find(Locator::Css("mark.payment"))
        .await
        .expect("a marked payment sentence");
    assert_eq!(mark.text().await.expect("text"), PAYMENT_SENTENCE);
    let scripts = client
        .execute(
            "return document.querySelectorAll('script, img').length",
            vec![],
        )
        .await
        .expect("counting elements");
    assert_eq!(scripts, serde_json::json!(0), "decision text became markup");
    let text = client
        .find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text");
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    screenshot(client, "decision").await;

    // Back to the searches, as the browser's back button does.
    client.back().await.expect("going back");
    let url = client.current_url().await.expect("url");
    assert!(url.as_str().ends_with("?q=onerror"), "{url}");
    client.back().await.expect("going back again");
    let url = client.current_url().await.expect("url");
    assert!(url.as_str().contains("category=Children"), "{url}");

    client
        .find(Locator::LinkText("Statistics for these decisions"))
        .await
        .expect("a statistics link")
        .click()
        .await
        .expect("opening statistics");
    arrived(client, ".chart svg").await;
    let url = client.current_url().await.expect("url");
    assert!(url.path().ends_with("/stats"), "{url}");
    assert!(
        client.find(Locator::Css(".chart svg")).await.is_ok(),
        "no chart"
    );
    screenshot(client, "stats").await;
    let link = client
        .find(Locator::Css("#payments a[href^='/stats.csv']"))
        .await
        .expect("a CSV download link");
    link.attr("href")
        .await
        .expect("href")
        .expect("the link has an href")
}
