//! Stories: articles that report the same event, grouped, and the measure
//! that ranks articles by how closely they report the same thing.
//!
//! # The measure: [`StoryIndex::similarity`]
//!
//! Each article becomes a weighted vector of its
//! [content words](super::content) (names, places, numbers and other words
//! that are not stopwords, normalised and lightly stemmed), plus its
//! speakers when the caller gives them (a speaker is a term of its own):
//!
//! ```text
//! weight(t, d) = (1 + ln tf(t, d)) × boost(t) × ln((N + 1) / (df(t) + 0.5))
//! ```
//!
//! where `boost` is 1.5 for names and numbers, 2 for speakers, 1 otherwise,
//! `N` the number of articles and `df(t)` the number holding `t`. The
//! similarity of two articles is the cosine of their vectors (0..=1), times
//! a date factor when both dates are known: 1 up to [`StoryOptions::same_days`]
//! days apart, falling linearly to 0 at [`StoryOptions::max_days`]. So
//! what counts is what the two share and few others have: the names of the
//! people in the room, the place, the figures ("four documents", "19%"),
//! the words of that day's news, whatever the wording around them. Words
//! the whole corpus uses ("Valdoria", "partnership") weigh almost nothing.
//!
//! To bound memory, a stored vector keeps an article's
//! [`StoryOptions::terms`] heaviest terms held by at least two articles
//! (normalised over all of its terms, so an article with much of its own
//! stays less similar to everything).
//!
//! # Groups: [`StoryIndex::stories`]
//!
//! 1. **Candidates.** For each article, its [`StoryOptions::probe`]
//!    heaviest terms that at most [`StoryOptions::max_df`] articles hold are
//!    looked up in the postings; the articles met accumulate partial dot
//!    products, and the best [`StoryOptions::neighbours`] of them get their
//!    exact similarity.
//! 2. **Linking.** Pairs at or above [`StoryOptions::threshold`] are merged
//!    strongest first (like single linkage), but two groups join only if the
//!    mean similarity over all pairs across them (a missing pair counts 0)
//!    is at least [`StoryOptions::cohesion`] × threshold: a chain of
//!    articles each like the next does not make one story of them all.
//! 3. **Labels.** Each group is labelled with up to three names (runs of
//!    capitalised words, "Port Selen") used by at least half of its
//!    articles, the rarest in the corpus first ([`label`]).
//!
//! Cost: linear in the text to build; the candidate step is bounded by
//! `probe × max_df` postings per article. 10,000 articles of 600 words in
//! well under 2 s on two cores (`cargo bench --bench stories`); 100,000 in a
//! few seconds, which is why the app runs it off the UI thread.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;

use super::content::{ContentWord, Kind, content_words};
use super::reuse::tokens::hash_bytes;

/// One article as the stories see it.
#[derive(Debug, Clone, Default)]
pub struct StoryDoc<'a> {
    /// The body.
    pub text: &'a str,
    /// Its date as a day number ([`day_number`]), when known.
    pub date: Option<i64>,
    /// Who is quoted in it: speaker keys (equal for the same person).
    pub speakers: Vec<String>,
}

/// Parameters of [`StoryIndex`].
#[derive(Debug, Clone, PartialEq)]
pub struct StoryOptions {
    /// Terms kept per article vector.
    pub terms: usize,
    /// Terms per article looked up for candidates.
    pub probe: usize,
    /// Terms held by more articles than this are not looked up for
    /// candidates (they still count in the similarity). `0`: 2% of the
    /// articles, at least 20 and at most 250.
    pub max_df: usize,
    /// Candidates per article whose exact similarity is computed.
    pub neighbours: usize,
    /// Least similarity for two articles to be one story.
    pub threshold: f64,
    /// Mean similarity across two groups, as a share of the threshold,
    /// needed for them to merge.
    pub cohesion: f64,
    /// Articles at most this many days apart are not penalised.
    pub same_days: i64,
    /// Articles this many days apart or more are never one story.
    pub max_days: i64,
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            terms: 96,
            probe: 24,
            max_df: 0,
            neighbours: 16,
            threshold: 0.2,
            cohesion: 0.75,
            same_days: 3,
            max_days: 10,
        }
    }
}

/// A group of articles reporting one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The articles (ids), in id order; at least two.
    pub members: Vec<u32>,
    /// Mean similarity of the pairs inside (a missing pair counts 0).
    pub cohesion: f64,
    /// The names the articles share, rarest first ("Port Selen · Kestneft").
    pub label: String,
}

/// The article vectors and the postings, for the similarity and the groups.
#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    /// Per article: (term id, weight), sorted by term id, normalised over
    /// all of the article's terms.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Per term: the articles holding it (in the stored vectors), sorted,
    /// with the term's weight there.
    postings: Vec<Vec<(u32, f32)>>,
    /// Per term key: (term id, df) for terms held by two articles or more.
    terms: HashMap<u64, (u32, u32)>,
    dates: Vec<Option<i64>>,
    opts: StoryOptions,
}

