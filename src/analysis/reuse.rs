//! Text reuse: the passages two articles share (wire copy, copied sentences),
//! and an index ranking articles by how much they share.
//!
//! Everything works on words ([`text::words`](crate::analysis::text::words))
//! and returns byte ranges into the texts; nothing here knows about the
//! terminal.
//!
//! # Shared passages: [`compare`] / [`compare_with`]
//!
//! The method is the one of text-reuse tools such as passim and text-matcher,
//! at word level:
//!
//! 1. **Normalise** every word: lowercase, curly apostrophes made straight (as
//!    [`normalize_word`](crate::analysis::text::normalize_word)), and, in
//!    words of four letters or more, a trailing run of `y`/`i` dropped, which
//!    folds the commonest transliteration variants of names:
//!    Sergey/Sergei, Dmitry/Dmitri, Nikolay/Nikolai, Zelensky/Zelenskiy/Zelenskyy
//!    ([`ReuseOptions::fold_transliteration`]). Punctuation and hyphens are not
//!    words, so "rock-solid," matches "rock solid".
//! 2. **Hash word n-grams** ([`ReuseOptions::ngram`], 5 words) of both texts.
//! 3. **Anchors** are the positions (i, j) where A's n-gram at word i equals
//!    B's n-gram at word j, found by sorting both n-gram lists and merging
//!    them. An n-gram repeated in a text (boilerplate, a refrain) contributes
//!    at most [`ReuseOptions::max_repeats`] of its occurrences on each side,
//!    spread evenly over the text, so the number of anchors stays linear in
//!    the text length (the extension below then covers the other copies).
//! 4. Anchors on the same diagonal (j − i) at consecutive positions form
//!    **exact segments**. Segments are then **chained**: a segment continues a
//!    passage when it starts at most [`ReuseOptions::max_gap`] words after the
//!    passage's end in A *and* in B. That bridges a changed word (a gap of one
//!    word on both sides), an inserted or dropped word (the diagonal shifts by
//!    one), a rephrased clause of a few words. Segments far apart start
//!    separate passages, so passages are found whatever order they come in.
//! 5. Each passage is **extended** at both ends over exact word matches, and
//!    over one more small edit (up to two words on either side) if at least
//!    three exact matches follow it (two, up to the end of a text), and so
//!    on. This recovers the last words after an edit near a passage's end,
//!    too few for an n-gram of their own.
//! 6. Passages shorter than [`ReuseOptions::min_words`] (8 words) in A or in
//!    B are dropped; the rest are made **non-overlapping in A**, longest
//!    first (when A's text appears twice in B, A's passage goes to the
//!    earliest of the longest matches; the B ranges of different passages
//!    may overlap when A repeats something B has once).
//!
//! Each [`Passage`] carries its byte range in A and in B, both from the start
//! of a word to the end of a word (so on char boundaries), and its length in
//! words (in A). A [`Comparison`] adds the share of A's words inside passages
//! and the share of B's words inside passages: a short article entirely
//! quoted by a long one scores `a_shared = 1.0` and a small `b_shared`.
//!
//! **Short texts.** When a text has fewer words than `min_words`, the minimum
//! becomes that text's length (but never below
//! [`ReuseOptions::min_short_words`], 3), and the n-gram shrinks to fit: a
//! six-word headline copied whole into another article is a passage; a
//! one- or two-word text never shares anything.
//!
//! **Cost.** Tokenising and hashing are linear; the n-gram sort is
//! O(n log n); there are at most `max_repeats` anchors per word of A;
//! chaining and extension are linear in practice (the active chains at any
//! point are those ending within `max_gap` words). Two 10,000-word articles
//! compare in about 1.5 ms (release build); adversarial inputs (a text
//! repeated eight times, a three-word vocabulary) in under 10 ms.
//!
//! **Limits.**
//! - Words are runs of letters and digits, so Chinese or Japanese text
//!   without spaces is one "word" per run between punctuation marks: it is
//!   matched only sentence-piece by sentence-piece.
//! - Only edits are bridged, not paraphrase: "rock-solid" and "solid as a
//!   rock" share nothing.
//! - An edit in the last (or first) two words of a passage, followed by
//!   different text, cuts the passage there: extending over an edit needs
//!   three matching words after it.
//! - Every chance match of `min_words` words counts: set phrases quoted by
//!   everyone ("comprehensive strategic partnership of coordination in a new
//!   era") are passages like any other.
//! - Transliteration folding knows only `y`/`i` endings (not
//!   Aleksandr/Alexander, Tsai/Cai), and also merges a few unrelated words
//!   ("party"/"part"), harmlessly in practice.
//! - When A has text that B has several times, A's passage goes to one of
//!   B's copies; when A repeats text that B has once, both of A's passages
//!   point at the same B range (B ranges may overlap).
//!
//! # Most similar articles: [`SimilarityIndex`]
//!
//! A 256-byte one-permutation MinHash sketch of each article's word 5-gram
//! shingles (one hash per shingle to build: about 30 µs per 600-word
//! article); [`SimilarityIndex::most_similar`] ranks all other articles by
//! estimated Jaccard resemblance with a vectorised scan of the sketches
//! (well under a millisecond for 10,000 articles). See the [`index`] module
//! for the details and the accuracy.

