//! The free-text tokenizer: tantivy's `default` analyzer in one pass.
//!
//! tantivy's `default` is three stages, each a boxed stream: `SimpleTokenizer`
//! (runs of alphanumeric characters), `RemoveLongFilter::limit(40)` (drops a
//! token of 40 bytes or more, keeping the positions of the others) and
//! `LowerCaser`. Decisions are almost all ASCII and most of their words are
//! already lowercase, so [`WordTokenizer`] classifies eight ASCII bytes at a time
//! (a branch per word rather than per byte), copies a word as it is unless
//! it has a capital, and decodes only non-ASCII characters (its time against
//! tantivy's is in docs/performance.md).
//!
//! [`WordTokenizer`] is registered under tantivy's own name `default`, so an index
//! written by ombuds reads the same in any tantivy tool, and the query parser
//! and snippets, which take the field's analyzer from the index, cut text
//! exactly as indexing did. It must give exactly the tokens `default` gives
//! (text, position and offsets): the tests compare the two on any text.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Tokens of this many bytes or more (before lowercasing) are dropped, as
/// `RemoveLongFilter::limit(40)` does in tantivy's `default`.
const TOO_LONG: usize = 40;

/// tantivy's `default` analyzer, equivalently.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The tokens of one text.
pub struct WordStream<'a> {
    text: &'a str,
    /// Where the search for the next token starts.
    at: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            at: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((from, to, case)) = next_word(self.text, self.at) {
            self.at = to;
            // Every word counts for positions, also the dropped ones.
            self.token.position = self.token.position.wrapping_add(1);
            if to - from >= TOO_LONG {
                continue;
            }
            self.token.text.clear();
            push_lowercase(&mut self.token.text, &self.text[from..to], case);
            self.token.offset_from = from;
            self.token.offset_to = to;
            return true;
        }
        self.at = self.text.len();
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Calls `each` with the byte range and text of every token [`WordTokenizer`]
/// gives for `text`, in order, without making tokens: a word already
/// lowercase (most words of prose) is passed as it stands in `text`, and
/// only a word with a capital or a character outside ASCII is lowercased,
/// into one buffer reused for all. For readers that only look tokens up,
/// such as snippets.
pub fn each_token(text: &str, mut each: impl FnMut(std::ops::Range<usize>, &str)) {
    let mut lowered = String::new();
    let mut at = 0;
    while let Some((from, to, case)) = next_word(text, at) {
        at = to;
        if to - from >= TOO_LONG {
            continue;
        }
        let word = &text[from..to];
        if case == Case::Lower {
            each(from..to, word);
        } else {
            lowered.clear();
            push_lowercase(&mut lowered, word, case);
            each(from..to, &lowered);
        }
    }
}

/// Appends `word` lowercased to `out`, doing only what `case` says it takes.
#[inline(always)]
fn push_lowercase(out: &mut String, word: &str, case: Case) {
    match case {
        Case::Lower => out.push_str(word),
        Case::Upper => {
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        }
        Case::Unicode => out.extend(word.chars().flat_map(char::to_lowercase)),
    }
}

/// What a byte is to [`next_word`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Byte {
    /// An ASCII lowercase letter or digit.
    Word,
    /// An ASCII capital.
    Capital,
    /// Other ASCII.
    Gap,
    /// Part of a multi-byte character: decode it.
    Other,
}

/// What lowercasing a word takes: nothing (most words of prose), ASCII
/// lowercasing, or Unicode lowercasing.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Case {
    Lower,
    Upper,
    Unicode,
}

/// [`Byte`] of every byte value, looked up instead of compared.
static BYTES: [Byte; 256] = {
    let mut table = [Byte::Other; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_uppercase() {
            Byte::Capital
        } else if (b as u8).is_ascii_alphanumeric() {
            Byte::Word
        } else {
            Byte::Gap
        };
        b += 1;
    }
    table
};

