//! Where a phrase occurs across the corpus: the shared path of the phrases
//! pane, the concordance (KWIC) view, the chart and `readout kwic`.

use std::ops::Range;

use rayon::prelude::*;

use crate::analysis::phrases::{self, KwicLine, PhraseKind};
use crate::index::Index;
use crate::store::ArticleId;
use crate::store::UNDATED;

/// A phrase to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseRef {
    /// A curated family, by id: every variant.
    Family(u16),
    /// Any phrase (a mined one, or typed), matched the tolerant way.
    Text(String),
}

impl PhraseRef {
    /// A family if `name` is a family label, else the text itself.
    pub fn resolve(index: &Index, name: &str) -> PhraseRef {
        match index.book().family_index(name) {
            Some(f) => PhraseRef::Family(f as u16),
            None => PhraseRef::Text(name.to_string()),
        }
    }

    /// How it reads: the family label or the phrase.
    pub fn label<'a>(&'a self, index: &'a Index) -> &'a str {
        match self {
            PhraseRef::Family(f) => index
                .family_labels()
                .get(usize::from(*f))
                .map_or("", String::as_str),
            PhraseRef::Text(t) => t,
        }
    }

    /// The filter query that selects the articles containing it.
    pub fn query(&self, index: &Index) -> String {
        match self {
            PhraseRef::Family(_) => format!("#\"{}\"", self.label(index).replace('"', "")),
            PhraseRef::Text(t) => format!("\"{}\"", t.replace('"', "")),
        }
    }
}

/// Every occurrence, in corpus order: (article, byte range). `within`
/// narrows the articles searched (a mined phrase's articles), when known.
pub fn occurrences(
    index: &Index,
    phrase: &PhraseRef,
    within: Option<&[ArticleId]>,
) -> Vec<(ArticleId, Range<usize>)> {
    let candidates: Vec<ArticleId> = match (within, phrase) {
        (Some(ids), _) => ids.to_vec(),
        (None, PhraseRef::Family(f)) => (0..index.len() as ArticleId)
            .filter(|&id| index.families_of(id).contains(f))
            .collect(),
        (None, PhraseRef::Text(_)) => (0..index.len() as ArticleId).collect(),
    };
    // a mined phrase's merged variants are found too
    let variants: &[String] = match phrase {
        PhraseRef::Text(t) => index.mined_variants(t),
        PhraseRef::Family(_) => &[],
    };
    let per_article: Vec<Vec<(ArticleId, Range<usize>)>> = candidates
        .par_iter()
        .filter(|&&id| index.is_live(id))
        .filter_map(|&id| {
            let a = index.article(id)?;
            let ranges = match phrase {
                PhraseRef::Family(f) => index.book().find_family(&a.body, usize::from(*f)),
                PhraseRef::Text(t) if variants.is_empty() => phrases::find_phrase(&a.body, t),
                PhraseRef::Text(t) => with_variants(&a.body, t, variants),
            };
            Some(ranges.into_iter().map(|r| (id, r)).collect())
        })
        .collect();
    per_article.into_iter().flatten().collect()
}

/// The occurrences of a phrase and its variants in `text`, by start,
/// without overlaps (leftmost, then longest).
fn with_variants(text: &str, phrase: &str, variants: &[String]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = std::iter::once(phrase)
        .chain(variants.iter().map(String::as_str))
        .flat_map(|p| phrases::find_phrase(text, p))
        .collect();
    all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        if out.last().is_none_or(|l| r.start >= l.end) {
            out.push(r);
        }
    }
    out
}

/// A row of the phrases table: a curated family or a mined phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseRow {
    pub phrase: PhraseRef,
    /// How it reads (the family label, or the phrase).
    pub text: String,
    /// How many articles it occurs in (its range).
    pub articles: usize,
    pub occurrences: usize,
    /// Mined only: its weight, the evidence that it is a formula.
    pub score: Option<f64>,
    /// Mined only: all its articles come from one source (likely boilerplate).
    pub single_source: bool,
    /// Mined only: its position in the index's mined phrases.
    pub mined: Option<usize>,
    /// Formula or name (families are formulas).
    pub kind: PhraseKind,
    /// Families only: the forms the articles use when none of them holds
    /// the label itself (the "cold war" family found only as "bloc
    /// confrontation"), most used first; empty otherwise.
    pub found: Vec<String>,
}

