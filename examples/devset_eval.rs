//! Measures the extractors on the hand-read development set, so extraction
//! changes can be compared before and after.
//!
//! Parses every page in `DIR/lgo_pages.jsonl` with the library and reports:
//! (a) agreed-set exact matches against `DIR/payments.jsonl`, with recall and
//! precision of the agreed amounts; (b) per-amount role accuracy, (c) each
//! role's precision and recall and (d) a confusion table, against the five
//! roles of `DIR/roles.jsonl`; (e) how the overall finding agrees with the
//! page's printed outcome line; (f) how many pages have each header field
//! read. `--json` prints all of it as one JSON document instead, for scripts
//! that compare two runs.
//!
//! Examples:
//!   cargo run --example devset_eval -- /work/shared/devset
//!   cargo run --example devset_eval -- /work/shared/devset --misses
//!   cargo run --example devset_eval -- /work/shared/devset --json > before.json
//!   cargo run --example devset_eval -- /work/shared/devset --show 20-002-153
//!   cargo run --example devset_eval -- /work/shared/devset --pages

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::{bail, Context};
use regex::Regex;
use serde::{Deserialize, Serialize};

use ombuds::parse::{canonical_reference, parse_decision, Decision, Finding, SectionKind};

const USAGE: &str = "usage: devset_eval DIR [--json] [--misses] [--pages] [--show yy-nnn-nnn]";

/// The five payment roles of issue 18, in the order tables print them.
const ROLES: [&str; 5] = ["agreed", "accepted", "offered", "claimed", "other"];

/// Column label for an amount ombuds did not find at all.
const NOT_FOUND: &str = "(not found)";
/// Row label for an amount ombuds found that the excerpt's truth does not list.
const NOT_IN_TRUTH: &str = "(not in truth)";

#[derive(Deserialize)]
struct Page {
    url: String,
    text: String,
}

#[derive(Deserialize)]
struct AgreedTruth {
    #[serde(rename = "ref")]
    reference: String,
    agreed_payments: Vec<f64>,
    note: String,
}

#[derive(Deserialize)]
struct RolesTruth {
    #[serde(rename = "ref")]
    reference: String,
    amounts: Vec<TruthAmount>,
}

#[derive(Deserialize)]
struct TruthAmount {
    amount: f64,
    role: String,
    uncertain: bool,
    cue: String,
}

struct Options {
    dir: PathBuf,
    show: Option<String>,
    pages: bool,
    misses: bool,
    json: bool,
}

/// Everything measured; `--json` prints it whole.
#[derive(Serialize)]
struct Report {
    pages: usize,
    parse_failures: usize,
    agreed: AgreedReport,
    roles: RoleReport,
    findings: FindingReport,
    headers: Vec<HeaderCount>,
}

#[derive(Serialize)]
struct AgreedReport {
    excerpts: usize,
    exact: usize,
    expected: usize,
    recalled: usize,
    found: usize,
    wrong: usize,
    rows: Vec<AgreedRow>,
}

#[derive(Serialize)]
struct AgreedRow {
    reference: String,
    status: &'static str,
    expected: Vec<f64>,
    found: Vec<f64>,
    note: String,
}

#[derive(Serialize)]
struct RoleReport {
    excerpts: usize,
    amounts_scored: usize,
    amounts_right: usize,
    uncertain_skipped: usize,
    per_role: Vec<RoleScore>,
    confusion: Vec<ConfusionCell>,
    misses: Vec<RoleMiss>,
    /// Amounts ombuds found on pages that roles.jsonl does not annotate.
    found_outside_truth_pages: usize,
}

#[derive(Serialize)]
struct RoleScore {
    role: String,
    truth: usize,
    found: usize,
    right: usize,
    precision: Option<f64>,
    recall: Option<f64>,
}

#[derive(Serialize)]
struct ConfusionCell {
    truth: String,
    ombuds: String,
    amounts: usize,
}

#[derive(Serialize)]
struct RoleMiss {
    reference: String,
    amount: f64,
    truth: String,
    ombuds: String,
    cue: String,
    sentence: Option<String>,
}

