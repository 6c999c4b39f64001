//! Integration tests: drive the real `ombuds` binary on `corpus/` and on
//! small decision sets the tests write themselves.

mod common;

mod ingest;
mod parse;
mod props;
mod reliability;
mod reliability_bounds;
mod search;
mod show;
mod stats;
