//! Section text -> sentences, each knowing its paragraph and the lead-in line
//! (`the Council has agreed to:`) that introduces it.
//!
//! Decisions are full of full stops that do not end sentences: `£1,250.50`,
//! `Mr. X`, `e.g. the Council`, `para. 12`, `(Local Government Act 1974,
//! section 26(1))`. A sentence ends at `.`, `!` or `?` (with any closing
//! quotes or brackets) followed by white space and a capital, digit, `£`,
//! quote or bracket, unless the word before the stop is a known abbreviation or
//! the stop is inside balanced parentheses. Paragraph breaks always end one.
//! A "sentence" longer than [`MAX_SENTENCE`] bytes (never a real one) is cut
//! into pieces at white space, so that no later reading costs more than a
//! bounded amount per piece.

use std::cell::{Cell, OnceCell};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::names::name_of;
use crate::parse::decision::SectionKind;
use crate::parse::extract::bounds::MAX_SENTENCE;
use crate::parse::structure::lines::split_newlines;
use crate::parse::text::pattern::{word_mask, Prefilter};

/// One sentence of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence, trimmed.
    pub text: &'a str,
    /// Byte offset of `text` in the text the sentence was split from.
    pub start: usize,
    /// Index of its paragraph within the section.
    pub paragraph: usize,
    /// Index (in the same block) of the sentence ending in `:` that introduces
    /// this sentence's paragraph, as in a bulleted agreed-action list.
    pub lead: Option<usize>,
}

/// The summary or one section, split into sentences.
///
/// It keeps the whole text and an ASCII-lowercased copy (same byte offsets) so
/// that extractors can test cheaply for the words a regex needs before running
/// it, sentence by sentence or once for the whole block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// The section kind, or `None` for the summary.
    pub kind: Option<SectionKind>,
    /// The sentences in order, split on first use ([`Block::sentences`]):
    /// background sections that name no money, fault or Ofsted are never split.
    split: OnceCell<Vec<Sentence<'a>>>,
    /// Whether splitting cut a sentence over [`MAX_SENTENCE`] bytes.
    long: Cell<bool>,
    /// The text the sentences were split from.
    text: &'a str,
    /// `text` with ASCII letters lowercased.
    lower: String,
    /// Whether `text` has `ſ` (U+017F) or `K` (U+212A), which case-insensitive
    /// regexes read as `s` and `k`: literal pre-tests then always say "maybe".
    exotic: bool,
    /// Each sentence's word mask ([`word_mask`]), made on first use
    /// ([`UNKNOWN`] until then), and their union.
    words: OnceCell<Vec<Cell<u64>>>,
    all_words: OnceCell<u64>,
}

impl<'a> Block<'a> {
    /// A block of `text` (paragraphs separated by `\n`), to be split into
    /// sentences when first asked.
    pub fn new(kind: Option<SectionKind>, text: &'a str) -> Self {
        let lower = text.to_ascii_lowercase();
        let exotic = !lower.is_ascii() && EXOTIC.iter().any(|f| f.find(lower.as_bytes()).is_some());
        Block {
            kind,
            split: OnceCell::new(),
            long: Cell::new(false),
            words: OnceCell::new(),
            text,
            lower,
            exotic,
            all_words: OnceCell::new(),
        }
    }

    /// The sentences in order.
    pub fn sentences(&self) -> &[Sentence<'a>] {
        self.split.get_or_init(|| {
            let (sentences, long) = split(self.text);
            self.long.set(long);
            sentences
        })
    }

    /// Whether a sentence over [`MAX_SENTENCE`] bytes was cut into pieces
    /// (only known once the block has been split).
    pub fn cut_long(&self) -> bool {
        self.long.get()
    }

    /// The indices of up to `n` sentences after sentence `s` in its paragraph.
    pub fn following(&self, s: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
        let sentences = self.sentences();
        let paragraph = sentences.get(s).map(|sentence| sentence.paragraph);
        (s + 1..sentences.len().min(s + 1 + n))
            .take_while(move |&i| Some(sentences[i].paragraph) == paragraph)
    }

    /// Whether the text ends a sentence: the last character, spaces aside,
    /// is `.`, `!` or `?` (a text cut off mid-sentence does not).
    pub fn ends_complete(&self) -> bool {
        self.text.trim_end().ends_with(['.', '!', '?'])
    }