/// A term of one article before weighting: key, boost, raw count.
type RawTerm = (u64, f32, u32);

fn boost(kind: Kind) -> f32 {
    match kind {
        Kind::Name | Kind::Number => 1.5,
        Kind::Word => 1.0,
    }
}

const SPEAKER_BOOST: f32 = 2.0;

/// Above this many articles, [`StoryIndex::build`] finds each article's
/// terms twice instead of holding them all.
const TWO_PASSES: usize = 20_000;

/// The raw terms of one article, sorted by key.
fn raw_terms(doc: &StoryDoc) -> Vec<RawTerm> {
    let words: Vec<ContentWord> = story_blocks(doc.text).flat_map(content_words).collect();
    let mut v: Vec<(u64, f32)> = words.iter().map(|w| (w.key, boost(w.kind))).collect();
    for s in &doc.speakers {
        let mut key = b"@".to_vec();
        key.extend_from_slice(s.as_bytes());
        v.push((hash_bytes(&key), SPEAKER_BOOST));
    }
    v.sort_unstable_by_key(|t| t.0);
    let mut out: Vec<RawTerm> = Vec::with_capacity(v.len());
    for (k, b) in v {
        match out.last_mut() {
            Some(last) if last.0 == k => {
                last.1 = last.1.max(b);
                last.2 += 1;
            }
            _ => out.push((k, b, 1)),
        }
    }
    out
}

/// The blocks of a text that tell its story: the first block (the
/// headline) and every paragraph of [`MIN_BLOCK`] bytes or more, so that
/// bylines, datelines on their own line, "Editing by ..." and "Reuters
/// contributed to this report" do not make two articles of one outlet alike.
fn story_blocks(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .enumerate()
        .filter(|(i, b)| *i == 0 || b.len() >= MIN_BLOCK)
        .map(|(_, b)| b)
}

/// Shortest paragraph counted after the headline, in bytes.
const MIN_BLOCK: usize = 80;

fn idf(n: usize, df: u32) -> f32 {
    ((n as f32 + 1.0) / (df as f32 + 0.5)).ln().max(0.0)
}

impl StoryIndex {
    /// Indexes the articles (in parallel); article `i` is `docs[i]`.
    pub fn build(docs: &[StoryDoc], opts: StoryOptions) -> StoryIndex {
        StoryIndex::build_in(docs, opts, docs.len() > TWO_PASSES)
    }

