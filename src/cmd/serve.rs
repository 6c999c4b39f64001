//! `ombuds serve`: a local web page over the index. The long help is [`LONG_ABOUT`].

use std::net::IpAddr;
use std::path::Path;

use anyhow::Result;

use super::ExitStatus;
use crate::serve::Config;

/// The long help of `ombuds serve`.
pub const LONG_ABOUT: &str =
    "Serve a web page over the index: search with facets, each decision with its
payment sentences highlighted, and statistics with charts and CSV/JSON downloads.

The page reads the index only; it never changes it. After an `ombuds ingest`
commits, the next page shows the new decisions (no restart). Every view is in its
URL, so a link reproduces it. Everything the page needs is inside the binary: it
works without a network, and without JavaScript.

The page has no login: it listens on 127.0.0.1 (this machine only) unless --bind
names another address. The URL is printed on stdout when the server is ready;
--port 0 picks a free port (the printed URL has the real one). Ctrl-C stops it.

Examples:
  ombuds serve
  ombuds serve --port 8080 --open
  ombuds serve --index /data/ombuds-index --port 0";

/// Flags of `ombuds serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8321, value_name = "N")]
    pub port: u16,

    /// The address to listen on. Anything but a loopback address lets other
    /// machines read the index: the page has no login.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: IpAddr,

    /// Open the page in the default browser once the server is ready.
    #[arg(long)]
    pub open: bool,
}

/// Checks the index, then serves until interrupted.
pub fn run(index_path: &Path, args: Args) -> Result<ExitStatus> {
    if !args.bind.is_loopback() {
        eprintln!(
            "ombuds: warning: --bind {}: the page has no login; anyone who can reach this address can read the index",
            args.bind
        );
    }
    crate::serve::run(Config {
        index: index_path.to_path_buf(),
        address: (args.bind, args.port).into(),
        open: args.open,
    })?;
    Ok(ExitStatus::Success)
}
