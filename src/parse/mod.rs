//! Text -> [`Decision`]: boilerplate removal, header, sections, then one
//! extractor per field.
//!
//! [`parse_decision`] is pure: it takes the text and the file name it came
//! from and returns a `Decision`, or [`NotADecision`] with the reason when the
//! text has no title line with a case reference. It is [`parse_structure`]
//! (the rooms `structure/`, the page's layout, and `text/`, sentences and
//! patterns) followed by [`extract()`] (the room `extract/`, one file or
//! folder per extractor). `decision.rs` is the record they fill; its serde
//! form is the JSON of `ombuds parse --format json`.
//!
//! # Adding a field
//!
//! 1. **Record it:** add it to `Decision` in `parse/decision.rs`, at the end
//!    (keys are only ever added; field order is JSON key order), and give it
//!    its empty value in the `Decision` literal of [`parse_structure`] below.
//! 2. **Fill it:** call its extractor from `extract` in `parse/extract/mod.rs`.
//! 3. **Index it**, if it is searched, filtered or grouped on: a handle in
//!    `Fields` and the field in `build` in `index/schema.rs` (fast if filtered
//!    or grouped; its name in `QUERYABLE` if a query may name it), set in
//!    `document` in `index/write.rs`; a whole-number, amount or true/false
//!    field is named in the matching message of `query_error` in
//!    `query/mod.rs`. Without this step it is still stored in the `record`,
//!    so `show` and `export` see it. Bump `SCHEMA_VERSION` in `schema.rs` when
//!    the schema or a field's meaning changes, and whenever a field is added,
//!    removed, moved or retyped in `Decision` or a type it holds: the stored
//!    record (postcard) names no fields, so older records no longer read back
//!    (the test `record_layout_is_pinned_to_the_schema_version` in
//!    `index/write.rs` fails until you do).
//! 4. **Show it:** a column in `rows` in `output/export.rs` (and in the column
//!    list of `LONG_ABOUT` in `cmd/export.rs`), a line in `write_decision` in
//!    `output/decision.rs`.
//! 5. **Filter or group by it**, if wanted: a filter in `Filters`
//!    (`query/mod.rs`) and its flag in `cmd/filters.rs`; a key in `GroupField`
//!    (`stats/mod.rs`) with the fact it needs in `Facts` and `Needs`
//!    (`stats/collect.rs`).
//! 6. **Document it:** its key in `docs/output-formats.md`, and a line in
//!    `CHANGELOG.md`.
//!
//! # Adding an extractor
//!
//! 1. A pure function in its own file under `parse/extract/` (a folder if it
//!    needs helpers, like `payment/` and `fault/`), declared in
//!    `parse/extract/mod.rs`: the sentences (`&[Block]` from
//!    `parse/text/sentences.rs`) in, a typed value out, a missing value as
//!    `None`, not an error.
//! 2. Regexes built once (`LazyLock`) with `text::pattern::regex` (ASCII word
//!    boundaries), each with its prefilter beside it: a `Prefilter` const
//!    of the word beginnings every match contains, so sentences without them
//!    are never searched. List it, with the regexes it guards, in
//!    `prefilters!` in `parse/text/pattern.rs`; `text/prefilter_tests.rs`
//!    then proves on `corpus/`, the devset and generated text that it never
//!    hides a match. A pattern that names the body writes `{body}` and one
//!    that reads a negation writes `{not}` (`did\s*{not}`); it is compiled by
//!    `text::pattern::regex`, which fills both (`extract::body`,
//!    `extract::negation`); never `council` or `not` alone.
//! 3. Bounded work: the caps in `parse/extract/bounds.rs`, and evidence
//!    sentences stored through `bounds::evidence`.
//! 4. Tests beside it, on short passages written like real decisions, with the
//!    absent case and the traps (offers against agreed remedies, restated
//!    totals).
//! 5. Call it from `extract` in `parse/extract/mod.rs`, then follow "Adding a
//!    field" from step 1.

