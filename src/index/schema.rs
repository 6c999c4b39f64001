//! The one tantivy schema. Every other module reaches fields through
//! [`Fields`], never by name.
//!
//! Fields that are filtered or grouped on are fast fields holding the value as
//! printed, and are indexed lowercased as one token (tokenizer `keyword`), so
//! `--category "children's care services"` and
//! `category:"Children's care services"` both match. Free text is indexed with
//! positions for phrase queries. The decision is stored in two parts: its
//! summary and sections once, in `text`, and everything else as JSON in
//! `record`, which says where in `text` each part is; `show`, snippets and
//! exports put the two back together.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, STORED, STRING,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::Index;

use super::tokenizer::Words;

/// Bumped whenever the schema or the meaning of a field changes; an index
/// written with another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 2;

/// The tokenizer for whole-value keyword fields: one lowercased token.
pub const KEYWORD_TOKENIZER: &str = "keyword";

/// The tokenizer for free text: tantivy's own name, so any tantivy tool reads
/// the index as ombuds does ([`Words`] gives the same tokens).
pub const WORDS_TOKENIZER: &str = "default";

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Canonical reference (raw, unique per decision: the upsert key).
    pub reference: Field,
    /// Organisation: words indexed for search, value fast for grouping.
    pub organisation: Field,
    /// Category top level.
    pub category: Field,
    /// Sub-category.
    pub subcategory: Field,
    /// Outcome as printed, or `none` when the decision has no outcome line.
    pub outcome: Field,
    /// Decision date (day precision).
    pub decision_date: Field,
    /// Year of the decision date.
    pub year: Field,
    /// Summary text.
    pub summary: Field,
    /// Summary and every section, headings included: the default search
    /// field, and stored: the one stored copy of the decision's text.
    pub text: Field,
    /// The rest of the `Decision` as JSON (stored only; see `write::Record`).
    pub record: Field,
    /// Sum of agreed payments.
    pub agreed_total: Field,
    /// Each agreed payment amount (multi-valued).
    pub agreed_amount: Field,
    /// Each agreed payment as `i|amount|purpose,purpose` (multi-valued), so
    /// statistics can pair amounts with purposes from fast fields alone.
    pub agreed_payment: Field,
    /// Purposes of agreed payments (multi-valued).
    pub purpose: Field,
    /// Remedy kinds (multi-valued).
    pub remedy: Field,
    /// Fault kinds (multi-valued).
    pub fault: Field,
    /// Overall finding, or `none`.
    pub finding: Field,
    /// Earliest deadline in days.
    pub deadline_days: Field,
    /// Whether the decision is shared with Ofsted.
    pub shared_with_ofsted: Field,
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let keyword = || {
        TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(KEYWORD_TOKENIZER)
                    .set_index_option(IndexRecordOption::Basic)
                    .set_fieldnorms(false),
            )
            .set_fast("raw")
    };
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(WORDS_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let number = NumericOptions::default().set_indexed().set_fast();
    let fields = Fields {
        reference: b.add_text_field("reference", STRING | STORED),
        organisation: b.add_text_field("organisation", words.clone().set_fast("raw")),
        category: b.add_text_field("category", keyword()),
        subcategory: b.add_text_field("subcategory", keyword()),
        outcome: b.add_text_field("outcome", keyword()),
        decision_date: b.add_date_field(
            "decision_date",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        year: b.add_u64_field("year", number.clone()),
        summary: b.add_text_field("summary", words.clone()),
        text: b.add_text_field("text", words | STORED),
        record: b.add_text_field("record", STORED),
        agreed_total: b.add_f64_field("agreed_total", number.clone()),
        agreed_amount: b.add_f64_field("agreed_amount", number.clone()),
        agreed_payment: b.add_text_field("agreed_payment", keyword()),
        purpose: b.add_text_field("purpose", keyword()),
        remedy: b.add_text_field("remedy", keyword()),
        fault: b.add_text_field("fault", keyword()),
        finding: b.add_text_field("finding", keyword()),
        deadline_days: b.add_u64_field("deadline_days", number.clone()),
        shared_with_ofsted: b.add_bool_field("shared_with_ofsted", number),
    };
    (b.build(), fields)
}

/// Registers the tokenizers the schema names; call on every opened index.
/// Free text uses tantivy's `default`, replaced by [`Words`], which gives the
/// same tokens faster.
pub fn register_tokenizers(index: &Index) {
    let keyword = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    index.tokenizers().register(KEYWORD_TOKENIZER, keyword);
    index
        .tokenizers()
        .register(WORDS_TOKENIZER, Words::default());
}

/// Fields a query string may name (`category:"..."`), for help and errors.
pub const QUERYABLE: &[&str] = &[
    "reference",
    "organisation",
    "category",
    "subcategory",
    "outcome",
    "decision_date",
    "year",
    "summary",
    "text",
    "agreed_total",
    "agreed_amount",
    "purpose",
    "remedy",
    "fault",
    "finding",
    "deadline_days",
    "shared_with_ofsted",
];
