//! The index as the server sees it: opened once, and kept current while
//! `ombuds ingest` runs beside it.
//!
//! An incremental ingest commits into the same directory: tantivy's reader
//! notices the new commit itself (`ReloadPolicy::OnCommitWithDelay`). A
//! `--rebuild` swaps another directory into place under the same path: the
//! directory's identity changes, and the index is opened anew.
//!
//! Search and statistics pages are costly (a facet or a table is a pass
//! over the matching decisions' fast fields) and the same views are asked
//! for again and again, so rendered pages are kept per commit: a page is
//! rendered once for each commit the server sees, and all are dropped when
//! a newer commit is seen. Each route keeps its own pages, up to
//! [`CACHE_BYTES`], and drops them when they would outgrow it: a statistics
//! page is some fifteen times a search page, and a shared budget let a run of
//! statistics pages empty the search pages' shelf again and again.
//!
//! A page not kept is rendered by at most one request per CPU at a time
//! ([`Library::costly`]); the others wait their turn without holding a
//! thread. Rendering is CPU work: more of it at once only shares the same
//! cores more finely, and a cheap page (a decision, a kept page) would wait
//! behind every costly one that had started before it. Waiting search pages
//! go before waiting statistics pages, which cost several searches each and
//! have more room under their latency target (see `super::permits`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{anyhow, Result};
use axum::response::Html;
use maud::Markup;
use tantivy::{IndexReader, ReloadPolicy, Searcher};

use super::layout::PageError;
use super::params::PageParams;
use super::permits::{Permits, Priority};

use crate::index::{directory_identity, DecisionIndex};

/// Most bytes of rendered pages kept for one route.
pub const CACHE_BYTES: usize = 64 * 1024 * 1024;

/// The served index, a reader that follows its commits, and the pages
/// rendered from the latest commit.
pub struct Library {
    path: PathBuf,
    current: Mutex<Opened>,
    /// Rendered pages by route (the URL's path).
    pages: Mutex<HashMap<String, Pages>>,
    /// One permit per CPU, held while a costly page is rendered.
    renders: Arc<Permits>,
}

/// Which commit a searcher reads: the opening of the directory (counted
/// from 1) and tantivy's generation of the reader within it.
pub type Version = (u64, u64);

/// One opening of the index directory.
struct Opened {
    index: Arc<DecisionIndex>,
    reader: IndexReader,
    identity: Option<(u64, u64)>,
    opening: u64,
}

/// Rendered pages of one route and one version, by URL.
#[derive(Default)]
struct Pages {
    version: Option<Version>,
    by_url: HashMap<String, Arc<str>>,
    bytes: usize,
}

impl Library {
    /// Opens the index at `path` (an error names it when there is none).
    pub fn open(path: &Path) -> Result<Self> {
        Ok(Library {
            path: path.to_path_buf(),
            current: Mutex::new(Opened::new(path, 1)?),
            pages: Mutex::new(HashMap::new()),
            renders: Arc::new(Permits::new(
                std::thread::available_parallelism().map_or(1, |n| n.get()),
            )),
        })
    }

    /// The index and a searcher over its latest commit that this server
    /// has seen.
    pub fn searcher(&self) -> Result<(Arc<DecisionIndex>, Searcher, Version)> {
        let mut current = self
            .current
            .lock()
            .map_err(|_| anyhow!("index reader is unusable after an earlier failure"))?;
        let identity = directory_identity(&self.path);
        if identity != current.identity {
            *current = Opened::new(&self.path, current.opening + 1)?;
        }
        let searcher = current.reader.searcher();
        let version = (current.opening, searcher.generation().generation_id());
        Ok((current.index.clone(), searcher, version))
    }

    /// The page at `url` as rendered from `version`, rendering it with
    /// `render` when it is not kept (errors are not kept).
    pub fn page<E>(
        &self,
        version: Version,
        url: &str,
        render: impl FnOnce() -> Result<String, E>,
    ) -> Result<Arc<str>, E> {
        if let Some(page) = self.kept(version, url) {
            return Ok(page);
        }
        let page: Arc<str> = render()?.into();
        if let Ok(mut shelves) = self.pages.lock() {
            let pages = shelves.entry(route_of(url).to_string()).or_default();
            if pages.version != Some(version) || pages.bytes + page.len() > CACHE_BYTES {
                *pages = Pages {
                    version: Some(version),
                    ..Pages::default()
                };
            }
            pages.bytes += page.len() + url.len();
            pages.by_url.insert(url.to_string(), page.clone());
        }
        Ok(page)
    }

