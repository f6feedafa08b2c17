//! Fuzzing, as long property runs: the three parsers that read what users
//! type or files hold (the query language, front matter, JSON Lines) never
//! panic, whatever the input, and keep their promises about it. Each
//! property runs 2,000 cases (`PROPTEST_CASES` sets more, for a longer
//! run by hand).

use std::io::Write as _;

use proptest::prelude::*;
use readout::index::Index;
use readout::query::{self, Matcher};
use readout::store::{self, Corpus};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        ..ProptestConfig::default()
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(2_000)
}

/// Query-like text: the language's own characters, words, spaces, and any
/// Unicode at all.
fn query_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "\"", "“", "”", "„", "'", "!", "|", "#", "@", " ", "  ", "\t", "\n", "rock", "solid",
            "no", "wang", "-", "_", "\\", "é", "关系", "\u{202e}", "\u{1b}[2J", "\u{0}",
        ])
        .prop_map(str::to_string),
        1 => any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

fn index() -> Index {
    let mut ix = Index::new(Corpus::new(store::bundled_articles()));
    let facts = readout::facts::Analyzer::new();
    for a in store::bundled_articles() {
        ix.set_facts(a.id, facts.facts(&a));
    }
    ix
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn queries_never_panic_and_errors_point_inside(input in query_text()) {
        let chars = input.chars().count();
        match query::parse(&input) {
            Ok(q) => {
                // what parses strictly parses the same as typed
                prop_assert_eq!(query::parse_lenient(&input).ok(), Some(q));
            }
            Err(e) => prop_assert!(e.position <= chars, "{e:?} for {input:?}"),
        }
        if let Err(e) = query::parse_lenient(&input) {
            prop_assert!(e.position <= chars, "{e:?} for {input:?}");
        }
    }

    #[test]
    fn front_matter_never_panics_and_the_body_is_the_rest(
        head in prop::collection::vec(
            prop_oneof![
                Just("---".to_string()),
                Just("title: Rock solid".to_string()),
                Just("date: 2023-02-25".to_string()),
                Just("source:".to_string()),
                Just(": no key".to_string()),
                Just("key: \"quoted: value\"".to_string()),
                any::<String>(),
            ],
            0..8,
        ),
        body in any::<String>(),
        crlf in any::<bool>(),
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let raw = format!("{}{nl}{body}", head.join(nl));
        let (_, rest) = store::split_front_matter(&raw);
        // the body is a tail of the text, on a char boundary
        prop_assert!(raw.ends_with(rest));
        let a = store::Article::from_text("f.md", &raw, false);
        // nothing that drives a terminal survives into what is shown
        for text in [&*a.body, a.meta.title.as_str()] {
            prop_assert!(
                !text.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn json_lines_never_panic_and_every_line_is_accounted_for(
        lines in prop::collection::vec(
            prop_oneof![
                (any::<String>(), any::<String>()).prop_map(|(t, b)| serde_json::json!({"title": t, "body": b}).to_string()),
                any::<String>().prop_map(|b| serde_json::json!({"text": b, "date": 2023}).to_string()),
                Just("{\"title\": \"cut short".to_string()),
                Just("[1, 2, 3]".to_string()),
                Just("".to_string()),
                any::<String>(),
            ],
            0..12,
        ),
    ) {
        let mut f = tempfile::Builder::new().suffix(".jsonl").tempfile().unwrap();
        f.write_all(lines.join("\n").as_bytes()).unwrap();
        let loaded = store::read_source(f.path());
        let shown = loaded.articles.len() + loaded.issues.len();
        let non_blank = lines.iter().filter(|l| !l.trim().is_empty()).count();
        // each non-blank line gives an article or an issue, at most both
        // (a lossy one); a file of nothing says so once
        prop_assert!(loaded.articles.len() <= non_blank);
        prop_assert!(shown >= non_blank.min(1), "{lines:?}: {:?}", loaded.issues);
        for a in &loaded.articles {
            prop_assert!(!a.body.trim().is_empty());
        }
    }
}

proptest! {
    // compiling and evaluating a query costs some 100 ms unoptimised
    #![proptest_config(ProptestConfig { cases: cases() / 16, ..config() })]

    #[test]
    fn queries_evaluate_without_panicking(input in query_text()) {
        thread_local! {
            static IX: Index = index();
        }
        if let Ok(q) = query::parse_lenient(&input) {
            IX.with(|ix| {
                if let Ok(m) = Matcher::new(&q, ix) {
                    let hits = m.eval_once(ix);
                    assert!(hits.len() <= ix.len());
                    assert!(hits.iter().all(|h| ix.is_live(h.id)));
                }
            });
        }
    }
}
