//! Property tests: every range the phrase module returns lies on char
//! boundaries and spells what it claims to, for any Unicode input.

use proptest::prelude::*;
use readout::analysis::phrases::{
    Doc, MineOptions, PhraseBook, PhraseFinder, find_phrase, kwic, mine, normalize_phrase, quote_spans,
    recount_and_weigh,
};

const WORDS: &[&str] = &[
    "rock",
    "Rock",
    "SOLID",
    "solid",
    "as",
    "a",
    "no",
    "limits",
    "hegemony",
    "hegemonic",
    "cold",
    "war",
    "new",
    "non",
    "alliance",
    "İ",
    "ß",
    "Ван",
    "关系",
    "é",
    "x",
    "1",
    "Ω",
];

const SEPS: &[&str] = &[
    " ", "-", "\n", "“", "”", "’", "'", ",", ".", "\u{ad}", "  ", "—", "\t", ";", "\u{200d}", "é", "\u{301}",
];

static BOOK: std::sync::LazyLock<PhraseBook> = std::sync::LazyLock::new(PhraseBook::bundled);

/// Words separated by separators, from a small vocabulary, so that
/// articles share phrases.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(&WORDS[..12]), prop::sample::select(SEPS)),
        0..30,
    )
    .prop_map(|v| v.iter().map(|(w, s)| format!("{w}{s}")).collect())
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => prop::sample::select(SEPS).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn phrase() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), prop::sample::select(SEPS)), 1..4).prop_map(|v| {
        v.iter()
            .enumerate()
            .map(
                |(i, (w, s))| {
                    if i == 0 { w.to_string() } else { format!("{s}{w}") }
                },
            )
            .collect()
    })
}

fn check_sorted(ranges: &[std::ops::Range<usize>], text: &str) -> Result<(), TestCaseError> {
    for r in ranges {
        prop_assert!(r.start < r.end && r.end <= text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    for w in ranges.windows(2) {
        prop_assert!(w[0].end <= w[1].start);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn quote_spans_lie_on_char_boundaries(text in text()) {
        check_sorted(&quote_spans(&text).into_iter().filter(|r| !r.is_empty()).collect::<Vec<_>>(), &text)?;
    }

    #[test]
    fn weighed_phrases_are_found_in_their_articles(
        texts in prop::collection::vec(article(), 2..6),
        sources in prop::collection::vec(prop::option::of(prop::sample::select(&["A", "B"][..])), 6),
    ) {
        let docs: Vec<Doc> = texts
            .iter()
            .zip(&sources)
            .map(|(t, s)| Doc { text: t, source: *s })
            .collect();
        let mined = mine(&docs, &MineOptions::default());
        let weighed = recount_and_weigh(&docs, mined, &["rock".to_string()]);
        for m in &weighed {
            prop_assert!(m.weight.is_finite() && m.weight >= 0.0, "{:?}", m);
            prop_assert_eq!(m.counts.len(), m.docs.len());
            prop_assert!(m.quoted <= m.docs.len() && m.outlets <= m.docs.len());
            for &d in &m.docs {
                let forms = std::iter::once(&m.phrase).chain(&m.variants);
                let found = forms.map(|f| find_phrase(docs[d as usize].text, f).len()).sum::<usize>();
                prop_assert!(found > 0, "{} not in doc {}", m.phrase, d);
            }
        }
    }

    #[test]
    fn book_matches_spell_a_variant(text in text()) {
        let book = &*BOOK;
        let ms = book.find(&text);
        let ranges: Vec<_> = ms.iter().map(|m| m.range.clone()).collect();
        check_sorted(&ranges, &text)?;
        for m in &ms {
            let got = normalize_phrase(&text[m.range.clone()]);
            let fam = &book.families()[m.family];
            prop_assert!(
                fam.variants.iter().any(|v| normalize_phrase(v) == got),
                "{:?} is no variant of {}", got, fam.label
            );
        }
    }

    #[test]
    fn finder_matches_spell_a_phrase(
        text in text(),
        phrases in prop::collection::vec(phrase(), 1..5),
    ) {
        let finder = PhraseFinder::new(&phrases);
        let hits = finder.find(&text);
        let ranges: Vec<_> = hits.iter().map(|(_, r)| r.clone()).collect();
        check_sorted(&ranges, &text)?;
        for (i, r) in hits {
            prop_assert_eq!(normalize_phrase(&text[r]), normalize_phrase(&phrases[i]));
        }
    }

    #[test]
    fn an_inserted_phrase_is_found(
        words in prop::collection::vec(prop::sample::select(&["rock", "Solid", "Ван", "İ", "ß"][..]), 1..4),
        seps in prop::collection::vec(prop::sample::select(&[" ", "-", "\n ", "“", "’ ", ", ", "\u{2013}", "   "][..]), 3),
        // letters none of the words has, so nothing earlier overlaps the phrase
        before in "[efgjmptuvwxyz .\n]{0,12}",
        after in "[efgjmptuvwxyz .\n]{0,12}",
    ) {
        let spelled: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let phrase = spelled.join(" ");
        let inner = spelled.join(seps[0]);
        let text = format!("{before} {inner}{}{after}", seps[1]);
        let start = before.len() + 1;
        let hits = find_phrase(&text, &phrase);
        prop_assert!(
            hits.contains(&(start..start + inner.len())),
            "{:?} not found in {:?}: {:?}", phrase, text, hits
        );
    }

    #[test]
    fn kwic_never_panics(text in text(), a in 0usize..200, b in 0usize..200, n in 0usize..30) {
        let (a, b) = (a.min(b), a.max(b));
        let k = kwic(&text, a..b, n);
        prop_assert!(k.left.chars().count() <= n);
        prop_assert!(k.right.chars().count() <= n);
        for part in [&k.left, &k.matched, &k.right] {
            prop_assert!(!part.contains('\n') && !part.contains("  "));
        }
    }

    #[test]
    fn mined_phrases_are_found_in_their_articles(docs in prop::collection::vec(article(), 2..6)) {
        let input: Vec<Doc> = docs.iter().map(|t| Doc { text: t, source: None }).collect();
        for m in mine(&input, &MineOptions::default()) {
            prop_assert!(m.docs.len() >= 2);
            for &d in &m.docs {
                prop_assert!(
                    !find_phrase(&docs[d as usize], &m.phrase).is_empty(),
                    "{:?} not in doc {}: {:?}", m.phrase, d, docs[d as usize]
                );
            }
        }
    }
}
