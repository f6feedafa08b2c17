//! Word counts per article, made once, so counting a set of articles'
//! words is sums over small sorted lists rather than a pass over text.

use rayon::prelude::*;
use std::collections::HashMap;

use crate::analysis::phrases::is_stopword;
use crate::analysis::text::{normalize_word, words};
use crate::index::Index;
use crate::store::ArticleId;

/// Articles per chunk when counting in parallel.
const CHUNK: usize = 512;

/// A chunk's local vocabulary, each article's (local id, count), and word totals.
type Chunk = (Vec<String>, Vec<Vec<(u32, u16)>>, Vec<u32>);

/// Each article's content words (lowercased; stopwords, numbers and
/// one-letter words left out) with their counts, and its count of all words.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// The words, by term id.
    vocab: Vec<Box<str>>,
    /// Per article id: its entries are `ids[offsets[a]..offsets[a + 1]]`.
    offsets: Vec<usize>,
    ids: Vec<u32>,
    counts: Vec<u16>,
    /// Per article id: every word counted (stopwords too).
    totals: Vec<u32>,
    /// Per term: (articles, occurrences) over every article counted, so the
    /// rest of the corpus is this less a target.
    all: (Vec<u32>, Vec<u64>),
    /// Which articles were live when counted.
    live: Vec<bool>,
}

fn keep(word: &str) -> bool {
    word.chars().count() > 1 && !word.chars().all(|c| c.is_numeric()) && !is_stopword(word)
}

impl Terms {
    /// Counts the words of every article of `index` (a removed one has none).
    pub fn build(index: &Index) -> Terms {
        Terms::from_bodies(&Terms::bodies(index))
    }

    /// Every article's text by id (None: removed), shared, not copied: what
    /// [`Terms::from_bodies`] reads, so the counting can go to another thread.
    pub fn bodies(index: &Index) -> Vec<Option<std::sync::Arc<str>>> {
        (0..index.len() as ArticleId)
            .map(|id| {
                index
                    .article(id)
                    .filter(|_| index.is_live(id))
                    .map(|a| a.body.clone())
            })
            .collect()
    }

    /// Counts the words of these texts (by article id; None: a removed article).
    pub fn from_bodies(bodies: &[Option<std::sync::Arc<str>>]) -> Terms {
        let n = bodies.len();
        // per chunk: a local vocabulary and each article's (local id, count);
        // every word is looked up once (stopwords too: whether a word is kept
        // is decided once per chunk), counts go to a dense array
        let chunks: Vec<Chunk> = (0..n)
            .collect::<Vec<_>>()
            .par_chunks(CHUNK)
            .map(|ids| {
                let mut local: HashMap<Box<str>, u32, foldhash::fast::RandomState> = HashMap::default();
                let mut names: Vec<String> = Vec::new();
                let mut kept: Vec<bool> = Vec::new();
                let mut dense: Vec<u16> = Vec::new();
                let mut touched: Vec<u32> = Vec::new();
                let mut per = Vec::with_capacity(ids.len());
                let mut totals = Vec::with_capacity(ids.len());
                let mut lower = String::new();
                for &id in ids {
                    let mut total = 0u32;
                    if let Some(body) = &bodies[id] {
                        for w in words(body) {
                            total += 1;
                            let norm: &str = if w.text.bytes().all(|b| b.is_ascii_lowercase()) {
                                w.text
                            } else if w.text.is_ascii() && !w.text.contains('\'') {
                                lower.clear();
                                lower.extend(w.text.chars().map(|c| c.to_ascii_lowercase()));
                                &lower
                            } else {
                                lower.clear();
                                lower.push_str(&normalize_word(w.text));
                                &lower
                            };
                            let t = match local.get(norm) {
                                Some(&t) => t,
                                None => {
                                    let t = names.len() as u32;
                                    names.push(norm.to_string());
                                    kept.push(keep(norm));
                                    dense.push(0);
                                    local.insert(norm.into(), t);
                                    t
                                }
                            };
                            if !kept[t as usize] {
                                continue;
                            }
                            let c = &mut dense[t as usize];
                            if *c == 0 {
                                touched.push(t);
                            }
                            *c = c.saturating_add(1);
                        }
                    }
                    touched.sort_unstable();
                    let list: Vec<(u32, u16)> = touched
                        .iter()
                        .map(|&t| (t, std::mem::take(&mut dense[t as usize])))
                        .collect();
                    touched.clear();
                    per.push(list);
                    totals.push(total);
                }
                // only the kept words go to the global vocabulary
                let names = names
                    .into_iter()
                    .zip(kept)
                    .map(|(w, k)| if k { w } else { String::new() })
                    .collect();
                (names, per, totals)
            })
            .collect();
        let mut global: HashMap<Box<str>, u32, foldhash::fast::RandomState> = HashMap::default();
        let mut t = Terms {
            offsets: Vec::with_capacity(n + 1),
            ..Terms::default()
        };
        t.offsets.push(0);
        for (names, per, totals) in chunks {
            let map: Vec<u32> = names
                .into_iter()
                .map(|w| {
                    if w.is_empty() {
                        return u32::MAX;
                    }
                    match global.get(w.as_str()) {
                        Some(&g) => g,
                        None => {
                            let g = t.vocab.len() as u32;
                            let w: Box<str> = w.into_boxed_str();
                            t.vocab.push(w.clone());
                            global.insert(w, g);
                            g
                        }
                    }
                })
                .collect();
            for list in per {
                for (l, c) in list {
                    t.ids.push(map[l as usize]);
                    t.counts.push(c);
                }
                t.offsets.push(t.ids.len());
            }
            t.totals.extend(totals);
        }
        t.live = bodies.iter().map(Option::is_some).collect();
        let every: Vec<ArticleId> = (0..n as ArticleId).collect();
        t.all = t.sums(&every);
        t
    }

