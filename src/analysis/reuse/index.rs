//! [`SimilarityIndex`]: one-permutation MinHash sketches of word shingles,
//! ranked by estimated Jaccard resemblance.
//!
//! Each document becomes its set of word [`SHINGLE`]-grams (normalised and
//! name-folded like [`compare`](super::compare) does), each hashed once to 64
//! bits. The top 7 bits of a shingle's hash pick one of [`BINS`] bins, the
//! other 57 bits are its value; every bin keeps the smallest value that fell
//! into it (one-permutation hashing, Li, Owen & Zhang 2012). So building costs
//! one hash per shingle, not one per shingle per permutation. A bin stores
//! only a 16-bit fingerprint of its minimum (b-bit minwise hashing), `0`
//! meaning "empty": a sketch is 128 × 2 = 256 bytes, whatever the length of
//! the document.
//!
//! For two documents, a bin *matches* when both hold the same fingerprint,
//! which happens (up to fingerprint collisions, 1 in 65,536) exactly when the
//! smallest shingle of the union in that bin is in both. So
//!
//! ```text
//! similarity = matching bins / (BINS − bins empty in both)
//! ```
//!
//! estimates the Jaccard resemblance |A ∩ B| / |A ∪ B| of the shingle sets,
//! with a standard error of about √(J(1 − J)/128): ±0.02 for J = 0.05, ±0.04
//! for J = 0.3. Identical documents score 1, documents sharing nothing 0.
//!
//! [`SimilarityIndex::most_similar`] compares the query's sketch with every
//! other sketch: 128 two-byte comparisons per document, a loop the compiler
//! vectorises, so about 0.3 ms per 10,000 documents and no further
//! memory than the sketches. To keep out chance matches (a fingerprint
//! collision), a document needs two matching bins to be listed, unless the
//! documents are so short that one bin is half their union.
//!
//! The scores are estimates, good for ranking and for picking what to compare;
//! for the exact shared passages of a pair, run [`compare`](super::compare).

use rayon::prelude::*;

use super::tokens::{ngram_hash, word_hashes_into};

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Bins (sketch values) per document.
pub const BINS: usize = 128;

/// One document's sketch: a 16-bit fingerprint per bin, 0 for an empty bin.
/// Made with [`Sketch::of`] anywhere (a loader thread), added with
/// [`SimilarityIndex::push_sketch`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sketch([u16; BINS]);

impl Sketch {
    /// The sketch of one document.
    pub fn of(doc: &str) -> Sketch {
        Sketch(sketch(doc))
    }
}

impl Default for Sketch {
    fn default() -> Self {
        Sketch([0; BINS])
    }
}

/// Ranks documents by how much text they share, from MinHash sketches. Doc
/// ids are positions: the order of [`build`](Self::build)'s slice, then one
/// more per [`push`](Self::push). Each document costs 256 bytes.
#[derive(Debug, Clone, Default)]
pub struct SimilarityIndex {
    sketches: Vec<[u16; BINS]>,
}

impl SimilarityIndex {
    /// An empty index.
    pub fn new() -> SimilarityIndex {
        SimilarityIndex::default()
    }

    /// Indexes `docs`, sketching them in parallel; doc `i` is `docs[i]`.
    pub fn build(docs: &[&str]) -> SimilarityIndex {
        SimilarityIndex {
            sketches: docs.par_iter().map(|d| sketch(d)).collect(),
        }
    }

    /// Adds one document and returns its id.
    ///
    /// # Panics
    /// If the index already holds `u32::MAX` documents.
    pub fn push(&mut self, doc: &str) -> u32 {
        let id = u32::try_from(self.sketches.len()).expect("at most u32::MAX documents");
        self.sketches.push(sketch(doc));
        id
    }

