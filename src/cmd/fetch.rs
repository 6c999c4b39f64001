//! `ombuds fetch`: download the decision pages of a range of decision dates
//! from the LGSCO website into a corpus folder. The long help is
//! [`LONG_ABOUT`]; the work is in [`crate::fetch`].

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::filters::flag_date;
use super::ingest::REPORT_FORMATS;
use super::ExitStatus;
use crate::fetch::{self, Event, FetchRequest, Summary};
use crate::output::escape::terminal_line;
use crate::output::Format;

/// The long help of `ombuds fetch`.
pub const LONG_ABOUT: &str = "Download decision pages from the LGSCO website into a folder.

Searches the website's decisions by decision date, from --from to --to, in
windows of at most a calendar month, reads every page of results, and
downloads each decision listed (links are recognised by their address,
/decisions/<category>/<subcategory>/<yy-nnn-nnn>). Each page is saved as it
came, as OUT/<yy-nnn-nnn>.html, and a line is appended to OUT/manifest.jsonl
with its reference, file, URL and download time (UTC). A decision whose file
is already in OUT is not downloaded again, so an interrupted fetch resumes
where it stopped, and next month's fetch downloads only what is new. Pages
are written whole or not at all.

It is polite: one request at a time, starts at least --delay seconds apart,
a User-Agent naming ombuds and its version, and on a timeout, a broken
connection, 429 or 5xx up to --retries more attempts, waiting as asked by
Retry-After or else twice as long each time (from --delay, up to a minute).

It fails loudly when the website does not answer as expected: a results page
without \"Your search has N results\", a results page that should list
decisions and lists none, a decision page whose title does not carry the
reference in its address. Each failure is printed on stderr as `URL: reason`
and the run goes on with the other pages (a month whose results pages cannot
all be read is left out whole: fetch it again later). A progress bar on
stderr (when it is a terminal) shows the window, the results page and the
decisions; a summary at the end gives decisions found, downloaded, already
had and failed (--format json, or its alias --json, prints it as one JSON
object on stdout instead: found, downloaded,
already_had, and failed as [{reference, url, reason}], reference null for a
results page).
Exit code 0 when every page was fetched, 3 when some failed, 2 on an error
that stopped the run (a bad flag, a folder that cannot be written).

--ingest then indexes the folder into --index, as `ombuds ingest OUT` would
(later runs read only the new pages); with --format json, ingest's report
follows the fetch summary as a second JSON object, on its own line.

Examples:
  ombuds fetch --from 2024-01-01 --to 2024-03-31 --ingest
  ombuds fetch --from 2024-04-01 --to 2024-04-30 --out ~/lgsco/decisions --format json";

/// Flags of `ombuds fetch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// First decision date to fetch (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: String,

    /// Last decision date to fetch, inclusive (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: String,

    /// The folder the pages and manifest.jsonl are saved in (created if needed).
    #[arg(long, value_name = "DIR", default_value = "decisions")]
    pub out: PathBuf,

    /// Least time between the starts of two requests, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    pub delay: f64,

    /// The website to fetch from.
    #[arg(long, value_name = "URL", default_value = fetch::DEFAULT_BASE_URL)]
    pub base_url: String,

    /// Further attempts after a timeout, broken connection, 429 or 5xx.
    #[arg(long, value_name = "N", default_value_t = 4,
          value_parser = clap::value_parser!(u32).range(0..=20))]
    pub retries: u32,

    /// Most time one request may take, in seconds, the page included.
    #[arg(long, value_name = "SECS", default_value_t = 30.0)]
    pub timeout: f64,

    /// table: the summary on stderr; json: the summary as one JSON object
    /// on stdout (and, with --ingest, ingest's report as another).
    #[arg(long, value_parser = Format::parser(REPORT_FORMATS), default_value = "table")]
    pub format: Format,

    /// The same as --format json (kept for scripts written before --format).
    #[arg(long, hide = true, conflicts_with = "format")]
    pub json: bool,

    /// Then index the folder, as `ombuds ingest OUT` would (into --index):
    /// only pages that are new or changed since the last ingest are read.
    #[arg(long)]
    pub ingest: bool,
}

/// Checks the flags, fetches, prints the summary.
pub fn run(index: &Path, args: Args) -> Result<ExitStatus> {
    let request = request(&args)?;
    let mut progress = Progress::new();
    let summary = fetch::fetch(&request, |event| progress.on(event))?;
    progress.finish();
    let format = if args.json { Format::Json } else { args.format };
    print_summary(&summary, &request, format == Format::Json)?;
    let fetched = if summary.failed.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::SomeSkipped
    };
    if !args.ingest {
        return Ok(fetched);
    }
    // What was fetched stays fetched whatever ingest makes of it: its
    // errors are its own, and a page it skips is named like any input.
    let ingested = super::ingest::run(index, super::ingest::Args::folder(&args.out, format))?;
    Ok(if fetched == ExitStatus::Success {
        ingested
    } else {
        fetched
    })
}

