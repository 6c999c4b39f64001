//! Integration tests: drive the real `ombuds` binary on `corpus/` and on
//! small decision sets the tests write themselves.

mod common;

mod browser;
mod dates;
mod exit_codes;
mod fetch;
mod finding;
mod formats;
mod incremental;
mod ingest;
mod input_formats;
mod money;
mod parse;
mod payment_roles;
mod props;
mod query_language;
mod reliability;
mod reliability_bounds;
mod reliability_indexfs;
mod reliability_input;
mod reliability_output;
mod reliability_rebuild;
mod roles;
mod search;
mod serve;
mod show;
mod stats;
mod timeseries;
mod values;