    /// Adds many documents (sketched in parallel) and returns the id of the
    /// first; they get consecutive ids.
    pub fn extend(&mut self, docs: &[&str]) -> u32 {
        let id = u32::try_from(self.sketches.len()).expect("at most u32::MAX documents");
        self.sketches.par_extend(docs.par_iter().map(|d| sketch(d)));
        assert!(
            u32::try_from(self.sketches.len()).is_ok(),
            "at most u32::MAX documents"
        );
        id
    }

    /// Adds a document's precomputed sketch and returns its id.
    pub fn push_sketch(&mut self, sketch: Sketch) -> u32 {
        let id = u32::try_from(self.sketches.len()).expect("at most u32::MAX documents");
        self.sketches.push(sketch.0);
        id
    }

    /// Replaces the sketch of document `id` (its text changed); ids past the
    /// end grow the index with empty sketches.
    pub fn set_sketch(&mut self, id: u32, sketch: Sketch) {
        let i = id as usize;
        if i >= self.sketches.len() {
            self.sketches.resize(i + 1, [0; BINS]);
        }
        self.sketches[i] = sketch.0;
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.sketches.len()
    }

    /// Whether the index holds no document.
    pub fn is_empty(&self) -> bool {
        self.sketches.is_empty()
    }

    /// Estimated resemblance (Jaccard similarity of the shingle sets, 0..=1)
    /// of two documents; 0 if either id is unknown.
    pub fn similarity(&self, a: u32, b: u32) -> f64 {
        match (self.sketches.get(a as usize), self.sketches.get(b as usize)) {
            (Some(x), Some(y)) => estimate(x, y).0,
            _ => 0.0,
        }
    }

    /// The documents most similar to `doc`, best first (ties by id): at most
    /// `limit` pairs (id, estimated resemblance 0..=1), without `doc` itself
    /// and without documents sharing (nearly) nothing with it. Empty if `doc`
    /// is unknown.
    pub fn most_similar(&self, doc: u32, limit: usize) -> Vec<(u32, f64)> {
        match self.sketches.get(doc as usize) {
            Some(q) => self.rank(q, Some(doc as usize), limit),
            None => Vec::new(),
        }
    }

    /// The indexed documents most similar to a text that need not be in the
    /// index (a pasted article, a draft), ranked as by
    /// [`most_similar`](Self::most_similar).
    pub fn most_similar_to_text(&self, text: &str, limit: usize) -> Vec<(u32, f64)> {
        self.rank(&sketch(text), None, limit)
    }

    fn rank(&self, q: &[u16; BINS], skip: Option<usize>, limit: usize) -> Vec<(u32, f64)> {
        if limit == 0 {
            return Vec::new();
        }
        let mut hits: Vec<(u32, f64)> = self
            .sketches
            .iter()
            .enumerate()
            .filter_map(|(id, s)| {
                let matches = matching_bins(q, s);
                if matches == 0 || Some(id) == skip {
                    return None;
                }
                let score = estimate(q, s).0;
                (matches >= 2 || score >= 0.5).then_some((id as u32, score))
            })
            .collect();
        let order = |x: &(u32, f64), y: &(u32, f64)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits
    }
}

/// Bins holding the same shingle in both sketches: the quick test run on
/// every document (one vectorised pass, no division).
fn matching_bins(x: &[u16; BINS], y: &[u16; BINS]) -> u32 {
    x.iter()
        .zip(y)
        .map(|(&p, &q)| u32::from((p == q) & (p != 0)))
        .sum()
}

/// (estimated resemblance, matching bins) of two sketches.
fn estimate(x: &[u16; BINS], y: &[u16; BINS]) -> (f64, u32) {
    let mut matches = 0u32;
    let mut empty = 0u32;
    for (&p, &q) in x.iter().zip(y) {
        matches += u32::from((p == q) & (p != 0));
        empty += u32::from((p | q) == 0);
    }
    let union = BINS as u32 - empty;
    if union == 0 {
        (0.0, 0)
    } else {
        (f64::from(matches) / f64::from(union), matches)
    }
}