mod decision;
mod extract;
mod structure;
mod text;
mod warning;

pub use decision::*;
pub use extract::complainant::complainant;
pub use extract::extract;
pub use extract::fault::taxonomy::{
    kind_names as fault_kind_names, Taxonomy, DEFAULT_TOML as DEFAULT_TAXONOMY,
};
pub use structure::header::{any_date, DateProblem};
pub use structure::reference::canonical_reference;
pub use text::pattern::compile_guarded;
pub use warning::Warning;

/// Why a text was not read as a decision.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NotADecision(pub String);

/// A decision whose last text stops mid-sentence and that never reaches its
/// final decision was cut off (a half-downloaded page, an excerpt).
fn looks_truncated(summary: Option<&str>, sections: &[Section]) -> bool {
    if sections
        .iter()
        .any(|s| s.kind == SectionKind::FinalDecision)
    {
        return false;
    }
    let last = sections
        .last()
        .map(|s| s.text.as_str())
        .or(summary)
        .unwrap_or_default();
    let end = last.trim_end();
    let last_line = end.rsplit('\n').next().unwrap_or_default().trim_start();
    let closes = structure::lgsco::CLOSING_PREFIXES.iter().any(|p| {
        last_line
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    });
    !end.is_empty() && !closes && !end.ends_with(['.', '!', '?', ':', ';', ')', '"', '”', '’'])
}

/// Parses one decision statement with the built-in fault taxonomy.
pub fn parse_decision(source: &str, text: &str) -> Result<Decision, NotADecision> {
    parse_decision_with(source, text, Taxonomy::default_ref())
}

/// Parses one decision statement, classifying faults with `taxonomy`.
pub fn parse_decision_with(
    source: &str,
    text: &str,
    taxonomy: &Taxonomy,
) -> Result<Decision, NotADecision> {
    let mut decision = parse_structure(source, text)?;
    extract(&mut decision, taxonomy);
    Ok(decision)
}

/// The first half of [`parse_decision_with`]: boilerplate removal, header,
/// summary, sections, complainant and reading warnings, with none of the
/// extracted fields (payments, remedies, finding, faults, Ofsted) filled in;
/// [`extract()`] fills them. Benchmarks use it to cost extraction apart.
pub fn parse_structure(source: &str, text: &str) -> Result<Decision, NotADecision> {
    let lines = structure::lines::clean_lines(text);
    if lines.is_empty() {
        return Err(NotADecision(
            "no text (only blank lines or website boilerplate)".into(),
        ));
    }
    let (title_at, reference, organisation) = structure::header::title(&lines).ok_or_else(|| {
        NotADecision("not a decision: no title line with a case reference like 'Council name (23 002 683)' near the top".into())
    })?;
    let mut head = structure::header::Header {
        reference,
        organisation,
        ..Default::default()
    };
    let body_at = structure::header::header_fields(&lines, title_at + 1, &mut head);
    let (summary, sections) = structure::sections::body(&lines[body_at..]);

    let complainant = summary.as_deref().and_then(complainant).or_else(|| {
        sections
            .iter()
            .find(|s| s.kind == SectionKind::Complaint)
            .and_then(|s| complainant(&s.text))
    });

    let mut warnings = head.warnings;
    if sections.is_empty() {
        warnings.push(Warning::NoBodySections);
    }
    if summary.is_none() {
        warnings.push(Warning::NoSummary);
    }
    if looks_truncated(summary.as_deref(), &sections) {
        warnings.push(Warning::Truncated);
    }

    Ok(Decision {
        source: source.to_string(),
        url: None,
        reference: head.reference,
        organisation: head.organisation,
        category: head.category,
        subcategory: head.subcategory,
        outcome: head.outcome,
        decision_date: head.decision_date,
        complainant,
        summary,
        sections,
        warnings,
        payments: Vec::new(),
        agreed_total: 0.0,
        accepted_total: 0.0,
        remedies: Vec::new(),
        payment_amount_unstated: false,
        deadline_days: None,
        finding: None,
        faults: Vec::new(),
        shared_with_ofsted: false,
    })
}

