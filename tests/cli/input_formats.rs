//! Input formats: a decision saved as a web page or scraped into JSON reads
//! as it does from text, and every decision keeps the URL its input gave.
//!
//! `tests/fixtures/input/23-002-683.html` is the corpus decision
//! `000_23011206abbaafad.txt` laid out as an LGSCO decision page (article,
//! label/value pairs, numbered paragraphs, nav, scripts, a cookie form);
//! `17-004-455.html` is a page in the older (2016-17) layout.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::common::{corpus, Workdir};

const CANONICAL: &str =
    "https://www.lgo.org.uk/decisions/childrens-care-services/looked-after-children/23-002-683";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/input")
        .join(name)
}

fn corpus_text() -> String {
    std::fs::read_to_string(corpus().join("000_23011206abbaafad.txt")).expect("corpus sample")
}

/// The corpus decision as a scraper writes it: no title line, each header
/// label and value on lines of their own, the rest in the record's keys.
fn scraped_record(url: &str) -> Value {
    let text = corpus_text();
    let body = text
        .lines()
        .skip(1)
        .map(|line| match line {
            "Category : Children's care services > Looked after children" => {
                "Category :\nChildren's care services\n>\nLooked after children".to_string()
            }
            "Decision : Upheld" => "Decision :\nUpheld".to_string(),
            "Decision date : 05 Oct 2023" => "Decision date :\n05 Oct 2023".to_string(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        body.contains("Category :\nChildren's care services\n>\n"),
        "sample changed"
    );
    json!({
        "case_id": "23 002 683",
        "title": "Barnsley Metropolitan Borough Council (23 002 683)",
        "text": body,
        "date": "2023-10-05",
        "authority": null,
        "category": "Children's care services",
        "subcategory": "Looked after children",
        "outcome": "Upheld",
        "url": url,
    })
}

/// `show --json` of the one decision, after ingesting `path` alone.
fn ingested(wd: &Workdir, path: &str) -> Value {
    let run = wd.run(&["ingest", path, "--json"]);
    run.expect_code(0);
    assert_eq!(run.json()["skipped"], json!([]), "{}", run.describe());
    let shown = wd.run(&["show", "23 002 683", "--json"]);
    shown.expect_code(0);
    shown.json()
}

fn without(mut record: Value, keys: &[&str]) -> Value {
    for key in keys {
        record.as_object_mut().expect("object").remove(*key);
    }
    record
}

#[test]
fn input_formats_the_same_decision_reads_alike_as_text_page_and_json_record() {
    let wd = Workdir::new();
    let txt = wd.write("forms/decision.txt", corpus_text());
    let html = wd.path("forms/23-002-683.html");
    std::fs::copy(fixture("23-002-683.html"), &html).unwrap();
    let record_url = "https://www.lgo.org.uk/decisions/x/y/23-002-683";
    let jsonl = wd.write(
        "forms/scrape.jsonl",
        format!("{}\n", scraped_record(record_url)),
    );

    // One index: each ingest replaces the decision by its reference.
    let from_text = ingested(&wd, txt.to_str().unwrap());
    let from_page = ingested(&wd, html.to_str().unwrap());
    let from_record = ingested(&wd, jsonl.to_str().unwrap());

    assert_eq!(from_text["url"], Value::Null);
    assert_eq!(from_page["url"], CANONICAL);
    assert_eq!(from_record["url"], record_url);
    assert_eq!(
        from_record["source"],
        format!("{}:1", jsonl.to_str().unwrap())
    );
    assert!(from_text["agreed_total"].as_f64().unwrap() > 0.0);
    let same = |v: &Value| without(v.clone(), &["source", "url"]);
    assert_eq!(same(&from_page), same(&from_text));
    assert_eq!(same(&from_record), same(&from_text));

    // The last one ingested is the one the other outputs name, url and all.
    let shown = wd.run(&["show", "23 002 683"]).stdout();
    assert!(
        shown
            .lines()
            .any(|l| l.trim() == format!("URL:                {record_url}")),
        "{shown}"
    );
    let export = wd.run(&["export", "--format", "jsonl"]).json_lines();
    assert_eq!(export.len(), 1);
    assert_eq!(export[0]["url"], record_url);
    let hits = wd
        .run(&["search", "recommendations", "--format", "csv"])
        .csv();
    let url_column = hits[0].iter().position(|c| c == "url").expect("url column");
    assert_eq!(hits[1][url_column], record_url);
}

#[test]
fn input_formats_a_folder_of_pages_takes_urls_from_og_url_and_fetchs_manifest() {
    let wd = Workdir::new();
    let folder = wd.path("decisions");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(fixture("17-004-455.html"), folder.join("17-004-455.HTM")).unwrap();
    // A page saved without its head: only the manifest knows its address.
    let bare = "<html><body><article id=\"article\"><h1>Some Council (24 011 791)</h1>\
        <p>Summary: Mr Z complained.</p><h2>Final decision</h2><p>We will not investigate.</p>\
        </article></body></html>";
    std::fs::write(folder.join("24-011-791.html"), bare).unwrap();
    std::fs::write(
        folder.join("manifest.jsonl"),
        "{\"reference\":\"24 011 791\",\"file\":\"24-011-791.html\",\"url\":\"https://www.lgo.org.uk/decisions/a/b/24-011-791\",\"fetched\":\"2024-03-01T10:00:00Z\"}\n",
    )
    .unwrap();

    let run = wd.run(&["ingest", folder.to_str().unwrap(), "--json"]);
    run.expect_code(0);
    let report = run.json();
    // The manifest is not a decision file, nor a skipped one.
    assert_eq!(report["files_seen"], 2, "{}", run.describe());
    assert_eq!(report["decisions_indexed"], 2);
    let url = |reference: &str| wd.run(&["show", reference, "--json"]).json()["url"].clone();
    assert_eq!(
        url("17 004 455"),
        "https://www.lgo.org.uk/decisions/housing/allocations/17-004-455"
    );
    assert_eq!(
        url("24 011 791"),
        "https://www.lgo.org.uk/decisions/a/b/24-011-791"
    );
}

#[test]
fn input_formats_a_bad_jsonl_line_is_named_and_the_other_records_are_indexed() {
    let wd = Workdir::new();
    let good = |reference: &str, outcome: &str| {
        json!({
            "reference": reference,
            "title": format!("Some Council ({reference})"),
            "body": "Decision : Upheld\nSummary: Mr X complained.\nFinal decision\nI found fault.",
            "decision": outcome,
        })
        .to_string()
    };
    let lines = [
        good("23 000 001", "Upheld"),
        "{\"reference\": \"23 000 002\", \"text\": ".to_string(),
        good("23 000 003", "Not upheld"),
        "{\"title\": \"no text here\"}".to_string(),
    ];
    let path = wd.write("scrape.jsonl", lines.join("\n"));
    let name = path.to_str().unwrap();
    let run = wd.run(&["ingest", name, "--json"]);
    run.expect_code(3);
    let report = run.json();
    assert_eq!(report["decisions_indexed"], 2, "{}", run.describe());
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 2);
    assert_eq!(skipped[0]["path"], format!("{name}:2"));
    assert_eq!(skipped[0]["kind"], "bad_record");
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("line 2 is not valid JSON"),
        "{}",
        skipped[0]
    );
    assert_eq!(skipped[1]["path"], format!("{name}:4"));
    assert!(run
        .stderr()
        .contains(&format!("skipped {name}:2: line 2 is not valid JSON")));
    assert_eq!(wd.run(&["show", "23 000 001"]).code(), 0);
    // The text says Upheld where the record says Not upheld: the text wins, with a warning.
    let third = wd.run(&["show", "23 000 003", "--json"]).json();
    assert_eq!(third["outcome"], "Upheld");
    assert_eq!(third["source"], format!("{name}:3"));
    let warning =
        "the record's outcome 'Not upheld' differs from the text's 'Upheld': the text's is kept";
    assert!(
        third["warnings"]
            .as_array()
            .unwrap()
            .contains(&json!(warning)),
        "{third}"
    );
    assert!(run.stderr().contains(warning), "{}", run.describe());
}

