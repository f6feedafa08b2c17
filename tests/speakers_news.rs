//! Accuracy of the speakers-and-quotes extraction on news it was not
//! written for: a development set (`tests/fixtures/speakers_dev`, the rules
//! were written against it) and a held-out set (`tests/fixtures/
//! speakers_holdout`, written afterwards and never read while writing the
//! rules: only its aggregate figures are printed).
//!
//! The measures of issue 12:
//! - named people quoted, per article: the set of `person` speakers
//!   against the annotation's `people` (names compared by
//!   `Extractor::key`), precision and recall micro-averaged over articles;
//! - quotes found: a predicted quote matches a hand-marked one when their
//!   texts overlap by at least 30% of the hand-marked text's characters.
//!   Precision: predicted quotes matching some hand-marked one; recall:
//!   hand-marked quotes matched by some predicted quote; F1;
//! - speaker accuracy: of the hand-marked quotes found, those where a
//!   matching predicted quote has the right speaker (people and
//!   organisations by key, an organisation also when one name contains the
//!   other's words; unnamed sources when both are unnamed and share the
//!   descriptor's head word).
//!
//! `cargo test --test speakers_news -- --nocapture` prints the figures, and
//! every miss on the development set.

use std::collections::BTreeSet;
use std::ops::Range;

use readout::analysis::speakers::{Extractor, Quote, SpeakerKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    article: Vec<Article>,
}

#[derive(Deserialize)]
struct Article {
    file: String,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    quotes: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    speaker: String,
    speaker_kind: String,
    kind: String,
    text: String,
}

#[derive(Default, Debug)]
struct Scores {
    people_tp: usize,
    people_predicted: usize,
    people_gold: usize,
    quotes_predicted: usize,
    quotes_matching: usize,
    gold_quotes: usize,
    gold_found: usize,
    speaker_right: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Scores {
    fn people_p(&self) -> f64 {
        ratio(self.people_tp, self.people_predicted)
    }
    fn people_r(&self) -> f64 {
        ratio(self.people_tp, self.people_gold)
    }
    fn quote_p(&self) -> f64 {
        ratio(self.quotes_matching, self.quotes_predicted)
    }
    fn quote_r(&self) -> f64 {
        ratio(self.gold_found, self.gold_quotes)
    }
    fn quote_f1(&self) -> f64 {
        let (p, r) = (self.quote_p(), self.quote_r());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn speaker_acc(&self) -> f64 {
        ratio(self.speaker_right, self.gold_found)
    }
    fn print(&self, name: &str) {
        println!(
            "{name}: people quoted P {:.3} ({}/{}) R {:.3} ({}/{}); quotes P {:.3} ({}/{}) R {:.3} ({}/{}) F1 {:.3}; speaker right {:.3} ({}/{})",
            self.people_p(),
            self.people_tp,
            self.people_predicted,
            self.people_r(),
            self.people_tp,
            self.people_gold,
            self.quote_p(),
            self.quotes_matching,
            self.quotes_predicted,
            self.quote_r(),
            self.gold_found,
            self.gold_quotes,
            self.quote_f1(),
            self.speaker_acc(),
            self.speaker_right,
            self.gold_found,
        );
    }
}

/// The body of an article file: what follows the closing `---` of its
/// front matter, if it has one.
fn body(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    match rest.find("\n---\n") {
        Some(i) => &rest[i + 5..],
        None => text,
    }
}

/// Where the hand-marked text is in the body: its occurrences, else (for an
/// annotation whose whitespace differs) none.
fn locate(body: &str, text: &str) -> Vec<Range<usize>> {
    body.match_indices(text).map(|(i, s)| i..i + s.len()).collect()
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// At least 30% of the hand-marked text is covered by the predicted quote.
fn covers(gold: &[Range<usize>], q: &Quote) -> bool {
    gold.iter()
        .any(|g| overlap(g, &q.range) * 10 >= g.len() * 3 && !g.is_empty())
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| {
            !matches!(
                w.as_str(),
                "the" | "a" | "an" | "of" | "for" | "inc" | "ltd" | "corp" | "co"
            )
        })
        .collect()
}

fn same_speaker(ex: &Extractor, q: &Quote, g: &Gold) -> bool {
    match g.speaker_kind.as_str() {
        "person" => q.speaker_kind == SpeakerKind::Person && ex.key(&q.speaker) == ex.key(&g.speaker),
        "organisation" => {
            if q.speaker_kind != SpeakerKind::Organisation {
                return false;
            }
            if ex.key(&q.speaker) == ex.key(&g.speaker) {
                return true;
            }
            let (a, b) = (words_of(&q.speaker), words_of(&g.speaker));
            !a.is_empty()
                && !b.is_empty()
                && (a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w)))
        }
        _ => {
            if q.speaker_kind != SpeakerKind::Unnamed {
                return false;
            }
            let (a, b) = (words_of(&q.speaker), words_of(&g.speaker));
            match (a.last(), b.last()) {
                (Some(x), Some(y)) => x == y || a.iter().any(|w| b.contains(w) && w.len() > 3),
                _ => false,
            }
        }
    }
}

