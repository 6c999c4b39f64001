//! The filter flags shared by `search`, `stats` and `export`, checked and
//! turned into a typed [`Filters`] before any work.

use anyhow::{anyhow, bail, Result};
use tantivy::query::AllQuery;
use tantivy::tokenizer::{TokenStream, Tokenizer};
use tantivy::Term;

use crate::index::schema::name;
use crate::index::tokenizer::WordTokenizer;
use crate::index::DecisionIndex;
use crate::names::name_of;
use crate::parse::{iso_text, RemedyKind, ISO_DATE};
use crate::query::organisation::key;
use crate::query::suggest::{closest, listed};
use crate::query::Filters;
use crate::stats::values::{self, ValueField};

/// Filter flags (all joined with AND).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only decisions of this organisation: its whole name, ignoring case,
    /// punctuation, spacing, `&`/`and` and a leading "The" (e.g.
    /// `--organisation "Norfolk County Council"`).
    #[arg(long, value_name = "NAME")]
    pub organisation: Option<String>,

    /// Only decisions whose organisation name contains these words, in order
    /// (`--organisation-words norfolk` also finds South Norfolk District
    /// Council).
    #[arg(long, value_name = "WORDS")]
    pub organisation_words: Option<String>,

    /// Only this category (case-insensitive), e.g. "Children's care services".
    #[arg(long, value_name = "NAME")]
    pub category: Option<String>,

    /// Only this sub-category (case-insensitive), e.g. "Looked after children".
    #[arg(long, value_name = "NAME")]
    pub subcategory: Option<String>,

    /// Only this outcome (case-insensitive), as printed: "Upheld", "Not
    /// upheld", "Closed after initial enquiries".
    #[arg(long, value_name = "OUTCOME")]
    pub outcome: Option<String>,

    /// Only decisions dated on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only decisions dated on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only decisions that find this kind of fault (e.g. delay, complaint_handling).
    #[arg(long, value_name = "KIND")]
    pub fault: Option<String>,

    /// Only decisions with this kind of remedy.
    #[arg(long, value_enum, value_name = "KIND")]
    pub remedy: Option<RemedyKind>,

    /// Only decisions whose agreed payments total at least this much: 500,
    /// £500, 1,000, 1k, 2.5k, £1,234.50.
    #[arg(long, value_name = "POUNDS", allow_hyphen_values = true)]
    pub min_amount: Option<String>,

    /// Only decisions whose agreed payments total at most this much (same
    /// forms as --min-amount).
    #[arg(long, value_name = "POUNDS", allow_hyphen_values = true)]
    pub max_amount: Option<String>,
}

/// The date a `--FLAG YYYY-MM-DD` value names, or an error naming the flag.
pub fn flag_date(flag: &str, value: &str) -> Result<time::Date> {
    time::Date::parse(value.trim(), ISO_DATE)
        .map_err(|_| anyhow!("--{flag}: '{value}' is not a valid date (use YYYY-MM-DD)"))
}

