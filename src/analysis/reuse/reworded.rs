//! Reworded sentences: sentence pairs of two texts that say the same thing
//! in other words (a rewrite, a translation), outside the verbatim passages.
//!
//! Each sentence becomes the set of its [content words](crate::analysis::content)
//! (names, numbers and other words that are not stopwords, normalised and
//! lightly stemmed, so "documents" meets "document"). Two sentences are a
//! pair when:
//!
//! - their weighted overlap (Dice: twice the weight shared over the weight
//!   of both, names and numbers counting double) is at least
//!   [`MIN_OVERLAP`], with [`MIN_SHARED`] content words shared or more;
//! - they name the same figures: when both have numbers, the same numbers;
//! - they name the same people and places: when both have names, at least
//!   one in common;
//! - neither is mostly (half its words or more) inside a verbatim passage
//!   already shown.
//!
//! Pairs are taken best first, each sentence in one pair at most.
//!
//! Sentences end at `.`, `!` or `?` (a closing quote may follow) before a
//! space and a capital letter, a digit or a quote mark, and at blank lines;
//! not after a single capital ("J. Smith") or a common title ("Mr.").
//! Single line breaks inside a paragraph (hard-wrapped text) are spaces.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

use super::Passage;
use crate::analysis::content::{ContentWord, Kind, content_words};

/// Least weighted overlap (Dice) of two sentences' content words.
pub const MIN_OVERLAP: f64 = 0.4;
/// Least content words two sentences share.
pub const MIN_SHARED: usize = 3;

/// Two sentences that say the same thing in other words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reworded {
    /// The sentence in A (byte range, on char boundaries).
    pub a: Range<usize>,
    /// The sentence in B.
    pub b: Range<usize>,
    /// Weighted overlap of their content words, 0..=1.
    pub score: f64,
    /// The content words of A's sentence that B's has too (byte ranges in A).
    pub a_words: Vec<Range<usize>>,
    /// The content words of B's sentence that A's has too (byte ranges in B).
    pub b_words: Vec<Range<usize>>,
}

/// The sentences of a text, as trimmed byte ranges (see the module docs).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Range<usize>>, s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(s + lead..s + lead + trimmed.len());
        }
    };
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            // a blank line ends a paragraph
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                push(&mut out, start, i);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        if matches!(c, b'.' | b'!' | b'?') && ends_sentence(text, i) {
            // include closing quotes and brackets
            let mut e = i + 1;
            while let Some(ch) = text[e..].chars().next() {
                if matches!(ch, '"' | '\'' | '”' | '’' | ')' | '»') {
                    e += ch.len_utf8();
                } else {
                    break;
                }
            }
            push(&mut out, start, e);
            start = e;
            i = e;
            continue;
        }
        i += 1;
    }
    push(&mut out, start.min(b.len()), b.len());
    out
}

/// Whether the mark at byte `i` ends a sentence.
fn ends_sentence(text: &str, i: usize) -> bool {
    let rest = &text[i + 1..];
    let after = rest.trim_start_matches(['"', '\'', '”', '’', ')', '»']);
    let spaced = after.trim_start();
    if spaced.len() == after.len() && !after.is_empty() {
        return false; // "U.S.", "3.5", "Valdor.Kestrin"
    }
    let next = spaced.chars().next();
    if !next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\''))
    {
        return next.is_none();
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    // not after an initial or a title
    let word = text[..i]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    const TITLES: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "St", "Sen", "Rep", "Gov", "No", "vs",
    ];
    !single_capital && !TITLES.contains(&word)
}

/// One sentence's content words.
struct Sentence {
    range: Range<usize>,
    words: Vec<ContentWord>,
    keys: HashSet<u64>,
    numbers: HashSet<u64>,
    names: HashSet<u64>,
    weight: f64,
}

fn weight(kind: Kind) -> f64 {
    match kind {
        Kind::Name | Kind::Number => 2.0,
        Kind::Word => 1.0,
    }
}

fn analyse(text: &str, range: Range<usize>) -> Sentence {
    let mut words = content_words(&text[range.clone()]);
    for w in &mut words {
        w.range = w.range.start + range.start..w.range.end + range.start;
    }
    let mut keys = HashSet::new();
    let mut numbers = HashSet::new();
    let mut names = HashSet::new();
    let mut total = 0.0;
    for w in &words {
        if keys.insert(w.key) {
            total += weight(w.kind);
        }
        match w.kind {
            Kind::Number => {
                numbers.insert(w.key);
            }
            Kind::Name => {
                names.insert(w.key);
            }
            Kind::Word => {}
        }
    }
    Sentence {
        range,
        words,
        keys,
        numbers,
        names,
        weight: total,
    }
}

/// Share of a sentence's words inside the given (sorted or not) ranges.
fn covered(s: &Sentence, ranges: &[Range<usize>]) -> f64 {
    let inside = |r: &Range<usize>| ranges.iter().any(|p| p.start <= r.start && r.end <= p.end);
    if s.words.is_empty() {
        return 0.0;
    }
    s.words.iter().filter(|w| inside(&w.range)).count() as f64 / s.words.len() as f64
}