    /// A search or statistics page for `params` at `route`, kept per commit
    /// as [`Library::page`] keeps it; one not kept is rendered through
    /// [`Library::costly`] with `priority`.
    pub async fn cached_page(
        self: Arc<Self>,
        route: &'static str,
        priority: Priority,
        params: PageParams,
        render: fn(&DecisionIndex, &Searcher, &PageParams) -> Result<Markup, PageError>,
    ) -> Result<Html<String>, PageError> {
        let url = params.href(route);
        let (_, _, version) = self.searcher()?;
        if let Some(page) = self.kept(version, &url) {
            return Ok(Html(page.to_string()));
        }
        let library = Arc::clone(&self);
        self.costly(priority, move || {
            let (index, searcher, version) = library.searcher()?;
            library
                .page(version, &url, || {
                    render(&index, &searcher, &params).map(Markup::into_string)
                })
                .map(|page| Html(page.to_string()))
        })
        .await
    }

    /// Runs `work`, which reads the index at length, off the async workers
    /// once one of the per-CPU permits is free for `priority`.
    pub async fn costly<T: Send + 'static>(
        &self,
        priority: Priority,
        work: impl FnOnce() -> Result<T, PageError> + Send + 'static,
    ) -> Result<T, PageError> {
        let permit = self.renders.acquire(priority).await;
        // The permit goes with the work: a client that leaves mid-render
        // does not free a CPU that the render still uses.
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|e| PageError::Internal(e.into()))?
    }

    fn kept(&self, version: Version, url: &str) -> Option<Arc<str>> {
        let shelves = self.pages.lock().ok()?;
        let pages = shelves.get(route_of(url))?;
        (pages.version == Some(version))
            .then(|| pages.by_url.get(url).cloned())
            .flatten()
    }
}

/// The route of a page's URL: its path, without the query.
fn route_of(url: &str) -> &str {
    url.split_once('?').map_or(url, |(path, _)| path)
}

impl Opened {
    fn new(path: &Path, opening: u64) -> Result<Self> {
        let identity = directory_identity(path);
        let index = crate::index::open(path)?;
        let reader = index
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|e| anyhow!("{}: cannot read index: {e}", path.display()))?;
        Ok(Opened {
            index: Arc::new(index),
            reader,
            identity,
            opening,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::testing::{corpus, indexed};
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn costly_work_runs_at_most_one_per_cpu_at_a_time() {
        let (dir, _index) = indexed(corpus());
        let library = Arc::new(Library::open(&dir.path().join("index")).expect("opens"));
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .max_blocking_threads(4 * cpus + 4)
            .build()
            .expect("runtime");
        let done = runtime.block_on(async {
            let tasks: Vec<_> = (0..4 * cpus + 4)
                .map(|_| {
                    let (library, running, most) = (
                        Arc::clone(&library),
                        Arc::clone(&running),
                        Arc::clone(&most),
                    );
                    tokio::spawn(async move {
                        library
                            .costly(Priority::Search, move || {
                                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                                most.fetch_max(now, Ordering::SeqCst);
                                std::thread::sleep(std::time::Duration::from_millis(20));
                                running.fetch_sub(1, Ordering::SeqCst);
                                Ok(())
                            })
                            .await
                    })
                })
                .collect();
            let mut done = 0;
            for task in tasks {
                task.await.expect("task").expect("work");
                done += 1;
            }
            done
        });
        assert_eq!(done, 4 * cpus + 4);
        let most = most.load(Ordering::SeqCst);
        assert!((1..=cpus).contains(&most), "{most} at once on {cpus} CPUs");
    }

    #[test]
    fn pages_of_one_route_never_push_out_another_routes() {
        let (dir, _index) = indexed(corpus());
        let library = Library::open(&dir.path().join("index")).expect("opens");
        let (_, _, version) = library.searcher().expect("searcher");
        let renders = AtomicUsize::new(0);
        let page = |url: &str, bytes: usize| {
            library
                .page::<()>(version, url, || {
                    renders.fetch_add(1, Ordering::SeqCst);
                    Ok("x".repeat(bytes))
                })
                .expect("page")
        };
        page("/?q=delay", 10);
        // Statistics pages that fill their route's shelf twice over.
        page("/stats?q=a", CACHE_BYTES / 2 + 1);
        page("/stats?q=b", CACHE_BYTES / 2 + 1);
        assert_eq!(renders.load(Ordering::SeqCst), 3);
        // The search page is still kept; the first statistics page was dropped.
        page("/?q=delay", 10);
        assert_eq!(renders.load(Ordering::SeqCst), 3);
        page("/stats?q=b", CACHE_BYTES / 2 + 1);
        assert_eq!(renders.load(Ordering::SeqCst), 3);
        page("/stats?q=a", CACHE_BYTES / 2 + 1);
        assert_eq!(renders.load(Ordering::SeqCst), 4);
        assert_eq!(route_of("/stats?q=a&page=2"), "/stats");
        assert_eq!(route_of("/"), "/");
    }
}