    fn build_in(docs: &[StoryDoc], opts: StoryOptions, two_passes: bool) -> StoryIndex {
        let n = docs.len();
        // Past TWO_PASSES articles the terms are found twice (once for the
        // document frequencies, once for the vectors) rather than held:
        // about 5 KB an article
        let held: Option<Vec<Vec<RawTerm>>> = (!two_passes).then(|| docs.par_iter().map(raw_terms).collect());
        // document frequencies
        let df: HashMap<u64, u32> = (0..n)
            .into_par_iter()
            .map(|i| match &held {
                Some(h) => std::borrow::Cow::Borrowed(&h[i]),
                None => std::borrow::Cow::Owned(raw_terms(&docs[i])),
            })
            .fold(HashMap::new, |mut m: HashMap<u64, u32>, terms| {
                for t in terms.iter() {
                    *m.entry(t.0).or_default() += 1;
                }
                m
            })
            .reduce(HashMap::new, |a, b| {
                let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                for (k, v) in small {
                    *big.entry(k).or_default() += v;
                }
                big
            });
        let mut shared: Vec<(u64, u32)> = df.into_iter().filter(|&(_, d)| d >= 2).collect();
        shared.sort_unstable();
        let terms: HashMap<u64, (u32, u32)> = shared
            .iter()
            .enumerate()
            .map(|(i, &(k, d))| (k, (i as u32, d)))
            .collect();
        let keep = opts.terms.max(1);
        let raw = |i: usize| -> Vec<RawTerm> {
            match &held {
                Some(h) => h[i].clone(),
                None => raw_terms(&docs[i]),
            }
        };
        let vectors: Vec<Vec<(u32, f32)>> = (0..n)
            .into_par_iter()
            .map(|i| {
                let ts = raw(i);
                let mut norm = 0.0f32;
                let mut v: Vec<(u32, f32)> = Vec::new();
                for (k, b, tf) in ts {
                    let (id, d) = terms.get(&k).copied().unwrap_or((u32::MAX, 1));
                    let w = (1.0 + (tf as f32).ln()) * b * idf(n, d);
                    norm += w * w;
                    if id != u32::MAX && w > 0.0 {
                        v.push((id, w));
                    }
                }
                if v.len() > keep {
                    v.select_nth_unstable_by(keep, |x, y| y.1.total_cmp(&x.1));
                    v.truncate(keep);
                }
                let norm = norm.sqrt();
                if norm > 0.0 {
                    for t in &mut v {
                        t.1 /= norm;
                    }
                }
                v.sort_unstable_by_key(|t| t.0);
                v
            })
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); shared.len()];
        for (d, v) in vectors.iter().enumerate() {
            for &(t, w) in v {
                postings[t as usize].push((d as u32, w));
            }
        }
        StoryIndex {
            vectors,
            postings,
            terms,
            dates: docs.iter().map(|d| d.date).collect(),
            opts,
        }
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// Whether there is no article.
    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    /// The options it was built with.
    pub fn options(&self) -> &StoryOptions {
        &self.opts
    }

    /// How many articles hold the term of this key (0 when none or one does).
    fn df_of(&self, key: u64) -> u32 {
        self.terms.get(&key).map_or(0, |t| t.1)
    }

    /// The date factor of two articles: 1 when either date is unknown or
    /// they are at most `same_days` apart, 0 from `max_days` apart.
    pub fn date_factor(&self, a: u32, b: u32) -> f64 {
        let (Some(Some(x)), Some(Some(y))) = (self.dates.get(a as usize), self.dates.get(b as usize)) else {
            return 1.0;
        };
        let d = x.abs_diff(*y) as i64;
        let (lo, hi) = (
            self.opts.same_days,
            self.opts.max_days.max(self.opts.same_days + 1),
        );
        if d <= lo {
            1.0
        } else if d >= hi {
            0.0
        } else {
            (hi - d) as f64 / (hi - lo) as f64
        }
    }

    /// Cosine of the two stored vectors (0..=1), without the date factor.
    pub fn cosine(&self, a: u32, b: u32) -> f64 {
        match (self.vectors.get(a as usize), self.vectors.get(b as usize)) {
            (Some(x), Some(y)) => f64::from(dot(x, y)).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }

    /// How closely two articles report the same thing (0..=1): the cosine of
    /// their weighted content words, times the date factor. 0 for an
    /// unknown id.
    pub fn similarity(&self, a: u32, b: u32) -> f64 {
        self.cosine(a, b) * self.date_factor(a, b)
    }

    /// Every other article with a similarity above 0 to `doc`, best first
    /// (ties by id), at most `limit`. Exhaustive: every article sharing a
    /// stored term is scored.
    pub fn most_similar(&self, doc: u32, limit: usize) -> Vec<(u32, f64)> {
        let Some(q) = self.vectors.get(doc as usize) else {
            return Vec::new();
        };
        let mut acc: HashMap<u32, f32> = HashMap::new();
        for &(t, w) in q {
            for &(e, we) in &self.postings[t as usize] {
                if e != doc {
                    *acc.entry(e).or_default() += w * we;
                }
            }
        }
        let mut out: Vec<(u32, f64)> = acc
            .into_iter()
            .map(|(e, s)| (e, f64::from(s).clamp(0.0, 1.0) * self.date_factor(doc, e)))
            .filter(|&(_, s)| s > 0.0)
            .collect();
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        out.truncate(limit);
        out
    }

    /// Whether both dates are known and too far apart for one story.
    fn too_far(&self, a: u32, b: u32) -> bool {
        match (self.dates[a as usize], self.dates[b as usize]) {
            (Some(x), Some(y)) => x.abs_diff(y) as i64 >= self.opts.max_days.max(self.opts.same_days + 1),
            _ => false,
        }
    }

    fn max_df(&self) -> usize {
        if self.opts.max_df > 0 {
            self.opts.max_df
        } else {
            (self.len() / 50).clamp(20, 250)
        }
    }

    /// The candidate pairs and their similarity: for each article, its best
    /// `neighbours` met through rare terms, at or above `min`. Each pair once
    /// (a < b), sorted by similarity, best first.
    pub fn pairs(&self, min: f64) -> Vec<(u32, u32, f64)> {
        let n = self.len();
        let max_df = self.max_df();
        let probe = self.opts.probe.max(1);
        let keep = self.opts.neighbours.max(1);
        let mut pairs: Vec<(u32, u32, f64)> = (0..n as u32)
            .into_par_iter()
            .map_init(
                || (vec![0f32; n], Vec::<u32>::new()),
                |(acc, touched), d| {
                    let v = &self.vectors[d as usize];
                    let mut probes: Vec<(u32, f32)> = v
                        .iter()
                        .copied()
                        .filter(|&(t, _)| self.postings[t as usize].len() <= max_df)
                        .collect();
                    if probes.len() > probe {
                        probes.select_nth_unstable_by(probe, |x, y| y.1.total_cmp(&x.1));
                        probes.truncate(probe);
                    }
                    for (t, w) in probes {
                        for &(e, we) in &self.postings[t as usize] {
                            if e == d || self.too_far(d, e) {
                                continue;
                            }
                            if acc[e as usize] == 0.0 {
                                touched.push(e);
                            }
                            acc[e as usize] += (w * we).max(f32::MIN_POSITIVE);
                        }
                    }
                    let mut cands: Vec<(u32, f32)> = touched.iter().map(|&e| (e, acc[e as usize])).collect();
                    for &e in touched.iter() {
                        acc[e as usize] = 0.0;
                    }
                    touched.clear();
                    if cands.len() > keep {
                        cands.select_nth_unstable_by(keep, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                        cands.truncate(keep);
                    }
                    cands
                        .into_iter()
                        .map(|(e, _)| (d.min(e), d.max(e), self.similarity(d, e)))
                        .filter(|p| p.2 >= min)
                        .collect::<Vec<_>>()
                },
            )
            .flatten()
            .collect();
        pairs.par_sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
        pairs.dedup_by(|x, y| x.0 == y.0 && x.1 == y.1);
        pairs
    }

    /// The stories: groups of two articles or more, biggest first (then by
    /// cohesion, then first member). `texts[i]` is article i's body (for
    /// the labels).
    pub fn stories(&self, texts: &[&str]) -> Vec<Story> {
        let pairs = self.story_pairs();
        self.stories_among(&pairs, |_| true, texts)
    }

    /// The pairs [`stories`](Self::stories) groups along: those at or above
    /// the threshold. They do not depend on which articles are grouped, so a
    /// view keeps them and groups any subset with
    /// [`stories_among`](Self::stories_among).
    pub fn story_pairs(&self) -> Vec<(u32, u32, f64)> {
        self.pairs(self.opts.threshold)
    }

    /// The stories among the articles `keep` accepts (a filter's), from
    /// `pairs` ([`story_pairs`](Self::story_pairs)): the same grouping as
    /// [`stories`](Self::stories) over those articles alone (the weights
    /// stay the whole corpus's).
    pub fn stories_among(
        &self,
        pairs: &[(u32, u32, f64)],
        keep: impl Fn(u32) -> bool,
        texts: &[&str],
    ) -> Vec<Story> {
        let t = self.opts.threshold;
        let kept: Vec<(u32, u32, f64)> = pairs.iter().copied().filter(|p| keep(p.0) && keep(p.1)).collect();
        let groups = link(self.len(), &kept, t * self.opts.cohesion);
        let mut out: Vec<Story> = groups
            .into_par_iter()
            .map(|(members, cohesion)| {
                let label = label(self, &members, texts);
                Story {
                    members,
                    cohesion,
                    label,
                }
            })
            .collect();
        out.sort_by(|x, y| {
            y.members
                .len()
                .cmp(&x.members.len())
                .then(y.cohesion.total_cmp(&x.cohesion))
                .then(x.members[0].cmp(&y.members[0]))
        });
        out
    }
}

/// One row of the most-similar list ([`rank_similar`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Similar {
    /// The other article.
    pub id: u32,
    /// Its story similarity to the query ([`StoryIndex::similarity`]).
    pub story: f64,
    /// What [`compare`](super::reuse::compare) finds between the query (A)
    /// and it (B): the share of the query's words in shared passages...
    pub a_shared: f64,
    /// ... the share of its words in them ...
    pub b_shared: f64,
    /// ... and the number of passages.
    pub passages: usize,
    /// What the list is ranked by: the highest of `story`, `a_shared` and
    /// `b_shared`.
    pub score: f64,
}