mod align;
pub mod index;
pub mod reworded;
pub(crate) mod tokens;

use std::ops::Range;

use serde::Serialize;

pub use index::{SimilarityIndex, Sketch};
pub use reworded::{Reworded, reworded};

use align::{Chain, Params, align};
use tokens::Tokens;

/// A passage two texts share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// Byte range in A, from the start of a word to the end of a word.
    pub a: Range<usize>,
    /// Byte range in B, from the start of a word to the end of a word.
    pub b: Range<usize>,
    /// Length in words of the passage in A (edits inside it included).
    pub words: usize,
    /// The words that differ inside the passage (the edits the alignment
    /// bridged), in order.
    pub diffs: Vec<WordDiff>,
}

/// Words that differ inside a passage: a run of A's words and the run of
/// B's words in its place. Either range may be empty (words only one side
/// has); an empty range sits at the start of the next matching word. Both
/// lie on char boundaries, inside their passage's range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordDiff {
    /// Byte range in A (from the start of a word to the end of a word).
    pub a: Range<usize>,
    /// Byte range in B.
    pub b: Range<usize>,
}

/// What two texts share.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The shared passages, sorted by `a.start`, not overlapping in A.
    pub passages: Vec<Passage>,
    /// Share of A's words inside the passages, 0..=1 (0 for a text without
    /// words).
    pub a_shared: f64,
    /// Share of B's words inside the passages' B ranges, 0..=1.
    pub b_shared: f64,
}

impl Comparison {
    /// A comparison with nothing shared.
    pub fn empty() -> Comparison {
        Comparison {
            passages: Vec::new(),
            a_shared: 0.0,
            b_shared: 0.0,
        }
    }

    /// The passages with A and B swapped, sorted by their start in B: a view
    /// from B's side (those ranges may overlap in B).
    pub fn swapped(&self) -> Comparison {
        let mut passages: Vec<Passage> = self
            .passages
            .iter()
            .map(|p| Passage {
                a: p.b.clone(),
                b: p.a.clone(),
                words: p.words,
                diffs: p
                    .diffs
                    .iter()
                    .map(|d| WordDiff {
                        a: d.b.clone(),
                        b: d.a.clone(),
                    })
                    .collect(),
            })
            .collect();
        passages.sort_by_key(|p| (p.a.start, p.a.end));
        Comparison {
            passages,
            a_shared: self.b_shared,
            b_shared: self.a_shared,
        }
    }
}

