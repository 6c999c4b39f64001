//! URL parameters: the state of every page, read into the typed requests the
//! CLI builds (filters through `cmd::filters::FilterArgs`, so the page and
//! the flags accept and refuse the same values), and written back as links.

use clap::ValueEnum;
use serde::Deserialize;

use crate::cmd::filters::FilterArgs;
use crate::parse::RemedyKind;
use crate::query::{Filters, SearchRequest, SortOrder};

/// Hits on one search page.
pub const PER_PAGE: usize = 20;

/// The last page a search can reach: deep pages cost a search of every hit
/// before them, and nobody reads past a few hundred hits by paging.
pub const MAX_PAGE: usize = 50;

/// Every parameter a page reads; an empty value counts as absent, as GET
/// forms send their empty fields.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PageParams {
    /// The query (the CLI's query language).
    pub q: Option<String>,
    /// `--organisation`.
    pub organisation: Option<String>,
    /// `--category`.
    pub category: Option<String>,
    /// `--subcategory`.
    pub subcategory: Option<String>,
    /// `--outcome`.
    pub outcome: Option<String>,
    /// `--from`, YYYY-MM-DD.
    pub from: Option<String>,
    /// `--to`, YYYY-MM-DD.
    pub to: Option<String>,
    /// `--fault`.
    pub fault: Option<String>,
    /// `--remedy`.
    pub remedy: Option<String>,
    /// `--min-amount`, pounds.
    pub min_amount: Option<String>,
    /// Largest agreed total, pounds, added to the query as
    /// `agreed_total:<=N` (the CLI has no flag for it).
    pub max_amount: Option<String>,
    /// A finding, added to the query as `finding:NAME`.
    pub finding: Option<String>,
    /// A payment purpose, added to the query as `purpose:NAME`.
    pub purpose: Option<String>,
    /// `relevance` or `date`.
    pub sort: Option<String>,
    /// Search results page, from 1.
    pub page: Option<String>,
    /// Statistics: `--min-count`.
    pub min_count: Option<String>,
    /// Statistics downloads: which table.
    pub table: Option<String>,
}

/// The parameters that select decisions, in link order, with their CLI flag
/// (`None`: they go into the query instead).
const SELECTING: [(&str, Option<&str>); 13] = [
    ("q", None),
    ("organisation", Some("--organisation")),
    ("category", Some("--category")),
    ("subcategory", Some("--subcategory")),
    ("outcome", Some("--outcome")),
    ("from", Some("--from")),
    ("to", Some("--to")),
    ("fault", Some("--fault")),
    ("remedy", Some("--remedy")),
    ("min_amount", Some("--min-amount")),
    ("max_amount", None),
    ("finding", None),
    ("purpose", None),
];

impl PageParams {
    /// The selecting parameters that have a value (the query first), in link order.
    pub fn selection(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        SELECTING
            .iter()
            .filter_map(|&(key, _)| self.get(key).map(|value| (key, value)))
    }

