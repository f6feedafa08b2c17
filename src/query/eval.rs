//! Compiling a [`Query`] against an [`Index`] and evaluating it.
//!
//! Body terms (phrases and exact words) are the expensive part: they scan
//! article text. Their results are kept per term in a [`TermCache`], so while
//! a user types only the term being typed is recomputed; a phrase that
//! extends a cached one ("rock s" → "rock so") only rescans the articles that
//! matched before; and articles added since (background loading) are scanned
//! alone. Everything else works on short strings and precomputed facts.

use std::ops::Range;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use regex::{Regex, RegexBuilder};

use super::{Query, QueryError, StateTerm, TermKind};
use crate::analysis::speakers::SpeakerKind;
use crate::analysis::{phrases, text};
use crate::index::Index;
use crate::state::{ArticleState, ArticleStates};
use crate::store::ArticleId;

/// One matching article and its rank score (higher first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: ArticleId,
    pub score: i64,
}

/// A query compiled against an index, ready to evaluate.
pub struct Matcher {
    groups: Vec<Vec<Compiled>>,
    fuzzy: SkimMatcherV2,
    /// The user's marks per article, for state terms (none: every article
    /// unread, unstarred, untagged, without a note).
    states: Option<Arc<ArticleStates>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("groups", &self.groups.len())
            .finish()
    }
}

#[derive(Debug)]
struct Compiled {
    negated: bool,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    /// pattern, lowercase pattern chars (prefilter), speaker ids that match with their score
    Fuzzy {
        pattern: String,
        lower: Vec<char>,
        speakers: Vec<Option<i64>>,
    },
    Body(BodyPattern),
    /// per speaker id: its score if the name matches
    Speaker(Vec<Option<i64>>),
    Family(u16),
    State(StateTerm),
    /// `source:`: the outlet the table names (exactly), else the pattern as names match
    Source {
        outlet: Option<String>,
        pattern: String,
        lower: Vec<char>,
    },
    Title {
        pattern: String,
        lower: Vec<char>,
    },
    Date(crate::query::DateRange),
}

/// Whether an article's marks (None: none stored) satisfy a state term.
fn state_matches(term: &StateTerm, state: Option<&ArticleState>) -> bool {
    match term {
        StateTerm::Tag(t) => state.is_some_and(|s| s.has_tag(t)),
        StateTerm::Starred => state.is_some_and(|s| s.starred),
        StateTerm::Unread => !state.is_some_and(|s| s.read),
        StateTerm::Read => state.is_some_and(|s| s.read),
        StateTerm::HasNote => state.is_some_and(|s| s.note.is_some()),
    }
}

/// A compiled phrase or exact-word term.
///
/// A phrase is found the tolerant way the phrase families, the mined
/// phrases and the concordance use ([`phrases::find_phrase`]): any case,
/// any run of spaces, line breaks, hyphens, quotes or commas between its
/// words, whole words, never across a sentence end. A looser regex (its
/// words in order, anything but letters and digits between them) rejects
/// most articles first, on raw text too ([`prefilter`]).
#[derive(Debug, Clone)]
pub struct BodyPattern {
    key: String,
    regex: Regex,
    /// A phrase's text, for the tolerant search after the regex.
    phrase: Option<String>,
    /// The phrase is plain ASCII words (spaces, hyphens or commas between):
    /// a regex match that is plain too is a tolerant match as it stands.
    plain: bool,
}

/// Matches counted per article for ranking; counting further only costs time.
const MAX_COUNT: usize = 20;

/// What the regex lets through between two words of a phrase: anything but
/// letters and digits (the tolerant search then decides).
const GAP: &str = r"[^\p{Alphabetic}\p{N}]+";

impl BodyPattern {
    /// A phrase or exact-word term's pattern (None for other terms, and
    /// for one with no words).
    pub fn of(kind: &TermKind) -> Option<BodyPattern> {
        match kind {
            TermKind::Phrase(p) => BodyPattern::phrase(p),
            TermKind::Word(w) => BodyPattern::word(w),
            _ => None,
        }
    }

    /// A phrase: its words in order, found the tolerant way.
    pub fn phrase(text: &str) -> Option<BodyPattern> {
        let words: Vec<String> = text::words(text).map(|w| word_regex(w.text)).collect();
        if words.is_empty() {
            return None;
        }
        Some(BodyPattern {
            key: format!("\"{}", text.trim_start()),
            regex: build(&words.join(GAP)),
            phrase: Some(text.to_string()),
            plain: text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | ',')),
        })
    }

    /// One exact whole word, any case.
    pub fn word(word: &str) -> Option<BodyPattern> {
        let w = text::words(word).next()?;
        Some(BodyPattern {
            key: format!("'{}", w.text),
            regex: build(&word_regex(w.text)),
            phrase: None,
            plain: false,
        })
    }

    /// Byte ranges of every match in `body`.
    pub fn find(&self, body: &str) -> Vec<Range<usize>> {
        if let Some(p) = &self.phrase {
            if !self.regex.is_match(body) {
                return Vec::new();
            }
            return phrases::find_phrase(body, p);
        }
        self.regex
            .find_iter(body)
            .filter(|m| is_whole_word(body, m.start(), m.end()))
            .map(|m| m.range())
            .collect()
    }

    /// Matches in `body`, counted up to a cap (enough to rank). A plain
    /// phrase's plain matches (most, in English news) are counted as the
    /// regex finds them; anything else asks the tolerant search.
    fn count(&self, body: &str) -> u32 {
        let n = match &self.phrase {
            None => self
                .regex
                .find_iter(body)
                .filter(|m| is_whole_word(body, m.start(), m.end()))
                .take(MAX_COUNT)
                .count(),
            Some(_) => self.plain_count(body).unwrap_or_else(|| self.find(body).len()),
        };
        n.min(MAX_COUNT) as u32
    }

    /// A plain phrase's matches, up to the cap, when they are all plain.
    fn plain_count(&self, body: &str) -> Option<usize> {
        if !self.plain {
            return None;
        }
        let mut n = 0;
        for m in self.regex.find_iter(body).take(MAX_COUNT) {
            if !plain_match(body, m.start(), m.end()) {
                return None;
            }
            n += 1;
        }
        Some(n)
    }

    /// The articles this phrase is in are among those `other` is in: `other`
    /// is this phrase's first whole words ("rock" for "rock solid", as the
    /// phrase is typed), so its cached counts can be refined.
    fn refines(&self, other: &BodyPattern) -> bool {
        let (Some(_), Some(_)) = (&self.phrase, &other.phrase) else {
            return false;
        };
        let head = other.key.trim_end();
        head.len() > 1
            && self.key.len() > head.len()
            && self.key.starts_with(head)
            && self.key[head.len()..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_alphanumeric())
    }
}

