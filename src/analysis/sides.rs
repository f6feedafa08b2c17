//! The two sides of a comparison beyond their text: who is quoted on each
//! side, with the quotes of a speaker both sides quote aligned (the same
//! sentence translated or trimmed differently), and which formulas (curated
//! families and mined phrases) each side uses.
//!
//! Quotes come from the [speakers](super::speakers) extractor; this module
//! only consumes its output ([`Quote`]) and a key function that says when
//! two names are one speaker ([`Extractor::key`](super::speakers::Extractor::key)).
//! Two quotes of one speaker are aligned when the other holds at least
//! [`MIN_QUOTE_OVERLAP`] of the shorter one's [content words](super::content)
//! (weighted: names and numbers count double) and they share at least
//! [`MIN_QUOTE_SHARED`] of weight; best pairs first, each quote in one pair
//! at most.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use serde::Serialize;

use super::content::{Kind, content_words};
use super::phrases::{PhraseBook, PhraseFinder};
use super::speakers::{Quote, QuoteKind};

/// Least overlap of two quotes of one speaker for them to be aligned: the
/// share of the shorter one's content words (weighted) the other has.
pub const MIN_QUOTE_OVERLAP: f64 = 0.5;
/// Least weight two aligned quotes share: three content words, or a name
/// or number and a word.
pub const MIN_QUOTE_SHARED: f64 = 3.0;

/// Which sides something is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Both,
    OnlyA,
    OnlyB,
}

/// A quote on one side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SideQuote {
    /// Byte range of the quoted or reported words.
    pub range: Range<usize>,
    pub kind: QuoteKind,
}

/// Two quotes of one speaker that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedQuote {
    /// Index into the speaker's `a` quotes.
    pub a: usize,
    /// Index into the speaker's `b` quotes.
    pub b: usize,
    /// Share of the shorter quote's content words (weighted) the other
    /// has, 0..=1.
    pub score: f64,
}

/// One speaker of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerSides {
    /// The display name (A's, when both sides quote them).
    pub speaker: String,
    pub side: Side,
    /// Their quotes in A, in text order.
    pub a: Vec<SideQuote>,
    /// Their quotes in B, in text order.
    pub b: Vec<SideQuote>,
    /// The quotes aligned across, sorted by their position in A.
    pub aligned: Vec<AlignedQuote>,
}

/// Each side's speakers: those both sides quote first (in A's order), then
/// A's own, then B's own. `key` says when two names are one speaker.
pub fn speakers(
    a: &str,
    a_quotes: &[Quote],
    b: &str,
    b_quotes: &[Quote],
    key: impl Fn(&str) -> String,
) -> Vec<SpeakerSides> {
    // key → (first position, display name, A quotes, B quotes)
    let mut by_key: BTreeMap<String, (usize, String, Vec<SideQuote>, Vec<SideQuote>)> = BTreeMap::new();
    for (side, quotes) in [(0, a_quotes), (1, b_quotes)] {
        for (i, q) in quotes.iter().enumerate() {
            let e = by_key
                .entry(key(&q.speaker))
                .or_insert_with(|| (side * 1_000_000 + i, q.speaker.clone(), Vec::new(), Vec::new()));
            let sq = SideQuote {
                range: q.range.clone(),
                kind: q.kind,
            };
            let list = if side == 0 { &mut e.2 } else { &mut e.3 };
            if !list.contains(&sq) {
                list.push(sq);
            }
        }
    }
    let mut out: Vec<(usize, SpeakerSides)> = by_key
        .into_values()
        .map(|(first, speaker, qa, qb)| {
            let side = match (qa.is_empty(), qb.is_empty()) {
                (false, false) => Side::Both,
                (false, true) => Side::OnlyA,
                _ => Side::OnlyB,
            };
            let aligned = align_quotes(a, &qa, b, &qb);
            (
                first,
                SpeakerSides {
                    speaker,
                    side,
                    a: qa,
                    b: qb,
                    aligned,
                },
            )
        })
        .collect();
    let rank = |s: &SpeakerSides| match s.side {
        Side::Both => 0,
        Side::OnlyA => 1,
        Side::OnlyB => 2,
    };
    out.sort_by_key(|(first, s)| (rank(s), *first));
    out.into_iter().map(|(_, s)| s).collect()
}