/// Articles scored by the story similarity and then compared, at most.
pub const SIMILAR_CANDIDATES: usize = 200;

/// The articles most like `doc`, best first, at most `limit`: the
/// [`SIMILAR_CANDIDATES`] best by story similarity plus `extra` candidates
/// (those a [`SimilarityIndex`](super::reuse::SimilarityIndex) finds
/// sharing text), each compared with `doc` by
/// [`compare`](super::reuse::compare), ranked by [`Similar::score`].
///
/// This is how it agrees with the compare view: every figure of shared
/// passages it shows is compare's own, and an article that shares a
/// passage scores above 0, so it is listed unless `limit` better ones are.
/// `text(id)` gives an article's body (None for a deleted one: skipped).
/// Runs on all cores; for one query over 100,000 articles, a few tens of
/// milliseconds, so the app runs it off the UI thread.
pub fn rank_similar<'t, F>(index: &StoryIndex, doc: u32, text: F, extra: &[u32], limit: usize) -> Vec<Similar>
where
    F: Fn(u32) -> Option<&'t str> + Sync,
{
    let Some(query) = text(doc) else {
        return Vec::new();
    };
    let mut cands: Vec<(u32, f64)> = index.most_similar(doc, SIMILAR_CANDIDATES);
    for &e in extra {
        if e != doc && !cands.iter().any(|c| c.0 == e) {
            cands.push((e, index.similarity(doc, e)));
        }
    }
    let mut out: Vec<Similar> = cands
        .into_par_iter()
        .filter_map(|(id, story)| {
            let other = text(id)?;
            let c = super::reuse::compare(query, other);
            let score = story.max(c.a_shared).max(c.b_shared);
            (score > 0.0 || !c.passages.is_empty()).then_some(Similar {
                id,
                story,
                a_shared: c.a_shared,
                b_shared: c.b_shared,
                passages: c.passages.len(),
                score,
            })
        })
        .collect();
    out.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(y.passages.cmp(&x.passages))
            .then(x.id.cmp(&y.id))
    });
    out.truncate(limit);
    out
}