/// The weighted overlap of two sentences, if they may be a pair.
fn score(x: &Sentence, y: &Sentence) -> Option<f64> {
    if x.weight == 0.0 || y.weight == 0.0 {
        return None;
    }
    let mut shared_weight = 0.0;
    let mut shared = 0;
    let mut seen = HashSet::new();
    for w in &x.words {
        if y.keys.contains(&w.key) && seen.insert(w.key) {
            shared += 1;
            // a word is a name or number if either side has it so
            let kind = y.words.iter().find(|v| v.key == w.key).map_or(w.kind, |v| v.kind);
            shared_weight += weight(w.kind).max(weight(kind));
        }
    }
    if shared < MIN_SHARED {
        return None;
    }
    if !x.numbers.is_empty() && !y.numbers.is_empty() && x.numbers != y.numbers {
        return None;
    }
    if !x.names.is_empty() && !y.names.is_empty() && x.names.is_disjoint(&y.names) {
        return None;
    }
    let s = (2.0 * shared_weight / (x.weight + y.weight)).min(1.0);
    (s >= MIN_OVERLAP).then_some(s)
}

/// The reworded sentence pairs of `a` and `b`, sorted by their start in A,
/// leaving out sentences mostly inside the given verbatim `passages`.
pub fn reworded(a: &str, b: &str, passages: &[Passage]) -> Vec<Reworded> {
    let pa: Vec<Range<usize>> = passages.iter().map(|p| p.a.clone()).collect();
    let pb: Vec<Range<usize>> = passages.iter().map(|p| p.b.clone()).collect();
    let sa: Vec<Sentence> = sentences(a)
        .into_iter()
        .map(|r| analyse(a, r))
        .filter(|s| covered(s, &pa) < 0.5)
        .collect();
    let sb: Vec<Sentence> = sentences(b)
        .into_iter()
        .map(|r| analyse(b, r))
        .filter(|s| covered(s, &pb) < 0.5)
        .collect();
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in sa.iter().enumerate() {
        for (j, y) in sb.iter().enumerate() {
            if x.keys.is_disjoint(&y.keys) {
                continue;
            }
            if let Some(s) = score(x, y) {
                cands.push((s, i, j));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut used_a, mut used_b) = (vec![false; sa.len()], vec![false; sb.len()]);
    let mut out = Vec::new();
    for (s, i, j) in cands {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        let (x, y) = (&sa[i], &sb[j]);
        out.push(Reworded {
            a: x.range.clone(),
            b: y.range.clone(),
            score: s,
            a_words: x
                .words
                .iter()
                .filter(|w| y.keys.contains(&w.key))
                .map(|w| w.range.clone())
                .collect(),
            b_words: y
                .words
                .iter()
                .filter(|w| x.keys.contains(&w.key))
                .map(|w| w.range.clone())
                .collect(),
        });
    }
    out.sort_by_key(|r| (r.a.start, r.b.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_sentences() {
        assert_eq!(
            shown(
                "Mr. Bereth arrived. He met J. Smith in the U.S. on Monday! \"Good,\" he said.\n\nNext paragraph"
            ),
            [
                "Mr. Bereth arrived.",
                "He met J. Smith in the U.S. on Monday!",
                "\"Good,\" he said.",
                "Next paragraph"
            ]
        );
        assert_eq!(
            shown("Trade grew 3.5 percent.\nIt was wrapped\nover lines. “Quoted.” End"),
            [
                "Trade grew 3.5 percent.",
                "It was wrapped\nover lines.",
                "“Quoted.”",
                "End"
            ]
        );
        assert!(shown("").is_empty());
        assert!(shown("  \n\n ").is_empty());
    }

    #[test]
    fn pairs_a_rewritten_sentence() {
        let a = "The weather was fine. The ministers signed four documents, including a protocol on \
                 visa-free travel for tourist groups and an agreement on the port of Port Selen.";
        let b = "The two ministers signed four agreements. One lets tourist groups travel without visas; \
                 another covers the joint use of Port Selen.";
        let r = reworded(a, b, &[]);
        assert!(!r.is_empty(), "{r:?}");
        assert!(a[r[0].a.clone()].starts_with("The ministers signed"));
        assert!(b[r[0].b.clone()].starts_with("One lets tourist groups"));
        for w in &r[0].a_words {
            assert!(r[0].a.start <= w.start && w.end <= r[0].a.end);
        }
    }

    #[test]
    fn different_numbers_or_names_are_no_pair() {
        let a = "Trade between the two countries grew by 19% in the first half of the year.";
        let b = "Trade between the two countries grew by 12% in the first half of the year.";
        assert!(reworded(a, b, &[]).is_empty());
        let a = "Minister Bereth praised the pipeline deal signed in Port Selen on Tuesday.";
        let b = "Minister Kovane praised the pipeline deal signed in Valdor on Tuesday.";
        assert!(score(&analyse(a, 0..a.len()), &analyse(b, 0..b.len())).is_none());
    }

    #[test]
    fn sentences_inside_a_passage_are_left_out() {
        let a = "The ministers signed four documents in Port Selen on Monday.";
        let b = "On Monday the ministers signed four documents in Port Selen.";
        assert_eq!(reworded(a, b, &[]).len(), 1);
        let p = Passage {
            a: 4..a.len(),
            b: 0..b.len(),
            words: 9,
            diffs: Vec::new(),
        };
        assert!(reworded(a, b, &[p]).is_empty());
    }

    #[test]
    fn each_sentence_pairs_once() {
        let a = "Bereth praised the pipeline deal in Port Selen. Bereth praised the pipeline deal in Port Selen again.";
        let b = "In Port Selen, Bereth praised the pipeline deal.";
        assert_eq!(reworded(a, b, &[]).len(), 1);
    }
}