impl PhraseRow {
    pub fn curated(&self) -> bool {
        matches!(self.phrase, PhraseRef::Family(_))
    }

    /// How the row reads in a list: its text, and for a family whose
    /// label no article uses, the forms they use ("cold war (as bloc
    /// confrontation)").
    pub fn shown(&self) -> String {
        if self.found.is_empty() {
            self.text.clone()
        } else {
            format!("{} (as {})", self.text, self.found.join(", "))
        }
    }

    /// A mined phrase's articles (all of them: mining counts every article,
    /// even when it chose its phrases from a sample).
    pub fn docs<'a>(&self, index: &'a Index) -> Option<&'a [ArticleId]> {
        index.mined().get(self.mined?).map(|m| m.docs.as_slice())
    }
}

/// The curated families with their counts (most widespread first), then
/// the mined phrases in their order (formulas by weight, then one-source
/// formulas, then names).
pub fn phrase_rows(index: &Index) -> Vec<PhraseRow> {
    let mut fam: Vec<(usize, usize)> = vec![(0, 0); index.family_labels().len()];
    for id in 0..index.len() as ArticleId {
        if !index.is_live(id) {
            continue;
        }
        for (f, n) in index.family_counts_of(id) {
            if let Some(e) = fam.get_mut(usize::from(f)) {
                e.0 += 1;
                e.1 += n as usize;
            }
        }
    }
    let mut out: Vec<PhraseRow> = index
        .family_labels()
        .iter()
        .zip(fam)
        .enumerate()
        .map(|(f, (label, (articles, occurrences)))| PhraseRow {
            phrase: PhraseRef::Family(f as u16),
            text: label.clone(),
            articles,
            occurrences,
            score: None,
            single_source: false,
            mined: None,
            kind: PhraseKind::Formula,
            found: Vec::new(),
        })
        .collect();
    for row in out.iter_mut().filter(|r| r.articles > 0) {
        if let PhraseRef::Family(f) = row.phrase {
            row.found = found_forms(index, f, &row.text);
        }
    }
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then(b.occurrences.cmp(&a.occurrences))
    });
    let mut mined: Vec<PhraseRow> = index
        .mined()
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.hidden)
        .map(|(i, m)| PhraseRow {
            phrase: PhraseRef::Text(m.phrase.clone()),
            text: m.phrase.clone(),
            articles: m.docs.len(),
            occurrences: m.occurrences,
            score: Some(m.weight),
            single_source: m.single_source,
            mined: Some(i),
            kind: m.kind,
            found: Vec::new(),
        })
        .collect();
    // a mined phrase that is one of the curated variants is already listed
    let forms = index.book().forms();
    mined.retain(|m| !forms.contains(&crate::analysis::phrases::normalize_phrase(&m.text)));
    // (the mined phrases come in their order already: formulas, one-source
    // formulas, names)
    out.extend(mined);
    out
}

/// Articles of a family read to tell whether its label is used.
const FOUND_SAMPLE: usize = 200;

/// The forms of family `f` the articles use (normalised, most used first,
/// at most three) when none of them uses the label itself (a form holding
/// the label's words, "new cold war" for "cold war", counts as the label):
/// empty when one does. Reads the family's articles up to
/// 200 of them (`FOUND_SAMPLE`), stopping at the first that uses the label.
pub fn found_forms(index: &Index, f: u16, label: &str) -> Vec<String> {
    let key = format!(" {} ", phrases::normalize_phrase(label));
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let ids = (0..index.len() as ArticleId)
        .filter(|&id| index.is_live(id) && index.families_of(id).contains(&f))
        .take(FOUND_SAMPLE);
    for id in ids {
        let Some(a) = index.article(id) else {
            continue;
        };
        for r in index.book().find_family(&a.body, usize::from(f)) {
            let form = phrases::normalize_phrase(a.body.get(r).unwrap_or(""));
            if format!(" {form} ").contains(&key) {
                return Vec::new();
            }
            *counts.entry(form).or_default() += 1;
        }
    }
    let mut forms: Vec<(String, usize)> = counts.into_iter().filter(|(f, _)| !f.is_empty()).collect();
    forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    forms.into_iter().take(3).map(|(f, _)| f).collect()
}

/// One concordance line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub article: ArticleId,
    pub range: Range<usize>,
    pub kwic: KwicLine,
}

