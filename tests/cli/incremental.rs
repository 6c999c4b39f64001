//! Incremental `ombuds ingest`: a re-run reads only files that are new or
//! changed since they were indexed (path, size, modification time), or that
//! were read by other extraction code or another taxonomy, and serves what
//! it read; `--rebuild` reads everything; a changed file leaves no ghost of
//! its old decision; an index read by other extraction code is re-read by
//! ingest and makes the reading commands warn.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde_json::Value;

use ombuds::index::sources::{add_source, ExtractionStamp, FileStamp, Recorded};
use ombuds::index::write::{document, DecisionWriter};

use crate::common::{corpus, Workdir};

/// The corpus copied into `in/`, in file-name order.
fn corpus_copy(wd: &Workdir) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            wd.write(&format!("in/{name}"), std::fs::read(p).unwrap())
        })
        .collect()
}

/// Runs `ingest in/ EXTRA... --json`, expecting success; its report.
fn ingest(wd: &Workdir, extra: &[&str]) -> Value {
    let input = wd.path("in");
    let mut args = vec!["ingest", input.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let run = wd.run(&args);
    run.expect_code(0);
    run.json_lines().remove(0)
}

/// (files read, files unchanged, decisions in the index) of a report.
fn counts(report: &Value) -> (u64, u64, u64) {
    (
        report["decisions_indexed"].as_u64().unwrap(),
        report["unchanged_files"].as_u64().unwrap(),
        report["decisions_in_index"].as_u64().unwrap(),
    )
}

/// Every decision a search for `query` finds, as JSON, by reference.
fn search(wd: &Workdir, query: &str) -> Vec<Value> {
    let run = wd.run(&["search", query, "--limit", "100", "--format", "jsonl"]);
    assert!(run.code() == 0 || run.code() == 1, "{}", run.describe());
    let mut hits = run.json_lines();
    hits.sort_by_key(|h| h["reference"].as_str().unwrap_or_default().to_string());
    hits
}

fn references(wd: &Workdir) -> Vec<String> {
    search(wd, "")
        .iter()
        .map(|h| h["reference"].as_str().unwrap().to_string())
        .collect()
}

/// Sets a file's modification time `secs` seconds later than now, so a
/// change shows whatever the file system's time granularity.
fn set_mtime_later(path: &Path, secs: u64) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() + Duration::from_secs(secs))
        .unwrap();
}

#[test]
fn ingest_again_reads_nothing_and_serves_the_same_results() {
    let wd = Workdir::new();
    corpus_copy(&wd);
    assert_eq!(counts(&ingest(&wd, &[])), (5, 0, 5));
    let before = search(&wd, "council");
    assert!(!before.is_empty());

    let run = wd.run(&["ingest", wd.path("in").to_str().unwrap()]);
    run.expect_code(0);
    assert!(
        run.stderr()
            .contains("5 unchanged (not read again), 0 decisions indexed"),
        "{}",
        run.describe()
    );
    assert_eq!(counts(&ingest(&wd, &[])), (0, 5, 5));
    assert_eq!(search(&wd, "council"), before);
}

#[test]
fn ingest_reads_only_a_changed_or_touched_file_and_serves_its_new_content() {
    let wd = Workdir::new();
    let files = corpus_copy(&wd);
    ingest(&wd, &[]);
    assert!(search(&wd, "zanzibarian").is_empty());

    // Changed content: only that file is read, and its new text is served.
    let changed = &files[1];
    let text = std::fs::read_to_string(changed).unwrap();
    std::fs::write(
        changed,
        format!("{text}\nThe zanzibarian note was added.\n"),
    )
    .unwrap();
    set_mtime_later(changed, 10);
    assert_eq!(counts(&ingest(&wd, &[])), (1, 4, 5));
    let hits = search(&wd, "zanzibarian");
    assert_eq!(hits.len(), 1);
    let reference = ombuds_parse_reference(changed);
    assert_eq!(hits[0]["reference"], reference.as_str());

    // Same bytes, a new modification time: read again, as it may have changed.
    set_mtime_later(&files[3], 20);
    assert_eq!(counts(&ingest(&wd, &[])), (1, 4, 5));
    assert_eq!(counts(&ingest(&wd, &[])), (0, 5, 5));
}

