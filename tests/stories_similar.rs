//! The most-similar list agrees with compare on the bundled articles and
//! the story fixture: every article compare finds a shared passage with is
//! listed, with compare's own figures.

use std::path::Path;

use readout::analysis::reuse::compare;
use readout::analysis::stories::{StoryDoc, StoryIndex, StoryOptions, rank_similar};
use readout::store::{Article, bundled_articles};

fn fixture() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/story");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            Article::from_text(
                p.display().to_string(),
                &std::fs::read_to_string(p).unwrap(),
                false,
            )
        })
        .collect()
}

#[test]
fn every_article_sharing_a_passage_is_listed_with_compares_figures() {
    let mut articles = bundled_articles();
    articles.extend(fixture());
    let texts: Vec<&str> = articles.iter().map(|a| &*a.body).collect();
    let docs: Vec<StoryDoc> = texts
        .iter()
        .map(|t| StoryDoc {
            text: t,
            ..StoryDoc::default()
        })
        .collect();
    let index = StoryIndex::build(&docs, StoryOptions::default());
    let mut sharing = 0;
    for q in 0..texts.len() {
        let list = rank_similar(
            &index,
            q as u32,
            |i| texts.get(i as usize).copied(),
            &[],
            texts.len(),
        );
        for (o, other) in texts.iter().enumerate() {
            if o == q {
                continue;
            }
            let c = compare(texts[q], other);
            let row = list.iter().find(|s| s.id as usize == o);
            if !c.passages.is_empty() {
                sharing += 1;
                let row = row.unwrap_or_else(|| {
                    panic!("{} shares a passage with {}", articles[q].path, articles[o].path)
                });
                assert_eq!(row.passages, c.passages.len());
                assert_eq!(row.a_shared, c.a_shared);
                assert!(row.score > 0.0);
            }
        }
    }
    println!("{sharing} ordered pairs share a passage; every one is listed");
    assert!(sharing > 0);
}
