//! Bytes -> decision text: encodings, mojibake and HTML pages saved as text.
//!
//! Scrapers save decisions as UTF-8, UTF-16, Windows-1252, double-encoded
//! UTF-8 (`â€™` for `’`, `Â£` for `£`) or whole HTML pages. Each is turned
//! into plain text with a warning saying what was done, never silently;
//! bytes that are no kind of text are refused with the reason.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::SkipKind;

/// Text read from a file, and what had to be done to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// What was repaired or converted.
    pub warnings: Vec<String>,
}

/// Sequences that appear when UTF-8 text was decoded as Windows-1252.
const MOJIBAKE_MARKS: &[&str] = &["â€", "Â£", "Â ", "Ã©", "Ã¨", "Ã¢"];

/// Turns a file's bytes into text, or says why they are not text. Plain
/// UTF-8, nearly every file, is checked in place and never copied.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, (SkipKind, String)> {
    let mut warnings = Vec::new();
    let mut text = if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err((
                SkipKind::Encoding,
                format!("invalid {} text after its byte-order mark", encoding.name()),
            ));
        }
        if encoding != UTF_8 {
            warnings.push(format!("decoded from {}", encoding.name()));
        }
        text.into_owned()
    } else if memchr::memchr(0, &bytes).is_some() {
        return Err((
            SkipKind::Binary,
            "binary file (contains NUL bytes), not decision text".into(),
        ));
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => text,
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
                warnings.push(format!(
                    "not valid UTF-8 (bad byte at offset {offset}); decoded as Windows-1252"
                ));
                text
            }
        }
    };
    if text.trim().is_empty() {
        return Err((SkipKind::Empty, "empty file".into()));
    }
    if looks_like_html(&text) {
        text = html_text(&text)?;
        warnings.push("HTML page: converted to text".into());
    }
    if let Some((repaired, lines)) = repair_mojibake(&text) {
        warnings.push(format!(
            "repaired mojibake (such as â€™ for ’, Â£ for £) on {lines} lines"
        ));
        text = repaired;
    }
    Ok(Decoded { text, warnings })
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
    let head = text[..end].to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

/// The readable text of an HTML page, by a real HTML parser.
fn html_text(html: &str) -> Result<String, (SkipKind, String)> {
    html2text::config::plain_no_decorate()
        .string_from_read(html.as_bytes(), 100_000)
        .map_err(|e| {
            (
                SkipKind::Encoding,
                format!("HTML page that could not be converted to text: {e}"),
            )
        })
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

    #[test]
    fn utf8_is_read_as_is() {
        let d = decode("Council (23 002 683)\n£300".into()).unwrap();
        assert_eq!(d.text, "Council (23 002 683)\n£300");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let d = decode(b"Pay Mr B \xa3400 \x96 the Council\x92s offer".to_vec()).unwrap();
        assert_eq!(d.text, "Pay Mr B £400 – the Council’s offer");
        assert!(d.warnings[0].contains("decoded as Windows-1252"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Pay £5".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "Pay £5");
        assert_eq!(d.warnings, vec!["decoded from UTF-16LE"]);
    }

    #[test]
    fn mojibake_is_repaired_and_said() {
        let d = decode("The Councilâ€™s offer of Â£250.\nClean line.".into()).unwrap();
        assert_eq!(d.text, "The Council’s offer of £250.\nClean line.");
        assert!(d.warnings[0].contains("on 1 lines"));
    }

    #[test]
    fn accented_text_is_not_taken_for_mojibake() {
        // é and Ã are both 0xC3 0x.. in UTF-8, as the marks' first letters are.
        let d = decode("Café Ltd (23 002 683)\nMs Ã paid £5.".into()).unwrap();
        assert_eq!(d.text, "Café Ltd (23 002 683)\nMs Ã paid £5.");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn html_is_converted_to_text() {
        let html = "<!DOCTYPE html><html><body><h1>Council (23 002 683)</h1><p>Summary: Mr B complained.</p><script>var x=1;</script></body></html>";
        let d = decode(html.into()).unwrap();
        assert!(d.text.contains("Council (23 002 683)"), "{}", d.text);
        assert!(d.text.contains("Summary: Mr B complained."));
        assert!(!d.text.contains("<p>") && !d.text.contains("var x"));
        assert_eq!(d.warnings, vec!["HTML page: converted to text"]);
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
}
