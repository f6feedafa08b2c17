//! Narrowing big picker views (a concordance, a speaker's quotes) a slice at
//! a time, between frames, finds exactly what narrowing them at once does.

#[path = "../benches/support/synth.rs"]
mod synth;

mod support;

use crossterm::event::{KeyCode, KeyModifiers};
use std::time::Duration;

use readout::app::{InputEdit, KwicState, Picker, QuotesState, Screen};
use readout::concordance::{self, Occurrences, PhraseRef};
use readout::index::Index;
use readout::store::{Article, Corpus};
use support::Harness;

/// `n` generated articles of about 300 words, analysed and mined.
fn synth_index(n: usize) -> Index {
    let mut index = synth_unmined(n, 300, 7);
    index.mine_phrases(&Default::default());
    index
}

/// `n` generated articles of about `words` words, analysed.
fn synth_unmined(n: usize, words: usize, seed: u64) -> Index {
    let articles: Vec<Article> = synth::corpus(n, words, seed)
        .files
        .iter()
        .map(|(name, text)| Article::from_text(name.clone(), text, false))
        .collect();
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    Index::with_facts(Corpus::new(articles), facts)
}

/// The rows a picker over `labels` shows for `query`, narrowed at once.
fn at_once(labels: &[(String, String)], query: &str) -> Vec<usize> {
    let mut p = Picker::new(labels.len());
    for c in query.chars() {
        p.edit(InputEdit::Insert(c), labels);
    }
    p.rows
}

