//! The filter flags shared by `search`, `stats` and `export`, checked and
//! turned into a typed [`Filters`] before any work.

use anyhow::{anyhow, Result};

use crate::names::name_of;
use crate::parse::{iso_date_checked, RemedyKind};
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
        let date = |flag: &str, value: &Option<String>| -> Result<Option<String>> {
            value
                .as_deref()
                .map(|v| {
                    iso_date_checked(v).ok_or_else(|| {
                        anyhow!("--{flag}: '{v}' is not a valid date (use YYYY-MM-DD)")
                    })
                })
                .transpose()
        };
        let from = date("from", &self.from)?;
        let to = date("to", &self.to)?;
        if let (Some(a), Some(b)) = (&from, &to) {
            if a > b {
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
        Ok(Filters {
            organisation: non_empty("organisation", &self.organisation)?,
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