/// Real text the parser's tests read besides `corpus/`.
#[cfg(test)]
pub(crate) mod testing {
    /// The text of each development-set page, in file order, or `None` (said
    /// on standard output) when `../shared/devset` is not beside the repository.
    pub(crate) fn devset_texts() -> Option<Vec<String>> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/devset/lgo_pages.jsonl"
        );
        let Ok(pages) = std::fs::read_to_string(path) else {
            println!("skipped: no devset at {path}");
            return None;
        };
        let texts = pages.lines().map(|line| {
            let page: serde_json::Value =
                serde_json::from_str(line).expect("a devset line is JSON");
            let text = page["text"].as_str().expect("a devset page has text");
            text.to_string()
        });
        Some(texts.collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "Test Council (21 000 001)\nDecision : Upheld\nSummary: Mr A complained.\n";

    #[test]
    fn a_file_without_a_title_line_is_not_a_decision() {
        let err = parse_decision("x.txt", "Dear Sir,\nPlease find attached.\n").unwrap_err();
        assert!(err.0.starts_with("not a decision"));
        assert!(parse_decision("x.txt", "\n\nBack to top\n").is_err());
    }

    #[test]
    fn structure_then_extract_is_the_whole_parse() {
        let path = "corpus/000_23011206abbaafad.txt";
        let text = std::fs::read_to_string(path).expect("sample");
        let whole = parse_decision(path, &text).expect("sample parses");
        assert!(whole.agreed_total > 0.0 && !whole.faults.is_empty());
        let mut structure = parse_structure(path, &text).expect("sample parses");
        assert!(structure.payments.is_empty() && structure.faults.is_empty());
        assert_eq!(structure.sections, whole.sections);
        extract(&mut structure, Taxonomy::default_ref());
        assert_eq!(structure, whole);
    }

    #[test]
    fn a_finding_the_outcome_line_rules_out_is_kept_with_a_warning() {
        let text = "Test Council (21 000 001)\nDecision : Closed after initial enquiries\nSummary: We found no fault.\n";
        let d = parse_decision("x.txt", text).unwrap();
        assert_eq!(d.finding, Some(Finding::NoFault));
        assert_eq!(d.outcome.as_deref(), Some("Closed after initial enquiries"));
        let disagrees = Warning::FindingDisagrees {
            finding: Finding::NoFault,
            outcome: "Closed after initial enquiries".into(),
        };
        assert!(d.warnings.contains(&disagrees), "{:?}", d.warnings);
        let agrees = text.replace("Closed after initial enquiries", "Not upheld");
        let d = parse_decision("x.txt", &agrees).unwrap();
        assert!(!d
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::FindingDisagrees { .. })));
    }

    #[test]
    fn truncated_and_sectionless_decisions_are_kept_with_warnings() {
        let cut = format!("{HEAD}The complaint\n1. Mr A complained that the Council did not");
        let d = parse_decision("x.txt", &cut).unwrap();
        assert!(d.warnings.contains(&Warning::Truncated), "{:?}", d.warnings);
        let whole = format!("{HEAD}The complaint\n1. Text.\nFinal decision\n1. I found fault.\n");
        assert!(parse_decision("x.txt", &whole).unwrap().warnings.is_empty());
        let bare = parse_decision("x.txt", HEAD).unwrap();
        assert!(bare.warnings.contains(&Warning::NoBodySections));
        // The older pages end with the date the Ombudsman was satisfied.
        let older = format!("{HEAD}Recommendations\nThe Council agreed to pay £150.\nOmbudsman satisfied with council's response: 11 September 2017\n");
        assert!(parse_decision("x.txt", &older).unwrap().warnings.is_empty());
    }
}