/// The sketch of one document. A document shorter than a shingle is one
/// shingle of all its words; an empty one has only empty bins.
fn sketch(doc: &str) -> [u16; BINS] {
    thread_local! {
        static WORDS: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    WORDS.with_borrow_mut(|words| {
        words.clear();
        word_hashes_into(doc, true, words);
        let mut mins = [u64::MAX; BINS];
        let mut add = |h: u64| {
            let bin = (h >> 57) as usize;
            let v = h & ((1 << 57) - 1);
            if v < mins[bin] {
                mins[bin] = v;
            }
        };
        if words.len() < SHINGLE {
            if !words.is_empty() {
                add(ngram_hash(words));
            }
        } else {
            for w in words.windows(SHINGLE) {
                add(ngram_hash(w));
            }
        }
        let mut out = [0u16; BINS];
        for (o, &m) in out.iter_mut().zip(&mins) {
            if m != u64::MAX {
                // the low bits barely influence which value is the minimum,
                // so they make a fair fingerprint; 0 is reserved for "empty"
                *o = (m as u16).max(1);
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, seed: usize) -> String {
        (0..n)
            .map(|i| format!("s{seed}w{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn identical_documents_score_one() {
        let d = words(300, 1);
        let ix = SimilarityIndex::build(&[&d, &d, &words(300, 2)]);
        assert_eq!(ix.most_similar(0, 10), [(1, 1.0)]);
        assert_eq!(ix.similarity(0, 1), 1.0);
        assert_eq!(ix.similarity(0, 2), 0.0);
    }

    #[test]
    fn estimate_is_close_to_jaccard() {
        // 600 shared shingles of 1,400 distinct: J ≈ 0.43
        let shared = words(600, 3);
        let a = format!("{shared} {}", words(400, 4));
        let b = format!("{} {shared}", words(400, 5));
        let ix = SimilarityIndex::build(&[&a, &b]);
        let j = ix.similarity(0, 1);
        assert!((0.3..0.56).contains(&j), "{j}");
    }

    #[test]
    fn short_and_empty_documents() {
        let mut ix = SimilarityIndex::new();
        assert!(ix.is_empty());
        assert_eq!(ix.push(""), 0);
        assert_eq!(ix.push("Sergey Lavrov"), 1);
        assert_eq!(ix.push("Sergei Lavrov!"), 2);
        assert_eq!(ix.push(""), 3);
        assert_eq!(ix.len(), 4);
        assert_eq!(ix.most_similar(1, 5), [(2, 1.0)]);
        assert!(ix.most_similar(0, 5).is_empty());
        assert_eq!(ix.similarity(0, 3), 0.0);
        assert!(ix.most_similar(99, 5).is_empty());
        assert!(ix.most_similar(1, 0).is_empty());
        assert_eq!(ix.most_similar_to_text("SERGEY LAVROV", 5), [(1, 1.0), (2, 1.0)]);
        assert!(ix.most_similar_to_text("", 5).is_empty());
    }

    #[test]
    fn limit_keeps_the_best() {
        let base = words(500, 7);
        let cut = |n: usize| base.split(' ').take(n).collect::<Vec<_>>().join(" ");
        let docs = [base.clone(), cut(450), cut(300), cut(150), words(500, 8)];
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let ix = SimilarityIndex::build(&refs);
        let top = ix.most_similar(0, 2);
        assert_eq!(top.iter().map(|h| h.0).collect::<Vec<_>>(), [1, 2]);
        let all = ix.most_similar(0, 10);
        assert_eq!(all.iter().map(|h| h.0).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(all.windows(2).all(|w| w[0].1 >= w[1].1));
    }

    #[test]
    fn extend_matches_push() {
        let docs = [words(50, 1), words(60, 2), words(70, 3)];
        let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
        let mut a = SimilarityIndex::new();
        for d in &refs {
            a.push(d);
        }
        let mut b = SimilarityIndex::new();
        assert_eq!(b.extend(&refs), 0);
        assert_eq!(a.sketches, b.sketches);
        assert_eq!(a.sketches, SimilarityIndex::build(&refs).sketches);
    }
}