#[test]
fn input_formats_a_json_array_is_one_decision_per_record() {
    let wd = Workdir::new();
    let records = json!([
        {"case_id": "23 000 011", "content": "Summary: Mrs A complained.", "council": "North Council"},
        {"case_id": "23 000 012", "decision_text": "Summary: Mr B complained.", "organization": "South Council",
         "decision_date": "05 Oct 2023", "link": "https://x.test/12"},
    ]);
    let path = wd.write("scrape.json", records.to_string());
    let run = wd.run(&["parse", path.to_str().unwrap(), "--format", "jsonl"]);
    let parsed = run.json_lines();
    assert_eq!(parsed.len(), 2, "{}", run.describe());
    assert_eq!(parsed[0]["organisation"], "North Council");
    assert_eq!(parsed[0]["url"], Value::Null);
    assert_eq!(parsed[1]["source"], format!("{}#2", path.to_str().unwrap()));
    assert_eq!(parsed[1]["decision_date"], "2023-10-05");
    assert_eq!(parsed[1]["url"], "https://x.test/12");
}

#[test]
fn input_formats_scripts_navigation_and_forms_are_not_decision_text() {
    let wd = Workdir::new();
    let page = fixture("23-002-683.html");
    let run = wd.run(&["parse", page.to_str().unwrap(), "--format", "jsonl"]);
    run.expect_code(0);
    let record = run.json();
    let text = format!("{} {}", record["summary"], record["sections"]);
    for furniture in [
        "a script is not the decision",
        "dataLayer",
        "trackPage",
        "Make a complaint",
        "Search decisions",
        "Review your privacy settings",
        "Back to top",
        "Print this page",
        "PO Box",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} read as text");
    }
    assert!(text.contains("Miss X complained the Council has not completed"));
}

