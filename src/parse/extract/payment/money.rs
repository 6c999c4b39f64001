//! Amounts of money in a sentence: `£300`, `£1,500`, `£2,000.00`, `£1.2m`,
//! `300 pounds`, `five hundred pounds`, and a bare number where a pay verb
//! says it is money (`pay Mr X 300`, `a total of 300` in a sentence about paying).
//!
//! Amounts are kept in pence so that totals compare exactly. Each amount says
//! whether it is one end of a range (`between £100 and £300`, `£100 to £300`),
//! which is no payment, or a rate (`£45 per week`), with its period where
//! that is a week, month or year: a rate is no lump sum.
//!
//! Numbers are read as sterling is written in UK text: thousands are grouped
//! by commas or, less often, spaces, always three digits a group; pence are
//! the two digits after the point; thousands grouped with points are read only
//! where nothing else can be meant (`£200.000`). Anything else (`£1.005`,
//! `£1,0000`) is not read as more than the digits that are well formed.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::parse::decision::Period;
use crate::parse::text::pattern::{regex, regex_read_through};

/// One amount of money found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    /// The amount in pence.
    pub pence: i64,
    /// Byte range of the amount in the sentence.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// One end of a range quoted from guidance.
    pub in_range: bool,
    /// A rate such as `£45 per week`.
    pub rate: bool,
    /// The period of a rate per week, month or year; `None` for a lump sum
    /// and for other rates (`per hour`, `every four weeks`).
    pub period: Option<Period>,
}

impl Amount {
    /// The amount in pounds.
    pub fn pounds(&self) -> f64 {
        self.pence as f64 / 100.0
    }
}

/// Where a sterling amount starts: `£` or `GBP`, at most one white space,
/// then a digit (`£300`, `£ 1,500.50`, `Â£300`: mojibake keeps the `£`).
/// [`sterling_number`] reads the number from that digit on.
static STERLING: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)(?:£|\bGBP)\s?[0-9]"));

/// A scale word right after a sterling number: `£1.2m`, `£3 million`, `£2.5k`.
static SCALE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)^\s?(?:million|m|bn|billion|k)\b"));

/// A digit of any script, which must not follow a number: `£1٢` is no amount.
static DIGIT: LazyLock<Regex> = LazyLock::new(|| regex(r"^\d"));

/// What may separate groups of thousands: a comma, or a space, no-break space,
/// thin space or narrow no-break space (`£1 000`, the SI style some
/// councils' letters use). One number uses one separator throughout.
const THOUSANDS_SEPARATORS: &[char] = &[',', ' ', '\u{a0}', '\u{2009}', '\u{202f}'];

/// The most an ombudsman remedy plausibly pays, in pounds. The largest
/// LGSCO remedies are in the hundreds of thousands; an agreed or offered
/// amount above this is a misreading or a figure quoted from elsewhere (a
/// budget, a contract), so [`crate::parse::extract()`] keeps it as `other` with a
/// warning rather than adding it to the agreed total.
pub const REMEDY_CEILING_POUNDS: f64 = 10_000_000.0;

/// Where the lowercased text `lower` may name money, as byte ranges in order:
/// every `£`, and every [`MONEY_WORDS`] match. A sentence holding none has no
/// amount, as [`amounts_lower`] finds amounts only in sentences with `£`,
/// `gbp`, `pound` or one of [`PAY_VERB_WORDS`], and each of those holds one.
pub fn money_words(lower: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = POUND_SIGN
        .find_iter(lower.as_bytes())
        .map(|at| at..at + '£'.len_utf8())
        .collect();
    found.extend(MONEY_WORDS.find_iter(lower).map(|m| m.range()));
    // Two sorted runs: the stable sort merges them in one pass.
    found.sort_by_key(|r| r.start);
    found
}

/// `£`, searched for on its own: a two-byte pattern among the words would make
/// their multi-literal search filter on two-byte prefixes, and `re`, `co` and
/// `pa` start a word every few dozen bytes of English.
static POUND_SIGN: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("£"));

/// [`MONEY_WORD_PARTS`] as a pure alternation of literals, which the regex
/// crate finds with its SIMD multi-literal searcher, a whole section in one pass.
static MONEY_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&MONEY_WORD_PARTS.join("|")).expect("literal alternation"));

