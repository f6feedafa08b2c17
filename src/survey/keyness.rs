//! Keyness: the words and phrases a set of articles (the target: a filter,
//! an outlet, a period) uses more, or less, than a reference (the rest of
//! the corpus, or another query's articles). Significance is Dunning's
//! log-likelihood (G²); the effect size is Hardie's log ratio (log₂ of the
//! ratio of relative frequencies). Both are computed twice: over
//! documents (how many articles use it: the ranking, so one long article
//! cannot dominate) and over occurrences (per word of running text).

use serde::Serialize;

use super::SurveyData;
use super::terms::Terms;
use crate::store::ArticleId;

/// What a key term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    Word,
    /// A curated phrase family (all its variants).
    Family,
    /// A mined phrase.
    Phrase,
}

/// The reference the target is compared with.
#[derive(Debug, Clone, Copy)]
pub enum Reference<'a> {
    /// Every live article not in the target.
    Rest,
    /// These articles (those in the target too are left out of it).
    Articles(&'a [ArticleId]),
}

/// Options for [`keyness`].
#[derive(Debug, Clone, Copy)]
pub struct KeynessOptions {
    /// A term must be in at least this many articles (both sides together).
    pub min_docs: u32,
    /// Document log-likelihood a term needs (6.63: p < 0.01, one degree of freedom).
    pub min_ll: f64,
    /// Terms kept per side.
    pub limit: usize,
}

impl Default for KeynessOptions {
    fn default() -> Self {
        KeynessOptions {
            min_docs: 3,
            min_ll: 6.63,
            limit: 40,
        }
    }
}

/// One term's counts and scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyTerm {
    pub term: String,
    pub kind: TermKind,
    /// Articles using it, in the target and in the reference.
    pub target_docs: u32,
    pub reference_docs: u32,
    /// Occurrences, in the target and in the reference.
    pub target_occurrences: u64,
    pub reference_occurrences: u64,
    /// Log-likelihood over documents (2×2: articles with and without it).
    pub ll_docs: f64,
    /// Log ratio over documents (share of target articles over share of reference articles).
    pub log_ratio_docs: f64,
    /// Log-likelihood over occurrences (per word of running text).
    pub ll_occurrences: f64,
    pub log_ratio_occurrences: f64,
}

/// The over-used and under-used terms of a target.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Keyness {
    pub target_articles: u32,
    pub reference_articles: u32,
    pub target_words: u64,
    pub reference_words: u64,
    /// Used more in the target: highest document log-likelihood first.
    pub over: Vec<KeyTerm>,
    /// Used less in the target.
    pub under: Vec<KeyTerm>,
}

fn xlnx(x: f64, e: f64) -> f64 {
    if x > 0.0 && e > 0.0 { x * (x / e).ln() } else { 0.0 }
}

/// G² of a 2×2 table: `a` of `n1` in one sample, `b` of `n2` in the other.
pub fn ll_2x2(a: f64, n1: f64, b: f64, n2: f64) -> f64 {
    let n = n1 + n2;
    if n <= 0.0 {
        return 0.0;
    }
    let (c, d) = (n1 - a, n2 - b);
    let k = a + b;
    let e = |row: f64, col: f64| row * col / n;
    2.0 * (xlnx(a, e(n1, k)) + xlnx(b, e(n2, k)) + xlnx(c, e(n1, n - k)) + xlnx(d, e(n2, n - k)))
}

/// Rayson and Garside's log-likelihood for frequencies `a` in a corpus of
/// `n1` words and `b` in one of `n2`.
pub fn ll_freq(a: f64, n1: f64, b: f64, n2: f64) -> f64 {
    let n = n1 + n2;
    if n <= 0.0 {
        return 0.0;
    }
    let e1 = n1 * (a + b) / n;
    let e2 = n2 * (a + b) / n;
    2.0 * (xlnx(a, e1) + xlnx(b, e2))
}

/// Hardie's log ratio, with 0.5 for a zero count.
pub fn log_ratio(a: f64, n1: f64, b: f64, n2: f64) -> f64 {
    if n1 <= 0.0 || n2 <= 0.0 {
        return 0.0;
    }
    let a = if a == 0.0 { 0.5 } else { a };
    let b = if b == 0.0 { 0.5 } else { b };
    ((a / n1) / (b / n2)).log2()
}

