//! Bytes -> decision text: encodings, mojibake and HTML pages saved as text.
//!
//! Scrapers save decisions as UTF-8, UTF-16, Windows-1252, double-encoded
//! UTF-8 (`â€™` for `’`, `Â£` for `£`) or whole HTML pages. Each is turned
//! into plain text with a warning saying what was done, never silently;
//! bytes that are no kind of text are refused with the reason.

use std::fmt;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::SkipKind;

/// Text read from a file, and what had to be done to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// What was repaired or converted, in the order it was done.
    pub repairs: Vec<Repair>,
}

/// One thing done to read a file as text; each becomes a warning of the
/// decision, its message exactly this value's `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// Decoded from the encoding (not UTF-8) its byte-order mark names.
    DecodedFrom(&'static str),
    /// UTF-16 without a byte-order mark, told by where its NUL bytes fall.
    Utf16WithoutBom(&'static str),
    /// Not UTF-8 (the first bad byte at this offset): decoded as Windows-1252.
    Windows1252 {
        /// Byte offset of the first byte that is not UTF-8.
        bad_byte_at: usize,
    },
    /// Mostly UTF-8: each bad byte sequence replaced with U+FFFD.
    BadUtf8 {
        /// How many bad sequences were replaced.
        places: usize,
        /// Byte offsets of the first few (at most five).
        first_offsets: Vec<usize>,
    },
    /// An HTML page saved as text, converted to its text.
    HtmlConverted,
    /// Double-encoded UTF-8 repaired on this many lines.
    Mojibake {
        /// Lines repaired.
        lines: usize,
    },
    /// U+FFFD right before a number read as the `£` it most often stands
    /// for (a page saved with its pound signs lost, or a stray Latin-1 `£`
    /// byte in UTF-8 text), at this many places.
    LostPoundSigns {
        /// Replacement characters read as `£`.
        places: usize,
    },
}

/// How many offsets of bad UTF-8 a warning lists, so a reader can find them.
const BAD_UTF8_SHOWN: usize = 5;

impl Repair {
    /// UTF-8 read with bad sequences replaced, starting at `offsets`.
    fn bad_utf8(mut offsets: Vec<usize>) -> Repair {
        let places = offsets.len();
        offsets.truncate(BAD_UTF8_SHOWN);
        Repair::BadUtf8 {
            places,
            first_offsets: offsets,
        }
    }
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Repair::DecodedFrom(encoding) => write!(f, "decoded from {encoding}"),
            Repair::Utf16WithoutBom(encoding) => write!(
                f,
                "no byte-order mark: decoded from {encoding} (told by its NUL bytes)"
            ),
            Repair::Windows1252 { bad_byte_at } => write!(
                f,
                "not valid UTF-8 (bad byte at offset {bad_byte_at}); decoded as Windows-1252"
            ),
            Repair::BadUtf8 {
                places,
                first_offsets,
            } => {
                let (places, first) = match *places {
                    1 => ("1 place".to_string(), "byte offset"),
                    n if n <= BAD_UTF8_SHOWN => (format!("{n} places"), "byte offsets"),
                    n => (format!("{n} places"), "first at byte offsets"),
                };
                let listed: Vec<String> = first_offsets.iter().map(usize::to_string).collect();
                write!(
                    f,
                    "not valid UTF-8 in {places} ({first} {}): decoded as UTF-8 with U+FFFD for each bad byte sequence",
                    listed.join(", ")
                )
            }
            Repair::HtmlConverted => f.write_str("HTML page: converted to text"),
            Repair::Mojibake { lines } => write!(
                f,
                "repaired mojibake (such as â€™ for ’, Â£ for £) on {lines} lines"
            ),
            Repair::LostPoundSigns { places } => write!(
                f,
                "read {places} replacement character{} (U+FFFD) right before a number as £",
                if *places == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Sequences that appear when UTF-8 text was decoded as Windows-1252.
const MOJIBAKE_MARKS: &[&str] = &["â€", "Â£", "Â ", "Ã©", "Ã¨", "Ã¢"];

/// Turns a file's bytes into text, or says why they are not text. Plain
/// UTF-8, nearly every file, is checked in place and never copied.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, (SkipKind, String)> {
    let Decoded {
        mut text,
        mut repairs,
    } = decode_encoding(bytes)?;
    if looks_like_html(&text) {
        text = html_text(&text)?;
        repairs.push(Repair::HtmlConverted);
    }
    let text = repaired(text, &mut repairs);
    Ok(Decoded { text, repairs })
}

/// The first half of [`decode`]: bytes to text by their encoding, with no
/// conversion of what the text holds (a saved page is read as HTML by
/// `page`, a JSON file by `records`). Refuses empty text.
pub fn decode_encoding(bytes: Vec<u8>) -> Result<Decoded, (SkipKind, String)> {
    let mut repairs = Vec::new();
    let text = if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err((
                SkipKind::Encoding,
                format!("invalid {} text after its byte-order mark", encoding.name()),
            ));
        }
        if encoding != UTF_8 {
            repairs.push(Repair::DecodedFrom(encoding.name()));
        }
        text.into_owned()
    } else if memchr::memchr(0, &bytes).is_some() {
        let binary = || {
            (
                SkipKind::Binary,
                "binary file (contains NUL bytes), not decision text".to_string(),
            )
        };
        let encoding = bomless_utf16(&bytes).ok_or_else(binary)?;
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
        if had_errors || !is_text(&text) {
            return Err(binary());
        }
        repairs.push(Repair::Utf16WithoutBom(encoding.name()));
        text.into_owned()
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) if mostly_utf8(e.as_bytes()) => {
                let (text, bad) = utf8_lossy(e.as_bytes());
                repairs.push(Repair::bad_utf8(bad));
                text
            }
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let text = windows_1252(e.as_bytes()).ok_or_else(|| {
                    (
                        SkipKind::Encoding,
                        format!(
                            "not UTF-8 (bad byte at offset {}) and not Windows-1252 text either",
                            offset
                        ),
                    )
                })?;
                repairs.push(Repair::Windows1252 {
                    bad_byte_at: offset,
                });
                text
            }
        }
    };
    if text.trim().is_empty() {
        return Err((SkipKind::Empty, "empty file".into()));
    }
    Ok(Decoded { text, repairs })
}