impl FilterArgs {
    /// Checks every flag and returns the typed filters; errors name the flag.
    pub fn to_filters(&self) -> Result<Filters> {
        let date = |flag: &str, value: &Option<String>| -> Result<Option<time::Date>> {
            value.as_deref().map(|v| flag_date(flag, v)).transpose()
        };
        let from = date("from", &self.from)?;
        let to = date("to", &self.to)?;
        if let (Some(a), Some(b)) = (&from, &to) {
            if a > b {
                let (a, b) = (iso_text(*a), iso_text(*b));
                return Err(anyhow!("--from {a} is after --to {b}"));
            }
        }
        let amount = |flag: &str, value: &Option<String>| -> Result<Option<f64>> {
            value
                .as_deref()
                .map(|v| {
                    pounds(v).ok_or_else(|| {
                        anyhow!(
                            "--{flag}: '{v}' is not an amount of pounds (write it as 500, £500, 1,000, 1k, 2.5k or £1,234.50)"
                        )
                    })
                })
                .transpose()
        };
        let min_amount = amount("min-amount", &self.min_amount)?;
        let max_amount = amount("max-amount", &self.max_amount)?;
        if let (Some(min), Some(max)) = (min_amount, max_amount) {
            if min > max {
                return Err(anyhow!(
                    "--min-amount {min} is more than --max-amount {max}"
                ));
            }
        }
        let non_empty = |flag: &str, v: &Option<String>| -> Result<Option<String>> {
            match v {
                Some(s) if s.trim().is_empty() => Err(anyhow!("--{flag}: value is empty")),
                other => Ok(other.clone()),
            }
        };
        let organisation = non_empty("organisation", &self.organisation)?;
        let organisation_words = non_empty("organisation-words", &self.organisation_words)?;
        // The organisation field is indexed with the words tokenizer
        // (`index::schema`): a value it finds no word in matches nothing.
        for (flag, value) in [
            ("organisation", &organisation),
            ("organisation-words", &organisation_words),
        ] {
            if let Some(words) = value {
                if !WordTokenizer::default().token_stream(words).advance() {
                    return Err(anyhow!("--{flag}: '{words}' has no words to match"));
                }
            }
        }
        Ok(Filters {
            organisation,
            organisation_words,
            category: non_empty("category", &self.category)?,
            subcategory: non_empty("subcategory", &self.subcategory)?,
            outcome: non_empty("outcome", &self.outcome)?,
            from,
            to,
            fault: non_empty("fault", &self.fault)?,
            remedy: self.remedy.as_ref().map(|r| name_of(r).to_string()),
            min_amount,
            max_amount,
        })
    }
}

/// The outcomes LGSCO pages print on their `Decision :` line today (older
/// pages use other wordings, which `ombuds values outcome` lists).
pub const OUTCOMES: [&str; 3] = ["Upheld", "Not upheld", "Closed after initial enquiries"];

/// The filters' valid values, for the long help of the commands that take
/// them: every enumerable kind, the fault kinds from the built-in taxonomy.
pub fn kinds_help() -> String {
    use crate::parse::{Finding, PaymentRole, Purpose};
    let names = |list: Vec<&str>| wrapped(&list.join(", "));
    // Named from the built-in file, not the compiled taxonomy: this help is
    // built on every run, and compiling the fault signals takes milliseconds.
    let kinds = crate::parse::fault_kind_names(crate::parse::DEFAULT_TAXONOMY);
    let faults = names(kinds.iter().map(String::as_str).collect());
    let remedies = names(
        <RemedyKind as clap::ValueEnum>::value_variants()
            .iter()
            .map(name_of)
            .collect(),
    );
    let purposes = Purpose::ALL;
    let findings = Finding::ALL;
    format!(
        "Filter values (each filter value must be held by some decision in the index,
else the command stops and names the closest values; `ombuds values FIELD` lists
what an index holds, with counts):
  --organisation  a whole name, ignoring case, punctuation, spacing, & or and, and
                  a leading The; --organisation-words for any name containing words
  --outcome       as printed on LGSCO pages:
{outcomes}
  --fault         fault kinds (the built-in taxonomy; an index ingested with
                  --taxonomy holds that taxonomy's kinds):
{faults}
  --remedy        remedy kinds:
{remedies}
  --role          payment roles (stats, export):
{roles}
  purpose:        payment purposes (a query field):
{purposes}
  finding:        findings (a query field):
{findings}",
        outcomes = wrapped(&OUTCOMES.join(", ")),
        roles = names(PaymentRole::ALL.iter().map(name_of).collect()),
        purposes = names(purposes.iter().map(name_of).collect()),
        findings = names(findings.iter().map(name_of).collect()),
    )
}

