//! The filter flags shared by `search`, `stats` and `export`, checked and
//! turned into a typed [`Filters`] before any work.

use anyhow::{anyhow, Result};
use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::index::tokenizer::WordTokenizer;
use crate::names::name_of;
use crate::parse::{iso_text, RemedyKind, ISO_DATE};
use crate::query::Filters;

/// Filter flags (all joined with AND).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only decisions whose organisation name contains these words, in order
    /// (e.g. `--organisation barnsley`).
    #[arg(long, value_name = "WORDS")]
    pub organisation: Option<String>,

    /// Only this category (case-insensitive), e.g. "Children's care services".
    #[arg(long, value_name = "NAME")]
    pub category: Option<String>,

    /// Only this sub-category (case-insensitive), e.g. "Looked after children".
    #[arg(long, value_name = "NAME")]
    pub subcategory: Option<String>,

    /// Only this outcome: "Upheld", "Not upheld", "Closed after initial enquiries".
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

    /// Only decisions whose agreed payments total at least this many pounds.
    #[arg(long, value_name = "POUNDS")]
    pub min_amount: Option<f64>,
}

impl FilterArgs {
    /// Checks every flag and returns the typed filters; errors name the flag.
    pub fn to_filters(&self) -> Result<Filters> {
        let date = |flag: &str, value: &Option<String>| -> Result<Option<time::Date>> {
            value
                .as_deref()
                .map(|v| {
                    time::Date::parse(v.trim(), ISO_DATE).map_err(|_| {
                        anyhow!("--{flag}: '{v}' is not a valid date (use YYYY-MM-DD)")
                    })
                })
                .transpose()
        };
        let from = date("from", &self.from)?;
        let to = date("to", &self.to)?;
        if let (Some(a), Some(b)) = (&from, &to) {
            if a > b {
                let (a, b) = (iso_text(*a), iso_text(*b));
                return Err(anyhow!("--from {a} is after --to {b}"));
            }
        }
        if let Some(min) = self.min_amount {
            if !min.is_finite() || min < 0.0 {
                return Err(anyhow!(
                    "--min-amount: '{min}' must be a number of pounds, 0 or more"
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
        if let Some(words) = &organisation {
            // The organisation field is indexed with the words tokenizer
            // (`index::schema`): a value it finds no word in matches nothing.
            if !WordTokenizer::default().token_stream(words).advance() {
                return Err(anyhow!("--organisation: '{words}' has no words to match"));
            }
        }
        Ok(Filters {
            organisation,
            category: non_empty("category", &self.category)?,
            subcategory: non_empty("subcategory", &self.subcategory)?,
            outcome: non_empty("outcome", &self.outcome)?,
            from,
            to,
            fault: non_empty("fault", &self.fault)?,
            remedy: self.remedy.as_ref().map(|r| name_of(r).to_string()),
            min_amount: self.min_amount,
        })
    }
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