fn build(re: &str) -> Regex {
    // The same term is compiled more than once (a headless query's prefilter,
    // its counter and its matcher; a query typed again): keep the last few.
    // A clone shares the compiled program.
    static RECENT: std::sync::Mutex<Vec<(String, Regex)>> = std::sync::Mutex::new(Vec::new());
    const KEEP: usize = 32;
    if let Ok(recent) = RECENT.lock()
        && let Some((_, r)) = recent.iter().find(|(k, _)| k == re)
    {
        return r.clone();
    }
    // Every piece is escaped, so the pattern is always valid; size limits are generous.
    let regex = RegexBuilder::new(re)
        .case_insensitive(true)
        .build()
        .unwrap_or_else(|_| Regex::new("$^").expect("the never-matching regex is valid"));
    if let Ok(mut recent) = RECENT.lock() {
        if recent.len() >= KEEP {
            recent.remove(0);
        }
        recent.push((re.to_string(), regex.clone()));
    }
    regex
}

fn word_regex(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        match c {
            '\'' | '’' | 'ʼ' => out.push_str("['’ʼ]"),
            c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

/// A regex match of a plain phrase that the tolerant search finds as it
/// stands: ASCII letters and digits with spaces, tabs, line breaks or hyphens
/// between, with ASCII neither letter nor digit on either side (nor an
/// apostrophe before). Anything else, the tolerant search judges.
fn plain_match(body: &str, start: usize, end: usize) -> bool {
    let before = body[..start].chars().next_back();
    let after = body[end..].chars().next();
    body.as_bytes()[start..end]
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'-'))
        && before.is_none_or(|c| c.is_ascii() && !c.is_ascii_alphanumeric() && c != '\'')
        && after.is_none_or(|c| c.is_ascii() && !c.is_ascii_alphanumeric())
}

