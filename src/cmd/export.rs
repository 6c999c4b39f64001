//! `ombuds export`: write the filtered set for R, pandas, Excel or Datasette.
//! The long help is [`LONG_ABOUT`].

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use tantivy::collector::DocSetCollector;

use super::filters::FilterArgs;
use super::ExitStatus;
use crate::index::read::decision_at;
use crate::names::name_of;
use crate::output::export::{rows, ExportWriter, Level, FORMATS};
use crate::output::file::OutputFile;
use crate::output::Format;
use crate::parse::{Decision, PaymentRole};
use crate::query::build_query;

/// The long help of `ombuds export`.
pub const LONG_ABOUT: &str =
    "Write the decisions a query and filters select as CSV, JSON or JSON Lines, one
row per decision, per payment or per fault, sorted by reference.

Formats (--format): csv (the default; the header row even when nothing matches),
csv-excel (the same CSV after a UTF-8 byte-order mark, so Excel on Windows shows £
intact), json (one array of row objects) and jsonl (one row object a line).

Columns, in order (CSV joins lists with ';' and leaves missing values empty):
  decision: reference, organisation, category, subcategory, decision_date, url,
            outcome, complainant, finding, agreed_total, accepted_total,
            agreed_payments, remedies, payment_amount_unstated, truncated, faults,
            deadline_days, shared_with_ofsted, source, summary
  payment:  reference, organisation, category, subcategory, decision_date, url,
            amount, role (agreed/accepted/offered/claimed/other), period
            (week/month/year for a rate, empty for a lump sum), purpose, recipient,
            section, sentence
  fault:    reference, organisation, category, subcategory, decision_date, url,
            kind, sentence
(url: the decision's public web page where the input named it, else empty)

agreed_total and agreed_payments count agreed lump sums; accepted_total sums what
the body paid on its own and the decision found a sufficient remedy.
payment_amount_unstated is true when the agreed remedy includes a payment with no
stated amount ('refund the fees'), truncated when the text looks cut off.
--role ROLES keeps the payment rows of those roles (comma-separated, or all;
agreed when not given, as in stats payments); it applies to --level payment only.

CSV is safe to open in a spreadsheet: a text cell that starts with =, +, -, @, a
tab or a carriage return (which Excel, LibreOffice and Google Sheets would run as
a formula) is written with a ' in front. Numbers (amounts, days) are written as
numbers and never prefixed. JSON values are exactly as extracted.

--output FILE is written to a temporary file in the same folder and renamed over
FILE only when the export succeeded, so a failed run leaves FILE as it was. It
refuses a FILE inside an index folder and a FILE that is a symbolic link (it
never writes through links; a link to a pipe or terminal, like /dev/stdout, is
fine). When nothing matches, an existing FILE is kept unless --overwrite-empty.

Examples:
  ombuds export --format csv > decisions.csv
  ombuds export --level payment --category \"Children's care services\" --format csv -o payments.csv
  ombuds export delay --level fault --format jsonl
  ombuds export --level payment --role agreed,accepted --format csv";

/// Flags of `ombuds export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Query selecting decisions (tantivy syntax); default all.
    #[arg(value_name = "QUERY", default_value = "", allow_hyphen_values = true)]
    pub query: String,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Output format: csv, csv-excel (CSV after a UTF-8 byte-order mark, for
    /// Excel), json (one array) or jsonl (one object a line).
    #[arg(long, value_parser = Format::parser(FORMATS), default_value = "csv")]
    pub format: Format,

    /// One row per decision, payment or fault.
    #[arg(long, value_enum, default_value = "decision")]
    pub level: Level,

    /// With --level payment: the roles whose payments are written,
    /// comma-separated, from agreed, accepted, offered, claimed and other,
    /// or all [default: agreed].
    #[arg(long, value_delimiter = ',', value_name = "ROLES")]
    pub role: Vec<String>,

    /// Write to this file instead of stdout (replaced only on success;
    /// never inside an index folder or through a symbolic link).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// With --output: when nothing matches, replace an existing FILE with the
    /// empty export instead of keeping it.
    #[arg(long, requires = "output")]
    pub overwrite_empty: bool,
}

/// Selects, loads in reference order, writes rows.
pub fn run(index_path: &Path, args: Args) -> Result<ExitStatus> {
    let filters = args.filters.to_filters()?;
    let roles = roles(&args)?;
    if let Some(path) = &args.output {
        OutputFile::check(path, "--output", index_path)?;
    }
    let index = crate::index::open(index_path)?;
    let searcher = crate::index::read::searcher(&index)?;
    super::filters::check_in_index(&index, &searcher, &filters)?;
    let query = build_query(&index, &searcher, &args.query, &filters)?;
    let mut addresses: Vec<_> = searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort();
    let mut decisions = addresses
        .into_iter()
        .map(|a| decision_at(&index, &searcher, a))
        .collect::<Result<Vec<_>>>()?;
    decisions.sort_by(|a, b| a.reference.cmp(&b.reference));

    let count = match &args.output {
        None => {
            let out = std::io::BufWriter::new(std::io::stdout().lock());
            write_rows(out, &decisions, &args, &roles)?.1
        }
        Some(path) => {
            let file = OutputFile::create(path, "--output", index_path)?;
            let (out, count) = write_rows(std::io::BufWriter::new(file), &decisions, &args, &roles)
                .with_context(|| format!("--output: cannot write {}", path.display()))?;
            let file = out
                .into_inner()
                .map_err(|e| e.into_error())
                .with_context(|| format!("--output: cannot write {}", path.display()))?;
            if count == 0 && file.replaces_file() && !args.overwrite_empty {
                eprintln!(
                    "exported 0 rows; {} kept as it was (--overwrite-empty replaces it)",
                    path.display()
                );
                return Ok(ExitStatus::NothingFound);
            }
            file.commit()?;
            count
        }
    };
    eprintln!("exported {count} rows from {} decisions", decisions.len());
    Ok(if count == 0 {
        ExitStatus::NothingFound
    } else {
        ExitStatus::Success
    })
}

/// Writes every row of `decisions` to `out`; gives `out` back, flushed, with
/// the number of rows.
fn write_rows<W: Write>(
    out: W,
    decisions: &[Decision],
    args: &Args,
    roles: &[PaymentRole],
) -> Result<(W, usize)> {
    let mut writer = ExportWriter::new(out, args.format, args.level)?;
    let mut count = 0;
    for d in decisions {
        for row in rows(d, args.level, roles) {
            writer.write(&row)?;
            count += 1;
        }
    }
    Ok((writer.finish()?, count))
}

/// The roles of the payment rows: `--role` (checked as `stats` checks it),
/// by default `agreed`, as in `stats payments`, so that a spreadsheet of
/// payment rows sums to the same figures; a role list means nothing at the
/// other levels and is refused.
fn roles(args: &Args) -> Result<Vec<PaymentRole>> {
    if !args.role.is_empty() && args.level != Level::Payment {
        bail!(
            "--role selects payment rows: use it with --level payment (got --level {})",
            name_of(&args.level)
        );
    }
    super::stats::roles(&args.role)
}