/// (distinct keys with their weight, total weight) of a quote.
fn bag(text: &str, range: &Range<usize>) -> (Vec<(u64, f64)>, f64) {
    let Some(piece) = text.get(range.clone()) else {
        return (Vec::new(), 0.0);
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for w in content_words(piece) {
        if seen.insert(w.key) {
            let weight = if w.kind == Kind::Word { 1.0 } else { 2.0 };
            out.push((w.key, weight));
        }
    }
    let total = out.iter().map(|x| x.1).sum();
    (out, total)
}

/// How much of the smaller of two bags the other holds (weighted), 0
/// unless they share at least [`MIN_QUOTE_SHARED`] of weight: a quote cut
/// short on one side ("a partnership without ceilings") still meets the
/// whole sentence on the other.
fn overlap(x: &(Vec<(u64, f64)>, f64), y: &(Vec<(u64, f64)>, f64)) -> f64 {
    if x.1 == 0.0 || y.1 == 0.0 {
        return 0.0;
    }
    let shared: f64 =
        x.0.iter()
            .filter_map(|(k, w)| y.0.iter().find(|(l, _)| l == k).map(|(_, v)| w.min(*v)))
            .sum();
    if shared < MIN_QUOTE_SHARED {
        return 0.0;
    }
    (shared / x.1.min(y.1)).min(1.0)
}

fn align_quotes(a: &str, qa: &[SideQuote], b: &str, qb: &[SideQuote]) -> Vec<AlignedQuote> {
    let ba: Vec<_> = qa.iter().map(|q| bag(a, &q.range)).collect();
    let bb: Vec<_> = qb.iter().map(|q| bag(b, &q.range)).collect();
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in ba.iter().enumerate() {
        for (j, y) in bb.iter().enumerate() {
            let s = overlap(x, y);
            if s >= MIN_QUOTE_OVERLAP {
                cands.push((s, i, j));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let (mut used_a, mut used_b) = (vec![false; qa.len()], vec![false; qb.len()]);
    let mut out = Vec::new();
    for (score, i, j) in cands {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            out.push(AlignedQuote { a: i, b: j, score });
        }
    }
    out.sort_by_key(|q| (q.a, q.b));
    out
}

/// A formula on the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormulaSides {
    /// The family's label, or the mined phrase.
    pub label: String,
    /// A curated family (else a mined phrase).
    pub curated: bool,
    pub side: Side,
    /// Where it occurs in A.
    pub a: Vec<Range<usize>>,
    /// Where it occurs in B.
    pub b: Vec<Range<usize>>,
}

/// The formulas of the two sides: the curated families of `book`, then the
/// `mined` phrases, each with its occurrences in A and in B (those in
/// neither are left out). A mined phrase whose every occurrence lies inside
/// a family's is left out too (it is that family). Sorted: both sides
/// first, then only A, then only B; in each, families before mined
/// phrases, most occurrences first.
pub fn formulas<S: AsRef<str>>(a: &str, b: &str, book: &PhraseBook, mined: &[S]) -> Vec<FormulaSides> {
    let mut out: Vec<FormulaSides> = Vec::new();
    let (fa, fb) = (book.find(a), book.find(b));
    for (id, family) in book.families().iter().enumerate() {
        let ra: Vec<Range<usize>> = fa
            .iter()
            .filter(|m| m.family == id)
            .map(|m| m.range.clone())
            .collect();
        let rb: Vec<Range<usize>> = fb
            .iter()
            .filter(|m| m.family == id)
            .map(|m| m.range.clone())
            .collect();
        push(&mut out, family.label.clone(), true, ra, rb);
    }
    if !mined.is_empty() {
        let finder = PhraseFinder::new(mined);
        let (ma, mb) = (finder.find(a), finder.find(b));
        let inside_family = |r: &Range<usize>, fams: &[super::phrases::FamilyMatch]| {
            fams.iter()
                .any(|m| m.range.start <= r.start && r.end <= m.range.end)
        };
        for (i, phrase) in mined.iter().enumerate() {
            let ra: Vec<Range<usize>> = ma.iter().filter(|m| m.0 == i).map(|m| m.1.clone()).collect();
            let rb: Vec<Range<usize>> = mb.iter().filter(|m| m.0 == i).map(|m| m.1.clone()).collect();
            if ra.iter().all(|r| inside_family(r, &fa)) && rb.iter().all(|r| inside_family(r, &fb)) {
                continue;
            }
            push(&mut out, phrase.as_ref().to_string(), false, ra, rb);
        }
    }
    let rank = |f: &FormulaSides| match f.side {
        Side::Both => 0,
        Side::OnlyA => 1,
        Side::OnlyB => 2,
    };
    out.sort_by(|x, y| {
        rank(x)
            .cmp(&rank(y))
            .then(y.curated.cmp(&x.curated))
            .then((y.a.len() + y.b.len()).cmp(&(x.a.len() + x.b.len())))
            .then(x.label.cmp(&y.label))
    });
    out
}

fn push(
    out: &mut Vec<FormulaSides>,
    label: String,
    curated: bool,
    a: Vec<Range<usize>>,
    b: Vec<Range<usize>>,
) {
    let side = match (a.is_empty(), b.is_empty()) {
        (true, true) => return,
        (false, false) => Side::Both,
        (false, true) => Side::OnlyA,
        (true, false) => Side::OnlyB,
    };
    out.push(FormulaSides {
        label,
        curated,
        side,
        a,
        b,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::speakers::SpeakerKind;

    fn quote(text: &str, speaker: &str, words: &str) -> Quote {
        let start = text.find(words).expect("quoted words in the text");
        Quote {
            speaker: speaker.into(),
            role: None,
            speaker_kind: SpeakerKind::Person,
            kind: QuoteKind::Direct,
            range: start..start + words.len(),
            cue: 0..0,
        }
    }

    #[test]
    fn aligns_the_same_speakers_quotes() {
        let a = "Bereth said: \"Our partnership without ceilings is not directed against any third party.\" \
                 He added: \"The weather is fine.\" Kovane said: \"We are two wings of one bird.\"";
        let b = "\"Our partnership with no ceilings is not directed against third parties,\" said Bereth. \
                 Oslov said: \"Gas belongs to no bloc.\"";
        let qa = [
            quote(
                a,
                "Ruslan Bereth",
                "Our partnership without ceilings is not directed against any third party.",
            ),
            quote(a, "Ruslan Bereth", "The weather is fine."),
            quote(a, "Lidia Kovane", "We are two wings of one bird."),
        ];
        let qb = [
            quote(
                b,
                "Ruslan BERETH",
                "Our partnership with no ceilings is not directed against third parties,",
            ),
            quote(b, "Dmitar Oslov", "Gas belongs to no bloc."),
        ];
        let got = speakers(a, &qa, b, &qb, |s| s.to_lowercase());
        let names: Vec<(&str, Side)> = got.iter().map(|s| (s.speaker.as_str(), s.side)).collect();
        assert_eq!(
            names,
            [
                ("Ruslan Bereth", Side::Both),
                ("Lidia Kovane", Side::OnlyA),
                ("Dmitar Oslov", Side::OnlyB)
            ]
        );
        assert_eq!(got[0].a.len(), 2);
        assert_eq!(got[0].aligned.len(), 1);
        assert_eq!((got[0].aligned[0].a, got[0].aligned[0].b), (0, 0));
        assert!(got[1].aligned.is_empty());
    }

    #[test]
    fn no_quotes_no_speakers() {
        assert!(speakers("", &[], "", &[], |s| s.to_string()).is_empty());
    }

    #[test]
    fn formulas_on_both_sides_or_one() {
        let book = PhraseBook::bundled();
        let a = "Relations are rock solid, a new cold war looms, and the harbour deal stands.";
        let b = "Ties are rock-solid and the harbour deal stands.";
        let got = formulas(a, b, &book, &["harbour deal", "looms"]);
        let shown: Vec<(&str, bool, Side)> = got
            .iter()
            .map(|f| (f.label.as_str(), f.curated, f.side))
            .collect();
        assert_eq!(shown[0].2, Side::Both);
        assert!(shown[0].1, "{shown:?}");
        assert!(shown.contains(&("harbour deal", false, Side::Both)));
        assert!(shown.contains(&("looms", false, Side::OnlyA)));
        assert!(shown.iter().any(|f| f.1 && f.2 == Side::OnlyA));
        for f in &got {
            for r in &f.a {
                assert!(a.get(r.clone()).is_some());
            }
            for r in &f.b {
                assert!(b.get(r.clone()).is_some());
            }
        }
        // a mined phrase that is just a family's variant is left out
        let got = formulas(a, b, &book, &["rock solid"]);
        assert!(got.iter().all(|f| f.curated));
    }
}
