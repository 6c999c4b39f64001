//! The one tantivy schema. Every other module reaches fields through
//! [`Fields`], never by name.
//!
//! Fields that are filtered or grouped on are fast fields holding the value as
//! printed, and are indexed lowercased as one token (tokenizer `keyword`), so
//! `--category "children's care services"` and
//! `category:"Children's care services"` both match. Free text is indexed with
//! positions for phrase queries, as words lowercased and not stemmed
//! ([`WORDS_TOKENIZER`]). A query word in the decision's text
//! ([`Fields::stemmed`]) still finds its other English forms (`delays` finds
//! `delayed`): the query language looks up the indexed words with the same
//! stem, which costs a search a few term lookups instead of costing every
//! ingest a stemmer. A quoted phrase matches the words as written. The
//! decision is stored in two parts: its
//! summary and sections once, in `text`, and everything else as JSON in
//! `record`, which says where in `text` each part is; `show`, snippets and
//! exports put the two back together.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, TextAnalyzer};
use tantivy::Index;

use super::tokenizer::WordTokenizer;
use crate::names::name_of;
use crate::parse::PaymentRole;

/// Bumped whenever the schema or the meaning of a field changes; an index
/// written with another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 7;

/// The tokenizer for whole-value keyword fields: one lowercased token.
pub const KEYWORD_TOKENIZER: &str = "keyword";

/// The tokenizer for free text: words lowercased, not stemmed. tantivy's own
/// name, so any tantivy tool reads the index as ombuds does ([`WordTokenizer`]
/// gives the same tokens).
pub const WORDS_TOKENIZER: &str = "default";

/// The name of every field as the index stores it and queries name it:
/// readers of fast fields use these, so a renamed field is renamed once.
pub mod name {
    /// Canonical reference.
    pub const REFERENCE: &str = "reference";
    /// Organisation.
    pub const ORGANISATION: &str = "organisation";
    /// Category top level.
    pub const CATEGORY: &str = "category";
    /// Sub-category.
    pub const SUBCATEGORY: &str = "subcategory";
    /// Outcome as printed.
    pub const OUTCOME: &str = "outcome";
    /// Decision date.
    pub const DECISION_DATE: &str = "decision_date";
    /// Year of the decision date.
    pub const YEAR: &str = "year";
    /// Summary text.
    pub const SUMMARY: &str = "summary";
    /// Summary and sections: the default search field.
    pub const TEXT: &str = "text";
    /// The rest of the decision as JSON.
    pub const RECORD: &str = "record";
    /// Sum of agreed payments.
    pub const AGREED_TOTAL: &str = "agreed_total";
    /// Sum of accepted lump sums.
    pub const ACCEPTED_TOTAL: &str = "accepted_total";
    /// Each agreed payment amount.
    pub const AGREED_AMOUNT: &str = "agreed_amount";
    /// Each lump sum of any role, encoded by [`super::encode_payment`].
    pub const PAYMENT: &str = "payment";
    /// Whether the agreed remedy includes a payment with no stated amount.
    pub const PAYMENT_AMOUNT_UNSTATED: &str = "payment_amount_unstated";
    /// Whether the text looks cut off (the `truncated` warning).
    pub const TRUNCATED: &str = "truncated";
    /// Purposes of agreed payments.
    pub const PURPOSE: &str = "purpose";
    /// Remedy kinds.
    pub const REMEDY: &str = "remedy";
    /// Fault kinds.
    pub const FAULT: &str = "fault";
    /// Overall finding.
    pub const FINDING: &str = "finding";
    /// Earliest deadline in days.
    pub const DEADLINE_DAYS: &str = "deadline_days";
    /// Whether the decision is shared with Ofsted.
    pub const SHARED_WITH_OFSTED: &str = "shared_with_ofsted";
    /// The file a decision was read from, as ingest found it.
    pub const SOURCE_PATH: &str = "source_path";
    /// That file's size in bytes when it was read.
    pub const SOURCE_SIZE: &str = "source_size";
    /// That file's modification time when it was read, in ns since 1970.
    pub const SOURCE_MTIME: &str = "source_mtime";
    /// The stamp of the extraction code that read the decision.
    pub const PARSER_STAMP: &str = "parser_stamp";
    /// The stamp of the fault taxonomy the decision was classified with.
    pub const TAXONOMY_STAMP: &str = "taxonomy_stamp";
}

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
    /// Sum of accepted lump sums.
    pub accepted_total: Field,
    /// Each agreed payment amount (multi-valued).
    pub agreed_amount: Field,
    /// Each lump sum of any role as `i|role|amount|purpose,purpose`
    /// (multi-valued; [`encode_payment`]), so statistics can pick roles and
    /// pair amounts with purposes from fast fields alone. Rates are left out:
    /// they never count in payment statistics. A column only, not searchable:
    /// queries filter payments by `agreed_amount` and `purpose`.
    pub payment: Field,
    /// Whether the agreed remedy includes a payment with no stated amount.
    pub payment_amount_unstated: Field,
    /// Whether the text looks cut off (the decision has the `truncated` warning).
    pub truncated: Field,
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
    /// The file the decision was read from (exact, fast): what incremental
    /// ingest keys its bookkeeping by, and deletes by when the file changes.
    pub source_path: Field,
    /// The file's size when read (fast only; absent for a non-regular file).
    pub source_size: Field,
    /// The file's modification time when read, ns since 1970 (fast only).
    pub source_mtime: Field,
    /// Which extraction code read the decision (fast only; see
    /// `index::sources::ExtractionStamp`).
    pub parser_stamp: Field,
    /// Which fault taxonomy classified it (fast only).
    pub taxonomy_stamp: Field,
}