#[derive(Serialize)]
struct FindingReport {
    pages_with_outcome: usize,
    consistent: usize,
    per_outcome: Vec<OutcomeScore>,
    /// Pages whose outcome line is none of the three scored outcomes.
    other_outcome: usize,
    pairs: Vec<FindingPair>,
    misses: Vec<FindingMiss>,
}

#[derive(Serialize)]
struct OutcomeScore {
    outcome: &'static str,
    expected: Vec<&'static str>,
    consistent: usize,
    total: usize,
}

#[derive(Serialize)]
struct FindingPair {
    outcome: String,
    finding: String,
    consistent: Option<bool>,
    pages: usize,
}

#[derive(Serialize)]
struct FindingMiss {
    reference: String,
    outcome: String,
    finding: String,
    sentence: Option<String>,
}

#[derive(Serialize)]
struct HeaderCount {
    field: &'static str,
    /// Pages whose text has the header line.
    present: usize,
    /// Pages where ombuds read the field.
    read: usize,
    /// Pages with the header line where ombuds read the field.
    read_where_present: usize,
}

/// A parsed page with the header lines its raw text shows.
struct Parsed {
    decision: Decision,
    present: [bool; 4],
}

fn main() -> anyhow::Result<()> {
    let opts = options()?;
    let pages: Vec<Page> = read_jsonl(&opts.dir.join("lgo_pages.jsonl"))?;
    let agreed_truth: Vec<AgreedTruth> = read_jsonl(&opts.dir.join("payments.jsonl"))?;
    let roles_truth: Vec<RolesTruth> = read_jsonl(&opts.dir.join("roles.jsonl"))?;

    let (parsed, parse_failures) = parse_pages(&pages, &opts)?;
    let report = Report {
        pages: pages.len(),
        parse_failures,
        agreed: agreed_sets(&agreed_truth, &parsed),
        roles: role_scores(&roles_truth, &parsed),
        findings: findings(&parsed),
        headers: headers(&pages, &parsed),
    };
    if opts.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    print_report(&report, &opts);
    if opts.pages {
        print_pages(&parsed);
    }
    Ok(())
}

fn options() -> anyhow::Result<Options> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().filter(|a| !a.starts_with("--")) else {
        bail!(USAGE);
    };
    let mut opts = Options {
        dir: PathBuf::from(dir),
        show: None,
        pages: false,
        misses: false,
        json: false,
    };
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--show" => match rest.next() {
                Some(r) => opts.show = Some(r.clone()),
                None => bail!("--show needs a reference (yy-nnn-nnn); {USAGE}"),
            },
            "--pages" => opts.pages = true,
            "--misses" => opts.misses = true,
            "--json" => opts.json = true,
            other => bail!("unknown argument {other:?}; {USAGE}"),
        }
    }
    Ok(opts)
}

/// Parses every page, keyed by the reference in its URL; prints `--show`'s record.
fn parse_pages(
    pages: &[Page],
    opts: &Options,
) -> anyhow::Result<(BTreeMap<String, Parsed>, usize)> {
    let mut parsed = BTreeMap::new();
    let mut failed = 0;
    for page in pages {
        match parse_decision(&page.url, &page.text) {
            Ok(d) => {
                let key = url_reference(&page.url).unwrap_or_else(|| d.reference.replace(' ', "-"));
                if !opts.json && opts.show.as_deref() == Some(key.as_str()) {
                    println!("{}", serde_json::to_string_pretty(&d)?);
                }
                let present = header_lines(&page.text);
                parsed.insert(
                    key,
                    Parsed {
                        decision: d,
                        present,
                    },
                );
            }
            Err(e) => {
                failed += 1;
                eprintln!("{}: {e}", page.url);
            }
        }
    }
    Ok((parsed, failed))
}

// ---- (a) agreed sets ----

