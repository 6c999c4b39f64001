//! Scraped decisions as JSON: one record per decision, in a JSON Lines file
//! (one record a line) or a JSON array, each with the decision's text and
//! what the scraper knew about it.
//!
//! Public scrapers name their keys differently; [`KEYS`] lists the names
//! accepted for each field. A record is an object with a non-empty text;
//! anything else is a bad record, reported with its line and the file's
//! other records still read. `ombuds fetch`'s `manifest.jsonl` (records
//! with `file` and `url` and no text) is not decisions: [`is_manifest_record`]
//! tells it apart, and [`manifest_urls`] reads the addresses it gives.

use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::path::Path;

use serde_json::{Map, Value};

/// What a record says about its decision besides the text; every value as
/// the record wrote it (trimmed), to be checked against the text's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The case reference (`16 000 780`), as written.
    pub reference: Option<String>,
    /// The page title, usually `Organisation (YY NNN NNN)`.
    pub title: Option<String>,
    /// The body complained about.
    pub organisation: Option<String>,
    /// Top-level category.
    pub category: Option<String>,
    /// Sub-category.
    pub subcategory: Option<String>,
    /// The outcome (`Upheld`).
    pub outcome: Option<String>,
    /// The decision date, ISO `2017-02-14` or `14 Feb 2017`.
    pub date: Option<String>,
}

/// A field of a record and the key names accepted for it, first match wins.
pub struct Key {
    /// The field, as documented.
    pub field: &'static str,
    /// The key names, in the order tried.
    pub names: &'static [&'static str],
}

/// The accepted key names (documented in `ingest --help` and `parse --help`).
pub const KEYS: &[Key] = &[
    Key {
        field: "text",
        names: &["text", "body", "content", "decision_text"],
    },
    Key {
        field: "reference",
        names: &["case_id", "reference", "ref"],
    },
    Key {
        field: "title",
        names: &["title"],
    },
    Key {
        field: "date",
        names: &["date", "decision_date"],
    },
    Key {
        field: "organisation",
        names: &["authority", "organisation", "organization", "council"],
    },
    Key {
        field: "category",
        names: &["category"],
    },
    Key {
        field: "subcategory",
        names: &["subcategory"],
    },
    Key {
        field: "outcome",
        names: &["outcome", "decision"],
    },
    Key {
        field: "url",
        names: &["url", "link"],
    },
];