    /// The name used in `Payment::section`: the kind's snake name or `summary`.
    pub fn name(&self) -> &'static str {
        self.kind.as_ref().map_or("summary", name_of)
    }

    /// Whether this block is the summary or one of `kinds`.
    pub fn is(&self, kinds: &[Option<SectionKind>]) -> bool {
        kinds.contains(&self.kind)
    }

    /// Whether the text has `ſ` or `K`, where literal tests on the lowercased
    /// text are not the same as `(?i)` regexes.
    pub fn exotic(&self) -> bool {
        self.exotic
    }

    /// The lowercased text of sentence `i`.
    pub fn lower(&self, i: usize) -> &str {
        let s = &self.sentences()[i];
        &self.lower[s.start..s.start + s.text.len()]
    }

    /// The word mask of sentence `i`.
    fn word_mask(&self, i: usize) -> u64 {
        let cell = &self
            .words
            .get_or_init(|| vec![Cell::new(UNKNOWN); self.sentences().len()])[i];
        if cell.get() == UNKNOWN {
            cell.set(word_mask(self.lower(i).as_bytes()));
        }
        cell.get()
    }

    /// Whether sentence `i` may match a pattern with prefilter `needs`:
    /// `false` only when no word of the sentence begins with one of its words.
    pub fn has(&self, i: usize, needs: Prefilter) -> bool {
        self.exotic || self.word_mask(i) & needs.bit() != 0
    }

    /// Whether some sentence of the block may match a pattern with prefilter `needs`.
    pub fn has_any(&self, needs: Prefilter) -> bool {
        let all = self
            .all_words
            .get_or_init(|| (0..self.sentences().len()).fold(0, |a, i| a | self.word_mask(i)));
        self.exotic || all & needs.bit() != 0
    }

    /// Whether sentence `i` matches `same`, a case-insensitive alternation of
    /// exactly the literal `words` (lowercase, no `\b`): a substring test of
    /// the lowercased sentence, or the regex where the text has `ſ` or `K`.
    pub fn has_words(&self, i: usize, words: &Literals, same: &Regex) -> bool {
        if self.exotic {
            same.is_match(self.sentences()[i].text)
        } else {
            words.in_text(self.lower(i))
        }
    }

    /// The sentences, in order, that hold one of the places `find` gives in
    /// the lowercased block text (byte ranges in order of start, such as the
    /// matches of lowercase literals with no `s` or `k`, which `(?i)` would
    /// also read as `ſ` or `K`): one search over the whole block, which is
    /// only split into sentences when it has a match.
    pub fn sentences_with<I>(&self, find: impl FnOnce(&str) -> I) -> Vec<usize>
    where
        I: IntoIterator<Item = Range<usize>>,
    {
        let mut matches = find(&self.lower).into_iter().peekable();
        if matches.peek().is_none() {
            return Vec::new();
        }
        let sentences = self.sentences();
        let mut hits: Vec<usize> = Vec::new();
        for m in matches {
            // The last sentence starting at or before the match holds it.
            let i = sentences.partition_point(|s| s.start <= m.start);
            if let Some(i) = i.checked_sub(1) {
                let s = &sentences[i];
                if m.end <= s.start + s.text.len() && hits.last() != Some(&i) {
                    hits.push(i);
                }
            }
        }
        hits
    }

    /// Whether the block may contain one of `words` anywhere.
    pub fn mentions(&self, words: &Literals) -> bool {
        self.exotic || words.in_text(&self.lower)
    }
}

/// Searchers for `ſ` and `K`, built once.
static EXOTIC: LazyLock<[memchr::memmem::Finder<'static>; 2]> = LazyLock::new(|| {
    [
        memchr::memmem::Finder::new("\u{17F}"),
        memchr::memmem::Finder::new("\u{212A}"),
    ]
});

/// A word mask not made yet (no prefilter has the top bit).
const UNKNOWN: u64 = u64::MAX;

