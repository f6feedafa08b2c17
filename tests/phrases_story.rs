//! Does the mined phrase ranking put formulas first and keep names out?
//!
//! The corpus: the five bundled articles plus the invented story of
//! `tests/fixtures/story` (26 articles on one diplomatic story from many
//! outlets, some hard-wrapped), whose `expected.toml` lists the formulas an
//! analyst would highlight, the names and titles, and common phrases. The
//! test prints the top 30 mined rows and fails when fewer than three
//! quarters of the expected formulas reach them, or when more than three
//! names do. Run with `-- --nocapture` to see the figures.

use readout::analysis::phrases::{Doc, MineOptions, MinedPhrase, PhraseKind, normalize_phrase, variant_key};
use serde::Deserialize;

#[path = "support/bundled.rs"]
mod bundled;

use bundled::Article;

const TOP: usize = 30;

#[derive(Deserialize)]
struct Expected {
    formulas: Vec<Formula>,
    names: Vec<String>,
    common: Vec<String>,
    article: Vec<ArticleMeta>,
}

#[derive(Deserialize)]
struct Formula {
    phrase: String,
    variants: Vec<String>,
}

#[derive(Deserialize)]
struct ArticleMeta {
    file: String,
    outlet: Option<String>,
}

fn story() -> (Vec<Article>, Expected) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/story");
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(format!("{dir}/expected.toml")).unwrap()).unwrap();
    let articles = expected
        .article
        .iter()
        .map(|a| Article {
            name: a.file.clone(),
            source: a.outlet.clone(),
            body: std::fs::read_to_string(format!("{dir}/{}", a.file)).unwrap(),
        })
        .collect();
    (articles, expected)
}

/// The words of a normalised phrase, padded for whole-word containment.
fn padded(p: &str) -> String {
    format!(" {} ", normalize_phrase(p))
}

/// Does a mined row stand for this phrase (one of its forms): the same
/// merge key, or one inside the other, word for word?
fn stands_for(row: &MinedPhrase, forms: &[String]) -> bool {
    let row_forms: Vec<&str> = std::iter::once(row.phrase.as_str())
        .chain(row.variants.iter().map(String::as_str))
        .collect();
    forms.iter().any(|f| {
        row_forms.iter().any(|r| {
            variant_key(r) == variant_key(&normalize_phrase(f))
                || (r.split(' ').count() >= 2 && padded(f).contains(&padded(r)))
        })
    })
}

#[test]
fn formulas_reach_the_top_and_names_do_not() {
    let (story, expected) = story();
    let articles: Vec<Article> = bundled::articles().into_iter().chain(story).collect();
    let docs: Vec<Doc> = articles
        .iter()
        .map(|a| Doc {
            text: &a.body,
            source: a.source.as_deref(),
        })
        .collect();
    let (mined, _) = readout::analysis::phrases::mine_sampled(&docs, &MineOptions::default());
    let formulas: Vec<&MinedPhrase> = mined.iter().filter(|m| m.kind == PhraseKind::Formula).collect();
    let top: Vec<&MinedPhrase> = formulas.iter().take(TOP).copied().collect();

    println!("top {TOP} mined formulas of {} articles:", docs.len());
    for (i, m) in top.iter().enumerate() {
        println!(
            "{:>3} {:<60} articles {:>2} outlets {:>2} quoted {:>2} key {:.2} fixed {:.2} weight {:.2}{}",
            i + 1,
            m.phrase,
            m.docs.len(),
            m.outlets,
            m.quoted,
            m.keyness,
            m.fixedness,
            m.weight,
            if m.variants.is_empty() {
                String::new()
            } else {
                format!("  (+ {})", m.variants.join(" / "))
            }
        );
    }
    let names: Vec<&MinedPhrase> = mined.iter().filter(|m| m.kind == PhraseKind::Name).collect();
    println!(
        "names section ({}): {}",
        names.len(),
        names
            .iter()
            .take(15)
            .map(|m| m.phrase.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );

    let mut found = 0;
    for f in &expected.formulas {
        let forms: Vec<String> = std::iter::once(f.phrase.clone())
            .chain(f.variants.clone())
            .collect();
        let at = formulas.iter().position(|m| stands_for(m, &forms));
        match at {
            Some(i) if i < TOP => found += 1,
            _ => {}
        }
        println!(
            "formula {:<70} rank {}",
            f.phrase,
            at.map_or("-".into(), |i| (i + 1).to_string())
        );
    }
    let name_rows: Vec<&str> = top
        .iter()
        .filter(|m| {
            expected
                .names
                .iter()
                .any(|n| stands_for(m, std::slice::from_ref(n)))
                && !expected.formulas.iter().any(|f| {
                    let forms: Vec<String> = std::iter::once(f.phrase.clone())
                        .chain(f.variants.clone())
                        .collect();
                    stands_for(m, &forms)
                })
        })
        .map(|m| m.phrase.as_str())
        .collect();
    for c in &expected.common {
        let at = formulas
            .iter()
            .position(|m| stands_for(m, std::slice::from_ref(c)));
        println!(
            "common  {:<70} rank {}",
            c,
            at.map_or("-".into(), |i| (i + 1).to_string())
        );
    }
    let common_top = expected
        .common
        .iter()
        .filter(|c| top.iter().any(|m| stands_for(m, std::slice::from_ref(c))))
        .count();
    println!(
        "formulas in the top {TOP}: {found} of {}; names there: {} {name_rows:?}; common phrases there: {common_top} of {}",
        expected.formulas.len(),
        name_rows.len(),
        expected.common.len()
    );
    assert!(
        found * 4 >= expected.formulas.len() * 3,
        "only {found} of {} formulas in the top {TOP}",
        expected.formulas.len()
    );
    assert!(name_rows.len() <= 3, "names in the top {TOP}: {name_rows:?}");
}