/// A list for the help: indented under its flag, lines kept short so clap
/// does not rewrap them.
fn wrapped(list: &str) -> String {
    const INDENT: &str = "                  ";
    let mut lines = vec![INDENT.to_string()];
    for word in list.split(' ') {
        let line = lines.last_mut().expect("one line at least");
        if line.len() > INDENT.len() && line.len() + word.len() > 78 {
            lines.push(format!("{INDENT}{word}"));
        } else {
            if line.len() > INDENT.len() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join("\n")
}

/// Refuses a filter value that no decision in the index has, naming the
/// flag and the closest values the index holds: `--category "Adult social
/// care"` would otherwise match nothing and say only that.
///
/// Whether a value exists is one term lookup (or, for an organisation, a
/// pass over each segment's dictionary of names); the values are counted
/// only to suggest some, when the check fails. `--remedy` is a closed
/// choice that clap checks; a kind no decision shows is a true zero.
pub fn check_in_index(
    index: &DecisionIndex,
    searcher: &tantivy::Searcher,
    filters: &Filters,
) -> Result<()> {
    let f = &index.fields;
    let keywords = [
        (
            "category",
            f.category,
            ValueField::Category,
            &filters.category,
        ),
        (
            "subcategory",
            f.subcategory,
            ValueField::Subcategory,
            &filters.subcategory,
        ),
        ("outcome", f.outcome, ValueField::Outcome, &filters.outcome),
        ("fault", f.fault, ValueField::Fault, &filters.fault),
    ];
    for (flag, field, values_of, value) in keywords {
        let Some(value) = value else { continue };
        // Keyword fields are indexed lowercased as one token (`index::schema`).
        let term = Term::from_field_text(field, &value.trim().to_lowercase());
        if searcher.doc_freq(&term)? == 0 {
            bail!(
                "--{flag}: no decision in the index has {flag} '{value}'{}",
                suggestions(searcher, values_of, value)?
            );
        }
    }
    if let Some(value) = &filters.organisation {
        if !organisation_in_index(searcher, value)? {
            bail!(
                "--organisation: no organisation in the index is named '{value}'{}; or --organisation-words '{value}' for names containing those words",
                suggestions(searcher, ValueField::Organisation, value)?
            );
        }
    }
    Ok(())
}

/// Whether some decision's organisation has the same key as `value`.
fn organisation_in_index(searcher: &tantivy::Searcher, value: &str) -> Result<bool> {
    let wanted = key(value);
    for reader in searcher.segment_readers() {
        let Some(column) = reader.fast_fields().str(name::ORGANISATION)? else {
            continue;
        };
        let mut terms = column.dictionary().stream()?;
        while terms.advance() {
            if key(&String::from_utf8_lossy(terms.key())) == wanted {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// `; did you mean: A (12), B (3)? (...)`, from the whole index's values.
fn suggestions(searcher: &tantivy::Searcher, field: ValueField, typed: &str) -> Result<String> {
    let counted = values::count(searcher, &AllQuery, &[field])?;
    let held = counted.first().map(|c| c.values.as_slice()).unwrap_or(&[]);
    let field = name_of(&field);
    Ok(if held.is_empty() {
        format!(" (no decision in the index has any {field})")
    } else {
        format!(
            "; did you mean: {}? (`ombuds values {field}` lists them all)",
            listed(&closest(typed, held))
        )
    })
}

/// An amount of pounds as people write it: `500`, `£500`, `1,000`, `1k`,
/// `2.5k`, `£1,234.50` (commas between groups of three digits, `k` for
/// thousands); `None` for anything else, a negative or a non-finite amount.
pub fn pounds(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = text.strip_prefix('£').unwrap_or(text).trim_start();
    let (number, scale) = match text.strip_suffix(['k', 'K']) {
        Some(number) => (number.trim_end(), 1000.0),
        None => (text, 1.0),
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let grouped = whole.contains(',');
    if !digits(first) || (grouped && first.len() > 3) {
        return None;
    }
    if !groups.all(|g| g.len() == 3 && digits(g)) {
        return None;
    }
    if fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    let plain = match fraction {
        Some(f) => format!("{}.{f}", whole.replace(',', "")),
        None => whole.replace(',', ""),
    };
    let value = plain.parse::<f64>().ok()? * scale;
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn refused(args: FilterArgs) -> String {
        match args.to_filters() {
            Ok(filters) => panic!("accepted {filters:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn dates_become_days_and_bad_ones_name_their_flag() {
        let args = FilterArgs {
            from: Some(" 2023-08-22".into()),
            to: Some("2024-02-29".into()),
            ..FilterArgs::default()
        };
        let filters = args.to_filters().expect("valid dates");
        assert_eq!(
            (filters.from, filters.to),
            (Some(date!(2023 - 08 - 22)), Some(date!(2024 - 02 - 29)))
        );
        let from = |v: &str| FilterArgs {
            from: Some(v.into()),
            ..FilterArgs::default()
        };
        for bad in ["05/10/2023", "2023-13-01", "2023-02-29", "5 Oct 2023"] {
            assert_eq!(
                refused(from(bad)),
                format!("--from: '{bad}' is not a valid date (use YYYY-MM-DD)")
            );
        }
        let to = FilterArgs {
            to: Some("2023-1-5".into()),
            ..FilterArgs::default()
        };
        assert!(refused(to).starts_with("--to: '2023-1-5'"));
        let backwards = FilterArgs {
            from: Some("2024-01-02".into()),
            to: Some("2024-01-01".into()),
            ..FilterArgs::default()
        };
        assert_eq!(
            refused(backwards),
            "--from 2024-01-02 is after --to 2024-01-01"
        );
    }

    #[test]
    fn pounds_are_read_as_people_write_them() {
        for (text, want) in [
            ("500", 500.0),
            ("£500", 500.0),
            (" £ 500 ", 500.0),
            ("1,000", 1000.0),
            ("1k", 1000.0),
            ("1K", 1000.0),
            ("2.5k", 2500.0),
            ("£1,234.50", 1234.5),
            ("1,234,567", 1_234_567.0),
            ("0", 0.0),
            ("0.5", 0.5),
        ] {
            assert_eq!(pounds(text), Some(want), "{text}");
        }
        for bad in [
            "",
            "£",
            "k",
            "-500",
            "1,00",
            "10,00,000",
            "1000,000",
            ",500",
            "1.2.3",
            "1e3",
            "inf",
            "NaN",
            "500p",
            "$500",
            "1,000.",
            "£-1",
            "1 000",
        ] {
            assert_eq!(pounds(bad), None, "{bad}");
        }
    }

    #[test]
    fn amounts_name_their_flag_and_the_forms_accepted() {
        let args = FilterArgs {
            min_amount: Some("£1,000".into()),
            max_amount: Some("2.5k".into()),
            ..FilterArgs::default()
        };
        let filters = args.to_filters().expect("valid amounts");
        assert_eq!(
            (filters.min_amount, filters.max_amount),
            (Some(1000.0), Some(2500.0))
        );
        let max = FilterArgs {
            max_amount: Some("lots".into()),
            ..FilterArgs::default()
        };
        assert_eq!(
            refused(max),
            "--max-amount: 'lots' is not an amount of pounds (write it as 500, £500, 1,000, 1k, 2.5k or £1,234.50)"
        );
        let backwards = FilterArgs {
            min_amount: Some("1k".into()),
            max_amount: Some("500".into()),
            ..FilterArgs::default()
        };
        assert_eq!(
            refused(backwards),
            "--min-amount 1000 is more than --max-amount 500"
        );
    }

    #[test]
    fn kinds_help_lists_every_enumerable_kind() {
        let help = kinds_help();
        let taxonomy = crate::parse::Taxonomy::default_ref();
        assert!(taxonomy.kinds().count() > 3);
        for kind in taxonomy.kinds() {
            assert!(help.contains(kind), "{kind}");
        }
        for role in crate::parse::PaymentRole::ALL {
            assert!(help.contains(name_of(&role)));
        }
        for remedy in <RemedyKind as clap::ValueEnum>::value_variants() {
            assert!(help.contains(name_of(remedy)));
        }
        for word in [
            "time_and_trouble",
            "fault_no_injustice",
            "Closed after initial enquiries",
            "ombuds values FIELD",
        ] {
            assert!(help.contains(word), "{word}");
        }
    }

    #[test]
    fn an_organisation_needs_a_word_the_index_can_match() {
        let organisation = |v: &str| FilterArgs {
            organisation: Some(v.into()),
            ..FilterArgs::default()
        };
        assert_eq!(
            refused(organisation(" - ")),
            "--organisation: ' - ' has no words to match"
        );
        assert_eq!(
            refused(organisation("  ")),
            "--organisation: value is empty"
        );
        let filters = organisation("Barnsley").to_filters().expect("a word");
        assert_eq!(filters.organisation.as_deref(), Some("Barnsley"));
    }
}
