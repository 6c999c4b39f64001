//! The statistics page (`/stats`) and its downloads (`/stats.csv`,
//! `/stats.json`).
//!
//! Each table is one `ombuds stats` request over the page's query and
//! filters ([`Table::request`]); the page shows the same rows the CLI
//! writes, a chart drawn by `output::plot`, and the command that prints the
//! table. A download is `output::stats::write_stats` for that request, so it
//! is byte for byte what that command prints with `--format csv` or `json`.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use maud::{html, Markup, PreEscaped};
use tantivy::{Executor, Searcher};

use super::layout::{self, PageError};
use super::params::{shell_words, PageParams};
use super::permits::Priority;
use super::Library;
use crate::index::DecisionIndex;
use crate::output::stats::write_stats;
use crate::output::Format;
use crate::parse::PaymentRole;
use crate::stats::{Buckets, GroupField, PaymentBasis, Statistic, StatsReport, StatsRequest};

/// The tables of the statistics page, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// `stats payments --histogram`.
    Payments,
    /// `stats payments --by organisation`.
    PaymentsByOrganisation,
    /// `stats payments --by category`.
    PaymentsByCategory,
    /// `stats payments --by year`.
    PaymentsByYear,
    /// `stats payments --by fault`.
    PaymentsByFault,
    /// `stats payments --purpose`.
    PaymentsByPurpose,
    /// `stats outcomes --by year`.
    OutcomesByYear,
    /// `stats faults --cross`.
    FaultsByRemedy,
}

impl Table {
    /// Every table, in page order.
    pub const ALL: [Table; 8] = [
        Table::Payments,
        Table::PaymentsByOrganisation,
        Table::PaymentsByCategory,
        Table::PaymentsByYear,
        Table::PaymentsByFault,
        Table::PaymentsByPurpose,
        Table::OutcomesByYear,
        Table::FaultsByRemedy,
    ];

