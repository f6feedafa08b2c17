//! The stories view, a story's articles, compare from there, and the
//! compare view beyond verbatim, through the real key → action → update
//! path on a TestBackend, over the invented story corpus
//! (`tests/fixtures/story/`: three reports of one press conference among
//! them, `press-conference-*.txt`).

mod support;

use std::path::Path;

use crossterm::event::KeyCode;
use readout::app::{Screen, StoriesState};
use readout::index::Index;
use readout::store::{Article, Corpus};
use support::Harness;

/// The articles of a fixture folder, sorted by file name, analysed as the
/// app analyses them.
fn fixture_index(dirs: &[&str]) -> Index {
    let mut articles: Vec<(String, Article)> = Vec::new();
    for dir in dirs {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for e in std::fs::read_dir(root).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).unwrap();
                articles.push((name.clone(), Article::from_text(name, &text, false)));
            }
        }
    }
    articles.sort_by(|a, b| a.0.cmp(&b.0));
    let articles: Vec<Article> = articles
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut a))| {
            a.id = i as u32;
            a
        })
        .collect();
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    Index::with_facts(Corpus::new(articles), facts)
}

fn stories(h: &Harness) -> &StoriesState {
    match h.app.screen() {
        Screen::Stories(s) => s,
        other => panic!("not the stories view: {other:?}"),
    }
}

#[test]
fn stories_view_lists_the_groups() {
    let mut h = Harness::with_index(fixture_index(&["tests/fixtures/story"]), 120, 30);
    h.key(KeyCode::Char('S'));
    let s = h.screen();
    println!("{s}");
    assert!(!stories(&h).rows.is_empty(), "{s}");
}