/// The value of `field` in a record: the first of its key names holding a
/// non-empty string (a number, as for a numeric reference, is its digits).
fn field(object: &Map<String, Value>, field: &str) -> Option<String> {
    let names = KEYS.iter().find(|k| k.field == field)?.names;
    names.iter().find_map(|name| match object.get(*name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// One record read: its text, what it says about the decision, its URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The decision text.
    pub text: String,
    /// The record's other fields.
    pub metadata: Metadata,
    /// The record's `url` or `link`.
    pub url: Option<String>,
}

/// Reads one record, or says why it is not one.
pub fn record(value: Value) -> Result<Record, String> {
    let Value::Object(object) = value else {
        return Err("not a JSON object".into());
    };
    let text_keys = KEYS[0].names.join(", ");
    let text = match KEYS[0].names.iter().find_map(|n| object.get(*n)) {
        Some(Value::String(text)) if !text.trim().is_empty() => text.clone(),
        Some(Value::String(_)) | Some(Value::Null) | None => {
            return Err(format!("no decision text (none of the keys {text_keys})"))
        }
        Some(_) => return Err(format!("the decision text ({text_keys}) is not a string")),
    };
    Ok(Record {
        text,
        url: field(&object, "url"),
        metadata: Metadata {
            reference: field(&object, "reference"),
            title: field(&object, "title"),
            organisation: field(&object, "organisation"),
            category: field(&object, "category"),
            subcategory: field(&object, "subcategory"),
            outcome: field(&object, "outcome"),
            date: field(&object, "date"),
        },
    })
}

/// Whether a record is a line of `ombuds fetch`'s manifest: a `file` and a
/// `url`, and no decision text.
pub fn is_manifest_record(value: &Value) -> bool {
    value.as_object().is_some_and(|o| {
        o.get("file").is_some_and(Value::is_string)
            && o.get("url").is_some_and(Value::is_string)
            && !KEYS[0].names.iter().any(|n| o.contains_key(*n))
    })
}

/// Whether the file at `path` is a fetch manifest, told by its first record.
pub fn is_manifest(path: &Path) -> bool {
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    // The first line of a manifest is short; a long one is not a manifest.
    let mut reader = std::io::BufReader::new(file).take(64 * 1024);
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
        if !line.trim().is_empty() {
            return serde_json::from_str(&line).is_ok_and(|v| is_manifest_record(&v));
        }
        line.clear();
    }
    false
}

/// The URL of each file a fetch manifest names (file name -> URL; a later
/// line for the same file wins, as a re-fetch appends). Lines that are not
/// manifest records are passed over: the manifest is a help, not input.
pub fn manifest_urls(path: &Path) -> HashMap<String, String> {
    let mut urls = HashMap::new();
    let Ok(file) = std::fs::File::open(path) else {
        return urls;
    };
    for line in std::io::BufReader::new(file).lines() {
        let Ok(line) = line else { break };
        let Ok(Value::Object(o)) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        if let (Some(Value::String(file)), Some(Value::String(url))) = (o.get("file"), o.get("url"))
        {
            urls.insert(file.clone(), url.clone());
        }
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_scraped_record_gives_its_text_metadata_and_url() {
        let value = json!({
            "case_id": "16 000 780", "title": "Some Council (16 000 780)", "text": "Summary: x",
            "date": "2017-02-14", "authority": null, "category": "Adult care services",
            "subcategory": "Transition", "outcome": "Upheld", "url": "https://x.test/d"
        });
        let r = record(value).unwrap();
        assert_eq!(r.text, "Summary: x");
        assert_eq!(r.url.as_deref(), Some("https://x.test/d"));
        assert_eq!(
            r.metadata,
            Metadata {
                reference: Some("16 000 780".into()),
                title: Some("Some Council (16 000 780)".into()),
                organisation: None,
                category: Some("Adult care services".into()),
                subcategory: Some("Transition".into()),
                outcome: Some("Upheld".into()),
                date: Some("2017-02-14".into()),
            }
        );
    }

    #[test]
    fn other_key_names_are_accepted_in_order() {
        let r = record(json!({"body": "t", "ref": "16000780", "council": "C",
            "decision_date": "14 Feb 2017", "decision": "Not upheld", "link": "u"}))
        .unwrap();
        assert_eq!(r.metadata.reference.as_deref(), Some("16000780"));
        assert_eq!(r.metadata.organisation.as_deref(), Some("C"));
        assert_eq!(r.metadata.date.as_deref(), Some("14 Feb 2017"));
        assert_eq!(r.metadata.outcome.as_deref(), Some("Not upheld"));
        assert_eq!(r.url.as_deref(), Some("u"));
        let r = record(json!({"decision_text": "t", "organization": "O"})).unwrap();
        assert_eq!(r.metadata.organisation.as_deref(), Some("O"));
    }

    #[test]
    fn records_without_text_or_not_objects_are_refused_with_the_reason() {
        let no_text = record(json!({"title": "x", "text": "  "})).unwrap_err();
        assert_eq!(
            no_text,
            "no decision text (none of the keys text, body, content, decision_text)"
        );
        assert_eq!(record(json!([1])).unwrap_err(), "not a JSON object");
        assert!(record(json!({"text": 3}))
            .unwrap_err()
            .contains("not a string"));
    }

    #[test]
    fn the_fetch_manifest_is_told_apart_and_gives_urls() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.jsonl");
        std::fs::write(
            &path,
            "{\"reference\":\"24 011 791\",\"file\":\"24-011-791.html\",\"url\":\"https://a/1\",\"fetched\":\"t\"}\n\nnot json\n{\"reference\":\"24 011 791\",\"file\":\"24-011-791.html\",\"url\":\"https://a/2\",\"fetched\":\"t\"}\n",
        )
        .unwrap();
        assert!(is_manifest(&path));
        let urls = manifest_urls(&path);
        assert_eq!(urls.len(), 1);
        assert_eq!(urls["24-011-791.html"], "https://a/2");
        let scrape = dir.path().join("scrape.jsonl");
        std::fs::write(&scrape, "{\"text\":\"x\",\"url\":\"u\",\"file\":\"f\"}\n").unwrap();
        assert!(!is_manifest(&scrape));
    }
}
