use super::*;

const P1: &str = "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergey Lavrov \
                  in Beijing on Tuesday, and the two sides pledged to deepen cooperation in \
                  energy, trade and security.";
const P2: &str = "The talks came a week after the Kremlin announced that President Vladimir \
                  Putin would travel to China in the spring for a summit with Xi Jinping.";
const P3: &str = "Analysts said the meeting was meant to signal that the partnership remained \
                  unaffected by Western sanctions imposed over the war in Ukraine.";
const FILLER_A: &str = "Our correspondent in the capital filed this report late in the evening \
                        after a long day of briefings.";
const FILLER_B: &str = "Readers can subscribe to the weekly newsletter for more coverage of \
                        diplomacy across the region.";

fn shared<'a>(text: &'a str, r: &Range<usize>) -> &'a str {
    &text[r.clone()]
}

/// Every range on char boundaries, at word starts and ends, non-overlapping
/// in A, shares in 0..=1.
fn check(a: &str, b: &str, c: &Comparison) {
    let word_starts = |t: &str| {
        crate::analysis::text::words(t)
            .map(|w| w.start)
            .collect::<Vec<_>>()
    };
    let word_ends = |t: &str| crate::analysis::text::words(t).map(|w| w.end).collect::<Vec<_>>();
    let (sa, ea, sb, eb) = (word_starts(a), word_ends(a), word_starts(b), word_ends(b));
    for p in &c.passages {
        assert!(sa.contains(&p.a.start) && ea.contains(&p.a.end), "{p:?}");
        assert!(sb.contains(&p.b.start) && eb.contains(&p.b.end), "{p:?}");
        assert!(p.words >= 1);
    }
    for w in c.passages.windows(2) {
        assert!(w[0].a.end <= w[1].a.start, "{:?}", c.passages);
    }
    assert!((0.0..=1.0).contains(&c.a_shared) && (0.0..=1.0).contains(&c.b_shared));
}

#[test]
fn identical_texts_share_everything() {
    let t = format!("{P1}\n\n{P2}\n\n{P3}");
    let c = compare(&t, &t);
    check(&t, &t, &c);
    assert_eq!(c.passages.len(), 1);
    let p = &c.passages[0];
    assert_eq!(p.a, 0..t.len() - 1); // the final full stop is not a word
    assert_eq!(p.a, p.b);
    assert_eq!(p.words, crate::analysis::text::words(&t).count());
    assert_eq!((c.a_shared, c.b_shared), (1.0, 1.0));
}

#[test]
fn unrelated_texts_share_nothing() {
    let c = compare(P1, P3);
    assert!(c.passages.is_empty());
    assert_eq!((c.a_shared, c.b_shared), (0.0, 0.0));
    let c = compare(&format!("{P1} {FILLER_A}"), &format!("{P2} {FILLER_B}"));
    assert!(c.passages.is_empty());
}

#[test]
fn empty_texts() {
    for (a, b) in [("", ""), ("", P1), (P1, ""), (" -- ,, ", P1), ("—", "—")] {
        let c = compare(a, b);
        assert!(c.passages.is_empty());
        assert_eq!((c.a_shared, c.b_shared), (0.0, 0.0));
    }
}

#[test]
fn short_texts_can_be_shared_whole() {
    // fewer words than an n-gram
    let c = compare("Wang Yi said", "Wang Yi said");
    assert_eq!(c.passages.len(), 1);
    assert_eq!((c.a_shared, c.b_shared), (1.0, 1.0));
    // too short to mean anything
    assert!(compare("Wang Yi", "Wang Yi").passages.is_empty());
    // a six-word headline quoted inside an article
    let head = "Russia relationship better than an alliance";
    let body = format!("{P1} As the paper put it, russia relationship better than an alliance. {P2}");
    let c = compare(head, &body);
    check(head, &body, &c);
    assert_eq!(c.passages.len(), 1);
    assert_eq!(
        shared(&body, &c.passages[0].b),
        "russia relationship better than an alliance"
    );
    assert_eq!(c.a_shared, 1.0);
    assert!(c.b_shared < 0.2);
    // the headline does not match when only part of it is there
    assert!(
        compare(head, "better than an alliance, they said")
            .passages
            .is_empty()
    );
}