fn is_whole_word(body: &str, start: usize, end: usize) -> bool {
    let before = body[..start].chars().next_back();
    let after = body[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A cheap necessary condition for an article to match `query`, on its raw
/// text: when some group of the query holds only phrases and exact words,
/// one of them must occur. None when no such group exists.
pub fn prefilter(query: &Query) -> Option<Arc<crate::store::Keep>> {
    let group = query.groups.iter().find(|g| {
        !g.is_empty()
            && g.iter()
                .all(|t| !t.negated && matches!(t.kind, TermKind::Phrase(_) | TermKind::Word(_)))
    })?;
    let patterns: Vec<BodyPattern> = group.iter().filter_map(|t| BodyPattern::of(&t.kind)).collect();
    if patterns.is_empty() {
        return None;
    }
    Some(Arc::new(move |text: &str| {
        patterns.iter().any(|p| p.regex.is_match(text))
    }))
}

/// The body terms (phrases and exact words) of a query, to be counted in
/// each article as it is read: a one-shot evaluation seeded with the counts
/// ([`TermCounter::into_cache`]) then needs no article text.
#[derive(Debug, Clone, Default)]
pub struct TermCounter {
    patterns: Vec<BodyPattern>,
}

impl TermCounter {
    pub fn new(query: &Query) -> TermCounter {
        let mut patterns: Vec<BodyPattern> = Vec::new();
        for t in query.terms() {
            if let Some(p) = BodyPattern::of(&t.kind)
                && !patterns.iter().any(|q| q.key == p.key)
            {
                patterns.push(p);
            }
        }
        TermCounter { patterns }
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Each term's matches in `body`, as the evaluation counts them.
    pub fn count(&self, body: &str) -> Vec<u32> {
        self.patterns.iter().map(|p| p.count(body)).collect()
    }

    /// A cache holding the counts: `per_article[id]` is [`count`](Self::count)
    /// of article `id`, for every article of the index it will be used with.
    pub fn into_cache(self, per_article: &[Vec<u32>]) -> TermCache {
        let entries = self
            .patterns
            .into_iter()
            .enumerate()
            .map(|(k, pattern)| Entry {
                pattern,
                counts: Arc::new(
                    per_article
                        .iter()
                        .map(|c| c.get(k).copied().unwrap_or(0))
                        .collect(),
                ),
            })
            .collect();
        TermCache { entries }
    }
}

impl crate::facts::TermCount for TermCounter {
    fn is_empty(&self) -> bool {
        TermCounter::is_empty(self)
    }

    fn count(&self, body: &str) -> Vec<u32> {
        TermCounter::count(self, body)
    }
}

/// Results of body terms, kept between keystrokes. Clear it when articles
/// are removed or changed; articles appended since an entry was made are
/// scanned on the next use.
#[derive(Debug, Default)]
pub struct TermCache {
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    pattern: BodyPattern,
    /// Match count per article id (0: no match), for ids below `counts.len()`.
    counts: Arc<Vec<u32>>,
}

const CACHE_ENTRIES: usize = 24;

impl TermCache {
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    fn counts(&mut self, pattern: &BodyPattern, index: &Index) -> Arc<Vec<u32>> {
        let n = index.len();
        if let Some(pos) = self.entries.iter().position(|e| e.pattern.key == pattern.key) {
            let mut entry = self.entries.remove(pos);
            if entry.counts.len() < n {
                let done = entry.counts.len();
                let mut counts = entry.counts.as_ref().clone();
                counts.extend(scan(pattern, index, done..n));
                entry.counts = Arc::new(counts);
            }
            let counts = entry.counts.clone();
            self.entries.push(entry);
            return counts;
        }
        // refine the longest cached pattern this one extends
        let superset = self
            .entries
            .iter()
            .filter(|e| pattern.refines(&e.pattern))
            .max_by_key(|e| e.pattern.key.len())
            .map(|e| e.counts.clone());
        let counts = match superset {
            Some(sup) => {
                let done = sup.len().min(n);
                let mut counts: Vec<u32> = sup[..done]
                    .par_iter()
                    .enumerate()
                    .map(|(id, &c)| {
                        if c == 0 {
                            0
                        } else {
                            index
                                .article(id as ArticleId)
                                .map_or(0, |a| pattern.count(&a.body))
                        }
                    })
                    .collect();
                counts.extend(scan(pattern, index, done..n));
                counts
            }
            None => scan(pattern, index, 0..n),
        };
        let counts = Arc::new(counts);
        if self.entries.len() >= CACHE_ENTRIES {
            self.entries.remove(0);
        }
        self.entries.push(Entry {
            pattern: pattern.clone(),
            counts: counts.clone(),
        });
        counts
    }
}

fn scan(pattern: &BodyPattern, index: &Index, ids: Range<usize>) -> Vec<u32> {
    index.articles()[ids]
        .par_iter()
        .map(|a| pattern.count(&a.body))
        .collect()
}

/// Per speaker id: its score when the name matches. People and
/// organisations only: an unnamed source ("a hospital spokesperson") is
/// no one to find by name.
fn speaker_scores(fuzzy: &SkimMatcherV2, index: &Index, pattern: &str) -> Vec<Option<i64>> {
    let lower: Vec<char> = pattern.chars().flat_map(char::to_lowercase).collect();
    index
        .speaker_names()
        .iter()
        .zip(index.speakers())
        .map(|(name, s)| {
            (s.kind != SpeakerKind::Unnamed)
                .then(|| word_score(fuzzy, name, pattern, &lower))
                .flatten()
        })
        .collect()
}

/// How well a plain word matches a short field (a title, a source, a name):
/// as a substring (best, better at a word start), as the initials of
/// consecutive words ("scmp" for South China Morning Post), or fuzzily
/// within one word, for typos ("lavrv"). Never letters scattered across
/// words: "tass" must not match "Rock Solid, says". `lower` is the pattern
/// lowercased. None: no match.
pub fn word_score(fuzzy: &SkimMatcherV2, field: &str, pattern: &str, lower: &[char]) -> Option<i64> {
    word_match(fuzzy, field, pattern, lower).map(|(score, _)| score)
}

/// [`word_score`] with the char indices of `field` that matched.
fn word_match(
    fuzzy: &SkimMatcherV2,
    field: &str,
    pattern: &str,
    lower: &[char],
) -> Option<(i64, Vec<usize>)> {
    if lower.is_empty() || !is_subsequence(field, lower) {
        return None;
    }
    let chars: Vec<char> = field.chars().collect();
    let folded: Vec<char> = chars
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let n = lower.len();
    // a substring, preferring one at a word start
    let mut best: Option<(i64, usize)> = None;
    for i in 0..folded.len().saturating_sub(n - 1) {
        if folded[i..i + n] == *lower {
            let at_start = i == 0 || !folded[i - 1].is_alphanumeric();
            let score = 1000 + if at_start { 200 } else { 0 } + n as i64 * 10 - i as i64;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
    }
    if let Some((score, i)) = best {
        return Some((score, (i..i + n).collect()));
    }
    // the initials of consecutive words
    let words: Vec<(usize, usize)> = {
        let mut w = Vec::new();
        let mut start = None;
        for (i, c) in chars.iter().enumerate() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    w.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            w.push((s, chars.len()));
        }
        w
    };
    if n >= 2 && words.len() >= n {
        for k in 0..=words.len() - n {
            if (0..n).all(|j| folded[words[k + j].0] == lower[j]) {
                return Some((800, (0..n).map(|j| words[k + j].0).collect()));
            }
        }
    }
    // fuzzily inside one word (typos), for patterns of three chars or more
    if n < 3 {
        return None;
    }
    let mut best: Option<(i64, Vec<usize>)> = None;
    for &(s, e) in &words {
        let word: String = chars[s..e].iter().collect();
        if let Some((score, idx)) = fuzzy.fuzzy_indices(&word, pattern)
            && best.as_ref().is_none_or(|(b, _)| score > *b)
        {
            best = Some((score.min(700), idx.into_iter().map(|i| i + s).collect()));
        }
    }
    best
}

impl Matcher {
    /// Compiles `query` for `index`. Fails on a `#label` no family has.
    pub fn new(query: &Query, index: &Index) -> Result<Matcher, QueryError> {
        let fuzzy = SkimMatcherV2::default();
        let mut groups = Vec::with_capacity(query.groups.len());
        for group in &query.groups {
            let mut out = Vec::with_capacity(group.len());
            for term in group {
                let kind = match &term.kind {
                    TermKind::Fuzzy(p) => Kind::Fuzzy {
                        pattern: p.clone(),
                        lower: p.chars().flat_map(char::to_lowercase).collect(),
                        speakers: speaker_scores(&fuzzy, index, p),
                    },
                    TermKind::Phrase(_) | TermKind::Word(_) => match BodyPattern::of(&term.kind) {
                        Some(b) => Kind::Body(b),
                        None => continue,
                    },
                    TermKind::Speaker(name) => Kind::Speaker(speaker_scores(&fuzzy, index, name)),
                    TermKind::State(t) => Kind::State(t.clone()),
                    TermKind::Source(p) => Kind::Source {
                        outlet: crate::store::outlet::table().lookup(p).map(str::to_string),
                        pattern: p.clone(),
                        lower: p.chars().flat_map(char::to_lowercase).collect(),
                    },
                    TermKind::Title(p) => Kind::Title {
                        pattern: p.clone(),
                        lower: p.chars().flat_map(char::to_lowercase).collect(),
                    },
                    TermKind::Date(range) => Kind::Date(*range),
                    TermKind::Family(label) => match index.families_matching(label)[..] {
                        [id] => Kind::Family(id),
                        ref several @ [_, _, ..] => {
                            let labels = index.family_labels();
                            let named: Vec<&str> = several
                                .iter()
                                .filter_map(|&f| labels.get(usize::from(f)).map(String::as_str))
                                .collect();
                            return Err(QueryError {
                                message: format!(
                                    "'#{label}' could be any of: {}; type more of the label",
                                    named.join(", ")
                                ),
                                position: 0,
                            });
                        }
                        _ => {
                            let known = index.family_labels().join(", ");
                            let msg = if known.is_empty() {
                                format!("no phrase family '{label}' (none are loaded)")
                            } else {
                                format!("no phrase family '{label}'; families: {known}")
                            };
                            return Err(QueryError {
                                message: msg,
                                position: 0,
                            });
                        }
                    },
                };
                out.push(Compiled {
                    negated: term.negated,
                    kind,
                });
            }
            if !out.is_empty() {
                groups.push(out);
            }
        }
        Ok(Matcher {
            groups,
            fuzzy,
            states: None,
        })
    }

    /// This matcher with the user's marks, for `tag:`, `is:` and `has:` terms.
    pub fn with_states(mut self, states: Arc<ArticleStates>) -> Matcher {
        self.states = Some(states);
        self
    }

    /// True when the query has `tag:`, `is:` or `has:` terms.
    pub fn has_state_terms(&self) -> bool {
        self.groups
            .iter()
            .flatten()
            .any(|t| matches!(t.kind, Kind::State(_)))
    }

    /// True when the query filters nothing out.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The matching articles, best first (ties in corpus order).
    pub fn eval(&self, index: &Index, cache: &mut TermCache) -> Vec<Hit> {
        // body terms first, through the cache
        let bodies: Vec<Vec<Option<Arc<Vec<u32>>>>> = self
            .groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|t| match &t.kind {
                        Kind::Body(p) => Some(cache.counts(p, index)),
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        let mut hits: Vec<Hit> = (0..index.len() as ArticleId)
            .into_par_iter()
            .filter_map(|id| self.score(index, id, &bodies).map(|score| Hit { id, score }))
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.id.cmp(&b.id)));
        hits
    }

    /// Evaluates only over `ids` (the hits of a query this one narrows, such
    /// as the same text with a character more): body terms scan just those
    /// articles, bypassing the cache.
    pub fn eval_within(&self, index: &Index, ids: &[ArticleId]) -> Vec<Hit> {
        let bodies: Vec<Vec<Option<Arc<Vec<u32>>>>> =
            self.groups.iter().map(|g| vec![None; g.len()]).collect();
        let mut hits: Vec<Hit> = ids
            .par_iter()
            .filter_map(|&id| self.score(index, id, &bodies).map(|score| Hit { id, score }))
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.id.cmp(&b.id)));
        hits
    }

    /// [`eval_within`](Self::eval_within) on this thread only, unsorted: a
    /// slice of a sliced evaluation, which must not wait behind the loader's
    /// work in the shared thread pool.
    pub fn eval_slice(&self, index: &Index, ids: &[ArticleId]) -> Vec<Hit> {
        let bodies: Vec<Vec<Option<Arc<Vec<u32>>>>> =
            self.groups.iter().map(|g| vec![None; g.len()]).collect();
        ids.iter()
            .filter_map(|&id| self.score(index, id, &bodies).map(|score| Hit { id, score }))
            .collect()
    }

    /// Evaluates without keeping results between calls (headless use).
    pub fn eval_once(&self, index: &Index) -> Vec<Hit> {
        self.eval(index, &mut TermCache::default())
    }

    fn score(&self, index: &Index, id: ArticleId, bodies: &[Vec<Option<Arc<Vec<u32>>>>]) -> Option<i64> {
        if !index.is_live(id) {
            return None;
        }
        let article = index.article(id)?;
        let mut total = 0;

        for (g, group) in self.groups.iter().enumerate() {
            let mut best: Option<i64> = None;
            for (t, term) in group.iter().enumerate() {
                let s = match &term.kind {
                    Kind::Fuzzy {
                        pattern,
                        lower,
                        speakers,
                    } => {
                        let title = self.fuzzy_field(&article.meta.title, pattern, lower);
                        let source = article
                            .meta
                            .source
                            .as_deref()
                            .and_then(|s| self.fuzzy_field(s, pattern, lower));
                        let spk = best_speaker(index.speakers_of(id), speakers);
                        title.max(source).max(spk)
                    }
                    Kind::Body(_) => {
                        let c = match &bodies[g][t] {
                            Some(counts) => counts.get(id as usize).copied().unwrap_or(0),
                            None => match &term.kind {
                                Kind::Body(p) => p.count(&article.body),
                                _ => 0,
                            },
                        };
                        (c > 0).then_some(i64::from(c))
                    }
                    Kind::Speaker(scores) => best_speaker(index.speakers_of(id), scores),
                    Kind::Family(f) => index.families_of(id).contains(f).then_some(1),
                    Kind::State(t) => {
                        let state = self.states.as_deref().and_then(|s| s.get(id));
                        state_matches(t, state).then_some(1)
                    }
                    Kind::Source {
                        outlet,
                        pattern,
                        lower,
                    } => {
                        let source = article.meta.source.as_deref();
                        match outlet {
                            Some(o) => (source == Some(o.as_str())).then_some(1200),
                            None => source.and_then(|s| self.fuzzy_field(s, pattern, lower)),
                        }
                    }
                    Kind::Title { pattern, lower } => self.fuzzy_field(&article.meta.title, pattern, lower),
                    Kind::Date(range) => article.date.filter(|d| range.contains(*d)).map(|_| 1),
                };
                let s = if term.negated {
                    if s.is_some() { None } else { Some(0) }
                } else {
                    s
                };
                best = best.max(s);
            }
            total += best?;
        }
        Some(total)
    }

    fn fuzzy_field(&self, field: &str, pattern: &str, lower: &[char]) -> Option<i64> {
        word_score(&self.fuzzy, field, pattern, lower)
    }

    /// Char indices of `title` matched by the query's fuzzy terms, for highlighting.
    pub fn title_indices(&self, title: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for term in self.positive() {
            if let Kind::Fuzzy { pattern, lower, .. } | Kind::Title { pattern, lower } = &term.kind
                && let Some((_, idx)) = word_match(&self.fuzzy, title, pattern, lower)
            {
                out.extend(idx);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Byte ranges in `body` matched by the query's phrases and words, sorted.
    pub fn body_ranges(&self, body: &str) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = self
            .positive()
            .filter_map(|t| match &t.kind {
                Kind::Body(p) => Some(p.find(body)),
                _ => None,
            })
            .flatten()
            .collect();
        out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        out
    }

    /// True when the query has phrase or word terms to show in the body.
    pub fn has_body_terms(&self) -> bool {
        self.positive().any(|t| matches!(t.kind, Kind::Body(_)))
    }

    fn positive(&self) -> impl Iterator<Item = &Compiled> {
        self.groups.iter().flatten().filter(|t| !t.negated)
    }
}

fn best_speaker(ids: &[u32], scores: &[Option<i64>]) -> Option<i64> {
    ids.iter()
        .filter_map(|&s| scores.get(s as usize).copied().flatten())
        .max()
}

/// Cheap rejection before the fuzzy scorer: are the pattern's chars, lowercased,
/// a subsequence of the field's?
fn is_subsequence(field: &str, lower: &[char]) -> bool {
    let mut want = lower.iter().peekable();
    for c in field.chars().flat_map(char::to_lowercase) {
        match want.peek() {
            Some(&&w) if w == c => {
                want.next();
            }
            Some(_) => {}
            None => return true,
        }
    }
    want.peek().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{parse, parse_lenient};
    use crate::store::{Article, Corpus, Meta};

    fn art(title: &str, source: &str, body: &str) -> Article {
        let meta = Meta {
            title: title.into(),
            source: Some(source.into()),
            ..Meta::default()
        };
        Article::from_parts(format!("{title}.txt"), meta, body, false)
    }

    #[test]
    fn state_terms_read_the_marks() {
        use crate::state::{ArticleState, ArticleStates};
        let idx = index();
        let marks = ArticleStates::new(vec![
            Some(ArticleState {
                starred: true,
                tags: vec!["Wire".into()],
                ..ArticleState::default()
            }),
            Some(ArticleState {
                read: true,
                note: Some("check".into()),
                tags: vec!["wire".into(), "done".into()],
                ..ArticleState::default()
            }),
        ]);
        let marks = Arc::new(marks);
        let ids = |q: &str| -> Vec<ArticleId> {
            let m = Matcher::new(&parse(q).unwrap(), &idx)
                .unwrap()
                .with_states(marks.clone());
            assert!(m.has_state_terms());
            let mut v: Vec<ArticleId> = m.eval_once(&idx).iter().map(|h| h.id).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(ids("tag:wire"), vec![0, 1]);
        assert_eq!(ids("tag:WIRE !tag:done"), vec![0]);
        assert_eq!(ids("is:starred"), vec![0]);
        assert_eq!(ids("is:read"), vec![1]);
        assert_eq!(ids("is:unread"), vec![0, 2, 3]);
        assert_eq!(ids("has:note"), vec![1]);
        assert_eq!(ids("has:note | is:starred"), vec![0, 1]);
        assert_eq!(ids("tag:wire \"rock solid\""), vec![0, 1]);
        assert_eq!(ids("tag:nothing"), Vec::<ArticleId>::new());
        // without a store: nothing is tagged, everything is unread
        let m = Matcher::new(&parse("is:unread").unwrap(), &idx).unwrap();
        assert_eq!(m.eval_once(&idx).len(), idx.len());
        let m = Matcher::new(&parse("tag:wire").unwrap(), &idx).unwrap();
        assert!(m.eval_once(&idx).is_empty());
    }

    fn index() -> Index {
        index_of(vec![
            art("Ties rock solid", "SCMP", "Relations are rock-solid, Wang said."),
            art(
                "No limits partnership",
                "TASS",
                "A friendship with no\nlimits. Rock   solid too.",
            ),
            art(
                "Lavrov in Beijing",
                "RT",
                "Lavrov met Wang Yi. Hegemonism was criticised.",
            ),
            art(
                "Markets",
                "Reuters",
                "Stocks fell; nothing about rocks. Hegemony.",
            ),
        ])
    }

    fn index_of(articles: Vec<Article>) -> Index {
        let mut ix = Index::new(Corpus::new(articles));
        ix.set_speakers(
            vec!["Wang Yi".into(), "Sergey Lavrov".into()],
            vec![vec![0], vec![], vec![0, 1], vec![]],
        );
        ix.set_families(
            vec!["rock solid".into(), "no limits".into()],
            vec![vec![0], vec![0, 1], vec![], vec![]],
        );
        ix
    }

    fn ids(q: &str) -> Vec<ArticleId> {
        let ix = index();
        let m = Matcher::new(&parse(q).unwrap(), &ix).unwrap();
        let mut v: Vec<_> = m.eval_once(&ix).iter().map(|h| h.id).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn counts_made_while_loading_rank_like_a_scan_without_the_text() {
        for q in [
            "\"rock solid\"",
            "\"rock solid\" | 'hegemony",
            "'wang !\"no limits\"",
            "lavrov \"wang yi\"",
            "#\"rock solid\" 'limits",
        ] {
            let query = parse(q).unwrap();
            let full = index();
            let scanned = Matcher::new(&query, &full).unwrap().eval_once(&full);
            // the counts a loader makes, then the text let go
            let counter = TermCounter::new(&query);
            let counts: Vec<Vec<u32>> = full.articles().iter().map(|a| counter.count(&a.body)).collect();
            let mut cache = counter.into_cache(&counts);
            let bare = index_of(
                full.articles()
                    .iter()
                    .map(|a| Article {
                        body: Arc::default(),
                        ..a.clone()
                    })
                    .collect(),
            );
            let counted = Matcher::new(&query, &bare).unwrap().eval(&bare, &mut cache);
            assert_eq!(counted, scanned, "{q}");
            assert!(!scanned.is_empty(), "{q}");
        }
    }

    #[test]
    fn term_counter_holds_each_body_term_once() {
        let c = TermCounter::new(&parse("\"rock solid\" 'wang | \"rock solid\" lavrov @wang").unwrap());
        assert_eq!(c.count("Rock-solid ties, rock solid, said Wang."), [2, 1]);
        assert!(TermCounter::new(&parse("lavrov @wang #x").unwrap()).is_empty());
    }

    #[test]
    fn empty_matches_all_in_order() {
        let ix = index();
        let m = Matcher::new(&parse("").unwrap(), &ix).unwrap();
        let hits: Vec<_> = m.eval_once(&ix).iter().map(|h| h.id).collect();
        assert_eq!(hits, [0, 1, 2, 3]);
    }

    #[test]
    fn plain_words_never_match_letters_scattered_across_words() {
        let f = SkimMatcherV2::default();
        let m = |field: &str, p: &str| {
            let lower: Vec<char> = p.chars().flat_map(char::to_lowercase).collect();
            word_score(&f, field, p, &lower)
        };
        assert!(m("China-Russia Relations Are ‘Rock Solid,’ says", "tass").is_none());
        assert!(m("TASS", "tass").is_some());
        assert!(m("South China Morning Post", "scmp").is_some(), "initials");
        assert!(m("Sergey Lavrov", "lavrv").is_some(), "a typo inside one word");
        assert!(m("Vladimir Putin", "lau").is_none());
        assert!(m("Carina Lau", "lau").is_some());
        assert!(m("Sputnik", "pu").is_some(), "a substring");
        // substrings rank above initials above typos
        assert!(m("Lavrov", "lav") > m("Lavrov", "lvv"));
    }

    #[test]
    fn fuzzy_title_and_source() {
        assert_eq!(ids("lavrov"), [2]);
        assert_eq!(ids("scmp"), [0]);
        assert_eq!(ids("rocsolid"), Vec::<ArticleId>::new(), "not across words");
        assert_eq!(ids("solid"), [0]);
    }

    #[test]
    fn fuzzy_matches_speakers_too() {
        // "wang" is in no title or source, but Wang Yi is quoted in 0 and 2
        assert_eq!(ids("wang"), [0, 2]);
    }

    #[test]
    fn phrase_tolerates_case_hyphens_breaks_and_spaces() {
        assert_eq!(ids("\"rock solid\""), [0, 1]);
        assert_eq!(ids("\"no limits\""), [1]);
        assert_eq!(ids("\"ROCK-SOLID\""), [0, 1]);
    }

    #[test]
    fn phrase_across_commas_and_quotes_but_not_sentence_ends() {
        // as the phrase families, mined phrases and the concordance find it
        assert_eq!(ids("\"solid, wang\""), [0]);
        assert_eq!(ids("\"solid wang\""), [0]);
        assert_eq!(ids("\"yi hegemonism\""), Vec::<ArticleId>::new());
        assert_eq!(ids("\"limits rock\""), Vec::<ArticleId>::new());
    }

    #[test]
    fn phrase_words_are_whole() {
        // "cold war" is not in "scold warmongers"; "rock" not in "rocks"
        assert_eq!(ids("\"rock\""), [0, 1]);
        assert_eq!(ids("\"ock sol\""), Vec::<ArticleId>::new());
        assert_eq!(ids("\"rock s\""), Vec::<ArticleId>::new());
        assert_eq!(ids("\"about rock\""), Vec::<ArticleId>::new());
        assert_eq!(ids("\"about rocks\""), [3]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        /// Counting a plain phrase the quick way counts what the tolerant
        /// search finds, whatever surrounds it.
        #[test]
        fn a_phrase_counts_what_it_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "rock", "Rock", "solid", "SOLID", "rocks", "x", " ", "-", "\n", ".", ",", "'", "’",
                    "“", "\u{ad}", "é", "İ", "\r\n", "  ",
                ]),
                0..40,
            ),
            phrase in proptest::sample::select(vec!["rock solid", "rock", "solid rock", "rock-solid", "rock, solid"]),
        ) {
            let body: String = parts.concat();
            let p = BodyPattern::phrase(phrase).unwrap();
            let found = crate::analysis::phrases::find_phrase(&body, phrase);
            proptest::prop_assert_eq!(p.count(&body) as usize, found.len().min(MAX_COUNT), "{:?}", body);
            proptest::prop_assert_eq!(p.find(&body), found);
        }
    }

    #[test]
    fn the_filter_finds_a_phrase_where_the_concordance_does() {
        let ix = index();
        for phrase in [
            "rock solid",
            "no limits",
            "solid wang",
            "wang yi",
            "lavrov met",
            "rocks",
        ] {
            let m = Matcher::new(&parse_lenient(&format!("\"{phrase}\"")).unwrap(), &ix).unwrap();
            for a in ix.articles() {
                assert_eq!(
                    m.body_ranges(&a.body),
                    crate::analysis::phrases::find_phrase(&a.body, phrase),
                    "{phrase} in {:?}",
                    a.body
                );
            }
        }
    }

    #[test]
    fn exact_word_is_whole() {
        assert_eq!(ids("'hegemony"), [3]);
        assert_eq!(ids("'rock"), [0, 1]); // "rock-solid" holds the word "rock"
        assert_eq!(ids("'solid"), [0, 1]);
        assert_eq!(ids("'soli"), Vec::<ArticleId>::new());
        assert_eq!(ids("'ROCKS"), [3]);
    }

    #[test]
    fn and_or_not() {
        assert_eq!(ids("\"rock solid\" tass"), [1]);
        assert_eq!(ids("\"rock solid\" !tass"), [0]);
        assert_eq!(ids("scmp | reuters"), [0, 3]);
        assert_eq!(ids("!\"rock solid\" | tass"), [1, 2, 3]);
        // a negated word excludes exactly what the word matches
        assert_eq!(ids("!scmp"), [1, 2, 3]);
        assert_eq!(ids("!wang"), [1, 3]);
        for w in ["rks", "tass", "ties", "lavrov", "rt"] {
            let mut both = ids(w);
            both.extend(ids(&format!("!{w}")));
            both.sort_unstable();
            assert_eq!(both, [0, 1, 2, 3], "{w}");
        }
    }

    #[test]
    fn field_terms() {
        let dated = |title: &str, source: &str, date: &str| {
            let meta = Meta {
                title: title.into(),
                source: Some(source.into()),
                date: Some(date.into()),
                ..Meta::default()
            };
            Article::from_parts(format!("{title}.txt"), meta, "Rock solid ties.", false)
        };
        let ix = Index::new(Corpus::new(vec![
            dated(
                "Talks in Moscow",
                "South China Morning Post (The Star)",
                "2023-02-25",
            ),
            dated("Ties", "TASS", "March 5, 2022"),
            dated("More ties", "Xinhua News Agency", "2021"),
            dated("Undated", "Apple Daily", "never"),
        ]));
        let ids = |q: &str| {
            let m = Matcher::new(&parse(q).unwrap(), &ix).unwrap();
            let mut v: Vec<_> = m.eval_once(&ix).iter().map(|h| h.id).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(ids("source:scmp"), [0]);
        assert_eq!(ids("source:scmp.com"), [0], "an alias of SCMP's in the table");
        assert_eq!(ids("source:\"south china\""), [0]);
        assert_eq!(ids("source:xinhua"), [2]);
        assert_eq!(
            ids("source:ap"),
            Vec::<ArticleId>::new(),
            "the table's AP, not every 'ap'"
        );
        assert_eq!(ids("source:appl"), [3], "not in the table: matched as names are");
        assert_eq!(ids("source:tas"), [1]);
        assert_eq!(ids("date:2023"), [0]);
        assert_eq!(ids("date:2022-02..2023-03"), [0, 1]);
        assert_eq!(ids("date:..2022"), [1, 2]);
        assert_eq!(
            ids("!date:..2022"),
            [0, 3],
            "the undated article is not before 2022"
        );
        assert_eq!(ids("title:ties"), [1, 2]);
        assert_eq!(ids("title:ties date:2022"), [1]);
        assert_eq!(ids("source:scmp | source:tass \"rock solid\""), [0, 1]);
        let m = Matcher::new(&parse("title:moscow").unwrap(), &ix).unwrap();
        assert_eq!(m.title_indices("Talks in Moscow"), [9, 10, 11, 12, 13, 14]);
    }

    #[test]
    fn speaker_terms() {
        assert_eq!(ids("@lavrov"), [2]);
        assert_eq!(ids("@wang"), [0, 2]);
        assert_eq!(ids("!@wang"), [1, 3]);
    }

    #[test]
    fn speaker_terms_find_people_and_organisations_not_unnamed_sources() {
        let mut ix = Index::new(Corpus::new(vec![
            art("a", "x", "“It is low,” a hospital spokesperson said."),
            art("b", "x", "Dr. Anjali Rao said the risk was low."),
            art("c", "x", "St. Brigid's Hospital said it had opened a ward."),
        ]));
        let analyzer = crate::facts::Analyzer::none().only(false, true);
        for id in 0..3 {
            let facts = analyzer.facts(ix.article(id).unwrap());
            ix.set_facts(id, facts);
        }
        let found = |q: &str| {
            let m = Matcher::new(&parse(q).unwrap(), &ix).unwrap();
            let mut v: Vec<_> = m.eval_once(&ix).iter().map(|h| h.id).collect();
            v.sort_unstable();
            v
        };
        assert_eq!(found("@rao"), [1]);
        assert_eq!(found("@hospital"), [2]);
        assert_eq!(found("@spokesperson"), Vec::<ArticleId>::new());
    }

    #[test]
    fn family_terms() {
        assert_eq!(ids("#rock-solid"), [0, 1]);
        assert_eq!(ids("#no"), [1]);
        assert_eq!(ids("#rock_solid tass"), [1]);
    }

    #[test]
    fn unknown_family_is_an_error() {
        let ix = index();
        let e = Matcher::new(&parse("#nope").unwrap(), &ix).unwrap_err();
        assert_eq!(
            e.message,
            "no phrase family 'nope'; families: rock solid, no limits"
        );
    }

    #[test]
    fn a_prefix_of_several_families_names_them() {
        let mut ix = index();
        ix.set_families(
            vec!["rock solid".into(), "no limits".into(), "no first use".into()],
            vec![vec![0], vec![1]],
        );
        let e = Matcher::new(&parse("#no").unwrap(), &ix).unwrap_err();
        assert_eq!(
            e.message,
            "'#no' could be any of: no limits, no first use; type more of the label"
        );
        assert!(Matcher::new(&parse("#no-l").unwrap(), &ix).is_ok());
    }

    #[test]
    fn ranked_by_score() {
        let ix = index();
        let m = Matcher::new(&parse("rock").unwrap(), &ix).unwrap();
        let hits = m.eval_once(&ix);
        assert_eq!(hits[0].id, 0);
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn body_ranges_and_title_indices() {
        let ix = index();
        let m = Matcher::new(&parse_lenient("\"rock solid\" ties").unwrap(), &ix).unwrap();
        let body = &ix.articles()[1].body;
        let r = m.body_ranges(body);
        assert_eq!(r.len(), 1);
        assert_eq!(&body[r[0].clone()], "Rock   solid");
        assert_eq!(m.title_indices("Ties rock solid"), [0, 1, 2, 3]);
    }

    #[test]
    fn cache_refines_and_extends() {
        let ix = index();
        let mut cache = TermCache::default();
        let a = Matcher::new(&parse_lenient("\"rock ").unwrap(), &ix).unwrap();
        assert_eq!(a.eval(&ix, &mut cache).len(), 2);
        // a phrase ending mid-word matches as typed: not yet
        let b = Matcher::new(&parse_lenient("\"rock s").unwrap(), &ix).unwrap();
        assert_eq!(b.eval(&ix, &mut cache).len(), 0);
        // refined from "rock" (its first whole word), not from "rock s"
        let rock = BodyPattern::phrase("rock ").unwrap();
        let rock_s = BodyPattern::phrase("rock s").unwrap();
        let rock_solid = BodyPattern::phrase("rock solid").unwrap();
        assert!(rock_solid.refines(&rock));
        assert!(!rock_solid.refines(&rock_s));
        let c = Matcher::new(&parse_lenient("\"rock solid").unwrap(), &ix).unwrap();
        assert_eq!(c.eval(&ix, &mut cache).len(), 2);
        let d = Matcher::new(&parse_lenient("\"rock solid, w").unwrap(), &ix).unwrap();
        assert_eq!(d.eval(&ix, &mut cache).len(), 0);
        let e = Matcher::new(&parse_lenient("\"rock solid, wang").unwrap(), &ix).unwrap();
        assert_eq!(e.eval(&ix, &mut cache).len(), 1);
        assert_eq!(cache.entries.len(), 5);
    }

    #[test]
    fn subsequence_prefilter() {
        assert!(is_subsequence("Rock Solid", &['r', 's']));
        assert!(!is_subsequence("Rock", &['s']));
        assert!(is_subsequence("x", &[]));
    }
}