/// Concordance lines for every occurrence, with `context` chars each side.
pub fn lines(index: &Index, occurrences: &[(ArticleId, Range<usize>)], context: usize) -> Vec<Line> {
    occurrences
        .par_iter()
        .filter_map(|(id, r)| {
            let a = index.article(*id)?;
            Some(Line {
                article: *id,
                range: r.clone(),
                kwic: phrases::kwic(&a.body, r.clone(), context),
            })
        })
        .collect()
}

/// Occurrences per article of a phrase row, for the chart, by date: from
/// the counts the index holds (a family's per article, a mined phrase's
/// from its count over the corpus), with no search of the texts.
pub fn counts(index: &Index, row: &PhraseRow) -> Vec<(ArticleId, usize)> {
    // the counts laid out by id (memory order), then the dates walked
    let mut per_id: Vec<u32> = vec![0; index.len()];
    match &row.phrase {
        PhraseRef::Family(f) => {
            for (id, n) in per_id.iter_mut().enumerate() {
                *n = index.family_count(id as ArticleId, *f);
            }
        }
        PhraseRef::Text(_) => {
            let counted = row
                .mined
                .and_then(|i| index.mined().get(i))
                .filter(|m| m.counts.len() == m.docs.len());
            let Some(m) = counted else {
                // not counted in advance: searched for
                let occ = occurrences(index, &row.phrase, row.docs(index));
                return per_article(index, &occ);
            };
            for (&d, &n) in m.docs.iter().zip(&m.counts) {
                if let Some(c) = per_id.get_mut(d as usize) {
                    *c = n;
                }
            }
        }
    }
    index
        .by_date()
        .iter()
        .filter_map(|&id| {
            let n = per_id[id as usize];
            (n > 0 && index.is_live(id)).then_some((id, n as usize))
        })
        .collect()
}

/// Occurrences per article, for the chart: (article, count), by date where
/// known (undated last), then corpus order.
pub fn per_article(index: &Index, occurrences: &[(ArticleId, Range<usize>)]) -> Vec<(ArticleId, usize)> {
    let mut counts: Vec<(ArticleId, usize)> = Vec::new();
    for (id, _) in occurrences {
        match counts.last_mut() {
            Some((last, n)) if last == id => *n += 1,
            _ => counts.push((*id, 1)),
        }
    }
    sort_by_date(index, &mut counts);
    counts
}

/// Dated articles first, by date; then by id (keys computed once per entry).
fn sort_by_date(index: &Index, counts: &mut [(ArticleId, usize)]) {
    let keys = index.date_keys();
    counts.sort_by_key(|&(id, _)| (keys.get(id as usize).copied().unwrap_or(UNDATED), id));
}

/// Every occurrence of a phrase, in article order, for the concordance. A
/// family's occurrences are already counted per article (the index's
/// facts), so only their number is known up front and each one's position
/// is found when it is asked for: the concordance of a family found in half
/// of 100,000 articles opens at once. A phrase's are found and listed, at
/// once ([`of`](Self::of)) or a slice at a time ([`start`](Self::start)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Occurrences {
    listed: Vec<(ArticleId, Range<usize>)>,
    /// Counted: the family, each article holding it, and the running total
    /// of occurrences up to and including each article.
    family: Option<u16>,
    articles: Vec<ArticleId>,
    ends: Vec<usize>,
    /// A phrase's articles still to search ([`Occurrences::step`]).
    scan: Option<Scan>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Scan {
    phrase: String,
    ids: Vec<ArticleId>,
    done: usize,
}

impl Occurrences {
    /// The occurrences of `phrase`, over `within` when given.
    pub fn of(index: &Index, phrase: &PhraseRef, within: Option<&[ArticleId]>) -> Occurrences {
        let PhraseRef::Family(f) = phrase else {
            return Occurrences {
                listed: occurrences(index, phrase, within),
                ..Occurrences::default()
            };
        };
        let mut articles = Vec::new();
        let mut ends = Vec::new();
        let mut total = 0;
        let mut add = |id: ArticleId| {
            let n = index.family_count(id, *f);
            if n > 0 {
                total += n as usize;
                articles.push(id);
                ends.push(total);
            }
        };
        match within {
            Some(ids) => ids.iter().copied().for_each(&mut add),
            None => (0..index.len() as ArticleId).for_each(&mut add),
        }
        Occurrences {
            family: Some(*f),
            articles,
            ends,
            ..Occurrences::default()
        }
    }