#[test]
fn short_phrases_below_min_words_are_not_passages() {
    let a = format!("{P1} {FILLER_A}");
    let b = format!("{FILLER_B} the two sides pledged to deepen cooperation. {P3}");
    // "the two sides pledged to deepen cooperation": 7 words
    assert!(compare(&a, &b).passages.is_empty());
    let opts = ReuseOptions {
        min_words: 7,
        ..ReuseOptions::default()
    };
    let c = compare_with(&a, &b, &opts);
    assert_eq!(c.passages.len(), 1);
    assert_eq!(
        shared(&b, &c.passages[0].b),
        "the two sides pledged to deepen cooperation"
    );
}

#[test]
fn reordered_paragraphs() {
    let a = format!("{P1}\n\n{FILLER_A}\n\n{P2}\n\n{P3}");
    let b = format!("{P3}\n\n{FILLER_B}\n\n{P2}\n\n{P1}");
    let c = compare(&a, &b);
    check(&a, &b, &c);
    assert_eq!(c.passages.len(), 3, "{:#?}", c.passages);
    for p in &c.passages {
        assert_eq!(shared(&a, &p.a), shared(&b, &p.b));
    }
    let strip = |s: &str| s.trim_end_matches('.').to_string();
    assert_eq!(shared(&a, &c.passages[0].a), strip(P1));
    assert_eq!(shared(&a, &c.passages[2].a), strip(P3));
    // P2 and P3 are adjacent in A but not in B: two passages, not one
    assert_eq!(shared(&a, &c.passages[1].a), strip(P2));
    assert!(c.a_shared > 0.7 && c.b_shared > 0.7);
}

#[test]
fn a_changed_word_stays_inside_one_passage() {
    let b = P1.replace("deepen", "broaden");
    let c = compare(P1, &b);
    check(P1, &b, &c);
    assert_eq!(c.passages.len(), 1);
    assert_eq!(c.passages[0].a, 0..P1.len() - 1);
    assert_eq!(c.passages[0].b, 0..b.len() - 1);
    assert_eq!(c.a_shared, 1.0);
}

#[test]
fn inserted_and_dropped_words() {
    let b = P1
        .replace("in Beijing on Tuesday", "in Beijing late on Tuesday")
        .replace("and the two sides", "and two sides");
    let c = compare(P1, &b);
    check(P1, &b, &c);
    assert_eq!(c.passages.len(), 1, "{:#?}", c.passages);
    assert_eq!(c.a_shared, 1.0);
    assert_eq!(c.b_shared, 1.0);
}

#[test]
fn an_edit_near_the_end_is_bridged() {
    // the changed word leaves three matching words after it: fewer than an
    // n-gram, recovered by the extension
    let a = "the two sides pledged to deepen cooperation in energy, trade and maritime security";
    let b = "The two sides pledged to deepen cooperation in energy, tourism and maritime security.";
    let c = compare(a, b);
    assert_eq!(c.passages.len(), 1);
    assert_eq!(shared(b, &c.passages[0].b), &b[..b.len() - 1]);
}

#[test]
fn punctuation_case_and_apostrophes_do_not_matter() {
    let a = "Wang said Beijing’s ties with Moscow were “rock-solid,” and would not be shaken \
             by outside pressure.";
    let b = "WANG SAID BEIJING'S TIES WITH MOSCOW WERE ROCK SOLID AND WOULD NOT BE SHAKEN BY \
             OUTSIDE PRESSURE";
    let c = compare(a, b);
    check(a, b, &c);
    assert_eq!(c.passages.len(), 1);
    assert_eq!((c.a_shared, c.b_shared), (1.0, 1.0));
    assert_eq!(shared(a, &c.passages[0].a), &a[..a.len() - 1]);
}

#[test]
fn transliteration_variants_match() {
    let a = "Russian Foreign Minister Sergey Lavrov told Dmitry Peskov";
    let b = "Russian Foreign Minister Sergei Lavrov told Dmitri Peskov";
    let c = compare(a, b);
    assert_eq!(c.passages.len(), 1);
    assert_eq!(c.passages[0].words, 8);
    let off = ReuseOptions {
        fold_transliteration: false,
        ..ReuseOptions::default()
    };
    assert!(compare_with(a, b, &off).passages.is_empty());
}

#[test]
fn containment_is_asymmetric() {
    let long = format!("{FILLER_A}\n\n{P2}\n\n{P1}\n\n{P3}\n\n{FILLER_B}");
    let c = compare(P1, &long);
    check(P1, &long, &c);
    assert_eq!(c.a_shared, 1.0);
    assert!(c.b_shared > 0.15 && c.b_shared < 0.35, "{}", c.b_shared);
    let d = compare(&long, P1);
    assert_eq!(d.b_shared, 1.0);
    assert!((d.a_shared - c.b_shared).abs() < 1e-9);
}

