//! `ombuds values`: the distinct values of a field and how many decisions
//! have each, over the decisions a query and filters select. The long help
//! is [`LONG_ABOUT`].

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::filters::{check_in_index, FilterArgs};
use super::ExitStatus;
use crate::output::rows::FORMATS;
use crate::output::values::write_values;
use crate::output::{terminal_width, Format};
use crate::query::build_query;
use crate::stats::values::{count, ValueField};

/// The long help of `ombuds values`.
pub const LONG_ABOUT: &str =
    "The distinct values of one field and the number of decisions with each, over the
decisions a query and filters select (default: all). It answers \"decisions per
council\" and says which values a filter (--category, --outcome, --fault...) can
take in this index. Counted from the index's fast fields, like stats.

FIELD is one of organisation, category, subcategory, outcome, finding, fault,
remedy, purpose (of an agreed payment), role (of any payment) or year. A decision
counts once for each value it has (a decision finding two kinds of fault counts
under both), so the counts can add up to more than the decisions. Spellings of one
organisation (case, punctuation, spacing, & or and, a leading The) are one row,
printed as the spelling most of the decisions use.

Values run from most decisions to fewest, then by value; years run in time order.
The decisions with no value for the field are a last row, (none).

Output (--format): a table fitted to the terminal; csv or csv-excel (with a UTF-8
byte-order mark for Excel) with the columns value, decisions; jsonl, those rows as
one object a line; or json, one document:
  {\"field\": ..., \"values\": [{\"value\": ..., \"decisions\": N}, ...],
   \"missing_decisions\": N, \"total_decisions\": N}
(docs/output-formats.md).
Exit code 1 when no decision matches.

Examples:
  ombuds values category
  ombuds values organisation delay --from 2024-01-01
  ombuds values fault --category \"Adult care services\" --format csv
  ombuds values year --organisation \"Norfolk County Council\"
  ombuds values outcome --format json";

/// Flags of `ombuds values`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The field whose values are listed.
    #[arg(value_enum)]
    pub field: ValueField,

    /// Query selecting decisions (as in search); default all.
    #[arg(value_name = "QUERY", default_value = "", allow_hyphen_values = true)]
    pub query: String,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Print only the first N values.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,

    /// Output format.
    #[arg(long, value_parser = Format::parser(FORMATS), default_value = "table")]
    pub format: Format,
}

/// Checks the filters, counts the field's values, prints them.
pub fn run(index_path: &Path, args: Args) -> Result<ExitStatus> {
    let filters = args.filters.to_filters()?;
    let index = crate::index::open(index_path)?;
    let searcher = crate::index::read::searcher(&index)?;
    check_in_index(&index, &searcher, &filters)?;
    let query = build_query(&index, &searcher, &args.query, &filters)?;
    let mut counted = count(&searcher, query.as_ref(), &[args.field])?;
    let Some(mut values) = counted.pop() else {
        return Ok(ExitStatus::NothingFound);
    };
    if let Some(limit) = args.limit {
        values.values.truncate(limit as usize);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut notes = std::io::stderr();
    write_values(&mut out, &mut notes, &values, args.format, terminal_width())?;
    out.flush()?;
    Ok(if values.total_decisions == 0 {
        eprintln!("no decisions match");
        ExitStatus::NothingFound
    } else {
        ExitStatus::Success
    })
}
