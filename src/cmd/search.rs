//! `ombuds search`: full-text search with filters. The long help is [`LONG_ABOUT`].

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::filters::FilterArgs;
use super::ExitStatus;
use crate::output::hits::write_hits;
use crate::output::{use_colour, Format};
use crate::query::{search, SearchRequest, SortOrder};

/// The long help of `ombuds search`.
pub const LONG_ABOUT: &str = "Full-text search over the indexed decisions.

QUERY uses tantivy's syntax: words (all must match), \"exact phrases\", AND / OR / NOT,
+must / -must_not, and field queries such as category:\"Children's care services\",
outcome:upheld, remedy:apology, fault:delay, agreed_total:>=500,
decision_date:[2023-01-01T00:00:00Z TO 2024-01-01T00:00:00Z]. An empty QUERY ('')
with filters lists every decision that passes them.

Each hit shows reference, decision date, organisation, outcome and a snippet with
the matched words highlighted (bold on a terminal, [brackets] otherwise).

Output columns (csv, in this order; json has the same keys, one object per line):
  reference, decision_date, organisation, outcome, category, subcategory, score,
  snippet, source

Decision text is shown safely for each format. In json, `snippet` is HTML: the
text is escaped (&lt; &gt; &amp; &quot; &#39;) and the only markup is the <b>...</b>
around matched words; the other keys are plain text. In csv, a text cell that
starts with =, +, -, @, a tab or a carriage return gets a ' in front, so a
spreadsheet shows it instead of running it as a formula (the score is a number and
never prefixed). In the table, control characters (escape sequences, newlines)
are shown as \\u{1b}-style escapes instead of reaching the terminal. Colour is used
only when stdout is a terminal, NO_COLOR is unset or empty, and TERM is not dumb.

Exit code 1 when nothing matches.

Examples:
  ombuds search '\"stage three\" recommendations'
  ombuds search delay --category \"Children's care services\" --from 2023-01-01
  ombuds search 'apology AND NOT closed' --sort date --limit 50 --format csv > hits.csv
  ombuds search '' --outcome upheld --min-amount 500 --format json";

/// Flags of `ombuds search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query (tantivy syntax); '' for every decision passing the filters.
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: String,

    #[command(flatten)]
    pub filters: FilterArgs,

    /// Most hits to print.
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub limit: u32,

    /// Order of hits.
    #[arg(long, value_enum, default_value = "relevance")]
    pub sort: SortOrder,

    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Checks the request, searches, prints the hits.
pub fn run(index_path: &Path, args: Args) -> Result<ExitStatus> {
    let request = SearchRequest {
        query: args.query,
        filters: args.filters.to_filters()?,
        limit: args.limit as usize,
        sort: args.sort,
    };
    let index = crate::index::open(index_path)?;
    let searcher = crate::index::read::searcher(&index)?;
    let hits = search(&index, &searcher, &request)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_hits(&mut out, &hits, args.format, use_colour())?;
    out.flush()?;
    if hits.is_empty() {
        eprintln!("no decisions match");
        return Ok(ExitStatus::NothingFound);
    }
    Ok(ExitStatus::Success)
}
