//! `ombuds stats`: payment sizes, outcomes, faults and remedies over the
//! decisions a query selects. The long help is [`LONG_ABOUT`].

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::filters::FilterArgs;
use super::ExitStatus;
use crate::names::name_of;
use crate::output::compare::write_comparison;
use crate::output::stats::write_stats;
use crate::output::Format;
use crate::parse::PaymentRole;
use crate::query::Filters;
use crate::stats::{Buckets, GroupField, PaymentBasis, Selection, Statistic, StatsRequest};

/// The long help of `ombuds stats`.
pub const LONG_ABOUT: &str =
    "Statistics over the decisions a query and filters select, computed from the
index's fast fields (no text is read, so it stays fast at 100,000 decisions).

WHAT is one of:
  payments   remedy payments: count, sum, mean, min, p25, median, p75, p90, max,
             and the share of decisions with any counted payment. --role picks
             the roles counted (default agreed; agreed,accepted is the money the
             remedy involved, including what the body had already paid and the
             decision found enough). --per decision (default) uses each
             decision's total of those payments; --per payment uses individual
             payments. Rates ('£50 a month') and restated totals never count.
             The notes (and the JSON) say how many decisions agree a payment
             with no stated amount ('refund the fees') and how many texts look
             truncated: the figures cannot include either, so read a median
             with them. Percentiles interpolate linearly between ranks (R's and
             numpy's default).
  outcomes   counts of each outcome and the upheld rate over both denominators:
             decisions with an outcome, and investigated decisions (leaving out
             'Closed after initial enquiries'). Decisions with no outcome line are
             counted as '(no outcome line)'; --infer reads them from the finding.
  faults     decisions showing each fault kind (--cross: fault x remedy table).
  remedies   decisions showing each remedy kind (--cross: fault x remedy table).

--by FIELD[,FIELD] groups by organisation, category, subcategory, outcome, year,
quarter (2023-Q4), month (2023-10), fault, remedy or purpose; groups are sorted
by decisions, then name, except time keys (year, quarter, month), which run in
time order with every period between the first and last shown, an empty one as a
row of 0 decisions (payment figures empty), and undated decisions last as
'(none)'; a second key keeps its own order inside each period. Groups under
--min-count decisions (and beyond --top) are folded into one '(other)' row,
flagged 'folded', because rates on tiny groups mislead.

--compare FIELD=VALUE puts the decisions of the set that a filter field selects
(organisation, category, subcategory, outcome, fault, remedy: matched as the
flag of that name matches) beside the rest of the set, in one table: each row
has selected_* columns then rest_* columns, each side with its n_decisions (the
denominator of its shares and rates). Any other value is a query in the query
language (--compare 'agreed_total:[1000 TO *]'). JSON carries both reports.

Output (--format): a table with bars fitted to the terminal (notes on stderr); csv
or csv-excel (with a UTF-8 byte-order mark for Excel) with the same columns, a
missing figure empty; jsonl, those rows as one object a line; or json, one document
echoing the request (keys documented in docs/output-formats.md). Group names
come from the decisions, so in the table control characters are shown as
\\u{1b}-style escapes, and in CSV a text cell starting with =, +, -, @, a tab or a
carriage return gets a ' in front so a spreadsheet does not run it as a formula
(numbers are never prefixed).

--plot FILE draws to a temporary file in the same folder and renames it over FILE
only when the chart is complete. It refuses a FILE inside an index folder and a
FILE that is a symbolic link (it never writes through links).

Examples:
  ombuds stats payments
  ombuds stats payments --category \"Children's care services\" --by year
  ombuds stats payments --per payment --purpose --format csv
  ombuds stats payments --role agreed,accepted --by year
  ombuds stats payments --histogram --plot payments.svg
  ombuds stats outcomes --by organisation --top 10 --min-count 5
  ombuds stats faults --cross
  ombuds stats outcomes --by quarter --plot outcomes.svg
  ombuds stats outcomes --compare organisation=\"Norfolk County Council\"
  ombuds stats payments --by year --compare category=Education
  ombuds stats remedies delay --from 2023-01-01 --format json";

/// Flags of `ombuds stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to count.
    #[arg(value_enum)]
    pub what: Statistic,

    /// Query selecting decisions (tantivy syntax, as in search); default all.
    #[arg(value_name = "QUERY", default_value = "", allow_hyphen_values = true)]
    pub query: String,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Group by one or two fields, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FIELD[,FIELD]")]
    pub by: Vec<GroupField>,

    /// Payments: count each decision's agreed total, or each payment.
    #[arg(long, value_enum, default_value = "decision")]
    pub per: PaymentBasis,

    /// Payments: the roles counted, comma-separated, from agreed, accepted,
    /// offered, claimed and other [default: agreed].
    #[arg(long, value_delimiter = ',', value_name = "ROLES")]
    pub role: Vec<String>,

    /// Payments: split by payment purpose (implies --per payment).
    #[arg(long)]
    pub purpose: bool,

    /// Payments: add a histogram (the usual bands, or --bucket width).
    #[arg(long)]
    pub histogram: bool,

    /// Payments: fixed histogram bucket width in pounds (implies --histogram).
    #[arg(long, value_name = "POUNDS")]
    pub bucket: Option<f64>,

    /// Keep only the N largest groups; the rest fold into '(other)'.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub top: Option<u32>,

    /// Fold groups with fewer decisions than this into '(other)'.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_count: u32,

    /// Outcomes: infer a missing outcome from the extracted finding.
    #[arg(long)]
    pub infer: bool,

    /// Faults/remedies: add the fault x remedy table.
    #[arg(long)]
    pub cross: bool,

    /// Compare the decisions this selects with the rest of the set, side
    /// by side: FIELD=VALUE (organisation, category, subcategory, outcome,
    /// fault or remedy, matched as its filter flag matches) or a query.
    #[arg(long, value_name = "FIELD=VALUE|QUERY", allow_hyphen_values = true)]
    pub compare: Option<String>,

    /// Output format.
    #[arg(long, value_parser = Format::parser(crate::output::rows::FORMATS), default_value = "table")]
    pub format: Format,

    /// Also draw a chart to this file (.svg or .png; replaced only on
    /// success, never inside an index folder or through a symbolic link).
    #[arg(long, value_name = "FILE")]
    pub plot: Option<PathBuf>,
}