    /// True when these counts were made from `index` as it is now (the same
    /// articles, the same ones live).
    pub fn matches(&self, index: &impl super::SurveyData) -> bool {
        self.live.len() == index.len()
            && self
                .live
                .iter()
                .enumerate()
                .all(|(id, &l)| index.is_live(id as ArticleId) == l)
    }

    /// Per term: (articles, occurrences) over every article counted (the
    /// live ones when built).
    pub fn all_sums(&self) -> (&[u32], &[u64]) {
        (&self.all.0, &self.all.1)
    }

    /// Bytes held for the counts (about 6 per distinct word of each article).
    pub fn bytes(&self) -> usize {
        self.ids.len() * 4 + self.counts.len() * 2 + self.offsets.len() * 8 + self.totals.len() * 4
    }

    /// Articles counted (the index's length when built).
    pub fn len(&self) -> usize {
        self.totals.len()
    }

    pub fn is_empty(&self) -> bool {
        self.totals.is_empty()
    }

    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    pub fn word(&self, term: u32) -> &str {
        self.vocab.get(term as usize).map_or("", |w| w)
    }

    /// The id of a (normalised) word.
    pub fn term_id(&self, word: &str) -> Option<u32> {
        self.vocab.iter().position(|w| &**w == word).map(|i| i as u32)
    }

    /// (term, count) of an article's content words, by term id.
    pub fn of(&self, id: ArticleId) -> impl Iterator<Item = (u32, u16)> + '_ {
        let i = id as usize;
        let range = match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        };
        self.ids[range.clone()]
            .iter()
            .copied()
            .zip(self.counts[range].iter().copied())
    }

    /// Every word of an article, stopwords too.
    pub fn total(&self, id: ArticleId) -> u32 {
        self.totals.get(id as usize).copied().unwrap_or(0)
    }

    /// Per term: (articles holding it, occurrences) over `ids`.
    pub fn sums(&self, ids: &[ArticleId]) -> (Vec<u32>, Vec<u64>) {
        let mut docs = vec![0u32; self.vocab.len()];
        let mut occ = vec![0u64; self.vocab.len()];
        for &id in ids {
            for (t, c) in self.of(id) {
                docs[t as usize] += 1;
                occ[t as usize] += u64::from(c);
            }
        }
        (docs, occ)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Article, Corpus};

    #[test]
    fn counts_content_words() {
        let ix = Index::new(Corpus::new(vec![
            Article::from_text(
                "a.txt",
                "Rock solid\n\nThe ties are rock solid, rock-solid: 2023 a.",
                false,
            ),
            Article::from_text("b.txt", "Kremlin\n\nNo limits. Ties!", false),
        ]));
        let t = Terms::build(&ix);
        let words = |id| {
            let mut v: Vec<(String, u16)> = t.of(id).map(|(w, c)| (t.word(w).to_string(), c)).collect();
            v.sort();
            v
        };
        assert_eq!(
            words(0),
            [("rock".into(), 3), ("solid".into(), 3), ("ties".into(), 1)]
        );
        assert_eq!(
            words(1),
            [("kremlin".into(), 1), ("limits".into(), 1), ("ties".into(), 1)]
        );
        assert_eq!(t.total(0), 11);
        let ix2 = Index::new(Corpus::new(vec![Article::from_text(
            "c.txt",
            "Beijing’s BEIJING'S beijing's Beijing",
            false,
        )]));
        let t2 = Terms::build(&ix2);
        let mut w: Vec<(String, u16)> = t2.of(0).map(|(w, c)| (t2.word(w).to_string(), c)).collect();
        w.sort();
        assert_eq!(w, [("beijing".into(), 1), ("beijing's".into(), 3)]);
        let (docs, occ) = t.sums(&[0, 1]);
        let ties = t.term_id("ties").unwrap() as usize;
        assert_eq!((docs[ties], occ[ties]), (2, 2));
    }
}
