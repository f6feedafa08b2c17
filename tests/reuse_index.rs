//! The most-similar index on generated corpora.

#[path = "../benches/support/synth.rs"]
mod synth;

use readout::analysis::reuse::{SimilarityIndex, compare};

fn body(file: &str) -> &str {
    let rest = file.strip_prefix("---\n").unwrap_or(file);
    rest.find("\n---\n").map_or(rest, |end| &rest[end + 5..])
}

fn bodies(n: usize, seed: u64) -> Vec<String> {
    synth::corpus(n, 600, seed)
        .files
        .iter()
        .map(|(_, t)| body(t).to_string())
        .collect()
}

fn refs(docs: &[String]) -> Vec<&str> {
    docs.iter().map(String::as_str).collect()
}

#[test]
fn a_copy_of_most_of_an_article_ranks_it_first() {
    let mut docs = bodies(1000, 11);
    for (x, y) in [(10, 500), (20, 21), (999, 0), (300, 301)] {
        // x: most of y's paragraphs, reordered and lightly edited, with two of
        // x's own paragraphs around them
        let own: Vec<String> = docs[x].split("\n\n").map(str::to_string).collect();
        let mut copied: Vec<String> = docs[y]
            .split("\n\n")
            .enumerate()
            .filter(|(i, _)| i % 5 != 4)
            .map(|(i, p)| {
                if i % 2 == 0 {
                    p.replacen(" the ", " a ", 1)
                } else {
                    p.to_string()
                }
            })
            .collect();
        copied.rotate_left(3);
        docs[x] = format!("{}\n\n{}\n\n{}", own[0], copied.join("\n\n"), own[own.len() - 2]);
    }
    let ix = SimilarityIndex::build(&refs(&docs));
    for (x, y) in [(10u32, 500u32), (20, 21), (999, 0), (300, 301)] {
        let top = ix.most_similar(x, 3);
        assert_eq!(top[0].0, y, "{x}: {top:?}");
        assert!(top[0].1 > 0.4, "{top:?}");
        assert!(top.get(1).is_none_or(|h| h.1 < 0.3), "{top:?}");
        assert_eq!(ix.most_similar(y, 1)[0].0, x);
    }
}

#[test]
fn the_index_finds_the_articles_sharing_passages() {
    let docs = bodies(500, 5);
    let docs = refs(&docs);
    let ix = SimilarityIndex::build(&docs);
    let (mut sharing, mut found) = (0, 0);
    for q in [0u32, 3] {
        let hits = ix.most_similar(q, usize::MAX);
        for (i, d) in docs.iter().enumerate() {
            if i == q as usize {
                continue;
            }
            let c = compare(docs[q as usize], d);
            let longest = c.passages.iter().map(|p| p.words).max().unwrap_or(0);
            let hit = hits.iter().find(|h| h.0 == i as u32);
            // precision: whatever the index ranks somewhat similar does share
            // text
            if let Some(&(_, score)) = hit
                && score >= 0.03
            {
                assert!(!c.passages.is_empty(), "{q} ~ {i}: {score}");
            }
            // recall: sharing a wire paragraph (40+ words) is nearly always
            // seen
            if longest >= 30 {
                sharing += 1;
                found += usize::from(hit.is_some());
            }
        }
    }
    println!("{found} of {sharing} found");
    assert!(sharing >= 20, "{sharing}");
    assert!(found * 100 >= sharing * 90, "{found} of {sharing}");
}

#[test]
fn results_are_ranked_limited_and_exclude_the_query() {
    let docs = bodies(400, 9);
    let ix = SimilarityIndex::build(&refs(&docs));
    assert_eq!(ix.len(), 400);
    for q in 0..40u32 {
        let all = ix.most_similar(q, usize::MAX);
        assert!(all.iter().all(|&(id, s)| id != q && s > 0.0 && s <= 1.0));
        assert!(
            all.windows(2)
                .all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0))
        );
        let five = ix.most_similar(q, 5);
        assert_eq!(five[..], all[..all.len().min(5)]);
        for &(id, s) in &all {
            assert_eq!(ix.similarity(id, q), s);
        }
    }
}

#[test]
fn push_matches_build() {
    let docs = bodies(50, 3);
    let built = SimilarityIndex::build(&refs(&docs));
    let mut pushed = SimilarityIndex::new();
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(pushed.push(d), i as u32);
    }
    for q in 0..50 {
        assert_eq!(built.most_similar(q, 10), pushed.most_similar(q, 10));
    }
}