/// A part of each word, besides `£`, that [`amounts_lower`] needs in a
/// sentence (`gbp`, `pound` and the [`PAY_VERB_WORDS`]), chosen so that
/// their first three bytes seldom start other words (`refund` is looked for
/// as `efund`: `ref` starts `refer`, `refuse` and `refused`). Lowercase, with
/// no `s` or `k`.
const MONEY_WORD_PARTS: &[&str] = &["gbp", "pound", "pay", "paid", "efund", "imbur", "mpen"];

/// `300 pounds`, `1,250.50 pounds sterling`.
static DIGITS_POUNDS: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s+pounds\b"));

/// A bare number right after a pay verb and its recipient: `pay Mr X 300 for`.
static PAY_BARE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:pay|pays|paying|paid|payment of|total of|sum of|compensation of|refund of|reimburse|reimbursement of)\s+(?:(?:him|her|them|(?:Mr and Mrs|Mr|Mrs|Miss|Ms|Mx|Dr)\s+[A-Z])\s+)?(?:a total of\s+|the sum of\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(\s+\w+|\s*[.,;:]|\s*$)",
    )
});

/// Words that may follow a bare amount; anything else (`3 times`, `20 days`) means it is not money.
const BARE_FOLLOWERS: &[&str] = &[
    "for", "to", "as", "in", "and", "within", "by", "towards", "each", "which", "because", "so",
    "plus", "per",
];

/// Words whose presence makes `a total of 300` money.
static PAY_VERB: LazyLock<Regex> =
    LazyLock::new(|| regex_read_through(r"(?i)\b(?:pay|paid|payment|refund|reimburs|compensat)"));

/// What every match of [`PAY_VERB`] contains (lowercased, with no `s` or `k`,
/// which `(?i)` would also match as `ſ` or `K`).
const PAY_VERB_WORDS: &[&str] = &["pay", "paid", "refund", "reimbur", "compen"];

/// `five hundred pounds`, `a thousand pounds`, `one hundred and fifty pounds`.
static WORDS_POUNDS: LazyLock<Regex> = LazyLock::new(|| {
    let word = r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)";
    regex(&format!(
        r"(?i)\b((?:{word}(?:\s+and\s+|[\s-]+))*{word})\s+pounds\b"
    ))
});

/// The words that make the unit after them a rate's: `per`, `a`, `each`,
/// `for every`, `for each of the nine`, `/`. One list for [`RATE_AFTER`] and [`PERIOD_AFTER`], so a
/// rate always has the period its unit names.
const RATE_LEAD: &str = r"(?:per|a|an|each|every|for\s+each(?:\s+of\s+(?:the|those|these|her|his|their)\s+(?:[\w-]+\s+)?)?|for\s+every|/)";

/// After an amount: `per week`, `a month`, `each year`, `for each term`,
/// `/week`, `pw`, `pcm`, `weekly`.
static RATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^\s*(?:{RATE_LEAD}\s*(?:(?:two|three|four|six|\d+)\s+)?(?:days?|nights?|weeks?|fortnight|months?|years?|annum|hours?|miles?|calendar month|(?:school\s+)?terms?|sessions?|(?:missed\s+)?(?:calls?|visits?|collections?|appointments?|lessons?|journeys?|trips?|occasions?))\b|pw\b|pcm\b|p/w\b|pa\b|weekly\b|monthly\b|a head\b|per person\b)",
    ))
});

/// A rate of one week, month or year, with the unit captured: `a month`,
/// `per week`, `pcm`, `annually`. `every four weeks` is a rate without one.
static PERIOD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?i)^\s*(?:{RATE_LEAD}\s*(?:(?P<week>weeks?)|(?P<month>months?|calendar months?)|(?P<year>years?|annum))\b|(?P<w>pw|p/w|weekly)\b|(?P<m>pcm|monthly)\b|(?P<y>pa|annually|yearly)\b)",
    ))
});