/// UTF-16 without a byte-order mark, told by where its NULs fall: text that
/// is mostly ASCII has a NUL in nearly every high byte (odd offsets in
/// UTF-16LE, even ones in UTF-16BE) and almost none in the low bytes. The
/// caller still checks that what decodes is text, not numbers that happen
/// to be small.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    // The first 64 KB say as much as the whole file.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let units = sample.len() / 2;
    let (mut even_nuls, mut odd_nuls) = (0, 0);
    for unit in sample.chunks_exact(2) {
        even_nuls += usize::from(unit[0] == 0);
        odd_nuls += usize::from(unit[1] == 0);
    }
    let most = |nuls: usize| nuls * 4 >= units * 3;
    let few = |nuls: usize| nuls * 20 <= units;
    if most(odd_nuls) && few(even_nuls) {
        Some(UTF_16LE)
    } else if most(even_nuls) && few(odd_nuls) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether decoded text has no control characters but white space.
fn is_text(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C'))
}

/// Whether bytes that are not all valid UTF-8 are still UTF-8 text with a
/// few bad bytes: it has valid multi-byte characters (`’`, `£`) and no
/// more bad sequences than those. Windows-1252 text has the opposite
/// pattern, as its accented letters and symbols are single bytes that
/// UTF-8 almost never accepts.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > 0 && bad <= multibyte
}

/// UTF-8 with each bad sequence replaced by U+FFFD, and the byte offsets
/// of the bad sequences.
fn utf8_lossy(bytes: &[u8]) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(bytes.len());
    let mut bad = Vec::new();
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            bad.push(offset);
            offset += chunk.invalid().len();
        }
    }
    (text, bad)
}

/// Windows-1252 text, unless the bytes use code points it leaves undefined
/// (then they are something else and guessing would corrupt them).
fn windows_1252(bytes: &[u8]) -> Option<String> {
    const UNDEFINED: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];
    if bytes
        .iter()
        .any(|b| UNDEFINED.contains(b) || (*b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)))
    {
        return None;
    }
    let (text, _, had_errors) = WINDOWS_1252.decode(bytes);
    (!had_errors).then(|| text.into_owned())
}

fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start();
    let mut end = text.len().min(2048);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Every form below starts with `<`: plain text, nearly every file, has
    // none near the top and is let go without lowercasing a copy of it.
    if memchr::memchr(b'<', &text.as_bytes()[..end]).is_none() {
        return false;
    }
    let head = text[..end].to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        return true;
    }
    // XHTML: an XML declaration (perhaps a doctype) before the html element.
    if head.starts_with("<?xml") {
        return head.contains("<html");
    }
    // A fragment saved from a page (`<article>`, `<div>` with `<p>`s): it
    // opens with an HTML element and closes one. Plain text that mentions a
    // `<tag>` does not start with one.
    opens_with_element(&head) && head.contains("</")
}

/// Elements a saved part of a page starts with.
const FRAGMENT_ELEMENTS: &[&str] = &[
    "article",
    "aside",
    "blockquote",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "main",
    "meta",
    "ol",
    "p",
    "section",
    "span",
    "table",
    "title",
    "ul",
];

/// Whether `head` (lower case) starts with the start tag of one of
/// [`FRAGMENT_ELEMENTS`].
fn opens_with_element(head: &str) -> bool {
    let Some(rest) = head.strip_prefix('<') else {
        return false;
    };
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let (name, after) = rest.split_at(end);
    FRAGMENT_ELEMENTS.contains(&name)
        && (after.starts_with('>')
            || after.starts_with("/>")
            || after.starts_with(char::is_whitespace))
}

/// The readable text of an HTML page, by a real HTML parser.
///
/// The plain decorator keeps list numbers (`1. `, which the section parser
/// reads) but also marks headings `# `; the marks are removed, or a heading
/// such as the organisation's name would start with them.
fn html_text(html: &str) -> Result<String, (SkipKind, String)> {
    let text = html2text::config::plain_no_decorate()
        .string_from_read(html.as_bytes(), 100_000)
        .map_err(|e| {
            (
                SkipKind::Encoding,
                format!("HTML page that could not be converted to text: {e}"),
            )
        })?;
    let lines: Vec<&str> = text.split('\n').map(without_heading_mark).collect();
    Ok(lines.join("\n"))
}

/// A line without the `# `..`###### ` html2text puts before a heading.
fn without_heading_mark(line: &str) -> &str {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    match line[hashes..].strip_prefix(' ') {
        Some(rest) if (1..=6).contains(&hashes) => rest,
        _ => line,
    }
}

/// `text` with its mojibake repaired ([`Repair::Mojibake`] added to
/// `repairs` when a line changed) and its lost pound signs restored
/// ([`Repair::LostPoundSigns`]): for a file's decoded text, and for text that
/// reached us some other way, such as a JSON record's `text` or a saved
/// page's text.
pub fn repaired(text: String, repairs: &mut Vec<Repair>) -> String {
    let text = match repair_mojibake(&text) {
        Some((repaired, lines)) => {
            repairs.push(Repair::Mojibake { lines });
            repaired
        }
        None => text,
    };
    match restore_lost_pounds(&text) {
        Some((restored, places)) => {
            repairs.push(Repair::LostPoundSigns { places });
            restored
        }
        None => text,
    }
}

/// `�600`, `� 1,250`: U+FFFD right before a digit (or one space and a
/// digit) becomes `£`. Returns the text and how many were read so, or `None`
/// when there were none.
fn restore_lost_pounds(text: &str) -> Option<(String, usize)> {
    const LOST: char = '\u{FFFD}';
    if !text.contains(LOST) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut places = 0;
    let mut rest = text;
    while let Some(at) = rest.find(LOST) {
        let after = &rest[at + LOST.len_utf8()..];
        let digit_next = after
            .strip_prefix(' ')
            .unwrap_or(after)
            .starts_with(|c: char| c.is_ascii_digit());
        out.push_str(&rest[..at]);
        if digit_next {
            out.push('£');
            places += 1;
        } else {
            out.push(LOST);
        }
        rest = after;
    }
    out.push_str(rest);
    (places > 0).then_some((out, places))
}

/// Re-decodes lines that show double-encoding marks: the line is encoded
/// back to Windows-1252 bytes and read as UTF-8, and kept only when that
/// works and leaves fewer marks. Returns the text and the lines changed, or
/// `None` when no line changed.
fn repair_mojibake(text: &str) -> Option<(String, usize)> {
    if !has_mojibake_mark(text) {
        return None;
    }
    let mut changed = 0;
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| {
            let marks = |s: &str| {
                MOJIBAKE_MARKS
                    .iter()
                    .map(|m| s.matches(m).count())
                    .sum::<usize>()
            };
            let before = marks(line);
            if before == 0 {
                return line.to_string();
            }
            let (bytes, _, unmappable) = WINDOWS_1252.encode(line);
            match (unmappable, String::from_utf8(bytes.into_owned())) {
                (false, Ok(fixed)) if marks(&fixed) < before => {
                    changed += 1;
                    fixed
                }
                _ => line.to_string(),
            }
        })
        .collect();
    (changed > 0).then(|| (lines.join("\n"), changed))
}