/// Lowercase literal words, each with a vectorised searcher built once
/// (`str::contains` sets up a new searcher on every call, and these run on
/// every sentence of some sections).
pub struct Literals(Vec<memchr::memmem::Finder<'static>>);

impl Literals {
    /// Searchers for `words` (lowercase).
    pub fn new(words: &[&'static str]) -> Self {
        Literals(
            words
                .iter()
                .map(|w| memchr::memmem::Finder::new(*w))
                .collect(),
        )
    }

    /// Whether lowercase `hay` contains one of the words.
    pub fn in_text(&self, hay: &str) -> bool {
        self.0.iter().any(|f| f.find(hay.as_bytes()).is_some())
    }
}

/// Words that take a full stop without ending the sentence (lowercase).
/// `Ltd.` and `Inc.` are not among them: they end a company's name, and in
/// decisions the name ends the sentence (`provided by Acme Care Ltd. We
/// find ...`).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "st", "prof", "cllr", "rev", "e.g", "i.e", "eg", "ie", "etc",
    "cf", "vs", "v", "approx", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// Abbreviations only before a number (`No. 5`, `para. 12`): `said no. The` ends a sentence.
const NUMBERED: &[&str] = &[
    "no", "nos", "para", "paras", "p", "pp", "s", "ss", "ref", "sch", "reg", "art", "ch", "vol",
];

/// How many paragraphs after a lead-in line it still introduces.
const LEAD_REACH: usize = 12;

/// Splits text into sentences; paragraphs are separated by `\n`.
#[cfg(test)]
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    split(text).0
}

/// The sentences of `text`, and whether one over [`MAX_SENTENCE`] bytes was cut into pieces.
fn split(text: &str) -> (Vec<Sentence<'_>>, bool) {
    let mut long = false;
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut lead: Option<(usize, usize)> = None; // (sentence index, paragraph)
    for (paragraph, para) in split_newlines(text).enumerate() {
        let first = out.len();
        let this_lead = lead
            .filter(|&(_, p)| paragraph - p <= LEAD_REACH)
            .map(|(i, _)| i);
        split_paragraph(para, |whole| {
            long |= whole.len() > MAX_SENTENCE;
            for s in pieces(whole) {
                out.push(Sentence {
                    text: s,
                    start: s.as_ptr() as usize - text.as_ptr() as usize,
                    paragraph,
                    lead: this_lead,
                })
            }
        });
        if let Some(last) = out.len().checked_sub(1).filter(|&l| l >= first) {
            if out[last].text.ends_with(':') {
                lead = Some((last, paragraph));
            }
        }
    }
    (out, long)
}

/// `sentence` in pieces of at most [`MAX_SENTENCE`] bytes, each trimmed and
/// non-empty, cut at the last white space in the second half of each piece's
/// room (or, with none there, at a character boundary): the sentence itself
/// when it fits, as every real one does.
fn pieces(sentence: &str) -> impl Iterator<Item = &str> {
    let mut rest = sentence;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= MAX_SENTENCE {
            return Some(std::mem::take(&mut rest));
        }
        let boundary_at_or_before = |mut i: usize| {
            while !rest.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let room = boundary_at_or_before(MAX_SENTENCE);
        let half = boundary_at_or_before(MAX_SENTENCE / 2);
        let cut = rest[half..room]
            .rfind(char::is_whitespace)
            .map_or(room, |i| half + i);
        // A piece of white space only is impossible: `rest` starts with a non-space.
        let cut = if cut == 0 { room } else { cut };
        let piece = rest[..cut].trim_end();
        rest = rest[cut..].trim_start();
        Some(piece)
    })
    .filter(|p| !p.is_empty())
}

/// Calls `emit` with each trimmed, non-empty sentence of one paragraph.
///
/// Every character that can end a sentence or open or close a bracket is
/// ASCII, so the paragraph is scanned as bytes (a UTF-8 continuation byte is
/// never ASCII).
fn split_paragraph<'a>(para: &'a str, emit: impl FnMut(&'a str)) {
    // Most paragraphs have no brackets: then only the stops matter.
    if memchr::memchr2(b'(', b')', para.as_bytes()).is_none() {
        split_plain(para, emit)
    } else {
        split_bracketed(para, emit)
    }
}

/// [`split_paragraph`] for a paragraph without brackets: each stop is found
/// by the memchr crate's vectorised search.
fn split_plain<'a>(para: &'a str, mut emit: impl FnMut(&'a str)) {
    let mut start = 0;
    for i in memchr::memchr3_iter(b'.', b'!', b'?', para.as_bytes()) {
        let end = closing_end(para, i + 1);
        if ends_sentence(para, start, i, end) {
            push_trimmed(&para[start..end], &mut emit);
            start = end;
        }
    }
    if start < para.len() {
        push_trimmed(&para[start..], &mut emit);
    }
}