/// The period of the rate that `after` (the text after an amount) begins with.
fn period_after(after: &str) -> Option<Period> {
    let caps = PERIOD_AFTER.captures(after)?;
    let named = |names: [&str; 2]| names.iter().any(|n| caps.name(n).is_some());
    if named(["week", "w"]) {
        Some(Period::Week)
    } else if named(["month", "m"]) {
        Some(Period::Month)
    } else {
        Some(Period::Year)
    }
}

/// Joins two amounts into a range: `to`, `-`, `–`, `and` after `between`.
static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)^\s*(?:to|-|–|—|and)\s*$"));
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b(?:between|from)\s*$"));

/// Every amount of money in `sentence`, in order of position.
pub fn amounts(sentence: &str) -> Vec<Amount> {
    amounts_lower(sentence, &sentence.to_ascii_lowercase())
}

/// Every amount of money in `sentence`, in order of position, given `lower`,
/// the sentence with ASCII letters lowercased. Most sentences
/// have no `£`, `GBP` or `pound`: literal tests on `lower` skip the regexes
/// there (none of those letters has a non-ASCII case-insensitive twin).
pub fn amounts_lower(sentence: &str, lower: &str) -> Vec<Amount> {
    let mut found: Vec<Amount> = Vec::new();
    let has_digit = sentence.bytes().any(|b| b.is_ascii_digit());
    if has_digit && (lower.contains('£') || lower.contains("gbp")) {
        let mut from = 0;
        while let Some(sign) = STERLING.find_at(sentence, from) {
            // The match ends one past the number's first digit, an ASCII byte.
            let digits = sign.end() - 1;
            let (len, pence) = sterling_number(&sentence[digits..]);
            from = digits + len;
            if let Some(pence) = pence {
                push(&mut found, pence, sign.start(), from);
            }
        }
    }
    // `(?i)pound`
    if lower.contains("pound") {
        if has_digit {
            for caps in DIGITS_POUNDS.captures_iter(sentence) {
                let (Some(whole), Some(int)) = (caps.get(0), caps.get(1)) else {
                    continue;
                };
                if ends_in_number(&sentence[..int.start()]) {
                    // `1.005 pounds` is not `005 pounds`, `1,50 pounds` not `50 pounds`.
                    continue;
                }
                if let Some(pence) =
                    sterling_pence(int.as_str(), caps.get(2).map(|m| m.as_str()), None)
                {
                    push(&mut found, pence, whole.start(), whole.end());
                }
            }
        }
        for caps in WORDS_POUNDS.captures_iter(sentence) {
            let (Some(whole), Some(words)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            if let Some(n) = words_value(words.as_str()) {
                push(
                    &mut found,
                    n.saturating_mul(100),
                    whole.start(),
                    whole.end(),
                );
            }
        }
    }
    if has_digit && PAY_VERB_WORDS.iter().any(|w| lower.contains(w)) && PAY_VERB.is_match(sentence)
    {
        bare_amounts(sentence, &mut found);
    }
    if found.is_empty() {
        return found;
    }
    found.sort_by_key(|a| a.start);
    mark_ranges_and_rates(sentence, &mut found);
    found
}

/// Adds an amount unless it overlaps one already found (the `£` form wins).
fn push(found: &mut Vec<Amount>, pence: i64, start: usize, end: usize) {
    if pence <= 0 || found.iter().any(|a| a.start < end && start < a.end) {
        return;
    }
    found.push(Amount {
        pence,
        start,
        end,
        in_range: false,
        rate: false,
        period: None,
    });
}

fn bare_amounts(sentence: &str, found: &mut Vec<Amount>) {
    for caps in PAY_BARE.captures_iter(sentence) {
        let (Some(int), Some(tail)) = (caps.get(1), caps.get(3)) else {
            continue;
        };
        let follower = tail.as_str().trim();
        let money_like = follower.is_empty()
            || follower.starts_with(['.', ',', ';', ':'])
            || BARE_FOLLOWERS
                .iter()
                .any(|w| follower.eq_ignore_ascii_case(w));
        if !money_like {
            continue;
        }
        let end = caps.get(2).map_or(int.end(), |m| m.end());
        if starts_with_fraction(&sentence[end..]) {
            // `pay Mr X 1.005` or `1,00`: not pounds, and not sure what is.
            continue;
        }
        if let Some(pence) = sterling_pence(int.as_str(), caps.get(2).map(|m| m.as_str()), None) {
            push(found, pence, int.start(), end);
        }
    }
}

/// Reads the number at the start of `text` (which starts with an ASCII
/// digit) that follows a `£`: whole pounds, maybe in thousands groups, then
/// maybe a point and pence, then maybe a scale word. Returns how many bytes
/// it took and the amount in pence, `None` when they are not an amount.
///
/// - Thousands groups have exactly three digits (`£1,000`, `£1 000`); at a
///   group that does not (`£1,00`, `£1 0000`), the number stops before its
///   separator, as it stops at any other character.
/// - `£12.5` is twelve pounds fifty: one digit after the point has no other
///   reading, and `£1.5m` is common.
/// - Three or more digits after the point are not pence. Thousands grouped
///   with points are read where nothing else is meant: after one to three
///   digits not starting with 0, `.000` (`£200.000` is £200,000) or two
///   point groups (`£1.250.000`). Any other long fraction (`£1.005`,
///   `£300.999`, `£0.001`, `£1,000.500`) is not an amount: reading the
///   pounds before the point, or the digits as thousands, would guess.
/// - After a scale word the fraction scales (`£1.25 million`), whatever its
///   length.
/// - A number glued to a digit of another script (`£1٢`) is not an amount.
fn sterling_number(text: &str) -> (usize, Option<i64>) {
    let digits_at = |at: usize| {
        text.get(at..).map_or(0, |rest| {
            rest.bytes().take_while(u8::is_ascii_digit).count()
        })
    };
    let mut end = digits_at(0);
    let mut separator: Option<char> = None;
    if end <= 3 {
        // `£200.000`, `£1.250.000`: thousands grouped with points. Only
        // where no other reading is left: `000` after the point (nobody
        // writes pence so), or a second point group; `£1.005` stays unread.
        // With a scale word the point is a decimal point: `£1.234m`.
        let point_groups = !text.starts_with('0')
            && digits_at(end + 1) == 3
            && (text.get(end + 1..end + 4) == Some("000")
                || (text.get(end + 4..end + 5) == Some(".") && digits_at(end + 5) == 3))
            && !text.get(end + 4..).is_some_and(|rest| SCALE.is_match(rest));
        while let Some(c) = text[end..].chars().next() {
            let groups = THOUSANDS_SEPARATORS.contains(&c) || (c == '.' && point_groups);
            if !groups || separator.is_some_and(|s| s != c) {
                break;
            }
            let group = end + c.len_utf8();
            if digits_at(group) != 3 {
                break;
            }
            separator = Some(c);
            end = group + 3;
        }
    }
    let int = &text[..end];
    let mut frac = None;
    if separator != Some('.') && text[end..].starts_with('.') && digits_at(end + 1) > 0 {
        let n = digits_at(end + 1);
        frac = Some(&text[end + 1..end + 1 + n]);
        end += 1 + n;
    }
    if DIGIT.is_match(&text[end..]) {
        return (end, None);
    }
    let mut scale = None;
    if let Some(word) = SCALE.find(&text[end..]) {
        scale = Some(word.as_str().trim_start());
        end += word.end();
    }
    (end, sterling_pence(int, frac, scale))
}

/// Whether `before` ends in a digit and a point or comma: the number after
/// it is the tail of a longer one.
fn ends_in_number(before: &str) -> bool {
    let mut tail = before.bytes().rev();
    matches!(tail.next(), Some(b'.' | b',')) && tail.next().is_some_and(|b| b.is_ascii_digit())
}

/// Whether `after` goes on with a point or comma and a digit: the number
/// before it is cut short.
fn starts_with_fraction(after: &str) -> bool {
    let mut head = after.bytes();
    matches!(head.next(), Some(b'.' | b',')) && head.next().is_some_and(|b| b.is_ascii_digit())
}

/// Pence from the whole pounds (with any thousands separators), the digits
/// after the point and a scale word; `None` when they are not an amount
/// (three or more digits after the point with no scale word; see
/// [`sterling_number`]) or it overflows.
fn sterling_pence(int: &str, frac: Option<&str>, scale: Option<&str>) -> Option<i64> {
    let whole = whole_pounds(int)?;
    let multiplier: i64 = match scale.map(str::to_ascii_lowercase).as_deref() {
        Some("m" | "million") => 1_000_000,
        Some("bn" | "billion") => 1_000_000_000,
        Some("k") => 1_000,
        _ => 1,
    };
    let frac = frac.unwrap_or("");
    if multiplier > 1 {
        // `£1.2m`: the fraction scales too.
        let digits = frac.len().min(6) as u32;
        let frac_value: i64 = frac
            .get(..digits as usize)
            .unwrap_or("0")
            .parse()
            .unwrap_or(0);
        let pence = whole.checked_mul(multiplier)?.checked_mul(100)?;
        let frac_pence = frac_value.checked_mul(multiplier)?.checked_mul(100)? / 10i64.pow(digits);
        return pence.checked_add(frac_pence);
    }
    let pence: i64 = match frac.len() {
        0 => 0,
        // `£12.5` is twelve pounds fifty.
        1 => frac.parse::<i64>().ok()? * 10,
        2 => frac.parse().ok()?,
        _ => return None,
    };
    whole.checked_mul(100)?.checked_add(pence)
}

/// The digits of `int` as a number, its thousands separators and points
/// skipped, read without building the digits as a string (every amount is
/// read so); `None` when no digit is left, another character is, or it overflows.
fn whole_pounds(int: &str) -> Option<i64> {
    let mut whole: Option<i64> = None;
    for c in int.chars() {
        if c == '.' || THOUSANDS_SEPARATORS.contains(&c) {
            continue;
        }
        let digit = c.to_digit(10).filter(|_| c.is_ascii_digit())?;
        whole = Some(
            whole
                .unwrap_or(0)
                .checked_mul(10)?
                .checked_add(i64::from(digit))?,
        );
    }
    whole
}

/// The value of a number written in words (`one hundred and fifty`), if it is one.
pub fn words_value(words: &str) -> Option<i64> {
    let mut total: i64 = 0;
    let mut current: i64 = 0;
    let mut any = false;
    for word in words
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let word = word.to_ascii_lowercase();
        match word.as_str() {
            "and" => continue,
            "hundred" => current = current.max(1).saturating_mul(100),
            "thousand" | "million" => {
                let scale = if word == "thousand" { 1_000 } else { 1_000_000 };
                total = total.saturating_add(current.max(1).saturating_mul(scale));
                current = 0;
            }
            w => current = current.saturating_add(small_number(w)?),
        }
        any = true;
    }
    any.then_some(total.saturating_add(current))
        .filter(|&n| n > 0)
}