/// The reference `ombuds parse` reads from a file.
fn ombuds_parse_reference(file: &Path) -> String {
    let wd = Workdir::new();
    let run = wd.run(&["parse", file.to_str().unwrap(), "--format", "jsonl"]);
    run.expect_code(0);
    run.json_lines()[0]["reference"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn ingest_reads_only_an_added_file() {
    let wd = Workdir::new();
    let files = corpus_copy(&wd);
    ingest(&wd, &[]);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("23 002 683"));
    wd.write("in/new.txt", text.replace("23 002 683", "29 123 456"));
    assert_eq!(counts(&ingest(&wd, &[])), (1, 5, 6));
    assert!(references(&wd).contains(&"29 123 456".to_string()));
    // Stamped as it was read (it was not looked at before): unchanged now.
    assert_eq!(counts(&ingest(&wd, &[])), (0, 6, 6));
}

#[test]
fn ingest_with_another_taxonomy_reads_every_file_again() {
    let wd = Workdir::new();
    corpus_copy(&wd);
    ingest(&wd, &[]);
    assert!(search(&wd, "fault:slow_panel").is_empty());

    let taxonomy = wd.write(
        "kinds.toml",
        "[[kind]]\nname = \"slow_panel\"\nsignals = [\"delay*\"]\n",
    );
    let with_taxonomy = ["--taxonomy", taxonomy.to_str().unwrap()];
    assert_eq!(counts(&ingest(&wd, &with_taxonomy)), (5, 0, 5));
    assert!(!search(&wd, "fault:slow_panel").is_empty());
    assert_eq!(counts(&ingest(&wd, &with_taxonomy)), (0, 5, 5));

    // An edited taxonomy file is another taxonomy.
    std::fs::write(
        &taxonomy,
        "[[kind]]\nname = \"slow_panel\"\nsignals = [\"delay*\", \"late\"]\n",
    )
    .unwrap();
    assert_eq!(counts(&ingest(&wd, &with_taxonomy)), (5, 0, 5));

    // Back to the built-in taxonomy: every file again, and its kinds served.
    assert_eq!(counts(&ingest(&wd, &[])), (5, 0, 5));
    assert!(search(&wd, "fault:slow_panel").is_empty());
}

#[test]
fn a_taxonomy_that_does_not_load_stops_ingest_before_the_index_is_touched() {
    let wd = Workdir::new();
    corpus_copy(&wd);
    let bad = wd.write(
        "kinds.toml",
        "[[kind]]\nname = \"Not Snake\"\nsignals = [\"x\"]\n",
    );
    let with_bad = ["--taxonomy", bad.to_str().unwrap()];
    // No index yet: none is made.
    let run = wd.run(&[&["ingest", wd.path("in").to_str().unwrap()][..], &with_bad].concat());
    run.expect_code(2);
    assert!(run.stderr().contains("kinds.toml:2"), "{}", run.describe());
    assert!(!wd.index().exists(), "{}", run.describe());
    // An index made before is left as it was.
    ingest(&wd, &[]);
    let before = references(&wd);
    std::fs::write(
        wd.path("in/extra.txt"),
        "Extra Council (29 000 001)\nSummary: Mr X complained.\n",
    )
    .unwrap();
    let run = wd.run(&[&["ingest", wd.path("in").to_str().unwrap()][..], &with_bad].concat());
    run.expect_code(2);
    assert_eq!(references(&wd), before);
}

#[test]
fn ingest_rebuild_reads_every_file_again() {
    let wd = Workdir::new();
    corpus_copy(&wd);
    ingest(&wd, &[]);
    assert_eq!(counts(&ingest(&wd, &["--rebuild"])), (5, 0, 5));
    assert_eq!(counts(&ingest(&wd, &[])), (0, 5, 5));
}

#[test]
fn ingest_of_a_file_whose_reference_changed_leaves_no_ghost() {
    let wd = Workdir::new();
    let files = corpus_copy(&wd);
    ingest(&wd, &[]);
    assert!(references(&wd).contains(&"23 002 683".to_string()));

    // Same size, another reference: the old decision must go with it.
    let text = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], text.replace("23 002 683", "29 999 999")).unwrap();
    set_mtime_later(&files[0], 10);
    assert_eq!(counts(&ingest(&wd, &[])), (1, 4, 5));
    let refs = references(&wd);
    assert!(!refs.contains(&"23 002 683".to_string()), "{refs:?}");
    assert!(refs.contains(&"29 999 999".to_string()), "{refs:?}");
    wd.run(&["show", "23 002 683"]).expect_code(1);
}

#[test]
fn ingest_rereads_an_index_read_by_other_extraction_code_and_readers_warn() {
    let wd = Workdir::new();
    let files = corpus_copy(&wd);
    index_with_parser_stamp(&wd.index(), &files, 0x0bad_5eed);

    let run = wd.run(&["search", "council"]);
    run.expect_code(0);
    let stderr = run.stderr();
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("--rebuild")).collect();
    assert_eq!(warnings.len(), 1, "{}", run.describe());
    assert!(
        warnings[0].contains("another version of ombuds's extraction code"),
        "{}",
        run.describe()
    );
    for command in [vec!["stats", "outcomes"], vec!["show", "23 002 683"]] {
        let run = wd.run(&command);
        run.expect_code(0);
        assert!(run.stderr().contains("--rebuild"), "{}", run.describe());
    }

    // The files are unchanged, but were read by other code: read again.
    assert_eq!(counts(&ingest(&wd, &[])), (5, 0, 5));
    let run = wd.run(&["search", "council"]);
    run.expect_code(0);
    assert!(!run.stderr().contains("--rebuild"), "{}", run.describe());
    assert_eq!(counts(&ingest(&wd, &[])), (0, 5, 5));
}