impl Fields {
    /// The fields where a query word finds every English form of itself
    /// (`delays` finds `delayed`): the decision's text. They are indexed
    /// unstemmed like all free text; the query language stems at search time.
    pub fn stemmed(&self) -> [Field; 2] {
        [self.text, self.summary]
    }
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
        reference: b.add_text_field(name::REFERENCE, STRING | STORED),
        organisation: b.add_text_field(name::ORGANISATION, words.clone().set_fast("raw")),
        category: b.add_text_field(name::CATEGORY, keyword()),
        subcategory: b.add_text_field(name::SUBCATEGORY, keyword()),
        outcome: b.add_text_field(name::OUTCOME, keyword()),
        decision_date: b.add_date_field(
            name::DECISION_DATE,
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        year: b.add_u64_field(name::YEAR, number.clone()),
        summary: b.add_text_field(name::SUMMARY, words.clone()),
        text: b.add_text_field(name::TEXT, words | STORED),
        record: b.add_bytes_field(name::RECORD, STORED),
        agreed_total: b.add_f64_field(name::AGREED_TOTAL, number.clone()),
        accepted_total: b.add_f64_field(name::ACCEPTED_TOTAL, number.clone()),
        agreed_amount: b.add_f64_field(name::AGREED_AMOUNT, number.clone()),
        // Read from its column only: an inverted index of these values, nearly
        // every one distinct, cost ingest its term dictionary for no query.
        payment: b.add_text_field(name::PAYMENT, TextOptions::default().set_fast("raw")),
        payment_amount_unstated: b.add_bool_field(name::PAYMENT_AMOUNT_UNSTATED, number.clone()),
        truncated: b.add_bool_field(name::TRUNCATED, number.clone()),
        purpose: b.add_text_field(name::PURPOSE, keyword()),
        remedy: b.add_text_field(name::REMEDY, keyword()),
        fault: b.add_text_field(name::FAULT, keyword()),
        finding: b.add_text_field(name::FINDING, keyword()),
        deadline_days: b.add_u64_field(name::DEADLINE_DAYS, number.clone()),
        shared_with_ofsted: b.add_bool_field(name::SHARED_WITH_OFSTED, number),
        source_path: b.add_text_field(name::SOURCE_PATH, STRING | FAST),
        source_size: b.add_u64_field(name::SOURCE_SIZE, FAST),
        source_mtime: b.add_i64_field(name::SOURCE_MTIME, FAST),
        parser_stamp: b.add_u64_field(name::PARSER_STAMP, FAST),
        taxonomy_stamp: b.add_u64_field(name::TAXONOMY_STAMP, FAST),
    };
    (b.build(), fields)
}

/// Registers the tokenizers the schema names; call on every opened index.
/// Free text uses tantivy's `default`, replaced by [`WordTokenizer`], which gives the
/// same tokens faster.
pub fn register_tokenizers(index: &Index) {
    let keyword = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    index.tokenizers().register(KEYWORD_TOKENIZER, keyword);
    index
        .tokenizers()
        .register(WORDS_TOKENIZER, WordTokenizer::default());
}