#[test]
fn input_formats_the_older_page_layout_gives_its_sections_and_finding() {
    let wd = Workdir::new();
    let page = fixture("17-004-455.html");
    let run = wd.run(&["parse", page.to_str().unwrap(), "--format", "jsonl"]);
    run.expect_code(0);
    let record = run.json();
    let kinds: Vec<&str> = record["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["complaint", "findings", "agreed_action"]);
    assert_eq!(
        record["summary"],
        "Ms Y complained the Council wrongly assessed her housing application and placed her in the wrong band."
    );
    assert_eq!(record["finding"], "fault_injustice");
    assert_eq!(record["decision_date"], "2017-09-11");
    assert_eq!(record["agreed_total"], 150.0);
    assert_eq!(record["warnings"], json!([]));
}

#[test]
fn input_formats_a_json_record_with_mojibake_is_repaired_as_a_text_file_is() {
    // A scraper that decoded UTF-8 pages as Windows-1252: `Â£` for `£`.
    let wd = Workdir::new();
    let text = "North Council (23 000 021)\n\nSummary: The Councilâ€™s delay was fault. \
                The Council has agreed to pay Mrs A Â£1,600, based on Â£400 for each \
                month, and Â£250 for her distress.";
    let path = wd.write("scrape.jsonl", json!({ "text": text }).to_string());
    let run = wd.run(&["parse", path.to_str().unwrap(), "--format", "jsonl"]);
    let parsed = run.json_lines();
    assert_eq!(parsed.len(), 1, "{}", run.describe());
    let payments: Vec<(f64, String)> = parsed[0]["payments"]
        .as_array()
        .expect("payments")
        .iter()
        .map(|p| {
            (
                p["amount"].as_f64().unwrap(),
                p["role"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // The rate after its sum is how the sum was worked out, which the
    // stray `Â` before its `£` used to hide.
    assert_eq!(
        payments,
        [
            (1600.0, "agreed".into()),
            (400.0, "other".into()),
            (250.0, "agreed".into())
        ],
        "{}",
        run.describe()
    );
    let sentence = parsed[0]["payments"][0]["sentence"].as_str().unwrap();
    assert!(sentence.contains("Mrs A £1,600"), "{sentence}");
    let warnings = parsed[0]["warnings"].to_string();
    assert!(warnings.contains("mojibake"), "{warnings}");
}

#[test]
fn input_formats_a_json_record_whose_pound_signs_were_lost_has_its_amounts_and_a_warning() {
    // A scraper that lost the `£` signs: U+FFFD stands before each number.
    let wd = Workdir::new();
    let text = "North Council (23 000 022)\n\nSummary: The Council was at fault. \
                It has agreed to pay Mr X \u{FFFD}600 towards his lost earnings and refund \
                the \u{FFFD}95 he paid for a medical he did not need.";
    let path = wd.write("scrape.jsonl", json!({ "text": text }).to_string());
    let run = wd.run(&["parse", path.to_str().unwrap(), "--format", "jsonl"]);
    let parsed = run.json_lines();
    assert_eq!(parsed.len(), 1, "{}", run.describe());
    let agreed: Vec<f64> = parsed[0]["payments"]
        .as_array()
        .expect("payments")
        .iter()
        .filter(|p| p["role"] == "agreed")
        .map(|p| p["amount"].as_f64().unwrap())
        .collect();
    assert_eq!(agreed, [600.0, 95.0], "{}", run.describe());
    let warnings = parsed[0]["warnings"].to_string();
    assert!(
        warnings.contains("read 2 replacement characters (U+FFFD) right before a number as £"),
        "{warnings}"
    );
}