/// Checks the request, computes the report, prints it (and plots it).
pub fn run(index_path: &Path, args: Args) -> Result<ExitStatus> {
    let request = request(&args)?;
    if let Some(plot) = &args.plot {
        crate::output::plot::check_path(plot, index_path)?;
    }
    let index = crate::index::open(index_path)?;
    let searcher = crate::index::read::searcher(&index)?;
    super::filters::check_in_index(&index, &searcher, &request.filters)?;
    if let Some(selection) = selection(args.compare.as_deref())? {
        super::filters::check_in_index(&index, &searcher, &selection.filters)
            .context("--compare")?;
        let comparison = crate::stats::compare(&index, &searcher, request, selection)?;
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write_comparison(
            &mut out,
            &mut std::io::stderr(),
            &comparison,
            args.format,
            crate::output::terminal_width(),
        )?;
        out.flush()?;
        let n = comparison.selected.n_decisions + comparison.rest.n_decisions;
        return Ok(if n == 0 {
            ExitStatus::NothingFound
        } else {
            ExitStatus::Success
        });
    }
    let report = crate::stats::run(&index, &searcher, request)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_stats(&mut out, &mut std::io::stderr(), &report, args.format)?;
    out.flush()?;
    if let Some(plot) = &args.plot {
        crate::output::plot::write_plot(plot, index_path, &report)?;
        eprintln!("plot written to {}", plot.display());
    }
    Ok(if report.n_decisions == 0 {
        ExitStatus::NothingFound
    } else {
        ExitStatus::Success
    })
}

