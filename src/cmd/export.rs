//! `ombuds export`: write the filtered set for R, pandas, Excel or Datasette.
//! The long help is [`LONG_ABOUT`].

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tantivy::collector::DocSetCollector;

use super::filters::FilterArgs;
use super::Outcome;
use crate::index::read::decision_at;
use crate::output::export::{rows, ExportFormat, ExportWriter, Level};
use crate::query::build_query;

/// The long help of `ombuds export`.
pub const LONG_ABOUT: &str =
    "Write the decisions a query and filters select as CSV or JSON Lines, one row
per decision, per payment or per fault, sorted by reference.

Columns, in order (CSV joins lists with ';' and leaves missing values empty):
  decision: reference, organisation, category, subcategory, decision_date, outcome,
            complainant, finding, agreed_total, agreed_payments, remedies, faults,
            deadline_days, shared_with_ofsted, source, summary
  payment:  reference, organisation, category, subcategory, decision_date, amount,
            role (agreed/offered/other), purpose, recipient, section, sentence
  fault:    reference, organisation, category, subcategory, decision_date, kind,
            sentence

Examples:
  ombuds export --format csv > decisions.csv
  ombuds export --level payment --category \"Children's care services\" --format csv -o payments.csv
  ombuds export delay --level fault --format jsonl";

/// Flags of `ombuds export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Query selecting decisions (tantivy syntax); default all.
    #[arg(value_name = "QUERY", default_value = "", allow_hyphen_values = true)]
    pub query: String,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: ExportFormat,

    /// One row per decision, payment or fault.
    #[arg(long, value_enum, default_value = "decision")]
    pub level: Level,

    /// Write to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Selects, loads in reference order, writes rows.
pub fn run(index_path: &Path, args: Args) -> Result<Outcome> {
    let filters = args.filters.to_filters()?;
    let index = crate::index::open(index_path)?;
    let searcher = crate::index::read::searcher(&index)?;
    let query = build_query(&index, &args.query, &filters)?;
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

    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("--output: cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut writer = ExportWriter::new(out, args.format);
    let mut count = 0;
    for d in &decisions {
        for row in rows(d, args.level) {
            writer.write(&row)?;
            count += 1;
        }
    }
    writer.finish()?;
    eprintln!("exported {count} rows from {} decisions", decisions.len());
    Ok(if count == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Success
    })
}
