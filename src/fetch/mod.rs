//! Downloading decisions from the LGSCO website into a corpus folder, the
//! step before `walk`. The range of decision dates is cut into windows of at
//! most a calendar month; for each window the search results are read page
//! by page (`listing`), the decision links on them collected by their URL
//! pattern, and each decision page not already saved is downloaded
//! (`client`, one request at a time, politely), checked (`page`) and saved.
//!
//! # The corpus folder
//!
//! Each decision page is saved as `OUT/<yy-nnn-nnn>.html` (with the
//! reference's letter suffix where it has one, e.g. `24-011-791a.html`), the
//! bytes exactly as the website sent them. A page is written to a temporary
//! file beside it and renamed into place, so an interrupted run never leaves
//! a partial page. A page whose file exists is never downloaded again: that
//! is what makes a fetch resumable, and next month's fetch cheap.
//!
//! `OUT/manifest.jsonl` gets one JSON line per page saved, appended after
//! the page is in place:
//!
//! ```text
//! {"reference":"24 011 791","file":"24-011-791.html","url":"https://www.lgo.org.uk/decisions/adult-care-services/charging/24-011-791","fetched":"2024-04-02T09:15:27Z"}
//! ```
//!
//! `reference` is the canonical reference (`YY NNN NNN`, a lowercase suffix
//! letter where present), `file` the page's file name in the folder, `url` the
//! absolute URL it was downloaded from, and `fetched` when (RFC 3339, UTC).
//! Readers should take the last line for a file, ignore lines whose file is
//! missing, and not expect a line for every file: a run killed between the
//! rename and the append leaves a page without one (its URL is then the
//! page's own canonical link).

pub mod client;
pub mod listing;
pub mod manifest;
pub mod page;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Serialize;
use time::Date;

use self::client::Client;
use self::listing::DecisionLink;
use self::manifest::Entry;

/// The LGSCO website.
pub const DEFAULT_BASE_URL: &str = "https://www.lgo.org.uk";

/// Results the search lists on one page.
const RESULTS_PER_PAGE: u64 = 10;

/// What to fetch, and how politely.
#[derive(Debug, Clone)]
pub struct FetchRequest {
    /// First decision date of the range.
    pub from: Date,
    /// Last decision date of the range (inclusive).
    pub to: Date,
    /// The corpus folder the pages are saved in.
    pub out: PathBuf,
    /// The website, without a trailing slash.
    pub base_url: String,
    /// Least time between the starts of two requests.
    pub delay: Duration,
    /// Further attempts after a timeout, connection error, 429 or 5xx.
    pub retries: u32,
    /// Most time one request may take, body included.
    pub timeout: Duration,
}

/// What a fetch did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Distinct decisions listed by the search over the range.
    pub found: usize,
    /// Decision pages downloaded and saved by this run.
    pub downloaded: usize,
    /// Decisions whose page was already in the folder.
    pub already_had: usize,
    /// Every result page or decision page that could not be used.
    pub failed: Vec<Failure>,
}

/// A page that could not be used, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    /// The decision's reference, for a decision page (`null` for a results page).
    pub reference: Option<String>,
    /// The URL that failed.
    pub url: String,
    /// What went wrong, saying what was expected.
    pub reason: String,
}

/// Where a fetch is, for a progress display.
#[derive(Debug)]
pub enum Event<'a> {
    /// Starting window `number` (from 1) of `windows`.
    Window {
        /// This window's number, from 1.
        number: usize,
        /// How many windows the range has.
        windows: usize,
        /// The window's first day.
        from: Date,
        /// The window's last day.
        to: Date,
    },
    /// Reading results page `page` (from 1) of the current window; `pages`
    /// is `None` until the first page has given the result count.
    ResultsPage {
        /// This page's number, from 1.
        page: u64,
        /// How many pages the window has, once known.
        pages: Option<u64>,
    },
    /// Decisions not seen before in this run were listed.
    Found(usize),
    /// A decision was handled (downloaded, already had, or failed).
    Decision,
    /// Something failed; the run goes on.
    Failed(&'a Failure),
}

