//! Properties of `compare` on arbitrary and on constructed texts.

use proptest::prelude::*;
use readout::analysis::reuse::{Comparison, ReuseOptions, compare, compare_with};
use readout::analysis::text::words;

/// Everything a caller may rely on, whatever the input.
fn check(a: &str, b: &str, c: &Comparison) -> Result<(), TestCaseError> {
    let wa: Vec<_> = words(a).collect();
    let wb: Vec<_> = words(b).collect();
    for p in &c.passages {
        prop_assert!(p.a.start < p.a.end && p.a.end <= a.len(), "{p:?}");
        prop_assert!(p.b.start < p.b.end && p.b.end <= b.len(), "{p:?}");
        for (t, i) in [(a, p.a.start), (a, p.a.end), (b, p.b.start), (b, p.b.end)] {
            prop_assert!(t.is_char_boundary(i));
        }
        prop_assert!(wa.iter().any(|w| w.start == p.a.start));
        prop_assert!(wa.iter().any(|w| w.end == p.a.end));
        prop_assert!(wb.iter().any(|w| w.start == p.b.start));
        prop_assert!(wb.iter().any(|w| w.end == p.b.end));
        let inside = wa
            .iter()
            .filter(|w| w.start >= p.a.start && w.end <= p.a.end)
            .count();
        prop_assert_eq!(inside, p.words);
    }
    for w in c.passages.windows(2) {
        prop_assert!(w[0].a.end <= w[1].a.start, "{:?}", c.passages);
    }
    prop_assert!((0.0..=1.0).contains(&c.a_shared), "{}", c.a_shared);
    prop_assert!((0.0..=1.0).contains(&c.b_shared), "{}", c.b_shared);
    prop_assert_eq!(c.passages.is_empty(), c.a_shared == 0.0);
    prop_assert_eq!(c.passages.is_empty(), c.b_shared == 0.0);
    Ok(())
}

const VOCAB: &[&str] = &[
    "the",
    "of",
    "and",
    "Wang",
    "Yi",
    "Sergey",
    "Sergei",
    "Lavrov",
    "rock",
    "solid",
    "Beijing’s",
    "Beijing's",
    "don't",
    "Москва",
    "Лавров",
    "заявил",
    "中国",
    "外交部",
    "été",
    "naïve",
    "ÉTÉ",
    "ok",
    "a",
    "x",
    "said",
    "ties",
    "Πεκίνο",
    "🙂",
    "١٢٣",
    "ǅemal",
];
const SEPS: &[&str] = &[
    " ", "  ", ", ", ". ", "\n\n", " — ", "-", " “", "” ", "’ ", "…", "\u{200b}",
];

fn text_of(tokens: &[(usize, usize)]) -> String {
    let mut s = String::new();
    for &(w, sep) in tokens {
        s.push_str(VOCAB[w % VOCAB.len()]);
        s.push_str(SEPS[sep % SEPS.len()]);
    }
    s
}

fn tokens(max: usize) -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..VOCAB.len(), 0..SEPS.len()), 0..max)
}

/// Distinct words for the shared run, so that it matches only where it was
/// put (random words from a small vocabulary repeat a lot).
fn run_words(n: usize, seed: u32) -> Vec<String> {
    (0..n).map(|i| format!("wörd{}x{i}", seed)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings(a in "\\PC{0,300}", b in "\\PC{0,300}") {
        check(&a, &b, &compare(&a, &b))?;
    }

    #[test]
    fn arbitrary_strings_with_a_common_part(a in ".{0,80}", b in ".{0,80}", common in ".{0,200}") {
        let x = format!("{a}{common}{b}");
        let y = format!("{b}{common}{a}");
        check(&x, &y, &compare(&x, &y))?;
        let opts = ReuseOptions { ngram: 2, min_words: 2, max_gap: 1, ..ReuseOptions::default() };
        check(&x, &y, &compare_with(&x, &y, &opts))?;
    }

    #[test]
    fn texts_from_a_small_vocabulary(a in tokens(200), b in tokens(200)) {
        let (x, y) = (text_of(&a), text_of(&b));
        check(&x, &y, &compare(&x, &y))?;
    }

    #[test]
    fn a_shared_run_of_words_is_found(
        pa in tokens(60), sa in tokens(60), pb in tokens(60), sb in tokens(60),
        len in 10usize..40, seed in any::<u32>(), edit in prop::option::of(0usize..40),
    ) {
        let mut run = run_words(len, seed);
        let shared_a = run.join(" ");
        if let Some(k) = edit {
            // one changed word, with at least three words of the run on
            // either side of it (fewer can be lost at the ends: a passage is
            // extended over an edit only if three matching words follow it)
            let k = 3 + k % (len - 6);
            run[k] = "changed".into();
        }
        let shared_b = run.join(", ");
        let x = format!("{}{shared_a}. {}", text_of(&pa), text_of(&sa));
        let y = format!("{}{shared_b}! {}", text_of(&pb), text_of(&sb));
        let c = compare(&x, &y);
        check(&x, &y, &c)?;
        let start = x.find(&shared_a).unwrap();
        let end = start + shared_a.len();
        // the run is inside one passage (which may reach a little further)
        prop_assert!(
            c.passages.iter().any(|p| p.a.start <= start && p.a.end >= end),
            "{:?} not covering {}..{}", c.passages, start, end
        );
    }
}