fn request(args: &Args) -> Result<StatsRequest> {
    let mut by = args.by.clone();
    if args.purpose && !by.contains(&GroupField::Purpose) {
        by.push(GroupField::Purpose);
    }
    if by.len() > 2 {
        bail!("--by: at most two fields, got {}", by.len());
    }
    if by.len() == 2 && by[0] == by[1] {
        bail!("--by: the same field twice ({})", name_of(&by[0]));
    }
    let payments_only = [
        ("--role", !args.role.is_empty()),
        ("--purpose", args.purpose),
        ("--histogram", args.histogram),
        ("--bucket", args.bucket.is_some()),
    ];
    for (flag, used) in payments_only {
        if used && args.what != Statistic::Payments {
            bail!("{flag} only applies to `stats payments`");
        }
    }
    if args.compare.is_some() && args.plot.is_some() {
        bail!("--plot does not draw a --compare table; run the two sides as filters instead");
    }
    if args.infer && args.what != Statistic::Outcomes {
        bail!("--infer only applies to `stats outcomes`");
    }
    if args.cross && !matches!(args.what, Statistic::Faults | Statistic::Remedies) {
        bail!("--cross only applies to `stats faults` and `stats remedies`");
    }
    let histogram = match args.bucket {
        Some(w) if !(w.is_finite() && w >= 1.0) => {
            bail!("--bucket: '{w}' must be a width of at least 1 pound")
        }
        Some(w) => Some(Buckets::Width(w)),
        None if args.histogram => Some(Buckets::Bands),
        None => None,
    };
    Ok(StatsRequest {
        what: args.what,
        query: args.query.clone(),
        filters: args.filters.to_filters()?,
        by,
        roles: roles(&args.role)?,
        per: if args.purpose {
            PaymentBasis::Payment
        } else {
            args.per
        },
        histogram,
        top: args.top.map(|n| n as usize),
        min_count: args.min_count as usize,
        infer: args.infer,
        cross: args.cross,
    })
}

/// The filter fields `--compare FIELD=VALUE` accepts.
const COMPARE_FIELDS: [&str; 6] = [
    "organisation",
    "category",
    "subcategory",
    "outcome",
    "fault",
    "remedy",
];

/// What `--compare` selects: `FIELD=VALUE` for a filter field (the value
/// may be quoted), anything else a query in the query language.
fn selection(value: Option<&str>) -> Result<Option<Selection>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let label = value.trim().to_string();
    if label.is_empty() {
        bail!("--compare: value is empty; give FIELD=VALUE or a query");
    }
    let filter = label.split_once('=').and_then(|(field, v)| {
        let field = field.trim().to_lowercase();
        COMPARE_FIELDS
            .contains(&field.as_str())
            .then(|| (field, unquoted(v.trim()).to_string()))
    });
    let Some((field, v)) = filter else {
        // `word=value` is no query; a field name that is not one of ours is a typo.
        if let Some((field, _)) = label.split_once('=') {
            let field = field.trim();
            if !field.is_empty() && field.chars().all(|c| c.is_alphanumeric() || c == '_') {
                bail!(
                    "--compare: '{field}' is not a field --compare takes ({}); give FIELD=VALUE or a query",
                    COMPARE_FIELDS.join(", ")
                );
            }
        }
        return Ok(Some(Selection {
            query: label.clone(),
            label,
            filters: Filters::default(),
        }));
    };
    if v.is_empty() {
        bail!("--compare: '{label}' has no value after '='");
    }
    let mut filters = Filters::default();
    let slot = match field.as_str() {
        "organisation" => &mut filters.organisation,
        "category" => &mut filters.category,
        "subcategory" => &mut filters.subcategory,
        "outcome" => &mut filters.outcome,
        "fault" => &mut filters.fault,
        _ => &mut filters.remedy,
    };
    *slot = Some(v);
    Ok(Some(Selection {
        label,
        query: String::new(),
        filters,
    }))
}

