//! Amounts of money in a sentence: `£300`, `£1,500`, `£2,000.00`, `£1.2m`,
//! `300 pounds`, `five hundred pounds`, and a bare number where a pay verb
//! says it is money (`pay Mr X 300`, `a total of 300` in a sentence about paying).
//!
//! Amounts are kept in pence so that totals compare exactly. Each amount says
//! whether it is one end of a range (`between £100 and £300`, `£100 to £300`)
//! or a rate (`£45 per week`): neither is a payment.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::pattern::regex;

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
}

impl Amount {
    /// The amount in pounds.
    pub fn pounds(&self) -> f64 {
        self.pence as f64 / 100.0
    }
}

/// `£300`, `£ 1,500.50`, `£1.2m`, `Â£300` (mojibake keeps the `£`), `GBP 300`.
static STERLING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:£|\bGBP)\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(million|m|bn|billion|k)\b)?",
    )
});

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
    LazyLock::new(|| regex(r"(?i)\b(?:pay|paid|payment|refund|reimburs|compensat)"));

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

/// After an amount: `per week`, `a month`, `each year`, `/week`, `pw`, `pcm`, `weekly`.
static RATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:(?:per|a|an|each|every|/)\s*(?:(?:two|three|four|six|\d+)\s+)?(?:days?|nights?|weeks?|fortnight|months?|years?|annum|hours?|calendar month)\b|pw\b|pcm\b|p/w\b|pa\b|weekly\b|monthly\b|a head\b|per person\b)",
    )
});

/// Joins two amounts into a range: `to`, `-`, `–`, `and` after `between`.
static RANGE_JOIN: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)^\s*(?:to|-|–|—|and)\s*$"));
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\b(?:between|from)\s*$"));

/// Every amount of money in `sentence`, in order of position.
#[cfg(test)]
pub fn amounts(sentence: &str) -> Vec<Amount> {
    amounts_lower(sentence, &sentence.to_ascii_lowercase())
}

/// [`amounts`], given `sentence` with ASCII letters lowercased. Most sentences
/// have no `£`, `GBP` or `pound`: literal tests on `lower` skip the regexes
/// there (none of those letters has a non-ASCII case-insensitive twin).
pub fn amounts_lower(sentence: &str, lower: &str) -> Vec<Amount> {
    let mut found: Vec<Amount> = Vec::new();
    let has_digit = sentence.bytes().any(|b| b.is_ascii_digit());
    if has_digit && (lower.contains('£') || lower.contains("gbp")) {
        for whole in STERLING.find_iter(sentence) {
            let (int, frac, scale) = sterling_parts(whole.as_str());
            if let Some(pence) = sterling_pence(int, frac, scale) {
                push(&mut found, pence, whole.start(), whole.end());
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
        if let Some(pence) = sterling_pence(int.as_str(), caps.get(2).map(|m| m.as_str()), None) {
            push(found, pence, int.start(), end);
        }
    }
}

/// The three groups of a [`STERLING`] match, cut from its text (faster than
/// asking the regex for captures): the whole number, the digits after a
/// point, and the scale word. After the `£` or `GBP` and at most one space,
/// the number runs to the first point, space or letter; the fraction, after
/// a point, to the first space or letter; the rest, past one space, is the
/// scale.
fn sterling_parts(m: &str) -> (&str, Option<&str>, Option<&str>) {
    let rest = m
        .strip_prefix('£')
        .unwrap_or_else(|| m.get(3..).unwrap_or(""));
    let rest = rest
        .strip_prefix(|c: char| c.is_whitespace())
        .unwrap_or(rest);
    let ends_number = |c: char| c == '.' || c.is_whitespace() || c.is_alphabetic();
    let split = rest.find(ends_number).unwrap_or(rest.len());
    let (int, mut rest) = rest.split_at(split);
    let mut frac = None;
    if let Some(after_point) = rest.strip_prefix('.') {
        let end = after_point
            .find(|c: char| c.is_whitespace() || c.is_alphabetic())
            .unwrap_or(after_point.len());
        frac = Some(&after_point[..end]);
        rest = &after_point[end..];
    }
    let scale = rest
        .strip_prefix(|c: char| c.is_whitespace())
        .unwrap_or(rest);
    (int, frac, (!scale.is_empty()).then_some(scale))
}

/// Pence from the integer part (with commas), the digits after the point and a scale word.
fn sterling_pence(int: &str, frac: Option<&str>, scale: Option<&str>) -> Option<i64> {
    let whole: i64 = int.replace(',', "").parse().ok()?;
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
    match frac.len() {
        0 => whole.checked_mul(100),
        // `£12.5` is twelve pounds fifty.
        1 | 2 => {
            let p: i64 = frac.parse().ok()?;
            let p = if frac.len() == 1 { p * 10 } else { p };
            whole.checked_mul(100)?.checked_add(p)
        }
        // `£200.000`: a full stop typed for a thousands comma.
        3 => whole
            .checked_mul(1000)?
            .checked_add(frac.parse().ok()?)?
            .checked_mul(100),
        _ => whole.checked_mul(100),
    }
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

    #[test]
    fn sterling_parts_are_the_regex_groups() {
        for text in [
            "£300",
            "£ 1,500.50",
            "£1.2m",
            "£1.25 million",
            "GBP 300",
            "gbp300k",
            "£2bn",
            "£2 billion",
            "£12,3456",
            "£1234,567",
            "£300.",
            "£5 mil",
            "£200.000",
            "£1\u{a0}200",
            "£\u{a0}75",
            "£12.5\u{2003}K",
            "£3\u{212a}",
            "£\u{661}\u{662}",
            "£1\u{662}.\u{663}",
            "£7.5\u{a0}m",
            "Â£300 and £4,000,000.99bn",
        ] {
            let caps: Vec<_> = STERLING
                .captures_iter(text)
                .map(|c| {
                    let group = |i| c.get(i).map(|m: regex::Match| m.as_str());
                    (group(1).unwrap_or(""), group(2), group(3))
                })
                .collect();
            let cut: Vec<_> = STERLING
                .find_iter(text)
                .map(|m| sterling_parts(m.as_str()))
                .collect();
            assert!(!cut.is_empty(), "{text}");
            assert_eq!(cut, caps, "{text}");
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
        assert_eq!(pounds("the land for £200.000 without"), vec![200_000.0]);
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
