//! The page shell (header, navigation, the embedded stylesheet), the error
//! pages, and the query-syntax help. Nothing is fetched from elsewhere: the
//! CSS is a string in the binary, and there is no script.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};

/// Why a page could not be shown; each becomes an HTML page with its status.
#[derive(Debug)]
pub enum PageError {
    /// The request asked for something invalid (the message says what).
    BadRequest(String),
    /// The thing asked for does not exist.
    NotFound(String),
    /// The server failed (the index could not be read, ...).
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for PageError {
    fn from(error: anyhow::Error) -> Self {
        PageError::Internal(error)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            PageError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            PageError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            PageError::Internal(e) => {
                eprintln!("ombuds: serve: {e:#}");
                (StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}"))
            }
        };
        (status, error_page(status, &message)).into_response()
    }
}

/// A page: the shell around `body`, titled `title`.
pub fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · ombuds" }
                link rel="stylesheet" href="/style.css";
            }
            body {
                header {
                    a.brand href="/" { "ombuds" }
                    nav {
                        a href="/" { "Search" }
                        a href="/stats" { "Statistics" }
                        a href="/help" { "Query syntax" }
                    }
                }
                main { (body) }
            }
        }
    }
}

/// The page for an error, saying what went wrong in words.
pub fn error_page(status: StatusCode, message: &str) -> Markup {
    let title = status.canonical_reason().unwrap_or("Error");
    page(
        title,
        html! {
            h1 { (status.as_u16()) " " (title) }
            p.error { (message) }
            p { a href="/" { "Back to search" } }
        },
    )
}

/// Any path no route serves.
pub async fn not_found() -> PageError {
    PageError::NotFound("There is no page at this address.".into())
}

/// The stylesheet, from the binary.
pub async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

/// The query language, as `ombuds search --help` gives it.
pub async fn help() -> Markup {
    page(
        "Query syntax",
        html! {
            h1 { "Query syntax" }
            p { "The search box takes the same queries as " code { "ombuds search" } ":" }
            pre { (crate::cmd::search::LONG_ABOUT) }
        },
    )
}

const CSS: &str = r#"
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1b;background:#fafafa}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.6rem 1rem;background:#24466e;color:#fff}
header a{color:#fff;text-decoration:none}
header .brand{font-weight:700;font-size:1.2rem}
nav{display:flex;gap:1rem}
main{max-width:78rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0 .8rem}
h2{font-size:1.15rem;margin:1.4rem 0 .5rem}
a{color:#1f5f9e}
form.search{display:flex;flex-wrap:wrap;gap:.4rem;margin-bottom:.8rem}
form.search input[type=search]{flex:1 1 18rem;font-size:1rem;padding:.45rem}
form.search input,form.search select,form.search button{padding:.4rem;font-size:.95rem}
details.more{flex-basis:100%}
details.more label{display:inline-block;margin:.2rem .8rem .2rem 0}
.layout{display:grid;grid-template-columns:17rem 1fr;gap:1.2rem}
@media (max-width:50rem){.layout{grid-template-columns:1fr}.facets{order:2}}
.facets section{margin-bottom:1rem}
.facets h3{font-size:.9rem;text-transform:uppercase;letter-spacing:.04em;color:#555;margin:.4rem 0}
.facets ul{list-style:none;margin:0;padding:0}
.facets li{display:flex;justify-content:space-between;gap:.5rem;font-size:.92rem;padding:.08rem 0;overflow-wrap:anywhere}
.facets li a.on{font-weight:700}
.facets li a.on::before{content:"✓ "}
.count{color:#666;font-variant-numeric:tabular-nums}
.chosen a{display:inline-block;background:#e3ecf6;border-radius:1rem;padding:.1rem .6rem;margin:0 .3rem .3rem 0;text-decoration:none}
.hit{padding:.6rem 0;border-bottom:1px solid #ddd}
.hit .meta{font-size:.88rem;color:#555}
.hit p{margin:.3rem 0}
mark{background:#ffe58a;padding:0 .1em}
.error{background:#fdecea;border-left:4px solid #c62828;padding:.6rem .8rem}
table{border-collapse:collapse;margin:.4rem 0;font-size:.92rem}
th,td{border-bottom:1px solid #ddd;padding:.25rem .55rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
.downloads a{margin-right:.8rem;font-size:.9rem}
.chart svg{max-width:min(100%,46rem);height:auto}
pre{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:.6rem}
.section-text{white-space:pre-wrap}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.fields dt{font-weight:600}
dl.fields dd{margin:0}
.pages a,.pages span{margin-right:.6rem}
code.cli{display:block;background:#fff;border:1px solid #ddd;padding:.3rem .5rem;overflow-x:auto}
"#;
