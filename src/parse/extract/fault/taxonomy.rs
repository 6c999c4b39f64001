//! The fault taxonomy: fault kinds and the words that signal them.
//!
//! The kinds live in a human-readable TOML file so researchers can read and
//! change them without touching code. The built-in one (`faults.toml`) is
//! compiled into the binary; [`Taxonomy::from_file`] loads a user's own, with
//! errors that name the file and line. Each kind's signals make one
//! case-insensitive pattern; all kinds' patterns compile together into one
//! set when the taxonomy is loaded, and only a kind with `unless` phrases
//! compiles its own too (to see where its signals match).

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use anyhow::bail;
use regex::{Regex, RegexSet};
use serde::Deserialize;
use toml::Spanned;

/// The built-in taxonomy's source.
pub const DEFAULT_TOML: &str = include_str!("faults.toml");

static DEFAULT: LazyLock<Taxonomy> = LazyLock::new(|| {
    Taxonomy::from_toml(DEFAULT_TOML, "faults.toml (built in)")
        .expect("the built-in taxonomy is checked by a unit test")
});

/// Largest taxonomy file read: the built-in one is a few kilobytes.
pub const MAX_TAXONOMY_BYTES: u64 = 1024 * 1024;

/// Fault kinds with compiled signal patterns.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    kinds: Vec<Kind>,
    /// Every kind's signals in one set, in kind order: one scan finds the candidates.
    set: RegexSet,
}

#[derive(Debug, Clone)]
struct Kind {
    name: String,
    about: String,
    /// The signals as one pattern, which the set compiles.
    signals: String,
    /// For a kind with `unless` phrases: its signals compiled on their own,
    /// to find where they match, and the `unless` phrases. A kind without
    /// needs only the set, so its signals are not compiled twice.
    masked: Option<Masked>,
}

