//! Counting mined phrases again over a whole corpus, the way a filter finds
//! them.
//!
//! Mining counts n-grams of its own tokens (a big corpus only in a sample),
//! never across a line break, so its article lists can differ from what a
//! `"phrase"` filter or a concordance finds. After mining, one
//! [`PhraseFinder`] of all the phrases is run over every article (on all
//! cores), each phrase counted as if searched for alone
//! ([`PhraseFinder::find_each`]): a phrase's articles and occurrences are
//! then exactly the filter's, and the single-source flag is judged on all
//! of its articles.

use std::collections::HashMap;

use rayon::prelude::*;

use super::evidence::{Evidence, headline_lines, occurrence, quote_spans};
use super::{Doc, MinedPhrase, PhraseFinder};

/// Articles per parallel task.
const CHUNK: usize = 256;

/// Articles searched before what was found is merged.
const WAVE: usize = 16 * CHUNK;

/// Sets each mined phrase's `docs` (positions in `docs`, ascending), its
/// `counts` there, `occurrences` and `single_source` from a search of every doc, then
/// orders them as [`mine`](super::mine) does: boilerplate last, then by
/// range, score and text.
pub fn recount(docs: &[Doc], mined: &mut [MinedPhrase]) {
    if mined.is_empty() {
        return;
    }
    let phrases: Vec<&str> = mined.iter().map(|m| m.phrase.as_str()).collect();
    let finder = PhraseFinder::new(&phrases);
    for m in mined.iter_mut() {
        m.docs.clear();
        m.counts.clear();
        m.occurrences = 0;
        m.evidence = Evidence::default();
    }
    // a wave of docs at a time, its chunks on all cores: what is found
    // waits for the merge only a wave long (memory stays small)
    for (w, wave) in docs.chunks(WAVE).enumerate() {
        // (phrase, doc, occurrences, what they showed) per chunk, in doc order
        let found: Vec<Vec<(u32, u32, u32, Seen)>> = wave
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut out = Vec::new();
                for (j, d) in chunk.iter().enumerate() {
                    let id = (w * WAVE + c * CHUNK + j) as u32;
                    let each = finder.find_each(d.text);
                    if each.is_empty() {
                        continue;
                    }
                    let quotes = quote_spans(d.text);
                    let headlines = headline_lines(d.text);
                    for run in each.chunk_by(|a, b| a.0 == b.0) {
                        let mut seen = Seen::default();
                        for (_, r) in run {
                            let (quoted, caps, cuts, silent) =
                                occurrence(d.text, r.clone(), &quotes, &headlines, &mut seen.word_caps);
                            if let Some(all) = silent {
                                seen.silent += 1;
                                seen.silent_caps += u32::from(all);
                            }
                            seen.quoted |= quoted;
                            if let Some(cap) = caps {
                                seen.caps_known += 1;
                                seen.caps += u32::from(cap);
                            }
                            seen.cuts += u32::from(cuts);
                        }
                        out.push((run[0].0 as u32, id, run.len() as u32, seen));
                    }
                }
                out
            })
            .collect();
        for (p, d, n, seen) in found.into_iter().flatten() {
            let m = &mut mined[p as usize];
            m.docs.push(d);
            m.counts.push(n);
            m.occurrences += n as usize;
            if seen.quoted {
                m.evidence.quoted_docs.push(d);
            }
            m.evidence.caps_known += seen.caps_known;
            m.evidence.caps += seen.caps;
            m.evidence.cuts += seen.cuts;
            m.evidence.silent += seen.silent;
            m.evidence.silent_caps += seen.silent_caps;
            let wc = &mut m.evidence.word_caps;
            if wc.len() < seen.word_caps.len() {
                wc.resize(seen.word_caps.len(), (0, 0));
            }
            for (a, b) in wc.iter_mut().zip(&seen.word_caps) {
                a.0 += b.0;
                a.1 += b.1;
            }
        }
    }
    let sources = SourceIds::new(docs);
    for m in mined.iter_mut() {
        m.single_source = sources.one_source(&m.docs);
    }
    mined.sort_by(super::mine::rank);
}

