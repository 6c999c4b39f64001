//! ombuds turns LGSCO decision statements into a searchable, countable dataset.
//!
//! The data flows through one module per stage:
//!
//! - [`fetch`]: download decision pages from the LGSCO website into a folder;
//! - [`walk`]: find decision files and read them as text;
//! - [`ingest`]: the parallel read -> parse pipeline over those files;
//! - [`parse`]: text -> [`parse::Decision`] (header, sections, extracted fields);
//! - [`index`]: the tantivy schema, writing decisions and opening the index;
//! - [`query`]: search requests -> tantivy queries and hits;
//! - [`stats`]: aggregation requests and typed result rows;
//! - [`output`]: the only code that writes results (table, CSV, JSON);
//! - [`serve`]: a local web page over the index, built on `query`, `stats` and `output`.
//!
//! The binary's subcommands live in [`cmd`], its flags in [`cli`].

pub mod cli;
pub mod cmd;
pub mod fetch;
pub mod index;
pub mod ingest;
pub mod names;
pub mod output;
pub mod parse;
pub mod query;
pub mod serve;
pub mod stats;
pub mod walk;