#[test]
fn repeated_boilerplate_does_not_blow_up() {
    let boiler = "Subscribe to our newsletter for the latest news and analysis from the region.";
    let a = format!("{P1} {} {P2}", [boiler; 400].join(" "));
    let b = format!("{P3} {} {P1}", [boiler; 300].join(" "));
    let t = std::time::Instant::now();
    let c = compare(&a, &b);
    assert!(t.elapsed().as_secs() < 2, "{:?}", t.elapsed());
    check(&a, &b, &c);
    // P1 and the boilerplate are found; A's 400 copies map onto B's 300
    assert!(
        c.passages
            .iter()
            .any(|p| shared(&a, &p.a) == P1.trim_end_matches('.'))
    );
    assert!(c.a_shared > 0.9, "{}", c.a_shared);
    assert!(c.b_shared > 0.9, "{}", c.b_shared);
}

#[test]
fn repeated_words_in_one_text_only() {
    let a = "la ".repeat(5000);
    let b = format!("{P1} la la la la la la la la la la {P2}");
    let c = compare(&a, &b);
    check(&a, &b, &c);
    assert!(!c.passages.is_empty());
}

#[test]
fn multibyte_text() {
    let p = "Министр иностранных дел Сергей Лавров заявил, что отношения России и Китая \
             находятся на самом высоком уровне в истории.";
    let a = format!("日本語の文章です。 {p} Конец.");
    let b = format!("Ещё текст — {p}");
    let c = compare(&a, &b);
    check(&a, &b, &c);
    assert_eq!(c.passages.len(), 1);
    assert_eq!(shared(&a, &c.passages[0].a), shared(&b, &c.passages[0].b));
    assert!(shared(&a, &c.passages[0].a).starts_with("Министр"));
    assert!(shared(&a, &c.passages[0].a).ends_with("истории"));
}

#[test]
fn swapped_sees_it_from_b() {
    let a = format!("{P1}\n\n{FILLER_A}\n\n{P2}");
    let b = format!("{P2}\n\n{FILLER_B}\n\n{P1}");
    let c = compare(&a, &b);
    let s = c.swapped();
    assert_eq!(s.passages.len(), 2);
    assert!(s.passages[0].a.start < s.passages[1].a.start);
    assert_eq!(shared(&b, &s.passages[0].a), shared(&a, &s.passages[0].b));
    assert_eq!((s.a_shared, s.b_shared), (c.b_shared, c.a_shared));
}

#[test]
fn degenerate_options_do_not_panic() {
    let a = format!("{P1} {P2}");
    let b = format!("{P2} {P3}");
    for opts in [
        ReuseOptions {
            ngram: 0,
            min_words: 0,
            max_gap: 0,
            max_repeats: 0,
            min_short_words: 0,
            fold_transliteration: false,
        },
        ReuseOptions {
            ngram: 50,
            min_words: 1,
            max_gap: 100,
            ..ReuseOptions::default()
        },
    ] {
        let c = compare_with(&a, &b, &opts);
        check(&a, &b, &c);
        assert!(!c.passages.is_empty(), "{opts:?}");
    }
}

#[test]
fn union_of_spans() {
    assert_eq!(union_len(&mut [(0, 5), (3, 8), (10, 12), (11, 11)]), 10);
    assert_eq!(union_len(&mut []), 0);
}

/// 10,000 words drawn from `vocab` words by a fixed xorshift sequence.
fn random_words(vocab: usize, n: usize, seed: u64) -> String {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            format!("w{}", x % vocab as u64)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn adversarial_texts_stay_fast() {
    let para = random_words(5000, 1250, 3);
    let eight = [para.as_str(); 8].join("\n\n");
    let cases = [
        // every n-gram eight times on both sides
        (eight.clone(), eight.clone()),
        // a period of two words
        ("a b ".repeat(5000), "b a ".repeat(5000)),
        // three words: every 5-gram ~40 times, on scattered diagonals
        (random_words(3, 10_000, 1), random_words(3, 10_000, 2)),
        (random_words(3, 10_000, 1), random_words(3, 10_000, 1)),
    ];
    for (a, b) in &cases {
        let t = std::time::Instant::now();
        let c = compare(a, b);
        // generous: this runs unoptimised
        assert!(t.elapsed().as_secs_f64() < 3.0, "{:?}", t.elapsed());
        check(a, b, &c);
    }
    let c = compare(&eight, &eight);
    assert_eq!((c.a_shared, c.b_shared), (1.0, 1.0));
}