/// `v` without one pair of surrounding quotes.
fn unquoted(v: &str) -> &str {
    ['"', '\'']
        .iter()
        .find_map(|&q| v.strip_prefix(q)?.strip_suffix(q))
        .unwrap_or(v)
}

/// The roles `--role` names (comma-split by clap), distinct and in the order
/// of [`PaymentRole::ALL`]; `agreed` when the flag is not given.
pub(super) fn roles(values: &[String]) -> Result<Vec<PaymentRole>> {
    if values.is_empty() {
        return Ok(vec![PaymentRole::Agreed]);
    }
    let known = || {
        PaymentRole::ALL
            .iter()
            .map(name_of)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut chosen = Vec::new();
    for value in values {
        let value = value.trim();
        if value.eq_ignore_ascii_case("all") {
            return Ok(PaymentRole::ALL.to_vec());
        }
        let Some(role) = PaymentRole::ALL
            .into_iter()
            .find(|r| name_of(r).eq_ignore_ascii_case(value))
        else {
            bail!(
                "--role: '{value}' is not a payment role (roles: {}, or all)",
                known()
            );
        };
        chosen.push(role);
    }
    Ok(PaymentRole::ALL
        .into_iter()
        .filter(|r| chosen.contains(r))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(values: &[&str]) -> Result<Vec<PaymentRole>> {
        roles(&values.iter().map(|v| v.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn roles_default_to_agreed_and_come_back_distinct_in_role_order() {
        assert_eq!(given(&[]).unwrap(), [PaymentRole::Agreed]);
        assert_eq!(
            given(&["accepted", "Agreed", " accepted"]).unwrap(),
            [PaymentRole::Agreed, PaymentRole::Accepted]
        );
        assert_eq!(
            given(&["other", "claimed", "offered", "accepted", "agreed"]).unwrap(),
            PaymentRole::ALL
        );
        assert_eq!(given(&["agreed", "ALL"]).unwrap(), PaymentRole::ALL);
    }

    #[test]
    fn compare_reads_a_filter_field_or_else_a_query() {
        let chosen = |v: &str| selection(Some(v)).unwrap().expect("a selection");
        let s = chosen("organisation=\"Norfolk County Council\"");
        assert_eq!(
            s.filters.organisation.as_deref(),
            Some("Norfolk County Council")
        );
        assert_eq!(s.query, "");
        let s = chosen(" Outcome = Upheld ");
        assert_eq!(s.filters.outcome.as_deref(), Some("Upheld"));
        // Not a filter field: the whole value is a query.
        let s = chosen("organisation:norfolk");
        assert_eq!(
            (s.query.as_str(), s.filters.organisation),
            ("organisation:norfolk", None)
        );
        let s = chosen("agreed_total:[500 TO *]");
        assert_eq!(s.query, "agreed_total:[500 TO *]");
        assert!(selection(None).unwrap().is_none());
        for (bad, says) in [
            ("", "value is empty"),
            ("fault=", "has no value"),
            (
                "council=Norfolk",
                "'council' is not a field --compare takes",
            ),
        ] {
            let error = selection(Some(bad)).unwrap_err().to_string();
            assert!(
                error.starts_with("--compare: ") && error.contains(says),
                "{error}"
            );
        }
    }

    #[test]
    fn an_unknown_role_is_refused_naming_the_flag_and_the_roles() {
        for bad in [&["bogus"][..], &["agreed", ""], &["agreed total"]] {
            let error = given(bad).unwrap_err().to_string();
            assert!(error.starts_with("--role: '"), "{error}");
            assert!(
                error.ends_with("(roles: agreed, accepted, offered, claimed, other, or all)"),
                "{error}"
            );
        }
    }
}