    /// The `table=` value in download links.
    pub fn name(self) -> &'static str {
        match self {
            Table::Payments => "payments",
            Table::PaymentsByOrganisation => "payments_by_organisation",
            Table::PaymentsByCategory => "payments_by_category",
            Table::PaymentsByYear => "payments_by_year",
            Table::PaymentsByFault => "payments_by_fault",
            Table::PaymentsByPurpose => "payments_by_purpose",
            Table::OutcomesByYear => "outcomes_by_year",
            Table::FaultsByRemedy => "faults_by_remedy",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Table::Payments => "Agreed payments per decision",
            Table::PaymentsByOrganisation => "Agreed payments by organisation",
            Table::PaymentsByCategory => "Agreed payments by category",
            Table::PaymentsByYear => "Agreed payments by year",
            Table::PaymentsByFault => "Agreed payments by fault kind",
            Table::PaymentsByPurpose => "Agreed payments by purpose (each payment)",
            Table::OutcomesByYear => "Outcomes by year, with upheld rates",
            Table::FaultsByRemedy => "Faults and the remedies agreed for them",
        }
    }

    /// The `ombuds stats` arguments of this table, before the selection.
    fn cli_args(self) -> &'static [&'static str] {
        match self {
            Table::Payments => &["payments", "--histogram"],
            Table::PaymentsByOrganisation => &["payments", "--by", "organisation"],
            Table::PaymentsByCategory => &["payments", "--by", "category"],
            Table::PaymentsByYear => &["payments", "--by", "year"],
            Table::PaymentsByFault => &["payments", "--by", "fault"],
            Table::PaymentsByPurpose => &["payments", "--purpose"],
            Table::OutcomesByYear => &["outcomes", "--by", "year"],
            Table::FaultsByRemedy => &["faults", "--cross"],
        }
    }

    /// The request `ombuds stats` builds from [`Table::command`].
    pub fn request(self, params: &PageParams) -> Result<StatsRequest, String> {
        let (what, by, histogram, cross) = match self {
            Table::Payments => (Statistic::Payments, vec![], Some(Buckets::Bands), false),
            Table::PaymentsByOrganisation => (
                Statistic::Payments,
                vec![GroupField::Organisation],
                None,
                false,
            ),
            Table::PaymentsByCategory => {
                (Statistic::Payments, vec![GroupField::Category], None, false)
            }
            Table::PaymentsByYear => (Statistic::Payments, vec![GroupField::Year], None, false),
            Table::PaymentsByFault => (Statistic::Payments, vec![GroupField::Fault], None, false),
            Table::PaymentsByPurpose => {
                (Statistic::Payments, vec![GroupField::Purpose], None, false)
            }
            Table::OutcomesByYear => (Statistic::Outcomes, vec![GroupField::Year], None, false),
            Table::FaultsByRemedy => (Statistic::Faults, vec![], None, true),
        };
        Ok(StatsRequest {
            what,
            query: params.query()?,
            filters: params.filters()?,
            by,
            per: if self == Table::PaymentsByPurpose {
                PaymentBasis::Payment
            } else {
                PaymentBasis::Decision
            },
            roles: vec![PaymentRole::Agreed],
            histogram,
            top: None,
            min_count: params.min_count()?,
            infer: false,
            cross,
        })
    }

    /// The command line that prints this table (without `--format`).
    pub fn command(self, params: &PageParams) -> Result<Vec<String>, String> {
        let mut args: Vec<String> = vec!["ombuds".into(), "stats".into()];
        args.extend(self.cli_args().iter().map(|a| a.to_string()));
        args.extend(params.cli_args()?);
        args.push("--min-count".into());
        args.push(params.min_count()?.to_string());
        Ok(args)
    }

    fn named(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// `GET /stats`: rendered once per commit and view (see `Library::page`).
pub async fn page(
    State(library): State<Arc<Library>>,
    Query(params): Query<PageParams>,
) -> Result<Html<String>, PageError> {
    library
        .cached_page("/stats", Priority::Statistics, params, render)
        .await
}

/// `GET /stats.csv?table=NAME&...`.
pub async fn csv(
    State(library): State<Arc<Library>>,
    Query(params): Query<PageParams>,
) -> Result<Response, PageError> {
    download(library, params, Format::Csv).await
}

/// `GET /stats.json?table=NAME&...`.
pub async fn json(
    State(library): State<Arc<Library>>,
    Query(params): Query<PageParams>,
) -> Result<Response, PageError> {
    download(library, params, Format::Json).await
}

async fn download(
    library: Arc<Library>,
    params: PageParams,
    format: Format,
) -> Result<Response, PageError> {
    let worker = Arc::clone(&library);
    worker
        .costly(Priority::Statistics, move || {
            let name = params.get("table").unwrap_or_default();
            let table = Table::named(name).ok_or_else(|| {
                let known: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
                PageError::BadRequest(format!(
                    "table: '{name}' is not a table ({})",
                    known.join(", ")
                ))
            })?;
            let (index, searcher, _) = library.searcher()?;
            let report = reports(&index, &searcher, &[table], &params)?
                .pop()
                .ok_or_else(|| PageError::Internal(anyhow::anyhow!("no report for {name}")))?;
            let mut body = Vec::new();
            // Notes go to stderr in the CLI; here they are on the page.
            write_stats(&mut body, &mut std::io::sink(), &report, format)?;
            let (kind, extension) = match format {
                Format::Csv => ("text/csv; charset=utf-8", "csv"),
                _ => ("application/json", "json"),
            };
            let disposition = format!("attachment; filename=\"{}.{extension}\"", table.name());
            Ok((
                [
                    (header::CONTENT_TYPE, kind.to_string()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                body,
            )
                .into_response())
        })
        .await
}

/// The reports of `tables` over the page's query and filters, counted from
/// one pass over the matching decisions on this request's own thread (the
/// server runs many requests at once); a request the CLI would refuse is
/// the user's error.
fn reports(
    index: &DecisionIndex,
    searcher: &Searcher,
    tables: &[Table],
    params: &PageParams,
) -> Result<Vec<StatsReport>, PageError> {
    let requests = tables
        .iter()
        .map(|table| table.request(params))
        .collect::<Result<Vec<_>, _>>()
        .map_err(PageError::BadRequest)?;
    if let Some(request) = requests.first() {
        crate::query::build_query(index, searcher, &request.query, &request.filters)
            .map_err(|e| PageError::BadRequest(format!("{e:#}")))?;
    }
    Ok(crate::stats::run_all(
        index,
        searcher,
        requests,
        &Executor::single_thread(),
    )?)
}

fn render(
    index: &DecisionIndex,
    searcher: &Searcher,
    params: &PageParams,
) -> Result<Markup, PageError> {
    let reports = reports(index, searcher, &Table::ALL, params)?;
    let mut sections = Vec::new();
    for (table, report) in Table::ALL.into_iter().zip(&reports) {
        sections.push(section(table, params, report)?);
    }
    let min_count = params.min_count().map_err(PageError::BadRequest)?;
    let selecting = params.selecting();
    Ok(layout::page(
        "Statistics",
        html! {
            h1 { "Statistics" }
            p {
                "For the decisions that " a href=(selecting.href("/")) { "this search" } " selects. "
                "Groups with fewer than " (min_count) " decisions are folded into (other), as rates on tiny groups mislead."
            }
            form method="get" action="/stats" {
                @for (key, value) in hidden_selection(&selecting) { input type="hidden" name=(key) value=(value); }
                label { "Smallest group shown " input type="number" min="1" name="min_count" value=(min_count); }
                " " button type="submit" { "Apply" }
            }
            @for s in sections { (s) }
        },
    ))
}

/// The selecting parameters, as hidden form fields.
fn hidden_selection(params: &PageParams) -> Vec<(&'static str, String)> {
    params
        .selection()
        .map(|(key, value)| (key, value.to_string()))
        .collect()
}

/// One table: its rows as the CLI's CSV has them, its chart, its notes, its
/// downloads and its command.
fn section(table: Table, params: &PageParams, report: &StatsReport) -> Result<Markup, PageError> {
    let mut csv = Vec::new();
    write_stats(&mut csv, &mut std::io::sink(), report, Format::Csv)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_slice());
    let rows: Vec<Vec<String>> = reader
        .records()
        .filter_map(|r| r.ok())
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    // The SVG comes from plotters, which escapes every label it draws.
    let chart = crate::output::plot::svg_text(report)?;
    let command = table.command(params).map_err(PageError::BadRequest)?;
    let link = |path: &str| params.with("table", Some(table.name())).href(path);
    Ok(html! {
        section id=(table.name()) {
            h2 { (table.title()) }
            @if let Some((header, body)) = rows.split_first() {
                div.scroll { table {
                    thead { tr { @for h in header { th { (h) } } } }
                    tbody { @for row in body { tr { @for cell in row {
                        @if cell.parse::<f64>().is_ok() { td.n { (cell) } } @else { td { (cell) } }
                    } } } }
                } }
            }
            @for note in &report.notes { p.count { (note) } }
            @if let Some(svg) = chart { div.chart { (PreEscaped(svg)) } }
            p.downloads {
                a href=(link("/stats.csv")) download { "CSV" }
                a href=(link("/stats.json")) download { "JSON" }
            }
            code.cli { (shell_words(&command)) " --format csv" }
        }
    })
}