/// Parameters of [`compare_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReuseOptions {
    /// Words per n-gram for anchors (default 5). Smaller finds shorter,
    /// more edited passages and more chance matches; 0 is taken as 1.
    pub ngram: usize,
    /// Shortest passage reported, in words, on both sides (default 8).
    pub min_words: usize,
    /// Most words between two matching segments, in A and in B, for them to
    /// be one passage (default 4).
    pub max_gap: usize,
    /// Occurrences of one n-gram per text that make anchors (default 8).
    pub max_repeats: usize,
    /// Shortest text that can share a passage when it is shorter than
    /// `min_words` (default 3).
    pub min_short_words: usize,
    /// Fold transliteration variants of names (Sergey/Sergei; default on).
    pub fold_transliteration: bool,
}

impl Default for ReuseOptions {
    fn default() -> Self {
        ReuseOptions {
            ngram: 5,
            min_words: 8,
            max_gap: 4,
            max_repeats: 8,
            min_short_words: 3,
            fold_transliteration: true,
        }
    }
}

/// The passages `a` and `b` share, with the default options.
pub fn compare(a: &str, b: &str) -> Comparison {
    compare_with(a, b, &ReuseOptions::default())
}

/// The passages `a` and `b` share.
pub fn compare_with(a: &str, b: &str, opts: &ReuseOptions) -> Comparison {
    let ta = Tokens::new(a, opts.fold_transliteration);
    let tb = Tokens::new(b, opts.fold_transliteration);
    let shorter = ta.len().min(tb.len());
    // a text shorter than `min_words` can still be shared whole
    let min_words = opts.min_words.max(1).min(shorter);
    if min_words < opts.min_words.max(1) && min_words < opts.min_short_words.max(1) {
        return Comparison::empty();
    }
    if min_words == 0 {
        return Comparison::empty();
    }
    let params = Params {
        ngram: opts.ngram.clamp(1, min_words),
        min_words,
        max_gap: opts.max_gap,
        max_repeats: opts.max_repeats,
    };
    let chains = align(&ta.hashes, &tb.hashes, params);
    let passages: Vec<Passage> = chains.iter().map(|c| passage(c, &ta, &tb)).collect();
    let a_covered: usize = chains.iter().map(Chain::a_words).sum();
    let mut b_spans: Vec<(usize, usize)> = chains.iter().map(|c| (c.b_start(), c.b_end())).collect();
    Comparison {
        passages,
        a_shared: share(a_covered, ta.len()),
        b_shared: share(union_len(&mut b_spans), tb.len()),
    }
}

fn passage(c: &Chain, ta: &Tokens, tb: &Tokens) -> Passage {
    Passage {
        a: ta.starts[c.a_start()]..ta.ends[c.a_end() - 1],
        b: tb.starts[c.b_start()]..tb.ends[c.b_end() - 1],
        words: c.a_words(),
        diffs: c
            .segs
            .windows(2)
            .filter_map(|w| {
                let a = span(ta, w[0].a + w[0].len, w[1].a);
                let b = span(tb, w[0].b + w[0].len, w[1].b);
                (!a.is_empty() || !b.is_empty()).then_some(WordDiff { a, b })
            })
            .collect(),
    }
}

/// The byte range of words `from..to`; empty, at the start of word `to`,
/// when there are none.
fn span(t: &Tokens, from: usize, to: usize) -> Range<usize> {
    if from < to {
        t.starts[from]..t.ends[to - 1]
    } else {
        t.starts[to]..t.starts[to]
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 / whole as f64).clamp(0.0, 1.0)
    }
}

/// Total length of the union of half-open intervals.
fn union_len(spans: &mut [(usize, usize)]) -> usize {
    spans.sort_unstable();
    let mut total = 0;
    let mut reach = 0;
    for &(s, e) in spans.iter() {
        let s = s.max(reach);
        if e > s {
            total += e - s;
            reach = e;
        }
    }
    total
}

#[cfg(test)]
mod tests;
