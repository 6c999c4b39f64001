//! The valid values closest to one a user typed, for "did you mean" errors.
//!
//! Closeness is shared words first (a word counts when one is a prefix of
//! the other, so `delays` meets `delay` and `norfolk` meets `Norfolk County
//! Council`), then edit distance, then how many decisions have the value,
//! all ignoring case.

use crate::stats::values::ValueCount;

/// At most this many suggestions are offered.
pub const MAX_SUGGESTIONS: usize = 5;

/// The values closest to `typed`, closest first, at most [`MAX_SUGGESTIONS`].
pub fn closest<'a>(typed: &str, values: &'a [ValueCount]) -> Vec<&'a ValueCount> {
    let typed_lower = typed.trim().to_lowercase();
    let typed_words = words(&typed_lower);
    let mut ranked: Vec<(usize, usize, &ValueCount)> = values
        .iter()
        .map(|v| {
            let lower = v.value.to_lowercase();
            let theirs = words(&lower);
            let shared = typed_words
                .iter()
                .filter(|w| {
                    theirs
                        .iter()
                        .any(|t| t.starts_with(w.as_str()) || w.starts_with(t.as_str()))
                })
                .count();
            (shared, strsim::levenshtein(&typed_lower, &lower), v)
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(b.2.decisions.cmp(&a.2.decisions))
            .then_with(|| a.2.value.cmp(&b.2.value))
    });
    // Values sharing a word, or a few typing slips away, are the ones worth
    // naming; only when there are none is the nearest of the rest offered.
    let near = |&(shared, distance, _): &(usize, usize, &ValueCount)| {
        shared > 0 || distance <= (typed_lower.chars().count() / 3).max(2)
    };
    if ranked.iter().any(near) {
        ranked.retain(near);
    }
    ranked
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, _, v)| v)
        .collect()
}

/// `A (12), B (3)`: suggestions with their decision counts.
pub fn listed(suggestions: &[&ValueCount]) -> String {
    suggestions
        .iter()
        .map(|v| format!("{} ({})", v.value, v.decisions))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Words of letters and digits (`_` joins kind names' words, so it splits).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, usize)]) -> Vec<ValueCount> {
        pairs
            .iter()
            .map(|&(value, decisions)| ValueCount {
                value: value.to_string(),
                decisions,
            })
            .collect()
    }

    fn names<'a>(suggestions: &[&'a ValueCount]) -> Vec<&'a str> {
        suggestions.iter().map(|v| v.value.as_str()).collect()
    }

    #[test]
    fn closest_ranks_shared_words_then_spelling_then_decisions() {
        let categories = values(&[
            ("Adult care services", 123),
            ("Children's care services", 80),
            ("Education", 60),
            ("Housing", 50),
        ]);
        assert_eq!(
            names(&closest("Adult social care", &categories))[..2],
            ["Adult care services", "Children's care services"]
        );
        let organisations = values(&[
            ("South Norfolk District Council", 3),
            ("Norfolk County Council", 12),
            ("Suffolk County Council", 20),
            ("King's Lynn & West Norfolk", 1),
        ]);
        assert_eq!(
            names(&closest("norfolk", &organisations)),
            [
                "Norfolk County Council",
                "King's Lynn & West Norfolk",
                "South Norfolk District Council"
            ]
        );
        let faults = values(&[
            ("delay", 40),
            ("poor_communication", 30),
            ("failure_to_follow_procedure", 10),
        ]);
        // Only the near values, when there are some.
        assert_eq!(names(&closest("DELAYS", &faults)), ["delay"]);
        assert_eq!(
            names(&closest(
                "partly upheld",
                &values(&[
                    ("Upheld", 5),
                    ("Not upheld", 4),
                    ("Closed after initial enquiries", 9)
                ])
            )),
            ["Not upheld", "Upheld"]
        );
        assert_eq!(
            names(&closest("communicaton", &faults))[0],
            "poor_communication"
        );
        let many = values(&[("a", 1), ("b", 2), ("c", 3), ("d", 4), ("e", 5), ("f", 6)]);
        // Equally far: most decisions first, and never more than five.
        assert_eq!(names(&closest("z", &many)), ["f", "e", "d", "c", "b"]);
        assert_eq!(listed(&closest("delay", &faults)[..1]), "delay (40)");
        assert!(closest("x", &[]).is_empty());
    }
}