/// [`split_paragraph`] for any paragraph, following bracket depth.
fn split_bracketed<'a>(para: &'a str, mut emit: impl FnMut(&'a str)) {
    let bytes = para.as_bytes();
    let mut start = 0;
    let balanced = parens_balanced(bytes);
    let mut depth = 0usize;
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + 16).min(bytes.len());
        // Sixteen bytes at a time: most hold no stop and no bracket.
        if let Ok(chunk) = <&[u8; 16]>::try_from(&bytes[at..end]) {
            if !chunk.iter().fold(false, |any, &b| any | is_mark(b)) {
                at = end;
                continue;
            }
        }
        for (i, &b) in bytes.iter().enumerate().take(end).skip(at) {
            match b {
                b'(' if balanced => depth += 1,
                b')' if balanced => {
                    depth = depth.saturating_sub(1);
                    // `(... as amended.) Next`: the stop inside the brackets ends the sentence.
                    let stopped = para[start..i].trim_end().ends_with(['.', '!', '?']);
                    if depth == 0 && stopped && ends_sentence(para, start, i, i + 1) {
                        push_trimmed(&para[start..i + 1], &mut emit);
                        start = i + 1;
                    }
                }
                b'.' | b'!' | b'?' if depth == 0 => {
                    let end = closing_end(para, i + 1);
                    if ends_sentence(para, start, i, end) {
                        push_trimmed(&para[start..end], &mut emit);
                        start = end;
                    }
                }
                _ => {}
            }
        }
        at = end;
    }
    if start < bytes.len() {
        push_trimmed(&para[start..], &mut emit);
    }
}

/// A byte the splitter acts on.
fn is_mark(b: u8) -> bool {
    (b == b'.') | (b == b'!') | (b == b'?') | (b == b'(') | (b == b')')
}

fn push_trimmed<'a>(s: &'a str, emit: &mut impl FnMut(&'a str)) {
    let s = s.trim();
    if !s.is_empty() {
        emit(s);
    }
}