fn agreed_sets(truth: &[AgreedTruth], parsed: &BTreeMap<String, Parsed>) -> AgreedReport {
    let mut r = AgreedReport {
        excerpts: truth.len(),
        exact: 0,
        expected: 0,
        recalled: 0,
        found: 0,
        wrong: 0,
        rows: Vec::new(),
    };
    for a in truth {
        let decision = parsed.get(&a.reference).map(|p| &p.decision);
        let found: Vec<f64> = decision
            .map(|d| d.agreed_payments().map(|p| p.amount).collect())
            .unwrap_or_default();
        let (hits, extra) = compare(&a.agreed_payments, &found);
        let ok = hits == a.agreed_payments.len() && extra == 0;
        r.exact += usize::from(ok);
        r.expected += a.agreed_payments.len();
        r.recalled += hits;
        r.found += found.len();
        r.wrong += extra;
        let status = match (decision, ok) {
            (None, _) => "MISSING",
            (Some(_), true) => "ok",
            (Some(_), false) => "WRONG",
        };
        r.rows.push(AgreedRow {
            reference: a.reference.clone(),
            status,
            expected: a.agreed_payments.clone(),
            found,
            note: a.note.clone(),
        });
    }
    r
}

/// How many expected amounts were found, and how many found amounts were not expected (multisets).
fn compare(expected: &[f64], found: &[f64]) -> (usize, usize) {
    let mut left: Vec<f64> = found.to_vec();
    let mut hits = 0;
    for e in expected {
        if let Some(i) = left.iter().position(|f| (f - e).abs() < 0.005) {
            left.swap_remove(i);
            hits += 1;
        }
    }
    (hits, left.len())
}

// ---- (b), (c), (d) roles ----
//
// How roles are scored, per annotated excerpt (a page in roles.jsonl):
// - Amounts are compared in whole pence. The truth may list one amount twice
//   with different roles ("an additional £500, to the £500 it has already
//   offered"), so each side gives every distinct amount a *set* of roles.
// - An amount with any entry marked `uncertain` is skipped everywhere below,
//   on both sides: the excerpt cannot settle it, so nothing ombuds says about it
//   is scored.
// - Ombuds' roles for an amount are the roles of all its payments of that
//   amount, by name: a name that is one of the five roles counts as that role
//   (today `agreed`, `offered` and `other` exist; `accepted` and `claimed` do
//   not, so those truths cannot be matched yet); any other name is kept as it
//   is, shows in the confusion table and never matches.
// - (b) An amount is right when ombuds' role set equals the truth's. An amount
//   ombuds did not find is wrong; so is one ombuds gives two roles where the
//   truth has one (`agreed` and `other` for a truth of `agreed`).
// - (c) Precision and recall count (decision, amount, role) triples: a triple
//   ombuds gives is right when the truth has it. An amount ombuds found that the
//   truth does not list (a misread amount) makes wrong triples for its roles.
// - (d) The confusion table counts amounts by (truth role set, ombuds role
//   set), `+`-joined; amounts ombuds found that the truth does not list are the
//   row `(not in truth)`, amounts it missed the column `(not found)`.

/// Roles per amount in pence, with the first cue and whether any entry is uncertain.
#[derive(Default)]
struct TruthRoles {
    roles: BTreeSet<String>,
    uncertain: bool,
    cue: String,
}