fn dot(x: &[(u32, f32)], y: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Merges articles along `pairs` (sorted best first): two groups join when
/// the mean similarity over all pairs across them, a missing pair counting
/// 0, is at least `min_mean`. Returns the groups of two or more (members
/// sorted) with their mean inner similarity.
fn link(n: usize, pairs: &[(u32, u32, f64)], min_mean: f64) -> Vec<(Vec<u32>, f64)> {
    // the known similarities, for the mean across two groups
    let mut adj: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
    for &(a, b, s) in pairs {
        adj[a as usize].push((b, s));
        adj[b as usize].push((a, s));
    }
    // no pair is above 1, so a group can only join one of at most
    // `max_deg / min_mean` articles: bigger ones are skipped unchecked
    let max_deg = adj.iter().map(Vec::len).max().unwrap_or(0) as f64;
    let mut group: Vec<u32> = (0..n as u32).collect();
    let mut members: Vec<Vec<u32>> = (0..n as u32).map(|i| vec![i]).collect();
    let mut inner: Vec<f64> = vec![0.0; n];
    for &(a, b, _) in pairs {
        let (ga, gb) = (group[a as usize], group[b as usize]);
        if ga == gb {
            continue;
        }
        let (small, big) = if members[ga as usize].len() <= members[gb as usize].len() {
            (ga, gb)
        } else {
            (gb, ga)
        };
        if max_deg / (members[big as usize].len() as f64) < min_mean {
            continue;
        }
        let across: f64 = members[small as usize]
            .iter()
            .flat_map(|&m| adj[m as usize].iter())
            .filter(|(e, _)| group[*e as usize] == big)
            .map(|(_, s)| s)
            .sum();
        let count = members[small as usize].len() * members[big as usize].len();
        if across / (count as f64) < min_mean {
            continue;
        }
        let moved = std::mem::take(&mut members[small as usize]);
        for &m in &moved {
            group[m as usize] = big;
        }
        members[big as usize].extend(moved);
        inner[big as usize] += inner[small as usize] + across;
    }
    members
        .into_iter()
        .enumerate()
        .filter(|(_, m)| m.len() >= 2)
        .map(|(g, mut m)| {
            m.sort_unstable();
            let k = m.len() as f64;
            let mean = inner[g] / (k * (k - 1.0) / 2.0);
            (m, mean)
        })
        .collect()
}

/// Most articles of a group read to label it.
const LABEL_SAMPLE: usize = 64;

/// Runs of capitalised words ("Port Selen", "Anselm Varga") in a text: the
/// word ranges of each run, consecutive names separated by one space only.
fn name_runs(words: &[ContentWord], text: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for w in words.iter().filter(|w| w.kind == Kind::Name) {
        open = match open {
            Some(r) if text.get(r.end..w.range.start) == Some(" ") => Some(r.start..w.range.end),
            Some(r) => {
                runs.push(r);
                Some(w.range.clone())
            }
            None => Some(w.range.clone()),
        };
    }
    runs.extend(open);
    runs
}

/// A label for a group: up to three names (runs of capitalised words) that
/// at least half of its articles (and two) use, most widely used in the
/// group first, then rarest in the corpus; a name inside one already chosen
/// ("Selen" after "Port Selen") is skipped. Falls back to the group's
/// heaviest shared content words; with none of either, to the single name
/// word the most of its articles share ("Lukashenko" in "President
/// Alexander Lukashenko" and "Lukashenko said"), then to any words two of
/// them share. Empty only when its articles share no word at all (the rows
/// then show a title: see [`crate::stories`]).
pub fn label(index: &StoryIndex, members: &[u32], texts: &[&str]) -> String {
    // a big group is labelled from an even sample of its articles
    let step = members.len().div_ceil(LABEL_SAMPLE).max(1);
    let members: Vec<u32> = members.iter().copied().step_by(step).collect();
    let need = members.len().div_ceil(2).max(2);
    // name key → (articles, rarity, display form)
    let mut names: HashMap<String, (usize, f32, String)> = HashMap::new();
    let mut words: HashMap<u64, (usize, f32, String)> = HashMap::new();
    // single words of names ("Lukashenko" in "President Alexander
    // Lukashenko" and in "Lukashenko said"), for a group with no whole name
    // in common
    // (articles, rarity, display form, occurrences)
    let mut name_words: HashMap<u64, (usize, f32, String, usize)> = HashMap::new();
    let n = index.len();
    for &m in &members {
        let Some(text) = texts.get(m as usize) else {
            continue;
        };
        let cw = content_words(text);
        let mut seen_names: HashSet<String> = HashSet::new();
        for r in name_runs(&cw, text) {
            let shown = &text[r.clone()];
            let key = shown.to_lowercase();
            if seen_names.contains(&key) || key.split(' ').all(super::content::is_calendar_word) {
                continue;
            }
            let rarity = cw
                .iter()
                .filter(|w| w.range.start >= r.start && w.range.end <= r.end)
                .map(|w| idf(n, index.df_of(w.key).max(1)))
                .fold(0.0, f32::max);
            let e = names.entry(key.clone()).or_insert((0, rarity, shown.to_string()));
            e.0 += 1;
            seen_names.insert(key);
        }
        let mut seen: HashSet<u64> = HashSet::new();
        for w in &cw {
            if w.kind == Kind::Word && seen.insert(w.key) {
                let rarity = idf(n, index.df_of(w.key).max(1));
                let e = words
                    .entry(w.key)
                    .or_insert((0, rarity, text[w.range.clone()].to_lowercase()));
                e.0 += 1;
            } else if w.kind == Kind::Name
                && !super::content::is_calendar_word(&text[w.range.clone()].to_lowercase())
            {
                let rarity = idf(n, index.df_of(w.key).max(1));
                let e = name_words
                    .entry(w.key)
                    .or_insert((0, rarity, text[w.range.clone()].to_string(), 0));
                e.0 += usize::from(seen.insert(w.key));
                e.3 += 1;
            }
        }
    }
    let pick = |mut cands: Vec<(usize, f32, String)>, need: usize| -> Vec<String> {
        cands.retain(|c| c.0 >= need);
        cands.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.total_cmp(&x.1)).then(x.2.cmp(&y.2)));
        let mut chosen: Vec<String> = Vec::new();
        for c in cands {
            let lower = c.2.to_lowercase();
            if chosen.iter().any(|p| p.to_lowercase().contains(&lower)) {
                continue;
            }
            chosen.push(c.2);
            if chosen.len() == 3 {
                break;
            }
        }
        chosen
    };
    // names the whole corpus uses tell nothing: only names rarer than half
    let half = idf(n, (n / 2) as u32);
    let mut chosen = pick(names.into_values().filter(|c| c.1 >= half).collect(), need);
    if chosen.len() < 2 {
        let more = pick(
            words
                .iter()
                .filter(|c| c.1.1 >= half)
                .map(|c| c.1.clone())
                .collect(),
            need,
        );
        chosen.extend(more.into_iter().take(3 - chosen.len()));
    }
    // never empty while two articles share something: the name word most
    // of them share, then any shared words, however common
    if chosen.is_empty() {
        chosen = name_words
            .into_values()
            .filter(|c| c.0 >= 2)
            .max_by(|x, y| {
                (x.0.cmp(&y.0))
                    .then(x.1.total_cmp(&y.1))
                    .then(x.3.cmp(&y.3))
                    .then(y.2.cmp(&x.2))
            })
            .map(|c| c.2)
            .into_iter()
            .collect();
    }
    if chosen.is_empty() {
        chosen = pick(words.into_values().collect(), 2);
    }
    chosen.join(" · ")
}

