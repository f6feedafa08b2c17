//! Byte ranges computed beyond verbatim passages (content words, sentences,
//! reworded pairs, the words that differ inside a passage, aligned quotes)
//! lie on char boundaries inside their text, whatever the input.

use proptest::prelude::*;
use readout::analysis::content::content_words;
use readout::analysis::reuse::reworded::sentences;
use readout::analysis::reuse::{compare, reworded};
use readout::analysis::sides;
use readout::analysis::speakers::Extractor;

fn on_boundaries(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
}

/// Words from a small vocabulary with non-ASCII letters, digits, quotes and
/// sentence marks, so texts share passages, sentences and numbers.
fn text() -> impl Strategy<Value = String> {
    let vocab = prop::sample::select(vec![
        "Bereth",
        "Kovane",
        "said",
        "partnership",
        "ceilings",
        "Port",
        "Selen",
        "signed",
        "four",
        "documents",
        "19%",
        "2,600",
        "Лавров",
        "ÉTÉ",
        "王毅",
        "the",
        "of",
        "“two",
        "wings”",
        "bird.",
        "“",
        "”",
        "—",
        ".",
        "!",
        "?",
        "\n\n",
        "\n",
        "Mr.",
        "U.S.",
        "ﬁne",
        "e\u{301}",
        "’s",
        "—a",
        "3.5",
    ]);
    prop::collection::vec(vocab, 0..80).prop_map(|w| w.join(" "))
}

fn check(a: &str, b: &str) -> Result<(), TestCaseError> {
    for w in content_words(a) {
        prop_assert!(on_boundaries(a, &w.range) && !w.range.is_empty(), "{w:?}");
    }
    for s in sentences(a) {
        prop_assert!(on_boundaries(a, &s) && !s.is_empty(), "{s:?}");
    }
    let c = compare(a, b);
    for p in &c.passages {
        for d in &p.diffs {
            prop_assert!(on_boundaries(a, &d.a) && on_boundaries(b, &d.b), "{d:?}");
            prop_assert!(p.a.start <= d.a.start && d.a.end <= p.a.end, "{d:?} in {p:?}");
            prop_assert!(p.b.start <= d.b.start && d.b.end <= p.b.end, "{d:?} in {p:?}");
            prop_assert!(!d.a.is_empty() || !d.b.is_empty());
        }
    }
    for r in reworded(a, b, &c.passages) {
        prop_assert!(on_boundaries(a, &r.a) && on_boundaries(b, &r.b), "{r:?}");
        prop_assert!((0.0..=1.0).contains(&r.score));
        for w in &r.a_words {
            prop_assert!(on_boundaries(a, w) && r.a.start <= w.start && w.end <= r.a.end);
        }
        for w in &r.b_words {
            prop_assert!(on_boundaries(b, w) && r.b.start <= w.start && w.end <= r.b.end);
        }
    }
    let ex = Extractor::shared();
    let (qa, qb) = (ex.extract(a), ex.extract(b));
    for s in sides::speakers(a, &qa, b, &qb, |n| ex.key(n)) {
        for q in &s.a {
            prop_assert!(on_boundaries(a, &q.range));
        }
        for q in &s.b {
            prop_assert!(on_boundaries(b, &q.range));
        }
        for al in &s.aligned {
            prop_assert!(al.a < s.a.len() && al.b < s.b.len());
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn ranges_hold_on_related_texts(a in text(), b in text()) {
        check(&a, &b)?;
        // B as an edited copy of A: passages with differing words inside
        let edited = a.replacen("the", "a whole", 2).replacen("said", "", 1);
        check(&a, &edited)?;
    }

    #[test]
    fn ranges_hold_on_any_text(a in any::<String>(), b in any::<String>()) {
        check(&a, &b)?;
    }
}