fn role_scores(truth: &[RolesTruth], parsed: &BTreeMap<String, Parsed>) -> RoleReport {
    let mut per_role: BTreeMap<String, [usize; 3]> =
        ROLES.iter().map(|r| (r.to_string(), [0; 3])).collect();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut misses = Vec::new();
    let (mut scored, mut right, mut uncertain) = (0, 0, 0);
    let annotated: BTreeSet<&str> = truth.iter().map(|t| t.reference.as_str()).collect();

    for excerpt in truth {
        let mut want: BTreeMap<i64, TruthRoles> = BTreeMap::new();
        for a in &excerpt.amounts {
            let entry = want.entry(pence(a.amount)).or_default();
            entry.roles.insert(a.role.clone());
            entry.uncertain |= a.uncertain;
            if entry.cue.is_empty() {
                entry.cue = a.cue.clone();
            }
        }
        let decision = parsed.get(&excerpt.reference).map(|p| &p.decision);
        let got = decision.map(ombuds_roles).unwrap_or_default();

        for (amount, t) in &want {
            if t.uncertain {
                uncertain += 1;
                continue;
            }
            let found = got.get(amount).cloned().unwrap_or_default();
            scored += 1;
            for role in &t.roles {
                per_role.entry(role.clone()).or_default()[0] += 1;
            }
            for role in &found {
                let counts = per_role.entry(role.clone()).or_default();
                counts[1] += 1;
                counts[2] += usize::from(t.roles.contains(role));
            }
            *confusion
                .entry((joined(&t.roles), joined(&found)))
                .or_default() += 1;
            if found == t.roles {
                right += 1;
            } else {
                misses.push(RoleMiss {
                    reference: excerpt.reference.clone(),
                    amount: *amount as f64 / 100.0,
                    truth: joined(&t.roles),
                    ombuds: joined(&found),
                    cue: t.cue.clone(),
                    sentence: decision.and_then(|d| payment_sentence(d, *amount)),
                });
            }
        }
        for (amount, found) in &got {
            if want.contains_key(amount) {
                continue;
            }
            for role in found {
                per_role.entry(role.clone()).or_default()[1] += 1;
            }
            *confusion
                .entry((NOT_IN_TRUTH.to_string(), joined(found)))
                .or_default() += 1;
            misses.push(RoleMiss {
                reference: excerpt.reference.clone(),
                amount: *amount as f64 / 100.0,
                truth: NOT_IN_TRUTH.to_string(),
                ombuds: joined(found),
                cue: String::new(),
                sentence: decision.and_then(|d| payment_sentence(d, *amount)),
            });
        }
    }

    let found_outside_truth_pages = parsed
        .iter()
        .filter(|(key, _)| !annotated.contains(key.as_str()))
        .map(|(_, p)| ombuds_roles(&p.decision).len())
        .sum();
    let mut confusion: Vec<ConfusionCell> = confusion
        .into_iter()
        .map(|((truth, ombuds), amounts)| ConfusionCell {
            truth,
            ombuds,
            amounts,
        })
        .collect();
    confusion.sort_by_key(|c| std::cmp::Reverse(c.amounts));
    RoleReport {
        excerpts: truth.len(),
        amounts_scored: scored,
        amounts_right: right,
        uncertain_skipped: uncertain,
        per_role: role_rows(per_role),
        confusion,
        misses,
        found_outside_truth_pages,
    }
}

/// The five roles first, in their order, then any other name ombuds used.
fn role_rows(per_role: BTreeMap<String, [usize; 3]>) -> Vec<RoleScore> {
    let rank = |r: &str| ROLES.iter().position(|x| *x == r).unwrap_or(ROLES.len());
    let mut rows: Vec<RoleScore> = per_role
        .into_iter()
        .map(|(role, [truth, found, right])| RoleScore {
            role,
            truth,
            found,
            right,
            precision: ratio(right, found),
            recall: ratio(right, truth),
        })
        .collect();
    rows.sort_by(|a, b| rank(&a.role).cmp(&rank(&b.role)).then(a.role.cmp(&b.role)));
    rows
}

/// Ombuds' role names per amount in pence (see the scoring note above).
fn ombuds_roles(d: &Decision) -> BTreeMap<i64, BTreeSet<String>> {
    let mut out: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for p in &d.payments {
        out.entry(pence(p.amount))
            .or_default()
            .insert(ombuds::names::name_of(&p.role).to_string());
    }
    out
}

/// The sentence ombuds read an amount from, for listing misses.
fn payment_sentence(d: &Decision, amount: i64) -> Option<String> {
    d.payments
        .iter()
        .find(|p| pence(p.amount) == amount)
        .map(|p| clip(&p.sentence))
}

fn pence(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

fn joined(roles: &BTreeSet<String>) -> String {
    if roles.is_empty() {
        return NOT_FOUND.to_string();
    }
    roles
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("+")
}

// ---- (e) finding against the outcome line ----

/// The three scored outcome lines and the findings each is consistent with.
const OUTCOMES: [(&str, &[Finding]); 3] = [
    (
        "Upheld",
        &[Finding::FaultInjustice, Finding::FaultNoInjustice],
    ),
    ("Not upheld", &[Finding::NoFault]),
    (
        "Closed after initial enquiries",
        &[Finding::NotInvestigated],
    ),
];

/// Words of a sentence that may state the finding, for listing misses.
static FINDING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:fault|injustice|investigat|uphold|upheld|discontinu|maladministration)")
        .expect("a valid regex")
});

