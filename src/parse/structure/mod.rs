//! The shape of a decision page: clean lines (`lines`), the title and header
//! fields (`header`), case references (`reference`), and the summary and
//! titled sections (`sections`). [`parse_structure`](super::parse_structure)
//! runs them in that order.
//!
//! Everything here reads the LGSCO's layout. Its furniture and signature
//! lines (`lines`) and section headings (`sections`) are constant tables, but
//! the header labels and the reference shape are written into the code that
//! reads them, so the layout is not yet gathered in one `lgsco.rs`: doing so
//! means rewriting that code, which a second publisher's layout would justify.

pub mod header;
pub mod lines;
pub mod reference;
pub mod sections;
