//! `ombuds serve`: a local web page over the index, in the browser.
//!
//! The router sends each GET to a thin handler: [`search`] (the query
//! language and filters of `ombuds search`, facets counted by `stats`),
//! [`decision`] (one decision, payment sentences marked), and [`stats`]
//! (the figures of `ombuds stats`, charts from `output::plot`, downloads
//! from `output::stats`). [`params`] turns URL parameters into the same
//! typed requests the CLI builds; [`layout`] is the page shell, the CSS and
//! the error pages. Handlers run on tokio's blocking pool, as tantivy's
//! searches are synchronous. Pages are rendered by maud, which escapes every
//! value: decision text never reaches the page as markup.

mod decision;
mod layout;
mod library;
mod params;
mod permits;
mod search;
mod stats;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub use library::Library;

/// Where and how to serve.
#[derive(Debug, Clone)]
pub struct Config {
    /// The index directory.
    pub index: PathBuf,
    /// The address and port to listen on (port 0: any free port).
    pub address: SocketAddr,
    /// Open the page in the default browser once listening.
    pub open: bool,
}

/// Longest request target accepted, in bytes: room for the longest query
/// `crate::query` accepts (written with `+` for spaces) and the filters,
/// and below the 64 KiB an HTTP library's URI type holds.
pub const MAX_URI_BYTES: usize = 60 * 1024;

/// Serves the page until Ctrl-C.
pub fn run(config: Config) -> Result<()> {
    let library = Arc::new(Library::open(&config.index)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(16)
        .enable_io()
        .enable_time()
        .build()
        .context("cannot start the web server's runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.address)
            .await
            .with_context(|| format!("--bind/--port: cannot listen on {}", config.address))?;
        let address = listener.local_addr().context("reading the bound address")?;
        let url = format!("http://{address}/");
        println!("ombuds: serving {} at {url}", config.index.display());
        // Tests and scripts read the URL from a pipe: do not let it sit in a buffer.
        use std::io::Write;
        let _ = std::io::stdout().flush();
        if config.open {
            open_browser(&url);
        }
        axum::serve(listener, router(library))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("web server failed")
    })
}

/// Every route; all are GET, and all read the index only.
pub fn router(library: Arc<Library>) -> Router {
    Router::new()
        .route("/", get(search::page))
        .route("/decision/{reference}", get(decision::page))
        .route("/stats", get(stats::page))
        .route("/stats.csv", get(stats::csv))
        .route("/stats.json", get(stats::json))
        .route("/help", get(layout::help))
        .route("/style.css", get(layout::css))
        .fallback(layout::not_found)
        .layer(axum::middleware::from_fn(bounded))
        .with_state(library)
}

/// Refuses request targets longer than [`MAX_URI_BYTES`] before any handler
/// runs (bodies are never read: every route is GET).
async fn bounded(request: Request, next: Next) -> Response {
    if request.uri().to_string().len() > MAX_URI_BYTES {
        return (
            StatusCode::URI_TOO_LONG,
            layout::error_page(
                StatusCode::URI_TOO_LONG,
                &format!("The address is longer than {MAX_URI_BYTES} bytes."),
            ),
        )
            .into_response();
    }
    next.run(request).await
}

/// Best effort: the page is usable from the printed URL whatever happens.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        eprintln!("ombuds: --open: cannot run {opener} ({e}); open {url} yourself");
    }
}