/// A line's label for narrowing: its text, and the article's outlet, date
/// and title (what the Article column shows, matched by `in:word`).
fn with_article(label: String, index: &Index, id: u32) -> (String, String) {
    let a = index.article(id).unwrap();
    let article = [
        a.meta.source.as_deref(),
        a.meta.date.as_deref(),
        Some(a.meta.title.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    (label, article)
}

/// The concordance on screen.
fn kwic(h: &Harness) -> &KwicState {
    match h.app.screen() {
        Screen::Kwic(k) => k,
        other => panic!("not a concordance: {other:?}"),
    }
}

/// The quotes view on screen.
fn quotes(h: &Harness) -> &QuotesState {
    match h.app.screen() {
        Screen::Quotes(q) => q,
        other => panic!("not a quotes view: {other:?}"),
    }
}

/// The labels of every line of the concordance on screen, made at once.
fn kwic_labels(h: &Harness) -> Vec<(String, String)> {
    let k = kwic(h);
    concordance::lines(&h.app.index, &k.occ.all(&h.app.index), k.context)
        .iter()
        .map(|l| {
            let label = format!("{} {} {}", l.kwic.left, l.kwic.matched, l.kwic.right);
            with_article(label, &h.app.index, l.article)
        })
        .collect()
}

#[test]
fn typing_an_outlet_narrows_a_concordance_to_its_lines() {
    let mut h = Harness::bundled(120, 34);
    h.key(KeyCode::Char('p'))
        .key(KeyCode::Char('/'))
        .type_str("rock")
        .key(KeyCode::Tab);
    assert!(h.screen().contains("6 occurrences"));
    // the outlet is matched when asked for (in:word); "libertywire.net
    // (CNSNews.com)" is the outlet CNSNews
    h.key(KeyCode::Char('/')).type_str("in:cnsnews");
    let s = h.screen();
    assert!(s.contains("in:cnsnews   3 of them"), "{s}");
    assert!(!s.contains("South China"), "{s}");
    // a plain word matches the line's own text only
    h.key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL)
        .type_str("libertywire");
    let s = h.screen();
    assert!(s.contains("libertywire   0 of them"), "{s}");
}

#[test]
fn a_speakers_quotes_narrow_by_their_text_not_their_articles_titles() {
    let mut h = Harness::bundled(120, 34);
    h.key(KeyCode::Char('s'))
        .key(KeyCode::Char('/'))
        .type_str("wang yi")
        .key(KeyCode::Tab);
    let total = quotes(&h).items.len();
    // two articles have "rock solid" in their titles: only the quotes that
    // say it stay
    h.key(KeyCode::Char('/')).type_str("rock solid");
    let s = h.screen();
    let q = quotes(&h);
    let kept: Vec<String> = q
        .picker
        .rows
        .iter()
        .map(|&i| q.label(&h.app.index, i).to_lowercase())
        .collect();
    assert!(!kept.is_empty() && kept.len() < total, "{s}");
    for quote in &kept {
        assert!(
            quote.contains("rock") && quote.contains("solid"),
            "{quote:?}\n{s}"
        );
    }
    let in_titles = q
        .items
        .iter()
        .filter(|(id, _)| {
            let title = h.app.index.article(*id).unwrap().meta.title.to_lowercase();
            title.contains("rock solid")
        })
        .count();
    assert!(kept.len() < in_titles, "{} of {in_titles}", kept.len());
    // in:word narrows by the article
    h.key_mod(KeyCode::Char('u'), KeyModifiers::CONTROL)
        .type_str("in:rock");
    h.screen();
    assert!(quotes(&h).picker.rows.len() >= in_titles);
}

#[test]
fn a_big_concordance_narrows_to_what_narrowing_at_once_finds() {
    let mut h = Harness::with_index(synth_index(1500), 120, 30);
    h.key(KeyCode::Char('p'))
        .key(KeyCode::Char('/'))
        .type_str("rock solid")
        .key(KeyCode::Tab);
    let s = h.screen();
    assert!(s.contains("Concordance · “rock solid”"), "{s}");
    let total = kwic(&h).occ.len();
    assert!(total > 300, "{total} occurrences");
    h.key(KeyCode::Char('/')).type_str("said");
    let s = h.screen();
    let k = kwic(&h);
    assert_eq!(k.picker.narrowing(), None);
    let labels = kwic_labels(&h);
    let expected = at_once(&labels, "said");
    assert!(
        !expected.is_empty() && expected.len() < total,
        "{} of {total}",
        expected.len()
    );
    assert_eq!(k.picker.rows, expected);
    assert!(s.contains(&format!("{} of them", expected.len())), "{s}");
    // Backspace to nothing: every line again, at once
    h.key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .key(KeyCode::Backspace);
    assert_eq!(kwic(&h).picker.rows.len(), total);
}

#[test]
fn a_speakers_quotes_narrow_to_what_narrowing_at_once_finds() {
    let mut h = Harness::with_index(synth_index(1500), 120, 30);
    h.key(KeyCode::Char('s'))
        .key(KeyCode::Char('/'))
        .type_str("wang yi")
        .key(KeyCode::Tab);
    let q = quotes(&h);
    let total = q.items.len();
    assert!(total > 100, "{total} quotes");
    let labels: Vec<(String, String)> = (0..total)
        .map(|i| with_article(q.label(&h.app.index, i), &h.app.index, q.items[i].0))
        .collect();
    // a quote far down stays selected, and in view, once narrowing finds it
    for _ in 0..60 {
        h.key(KeyCode::Down);
    }
    let chosen = quotes(&h).picker.current().unwrap();
    let word: String = labels[chosen].0.split_whitespace().next().unwrap().to_lowercase();
    h.key(KeyCode::Char('/')).type_str(&word);
    h.screen();
    let p = &quotes(&h).picker;
    assert_eq!(p.current(), Some(chosen), "{word}");
    let height = h.app.picker_height(readout::app::layout::QUOTE_PREVIEW_LINES);
    assert!(
        p.cursor.selected >= p.cursor.offset && p.cursor.selected < p.cursor.offset + height,
        "{:?}",
        p.cursor
    );
    for _ in 0..word.chars().count() {
        h.key(KeyCode::Backspace);
    }
    h.type_str("the");
    let s = h.screen();
    assert!(s.contains("What Wang Yi said"), "{s}");
    let q = quotes(&h);
    let expected = at_once(&labels, "the");
    assert!(
        !expected.is_empty() && expected.len() < total,
        "{} of {total}",
        expected.len()
    );
    assert_eq!(q.picker.rows, expected);
}

#[test]
fn typing_while_a_concordance_is_still_searched_finds_every_line() {
    // a phrase searched for over more articles than one search step takes
    // (2,048), so the search is still under way when the first key comes
    let mut h = Harness::with_index(synth_unmined(2600, 60, 9), 120, 30);
    let index = &h.app.index;
    // every article fifty times over: a search of many steps
    let ids: Vec<u32> = (0..50).flat_map(|_| 0..index.len() as u32).collect();
    let mut occ = Occurrences::start(index, &PhraseRef::Text("said".into()), Some(&ids));
    occ.step(index, Duration::ZERO);
    assert!(occ.progress().is_some(), "the search goes on between frames");
    h.app.push(Screen::Kwic(KwicState {
        title: "said".into(),
        picker: Picker::new(occ.len()),
        occ,
        labels: Vec::new(),
        context: 40,
    }));
    h.key(KeyCode::Char('/')).type_str("zan");
    if kwic(&h).picker.narrowing().is_some() {
        let s = h.drawn();
        assert!(s.contains("so far · narrowing"), "{s}");
    }
    h.screen();
    let k = kwic(&h);
    assert_eq!(k.occ.progress(), None);
    let labels = kwic_labels(&h);
    assert!(labels.len() > 100, "{} lines", labels.len());
    let expected = at_once(&labels, "zan");
    assert!(!expected.is_empty() && expected.len() < labels.len());
    assert_eq!(k.picker.rows, expected);
}