/// `one` .. `ninety`, and `a` for one.
pub fn small_number(word: &str) -> Option<i64> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let word = word.to_ascii_lowercase();
    if word == "a" || word == "an" {
        return Some(1);
    }
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as i64);
    }
    TENS.iter()
        .position(|t| *t == word)
        .map(|i| (i as i64 + 2) * 10)
}

fn mark_ranges_and_rates(sentence: &str, found: &mut [Amount]) {
    for i in 0..found.len() {
        let after = sentence.get(found[i].end..).unwrap_or("");
        if RATE_AFTER.is_match(after) {
            found[i].rate = true;
            found[i].period = period_after(after);
        } else if let Some(period) = period_after(after) {
            // `annually`, `yearly`: rates RATE_AFTER does not name.
            found[i].rate = true;
            found[i].period = Some(period);
        }
        if i + 1 < found.len() {
            let gap = sentence.get(found[i].end..found[i + 1].start).unwrap_or("");
            let before = sentence.get(..found[i].start).unwrap_or("");
            let joined = RANGE_JOIN.is_match(gap);
            let is_and = gap.trim().eq_ignore_ascii_case("and");
            if joined && (!is_and || BETWEEN.is_match(before)) {
                found[i].in_range = true;
                found[i + 1].in_range = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pounds(s: &str) -> Vec<f64> {
        amounts(s).iter().map(Amount::pounds).collect()
    }

    fn pence(s: &str) -> Vec<i64> {
        amounts(s).iter().map(|a| a.pence).collect()
    }

    #[test]
    fn whole_pounds_reads_as_the_digits_parsed_after_removing_separators() {
        let old = |int: &str| -> Option<i64> {
            int.replace(THOUSANDS_SEPARATORS, "")
                .replace('.', "")
                .parse()
                .ok()
        };
        for int in [
            "300",
            "1,500",
            "1 000",
            "1\u{a0}000\u{2009}000",
            "200.000",
            "1.250.000",
            "0",
            "007",
            "",
            ",",
            "9223372036854775807",
            "9223372036854775808",
            "99,999,999,999,999,999,999",
            "\u{661}\u{662}",
            "12\u{663}",
            "1x",
        ] {
            assert_eq!(whole_pounds(int), old(int), "{int:?}");
        }
    }

    #[test]
    fn sterling_forms_still_read_as_before() {
        // The forms the old single regex read; each keeps its value and span.
        for (text, want, span) in [
            ("£300", vec![30_000], "£300"),
            ("£ 1,500.50", vec![150_050], "£ 1,500.50"),
            ("£1.2m", vec![120_000_000], "£1.2m"),
            ("£1.25 million", vec![125_000_000], "£1.25 million"),
            ("GBP 300", vec![30_000], "GBP 300"),
            ("gbp300k", vec![30_000_000], "gbp300k"),
            ("£1234,567", vec![123_400], "£1234"),
            ("£300.", vec![30_000], "£300"),
            ("£5 mil", vec![500], "£5"),
            ("£\u{a0}75", vec![7_500], "£\u{a0}75"),
            ("£12.5\u{2003}K", vec![1_250_000], "£12.5\u{2003}K"),
            ("£3\u{212a}", vec![300], "£3"),
            ("£7.5\u{a0}m", vec![750_000_000], "£7.5\u{a0}m"),
            ("£\u{661}\u{662}", vec![], ""),
            ("£1\u{662}.\u{663}", vec![], ""),
        ] {
            let found = amounts(text);
            assert_eq!(
                found.iter().map(|a| a.pence).collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
            if let Some(a) = found.first() {
                assert_eq!(&text[a.start..a.end], span, "{text:?}");
            }
        }
    }

    #[test]
    fn three_digits_after_a_point_are_not_an_amount() {
        for text in [
            "£0.001",
            "£1.005",
            "£300.999",
            "£1.2345",
            "£1,000.500",
            "£012.000",
        ] {
            assert_eq!(pence(&format!("Pay Mr X {text} now.")), [0i64; 0], "{text}");
        }
        // With a scale word the fraction scales: £1.234m is £1,234,000.
        assert_eq!(pence("£1.234m"), [123_400_000]);
    }

    #[test]
    fn a_point_before_three_digits_groups_thousands() {
        assert_eq!(pence("offered the land for £200.000 without"), [20_000_000]);
        assert_eq!(pence("£15.000 and £1.005.250"), [1_500_000, 100_525_000]);
        assert_eq!(pence("£1.250.000 in all"), [125_000_000]);
        // Pence stay pence, and a full stop ends the amount.
        assert_eq!(pence("£1.50 and £12.5. Then £300."), [150, 1_250, 30_000]);
    }

    #[test]
    fn one_or_two_digits_after_a_point_are_pence() {
        assert_eq!(pence("£1.5 and £1.05 and £0.50"), [150, 105, 50]);
        assert_eq!(pence("£1,234,567.89"), [123_456_789]);
        assert_eq!(amounts("£1,234,567.89")[0].pounds(), 1_234_567.89);
    }

    #[test]
    fn space_grouped_thousands_are_read_when_well_formed() {
        // The old code stopped at the space: £1.
        assert_eq!(pence("Pay £1 000 now."), [100_000]);
        assert_eq!(pence("£1\u{202f}000\u{202f}000.50"), [100_000_050]);
        assert_eq!(
            pence("£12\u{a0}500 and £3\u{2009}000"),
            [1_250_000, 300_000]
        );
        // A group of other than three digits ends the number before its space.
        assert_eq!(pence("£1 00 for"), [100]);
        assert_eq!(pence("£1 0000 for"), [100]);
        assert_eq!(pence("£250 30 times"), [25_000]);
        // One separator a number: `£1,000 000` is £1,000 then other text.
        assert_eq!(pence("£1,000 000"), [100_000]);
    }

    #[test]
    fn malformed_comma_groups_stop_the_number() {
        assert_eq!(pence("£1,00 for"), [100]);
        // The old code read £1,000 and £12,345 from these.
        assert_eq!(pence("£1,0000 for"), [100]);
        assert_eq!(pence("£12,3456 for"), [1_200]);
        assert_eq!(pence("£1,000,00 for"), [100_000]);
    }

    #[test]
    fn pounds_after_a_fraction_are_not_its_tail() {
        // The old code read `005 pounds` and `50 pounds`.
        assert_eq!(pence("pay 1.005 pounds"), [0i64; 0]);
        assert_eq!(pence("pay 1,50 pounds"), [0i64; 0]);
        // Nor is a bare number after a pay verb cut before its fraction (the
        // old code read £1 and £300).
        assert_eq!(pence("pay Mr X 1.005 for"), [0i64; 0]);
        assert_eq!(pence("pay Mr X 300,99 for"), [0i64; 0]);
        assert_eq!(pence("pay Mr X 300.50 for"), [30_050]);
        assert_eq!(pence("pay 1.50 pounds and 2,000 pounds"), [150, 200_000]);
    }

    /// `pence` as sterling is printed: thousands grouped by `separator`,
    /// and `.pp` unless `bare` and there are no pence.
    fn printed(pence: i64, separator: char, bare: bool) -> String {
        let digits = (pence / 100).to_string();
        let mut grouped = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(separator);
            }
            grouped.push(d);
        }
        if bare && pence % 100 == 0 {
            format!("£{grouped}")
        } else {
            format!("£{grouped}.{:02}", pence % 100)
        }
    }

    proptest::proptest! {
        #[test]
        fn printed_sterling_reads_back_exactly(
            pence in 1i64..=1_000_000_000_000_000,
            separator in proptest::sample::select(THOUSANDS_SEPARATORS),
            bare in proptest::bool::ANY,
        ) {
            let text = printed(pence, separator, bare);
            let sentence = format!("The Council will pay Mr X {text} for his distress.");
            let found = amounts(&sentence);
            proptest::prop_assert_eq!(found.len(), 1, "{:?}", sentence);
            proptest::prop_assert_eq!(found[0].pence, pence, "{:?}", sentence);
            proptest::prop_assert_eq!(&sentence[found[0].start..found[0].end], text.as_str());
        }

        #[test]
        fn long_fractions_never_read_above_the_whole_pounds(
            whole in 0i64..=10_000_000_000,
            fraction in "[0-9]{3,6}",
            separator in proptest::sample::select(THOUSANDS_SEPARATORS),
        ) {
            let text = format!("{}.{fraction}", printed(whole * 100, separator, true));
            if fraction == "000" && (1..1000).contains(&whole) {
                // `£200.000`: a thousands group typed with a point.
                let grouped = whole * 1000;
                let found = amounts(&format!("pay {text} for"));
                proptest::prop_assert_eq!(found.first().map(|a| a.pence), Some(grouped * 100));
                return Ok(());
            }
            for a in amounts(&format!("pay {text} for")) {
                proptest::prop_assert!(a.pence <= whole * 100, "{text:?} read as {} pence", a.pence);
            }
        }

        #[test]
        fn malformed_groups_read_only_their_well_formed_start(
            lead in "[1-9][0-9]{0,2}",
            groups in proptest::collection::vec("[0-9]{1,5}", 1..5),
            separator in proptest::sample::select(THOUSANDS_SEPARATORS),
        ) {
            let text = format!("£{lead}{}", groups.iter().map(|g| format!("{separator}{g}")).collect::<String>());
            let well_formed: String = std::iter::once(lead.as_str())
                .chain(groups.iter().map(String::as_str).take_while(|g| g.len() == 3))
                .collect();
            let want: i64 = well_formed.parse::<i64>().unwrap() * 100;
            let found = amounts(&format!("pay {text} for"));
            proptest::prop_assert_eq!(found.first().map(|a| a.pence), Some(want), "{:?}", text);
            let all_digits: String = std::iter::once(lead.as_str()).chain(groups.iter().map(String::as_str)).collect();
            if groups.iter().any(|g| g.len() != 3) {
                proptest::prop_assert!(i128::from(want) < all_digits.parse::<i128>().unwrap() * 100);
            }
        }
    }

    #[test]
    fn every_word_amounts_need_holds_a_money_word_part() {
        for word in ["gbp", "pound"].iter().chain(PAY_VERB_WORDS) {
            assert!(
                MONEY_WORD_PARTS.iter().any(|part| word.contains(part)),
                "{word} has no part in MONEY_WORD_PARTS: sentences with it would not be read"
            );
        }
        for part in MONEY_WORD_PARTS {
            assert!(part
                .bytes()
                .all(|b| b.is_ascii_lowercase() && b != b's' && b != b'k'));
        }
    }

    #[test]
    fn money_words_come_in_order_with_the_pound_signs() {
        let lower = "they paid £300 and £50, then a refund of 20 pounds; gbp 5";
        let found: Vec<&str> = money_words(lower).into_iter().map(|r| &lower[r]).collect();
        assert_eq!(found, ["paid", "£", "£", "efund", "pound", "gbp"]);
        assert!(money_words("a compensation for this").len() == 1);
        assert!(money_words("nothing to read here, refused").is_empty());
    }

    #[test]
    fn sterling_forms() {
        assert_eq!(
            pounds("Pay £300, then £1,500 and £2,000.00."),
            vec![300.0, 1500.0, 2000.0]
        );
        assert_eq!(pounds("a refund of £1,250.50 today"), vec![1250.5]);
        assert_eq!(
            pounds("costs of £1.2m and £3m and £2.5k"),
            vec![1_200_000.0, 3_000_000.0, 2_500.0]
        );
        assert_eq!(pounds("Â£250 after mojibake, £ 75"), vec![250.0, 75.0]);
    }

    #[test]
    fn pounds_in_digits_and_words() {
        assert_eq!(pounds("The Council will pay 300 pounds."), vec![300.0]);
        assert_eq!(
            pounds("pay her five hundred pounds and one thousand two hundred and fifty pounds"),
            vec![500.0, 1250.0]
        );
        assert_eq!(pounds("a thousand pounds"), vec![1000.0]);
        assert_eq!(pounds("fifty-five pounds"), vec![55.0]);
        assert_eq!(pounds("he weighs many pounds"), Vec::<f64>::new());
    }

    #[test]
    fn bare_number_next_to_a_pay_verb() {
        assert_eq!(
            pounds("The Council agreed to pay Mrs X 250 for her distress."),
            vec![250.0]
        );
        assert_eq!(
            pounds("It will make payments to her, a total of 300."),
            vec![300.0]
        );
        assert_eq!(
            pounds("It paid 3 invoices within 20 days."),
            Vec::<f64>::new()
        );
        assert_eq!(pounds("A total of 300 children attend."), Vec::<f64>::new());
    }

    #[test]
    fn ranges_and_rates_are_marked() {
        let a = amounts("Our guidance suggests between £100 and £300, or £500 to £1,000 a month.");
        assert!(a.iter().all(|a| a.in_range));
        assert!(a[3].rate);
        let a = amounts("Pay £100 and £300 for distress, and £45 per week.");
        assert_eq!(
            (a[0].in_range, a[1].in_range, a[2].rate),
            (false, false, true)
        );
    }

    #[test]
    fn no_money() {
        assert!(amounts("There was no fault in 2023 at paragraph 12.").is_empty());
        assert!(amounts("").is_empty());
        assert!(amounts("£").is_empty());
        assert!(amounts("£99999999999999999999999").is_empty());
    }

    #[test]
    fn words_value_parses_compounds() {
        assert_eq!(words_value("two thousand five hundred"), Some(2500));
        assert_eq!(words_value("ninety nine"), Some(99));
        assert_eq!(words_value("banana"), None);
    }
}