    /// The value of a parameter, trimmed; `None` when absent or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        let value = match key {
            "q" => &self.q,
            "organisation" => &self.organisation,
            "category" => &self.category,
            "subcategory" => &self.subcategory,
            "outcome" => &self.outcome,
            "from" => &self.from,
            "to" => &self.to,
            "fault" => &self.fault,
            "remedy" => &self.remedy,
            "min_amount" => &self.min_amount,
            "max_amount" => &self.max_amount,
            "finding" => &self.finding,
            "purpose" => &self.purpose,
            "sort" => &self.sort,
            "page" => &self.page,
            "min_count" => &self.min_count,
            "table" => &self.table,
            _ => return None,
        };
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }

    /// These parameters with one changed (`None` removes it); the page
    /// number goes back to the first page.
    pub fn with(&self, key: &str, value: Option<&str>) -> PageParams {
        let mut next = self.clone();
        let value = value.map(str::to_string);
        match key {
            "q" => next.q = value,
            "organisation" => next.organisation = value,
            "category" => next.category = value,
            "subcategory" => next.subcategory = value,
            "outcome" => next.outcome = value,
            "from" => next.from = value,
            "to" => next.to = value,
            "fault" => next.fault = value,
            "remedy" => next.remedy = value,
            "min_amount" => next.min_amount = value,
            "max_amount" => next.max_amount = value,
            "finding" => next.finding = value,
            "purpose" => next.purpose = value,
            "sort" => next.sort = value,
            "page" => next.page = value,
            "min_count" => next.min_count = value,
            "table" => next.table = value,
            _ => {}
        }
        if key != "page" {
            next.page = None;
        }
        next
    }

    /// The typed filters, checked exactly as the CLI checks its flags (the
    /// error names the flag that matches the parameter).
    pub fn filters(&self) -> Result<Filters, String> {
        let owned = |key| self.get(key).map(str::to_string);
        let remedy = match self.get("remedy") {
            None => None,
            Some(v) => Some(RemedyKind::from_str(v, true).map_err(|_| {
                let known: Vec<String> = RemedyKind::value_variants()
                    .iter()
                    .filter_map(|k| k.to_possible_value().map(|p| p.get_name().to_string()))
                    .collect();
                format!(
                    "--remedy: '{v}' is not a remedy kind ({})",
                    known.join(", ")
                )
            })?),
        };
        let args = FilterArgs {
            organisation: owned("organisation"),
            organisation_words: None,
            category: owned("category"),
            subcategory: owned("subcategory"),
            outcome: owned("outcome"),
            from: owned("from"),
            to: owned("to"),
            fault: owned("fault"),
            remedy,
            // Checked and read as the CLI reads them (`£1,000`, `1k`).
            min_amount: owned("min_amount"),
            max_amount: owned("max_amount"),
        };
        args.to_filters().map_err(|e| e.to_string())
    }

    /// The query string: the user's query, and the finding and purpose
    /// chosen from facets as field clauses of the same language.
    pub fn query(&self) -> Result<String, String> {
        let mut clauses = Vec::new();
        for field in ["finding", "purpose"] {
            if let Some(value) = self.get(field) {
                // Kind names are snake_case words; anything else would be
                // query syntax smuggled in through a facet parameter.
                if !value.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    return Err(format!("{field}: '{value}' is not a {field} name"));
                }
                clauses.push(format!("{field}:{value}"));
            }
        }
        let q = self.get("q").unwrap_or_default();
        if clauses.is_empty() {
            return Ok(q.to_string());
        }
        if !q.is_empty() {
            clauses.insert(0, format!("({q})"));
        }
        Ok(clauses.join(" AND "))
    }

    /// The sort order (relevance unless `date`).
    pub fn sort(&self) -> SortOrder {
        match self.get("sort") {
            Some("date") => SortOrder::Date,
            _ => SortOrder::Relevance,
        }
    }

    /// The results page, from 1, at most [`MAX_PAGE`].
    pub fn page(&self) -> usize {
        self.get("page")
            .and_then(|p| p.parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, MAX_PAGE)
    }

    /// Statistics' minimum group size (`--min-count`), 5 unless given.
    pub fn min_count(&self) -> Result<usize, String> {
        match self.get("min_count") {
            None => Ok(DEFAULT_MIN_COUNT),
            Some(v) => v
                .parse::<u32>()
                .map(|n| n as usize)
                .map_err(|_| format!("--min-count: '{v}' is not a whole number")),
        }
    }

    /// The search for this page: enough hits to show it.
    pub fn search_request(&self) -> Result<SearchRequest, String> {
        Ok(SearchRequest {
            query: self.query()?,
            filters: self.filters()?,
            limit: self.page() * PER_PAGE,
            sort: self.sort(),
        })
    }

    /// `path` with these parameters, in a fixed order, empty ones left out.
    pub fn href(&self, path: &str) -> String {
        self.href_changing(path, |_| None)
    }

    /// `self.with(key, value).href(path)`, without copying the parameters:
    /// a search page links every facet value this way.
    pub fn href_with(&self, path: &str, key: &str, value: Option<&str>) -> String {
        self.href_changing(path, |k| {
            if k == key {
                Some(value.map(str::trim).filter(|v| !v.is_empty()))
            } else if k == "page" {
                Some(None) // `with` goes back to the first page
            } else {
                None
            }
        })
    }

    /// The link to `path` with these parameters, each key's value replaced
    /// by `changed(key)` where that is `Some`.
    fn href_changing<'a>(
        &'a self,
        path: &str,
        changed: impl Fn(&str) -> Option<Option<&'a str>>,
    ) -> String {
        let keys =
            SELECTING
                .iter()
                .map(|(key, _)| *key)
                .chain(["sort", "page", "min_count", "table"]);
        let mut out = String::with_capacity(path.len() + 64);
        out.push_str(path);
        for key in keys {
            if let Some(value) = changed(key).unwrap_or_else(|| self.get(key)) {
                out.push(if out.len() == path.len() { '?' } else { '&' });
                out.push_str(key);
                out.push('=');
                push_percent_encoded(&mut out, value);
            }
        }
        out
    }

    /// Only the parameters that select decisions (for links between pages).
    pub fn selecting(&self) -> PageParams {
        let mut only = PageParams::default();
        for (key, _) in SELECTING {
            only = only.with(key, self.get(key));
        }
        only
    }

    /// The CLI arguments that select the same decisions: the query (when
    /// any) then the filter flags, each value as one argument.
    pub fn cli_args(&self) -> Result<Vec<String>, String> {
        let mut args = Vec::new();
        let query = self.query()?;
        if !query.is_empty() {
            args.push(query);
        }
        for (key, flag) in SELECTING {
            if let (Some(flag), Some(value)) = (flag, self.get(key)) {
                args.push(flag.to_string());
                args.push(value.to_string());
            }
        }
        Ok(args)
    }
}