    /// Like [`of`](Self::of), but a phrase's occurrences are found in
    /// [`step`](Self::step)s, between frames: opening it takes no time.
    pub fn start(index: &Index, phrase: &PhraseRef, within: Option<&[ArticleId]>) -> Occurrences {
        match phrase {
            PhraseRef::Family(_) => Occurrences::of(index, phrase, within),
            PhraseRef::Text(t) => Occurrences {
                scan: Some(Scan {
                    phrase: t.clone(),
                    ids: within.map_or_else(|| (0..index.len() as ArticleId).collect(), <[_]>::to_vec),
                    done: 0,
                }),
                ..Occurrences::default()
            },
        }
    }

    /// (articles searched, articles to search) while a search is under way.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.scan.as_ref().map(|s| (s.done, s.ids.len()))
    }

    /// Searches more articles for about `budget` (at least one chunk); true
    /// when occurrences were added.
    pub fn step(&mut self, index: &Index, budget: std::time::Duration) -> bool {
        const CHUNK: usize = 2048;
        let started = std::time::Instant::now();
        let before = self.listed.len();
        while let Some(scan) = &mut self.scan {
            let end = (scan.done + CHUNK).min(scan.ids.len());
            let phrase = PhraseRef::Text(scan.phrase.clone());
            self.listed
                .extend(occurrences(index, &phrase, Some(&scan.ids[scan.done..end])));
            scan.done = end;
            if end == scan.ids.len() {
                self.scan = None;
            }
            if started.elapsed() >= budget {
                break;
            }
        }
        self.listed.len() > before
    }

    pub fn len(&self) -> usize {
        match self.family {
            Some(_) => self.ends.last().copied().unwrap_or(0),
            None => self.listed.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`-th occurrence: its article and byte range.
    pub fn get(&self, index: &Index, i: usize) -> Option<(ArticleId, Range<usize>)> {
        self.window(index, &[i]).pop().flatten()
    }

    /// The occurrences at `indices` (rows on screen): an article's positions
    /// are found once for the rows it holds, however long it is.
    pub fn window(&self, index: &Index, indices: &[usize]) -> Vec<Option<(ArticleId, Range<usize>)>> {
        let Some(f) = self.family else {
            return indices.iter().map(|&i| self.listed.get(i).cloned()).collect();
        };
        let mut found: Option<(usize, Vec<Range<usize>>)> = None;
        indices
            .iter()
            .map(|&i| {
                let k = self.ends.partition_point(|&end| end <= i);
                let id = *self.articles.get(k)?;
                if found.as_ref().is_none_or(|(at, _)| *at != k) {
                    let body = &index.article(id)?.body;
                    found = Some((k, index.book().find_family(body, usize::from(f))));
                }
                let first = if k == 0 { 0 } else { self.ends[k - 1] };
                let range = found.as_ref()?.1.get(i - first)?.clone();
                Some((id, range))
            })
            .collect()
    }

    /// All of them, positions found (on all cores).
    pub fn all(&self, index: &Index) -> Vec<(ArticleId, Range<usize>)> {
        match self.family {
            Some(f) => occurrences(index, &PhraseRef::Family(f), Some(&self.articles)),
            None => self.listed.clone(),
        }
    }
}

/// A phrase's use over time: per article (in date order), and summed per
/// month and per year, computed once when the phrase is selected so that
/// drawing its chart is cheap at any corpus size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// (article, occurrences), by date.
    pub counts: Vec<(ArticleId, usize)>,
    /// ("YY-MM", occurrences), in date order; "n/d" for articles without a date.
    pub months: Vec<(String, u64)>,
    /// ("YYYY", occurrences), likewise.
    pub years: Vec<(String, u64)>,
    /// Occurrences in all.
    pub total: usize,
}

impl Timeline {
    pub fn new(index: &Index, counts: Vec<(ArticleId, usize)>) -> Timeline {
        let keys = index.date_keys();
        // counts are in date order: a group is a run of equal months (or
        // years), compared as numbers; a label is made once per group. A
        // date of a year alone is a group of its own among the months.
        let group = |by_month: bool| -> Vec<(String, u64)> {
            let mut out: Vec<(String, u64)> = Vec::new();
            let mut last = None;
            for &(id, n) in &counts {
                let key = keys.get(id as usize).copied().unwrap_or(UNDATED);
                let k = if key == UNDATED {
                    UNDATED
                } else if by_month {
                    key >> 5
                } else {
                    key >> 9
                };
                match out.last_mut() {
                    Some(e) if last == Some(k) => e.1 += n as u64,
                    _ => {
                        let label = match index.date_of(id) {
                            Some(d) => match d.month() {
                                Some(m) if by_month => format!("{:02}-{m:02}", d.year() % 100),
                                _ => d.year().to_string(),
                            },
                            None => "n/d".to_string(),
                        };
                        out.push((label, n as u64));
                        last = Some(k);
                    }
                }
            }
            out
        };
        Timeline {
            months: group(true),
            years: group(false),
            total: counts.iter().map(|c| c.1).sum(),
            counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Analyzer;
    use crate::store::{Corpus, bundled_articles};

    fn index() -> Index {
        let articles = bundled_articles();
        let facts = Analyzer::new().facts_all(&articles);
        Index::with_facts(Corpus::new(articles), facts)
    }

    #[test]
    fn counted_family_occurrences_are_the_listed_ones() {
        let ix = index();
        for name in ["rock solid", "no limits", "hegemony", "multipolar world"] {
            let p = PhraseRef::resolve(&ix, name);
            let listed = occurrences(&ix, &p, None);
            let counted = Occurrences::of(&ix, &p, None);
            assert!(counted.family.is_some());
            assert_eq!(counted.len(), listed.len(), "{name}");
            let got: Vec<_> = (0..counted.len()).filter_map(|i| counted.get(&ix, i)).collect();
            assert_eq!(got, listed, "{name}");
            let all: Vec<usize> = (0..counted.len()).collect();
            let window: Vec<_> = counted.window(&ix, &all).into_iter().flatten().collect();
            assert_eq!(window, listed, "{name}");
            assert_eq!(counted.all(&ix), listed, "{name}");
            assert_eq!(counted.get(&ix, counted.len()), None);
        }
        // a phrase found in steps ends with the same occurrences
        let p = PhraseRef::Text("wang yi".into());
        let mut stepped = Occurrences::start(&ix, &p, None);
        assert_eq!((stepped.len(), stepped.progress()), (0, Some((0, ix.len()))));
        while stepped.progress().is_some() {
            stepped.step(&ix, std::time::Duration::ZERO);
        }
        assert_eq!(stepped.all(&ix), occurrences(&ix, &p, None));
        let text = Occurrences::of(&ix, &PhraseRef::Text("wang yi".into()), None);
        assert_eq!(
            text.all(&ix),
            occurrences(&ix, &PhraseRef::Text("wang yi".into()), None)
        );
    }

    #[test]
    fn chart_counts_from_the_index_are_the_searched_ones() {
        let articles: Vec<crate::store::Article> = crate::synth::corpus(300, 200, 8)
            .files
            .iter()
            .map(|(name, text)| crate::store::Article::from_text(name.clone(), text, false))
            .collect();
        let facts = Analyzer::new().facts_all(&articles);
        let mut ix = Index::with_facts(Corpus::new(articles), facts);
        ix.mine_phrases(&Default::default());
        let rows = phrase_rows(&ix);
        let mut mined = 0;
        for row in rows.iter().filter(|r| r.curated() || r.mined.is_some()).take(40) {
            let searched = per_article(&ix, &occurrences(&ix, &row.phrase, None));
            assert_eq!(counts(&ix, row), searched, "{}", row.text);
            assert_eq!(row.articles, searched.len(), "{}", row.text);
            mined += usize::from(row.mined.is_some());
        }
        assert!(mined > 10);
    }

    #[test]
    fn a_family_found_only_in_other_forms_says_which() {
        use crate::store::{Article, Meta};
        let art = |body: &str| Article::from_parts("a.txt".into(), Meta::default(), body, false);
        let texts = [
            "They reject bloc confrontation.",
            "No bloc confrontation, and no zero-sum game.",
            "Ties are rock-solid.",
        ];
        let articles: Vec<Article> = texts.iter().map(|t| art(t)).collect();
        let facts = Analyzer::new().facts_all(&articles);
        let ix = Index::with_facts(Corpus::new(articles), facts);
        let rows = phrase_rows(&ix);
        let row = |label: &str| rows.iter().find(|r| r.curated() && r.text == label).unwrap();
        let cold = row("cold war");
        assert_eq!(cold.found, ["bloc confrontation", "zero sum game"]);
        assert_eq!(cold.shown(), "cold war (as bloc confrontation, zero sum game)");
        // the label itself is used ("rock-solid" is "rock solid")
        assert!(row("rock solid").found.is_empty());
        assert_eq!(row("rock solid").shown(), "rock solid");
        // a family nobody uses says nothing
        assert!(row("hegemony").found.is_empty());
        // with one article using the label, the label stands
        let mut with_label: Vec<Article> = texts.iter().map(|t| art(t)).collect();
        with_label.push(art("A new Cold War looms."));
        let facts = Analyzer::new().facts_all(&with_label);
        let ix = Index::with_facts(Corpus::new(with_label), facts);
        let f = ix.book().family_index("cold war").unwrap() as u16;
        assert!(found_forms(&ix, f, "cold war").is_empty());
    }

    #[test]
    fn timeline_sums_per_month_and_year_in_date_order() {
        use crate::store::{Article, Meta};
        let dated = |d: Option<&str>| {
            let meta = Meta {
                title: "t".into(),
                date: d.map(str::to_string),
                ..Meta::default()
            };
            Article::from_parts("a.txt".into(), meta, "rock solid", false)
        };
        let ix = Index::new(Corpus::new(vec![
            dated(Some("2023-12-30")),
            dated(Some("2024-01-02")),
            dated(Some("2024-01-20")),
            dated(Some("2024-02")),
            dated(None),
            dated(Some("2024")),
            dated(Some("Feb 3, 2024")),
        ]));
        // in date order, as per_article gives them
        let mut counts = vec![(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7)];
        sort_by_date(&ix, &mut counts);
        assert_eq!(
            counts.iter().map(|c| c.0).collect::<Vec<_>>(),
            [0, 5, 1, 2, 3, 6, 4]
        );
        let t = Timeline::new(&ix, counts);
        let s = |v: &[(String, u64)]| v.iter().map(|(k, n)| format!("{k}:{n}")).collect::<Vec<_>>();
        // a year alone is its own bar, labelled as a year, never "24" or "2024-"
        assert_eq!(
            s(&t.months),
            ["23-12:1", "2024:6", "24-01:5", "24-02:11", "n/d:5"]
        );
        assert_eq!(s(&t.years), ["2023:1", "2024:22", "n/d:5"]);
        assert_eq!(t.total, 28);
    }

    #[test]
    fn family_occurrences_cover_every_variant() {
        let ix = index();
        let p = PhraseRef::resolve(&ix, "rock solid");
        assert!(matches!(p, PhraseRef::Family(_)));
        let occ = occurrences(&ix, &p, None);
        let texts: Vec<String> = occ
            .iter()
            .map(|(id, r)| ix.article(*id).unwrap().body[r.clone()].to_lowercase())
            .collect();
        assert!(texts.iter().any(|t| t == "rock-solid"), "{texts:?}");
        assert!(texts.iter().any(|t| t == "solid as rock"), "{texts:?}");
        let ids: std::collections::BTreeSet<_> = occ.iter().map(|o| o.0).collect();
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), [2, 4]);
    }

    #[test]
    fn text_phrases_and_kwic_lines() {
        let ix = index();
        let p = PhraseRef::resolve(&ix, "wang yi");
        assert_eq!(p, PhraseRef::Text("wang yi".into()));
        let occ = occurrences(&ix, &p, None);
        assert!(occ.len() >= 5);
        let lines = lines(&ix, &occ, 30);
        assert!(
            lines
                .iter()
                .all(|l| l.kwic.matched.eq_ignore_ascii_case("wang yi"))
        );
        assert!(lines.iter().all(|l| !l.kwic.left.contains('\n')));
    }

    #[test]
    fn per_article_counts_by_date() {
        let ix = index();
        let occ = occurrences(&ix, &PhraseRef::Text("wang".into()), None);
        let counts = per_article(&ix, &occ);
        let dates: Vec<_> = counts
            .iter()
            .map(|(id, _)| ix.article(*id).unwrap().date)
            .collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        assert_eq!(counts.iter().map(|c| c.1).sum::<usize>(), occ.len());
    }

    #[test]
    fn queries_for_the_filter() {
        let ix = index();
        assert_eq!(
            PhraseRef::resolve(&ix, "rock-solid").query(&ix),
            "#\"rock solid\""
        );
        assert_eq!(
            PhraseRef::Text("no \"limits\"".into()).query(&ix),
            "\"no limits\""
        );
    }
}