/// Someone else's view, not the decision's: `Mr B complains there has been
/// fault`, with the reporting verb among the first words.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\S+\s+){0,4}?(?:complain(?:s|ed)|says|said|wants|believes|feels)\b")
        .expect("a valid regex")
});

fn findings(parsed: &BTreeMap<String, Parsed>) -> FindingReport {
    let mut per_outcome: Vec<OutcomeScore> = OUTCOMES
        .iter()
        .map(|(outcome, ok)| OutcomeScore {
            outcome,
            expected: ok.iter().map(|f| ombuds::names::name_of(f)).collect(),
            consistent: 0,
            total: 0,
        })
        .collect();
    let mut pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    let (mut with_outcome, mut other_outcome) = (0, 0);
    let mut misses = Vec::new();
    for (key, p) in parsed {
        let d = &p.decision;
        let outcome = d.outcome.as_deref().map(str::trim);
        let finding = d.finding.map_or("-".to_string(), |f| f.to_string());
        *pairs
            .entry((outcome.unwrap_or("-").to_string(), finding.clone()))
            .or_default() += 1;
        let Some(outcome) = outcome else { continue };
        with_outcome += 1;
        let Some(i) = OUTCOMES
            .iter()
            .position(|(o, _)| o.eq_ignore_ascii_case(outcome))
        else {
            other_outcome += 1;
            continue;
        };
        let ok = d.finding.is_some_and(|f| OUTCOMES[i].1.contains(&f));
        per_outcome[i].total += 1;
        per_outcome[i].consistent += usize::from(ok);
        if !ok {
            misses.push(FindingMiss {
                reference: key.clone(),
                outcome: outcome.to_string(),
                finding,
                sentence: finding_sentence(d),
            });
        }
    }
    let mut pairs: Vec<FindingPair> = pairs
        .into_iter()
        .map(|((outcome, finding), pages)| FindingPair {
            consistent: OUTCOMES
                .iter()
                .find(|(o, _)| o.eq_ignore_ascii_case(&outcome))
                .map(|(_, ok)| ok.iter().any(|f| ombuds::names::name_of(f) == finding)),
            outcome,
            finding,
            pages,
        })
        .collect();
    pairs.sort_by_key(|p| std::cmp::Reverse(p.pages));
    FindingReport {
        pages_with_outcome: with_outcome,
        consistent: per_outcome.iter().map(|o| o.consistent).sum(),
        per_outcome,
        other_outcome,
        pairs,
        misses,
    }
}

/// The first sentence that may state the finding, in the order the finding
/// extractor reads (final decision, then summary, then findings), then the
/// other sections but the boilerplate on powers and method, for layouts whose finding stands under another heading.
/// `Decision` does not record which sentence decided the finding, so this is
/// the first one with a finding word that is not someone's reported view:
/// where to start reading, not proof.
fn finding_sentence(d: &Decision) -> Option<String> {
    let of = |kind| d.sections_of(kind).map(|s| s.text.as_str());
    let rest = d
        .sections
        .iter()
        .filter(|s| {
            !matches!(
                s.kind,
                SectionKind::FinalDecision
                    | SectionKind::Findings
                    | SectionKind::RoleAndPowers
                    | SectionKind::HowConsidered
            )
        })
        .map(|s| s.text.as_str());
    of(SectionKind::FinalDecision)
        .chain(d.summary.as_deref())
        .chain(of(SectionKind::Findings))
        .chain(rest)
        .flat_map(rough_sentences)
        .find(|s| FINDING_WORDS.is_match(s) && !REPORTED.is_match(s))
        .map(clip)
}