/// Scores one set; `verbose` prints every miss.
fn score(ex: &Extractor, dir: &str, toml_path: &str, verbose: bool) -> Option<(Scores, usize)> {
    let src = std::fs::read_to_string(toml_path).ok()?;
    let fixture: Fixture = toml::from_str(&src).unwrap_or_else(|e| panic!("{toml_path}: {e}"));
    let mut s = Scores::default();
    for art in &fixture.article {
        let text = std::fs::read_to_string(format!("{dir}/{}", art.file))
            .unwrap_or_else(|e| panic!("{dir}/{}: {e}", art.file));
        let body = body(&text);
        let predicted = ex.extract(body);

        // named people quoted
        let p_set: BTreeSet<String> = predicted
            .iter()
            .filter(|q| q.speaker_kind == SpeakerKind::Person)
            .map(|q| ex.key(&q.speaker))
            .collect();
        let g_set: BTreeSet<String> = art.people.iter().map(|n| ex.key(n)).collect();
        s.people_predicted += p_set.len();
        s.people_gold += g_set.len();
        s.people_tp += p_set.intersection(&g_set).count();
        if verbose {
            println!(
                "== {}: {} predicted, {} marked",
                art.file,
                predicted.len(),
                art.quotes.len()
            );
            for n in p_set.difference(&g_set) {
                println!("   person not marked: {n}");
            }
            for n in g_set.difference(&p_set) {
                println!("   person missed: {n}");
            }
        }

        // quotes
        let gold: Vec<Vec<Range<usize>>> = art
            .quotes
            .iter()
            .map(|g| {
                assert!(
                    matches!(g.kind.as_str(), "direct" | "reported"),
                    "{}: kind {:?}",
                    art.file,
                    g.kind
                );
                assert!(
                    matches!(g.speaker_kind.as_str(), "person" | "organisation" | "unnamed"),
                    "{}: speaker_kind {:?}",
                    art.file,
                    g.speaker_kind
                );
                let at = locate(body, &g.text);
                if at.is_empty() && verbose {
                    println!("   (annotation text not in {}: {:?})", art.file, g.text);
                }
                at
            })
            .collect();
        s.quotes_predicted += predicted.len();
        s.gold_quotes += art.quotes.len();
        for q in &predicted {
            if gold.iter().any(|g| covers(g, q)) {
                s.quotes_matching += 1;
            } else if verbose {
                println!(
                    "   not a marked quote: [{} / {}] {:?}",
                    q.speaker,
                    q.speaker_kind.label(),
                    &body[q.range.clone()]
                );
            }
        }
        for (g, at) in art.quotes.iter().zip(&gold) {
            let hits: Vec<&Quote> = predicted.iter().filter(|q| covers(at, q)).collect();
            if hits.is_empty() {
                if verbose {
                    println!("   quote missed: [{}] {:?}", g.speaker, g.text);
                }
                continue;
            }
            s.gold_found += 1;
            if hits.iter().any(|q| same_speaker(ex, q, g)) {
                s.speaker_right += 1;
            } else if verbose {
                let who: Vec<String> = hits
                    .iter()
                    .map(|q| format!("{} / {}", q.speaker, q.speaker_kind.label()))
                    .collect();
                println!("   wrong speaker: [{}] got {:?}: {:?}", g.speaker, who, g.text);
            }
        }
    }
    Some((s, fixture.article.len()))
}

#[test]
fn development_set() {
    let ex = Extractor::bundled();
    let (s, n) = score(
        &ex,
        "tests/fixtures/speakers_dev",
        "tests/fixtures/speakers_dev.toml",
        true,
    )
    .expect("the development set is there");
    println!("development set, {n} articles (the rules were written against it)");
    s.print("dev");
    assert!(n >= 40, "the development set has {n} articles");
    assert!(s.people_p() >= 0.96, "people precision {:.3}", s.people_p());
    assert!(s.people_r() >= 0.93, "people recall {:.3}", s.people_r());
    assert!(s.quote_p() >= 0.95, "quote precision {:.3}", s.quote_p());
    assert!(s.quote_f1() >= 0.95, "quote F1 {:.3}", s.quote_f1());
    assert!(s.speaker_acc() >= 0.95, "speaker accuracy {:.3}", s.speaker_acc());
}

#[test]
fn held_out_set() {
    let ex = Extractor::bundled();
    // aggregate figures only: the held-out set is never read for the rules
    let Some((s, n)) = score(
        &ex,
        "tests/fixtures/speakers_holdout",
        "tests/fixtures/speakers_holdout.toml",
        false,
    ) else {
        println!("no held-out set");
        return;
    };
    println!("held-out set, {n} articles (never read while writing the rules)");
    s.print("holdout");
    assert!(s.people_p() >= 0.95, "people precision {:.3}", s.people_p());
    assert!(s.people_r() >= 0.88, "people recall {:.3}", s.people_r());
    assert!(s.quote_p() >= 0.95, "quote precision {:.3}", s.quote_p());
    assert!(s.quote_f1() >= 0.91, "quote F1 {:.3}", s.quote_f1());
    assert!(s.speaker_acc() >= 0.91, "speaker accuracy {:.3}", s.speaker_acc());
}

#[test]
fn wire_set() {
    let ex = Extractor::bundled();
    let (s, n) = score(
        &ex,
        "tests/fixtures/news_wire",
        "tests/fixtures/news_wire.toml",
        true,
    )
    .expect("the wire set is there");
    println!("wire set, {n} articles (written later; the rules were then fixed against it)");
    s.print("wire");
    assert!(n >= 20, "the wire set has {n} articles");
    // before the fixes: people P 0.974 R 0.905; quotes P 0.952 R 0.960 F1
    // 0.956; speaker right 0.917. The floors sit a little under the figures
    // after them (people 1.000 / 0.976; quotes 1.000 / 0.976 / 0.988;
    // speaker 0.992).
    assert!(s.people_p() >= 0.97, "people precision {:.3}", s.people_p());
    assert!(s.people_r() >= 0.92, "people recall {:.3}", s.people_r());
    assert!(s.quote_p() >= 0.97, "quote precision {:.3}", s.quote_p());
    assert!(s.quote_f1() >= 0.96, "quote F1 {:.3}", s.quote_f1());
    assert!(s.speaker_acc() >= 0.94, "speaker accuracy {:.3}", s.speaker_acc());
}