/// Fetches the request's range into its folder, reporting progress to
/// `on_event`. Pages that fail are in the summary's `failed`; an error is
/// returned only when the folder cannot be written.
pub fn fetch(request: &FetchRequest, mut on_event: impl FnMut(Event<'_>)) -> Result<Summary> {
    std::fs::create_dir_all(&request.out)
        .with_context(|| format!("cannot create the folder {}", request.out.display()))?;
    let mut client = Client::new(request)?;
    let mut summary = Summary::default();
    let mut seen = HashSet::new();
    let windows = windows(request.from, request.to);
    for (i, &(from, to)) in windows.iter().enumerate() {
        on_event(Event::Window {
            number: i + 1,
            windows: windows.len(),
            from,
            to,
        });
        let links = match list_window(&mut client, &request.base_url, from, to, &mut on_event) {
            Ok(links) => links,
            Err(failure) => {
                on_event(Event::Failed(&failure));
                summary.failed.push(failure);
                continue;
            }
        };
        let fresh: Vec<DecisionLink> = links
            .into_iter()
            .filter(|link| seen.insert(link.reference.clone()))
            .collect();
        summary.found += fresh.len();
        on_event(Event::Found(fresh.len()));
        for link in fresh {
            let url = format!("{}{}", request.base_url, link.path);
            if request.out.join(link.file_name()).exists() {
                summary.already_had += 1;
            } else {
                match download(&mut client, &request.out, &link, &url) {
                    Ok(()) => summary.downloaded += 1,
                    Err(DownloadError::Page(reason)) => {
                        let failure = Failure {
                            reference: Some(link.reference.clone()),
                            url,
                            reason,
                        };
                        on_event(Event::Failed(&failure));
                        summary.failed.push(failure);
                    }
                    Err(DownloadError::Folder(error)) => return Err(error),
                }
            }
            on_event(Event::Decision);
        }
    }
    Ok(summary)
}

/// The windows of at most a calendar month that cover `from..=to`, in order;
/// none when `from` is after `to`.
pub fn windows(from: Date, to: Date) -> Vec<(Date, Date)> {
    let mut windows = Vec::new();
    let mut start = from;
    while start <= to {
        let month_end = start
            .replace_day(start.month().length(start.year()))
            .unwrap_or(start);
        let end = month_end.min(to);
        windows.push((start, end));
        match end.next_day() {
            Some(next) => start = next,
            None => break,
        }
    }
    windows
}

/// All decision links of one window, page by page; a failure names the
/// results page that could not be read and what was expected of it.
fn list_window(
    client: &mut Client,
    base_url: &str,
    from: Date,
    to: Date,
    on_event: &mut impl FnMut(Event<'_>),
) -> Result<Vec<DecisionLink>, Failure> {
    let mut links = Vec::new();
    let mut pages = None;
    let mut page = 1;
    while pages.is_none_or(|pages| page <= pages) {
        on_event(Event::ResultsPage { page, pages });
        let url = format!(
            "{base_url}/Decisions/SearchResults?fd={}&td={}&page={page}",
            iso(from),
            iso(to)
        );
        let failure = |reason: String| Failure {
            reference: None,
            url: url.clone(),
            reason,
        };
        let body = client.get(&url).map_err(|e| failure(format!("{e:#}")))?;
        let html = String::from_utf8_lossy(&body);
        let results = listing::read_results_page(&html).map_err(|e| failure(e.to_string()))?;
        let total = *pages.get_or_insert(results.count.div_ceil(RESULTS_PER_PAGE));
        if total > 0 && results.links.is_empty() {
            return Err(failure(format!(
                "no decision links on results page {page} of {total} ({} results); expected \
                 links to /decisions/<category>/<subcategory>/<yy-nnn-nnn>",
                results.count
            )));
        }
        links.extend(results.links);
        page += 1;
    }
    Ok(links)
}

/// Why one decision could not be saved.
enum DownloadError {
    /// The page: it could not be downloaded or is not the decision expected.
    Page(String),
    /// The folder could not be written: the whole run stops.
    Folder(anyhow::Error),
}

/// Downloads one decision page, checks it and saves it with its manifest line.
fn download(
    client: &mut Client,
    out: &Path,
    link: &DecisionLink,
    url: &str,
) -> Result<(), DownloadError> {
    let body = client
        .get(url)
        .map_err(|e| DownloadError::Page(format!("{e:#}")))?;
    page::check_decision_page(&String::from_utf8_lossy(&body), &link.reference)
        .map_err(|e| DownloadError::Page(e.to_string()))?;
    let file = link.file_name();
    save(out, &file, &body).map_err(DownloadError::Folder)?;
    let entry = Entry::now(&link.reference, &file, url);
    manifest::append(out, &entry).map_err(DownloadError::Folder)
}

/// Writes `bytes` to `out/file` through a temporary file renamed into place.
fn save(out: &Path, file: &str, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let target = out.join(file);
    let context = || format!("cannot save {}", target.display());
    let mut temp = tempfile::Builder::new()
        .prefix(".ombuds-fetch-")
        .tempfile_in(out)
        .with_context(context)?;
    temp.write_all(bytes).with_context(context)?;
    temp.persist(&target)
        .map_err(|e| e.error)
        .with_context(context)?;
    Ok(())
}

/// `2024-01-31`.
fn iso(date: Date) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    date.format(format).unwrap_or_else(|_| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn windows_are_calendar_months_cut_to_the_range() {
        assert_eq!(
            windows(date!(2024 - 01 - 15), date!(2024 - 03 - 10)),
            vec![
                (date!(2024 - 01 - 15), date!(2024 - 01 - 31)),
                (date!(2024 - 02 - 01), date!(2024 - 02 - 29)),
                (date!(2024 - 03 - 01), date!(2024 - 03 - 10)),
            ]
        );
    }

    #[test]
    fn windows_of_one_day_of_a_year_end_and_of_nothing() {
        let day = date!(2023 - 12 - 31);
        assert_eq!(windows(day, day), vec![(day, day)]);
        assert_eq!(
            windows(date!(2023 - 12 - 31), date!(2024 - 01 - 01)),
            vec![(day, day), (date!(2024 - 01 - 01), date!(2024 - 01 - 01))]
        );
        assert!(windows(date!(2024 - 02 - 01), date!(2024 - 01 - 01)).is_empty());
    }

    #[test]
    fn iso_dates_are_zero_padded() {
        assert_eq!(iso(date!(2024 - 02 - 09)), "2024-02-09");
    }
}