/// Sentences split at a full stop, question mark or line break followed by
/// space; good enough to show a reader where to look.
fn rough_sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|line| line.split_inclusive(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn clip(s: &str) -> String {
    let one_line = s.replace('\n', " ");
    match one_line.char_indices().nth(240) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

// ---- (f) header fields ----

const HEADER_FIELDS: [&str; 4] = ["organisation", "category", "outcome", "decision_date"];

/// Header lines as printed on the page: a title line with a name before the
/// reference in brackets, `Category :`, `Decision :`, `Decision date :`.
static HEADER_LINES: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    [
        r"(?m)^[ \t]*\S[^\n(]*?\(\s*\d{2}\s*\d{3}\s*\d{3}[a-zA-Z]?\s*\)[ \t]*$",
        r"(?mi)^[ \t]*Category\s*:",
        r"(?mi)^[ \t]*Decision\s*:",
        r"(?mi)^[ \t]*Decision\s+date\s*:",
    ]
    .map(|re| Regex::new(re).expect("a valid regex"))
});

fn header_lines(text: &str) -> [bool; 4] {
    HEADER_LINES.each_ref().map(|re| re.is_match(text))
}

fn headers(pages: &[Page], parsed: &BTreeMap<String, Parsed>) -> Vec<HeaderCount> {
    // Presence is counted over every page, so a page that failed to parse
    // counts as present but not read.
    let present: Vec<[bool; 4]> = pages.iter().map(|p| header_lines(&p.text)).collect();
    HEADER_FIELDS
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let read = |d: &Decision| match i {
                0 => d.organisation.is_some(),
                1 => d.category.is_some(),
                2 => d.outcome.is_some(),
                _ => d.decision_date.is_some(),
            };
            HeaderCount {
                field,
                present: present.iter().filter(|p| p[i]).count(),
                read: parsed.values().filter(|p| read(&p.decision)).count(),
                read_where_present: parsed
                    .values()
                    .filter(|p| p.present[i] && read(&p.decision))
                    .count(),
            }
        })
        .collect()
}

// ---- printing ----

fn print_report(r: &Report, opts: &Options) {
    print_agreed(&r.agreed, r.parse_failures, r.pages);
    print_roles(&r.roles, opts.misses);
    print_findings(&r.findings, opts.misses || opts.pages);
    println!("\nheader fields ({} pages)", r.pages);
    println!(
        "  {:<14} {:>8} {:>8} {:>20}",
        "field", "present", "read", "read where present"
    );
    for h in &r.headers {
        println!(
            "  {:<14} {:>8} {:>8} {:>11} ({})",
            h.field,
            h.present,
            h.read,
            format!("{}/{}", h.read_where_present, h.present),
            pct(h.read_where_present, h.present)
        );
    }
}

fn print_agreed(a: &AgreedReport, failed: usize, pages: usize) {
    println!(
        "{:<12} {:<8} {:<22} {:<22} note",
        "ref", "result", "expected", "found agreed"
    );
    for row in &a.rows {
        println!(
            "{:<12} {:<8} {:<22} {:<22} {}",
            row.reference,
            row.status,
            fmt(&row.expected),
            fmt(&row.found),
            row.note
        );
    }
    println!();
    println!(
        "agreed sets: exact {}/{} excerpts ({}); recall {}/{} expected payments found as agreed; \
         precision {}/{} agreed found were right ({} wrong); parse failures {failed}/{pages}",
        a.exact,
        a.excerpts,
        pct(a.exact, a.excerpts),
        a.recalled,
        a.expected,
        a.found - a.wrong,
        a.found,
        a.wrong,
    );
}

fn print_roles(r: &RoleReport, misses: bool) {
    println!(
        "\nroles: {}/{} amounts have exactly the right roles ({}); {} excerpts, {} uncertain amounts skipped; \
         {} amounts found on pages roles.jsonl does not annotate",
        r.amounts_right,
        r.amounts_scored,
        pct(r.amounts_right, r.amounts_scored),
        r.excerpts,
        r.uncertain_skipped,
        r.found_outside_truth_pages
    );
    println!(
        "  {:<10} {:>6} {:>6} {:>6} {:>10} {:>10}",
        "role", "truth", "found", "right", "precision", "recall"
    );
    for s in &r.per_role {
        println!(
            "  {:<10} {:>6} {:>6} {:>6} {:>10} {:>10}",
            s.role,
            s.truth,
            s.found,
            s.right,
            pct(s.right, s.found),
            pct(s.right, s.truth)
        );
    }
    print_confusion(&r.confusion);
    if misses {
        println!("\nrole misses (ref | amount | truth -> ombuds | cue | ombuds sentence)");
        for m in &r.misses {
            println!(
                "  {} | {} | {} -> {} | {} | {}",
                m.reference,
                m.amount,
                m.truth,
                m.ombuds,
                m.cue,
                m.sentence.as_deref().unwrap_or("-")
            );
        }
    }
}

