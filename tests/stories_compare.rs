//! Compare beyond verbatim on the three reports of the invented press
//! conference (`tests/fixtures/story/press-conference-*.txt`): the reworded
//! sentences and the quotes of each speaker are aligned, and the words that
//! differ inside a near-verbatim passage are found.

use std::path::Path;

use readout::analysis::reuse::{compare, reworded};
use readout::analysis::sides::{self, Side};
use readout::analysis::speakers::Extractor;
use readout::store::Article;

fn body(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/story")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    Article::from_text(name, &text, false).body.to_string()
}

#[test]
fn the_translated_report_is_aligned_sentence_by_sentence_and_quote_by_quote() {
    let (a, b) = (
        body("press-conference-guardian.txt"),
        body("press-conference-tass.txt"),
    );
    let c = compare(&a, &b);
    let pairs = reworded(&a, &b, &c.passages);
    let shown: Vec<(&str, &str)> = pairs.iter().map(|r| (&a[r.a.clone()], &b[r.b.clone()])).collect();
    for (x, y) in &shown {
        println!("A: {x}\nB: {y}\n");
    }
    let has = |x: &str, y: &str| shown.iter().any(|(p, q)| p.contains(x) && q.contains(y));
    assert!(has(
        "The ministers signed four documents",
        "By results of the negotiations, the ministers signed four documents"
    ));
    assert!(has(
        "He is due to meet President Anselm Varga",
        "received by President of Valdoria Anselm Varga"
    ));
    assert!(has(
        "Valdoria and Kestria are two wings of one bird",
        "two\nwings of a single bird"
    ));

    let ex = Extractor::shared();
    let speakers = sides::speakers(&a, &ex.extract(&a), &b, &ex.extract(&b), |s| ex.key(s));
    let aligned = |name: &str| -> Vec<(String, String)> {
        let s = speakers.iter().find(|s| s.speaker.contains(name)).expect(name);
        assert_eq!(s.side, Side::Both, "{name}");
        s.aligned
            .iter()
            .map(|al| {
                (
                    a[s.a[al.a].range.clone()].to_string(),
                    b[s.b[al.b].range.clone()].to_string(),
                )
            })
            .collect()
    };
    let bereth = aligned("Bereth");
    assert!(
        bereth
            .iter()
            .any(|(x, y)| x.starts_with("Our partnership without ceilings")
                && y.starts_with("Our partnership with no ceilings")),
        "{bereth:?}"
    );
    let kovane = aligned("Kovane");
    assert!(
        kovane
            .iter()
            .any(|(x, y)| x.contains("two wings of one bird") && y.contains("wings of a single bird")),
        "{kovane:?}"
    );
}

#[test]
fn the_rewritten_report_shows_the_words_changed_inside_the_wire_sentence() {
    let (a, b) = (
        body("press-conference-guardian.txt"),
        body("press-conference-scmp.txt"),
    );
    let c = compare(&a, &b);
    let wire = c
        .passages
        .iter()
        .find(|p| a[p.a.clone()].contains("deepened since"))
        .expect("the wire sentence is a passage");
    let diffs: Vec<(&str, &str)> = wire
        .diffs
        .iter()
        .map(|d| (&a[d.a.clone()], &b[d.b.clone()]))
        .collect();
    assert_eq!(diffs, [("has", "have"), ("led to", "paved the way for")]);
    // and the reworded sentences around it are paired
    let pairs = reworded(&a, &b, &c.passages);
    assert!(
        pairs
            .iter()
            .any(|r| a[r.a.clone()].starts_with("At its summit in Lisbon")
                && b[r.b.clone()].starts_with("Monday's talks were the first"))
    );
    // no reworded pair is inside the passage
    for r in &pairs {
        assert!(!(wire.a.start <= r.a.start && r.a.end <= wire.a.end));
    }
}

#[test]
fn formulas_on_each_side() {
    let (a, b) = (
        body("press-conference-guardian.txt"),
        body("press-conference-tass.txt"),
    );
    let mined = [
        "outdated bloc mentality",
        "exclusive small circles",
        "multipolar world order",
    ];
    let book = readout::analysis::phrases::PhraseBook::empty();
    let f = sides::formulas(&a, &b, &book, &mined);
    let side = |l: &str| f.iter().find(|x| x.label == l).map(|x| x.side);
    assert_eq!(side("outdated bloc mentality"), Some(Side::Both));
    assert_eq!(side("exclusive small circles"), Some(Side::OnlyA));
    assert_eq!(side("multipolar world order"), Some(Side::OnlyB));
}