fn parens_balanced(para: &[u8]) -> bool {
    if memchr::memchr(b')', para).is_none() {
        return memchr::memchr(b'(', para).is_none();
    }
    let mut depth = 0i32;
    for &b in para {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Byte index after any closing quotes or brackets that follow a stop at `from`.
fn closing_end(para: &str, from: usize) -> usize {
    let rest = &para[from..];
    let skipped: usize = rest
        .chars()
        .take_while(|c| matches!(c, '"' | '\'' | '’' | '”' | ')' | ']'))
        .map(char::len_utf8)
        .sum();
    from + skipped
}

/// Whether the stop at byte `stop` (closing marks up to `end`) ends a sentence.
fn ends_sentence(para: &str, start: usize, stop: usize, end: usize) -> bool {
    let after = &para[end..];
    // (Tested before the next word is looked for: both only say no.)
    if !after.starts_with(char::is_whitespace) {
        return false; // `£1,250.50`, `e.g.the`, `26.1`
    }
    let Some(next_non_space) = after.trim_start().chars().next() else {
        return false; // end of paragraph: handled by the caller
    };
    let opens = next_non_space.is_uppercase()
        || next_non_space.is_ascii_digit()
        || matches!(
            next_non_space,
            '£' | '"' | '\'' | '‘' | '“' | '(' | '[' | '•' | '-'
        );
    if !opens {
        return false;
    }
    let word = last_word(&para[start..stop]);
    if word.len() > 6 {
        return true; // longer than every abbreviation
    }
    let is = |list: &[&str]| list.iter().any(|a| word.eq_ignore_ascii_case(a));
    // Most stops follow a word of a length no abbreviation with its first
    // letter has: one table look-up instead of comparing the word with each.
    let first = word.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    if ABBREVIATION_SHAPES[usize::from(first)] & (1 << word.len()) == 0 {
        return true;
    }
    !(is(ABBREVIATIONS) || (is(NUMBERED) && next_non_space.is_ascii_digit()))
}

/// For each lowercase first byte, bit `n` set when one of [`ABBREVIATIONS`]
/// or [`NUMBERED`] begins with it and is `n` bytes long.
static ABBREVIATION_SHAPES: [u8; 256] = {
    let mut shapes = [0u8; 256];
    let mut l = 0;
    while l < 2 {
        let list = if l == 0 { ABBREVIATIONS } else { NUMBERED };
        let mut i = 0;
        while i < list.len() {
            let a = list[i].as_bytes();
            shapes[a[0] as usize] |= 1 << a.len();
            i += 1;
        }
        l += 1;
    }
    shapes
};

/// The word before a stop, dots inside it kept (`e.g`), brackets dropped.
fn last_word(before: &str) -> &str {
    let word = before.rsplit(char::is_whitespace).next().unwrap_or(before);
    word.trim_start_matches(['(', '"', '\'', '‘', '“'])
}

#[cfg(test)]
mod tests {

    #[test]
    fn following_stays_in_the_paragraph_and_the_text() {
        let block = Block::new(
            None,
            "One is here. Two is here. Three is here.\n\nFour is here.",
        );
        assert_eq!(block.sentences().len(), 4);
        assert_eq!(block.following(0, 2).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(block.following(1, 5).collect::<Vec<_>>(), vec![2]);
        assert_eq!(block.following(3, 1).count(), 0);
        assert_eq!(block.following(9, 1).count(), 0);
    }
    use super::*;

    #[test]
    fn sentences_with_marks_the_sentences_holding_a_match() {
        let re = Regex::new("£|pay").unwrap();
        let find = |lower: &str| re.find_iter(lower).map(|m| m.range()).collect::<Vec<_>>();
        let block = Block::new(
            None,
            "The Council delayed. It will PAY Mr X.\n£300 is fair. No more.",
        );
        assert_eq!(block.sentences().len(), 4);
        assert_eq!(block.sentences_with(find), vec![1, 2]);
        let none = Block::new(None, "Nothing here. Or here.");
        assert!(none.sentences_with(find).is_empty());
        assert!(none.split.get().is_none(), "split without a match");
    }

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.text).collect()
    }

    #[test]
    fn money_and_abbreviations_do_not_split() {
        assert_eq!(
            texts("The Council paid Mr. X £1,250.50 for e.g. costs. It also apologised, i.e. Mr X was told. Then it stopped."),
            vec!["The Council paid Mr. X £1,250.50 for e.g. costs.", "It also apologised, i.e. Mr X was told.", "Then it stopped."]
        );
    }

    #[test]
    fn a_company_name_ends_its_sentence() {
        assert_eq!(
            texts("Mrs X complains about care by Acme Care Ltd. We find the Council was at fault. Sold by Widget Inc. It broke."),
            vec![
                "Mrs X complains about care by Acme Care Ltd.",
                "We find the Council was at fault.",
                "Sold by Widget Inc.",
                "It broke."
            ]
        );
    }

    #[test]
    fn numbered_abbreviations_only_before_numbers() {
        assert_eq!(
            texts("See para. 12 and No. 5. She said no. The end."),
            vec!["See para. 12 and No. 5.", "She said no.", "The end."]
        );
    }

    #[test]
    fn citation_in_parentheses_stays_in_its_sentence() {
        let text = "We may suggest a remedy. (Local Government Act 1974, section 26(1). As amended.) Next one.";
        assert_eq!(
            texts(text),
            vec![
                "We may suggest a remedy.",
                "(Local Government Act 1974, section 26(1). As amended.)",
                "Next one."
            ]
        );
    }

    #[test]
    fn quotes_and_unbalanced_brackets() {
        assert_eq!(
            texts("He said “stop.” The Council agreed."),
            vec!["He said “stop.”", "The Council agreed."]
        );
        assert_eq!(
            texts("a) First point. Second point."),
            vec!["a) First point.", "Second point."]
        );
    }

    #[test]
    fn paragraphs_and_lead_ins() {
        let s = sentences(
            "Intro. The Council agreed to:\nPay Miss X £300.\nApologise.\nThe end: done\nLast.",
        );
        let texts: Vec<&str> = s.iter().map(|s| s.text).collect();
        assert_eq!(
            texts,
            vec![
                "Intro.",
                "The Council agreed to:",
                "Pay Miss X £300.",
                "Apologise.",
                "The end: done",
                "Last."
            ]
        );
        assert_eq!(s[2].lead, Some(1));
        assert_eq!(s[3].lead, Some(1));
        assert_eq!(s[0].lead, None);
        assert_eq!(s[2].paragraph, 1);
    }

    proptest::proptest! {
        #[test]
        fn plain_split_is_the_bracketed_split_without_brackets(
            para in r"([A-Za-z0-9£,’'\x{201D}\x{a0} ]{0,12}[.!?]?[\x{201D}'\] ]{0,2}){0,12}"
        ) {
            let mut plain = Vec::new();
            split_plain(&para, |s| plain.push(s));
            let mut bracketed = Vec::new();
            split_bracketed(&para, |s| bracketed.push(s));
            proptest::prop_assert_eq!(plain, bracketed);
        }
    }

    #[test]
    fn the_shape_table_lets_every_abbreviation_through() {
        // Each abbreviation, in any case, still keeps its stop from ending the sentence.
        for a in ABBREVIATIONS {
            for word in [a.to_string(), a.to_ascii_uppercase()] {
                let para = format!("See {word}. Then");
                assert!(
                    !ends_sentence(&para, 0, 4 + word.len(), 5 + word.len()),
                    "{para}"
                );
            }
        }
        for a in NUMBERED {
            let para = format!("See {}. 12", a.to_ascii_uppercase());
            assert!(!ends_sentence(&para, 0, 4 + a.len(), 5 + a.len()), "{para}");
        }
        // Words of other shapes end it: a short word, one of an
        // abbreviation's letters but another length, an empty word.
        for para in [
            "It was fine. Then",
            "See the mrss. Then",
            "It stopped . Then",
        ] {
            let stop = para.find(". ").expect("a stop");
            assert!(ends_sentence(para, 0, stop, stop + 1), "{para}");
        }
    }

    #[test]
    fn abbreviations_fit_the_length_shortcut() {
        // `ends_sentence` takes a word longer than six bytes for no abbreviation.
        assert!(ABBREVIATIONS.iter().chain(NUMBERED).all(|a| a.len() <= 6));
    }

    #[test]
    fn literal_and_word_tests_on_a_block() {
        let b = Block::new(None, "We found FAULT. It will Pay £300.\nThe rest.");
        assert!(!b.exotic());
        assert_eq!(b.lower(1), "it will pay £300.");
        assert!(b.has(1, crate::parse::extract::finding::REMEDIED_NEEDS));
        assert!(!b.has(0, crate::parse::extract::finding::REMEDIED_NEEDS));
        assert!(b.has_any(crate::parse::extract::finding::NO_FAULT_NEEDS));
        let odd = Block::new(None, "The ſtatement. No match here.");
        assert!(odd.exotic());
        assert!(odd.has(1, crate::parse::extract::finding::REMEDIED_NEEDS));
        assert!(Block::new(None, "A \u{212A}elvin sign.").exotic());
    }

    #[test]
    fn over_long_sentences_are_cut_at_white_space() {
        let long = "the council will apologise to miss x ".repeat(400);
        let text = format!("A real sentence.\n{long}\nLast one.");
        let block = Block::new(None, &text);
        let s = block.sentences();
        assert_eq!(s[0].text, "A real sentence.");
        assert_eq!(s.last().map(|s| s.text), Some("Last one."));
        let pieces = &s[1..s.len() - 1];
        assert!(pieces.len() >= 3, "{}", pieces.len());
        assert!(pieces
            .iter()
            .all(|p| p.text.len() <= MAX_SENTENCE && p.paragraph == 1));
        let words = ["the", "council", "will", "apologise", "to", "miss", "x"];
        assert!(pieces
            .iter()
            .all(|p| p.text.split(' ').all(|w| words.contains(&w))));
        let joined: Vec<&str> = pieces.iter().map(|p| p.text).collect();
        assert_eq!(joined.join(" "), long.trim_end());
        assert!(block.cut_long());
        // A piece's offset still points at its text.
        assert!(pieces
            .iter()
            .all(|p| &text[p.start..p.start + p.text.len()] == p.text));
        let normal = Block::new(None, "A real sentence. Another.");
        normal.sentences();
        assert!(!normal.cut_long());
    }

    #[test]
    fn a_long_word_is_cut_at_a_character_boundary() {
        let word = "é".repeat(MAX_SENTENCE);
        let s = sentences(&word);
        assert_eq!(s.len(), 2);
        assert!(s.iter().all(|p| p.text.len() <= MAX_SENTENCE));
        assert_eq!(s[0].text.len() + s[1].text.len(), word.len());
    }

    #[test]
    fn empty_and_odd_text() {
        assert!(sentences("").is_empty());
        assert!(sentences("\n\n  \n").is_empty());
        assert_eq!(texts("...!? é. Ü"), vec!["...!? é.", "Ü"]);
    }
}