/// [`recount`], then [`weigh`](super::weigh): copied passages (see
/// [`copied`](super::copied)), fragments and `hidden` phrases (any of
/// their variants) dropped, variants merged, names told
/// from formulas, formulas first by their evidence.
pub fn recount_and_weigh(docs: &[Doc], mut mined: Vec<MinedPhrase>, hidden: &[String]) -> Vec<MinedPhrase> {
    recount(docs, &mut mined);
    super::copied::drop_copied(docs, &mut mined);
    let sources = SourceIds::new(docs);
    let hidden: Vec<String> = hidden
        .iter()
        .map(|h| super::variant_key(&super::normalize_phrase(h)))
        .collect();
    let mut mined = super::weigh(
        mined,
        &super::evidence::Corpus {
            sources: &sources.ids,
            hidden: &hidden,
        },
    );
    count_merged(docs, &mut mined);
    mined
}

/// Counts the rows with variants again, all their forms as one phrase
/// (leftmost, then longest, without overlaps: as a concordance of the row
/// finds them), in the articles where two of its forms occur (elsewhere
/// the count of the one form found there is right already).
fn count_merged(docs: &[Doc], mined: &mut [MinedPhrase]) {
    let rows: Vec<usize> = (0..mined.len())
        .filter(|&i| {
            let m = &mined[i];
            !m.evidence.shared_docs.is_empty() && m.counts.len() == m.docs.len()
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    let finder = PhraseFinder::with_ids(rows.iter().enumerate().flat_map(|(k, &i)| {
        let m = &mined[i];
        std::iter::once(m.phrase.as_str())
            .chain(m.variants.iter().map(String::as_str))
            .map(move |p| (p, k))
    }));
    let mut in_doc: Vec<u32> = rows
        .iter()
        .flat_map(|&i| mined[i].evidence.shared_docs.iter().copied())
        .collect();
    in_doc.sort_unstable();
    in_doc.dedup();
    // (row, doc, occurrences)
    let found: Vec<(usize, u32, u32)> = in_doc
        .par_iter()
        .flat_map_iter(|&d| {
            let text = docs.get(d as usize).map_or("", |x| x.text);
            let each = finder.find_each(text);
            each.chunk_by(|a, b| a.0 == b.0)
                .map(|run| (run[0].0, d, run.len() as u32))
                .collect::<Vec<_>>()
        })
        .collect();
    for (k, d, n) in found {
        let m = &mut mined[rows[k]];
        // (another row's shared article is not this one's)
        if m.evidence.shared_docs.binary_search(&d).is_ok()
            && let Ok(pos) = m.docs.binary_search(&d)
        {
            m.counts[pos] = n;
        }
    }
    for &i in &rows {
        let m = &mut mined[i];
        m.occurrences = m.counts.iter().map(|&c| c as usize).sum();
    }
}

/// What the occurrences of a phrase in one doc showed.
#[derive(Default)]
struct Seen {
    word_caps: Vec<(u32, u32)>,
    quoted: bool,
    silent: u32,
    silent_caps: u32,
    caps_known: u32,
    caps: u32,
    cuts: u32,
}

/// Each doc's source as a number (trimmed, case folded; none for a doc
/// without one), to judge boilerplate as mining does.
pub(super) struct SourceIds {
    pub(super) ids: Vec<Option<u32>>,
    /// The corpus has at least two sources: else nothing is marked.
    several: bool,
}

impl SourceIds {
    pub(super) fn new(docs: &[Doc]) -> SourceIds {
        let mut known: HashMap<String, u32> = HashMap::new();
        let ids: Vec<Option<u32>> = docs
            .iter()
            .map(|d| {
                let s = d.source?.trim().to_lowercase();
                let next = known.len() as u32;
                Some(*known.entry(s).or_insert(next))
            })
            .collect();
        let without = ids.iter().any(Option::is_none);
        SourceIds {
            several: known.len() + usize::from(without) >= 2,
            ids,
        }
    }

    /// Two or more docs, all from one named source.
    fn one_source(&self, docs: &[u32]) -> bool {
        if !self.several || docs.len() < 2 {
            return false;
        }
        let first = self.ids[docs[0] as usize];
        first.is_some() && docs.iter().all(|&d| self.ids[d as usize] == first)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{MineOptions, find_phrase, mine};
    use super::*;

    fn doc<'a>(text: &'a str, source: &'a str) -> Doc<'a> {
        Doc {
            text,
            source: Some(source),
        }
    }

    #[test]
    fn counts_are_what_a_search_for_each_phrase_finds() {
        let corpus = crate::synth::corpus(600, 200, 4);
        let docs: Vec<Doc> = corpus
            .files
            .iter()
            .map(|(_, t)| Doc {
                text: t,
                source: None,
            })
            .collect();
        let mut mined = mine(&docs, &MineOptions::default());
        assert!(mined.len() > 20);
        recount(&docs, &mut mined);
        for m in mined.iter().take(40) {
            let expected: Vec<u32> = (0..docs.len() as u32)
                .filter(|&d| !find_phrase(docs[d as usize].text, &m.phrase).is_empty())
                .collect();
            assert_eq!(m.docs, expected, "{}", m.phrase);
            let occurrences: usize = docs.iter().map(|d| find_phrase(d.text, &m.phrase).len()).sum();
            assert_eq!(m.occurrences, occurrences, "{}", m.phrase);
        }
        // most widespread first
        assert!(
            mined
                .windows(2)
                .all(|w| w[0].single_source || w[0].docs.len() >= w[1].docs.len())
        );
    }

    #[test]
    fn a_phrase_inside_a_longer_one_and_across_a_line_break_counts() {
        let docs = [
            doc("He told reporters that relations were fine.", "A"),
            doc("She told\nreporters nothing.", "B"),
            doc("Nobody told anyone.", "C"),
        ];
        let mut mined = vec![
            MinedPhrase {
                phrase: "told reporters that relations".into(),
                docs: vec![0],
                occurrences: 1,
                counts: vec![1],
                score: 2.0,
                ..MinedPhrase::default()
            },
            MinedPhrase {
                phrase: "told reporters".into(),
                docs: vec![0],
                occurrences: 1,
                counts: vec![1],
                score: 1.0,
                ..MinedPhrase::default()
            },
        ];
        recount(&docs, &mut mined);
        assert_eq!(mined[0].phrase, "told reporters");
        assert_eq!((mined[0].docs.as_slice(), mined[0].occurrences), (&[0, 1][..], 2));
        assert_eq!(mined[0].counts, [1, 1]);
        assert_eq!(mined[1].docs, [0]);
    }

    #[test]
    fn boilerplate_is_judged_on_every_article() {
        let text = "More from the Daily Planet today.";
        let docs = [
            doc(text, "Daily Planet"),
            doc(text, " daily planet "),
            doc("Other news.", "Gazette"),
        ];
        let m = |docs: Vec<u32>| MinedPhrase {
            phrase: "more from the daily planet".into(),
            docs,
            occurrences: 0,
            counts: Vec::new(),
            score: 1.0,
            ..MinedPhrase::default()
        };
        let mut mined = vec![m(vec![])];
        recount(&docs, &mut mined);
        assert!(mined[0].single_source);
        // the same words in another outlet too: not boilerplate
        let docs = [doc(text, "Daily Planet"), doc(text, "Gazette")];
        let mut mined = vec![m(vec![])];
        recount(&docs, &mut mined);
        assert!(!mined[0].single_source);
        // one source in the whole corpus: nothing is marked
        let docs = [doc(text, "Daily Planet"), doc(text, "Daily Planet")];
        let mut mined = vec![m(vec![])];
        recount(&docs, &mut mined);
        assert!(!mined[0].single_source);
    }
}