/// The next run of alphanumeric characters at or after byte `at`: its byte
/// range, and what lowercasing it takes.
///
/// Eight ASCII bytes at a time ([`Eight`]), so that a branch is taken per
/// word rather than per byte; a character at a time ([`start_step`],
/// [`word_char`]) near non-ASCII characters and at the end of the text.
///
/// Always inlined: with two callers (the token stream and [`each_token`])
/// the compiler stopped inlining it, and indexing's tokenizing took 15-20%
/// longer (`examples/stages`).
#[inline(always)]
fn next_word(text: &str, at: usize) -> Option<(usize, usize, Case)> {
    let bytes = text.as_bytes();
    let mut i = at;
    let from = loop {
        if let Some(eight) = Eight::ascii_at(bytes, i) {
            match eight.first_word_byte() {
                Some(k) => break i + k,
                None => i += 8,
            }
            continue;
        }
        match start_step(text, i)? {
            Ok(from) => break from,
            Err(next) => i = next,
        }
    };
    let mut i = from;
    let mut case = Case::Lower;
    loop {
        if let Some(eight) = Eight::ascii_at(bytes, i) {
            let run = eight.word_bytes();
            if eight.has_capital(run) {
                case = case.max(Case::Upper);
            }
            i += run;
            if run < 8 {
                break;
            }
            continue;
        }
        let Some((len, this)) = word_char(text, i) else {
            break;
        };
        case = case.max(this);
        i += len;
    }
    Some((from, i, case))
}

/// One step of the search for a word's start at byte `i`: `Ok(i)` when a
/// word starts there, else `Err` with where to look next; `None` at the end.
fn start_step(text: &str, i: usize) -> Option<Result<usize, usize>> {
    let &b = text.as_bytes().get(i)?;
    Some(match BYTES[usize::from(b)] {
        Byte::Gap => Err(i + 1),
        Byte::Word | Byte::Capital => Ok(i),
        Byte::Other => {
            let c = text[i..].chars().next()?;
            if is_alphanumeric(c) {
                Ok(i)
            } else {
                Err(i + c.len_utf8())
            }
        }
    })
}

/// The character at byte `i` when it continues a word: its length in bytes
/// and what lowercasing it takes; `None` when the word ends there.
fn word_char(text: &str, i: usize) -> Option<(usize, Case)> {
    let &b = text.as_bytes().get(i)?;
    match BYTES[usize::from(b)] {
        Byte::Word => Some((1, Case::Lower)),
        Byte::Capital => Some((1, Case::Upper)),
        Byte::Gap => None,
        Byte::Other => {
            let c = text[i..].chars().next()?;
            is_alphanumeric(c).then(|| (c.len_utf8(), Case::Unicode))
        }
    }
}

