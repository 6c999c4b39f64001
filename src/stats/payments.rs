//! A segment's `payment` dictionary, decoded once per process.
//!
//! Every payment value is its own term (`i|role|amount|purposes`), so a
//! segment's dictionary holds tens of thousands of them, and reading it
//! (decompressing its blocks and decoding each value) cost more than
//! collecting the facts of a few thousand matching decisions: a server
//! paid it for every statistics page. A segment never changes once
//! written, so its decoded dictionary is kept, keyed by the segment's id,
//! for the few segments an index has; each collection then only names the
//! few distinct lists of purposes.

use std::sync::{Arc, Mutex};

use tantivy::columnar::StrColumn;
use tantivy::index::SegmentId;

use crate::index::schema::decode_payment;
use crate::parse::PaymentRole;

/// Segments whose dictionaries are kept; the oldest goes first. An index
/// has a handful of segments, and one ingest replaces them by a few more.
pub(crate) const KEPT_SEGMENTS: usize = 32;

/// The decoded payment values of one segment, by dictionary ordinal.
#[derive(Debug, Default)]
pub struct PaymentTerms {
    /// Each value's role, amount and list of purposes (an index into
    /// `lists`); `None` for a value `decode_payment` cannot read.
    pub terms: Vec<Option<(PaymentRole, f64, u32)>>,
    /// The distinct lists of purposes, each as its purposes.
    pub lists: Vec<Vec<String>>,
}

/// The decoded dictionary of `column`, the `payment` column of `segment`:
/// kept from an earlier call, or read now and kept.
pub fn terms(segment: SegmentId, column: &StrColumn) -> tantivy::Result<Arc<PaymentTerms>> {
    static KEPT: Mutex<Vec<(SegmentId, Arc<PaymentTerms>)>> = Mutex::new(Vec::new());
    keep(&KEPT, KEPT_SEGMENTS, segment, || read(column))
}

/// The value kept in `list` under `key`, or `make`'s, then kept there (the
/// oldest of `most` goes first). Made outside the lock; of two threads that
/// raced, the first kept wins.
pub(crate) fn keep<K: PartialEq, V>(
    list: &Mutex<Vec<(K, Arc<V>)>>,
    most: usize,
    key: K,
    make: impl FnOnce() -> tantivy::Result<V>,
) -> tantivy::Result<Arc<V>> {
    let kept = |all: &[(K, Arc<V>)]| {
        all.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, value)| Arc::clone(value))
    };
    // A panic while the lock was held leaves the list whole (each change is
    // one push or remove), so a poisoned lock is still used.
    if let Some(value) = kept(&list.lock().unwrap_or_else(|p| p.into_inner())) {
        return Ok(value);
    }
    let value = Arc::new(make()?);
    let mut all = list.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(raced) = kept(&all) {
        return Ok(raced);
    }
    if all.len() >= most {
        all.remove(0);
    }
    all.push((key, Arc::clone(&value)));
    Ok(value)
}

/// Streams the dictionary in ordinal order (each block decompressed once).
fn read(column: &StrColumn) -> tantivy::Result<PaymentTerms> {
    let mut out = PaymentTerms {
        terms: Vec::with_capacity(column.num_terms()),
        lists: Vec::new(),
    };
    let mut list_of: std::collections::HashMap<String, u32> = Default::default();
    let mut stream = column.dictionary().stream()?;
    while stream.advance() {
        let value = String::from_utf8_lossy(stream.key());
        let term = decode_payment(&value).map(|(role, amount, purposes)| {
            // The text after the third `|`, as `decode_payment` splits it.
            let text = value.splitn(4, '|').nth(3).unwrap_or_default();
            let list = match list_of.get(text) {
                Some(&list) => list,
                None => {
                    let list = out.lists.len() as u32;
                    out.lists.push(purposes.map(str::to_string).collect());
                    list_of.insert(text.to_string(), list);
                    list
                }
            };
            (role, amount, list)
        });
        out.terms.push(term);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::read::searcher;
    use crate::index::schema::name;
    use crate::index::testing::{corpus, first_str_column, indexed};

    #[test]
    fn payment_terms_decode_each_value_and_are_kept_per_segment() {
        let (_dir, index) = indexed(corpus());
        let searcher = searcher(&index).expect("searcher");
        let (segment, column) = first_str_column(&searcher, name::PAYMENT);
        let terms = terms(segment, &column).expect("decodes");
        assert_eq!(terms.terms.len(), column.num_terms());
        // Each value reads back as its own decoding does.
        let mut stream = column.dictionary().stream().expect("streams");
        let mut ord = 0;
        while stream.advance() {
            let value = String::from_utf8_lossy(stream.key()).into_owned();
            let (role, amount, purposes) = decode_payment(&value).expect("decodes");
            let (r, a, list) = terms.terms[ord].expect("decoded");
            assert_eq!((r, a), (role, amount), "{value}");
            let purposes: Vec<&str> = purposes.collect();
            assert_eq!(terms.lists[list as usize], purposes, "{value}");
            ord += 1;
        }
        // Lists are distinct, and the corpus shares at least one.
        assert!(terms.lists.len() < terms.terms.len());
        // The second call for the segment is the kept decoding.
        let again = self::terms(segment, &column).expect("decodes");
        assert!(Arc::ptr_eq(&terms, &again));
    }
}