/// Statistics' default minimum group size: rates over fewer decisions mislead.
pub const DEFAULT_MIN_COUNT: usize = 5;

/// A URL query value: everything but unreserved characters percent-encoded.
pub fn percent_encoded(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_percent_encoded(&mut out, value);
    out
}

/// [`percent_encoded`], appended to `out`.
fn push_percent_encoded(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => {
                out.push('%');
                out.push(HEX[usize::from(byte >> 4)] as char);
                out.push(HEX[usize::from(byte & 0xf)] as char);
            }
        }
    }
}

/// A command line as a person would type it: arguments with spaces or shell
/// characters in single quotes.
pub fn shell_words(args: &[String]) -> String {
    args.iter()
        .map(|a| {
            let plain = !a.is_empty()
                && a.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.,:/=+".contains(&b));
            if plain {
                a.clone()
            } else {
                format!("'{}'", a.replace('\'', r"'\''"))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> PageParams {
        let mut p = PageParams::default();
        for (k, v) in pairs {
            p = p.with(k, Some(v));
        }
        p
    }

    #[test]
    fn a_link_with_one_change_is_the_link_of_the_changed_parameters() {
        let starts = [
            PageParams::default(),
            params(&[("q", "delay AND \"stage two\""), ("outcome", "Upheld")]),
            params(&[
                ("q", "care"),
                ("page", "3"),
                ("sort", "date"),
                ("fault", "delay"),
            ]),
            params(&[
                ("category", "Adult care services"),
                ("min_count", "5"),
                ("table", "x"),
            ]),
        ];
        let changes = [
            ("outcome", Some("Not upheld")),
            ("outcome", None),
            ("page", Some("2")),
            ("page", None),
            ("category", Some("  Housing ")),
            ("category", Some("   ")),
            ("purpose", Some("distress & upset/£")),
            ("q", None),
            ("no_such_key", Some("x")),
        ];
        for start in &starts {
            for (key, value) in changes {
                for path in ["/", "/stats"] {
                    assert_eq!(
                        start.href_with(path, key, value),
                        start.with(key, value).href(path),
                        "{start:?} {key} {value:?}"
                    );
                }
            }
        }
        assert_eq!(percent_encoded("a b/£"), "a%20b%2F%C2%A3");
    }

    #[test]
    fn links_round_trip_through_percent_encoding_in_a_fixed_order() {
        let p = params(&[("outcome", "Upheld"), ("q", "\"stage three\" & co")]);
        assert_eq!(
            p.href("/"),
            "/?q=%22stage%20three%22%20%26%20co&outcome=Upheld"
        );
        assert_eq!(PageParams::default().href("/stats"), "/stats");
    }

    #[test]
    fn empty_values_are_absent_and_changing_a_filter_goes_back_to_page_one() {
        let p = params(&[("from", "  "), ("page", "3")]);
        assert_eq!(p.get("from"), None);
        assert_eq!(p.page(), 3);
        assert_eq!(p.with("outcome", Some("Upheld")).page(), 1);
        assert_eq!(params(&[("page", "100000")]).page(), MAX_PAGE);
        assert_eq!(params(&[("page", "x")]).page(), 1);
    }

    #[test]
    fn filters_are_checked_as_the_cli_checks_its_flags() {
        let error = params(&[("from", "2024-02-30")]).filters().unwrap_err();
        assert_eq!(
            error,
            "--from: '2024-02-30' is not a valid date (use YYYY-MM-DD)"
        );
        let error = params(&[("remedy", "cake")]).filters().unwrap_err();
        assert!(error.starts_with("--remedy: 'cake'"), "{error}");
        let error = params(&[("min_amount", "lots")]).filters().unwrap_err();
        assert!(error.starts_with("--min-amount: 'lots'"), "{error}");
        let filters = params(&[("remedy", "apology"), ("min_amount", "500")])
            .filters()
            .unwrap();
        assert_eq!(filters.remedy.as_deref(), Some("apology"));
        assert_eq!(filters.min_amount, Some(500.0));
    }

    #[test]
    fn finding_and_purpose_become_query_clauses_and_nothing_else() {
        let p = params(&[("q", "delay OR late"), ("purpose", "distress")]);
        assert_eq!(p.query().unwrap(), "(delay OR late) AND purpose:distress");
        assert_eq!(params(&[("q", "delay")]).query().unwrap(), "delay");
        assert_eq!(
            params(&[("finding", "no_fault")]).query().unwrap(),
            "finding:no_fault"
        );
        // The amount range is a filter, read as the CLI reads it.
        assert_eq!(
            params(&[("q", "delay"), ("max_amount", "500")])
                .query()
                .unwrap(),
            "delay"
        );
        let filters = params(&[("min_amount", "£1,000"), ("max_amount", "2k")])
            .search_request()
            .unwrap()
            .filters;
        assert_eq!(
            (filters.min_amount, filters.max_amount),
            (Some(1000.0), Some(2000.0))
        );
        let bad = params(&[("max_amount", "1 OR text:x")])
            .search_request()
            .unwrap_err();
        assert!(bad.starts_with("--max-amount: '1 OR text:x'"), "{bad}");
        let smuggled = params(&[("finding", "x OR text:y")]).query().unwrap_err();
        assert!(smuggled.contains("not a finding name"), "{smuggled}");
    }

    #[test]
    fn cli_args_name_the_same_selection() {
        let p = params(&[("q", "delay"), ("outcome", "Upheld"), ("page", "2")]);
        assert_eq!(p.cli_args().unwrap(), ["delay", "--outcome", "Upheld"]);
        assert_eq!(
            shell_words(&["stats".into(), "it's here".into()]),
            r"stats 'it'\''s here'"
        );
    }
}