/// Fields a query string may name (`category:"..."`), for help and errors.
pub const QUERYABLE: &[&str] = &[
    name::REFERENCE,
    name::ORGANISATION,
    name::CATEGORY,
    name::SUBCATEGORY,
    name::OUTCOME,
    name::DECISION_DATE,
    name::YEAR,
    name::SUMMARY,
    name::TEXT,
    name::AGREED_TOTAL,
    name::ACCEPTED_TOTAL,
    name::AGREED_AMOUNT,
    name::PAYMENT_AMOUNT_UNSTATED,
    name::TRUNCATED,
    name::PURPOSE,
    name::REMEDY,
    name::FAULT,
    name::FINDING,
    name::DEADLINE_DAYS,
    name::SHARED_WITH_OFSTED,
];

/// The `payment` value of the `i`th indexed payment of a decision:
/// `i|role|amount|purpose,purpose` (the position keeps equal payments
/// distinct), so statistics can pick roles and pair amounts with purposes
/// from fast fields alone. [`decode_payment`] reads it back.
pub fn encode_payment<'a>(
    i: usize,
    role: PaymentRole,
    amount: f64,
    purposes: impl IntoIterator<Item = &'a str>,
) -> String {
    let purposes: Vec<&str> = purposes.into_iter().collect();
    format!("{i}|{}|{amount}|{}", name_of(&role), purposes.join(","))
}

/// The role, amount and purposes of a `payment` value written by
/// [`encode_payment`]; `None` when the value is not of that form.
pub fn decode_payment(value: &str) -> Option<(PaymentRole, f64, impl Iterator<Item = &str>)> {
    let (_position, rest) = value.split_once('|')?;
    let (role, rest) = rest.split_once('|')?;
    let role = PaymentRole::ALL.into_iter().find(|r| name_of(r) == role)?;
    let (amount, purposes) = rest.split_once('|')?;
    let amount = amount.parse().ok()?;
    Some((role, amount, purposes.split(',').filter(|p| !p.is_empty())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(
        i: usize,
        role: PaymentRole,
        amount: f64,
        purposes: &[&str],
    ) -> (PaymentRole, f64, Vec<String>) {
        let value = encode_payment(i, role, amount, purposes.iter().copied());
        let (role, amount, purposes) = decode_payment(&value).expect("decodes");
        (role, amount, purposes.map(str::to_string).collect())
    }

    #[test]
    fn a_payment_value_gives_back_its_role_amount_and_purposes() {
        assert_eq!(
            encode_payment(
                0,
                PaymentRole::Agreed,
                300.0,
                ["distress", "time_and_trouble"]
            ),
            "0|agreed|300|distress,time_and_trouble"
        );
        assert_eq!(
            round_trip(
                2,
                PaymentRole::Accepted,
                4763.1,
                &["distress", "time_and_trouble"]
            ),
            (
                PaymentRole::Accepted,
                4763.1,
                vec!["distress".to_string(), "time_and_trouble".to_string()]
            )
        );
        for role in PaymentRole::ALL {
            assert_eq!(round_trip(0, role, 0.5, &[]), (role, 0.5, vec![]));
        }
        assert_eq!(
            round_trip(7, PaymentRole::Claimed, 1e21, &["backdated"]),
            (PaymentRole::Claimed, 1e21, vec!["backdated".to_string()])
        );
    }

    #[test]
    fn the_payment_values_are_a_column_and_not_indexed() {
        let (schema, fields) = build();
        let entry = schema.get_field_entry(fields.payment);
        assert!(
            entry.is_fast(),
            "statistics read payments from their column"
        );
        assert!(
            !entry.is_indexed(),
            "nothing searches them; indexing costs ingest"
        );
    }

    #[test]
    fn a_value_not_written_by_encode_payment_is_refused() {
        for value in [
            "",
            "300",
            "0|300",
            "0|300|distress",
            "0|agreed|£300|distress",
            "0|agreed||distress",
            "0|bogus|300|distress",
            "0|agreed|300",
        ] {
            assert!(decode_payment(value).is_none(), "{value}");
        }
    }
}