/// Whether any of [`MOJIBAKE_MARKS`] occurs, in one pass: each mark starts
/// with `â`, `Â` or `Ã`, whose UTF-8 encodings all begin with byte 0xC3.
fn has_mojibake_mark(text: &str) -> bool {
    debug_assert!(MOJIBAKE_MARKS.iter().all(|m| m.as_bytes()[0] == 0xC3));
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xC3, bytes).any(|at| {
        MOJIBAKE_MARKS
            .iter()
            .any(|m| bytes[at..].starts_with(m.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages of what was repaired, as a decision's warnings carry them.
    fn messages(d: &Decoded) -> Vec<String> {
        d.repairs.iter().map(Repair::to_string).collect()
    }

    #[test]
    fn utf8_is_read_as_is() {
        let d = decode("Council (23 002 683)\n£300".into()).unwrap();
        assert_eq!(d.text, "Council (23 002 683)\n£300");
        assert!(d.repairs.is_empty());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let d = decode(b"Pay Mr B \xa3400 \x96 the Council\x92s offer".to_vec()).unwrap();
        assert_eq!(d.text, "Pay Mr B £400 – the Council’s offer");
        assert!(messages(&d)[0].contains("decoded as Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Pay £5".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "Pay £5");
        assert_eq!(messages(&d), vec!["decoded from UTF-16LE"]);
    }

    #[test]
    fn mojibake_is_repaired_and_said() {
        let d = decode("The Councilâ€™s offer of Â£250.\nClean line.".into()).unwrap();
        assert_eq!(d.text, "The Council’s offer of £250.\nClean line.");
        assert!(messages(&d)[0].contains("on 1 lines"));
    }

    #[test]
    fn a_lost_pound_sign_before_a_number_is_restored_and_said() {
        // A stray Latin-1 `£` byte in UTF-8 text, and a sign already lost.
        let bytes = b"Pay Mr X \xa3600 \xe2\x80\x94 and \xef\xbf\xbd 95 for \xef\xbf\xbd it.";
        let d = decode(bytes.to_vec()).unwrap();
        assert_eq!(d.text, "Pay Mr X £600 \u{2014} and £ 95 for \u{FFFD} it.");
        let said = "read 2 replacement characters (U+FFFD) right before a number as £";
        assert!(messages(&d).iter().any(|m| m == said), "{:?}", messages(&d));
        let mut repairs = Vec::new();
        assert_eq!(
            repaired("no sign lost".into(), &mut repairs),
            "no sign lost"
        );
        assert!(repairs.is_empty());
    }

    #[test]
    fn accented_text_is_not_taken_for_mojibake() {
        // é and Ã are both 0xC3 0x.. in UTF-8, as the marks' first letters are.
        let d = decode("Café Ltd (23 002 683)\nMs Ã paid £5.".into()).unwrap();
        assert_eq!(d.text, "Café Ltd (23 002 683)\nMs Ã paid £5.");
        assert!(d.repairs.is_empty());
    }

    #[test]
    fn html_is_converted_to_text() {
        let html = "<!DOCTYPE html><html><body><h1>Council (23 002 683)</h1><p>Summary: Mr B complained.</p><script>var x=1;</script></body></html>";
        let d = decode(html.into()).unwrap();
        assert!(d.text.contains("Council (23 002 683)"), "{}", d.text);
        assert!(d.text.contains("Summary: Mr B complained."));
        assert!(!d.text.contains("<p>") && !d.text.contains("var x"));
        assert!(
            d.text.starts_with("Council (23 002 683)"),
            "heading mark kept: {}",
            d.text
        );
        assert_eq!(messages(&d), vec!["HTML page: converted to text"]);
    }

    #[test]
    fn binary_empty_and_undecodable_are_refused() {
        assert_eq!(decode(b"ab\0cd".to_vec()).unwrap_err().0, SkipKind::Binary);
        assert_eq!(decode(b" \n\t".to_vec()).unwrap_err().0, SkipKind::Empty);
        assert_eq!(
            decode(b"\x81\x8d\x90 text".to_vec()).unwrap_err().0,
            SkipKind::Encoding
        );
    }

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf16_without_a_bom_is_told_by_its_nuls() {
        let text = "Council (23 002 683)\r\nPay Mr B £400 – the Council’s offer.";
        for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
            let d = decode(utf16(text, big_endian)).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(
                messages(&d),
                vec![format!(
                    "no byte-order mark: decoded from {name} (told by its NUL bytes)"
                )]
            );
        }
    }

    #[test]
    fn binary_with_a_utf16_like_nul_pattern_is_still_binary() {
        // Little-endian numbers below 256 put NULs where UTF-16LE text would.
        let numbers: Vec<u8> = (0u16..200).flat_map(|n| n.to_le_bytes()).collect();
        assert_eq!(decode(numbers).unwrap_err().0, SkipKind::Binary);
        // An odd length cannot be UTF-16.
        let mut odd = utf16("Council text", false);
        odd.push(b'x');
        assert_eq!(decode(odd).unwrap_err().0, SkipKind::Binary);
    }

    #[test]
    fn utf8_with_a_stray_byte_is_decoded_lossily_with_the_offset() {
        // ” is E2 80 9D: 0x9D is undefined in Windows-1252, so that fallback failed.
        let mut bytes = "He said “no”. Pay £5".as_bytes().to_vec();
        bytes.insert(4, 0xA3);
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "He s\u{FFFD}aid “no”. Pay £5");
        assert_eq!(
            messages(&d),
            vec!["not valid UTF-8 in 1 place (byte offset 4): decoded as UTF-8 with U+FFFD for each bad byte sequence"]
        );
        let many = Repair::bad_utf8(vec![1, 2, 3, 4, 5, 6, 7]).to_string();
        assert!(
            many.contains("7 places (first at byte offsets 1, 2, 3, 4, 5)"),
            "{many}"
        );
    }

    #[test]
    fn windows_1252_is_not_taken_for_broken_utf8() {
        // No valid multi-byte character at all: Windows-1252, as before.
        assert!(!mostly_utf8(b"Pay \xa3400 \x96 the Council\x92s offer"));
        // More bad sequences than good characters: not UTF-8 with a stray byte.
        assert!(!mostly_utf8(b"\xc2\xa3 caf\xe9 r\xe9sum\xe9"));
        assert!(mostly_utf8(b"\xe2\x80\x9cno\xe2\x80\x9d \xff"));
    }

    #[test]
    fn xhtml_and_html_fragments_are_converted_to_text() {
        let xhtml = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Decision</title></head>
<div><p>Council (23 002 683)</p><p>Summary: Mr B complained.</p></div></html>"#;
        let fragment = "<article class=\"decision\">\n<h1>Council (23 002 683)</h1>\n<p>Summary: Mr B complained.</p>\n</article>";
        for html in [xhtml, fragment] {
            let d = decode(html.into()).unwrap();
            assert!(d.text.contains("Council (23 002 683)"), "{}", d.text);
            assert!(d.text.contains("Summary: Mr B complained."), "{}", d.text);
            assert!(
                !d.text.contains("<p>") && !d.text.contains("<?xml"),
                "{}",
                d.text
            );
            assert_eq!(messages(&d), vec!["HTML page: converted to text"]);
        }
    }

    #[test]
    fn plain_text_that_mentions_tags_is_not_html() {
        for text in [
            "Council (23 002 683)\nThe form used <p> and </p> tags.",
            "<paragraph> is not an element </paragraph>",
            "<p is not closed here",
            "<?xml version=\"1.0\"?><decision>Council</decision>",
        ] {
            let d = decode(text.into()).unwrap();
            assert_eq!(d.text, text);
            assert!(d.repairs.is_empty(), "{text}");
        }
    }

    #[test]
    fn html_is_told_by_its_first_2048_bytes_only() {
        let late = |gap: usize| {
            format!(
                "Council (23 002 683)\n{}<body><p>Text.</p></body>",
                "x".repeat(gap)
            )
        };
        assert!(looks_like_html(&late(100)));
        assert!(!looks_like_html(&late(2048)));
        assert!(!looks_like_html("Council (23 002 683)\nNo tags at all.\n"));
        assert!(looks_like_html("  <BODY>Text</BODY>"));
    }
}
