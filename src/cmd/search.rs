//! `ombuds search`: full-text search with filters. The long help is [`LONG_ABOUT`].

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::filters::FilterArgs;
use super::ExitStatus;
use crate::output::hits::{shown_of_total, write_hits};
use crate::output::table::left_out_note;
use crate::output::{terminal_width, use_colour, Format};
use crate::query::{count, search, SearchRequest, SortOrder};

/// The long help of `ombuds search`.
pub const LONG_ABOUT: &str = "Full-text search over the indexed decisions.

Query language (QUERY; leave it out, or give '', for every decision passing the filters):
  delay                   the word, in any form: in the decision's text, delay finds
                          delays, delayed and delaying (words with the same English
                          stem); the organisation name and other fields match as typed
  delay complaint         all the words (AND is the default)
  delay OR failure        either word; NOT word, -word: without it; +word: must have it
  \"stage three\"           the words side by side, exactly as written: \"delayed
                          assessment\" does not find \"delays in assessment\" (nor
                          \"delays\" delayed); \"stage three\"~2: up to 2 words apart;
                          \"stage thr\"*: the last word a prefix
  assess*                 every word starting with assess (at least 3 letters before
                          the *; a prefix standing for over 2000 words is refused)
  -closed, NOT closed     alone: every decision except those
  (delay OR failure) AND -closed     parentheses group
  category:\"Children's care services\", outcome:upheld, remedy:apology, fault:delay,
  agreed_total:>=500, decision_date:[2023-01-01T00:00:00Z TO 2024-01-01T00:00:00Z]
                          one field (fields: reference, organisation, category,
                          subcategory, outcome, decision_date, year, summary, text,
                          agreed_total, agreed_amount, purpose, remedy, fault, finding,
                          deadline_days, shared_with_ofsted)
A query that cannot be read is refused with what is wrong and where, e.g.
  unbalanced quote: the \" at character 1 is never closed (\"time and trouble)

Each hit shows reference, decision date, organisation, outcome and a snippet with
the matched words highlighted (bold on a terminal, [brackets] otherwise).

How many decisions matched is written to stderr after the hits, in every format:
\"20 of 206 shown; --limit for more\", or \"206 decisions\" when all are shown
(stdout then holds only the hits). --count prints only that number, on stdout.

Formats (--format): table (reference, date, organisation, outcome and snippet,
fitted to the terminal: COLUMNS, or the terminal's width; the snippet, then the
other text, is cut with … to fit; not cut when piped), csv (header row even when
nothing matches; a missing value is an empty cell), csv-excel (the same CSV after a
UTF-8 byte-order mark, so Excel on Windows shows £ intact), json (one array of hit
objects) and jsonl (one hit object a line). Columns of csv, in this order, and keys
of json and jsonl:
  reference, decision_date, organisation, outcome, category, subcategory, score,
  snippet, source, url

Decision text is shown safely for each format. In json, `snippet` is HTML: the
text is escaped (&lt; &gt; &amp; &quot; &#39;) and the only markup is the <b>...</b>
around matched words; the other keys are plain text. In csv, a text cell that
starts with =, +, -, @, a tab or a carriage return gets a ' in front, so a
spreadsheet shows it instead of running it as a formula (the score is a number and
never prefixed). In the table, control characters (escape sequences, newlines)
are shown as \\u{1b}-style escapes instead of reaching the terminal. Colour is used
only when stdout is a terminal, NO_COLOR is unset or empty, and TERM is not dumb.

Exit code 1 when nothing matches (also with --count, which then prints 0).

Examples:
  ombuds search '\"stage three\" recommendations'
  ombuds search delays --category \"Children's care services\" --from 2023-01-01
  ombuds search 'assess* -closed' --limit 100
  ombuds search 'apology AND NOT closed' --sort date --limit 50 --format csv > hits.csv
  ombuds search --outcome upheld --min-amount £1,000 --max-amount 5k --format json
  ombuds search delay --organisation norfolk --count";

/// Flags of `ombuds search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query (see the query language above); left out or '' for every
    /// decision passing the filters.
    #[arg(value_name = "QUERY", allow_hyphen_values = true, default_value = "")]
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

    /// Print only the number of matching decisions.
    #[arg(long, conflicts_with_all = ["limit", "sort", "format"])]
    pub count: bool,
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
    super::filters::check_in_index(&index, &searcher, &request.filters)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let total = if args.count {
        let total = count(&index, &searcher, &request.query, &request.filters)?;
        writeln!(out, "{total}")?;
        total
    } else {
        let found = search(&index, &searcher, &request)?;
        let left_out = write_hits(
            &mut out,
            &found.hits,
            args.format,
            use_colour(),
            terminal_width(),
        )?;
        out.flush()?;
        if let Some(note) = left_out_note(&left_out, terminal_width()) {
            eprintln!("{note}");
        }
        if found.total > 0 {
            eprintln!("{}", shown_of_total(found.hits.len(), found.total));
        }
        found.total
    };
    out.flush()?;
    if total == 0 {
        eprintln!("no decisions match");
        return Ok(ExitStatus::NothingFound);
    }
    Ok(ExitStatus::Success)
}