#[derive(Debug, Clone)]
struct Masked {
    signals: Regex,
    unless: Regex,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileFormat {
    #[serde(default)]
    kind: Vec<Spanned<KindFormat>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindFormat {
    name: Spanned<String>,
    #[serde(default)]
    about: Option<String>,
    signals: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
}

impl Taxonomy {
    /// The built-in taxonomy.
    pub fn default_ref() -> &'static Taxonomy {
        &DEFAULT
    }

    /// A taxonomy of no kinds, which classifies nothing: for parsing that
    /// only has to reach every other extractor (the parsing threads' warm-up,
    /// which leaves a taxonomy's own compiling to the thread that loads it).
    pub fn empty() -> Taxonomy {
        Taxonomy {
            kinds: Vec::new(),
            set: RegexSet::empty(),
        }
    }

    /// Loads a taxonomy file; errors name the file and the line.
    pub fn from_file(path: impl AsRef<Path>) -> anyhow::Result<Taxonomy> {
        let path = path.as_ref();
        let origin = crate::walk::path_text(path);
        // Bounded and non-blocking: `--taxonomy /dev/zero` or a FIFO must
        // fail, not fill memory or hang.
        let bytes = crate::walk::read_bounded(path, MAX_TAXONOMY_BYTES)
            .map_err(|e| anyhow::anyhow!("{origin}: {e} for a taxonomy"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{origin}: not UTF-8 text (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            )
        })?;
        if text.trim().is_empty() {
            bail!("{origin}: empty file: a taxonomy needs at least one [[kind]] table");
        }
        Taxonomy::from_toml(&text, &origin)
    }

    /// Parses a taxonomy from TOML text; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> anyhow::Result<Taxonomy> {
        let at = |span: Range<usize>| format!("{origin}:{}", line_of(text, span.start));
        let file: FileFormat = toml::from_str(text).map_err(|e| {
            let place = e.span().map_or_else(|| origin.to_string(), &at);
            anyhow::anyhow!("{place}: {}", e.message().trim())
        })?;
        if file.kind.is_empty() {
            bail!("{origin}: no [[kind]] tables: a taxonomy needs at least one fault kind");
        }
        let mut kinds: Vec<Kind> = Vec::new();
        for entry in &file.kind {
            let entry = entry.get_ref();
            let name = entry.name.get_ref().trim();
            let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                bail!(
                    "{}: kind name '{name}' must be snake_case (a-z, 0-9, _)",
                    at(entry.name.span())
                );
            }
            if kinds.iter().any(|k| k.name == name) {
                bail!("{}: kind '{name}' is defined twice", at(entry.name.span()));
            }
            if entry.signals.get_ref().is_empty() {
                bail!("{}: kind '{name}' has no signals", at(entry.signals.span()));
            }
            let phrases = &entry.signals.get_ref()[..];
            let signals = pattern(phrases, &at)?;
            let masked = if entry.unless.is_empty() {
                None
            } else {
                Some(Masked {
                    signals: compile(&signals, phrases, &at)?,
                    unless: compile(&pattern(&entry.unless, &at)?, &entry.unless, &at)?,
                })
            };
            let about = entry.about.clone().unwrap_or_default();
            kinds.push(Kind {
                name: name.to_string(),
                about,
                signals,
                masked,
            });
        }
        let set = RegexSet::new(kinds.iter().map(|k| k.signals.as_str())).map_err(|e| {
            // Name the kind whose signals fail on their own, where one does.
            let failing = file.kind.iter().zip(&kinds).find_map(|(entry, kind)| {
                compile(&kind.signals, &entry.get_ref().signals.get_ref()[..], &at).err()
            });
            failing.unwrap_or_else(|| anyhow::anyhow!("{origin}: cannot compile signals: {e}"))
        })?;
        Ok(Taxonomy { kinds, set })
    }

    /// The kind names, in file order.
    pub fn kinds(&self) -> impl Iterator<Item = &str> {
        self.kinds.iter().map(|k| k.name.as_str())
    }

    /// The `about` line of a kind, where the file gives one.
    pub fn about(&self, kind: &str) -> Option<&str> {
        self.kinds
            .iter()
            .find(|k| k.name == kind)
            .map(|k| k.about.as_str())
            .filter(|a| !a.is_empty())
    }

    /// The kinds whose signals appear in `text`, in file order.
    pub fn classify(&self, text: &str) -> Vec<&str> {
        self.set
            .matches(text)
            .iter()
            .filter_map(|i| self.kinds.get(i))
            .filter(|k| k.matches(text))
            .map(|k| k.name.as_str())
            .collect()
    }
}

impl Kind {
    /// Whether a signal occurs outside every `unless` phrase, for a kind the
    /// set found a signal of in `text`.
    fn matches(&self, text: &str) -> bool {
        let Some(Masked { signals, unless }) = &self.masked else {
            return true;
        };
        let masked: Vec<Range<usize>> = unless.find_iter(text).map(|m| m.range()).collect();
        if masked.is_empty() {
            return true;
        }
        signals.find_iter(text).any(|m| {
            !masked
                .iter()
                .any(|r| r.start <= m.start() && m.end() <= r.end)
        })
    }
}

/// The kind names a taxonomy file declares, in order, read without compiling
/// its signals (for help text, which every run builds); none when the file
/// cannot be read.
pub fn kind_names(text: &str) -> Vec<String> {
    toml::from_str::<FileFormat>(text)
        .map(|file| {
            file.kind
                .into_iter()
                .map(|k| k.into_inner().name.into_inner())
                .collect()
        })
        .unwrap_or_default()
}

/// One case-insensitive pattern for a list of signal phrases.
fn pattern(
    phrases: &[Spanned<String>],
    at: &impl Fn(Range<usize>) -> String,
) -> anyhow::Result<String> {
    let mut parts = Vec::with_capacity(phrases.len());
    for phrase in phrases {
        let text = phrase.get_ref().trim().to_lowercase();
        if text.is_empty() || text == "..." || text == "*" {
            bail!("{}: empty signal phrase", at(phrase.span()));
        }
        parts.push(phrase_pattern(&text));
    }
    let pattern = format!(r"(?i)(?:{})", parts.join("|"));
    Ok(crate::parse::text::pattern::ascii_words(&pattern))
}