/// The typed request, every flag checked.
fn request(args: &Args) -> Result<FetchRequest> {
    let from = flag_date("from", &args.from)?;
    let to = flag_date("to", &args.to)?;
    if from > to {
        bail!("--from {} is after --to {}", args.from, args.to);
    }
    let base_url = args.base_url.trim_end_matches('/');
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        bail!(
            "--base-url: '{}' is not an http:// or https:// URL",
            args.base_url
        );
    }
    Ok(FetchRequest {
        from,
        to,
        out: args.out.clone(),
        base_url: base_url.to_string(),
        delay: seconds("delay", args.delay, 0.0)?,
        retries: args.retries,
        timeout: seconds("timeout", args.timeout, 0.001)?,
    })
}

/// A flag in seconds, at least `least` and at most a day.
fn seconds(flag: &str, value: f64, least: f64) -> Result<Duration> {
    const DAY: f64 = 86_400.0;
    if !(least..=DAY).contains(&value) {
        bail!("--{flag}: {value} is not a number of seconds from {least} to {DAY}");
    }
    Ok(Duration::from_secs_f64(value))
}

/// The progress bar on stderr (hidden when stderr is not a terminal); it
/// also prints each failure as it happens.
struct Progress {
    bar: ProgressBar,
    /// The current window, `window 2/3 (2024-02-01..2024-02-29)`.
    window: String,
}

impl Progress {
    fn new() -> Self {
        let bar = if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(0);
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {msg} {bar:30} {pos}/{len} decisions")
            {
                bar.set_style(style);
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        Progress {
            bar,
            window: String::new(),
        }
    }

    fn on(&mut self, event: Event<'_>) {
        match event {
            Event::Window {
                number,
                windows,
                from,
                to,
            } => {
                self.window = format!("window {number}/{windows} ({from}..{to})");
                self.bar.set_message(self.window.clone());
            }
            Event::ResultsPage { page, pages } => {
                let pages = pages.map_or("?".to_string(), |p| p.to_string());
                self.bar
                    .set_message(format!("{}, results page {page}/{pages}", self.window));
            }
            Event::Found(n) => self.bar.inc_length(n as u64),
            Event::Decision => self.bar.inc(1),
            Event::Failed(failure) => self.bar.suspend(|| {
                eprintln!(
                    "ombuds: {}: {}",
                    terminal_line(&failure.url),
                    terminal_line(&failure.reason)
                )
            }),
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The summary: a line on stderr, or JSON on stdout with `--format json`.
fn print_summary(summary: &Summary, request: &FetchRequest, json: bool) -> Result<()> {
    if json {
        let mut out = std::io::stdout().lock();
        crate::output::json_line(&mut out, summary)?;
        return Ok(());
    }
    let failed = match summary.failed.len() {
        0 => "none failed".to_string(),
        n => format!("{n} failed (listed above)"),
    };
    eprintln!(
        "fetched {}..{} into {}: {} decisions found, {} downloaded, already had {}, {failed}",
        request.from,
        request.to,
        terminal_line(&request.out.display().to_string()),
        summary.found,
        summary.downloaded,
        summary.already_had,
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: Args,
    }

    fn request_of(flags: &[&str]) -> Result<FetchRequest> {
        let cli = Cli::try_parse_from(std::iter::once("fetch").chain(flags.iter().copied()))?;
        request(&cli.args)
    }

    #[test]
    fn the_defaults_are_polite() {
        let r = request_of(&["--from", "2024-01-01", "--to", "2024-03-31"]).unwrap();
        assert_eq!(r.delay, Duration::from_secs(1));
        assert_eq!(r.retries, 4);
        assert_eq!(r.timeout, Duration::from_secs(30));
        assert_eq!(r.base_url, "https://www.lgo.org.uk");
        assert_eq!(r.out, PathBuf::from("decisions"));
    }

    #[test]
    fn bad_flags_are_named() {
        let error = |flags: &[&str]| format!("{:#}", request_of(flags).unwrap_err());
        let range = ["--from", "2024-01-01", "--to", "2024-01-31"];
        let with = |extra: &[&'static str]| [&range[..], extra].concat();
        assert!(
            error(&["--from", "2024-02-30", "--to", "2024-03-01"]).contains("--from: '2024-02-30'")
        );
        assert!(error(&["--from", "2024-01-01", "--to", "soon"]).contains("--to: 'soon'"));
        assert!(error(&["--from", "2024-03-01", "--to", "2024-01-01"])
            .contains("--from 2024-03-01 is after --to 2024-01-01"));
        assert!(error(&with(&["--delay=-1"])).contains("--delay: -1"));
        assert!(error(&with(&["--timeout", "0"])).contains("--timeout: 0"));
        assert!(error(&with(&["--delay", "NaN"])).contains("--delay: NaN"));
        assert!(error(&with(&["--base-url", "ftp://x"])).contains("--base-url: 'ftp://x'"));
        let trimmed = request_of(&with(&["--base-url", "http://127.0.0.1:8/"])).unwrap();
        assert_eq!(trimmed.base_url, "http://127.0.0.1:8");
    }
}
