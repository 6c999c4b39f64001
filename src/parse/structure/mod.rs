//! The shape of a decision page: clean lines (`lines`), the title and header
//! fields (`header`), case references (`reference`), and the summary and
//! titled sections (`sections`). [`parse_structure`](super::parse_structure)
//! runs them in that order.
//!
//! Those four files are the machinery; what they look for is the layout of
//! one publisher, the LGSCO, and all of it is in `lgsco.rs`: the website
//! furniture and signature lines, the header labels, date formats and title
//! window, the reference shape, the section headings with the
//! [`SectionKind`](super::SectionKind) each starts, and the summary label.
//!
//! A second publisher's format is one new file beside `lgsco.rs` holding the
//! same constants for its pages. With two, the readers would take the layout
//! as a value (a `Layout` trait or struct that `lgsco.rs` and the new file
//! each provide, chosen per file) instead of naming `lgsco` directly; until
//! then there is no trait, only this one seam.

pub mod header;
pub mod lgsco;
pub mod lines;
pub mod reference;
pub mod sections;