/// [`pattern`]'s pattern of `phrases`, compiled; an error names the line of
/// the first phrase.
fn compile(
    pattern: &str,
    phrases: &[Spanned<String>],
    at: &impl Fn(Range<usize>) -> String,
) -> anyhow::Result<Regex> {
    Regex::new(pattern)
        .map_err(|e| anyhow::anyhow!("{}: cannot compile signals: {e}", at(phrases[0].span())))
}

/// `not ... promptly` -> `\bnot(?:\s+\S+){0,5}?\s+promptly\b`; `delay*` -> `\bdelay[a-zA-Z0-9_'’-]*`.
fn phrase_pattern(phrase: &str) -> String {
    let gaps: Vec<String> = phrase
        .split("...")
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let words: Vec<String> = part
                .split_whitespace()
                .map(|w| match w.strip_suffix('*') {
                    Some(stem) => format!(r"{}[a-zA-Z0-9_'’-]*", regex::escape(stem)),
                    None => regex::escape(w),
                })
                .collect();
            words.join(r"\s+")
        })
        .collect();
    let body = gaps.join(r"(?:\s+\S+){0,5}?\s+");
    let starts_word = phrase
        .trim_start()
        .starts_with(|c: char| c.is_alphanumeric());
    let ends_word = phrase.trim_end().ends_with(|c: char| c.is_alphanumeric());
    format!(
        "{}{body}{}",
        if starts_word { r"\b" } else { "" },
        if ends_word { r"\b" } else { "" }
    )
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_taxonomy_has_no_kinds_and_classifies_nothing() {
        let empty = Taxonomy::empty();
        assert_eq!(empty.kinds().count(), 0);
        let text = "The Council delayed in assessing her needs. This was fault.";
        assert!(empty.classify(text).is_empty());
        assert!(!Taxonomy::default_ref().classify(text).is_empty());
    }

    #[test]
    fn kind_names_are_the_compiled_taxonomys_kinds_in_order() {
        let compiled: Vec<&str> = Taxonomy::default_ref().kinds().collect();
        assert_eq!(kind_names(DEFAULT_TOML), compiled);
        assert!(kind_names("not = [toml").is_empty());
    }

    #[test]
    fn built_in_taxonomy_loads_with_the_required_kinds() {
        let t = Taxonomy::from_toml(DEFAULT_TOML, "faults.toml").expect("valid");
        let kinds: Vec<&str> = t.kinds().collect();
        for k in [
            "delay",
            "poor_communication",
            "record_keeping",
            "complaint_handling",
            "failure_to_implement_recommendations",
            "failure_to_follow_procedure",
            "assessment_or_decision_making",
            "failure_to_provide_service",
            "information_sharing",
        ] {
            assert!(kinds.contains(&k), "missing {k}");
        }
        assert_eq!(Taxonomy::default_ref().kinds().count(), kinds.len());
    }

    #[test]
    fn signals_stems_gaps_and_unless() {
        let t = Taxonomy::default_ref();
        assert_eq!(t.classify("The delays frustrated her."), vec!["delay"]);
        assert!(t.classify("It should act without delay.").is_empty());
        assert!(t
            .classify("It did not respond promptly.")
            .contains(&"delay"));
        assert!(t
            .classify("There is no record of this meeting.")
            .contains(&"record_keeping"));
        assert!(t.classify("Nothing relevant here.").is_empty());
    }

    /// Asserts that the built-in taxonomy gives `kind` to every sentence of
    /// `with` and to none of `without`.
    fn assert_kind(kind: &str, with: &[&str], without: &[&str]) {
        let t = Taxonomy::default_ref();
        for s in with {
            assert!(t.classify(s).contains(&kind), "{kind} missing: {s}");
        }
        for s in without {
            assert!(!t.classify(s).contains(&kind), "{kind} wrongly: {s}");
        }
    }

    #[test]
    fn a_process_is_not_a_procedure_unless_it_was_not_followed() {
        assert_kind(
            "failure_to_follow_procedure",
            &[
                "The Council did not follow its own process.",
                "It did not act in line with its policy.",
            ],
            &[
                "We find fault in the Council's decision making process causing uncertainty.",
                "There were some unnecessary delays in the enforcement process.",
            ],
        );
    }

    #[test]
    fn a_recommendation_is_a_failure_to_implement_only_beside_a_word_of_failure() {
        assert_kind(
            "failure_to_implement_recommendations",
            &[
                "The Council did not complete all recommendations from the stage three response.",
                "The Council has not fully completed this recommendation.",
                "I cannot say the Council completed this recommendation.",
                "The Council failed to implement all the recommendations put forward.",
                "There was fault in its refusal to accept the recommendation of its investigator.",
                "It did not amend its policy in line with the review panel's recommendations.",
                "The panel's recommendations were not carried out.",
                "There was delay in implementing the panel's findings.",
                "It did not do what it agreed to do.",
            ],
            &[
                "The Ombudsman finds further fault and has made further recommendations.",
                "There is fault, and the Council has agreed with our recommendations.",
                "We find fault with the way the Council made its decision to implement the CPO.",
                "There was fault in how it responded when a developer failed to implement a drainage strategy.",
            ],
        );
    }

    #[test]
    fn user_file_errors_name_file_and_line() {
        let bad_name = "[[kind]]\nname = \"Delay\"\nsignals = [\"late\"]\n";
        let e = Taxonomy::from_toml(bad_name, "mine.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("mine.toml:2:"), "{e}");
        let dup = "[[kind]]\nname = \"a\"\nsignals = [\"x\"]\n[[kind]]\nname = \"a\"\nsignals = [\"y\"]\n";
        assert!(Taxonomy::from_toml(dup, "d.toml")
            .unwrap_err()
            .to_string()
            .starts_with("d.toml:5:"));
        let syntax = "[[kind]]\nname = \"a\"\nsignals = [\"x\"\n";
        assert!(Taxonomy::from_toml(syntax, "s.toml")
            .unwrap_err()
            .to_string()
            .starts_with("s.toml:"));
        let empty = "[[kind]]\nname = \"a\"\nsignals = [\"  \"]\n";
        assert!(Taxonomy::from_toml(empty, "e.toml")
            .unwrap_err()
            .to_string()
            .starts_with("e.toml:3:"));
        let unknown = "[[kind]]\nname = \"a\"\nsignal = [\"x\"]\n";
        assert!(Taxonomy::from_toml(unknown, "u.toml").is_err());
        assert!(Taxonomy::from_toml("", "n.toml")
            .unwrap_err()
            .to_string()
            .contains("no [[kind]]"));
    }

    #[test]
    fn signals_too_large_to_compile_name_their_kind() {
        // Signals compile once, in the set (or also alone for a kind with
        // `unless`); the set's error must still name the kind that fails.
        let huge = vec!["w"; 3000].join(" ... ");
        let file = format!(
            "[[kind]]\nname = \"fine\"\nsignals = [\"late\"]\n\n[[kind]]\nname = \"huge\"\nsignals = [\n  \"{huge}\",\n]\n"
        );
        let e = Taxonomy::from_toml(&file, "big.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("big.toml:8: cannot compile signals"), "{e}");
        // With `unless`, the kind's own signals fail first, at the same line.
        let file = format!("{file}unless = [\"x\"]\n");
        let e = Taxonomy::from_toml(&file, "big.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("big.toml:8: cannot compile signals"), "{e}");
    }

    #[test]
    fn from_file_reads_and_reports_missing_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kinds.toml");
        std::fs::write(&path, "[[kind]]\nname = \"noise\"\nsignals = [\"loud*\"]\n")
            .expect("write");
        let t = Taxonomy::from_file(&path).expect("loads");
        assert_eq!(t.classify("Loudest party"), vec!["noise"]);
        let missing = Taxonomy::from_file(dir.path().join("nope.toml"))
            .unwrap_err()
            .to_string();
        assert!(missing.contains("nope.toml"), "{missing}");
    }
}