/// `char::is_alphanumeric` for a character outside ASCII, without its
/// Unicode table search for the ones decision text is full of: the quotes,
/// dashes and bullets of the General Punctuation block (none of which is a
/// letter or digit), `£` and the no-break space.
fn is_alphanumeric(c: char) -> bool {
    match c {
        '\u{2000}'..='\u{206F}' | '£' | '\u{A0}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Eight ASCII bytes read as one little-endian `u64`, tested all at once:
/// each test sets the high bit of every byte that passes it.
#[derive(Clone, Copy)]
struct Eight(u64);

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

impl Eight {
    /// The eight bytes from `at`, when there are eight and all are ASCII.
    fn ascii_at(bytes: &[u8], at: usize) -> Option<Eight> {
        let eight: [u8; 8] = bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
        let x = u64::from_le_bytes(eight);
        (x & HIGH == 0).then_some(Eight(x))
    }

    /// Bytes at least `c` (`c` from 1 to 0x80): adding `0x80 - c` to an
    /// ASCII byte sets its high bit exactly then, and never carries.
    fn at_least(self, c: u8) -> u64 {
        self.0.wrapping_add(ONES * u64::from(0x80 - c)) & HIGH
    }

    /// Bytes from `lo` to `hi`, both ASCII.
    fn between(self, lo: u8, hi: u8) -> u64 {
        self.at_least(lo) & !self.at_least(hi + 1)
    }

    fn capitals(self) -> u64 {
        self.between(b'A', b'Z')
    }

    fn word(self) -> u64 {
        self.between(b'0', b'9') | self.capitals() | self.between(b'a', b'z')
    }

    /// Where the first letter or digit is, if any.
    fn first_word_byte(self) -> Option<usize> {
        let word = self.word();
        (word != 0).then(|| word.trailing_zeros() as usize / 8)
    }

    /// How many bytes from the first are letters or digits (8: all).
    fn word_bytes(self) -> usize {
        let gaps = !self.word() & HIGH;
        gaps.trailing_zeros() as usize / 8
    }

    /// Whether one of the first `n` bytes is a capital.
    fn has_capital(self, n: usize) -> bool {
        let first_n = if n >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        self.capitals() & first_n != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};

    /// (text, position, from, to) of every token.
    fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
            assert_eq!(t.position_length, 1);
        }
        out
    }

    /// [`next_word`] a character at a time, without [`Eight`]: the oracle.
    fn next_word_by_char(text: &str, at: usize) -> Option<(usize, usize, Case)> {
        let mut i = at;
        let from = loop {
            match start_step(text, i)? {
                Ok(from) => break from,
                Err(next) => i = next,
            }
        };
        let (mut i, mut case) = (from, Case::Lower);
        while let Some((len, this)) = word_char(text, i) {
            case = case.max(this);
            i += len;
        }
        Some((from, i, case))
    }

    /// tantivy's own `default`, built as its tokenizer manager builds it.
    fn tantivy_default() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .build()
    }

    /// The tokenizer gives tantivy's tokens, and [`each_token`] the same
    /// texts and offsets.
    fn same_as_default(text: &str) {
        let ours = tokens(TextAnalyzer::from(WordTokenizer::default()), text);
        assert_eq!(ours, tokens(tantivy_default(), text), "{text:?}");
        let mut each = Vec::new();
        each_token(text, |range, token| {
            each.push((token.to_string(), range.start, range.end))
        });
        let unpositioned: Vec<(String, usize, usize)> = ours
            .into_iter()
            .map(|(token, _, from, to)| (token, from, to))
            .collect();
        assert_eq!(each, unpositioned, "each_token {text:?}");
    }

    #[test]
    fn words_are_lowercased_runs_of_letters_and_digits() {
        let got = tokens(
            TextAnalyzer::from(WordTokenizer::default()),
            "Pay Mr X £300, (23 002 683).",
        );
        let texts: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(texts, ["pay", "mr", "x", "300", "23", "002", "683"]);
        assert_eq!(got[3], ("300".into(), 3, 11, 14));
    }

    #[test]
    fn long_words_are_dropped_but_keep_their_position() {
        let long = "a".repeat(40);
        let got = tokens(
            TextAnalyzer::from(WordTokenizer::default()),
            &format!("one {long} two"),
        );
        assert_eq!(got.len(), 2);
        assert_eq!((got[1].0.as_str(), got[1].1), ("two", 2));
        same_as_default(&format!("one {long} two {} three", "b".repeat(39)));
    }

    #[test]
    fn unicode_text_reads_as_tantivy_reads_it() {
        for text in [
            "Café ÉCOLE naïve",
            "Miss X’s son’s EHCP",
            "İstanbul ΣΟΦΙΑ straße STRASSE",
            "\u{212A}elvin and ſ long s",
            "日本語のテキスト ١٢٣ x²",
            "",
            "   ,.;",
            "trailing word",
            &format!("{}é", "é".repeat(19)),
            &format!("{}é", "é".repeat(20)),
        ] {
            same_as_default(text);
        }
    }

    #[test]
    fn the_punctuation_shortcut_agrees_with_the_unicode_tables() {
        for c in (0x80..=0x2FFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        same_as_default("‘Mr X’ – £300 • “paid”\u{a0}now…");
    }

    #[test]
    fn the_sample_decisions_read_as_tantivy_reads_them() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                same_as_default(&std::fs::read_to_string(&path).unwrap());
                read += 1;
            }
        }
        assert!(read >= 5, "only {read} sample decisions in {dir}");
    }

    proptest! {
        #[test]
        fn any_text_reads_as_tantivy_reads_it(text in "(?s).{0,200}") {
            same_as_default(&text);
        }

        #[test]
        fn eight_at_a_time_finds_the_words_a_byte_at_a_time_finds(
            text in "([A-Za-z0-9£’'é.,;:()\n -]{0,20}){0,8}", at in 0usize..40
        ) {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            prop_assert_eq!(next_word(&text, at), next_word_by_char(&text, at));
        }

        #[test]
        fn decision_like_text_reads_as_tantivy_reads_it(
            text in "([A-Za-z0-9£’'é\u{212A}İ.,;:()\n -]{1,45} ?){0,12}"
        ) {
            same_as_default(&text);
        }
    }
}