/// Keyness of `target` against `reference`. Words come from `terms`
/// (made by [`Terms::build`] for this index); the phrase families and mined
/// phrases from the index.
pub fn keyness(
    index: &impl SurveyData,
    terms: &Terms,
    target: &[ArticleId],
    reference: Reference<'_>,
    opts: &KeynessOptions,
) -> Keyness {
    let n = index.len();
    let rest_of_all = matches!(reference, Reference::Rest);
    let mut in_target = vec![false; n];
    let target: Vec<ArticleId> = target
        .iter()
        .copied()
        .filter(|&id| {
            index.is_live(id) && (id as usize) < n && !std::mem::replace(&mut in_target[id as usize], true)
        })
        .collect();
    let reference: Vec<ArticleId> = match reference {
        Reference::Rest => (0..n as ArticleId)
            .filter(|&id| index.is_live(id) && !in_target[id as usize])
            .collect(),
        Reference::Articles(ids) => {
            let mut seen = vec![false; n];
            ids.iter()
                .copied()
                .filter(|&id| {
                    (id as usize) < n
                        && index.is_live(id)
                        && !in_target[id as usize]
                        && !std::mem::replace(&mut seen[id as usize], true)
                })
                .collect()
        }
    };
    let mut out = Keyness {
        target_articles: target.len() as u32,
        reference_articles: reference.len() as u32,
        target_words: target.iter().map(|&id| u64::from(terms.total(id))).sum(),
        reference_words: reference.iter().map(|&id| u64::from(terms.total(id))).sum(),
        ..Keyness::default()
    };
    if target.is_empty() || reference.is_empty() {
        return out;
    }
    // (term, kind, target docs, target occurrences, reference docs, reference occurrences)
    let mut rows: Vec<(String, TermKind, u32, u64, u32, u64)> = Vec::new();
    let (td, to) = terms.sums(&target);
    let (rd, ro) = match rest_of_all {
        // the rest: every article counted less the target's (only the
        // target's own articles are read)
        true if terms.matches(index) => {
            let (ad, ao) = terms.all_sums();
            (
                ad.iter().zip(&td).map(|(a, t)| a - t).collect::<Vec<u32>>(),
                ao.iter().zip(&to).map(|(a, t)| a - t).collect::<Vec<u64>>(),
            )
        }
        _ => terms.sums(&reference),
    };
    for t in 0..td.len() {
        if td[t] + rd[t] >= opts.min_docs {
            rows.push((
                terms.word(t as u32).to_string(),
                TermKind::Word,
                td[t],
                to[t],
                rd[t],
                ro[t],
            ));
        }
    }
    let in_ref = {
        let mut v = vec![false; n];
        for &id in &reference {
            v[id as usize] = true;
        }
        v
    };
    let labels = index.family_labels();
    let mut fam = vec![(0u32, 0u64, 0u32, 0u64); labels.len()];
    for (ids, is_target) in [(&target, true), (&reference, false)] {
        for &id in ids {
            for (f, c) in index.family_counts_of(id) {
                if let Some(e) = fam.get_mut(f as usize) {
                    if is_target {
                        e.0 += 1;
                        e.1 += u64::from(c);
                    } else {
                        e.2 += 1;
                        e.3 += u64::from(c);
                    }
                }
            }
        }
    }
    for (label, e) in labels.iter().zip(fam) {
        if e.0 + e.2 >= opts.min_docs {
            rows.push((label.clone(), TermKind::Family, e.0, e.1, e.2, e.3));
        }
    }
    for m in index.mined() {
        let mut e = (0u32, 0u64, 0u32, 0u64);
        for (k, &id) in m.docs.iter().enumerate() {
            let c = u64::from(m.counts.get(k).copied().unwrap_or(1));
            if in_target.get(id as usize) == Some(&true) {
                e.0 += 1;
                e.1 += c;
            } else if in_ref.get(id as usize) == Some(&true) {
                e.2 += 1;
                e.3 += c;
            }
        }
        if e.0 + e.2 >= opts.min_docs {
            rows.push((m.phrase.clone(), TermKind::Phrase, e.0, e.1, e.2, e.3));
        }
    }
    let (n1, n2) = (f64::from(out.target_articles), f64::from(out.reference_articles));
    let (w1, w2) = (out.target_words as f64, out.reference_words as f64);
    for (term, kind, a, ao, b, bo) in rows {
        let ll_docs = ll_2x2(f64::from(a), n1, f64::from(b), n2);
        if ll_docs < opts.min_ll {
            continue;
        }
        let k = KeyTerm {
            term,
            kind,
            target_docs: a,
            reference_docs: b,
            target_occurrences: ao,
            reference_occurrences: bo,
            ll_docs,
            log_ratio_docs: log_ratio(f64::from(a), n1, f64::from(b), n2),
            ll_occurrences: ll_freq(ao as f64, w1, bo as f64, w2),
            log_ratio_occurrences: log_ratio(ao as f64, w1, bo as f64, w2),
        };
        if f64::from(a) / n1 > f64::from(b) / n2 {
            out.over.push(k);
        } else {
            out.under.push(k);
        }
    }
    for side in [&mut out.over, &mut out.under] {
        side.sort_by(|x, y| {
            y.ll_docs
                .total_cmp(&x.ll_docs)
                .then(y.log_ratio_docs.abs().total_cmp(&x.log_ratio_docs.abs()))
                .then_with(|| x.term.cmp(&y.term))
        });
        side.truncate(opts.limit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;
    use crate::store::{Article, Corpus};

    #[test]
    fn scores_match_hand_computed_values() {
        // a textbook 2x2: 10 of 100 against 5 of 200
        let g = ll_2x2(10.0, 100.0, 5.0, 200.0);
        // computed by hand: 2 * sum(O ln(O/E))
        let e = |o: f64, ex: f64| o * (o / ex).ln();
        let want = 2.0 * (e(10.0, 5.0) + e(5.0, 10.0) + e(90.0, 95.0) + e(195.0, 190.0));
        assert!((g - want).abs() < 1e-9, "{g} {want}");
        assert!((log_ratio(10.0, 100.0, 5.0, 200.0) - 2.0).abs() < 1e-12);
        assert!(
            (log_ratio(0.0, 100.0, 5.0, 100.0) - (0.1f64).log2()).abs() < 1e-12,
            "zero as 0.5"
        );
        assert_eq!(ll_2x2(5.0, 50.0, 5.0, 50.0), 0.0, "equal shares");
        // Rayson & Garside: equal relative frequencies give 0
        assert!(ll_freq(10.0, 1000.0, 20.0, 2000.0).abs() < 1e-9);
        assert!(ll_freq(30.0, 1000.0, 5.0, 2000.0) > 10.83);
    }

    fn corpus() -> Index {
        let mut arts = Vec::new();
        for i in 0..10 {
            arts.push(Article::from_text(
                format!("t{i}.txt"),
                &format!("Target {i}\n\nThe partnership has no limits, hegemony everywhere, said one."),
                false,
            ));
        }
        for i in 0..20 {
            arts.push(Article::from_text(
                format!("r{i}.txt"),
                &format!("Reference {i}\n\nMarkets fell while officials said the partnership held."),
                false,
            ));
        }
        // one long reference article repeats hegemony a hundred times
        arts.push(Article::from_text(
            "long.txt",
            &format!("Long\n\n{}", "hegemony ".repeat(100)),
            false,
        ));
        Index::new(Corpus::new(arts))
    }

    #[test]
    fn finds_over_and_under_used_words_by_documents() {
        let ix = corpus();
        let terms = Terms::build(&ix);
        let target: Vec<ArticleId> = (0..10).collect();
        let k = keyness(&ix, &terms, &target, Reference::Rest, &KeynessOptions::default());
        assert_eq!((k.target_articles, k.reference_articles), (10, 21));
        let over: Vec<&str> = k.over.iter().map(|t| t.term.as_str()).collect();
        let under: Vec<&str> = k.under.iter().map(|t| t.term.as_str()).collect();
        assert!(over.contains(&"limits") && over.contains(&"hegemony"), "{over:?}");
        assert!(under.contains(&"markets") && under.contains(&"fell"), "{under:?}");
        assert!(
            !over.contains(&"partnership") && !under.contains(&"partnership"),
            "used by all"
        );
        // by occurrences the long article makes hegemony over-used in the reference,
        // by documents it is the target's
        let h = k.over.iter().find(|t| t.term == "hegemony").unwrap();
        assert_eq!((h.target_docs, h.reference_docs), (10, 1));
        assert!(h.log_ratio_docs > 0.0 && h.log_ratio_occurrences < 0.0, "{h:?}");
    }

    #[test]
    fn the_rest_by_subtraction_equals_the_rest_counted() {
        let ix = corpus();
        let terms = Terms::build(&ix);
        assert!(terms.matches(&ix));
        let target: Vec<ArticleId> = vec![0, 3, 12, 30];
        let rest: Vec<ArticleId> = (0..31).filter(|id| !target.contains(id)).collect();
        let opts = KeynessOptions {
            min_ll: 0.0,
            min_docs: 1,
            limit: 1000,
        };
        let by_rest = keyness(&ix, &terms, &target, Reference::Rest, &opts);
        let counted = keyness(&ix, &terms, &target, Reference::Articles(&rest), &opts);
        assert!(!by_rest.over.is_empty() && !by_rest.under.is_empty());
        assert_eq!(by_rest, counted);
        // counts made before an article went are not subtracted from
        let mut ix = ix;
        ix.apply(vec![], &[std::path::PathBuf::from("r0.txt")]);
        assert!(!terms.matches(&ix));
        let k = keyness(&ix, &terms, &target, Reference::Rest, &opts);
        assert_eq!(k.reference_articles, 26);
        let rest: Vec<ArticleId> = rest.into_iter().filter(|&id| ix.is_live(id)).collect();
        assert_eq!(
            k,
            keyness(&ix, &terms, &target, Reference::Articles(&rest), &opts)
        );
    }

    #[test]
    fn against_another_set_and_empty_sides() {
        let ix = corpus();
        let terms = Terms::build(&ix);
        let target: Vec<ArticleId> = (0..10).collect();
        let reference: Vec<ArticleId> = (5..30).collect();
        let k = keyness(
            &ix,
            &terms,
            &target,
            Reference::Articles(&reference),
            &KeynessOptions::default(),
        );
        assert_eq!(
            (k.target_articles, k.reference_articles),
            (10, 20),
            "overlap left out of the reference"
        );
        let none = keyness(&ix, &terms, &[], Reference::Rest, &KeynessOptions::default());
        assert!(none.over.is_empty() && none.under.is_empty());
    }
}