/// The day number (days since 1970-01-01) of a date written `YYYY-MM-DD`
/// (anything after the tenth character is ignored: a time, a zone), or
/// `YYYY/MM/DD`. None for anything else or an impossible date.
pub fn day_number(date: &str) -> Option<i64> {
    let d = date.trim().as_bytes();
    if d.len() < 10 || !matches!(d[4], b'-' | b'/') || d[7] != d[4] {
        return None;
    }
    let num = |r: Range<usize>| -> Option<i64> {
        let s = std::str::from_utf8(&d[r]).ok()?;
        s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse().ok())?
    };
    let (y, m, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || day < 1 || day > days_in_month(y, m) {
        return None;
    }
    // Howard Hinnant's days_from_civil
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> StoryDoc<'_> {
        StoryDoc {
            text,
            ..StoryDoc::default()
        }
    }

    const MEETING_A: &str = "Foreign ministers Ruslan Bereth and Lidia Kovane met in Valdor on Monday \
        and signed four documents on visa-free travel and the port of Port Selen. Trade grew by 19%.";
    const MEETING_B: &str = "In Valdor, Bereth and Kovane signed four agreements, including visa-free \
        group travel and joint use of Port Selen. Bereth said trade rose 19% this year.";
    const OTHER: &str = "The central bank raised interest rates to curb inflation, which reached \
        seven percent in March, the highest since the pandemic began.";
    const OTHER2: &str = "Farmers in the south harvested a record wheat crop after heavy spring rain, \
        the agriculture ministry reported on Friday.";

    fn index(texts: &[&str]) -> StoryIndex {
        let docs: Vec<StoryDoc> = texts.iter().map(|t| doc(t)).collect();
        StoryIndex::build(&docs, StoryOptions::default())
    }

    #[test]
    fn reports_of_one_event_are_closer_than_unrelated_ones() {
        let ix = index(&[MEETING_A, MEETING_B, OTHER, OTHER2]);
        let same = ix.similarity(0, 1);
        assert!(same > 0.3, "{same}");
        assert!(ix.similarity(0, 2) < 0.05);
        assert_eq!(ix.similarity(0, 1), ix.similarity(1, 0));
        assert_eq!(ix.similarity(0, 99), 0.0);
    }

    #[test]
    fn grouping_a_subset_keeps_only_its_articles() {
        let texts = [MEETING_A, OTHER, MEETING_B, OTHER2];
        let ix = index(&texts);
        let pairs = ix.story_pairs();
        let all = ix.stories_among(&pairs, |_| true, &texts);
        assert_eq!(all, ix.stories(&texts));
        assert_eq!(all[0].members, [0, 2]);
        // without article 2 there is no pair left to group
        assert!(ix.stories_among(&pairs, |d| d != 2, &texts).is_empty());
        assert_eq!(ix.stories_among(&pairs, |d| d != 1, &texts), all);
    }

    #[test]
    fn groups_the_two_reports_with_a_label() {
        let texts = [MEETING_A, OTHER, MEETING_B, OTHER2];
        let ix = index(&texts);
        let s = ix.stories(&texts);
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].members, [0, 2]);
        for name in ["Port Selen", "Valdor"] {
            assert!(s[0].label.contains(name), "{}", s[0].label);
        }
    }

    #[test]
    fn a_label_falls_back_to_a_shared_name_word() {
        // no whole name and no word in common but "Oksberg"
        let a = "Trade delegates greeted Governor Hanna Oksberg in the harbour town.";
        let b = "Rain fell as Oksberg opened the new bridge.";
        let texts = [a, OTHER, b, OTHER2];
        let ix = index(&texts);
        assert_eq!(label(&ix, &[0, 2], &texts), "Oksberg");
        // nothing shared at all: empty (the rows show a title)
        assert_eq!(label(&ix, &[1, 3], &texts), "");
    }

    #[test]
    fn dates_far_apart_are_never_one_story() {
        let docs = [
            StoryDoc {
                date: day_number("2023-07-24"),
                ..doc(MEETING_A)
            },
            StoryDoc {
                date: day_number("2023-09-24"),
                ..doc(MEETING_B)
            },
            doc(OTHER),
        ];
        let ix = StoryIndex::build(&docs, StoryOptions::default());
        assert_eq!(ix.similarity(0, 1), 0.0);
        assert!(ix.cosine(0, 1) > 0.3);
        assert!(ix.stories(&[MEETING_A, MEETING_B, OTHER]).is_empty());
        assert!(ix.most_similar(0, 10).iter().all(|&(e, _)| e != 1));
    }

    #[test]
    fn date_factor_falls_between_the_bounds() {
        let dates = ["2023-07-24", "2023-07-26", "2023-07-30", "2023-08-10"];
        let docs: Vec<StoryDoc> = dates
            .iter()
            .map(|d| StoryDoc {
                date: day_number(d),
                ..doc("x")
            })
            .chain([doc("y")])
            .collect();
        let ix = StoryIndex::build(&docs, StoryOptions::default());
        assert_eq!(ix.date_factor(0, 1), 1.0);
        assert!((ix.date_factor(0, 2) - 4.0 / 7.0).abs() < 1e-9);
        assert_eq!(ix.date_factor(0, 3), 0.0);
        assert_eq!(ix.date_factor(0, 4), 1.0);
    }

    #[test]
    fn shared_speakers_bring_articles_closer() {
        let a = "The delegation visited the harbour and the new terminal.";
        let b = "Officials toured the harbour before talks on the terminal.";
        let c = "Engineers inspected a bridge and a tunnel upstream.";
        let plain = StoryIndex::build(&[doc(a), doc(b), doc(c)], StoryOptions::default());
        let with = |t| StoryDoc {
            speakers: vec!["lidia kovane".into()],
            ..doc(t)
        };
        let spoken = StoryIndex::build(&[with(a), with(b), doc(c)], StoryOptions::default());
        assert!(spoken.similarity(0, 1) > plain.similarity(0, 1));
    }

    #[test]
    fn most_similar_is_ranked_and_excludes_itself() {
        let ix = index(&[MEETING_A, MEETING_B, OTHER, OTHER2, MEETING_A]);
        let got = ix.most_similar(0, 10);
        assert_eq!(got[0].0, 4);
        assert!((got[0].1 - 1.0).abs() < 1e-5);
        assert_eq!(got[1].0, 1);
        assert!(got.iter().all(|&(e, _)| e != 0));
        assert!(got.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(ix.most_similar(42, 10).is_empty());
    }

    #[test]
    fn a_chain_does_not_make_one_story() {
        // a–b and b–c strong, a–c nothing: the mean across {a, b} and {c} is
        // too low for c to join
        let pairs = [(0, 1, 0.9), (1, 2, 0.5)];
        let groups = link(3, &pairs, 0.4);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].0, [0, 1]);
        let groups = link(3, &pairs, 0.25);
        assert_eq!(groups[0].0, [0, 1, 2]);
        assert!((groups[0].1 - (0.9 + 0.5) / 3.0).abs() < 1e-9);
    }

    #[test]
    fn empty_and_tiny_inputs() {
        let ix = StoryIndex::build(&[], StoryOptions::default());
        assert!(ix.stories(&[]).is_empty());
        let ix = index(&[""]);
        assert!(ix.stories(&[""]).is_empty());
        assert!(ix.most_similar(0, 5).is_empty());
    }

    #[test]
    fn rank_similar_agrees_with_compare() {
        // many unrelated articles, one sharing a single ten-word sentence
        // with the query and nothing else
        let shared = "the committee approved the harbour budget after a long night";
        let query =
            format!("Tomatoes ripened early in the valley. {shared}. Bees swarmed near the orchard gate.");
        let x = format!(
            "Quarterly chess results arrived from the capital. {shared}. Players protested the clocks."
        );
        let mut texts: Vec<String> = (0..60)
            .map(|i| {
                format!("Report {i} on weather number {i}: rain fell over district {i} and roads closed.")
            })
            .collect();
        texts.push(query.clone());
        texts.push(x.clone());
        texts.push(query.clone());
        let docs: Vec<StoryDoc> = texts.iter().map(|t| doc(t)).collect();
        let ix = StoryIndex::build(&docs, StoryOptions::default());
        let q = 60;
        let got = rank_similar(&ix, q, |i| texts.get(i as usize).map(String::as_str), &[], 10);
        let xr = got
            .iter()
            .find(|s| s.id == 61)
            .expect("the article sharing a sentence is listed");
        assert_eq!(xr.passages, 1);
        assert!(xr.score > 0.0);
        assert_eq!(got[0].id, 62);
        assert!((got[0].score - 1.0).abs() < 1e-6);
        for s in &got {
            let c = crate::analysis::reuse::compare(&query, &texts[s.id as usize]);
            assert_eq!(s.passages, c.passages.len());
            assert_eq!(s.a_shared, c.a_shared);
        }
        assert!(got.windows(2).all(|w| w[0].score >= w[1].score));
        // a deleted query or unknown id: nothing
        assert!(rank_similar(&ix, q, |_| None, &[], 10).is_empty());
        assert!(rank_similar(&ix, 999, |i| texts.get(i as usize).map(String::as_str), &[], 10).is_empty());
    }

    #[test]
    fn two_passes_give_the_same_index() {
        let texts = [MEETING_A, MEETING_B, OTHER, OTHER2, MEETING_A];
        let docs: Vec<StoryDoc> = texts.iter().map(|t| doc(t)).collect();
        let one = StoryIndex::build_in(&docs, StoryOptions::default(), false);
        let two = StoryIndex::build_in(&docs, StoryOptions::default(), true);
        assert_eq!(one.vectors, two.vectors);
        assert_eq!(one.postings, two.postings);
        assert_eq!(one.stories(&texts), two.stories(&texts));
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2023-07-24"), Some(19_562));
        assert_eq!(day_number("2023/07/25"), Some(19_563));
        assert_eq!(day_number("2024-02-29T10:00:00Z"), Some(19_782));
        assert_eq!(day_number("2023-02-29"), None);
        assert_eq!(day_number("2023-13-01"), None);
        assert_eq!(day_number("2023-07"), None);
        assert_eq!(day_number("July 24, 2023"), None);
        assert_eq!(day_number("2023-07/24"), None);
        assert_eq!(day_number("２０２３-07-24"), None);
    }
}