/// Amounts by truth role set (rows) and ombuds role set (columns).
fn print_confusion(cells: &[ConfusionCell]) {
    let rows: BTreeSet<&str> = cells.iter().map(|c| c.truth.as_str()).collect();
    let cols: BTreeSet<&str> = cells.iter().map(|c| c.ombuds.as_str()).collect();
    let count = |t: &str, o: &str| {
        cells
            .iter()
            .find(|c| c.truth == t && c.ombuds == o)
            .map_or(0, |c| c.amounts)
    };
    println!("\nrole confusion (amounts; rows: truth, columns: ombuds)");
    print!("  {:<16}", "truth \\ ombuds");
    for c in &cols {
        print!(" {c:>14}");
    }
    println!();
    for r in &rows {
        print!("  {r:<16}");
        for c in &cols {
            print!(" {:>14}", count(r, c));
        }
        println!();
    }
}

fn print_findings(f: &FindingReport, misses: bool) {
    println!(
        "\nfinding vs outcome line ({} pages with an outcome line, {} with an unscored outcome)",
        f.pages_with_outcome, f.other_outcome
    );
    for o in &f.per_outcome {
        println!(
            "  {:<32} {:>4}/{:<4} consistent ({})  [expects {}]",
            o.outcome,
            o.consistent,
            o.total,
            pct(o.consistent, o.total),
            o.expected.join(" or ")
        );
    }
    let total: usize = f.per_outcome.iter().map(|o| o.total).sum();
    println!(
        "  {:<32} {:>4}/{:<4} consistent ({})",
        "overall",
        f.consistent,
        total,
        pct(f.consistent, total)
    );
    println!("\noutcome -> finding (all parsed pages; * inconsistent)");
    for p in &f.pairs {
        let mark = if p.consistent == Some(false) {
            "*"
        } else {
            " "
        };
        println!("  {mark} {:<30} {:<20} {}", p.outcome, p.finding, p.pages);
    }
    if misses {
        println!("\nfinding misses (ref | outcome | finding | first sentence with a finding word)");
        for m in &f.misses {
            println!(
                "  {} | {} | {} | {}",
                m.reference,
                m.outcome,
                m.finding,
                m.sentence.as_deref().unwrap_or("-")
            );
        }
    }
}

/// One line per page: outcome, finding, fault kinds, and the start of the summary.
fn print_pages(parsed: &BTreeMap<String, Parsed>) {
    println!();
    for (key, p) in parsed {
        let d = &p.decision;
        let kinds: Vec<&str> = d.faults.iter().map(|f| f.kind.as_str()).collect();
        let summary: String = d
            .summary
            .as_deref()
            .unwrap_or("")
            .chars()
            .take(160)
            .collect();
        println!(
            "PAGE {key} | {} | {} | {} | {}",
            d.outcome.as_deref().unwrap_or("-"),
            d.finding.map_or("-".to_string(), |f| f.to_string()),
            kinds.join(","),
            summary.replace('\n', " ")
        );
    }
}

fn ratio(n: usize, d: usize) -> Option<f64> {
    (d > 0).then(|| n as f64 / d as f64)
}

fn pct(n: usize, d: usize) -> String {
    ratio(n, d).map_or("-".to_string(), |r| format!("{:.1}%", r * 100.0))
}

fn fmt(amounts: &[f64]) -> String {
    let parts: Vec<String> = amounts.iter().map(|a| format!("{a}")).collect();
    format!("[{}]", parts.join(", "))
}

/// `yy-nnn-nnn` from the end of a decision URL.
fn url_reference(url: &str) -> Option<String> {
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    canonical_reference(&last.replace('-', " ")).map(|r| r.replace(' ', "-"))
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}:{}: bad JSON line", path.display(), i + 1))
        })
        .collect()
}