/// Writes an index of `files` as an ombuds whose extraction code had the
/// stamp `parser` would have, through the library's own writer.
fn index_with_parser_stamp(index: &Path, files: &[PathBuf], parser: u64) {
    let taxonomy = ombuds::parse::Taxonomy::default_ref();
    let destination = ombuds::index::open_or_create(index, false).unwrap();
    let mut writer = DecisionWriter::new(&destination.index, 1).unwrap();
    let fields = writer.fields().clone();
    for file in files {
        let mut input = None;
        ombuds::walk::inputs(file, &mut |i| {
            input = Some(i);
            false
        });
        let decision = ombuds::ingest::read_decision(input.unwrap(), taxonomy).unwrap();
        let reference = decision.reference.clone();
        let mut doc = document(&fields, decision);
        let recorded = Recorded {
            file: FileStamp::of(file),
            extraction: ExtractionStamp {
                parser,
                taxonomy: 0,
            },
        };
        add_source(&fields, &mut doc, file.to_str().unwrap(), &recorded);
        writer.upsert(&reference, doc, false).unwrap();
    }
    writer.commit().unwrap();
    writer.finish().unwrap();
    ombuds::index::record_parsers(&destination.index.path, &BTreeSet::from([parser])).unwrap();
    destination.publish().unwrap();
}

#[test]
fn ingest_again_keeps_the_more_complete_of_two_files_with_one_reference() {
    let wd = Workdir::new();
    let full = std::fs::read_to_string(corpus().join("000_23011206abbaafad.txt")).unwrap();
    // The stub sorts after the full text, so it would win a tie: it must
    // lose on completeness alone.
    wd.write(
        "in/z_stub.txt",
        "Barnsley Metropolitan Borough Council (23 002 683)\n\nSummary: A stub.\n",
    );
    assert_eq!(counts(&ingest(&wd, &[])), (1, 0, 1));
    let source = |wd: &Workdir| search(wd, "")[0]["source"].as_str().unwrap().to_string();
    assert!(source(&wd).ends_with("z_stub.txt"));

    // The full text, added: it replaces the stub, which is reported.
    wd.write("in/a_full.txt", &full);
    for run in 0..3 {
        let input = wd.path("in");
        let ingest = wd.run(&["ingest", input.to_str().unwrap(), "--json"]);
        ingest.expect_code(3);
        let report = ingest.json_lines().remove(0);
        let skipped = report["skipped"].as_array().unwrap();
        assert_eq!(skipped.len(), 1, "run {run}: {}", ingest.describe());
        assert!(skipped[0]["path"].as_str().unwrap().ends_with("z_stub.txt"));
        assert_eq!(skipped[0]["kind"], "duplicate");
        assert!(
            skipped[0]["reason"]
                .as_str()
                .unwrap()
                .contains("it has more body sections"),
            "{}",
            ingest.describe()
        );
        // Then at every later run the stub is read again and dropped, and
        // the full text stays, unread.
        let expected = if run == 0 { (1, 1, 1) } else { (0, 1, 1) };
        assert_eq!(counts(&report), expected, "run {run}");
        assert!(source(&wd).ends_with("a_full.txt"), "run {run}");
    }
}

#[test]
fn ingest_of_a_file_changed_into_a_duplicate_that_loses_leaves_no_ghost() {
    let wd = Workdir::new();
    let files = corpus_copy(&wd);
    ingest(&wd, &[]);
    // File 1 now holds a stub of file 0's decision: the stub loses to the
    // unchanged full text, and file 1's own old decision must not stay.
    let old_reference = ombuds_parse_reference(&files[1]);
    std::fs::write(
        &files[1],
        "Barnsley Metropolitan Borough Council (23 002 683)\n\nSummary: A stub.\n",
    )
    .unwrap();
    set_mtime_later(&files[1], 10);
    let input = wd.path("in");
    let run = wd.run(&["ingest", input.to_str().unwrap(), "--json"]);
    run.expect_code(3);
    let report = run.json_lines().remove(0);
    assert_eq!(counts(&report), (0, 4, 4), "{}", run.describe());
    assert_eq!(report["skipped"][0]["kind"], "duplicate");
    let refs = references(&wd);
    assert!(!refs.contains(&old_reference), "{refs:?}");
    let full = search(&wd, "")
        .into_iter()
        .find(|h| h["reference"] == "23 002 683")
        .expect("the full text stays");
    assert!(full["source"]
        .as_str()
        .unwrap()
        .ends_with(files[0].file_name().unwrap().to_str().unwrap()));
}
