//! Mining recurring phrases from a corpus, the corpus-linguistics way
//! (AntConc's "clusters" with their *range*: in how many articles a cluster
//! occurs).
//!
//! 1. **Tokens.** Each article is split into words with
//!    [`words`](crate::analysis::text::words) (hyphens separate words, so
//!    "rock-solid" is "rock solid") and each word is normalised with
//!    [`normalize_word`](crate::analysis::text::normalize_word) (lowercase,
//!    straight apostrophes), then interned to a `u32`. As in the phrase
//!    normaliser, soft hyphens and zero-width joiners are dropped first and
//!    a token keeps only letters, digits and apostrophes ("İ" lowercases
//!    to "i" and a combining dot), so [`find_phrase`](super::find_phrase)
//!    finds every mined phrase in each of its articles. Articles are
//!    tokenised in parallel chunks with chunk-local vocabularies, merged in
//!    order of first occurrence so ids do not depend on the thread count.
//! 2. **Breaks.** An n-gram never spans a sentence or paragraph: the gap
//!    between two words breaks it if it holds `. ! ? ; : …`, a bracket, an
//!    en or em dash, or a line break. Every line break counts, because the
//!    articles are one paragraph per line and headline lists (related links,
//!    "Next In ... News") have no punctuation. In a hard-wrapped text (all
//!    lines at most 100 chars, at least five of them 45 or more) a single
//!    line break is a space and only a blank line breaks. Commas and
//!    quotes do not break ("non-alliance, non-confrontation and
//!    non-targeting of any third party" is one phrase).
//! 3. **Counting, apriori-style.** Level 1 counts each word's *document
//!    frequency* (articles it occurs in). Level n only considers an n-gram
//!    whose (n-1)-gram prefix and suffix were frequent (in at least
//!    `min_docs` articles): an n-gram cannot be in more articles than its
//!    parts. A frequent (n-1)-gram has an id, so an n-gram is the pair
//!    (prefix id, last word), one `u64`, and each article keeps, per
//!    position, the id of the frequent gram starting there. Counting is a
//!    radix-partitioned aggregation, in parallel: chunks of articles scatter
//!    their candidates into many small buffers by hash, then each partition
//!    is counted with a hash map small enough to stay in cache, reading its
//!    buffers in article order so that a "last article" field dedups per
//!    article; the new ids are written back to the positions the same way.
//!    Ids follow (partition, n-gram) order, so the result does not depend on
//!    the number of threads. When a level has very many candidate positions
//!    (beyond 12 million, some 200 MB of buffers) its partitions are counted
//!    in several passes, which bounds memory on 100,000 articles.
//! 4. **Candidates.** A frequent n-gram of `min_len..=max_len` words is a
//!    candidate unless it starts or ends with a stopword (a compact English
//!    list, with "said" and "says" for news copy); the negators "no", "not"
//!    and "non" may start a phrase ("no limits") but not end one. Nor may it
//!    end with a reporting verb ("putin told"), and it needs a word of its
//!    own: one that is not a stopword, a date or number ("2023 06", "14
//!    march"), or a reporting word ("told reporters", "news conference").
//!    Lines that are dates or sources ("Mon 20 Nov 2023 06.00 GMT",
//!    "Source: RT | 2023-06-28": short, a third of their words dates or
//!    numbers, see `metadata_lines`) are not mined at all.
//! 5. **Reduction.** A candidate is dropped when a longer candidate
//!    containing it occurs in exactly the same articles (it adds nothing).
//!    Since every article holding the longer phrase holds the shorter,
//!    "same articles" is "same document frequency", and it is enough to
//!    follow one-word extensions (left or right) with the same frequency,
//!    through non-candidates too ("rock solid and" on the way to "rock solid
//!    and stable").
//! 6. **Ranking.** By range (number of articles) first, then a C-value-style
//!    score `log2(len) × (freq − mean freq of the frequent one-word-longer
//!    phrases containing it)`, which favours long phrases that also occur
//!    on their own. Unigrams (only with `min_len = 1`) weigh as bigrams.
//! 7. **Boilerplate.** Each article may name its source (outlet). A phrase
//!    in two or more articles that all come from one source ("south china
//!    morning post" from the footer "More from South China Morning Post") is
//!    marked `single_source` and sorted after all the others, whatever its
//!    range. Sources are compared trimmed and case-insensitively; an article
//!    without a source counts as a source of its own; when the corpus has
//!    fewer than two sources nothing is marked. In a small corpus a real
//!    formula that only one outlet happened to use is marked too: the flag
//!    says "maybe boilerplate", the UI may show such phrases dimmed rather
//!    than hide them.
//!
//! The article lists of the phrases kept are gathered in a last pass that
//! walks a trie of their tokens over the corpus. Each phrase also gets its
//! *fixedness*: the largest share of one of its content words' occurrences
//! that fall inside the phrase.
//!
//! This order chooses which phrases are kept (`max_phrases`); the list a
//! user sees is ordered after [`recount_and_weigh`](super::recount_and_weigh)
//! tells formulas from names, merges variants and weighs the evidence (see
//! [`evidence`](super::evidence).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU32, Ordering};

use rayon::prelude::*;

use super::evidence::{Evidence, PhraseKind};
use super::normalize::is_invisible;
use crate::analysis::text::{normalize_word, words};

/// One article to mine: its text and, optionally, its source (outlet).
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub source: Option<&'a str>,
}

/// What [`mine`] keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MineOptions {
    /// Least number of articles a phrase must occur in (its range).
    pub min_docs: usize,
    /// Shortest phrase, in words (at least 1).
    pub min_len: usize,
    /// Longest phrase, in words (at most [`MAX_LEN`]).
    pub max_len: usize,
    /// At most this many phrases are returned.
    pub max_phrases: usize,
    /// Phrases hidden for good (from the user's phrases file): dropped with
    /// their variants when the mined phrases are weighed.
    pub hidden: Vec<String>,
}

/// The longest phrase [`mine`] will build, in words.
pub const MAX_LEN: usize = 16;

impl Default for MineOptions {
    fn default() -> Self {
        MineOptions {
            min_docs: 2,
            min_len: 2,
            max_len: 8,
            max_phrases: 2000,
            hidden: Vec::new(),
        }
    }
}

/// A recurring phrase.
#[derive(Debug, Clone, Default, serde::Serialize, PartialEq)]
pub struct MinedPhrase {
    /// The normalised words, separated by single spaces ("no limits").
    pub phrase: String,
    /// The articles it occurs in (indices into the `docs` given to [`mine`]),
    /// ascending. Its length is the phrase's range.
    pub docs: Vec<u32>,
    /// How many times it occurs in all (overlapping occurrences included).
    pub occurrences: usize,
    /// How many times it occurs in each of `docs`, once
    /// [`recount`](super::recount) counted them (empty before).
    pub counts: Vec<u32>,
    /// The C-value-style score (see the module docs).
    pub score: f64,
    /// All its articles come from one source: likely boilerplate.
    pub single_source: bool,
    /// Formula or name (see [`evidence`](super::evidence)); formulas until
    /// weighed.
    pub kind: PhraseKind,
    /// Its other forms merged into this row ("third parties" for "third
    /// party"), once weighed.
    pub variants: Vec<String>,
    /// Articles in which it occurs inside quotation marks, once weighed.
    pub quoted: usize,
    /// Distinct outlets (sources) of its articles, once weighed.
    pub outlets: usize,
    /// How rare its rarest content word is in general English (−log10 of
    /// its frequency), once weighed.
    pub keyness: f64,
    /// The largest share of a content word's occurrences that fall inside
    /// this phrase, in the articles mined.
    pub fixedness: f64,
    /// The evidence that it is a formula: the list's order (see
    /// [`evidence`](super::evidence)), once weighed.
    pub weight: f64,
    /// What its occurrences showed, gathered by [`recount`](super::recount).
    #[serde(skip)]
    pub evidence: Evidence,
    /// Hidden by the user in this session (and saved as hidden for the
    /// next): not listed, not underlined.
    #[serde(skip)]
    pub hidden: bool,
}

impl MinedPhrase {
    /// Underlined in the reader: a formula, not boilerplate.
    pub fn underlined(&self) -> bool {
        self.kind == PhraseKind::Formula && !self.single_source && !self.hidden
    }
}

/// Compact English stopwords: a phrase may not start or end with one.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either",
    "even", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "may", "me", "might", "more", "most", "must", "my", "myself", "neither",
    "nor", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
    "over", "own", "same", "says", "said", "shall", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "within", "would", "you", "your", "yours", "yourself", "yourselves", "it's", "he's",
    "she's", "that's", "there's", "they're", "we're", "i'm", "don't", "doesn't", "didn't",
    "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "s", "t",
    // negators: may start a phrase, never end one
    "no", "not", "non",
];

const NEGATORS: &[&str] = &["no", "not", "non"];

static STOPWORD_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// Is this (normalised) word a stopword, negators included?
pub fn is_stopword(word: &str) -> bool {
    STOPWORD_SET.contains(word)
}

/// Reporting words: the verbs and audiences of attribution ("told
/// reporters", "speaking to journalists", "a news conference"). A phrase of
/// these, stopwords, dates and numbers frames a quote; it is no formula.
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "reporters", "reporter", "journalists", "journalist", "correspondents", "correspondent",
    "press", "media", "news", "conference", "briefing", "interview", "speaking", "speak", "quoting",
    "citing",
];

/// Reporting verbs: a phrase may not end with one either ("putin told",
/// "the ministry added" cut a sentence before what was said).
#[rustfmt::skip]
const REPORTING_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tell", "tells", "telling", "added", "adds", "adding",
    "according", "stated", "noted", "asked", "spoke", "quoted", "cited",
];

/// Time zones and clock words of datelines ("06.00 GMT").
const CLOCK: &[&str] = &[
    "gmt", "utc", "bst", "cet", "cest", "eet", "est", "edt", "pst", "msk", "am", "pm",
];

/// Is this (normalised) word a reporting word: a verb of attribution
/// ("told", "added", "according") or its audience and setting
/// ("reporters", "journalists", "conference", "briefing")?
pub fn is_reporting(word: &str) -> bool {
    REPORTING.contains(&word) || REPORTING_VERBS.contains(&word)
}

/// Is this (normalised) word part of a date or a time: it has a digit, or
/// it is a month, a weekday or a time zone?
pub fn is_date_word(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
        || crate::analysis::text::is_calendar_word(word)
        || CLOCK.contains(&word)
}

/// Does a word say something of its own in a phrase: not a stopword, not a
/// date or number, not a reporting word? A phrase needs one to be mined
/// ("2023 06", "told reporters" are not phrases).
fn plain_word(word: &str) -> bool {
    !is_stopword(word) && !is_date_word(word) && !is_reporting(word)
}

/// Per gram: does it hold a [`plain_word`]? (A gram's prefix comes before
/// it, so one pass in id order.)
fn plain_grams(grams: &[Gram], vocab: &[Box<str>]) -> Vec<bool> {
    let plain_vocab: Vec<bool> = vocab.iter().map(|w| plain_word(w)).collect();
    let mut out: Vec<bool> = Vec::with_capacity(grams.len());
    for g in grams {
        let own = plain_vocab[g.last as usize];
        let before = g.prefix != NONE && out.get(g.prefix as usize).copied().unwrap_or(false);
        out.push(own || before || (g.len == 1 && plain_vocab[g.first as usize]));
    }
    out
}

/// The lines of `text` that are dates, times or sources rather than prose
/// ("Mon 20 Nov 2023 06.00 GMT", "Source: RT | 2023-06-28", "March 5,
/// 2023"): at most 12 words, at least one of them with a digit, at least a
/// third of them date words ([`is_date_word`]), not ending as a sentence
/// does. Their words are not mined (they recur in every article of a
/// format and say nothing).
pub(super) fn metadata_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let range = start..start + line.len();
        start = range.end + 1;
        let t = line.trim();
        // (prose lines are long: most are judged on their length alone)
        if t.is_empty() || t.len() > 120 || !t.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        if t.ends_with(['.', '!', '?', ';', '"', '\u{201d}']) {
            continue;
        }
        let (mut n, mut dates) = (0usize, 0usize);
        for w in words(t) {
            n += 1;
            if n > 12 {
                break;
            }
            let lower = normalize_word(w.text);
            dates += usize::from(is_date_word(&lower));
        }
        if n <= 12 && dates * 3 >= n {
            out.push(range);
        }
    }
    out
}

/// Marks the gap between two tokens that breaks n-grams.
const BREAK: u32 = u32::MAX;
/// No gram here.
const NONE: u32 = u32::MAX;
/// Source sentinels in the counts.
const SRC_EMPTY: u32 = u32::MAX - 1;
const SRC_MIXED: u32 = u32::MAX;

// ---------------------------------------------------------------------------
// hashing

/// A fast, deterministic hasher for integer keys and short strings
/// (FxHash-style mixing with a strong finaliser).
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // splitmix64's finaliser: every bit of the state reaches every bit
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

fn fast_map<K, V>(capacity: usize) -> FastMap<K, V> {
    HashMap::with_capacity_and_hasher(capacity, BuildHasherDefault::default())
}

/// The partition of a key when counting (`parts` a power of two; independent
/// of the hash map's own hash).
#[inline]
fn partition(key: u64, parts: usize) -> usize {
    ((key ^ (key >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & (parts - 1)
}

// ---------------------------------------------------------------------------
// tokenising

/// Does the gap between two words break n-grams?
/// In a hard-wrapped text (`wrapped`) a single line break is a space; a
/// blank line still breaks.
fn breaks(gap: &str, wrapped: bool) -> bool {
    let mut newlines = 0;
    gap.chars().any(|c| {
        if c == '\n' {
            newlines += 1;
            return !wrapped || newlines > 1;
        }
        super::normalize::is_hard(c)
            || matches!(c, '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' | '–' | '—' | '―')
    })
}

/// Is the text hard-wrapped (paragraphs broken into lines of a set width)?
/// Its lines are all short (at most 100 chars, the usual widths are 60 to
/// 80) and at least five of them are long enough (45 chars or more) to be
/// wrapped prose rather than a list of headlines. Articles with one
/// paragraph per line, whose long paragraphs make long lines, are not.
pub(super) fn hard_wrapped(text: &str) -> bool {
    let mut long = 0;
    for line in text.split('\n') {
        let n = line.trim_end_matches('\r').chars().count();
        if n > 100 {
            return false;
        }
        if n >= 45 {
            long += 1;
        }
    }
    long >= 5
}

/// Does `text` hold a character the phrase normaliser ignores (soft hyphen,
/// zero-width joiner...)? A quick byte scan: they all start with one of
/// three lead bytes.
fn has_invisible(text: &str) -> bool {
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, text.as_bytes()).any(|i| {
        text.get(i..)
            .and_then(|s| s.chars().next())
            .is_some_and(is_invisible)
    })
}

/// A chunk of tokenised articles with its own vocabulary.
struct TokChunk {
    /// Word of each local id, in order of first occurrence.
    vocab: Vec<Box<str>>,
    /// Tokens of each article (local ids, [`BREAK`] between sentences).
    docs: Vec<Vec<u32>>,
}

fn tokenize_chunk(docs: &[Doc<'_>]) -> TokChunk {
    let mut ids: FastMap<Box<str>, u32> = fast_map(4096);
    let mut vocab: Vec<Box<str>> = Vec::new();
    let mut buf = String::new();
    let mut out = Vec::with_capacity(docs.len());
    let mut cleaned = String::new();
    for doc in docs {
        let text = if has_invisible(doc.text) {
            // the phrase normaliser ignores these inside words; so do we
            cleaned.clear();
            cleaned.extend(doc.text.chars().filter(|&c| !is_invisible(c)));
            cleaned.as_str()
        } else {
            doc.text
        };
        let mut toks: Vec<u32> = Vec::with_capacity(text.len() / 5);
        let mut prev_end = 0;
        let wrapped = hard_wrapped(text);
        let meta = metadata_lines(text);
        let mut meta_at = 0;
        for w in words(text) {
            while meta_at < meta.len() && meta[meta_at].end <= w.start {
                meta_at += 1;
            }
            if meta.get(meta_at).is_some_and(|m| m.start <= w.start) {
                // a metadata line: left out, and a break where it was
                if toks.last().is_some_and(|&t| t != BREAK) {
                    toks.push(BREAK);
                }
                continue;
            }
            if prev_end > 0 && toks.last() != Some(&BREAK) && breaks(&text[prev_end..w.start], wrapped) {
                toks.push(BREAK);
            }
            prev_end = w.end;
            let key: &str = if w
                .text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                w.text
            } else {
                buf.clear();
                // as the phrase normaliser: letters only ('İ' lowercases
                // to "i" and a combining dot)
                buf.extend(
                    normalize_word(w.text)
                        .chars()
                        .filter(|&c| c.is_alphanumeric() || c == '\''),
                );
                &buf
            };
            let id = match ids.get(key) {
                Some(&id) => id,
                None => {
                    let id = vocab.len() as u32;
                    vocab.push(key.into());
                    ids.insert(key.into(), id);
                    id
                }
            };
            toks.push(id);
        }
        if toks.last() == Some(&BREAK) {
            toks.pop();
        }
        toks.shrink_to_fit();
        out.push(toks);
    }
    TokChunk { vocab, docs: out }
}

/// Splits `0..n` into about `parts` contiguous ranges of near-equal weight.
fn balanced_ranges(weights: &[usize], parts: usize) -> Vec<std::ops::Range<usize>> {
    let total: usize = weights.iter().sum::<usize>().max(1);
    let parts = parts.max(1);
    let mut out = Vec::with_capacity(parts);
    let mut start = 0;
    let mut acc = 0;
    for (i, w) in weights.iter().enumerate() {
        acc += w;
        if acc * parts >= total * (out.len() + 1) && i + 1 > start {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < weights.len() {
        out.push(start..weights.len());
    }
    out
}

/// The corpus as token ids.
struct Tokens {
    vocab: Vec<Box<str>>,
    docs: Vec<Vec<u32>>,
}

fn tokenize(docs: &[Doc<'_>], chunks: usize) -> Tokens {
    let weights: Vec<usize> = docs.iter().map(|d| d.text.len()).collect();
    let ranges = balanced_ranges(&weights, chunks);
    let parts: Vec<TokChunk> = ranges
        .par_iter()
        .map(|r| tokenize_chunk(&docs[r.clone()]))
        .collect();
    // merge vocabularies in chunk order: global ids follow first occurrence
    let mut ids: FastMap<Box<str>, u32> = fast_map(1 << 16);
    let mut vocab: Vec<Box<str>> = Vec::new();
    let mut remaps: Vec<Vec<u32>> = Vec::with_capacity(parts.len());
    let mut chunk_docs = Vec::with_capacity(parts.len());
    for part in parts {
        let remap = part
            .vocab
            .into_iter()
            .map(|w| {
                *ids.entry(w).or_insert_with_key(|w| {
                    vocab.push(w.clone());
                    vocab.len() as u32 - 1
                })
            })
            .collect();
        remaps.push(remap);
        chunk_docs.push(part.docs);
    }
    let mut docs_out: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
    chunk_docs
        .par_iter_mut()
        .zip(remaps.par_iter())
        .for_each(|(docs, remap)| {
            for t in docs.iter_mut().flat_map(|d| d.iter_mut()) {
                if *t != BREAK {
                    *t = remap[*t as usize];
                }
            }
        });
    for d in chunk_docs {
        docs_out.extend(d);
    }
    Tokens {
        vocab,
        docs: docs_out,
    }
}

// ---------------------------------------------------------------------------
// counting

/// Counts of one n-gram while counting a level.
#[derive(Clone, Copy)]
struct Count {
    df: u32,
    freq: u32,
    last_doc: u32,
    src: u32,
}

#[inline]
fn merge_src(a: u32, b: u32) -> u32 {
    if a == SRC_EMPTY {
        b
    } else if b == SRC_EMPTY || a == b {
        a
    } else {
        SRC_MIXED
    }
}

/// A frequent n-gram.
#[derive(Clone, Copy)]
struct Gram {
    /// Id of the (n-1)-gram prefix ([`NONE`] for a word).
    prefix: u32,
    /// Id of the (n-1)-gram suffix ([`NONE`] for a word).
    suffix: u32,
    first: u32,
    last: u32,
    len: u8,
    df: u32,
    freq: u32,
    src: u32,
}

/// Article sources as small ids (an unknown source gets [`SRC_MIXED`]:
/// different from every other).
fn source_ids(docs: &[Doc<'_>]) -> (Vec<u32>, usize) {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut unknown = 0;
    let src = docs
        .iter()
        .map(|d| match d.source.map(|s| s.trim().to_lowercase()) {
            Some(s) if !s.is_empty() => {
                let n = ids.len() as u32;
                *ids.entry(s).or_insert(n)
            }
            _ => {
                unknown += 1;
                SRC_MIXED
            }
        })
        .collect();
    (src, ids.len() + unknown)
}

/// Candidate positions counted in one pass at most: beyond, a level is
/// counted in shards (one range of partitions per pass), so the buffered
/// candidates stay under about 16 bytes × this.
const SHARD_POSITIONS: usize = 12_000_000;

/// What every level's counting needs.
#[derive(Clone, Copy)]
struct Counting<'a> {
    /// Tokens of each article.
    toks: &'a [Vec<u32>],
    /// Source id of each article.
    doc_src: &'a [u32],
    /// Article chunks of similar size, for the parallel passes.
    ranges: &'a [std::ops::Range<usize>],
    min_docs: u32,
    /// See [`SHARD_POSITIONS`].
    shard_positions: usize,
}

/// One occurrence of a candidate n-gram, buffered for counting.
#[derive(Clone, Copy)]
struct Occurrence {
    /// Id of the (n-1)-gram prefix.
    prefix: u32,
    /// The last word.
    last: u32,
    doc: u32,
    pos: u32,
}

impl Occurrence {
    #[inline]
    fn key(&self) -> u64 {
        (u64::from(self.prefix) << 32) | u64::from(self.last)
    }
}

/// Grows the n-grams one word longer. `cur[d][i]` is the id of the frequent
/// (n-1)-gram at position `i` of article `d` ([`NONE`] if none); `n` is the
/// new length; `positions` the number of candidate positions (adjacent
/// pairs of frequent (n-1)-grams). The frequent n-grams are appended to
/// `grams`; when `want_next`, returns their ids at each position (the next
/// level's `cur`) and the next level's number of candidate positions.
///
/// Radix-partitioned aggregation: article chunks first scatter their
/// candidate occurrences into many small buffers by hash of the n-gram
/// (sequential writes); then each partition is counted on its own, with a
/// hash map small enough to stay in cache. A partition's buffers are read in
/// article order, so one "last article" field per n-gram dedups per article.
/// Ids follow (partition, n-gram) order, which does not depend on the number
/// of threads; a second look at each partition writes the new ids back.
/// The new grams' suffix ids are left to [`link_suffixes`].
fn grow_level(
    corpus: &Counting<'_>,
    cur: &[Vec<u32>],
    n: usize,
    positions: usize,
    grams: &mut Vec<Gram>,
    want_next: bool,
) -> (Vec<Vec<u32>>, usize) {
    let Counting {
        toks,
        doc_src,
        ranges,
        min_docs,
        shard_positions,
    } = *corpus;
    let next: Vec<Vec<AtomicU32>> = if want_next {
        cur.par_iter()
            .map(|c| {
                (0..c.len().saturating_sub(1))
                    .map(|_| AtomicU32::new(NONE))
                    .collect()
            })
            .collect()
    } else {
        Vec::new()
    };
    let parts = (positions / 8192).next_power_of_two().clamp(16, 4096);
    let shards = positions.div_ceil(shard_positions.max(1)).clamp(1, parts);
    for sh in 0..shards {
        let (lo, hi) = (sh * parts / shards, (sh + 1) * parts / shards);
        let width = hi - lo;
        let scattered: Vec<Vec<Vec<Occurrence>>> = ranges
            .par_iter()
            .map(|r| {
                let mut bufs: Vec<Vec<Occurrence>> = vec![Vec::new(); width];
                for d in r.clone() {
                    let ids = &cur[d];
                    if ids.len() < 2 {
                        continue;
                    }
                    let t = &toks[d];
                    for i in 0..ids.len() - 1 {
                        let (p, s) = (ids[i], ids[i + 1]);
                        if p == NONE || s == NONE {
                            continue;
                        }
                        let occ = Occurrence {
                            prefix: p,
                            last: t[i + n - 1],
                            doc: d as u32,
                            pos: i as u32,
                        };
                        let part = partition(occ.key(), parts);
                        if part >= lo && part < hi {
                            bufs[part - lo].push(occ);
                        }
                    }
                }
                bufs
            })
            .collect();
        let occurrences = |p: usize| scattered.iter().flat_map(move |b| &b[p]);
        // count each partition: its frequent n-grams, sorted
        let counted: Vec<Vec<(u64, Count)>> = (0..width)
            .into_par_iter()
            .map(|p| {
                let total: usize = scattered.iter().map(|b| b[p].len()).sum();
                let mut map: FastMap<u64, Count> = fast_map(total / 4 + 16);
                for occ in occurrences(p) {
                    let c = map.entry(occ.key()).or_insert(Count {
                        df: 0,
                        freq: 0,
                        last_doc: u32::MAX,
                        src: SRC_EMPTY,
                    });
                    c.freq += 1;
                    if c.last_doc != occ.doc {
                        c.last_doc = occ.doc;
                        c.df += 1;
                        c.src = merge_src(c.src, doc_src[occ.doc as usize]);
                    }
                }
                let mut f: Vec<(u64, Count)> = map.into_iter().filter(|(_, c)| c.df >= min_docs).collect();
                f.sort_unstable_by_key(|(k, _)| *k);
                f
            })
            .collect();
        // ids in partition order
        let mut base = Vec::with_capacity(width);
        for f in &counted {
            base.push(grams.len() as u32);
            for &(key, c) in f {
                let prefix = (key >> 32) as u32;
                grams.push(Gram {
                    prefix,
                    suffix: NONE,
                    first: grams[prefix as usize].first,
                    last: key as u32,
                    len: n as u8,
                    df: c.df,
                    freq: c.freq,
                    src: c.src,
                });
            }
        }
        // write the ids back
        if want_next {
            (0..width).into_par_iter().for_each(|p| {
                let f = &counted[p];
                if f.is_empty() {
                    return;
                }
                for occ in occurrences(p) {
                    if let Ok(j) = f.binary_search_by_key(&occ.key(), |(k, _)| *k) {
                        next[occ.doc as usize][occ.pos as usize].store(base[p] + j as u32, Ordering::Relaxed);
                    }
                }
            });
        }
    }
    if !want_next {
        return (Vec::new(), 0);
    }
    let out: Vec<(Vec<u32>, usize)> = next
        .into_par_iter()
        .map(|v| {
            let v: Vec<u32> = v.into_iter().map(AtomicU32::into_inner).collect();
            let pairs = v.windows(2).filter(|w| w[0] != NONE && w[1] != NONE).count();
            if pairs == 0 { (Vec::new(), 0) } else { (v, pairs) }
        })
        .collect();
    let pairs = out.iter().map(|(_, p)| p).sum();
    (out.into_iter().map(|(v, _)| v).collect(), pairs)
}

/// Sets the suffix id of the grams `from..` (all of length `n` ≥ 2): the
/// suffix of (prefix, last) is (suffix of prefix, last) one level down,
/// frequent by construction.
fn link_suffixes(grams: &mut [Gram], from: usize, word_gram: &[u32], lower: &FastMap<u64, u32>) {
    for id in from..grams.len() {
        let g = grams[id];
        let p = grams[g.prefix as usize];
        grams[id].suffix = if p.len == 1 {
            word_gram[g.last as usize]
        } else {
            let key = (u64::from(p.suffix) << 32) | u64::from(g.last);
            lower.get(&key).copied().unwrap_or(NONE)
        };
    }
}

/// Key → id of the grams `range` (one level), for [`link_suffixes`].
fn level_index(grams: &[Gram], range: std::ops::Range<usize>) -> FastMap<u64, u32> {
    let mut m = fast_map(range.len());
    for id in range {
        let g = grams[id];
        m.insert((u64::from(g.prefix) << 32) | u64::from(g.last), id as u32);
    }
    m
}

// ---------------------------------------------------------------------------
// mining

/// Mines the phrases that recur across `docs`. See the module docs for the
/// algorithm. Sorted: phrases from several sources first; then by range
/// (number of articles) descending, score descending, phrase ascending.
pub fn mine(docs: &[Doc<'_>], opts: &MineOptions) -> Vec<MinedPhrase> {
    mine_sharded(docs, opts, SHARD_POSITIONS)
}

/// [`mine`] with the shard size as a parameter (tests use tiny shards).
fn mine_sharded(docs: &[Doc<'_>], opts: &MineOptions, shard_positions: usize) -> Vec<MinedPhrase> {
    let min_docs = opts.min_docs.max(1).min(u32::MAX as usize) as u32;
    let min_len = opts.min_len.clamp(1, MAX_LEN);
    let max_len = opts.max_len.clamp(min_len, MAX_LEN);
    if docs.is_empty() || opts.max_phrases == 0 || docs.len() < min_docs as usize {
        return Vec::new();
    }
    let docs = &docs[..docs.len().min(u32::MAX as usize - 1)];
    let chunks = (rayon::current_num_threads() * 4).max(1);
    let Tokens { vocab, docs: toks } = tokenize(docs, chunks);
    let (doc_src, n_sources) = source_ids(docs);
    let weights: Vec<usize> = toks.iter().map(Vec::len).collect();
    let ranges = balanced_ranges(&weights, chunks);
    let counting = Counting {
        toks: &toks,
        doc_src: &doc_src,
        ranges: &ranges,
        min_docs,
        shard_positions,
    };

    // level 1: document frequency of each word
    let words = word_counts(&counting, vocab.len());
    let (mut grams, word_gram) = frequent_words(&words, min_docs);

    // levels 2..=max_len
    grow_levels(&counting, &mut grams, word_gram, max_len);

    // reduction and C-value, longest first
    let is_stop: Vec<bool> = vocab.iter().map(|w| is_stopword(w)).collect();
    let is_neg: Vec<bool> = vocab.iter().map(|w| NEGATORS.contains(&&**w)).collect();
    let plain = plain_grams(&grams, &vocab);
    let verb: Vec<bool> = vocab.iter().map(|w| REPORTING_VERBS.contains(&&**w)).collect();
    let candidate = |id: usize| {
        let g = &grams[id];
        let len = g.len as usize;
        len >= min_len
            && (!is_stop[g.first as usize] || is_neg[g.first as usize])
            && !is_stop[g.last as usize]
            && !verb[g.last as usize]
            && plain[id]
    };
    let kept = reduce(&grams, candidate, n_sources >= 2, opts.max_phrases);

    let seqs: Vec<Vec<u32>> = kept.iter().map(|&(id, ..)| word_seq(&grams, id)).collect();
    let doc_lists = doc_lists(&toks, &seqs, vocab.len(), &ranges);
    let word_freq = words.freq;
    let mut out: Vec<MinedPhrase> = kept
        .into_iter()
        .zip(doc_lists)
        .zip(&seqs)
        .map(|(((id, single, score), docs), seq)| {
            let g = &grams[id as usize];
            let fixedness = seq
                .iter()
                .filter(|&&t| !is_stop[t as usize])
                .map(|&t| f64::from(g.freq) / f64::from(word_freq[t as usize].max(1)))
                .fold(0.0, f64::max)
                .min(1.0);
            MinedPhrase {
                phrase: seq
                    .iter()
                    .map(|&t| &*vocab[t as usize])
                    .collect::<Vec<&str>>()
                    .join(" "),
                docs,
                occurrences: g.freq as usize,
                score,
                single_source: single,
                fixedness,
                ..MinedPhrase::default()
            }
        })
        .collect();
    out.sort_by(rank);
    out
}

/// Per word of the vocabulary: articles holding it, occurrences, and
/// source ([`SRC_MIXED`] when several).
struct WordCounts {
    df: Vec<u32>,
    freq: Vec<u32>,
    src: Vec<u32>,
}

/// Level 1: each word's [`WordCounts`], counted per chunk of articles in
/// parallel, then summed.
fn word_counts(c: &Counting<'_>, n_vocab: usize) -> WordCounts {
    let Counting {
        toks,
        doc_src,
        ranges,
        ..
    } = *c;
    let local: Vec<(Vec<u32>, Vec<u32>, Vec<u32>)> = ranges
        .par_iter()
        .map(|r| {
            let mut df = vec![0u32; n_vocab];
            let mut freq = vec![0u32; n_vocab];
            let mut src = vec![SRC_EMPTY; n_vocab];
            let mut last = vec![u32::MAX; n_vocab];
            for d in r.clone() {
                for &t in &toks[d] {
                    if t == BREAK {
                        continue;
                    }
                    let t = t as usize;
                    freq[t] += 1;
                    if last[t] != d as u32 {
                        last[t] = d as u32;
                        df[t] += 1;
                        src[t] = merge_src(src[t], doc_src[d]);
                    }
                }
            }
            (df, freq, src)
        })
        .collect();
    let mut df = vec![0u32; n_vocab];
    let mut freq = vec![0u32; n_vocab];
    let mut src = vec![SRC_EMPTY; n_vocab];
    for (d, f, s) in local {
        for t in 0..n_vocab {
            df[t] += d[t];
            freq[t] += f[t];
            src[t] = merge_src(src[t], s[t]);
        }
    }
    WordCounts { df, freq, src }
}

/// The words in at least `min_docs` articles as grams of one word, and each
/// word's gram id ([`NONE`] for a rare word).
fn frequent_words(words: &WordCounts, min_docs: u32) -> (Vec<Gram>, Vec<u32>) {
    let WordCounts { df, freq, src } = words;
    let mut grams: Vec<Gram> = Vec::new();
    let mut word_gram = vec![NONE; df.len()];
    for t in 0..df.len() {
        if df[t] >= min_docs {
            word_gram[t] = grams.len() as u32;
            grams.push(Gram {
                prefix: NONE,
                suffix: NONE,
                first: t as u32,
                last: t as u32,
                len: 1,
                df: df[t],
                freq: freq[t],
                src: src[t],
            });
        }
    }
    (grams, word_gram)
}

/// Levels 2..=`max_len`: each level's frequent grams grown from the one
/// below, until a level adds none.
fn grow_levels(counting: &Counting<'_>, grams: &mut Vec<Gram>, word_gram: Vec<u32>, max_len: usize) {
    let (mut cur, mut positions): (Vec<Vec<u32>>, usize) = {
        let v: Vec<(Vec<u32>, usize)> = counting
            .toks
            .par_iter()
            .map(|t| {
                let ids: Vec<u32> = t
                    .iter()
                    .map(|&w| if w == BREAK { NONE } else { word_gram[w as usize] })
                    .collect();
                let pairs = ids.windows(2).filter(|w| w[0] != NONE && w[1] != NONE).count();
                if pairs == 0 { (Vec::new(), 0) } else { (ids, pairs) }
            })
            .collect();
        let p = v.iter().map(|x| x.1).sum();
        (v.into_iter().map(|x| x.0).collect(), p)
    };
    let mut lower: FastMap<u64, u32> = fast_map(0);
    for n in 2..=max_len {
        if positions == 0 {
            break;
        }
        let before = grams.len();
        let (next, p) = grow_level(counting, &cur, n, positions, grams, n < max_len);
        link_suffixes(grams, before, &word_gram, &lower);
        if grams.len() == before {
            break;
        }
        if n < max_len {
            lower = level_index(grams, before..grams.len());
        }
        cur = next;
        positions = p;
    }
}

/// Reduction and C-value, longest first: the `candidate` grams not covered
/// by a longer kept one with the same articles, each with whether it comes
/// from a single source (when `flag_sources`) and its score; the best
/// `max_phrases` of them in output order.
fn reduce(
    grams: &[Gram],
    candidate: impl Fn(usize) -> bool,
    flag_sources: bool,
    max_phrases: usize,
) -> Vec<(u32, bool, f64)> {
    let mut covered = vec![false; grams.len()];
    let mut ext_sum = vec![0u64; grams.len()];
    let mut ext_cnt = vec![0u32; grams.len()];
    for id in (0..grams.len()).rev() {
        let g = grams[id];
        if g.len < 2 {
            continue;
        }
        let keeps = candidate(id) || covered[id];
        for (k, parent) in [g.prefix, g.suffix].into_iter().enumerate() {
            // (NONE cannot happen: a gram's parts are frequent)
            if parent == NONE || (k == 1 && parent == g.prefix) {
                continue;
            }
            let p = parent as usize;
            ext_sum[p] += u64::from(g.freq);
            ext_cnt[p] += 1;
            if keeps && g.df == grams[p].df {
                covered[p] = true;
            }
        }
    }
    let mut kept: Vec<(u32, bool, f64)> = (0..grams.len())
        .filter(|&id| candidate(id) && !covered[id])
        .map(|id| {
            let g = &grams[id];
            let mean = if ext_cnt[id] == 0 {
                0.0
            } else {
                ext_sum[id] as f64 / f64::from(ext_cnt[id])
            };
            let score = (g.len.max(2) as f64).log2() * (f64::from(g.freq) - mean);
            let single = flag_sources && g.df >= 2 && g.src != SRC_MIXED;
            (id as u32, single, score)
        })
        .collect();
    let order = |a: &(u32, bool, f64), b: &(u32, bool, f64)| {
        a.1.cmp(&b.1)
            .then(grams[b.0 as usize].df.cmp(&grams[a.0 as usize].df))
            .then(b.2.total_cmp(&a.2))
            .then(a.0.cmp(&b.0))
    };
    if kept.len() > max_phrases {
        kept.select_nth_unstable_by(max_phrases - 1, order);
        kept.truncate(max_phrases);
    }
    kept.sort_unstable_by(order);
    kept
}

/// The words of gram `id`, first to last.
fn word_seq(grams: &[Gram], id: u32) -> Vec<u32> {
    let mut seq = Vec::with_capacity(8);
    let mut g = grams[id as usize];
    loop {
        seq.push(g.last);
        if g.prefix == NONE {
            break;
        }
        g = grams[g.prefix as usize];
    }
    seq.reverse();
    seq
}

/// The final order: boilerplate last, then by range, score, and text.
pub(super) fn rank(a: &MinedPhrase, b: &MinedPhrase) -> std::cmp::Ordering {
    a.single_source
        .cmp(&b.single_source)
        .then(b.docs.len().cmp(&a.docs.len()))
        .then(b.score.total_cmp(&a.score))
        .then_with(|| a.phrase.cmp(&b.phrase))
}

/// The articles each token sequence occurs in (ascending), by walking a
/// trie of the sequences over every article.
fn doc_lists(
    toks: &[Vec<u32>],
    seqs: &[Vec<u32>],
    vocab_len: usize,
    ranges: &[std::ops::Range<usize>],
) -> Vec<Vec<u32>> {
    // node 0 is the root; root children are a dense table
    let mut root: Vec<u32> = vec![NONE; vocab_len];
    let mut edges: FastMap<u64, u32> = fast_map(seqs.len() * 4);
    let mut node_seq: Vec<u32> = vec![NONE];
    for (i, seq) in seqs.iter().enumerate() {
        let mut node = 0u32;
        for (depth, &t) in seq.iter().enumerate() {
            let next = if depth == 0 {
                &mut root[t as usize]
            } else {
                edges
                    .entry((u64::from(node) << 32) | u64::from(t))
                    .or_insert(NONE)
            };
            if *next == NONE {
                *next = node_seq.len() as u32;
                node_seq.push(NONE);
            }
            node = *next;
        }
        node_seq[node as usize] = i as u32;
    }
    let hits: Vec<Vec<(u32, u32)>> = ranges
        .par_iter()
        .map(|r| {
            let mut hits = Vec::new();
            let mut in_doc: Vec<u32> = Vec::new();
            for d in r.clone() {
                let t = &toks[d];
                in_doc.clear();
                for i in 0..t.len() {
                    if t[i] == BREAK {
                        continue;
                    }
                    let mut node = root[t[i] as usize];
                    let mut j = i + 1;
                    while node != NONE {
                        if node_seq[node as usize] != NONE {
                            in_doc.push(node_seq[node as usize]);
                        }
                        if j >= t.len() || t[j] == BREAK {
                            break;
                        }
                        node = edges
                            .get(&((u64::from(node) << 32) | u64::from(t[j])))
                            .copied()
                            .unwrap_or(NONE);
                        j += 1;
                    }
                }
                in_doc.sort_unstable();
                in_doc.dedup();
                hits.extend(in_doc.iter().map(|&s| (s, d as u32)));
            }
            hits
        })
        .collect();
    let mut lists: Vec<Vec<u32>> = vec![Vec::new(); seqs.len()];
    for chunk in hits {
        for (s, d) in chunk {
            lists[s as usize].push(d);
        }
    }
    // chunks are in article order, so each list is already ascending
    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc<'_> {
        Doc { text, source: None }
    }

    fn phrases(found: &[MinedPhrase]) -> Vec<&str> {
        found.iter().map(|p| p.phrase.as_str()).collect()
    }

    fn get<'a>(found: &'a [MinedPhrase], phrase: &str) -> Option<&'a MinedPhrase> {
        found.iter().find(|p| p.phrase == phrase)
    }

    const CORPUS: [&str; 4] = [
        "Relations are rock-solid, Foreign Minister Wang Yi said. The partnership has no limits.",
        "Foreign Minister Wang Yi said relations were Rock Solid and had no limits at all.",
        "The foreign minister said ties with Moscow were rock solid. No limits, he added.",
        "Nothing recurring here except the foreign minister of China.",
    ];

    #[test]
    fn finds_phrases_with_their_range() {
        let docs: Vec<Doc> = CORPUS.iter().map(|t| doc(t)).collect();
        let found = mine(&docs, &MineOptions::default());
        let rock = get(&found, "rock solid").expect("rock solid");
        assert_eq!(rock.docs, [0, 1, 2]);
        assert_eq!(rock.occurrences, 3);
        let wang = get(&found, "foreign minister wang yi").expect("foreign minister wang yi");
        assert_eq!(wang.docs, [0, 1]);
        let fm = get(&found, "foreign minister").expect("foreign minister");
        assert_eq!(fm.docs, [0, 1, 2, 3]);
        // "no limits" starts with a negator and survives
        assert_eq!(get(&found, "no limits").expect("no limits").docs, [0, 1, 2]);
        // ranked by range first
        assert_eq!(found[0].phrase, "foreign minister");
        assert!(found.windows(2).all(|w| w[0].docs.len() >= w[1].docs.len()));
    }

    #[test]
    fn stopwords_are_trimmed() {
        let docs: Vec<Doc> = CORPUS.iter().map(|t| doc(t)).collect();
        let found = mine(&docs, &MineOptions::default());
        for p in &found {
            let ws: Vec<&str> = p.phrase.split(' ').collect();
            let (first, last) = (ws[0], ws[ws.len() - 1]);
            assert!(!is_stopword(first) || NEGATORS.contains(&first), "{}", p.phrase);
            assert!(!is_stopword(last), "{}", p.phrase);
        }
        // "the foreign minister" would start with a stopword
        assert!(get(&found, "the foreign minister").is_none());
    }

    #[test]
    fn sub_phrases_with_the_same_articles_are_dropped() {
        let docs: Vec<Doc> = CORPUS.iter().map(|t| doc(t)).collect();
        let found = mine(&docs, &MineOptions::default());
        // "wang yi" is in exactly the articles of "foreign minister wang yi"
        assert!(get(&found, "wang yi").is_none(), "{:?}", phrases(&found));
        assert!(get(&found, "minister wang yi").is_none());
        // "foreign minister" is in more articles: kept
        assert!(get(&found, "foreign minister").is_some());
        // "wang yi said" ends with a stopword
        assert!(get(&found, "foreign minister wang yi said").is_none());
    }

    #[test]
    fn sub_phrase_kept_when_it_occurs_in_more_articles() {
        let docs = [
            doc("the comprehensive strategic partnership of coordination"),
            doc("a comprehensive strategic partnership of coordination"),
            doc("their comprehensive strategic partnership grew"),
        ];
        let found = mine(&docs, &MineOptions::default());
        assert_eq!(
            phrases(&found),
            [
                "comprehensive strategic partnership",
                "comprehensive strategic partnership of coordination"
            ]
        );
        assert_eq!(found[0].docs, [0, 1, 2]);
        assert_eq!(found[1].docs, [0, 1]);
    }

    #[test]
    fn reduction_goes_through_stopword_extensions() {
        // "rock solid and" ends with a stopword, but "rock solid and stable"
        // is a candidate with the same articles, so "rock solid" goes
        let docs = [
            doc("ties are rock solid and stable"),
            doc("rock solid and stable ties"),
        ];
        let found = mine(&docs, &MineOptions::default());
        assert!(
            found
                .iter()
                .any(|p| p.phrase.starts_with("rock solid and stable"))
        );
        assert!(get(&found, "rock solid").is_none(), "{:?}", phrases(&found));
    }

    #[test]
    fn no_phrase_across_sentence_or_line_breaks() {
        let docs = [
            doc("They met in Moscow. Relations improved; talks went on\nnext week"),
            doc("They met in Moscow! Relations improved: talks went on\nnext week"),
        ];
        let found = mine(&docs, &MineOptions::default());
        for p in &found {
            assert!(!p.phrase.contains("moscow relations"), "{}", p.phrase);
            assert!(!p.phrase.contains("improved talks"), "{}", p.phrase);
            assert!(!p.phrase.contains("on next"), "{}", p.phrase);
        }
        assert!(get(&found, "talks went").is_some(), "{:?}", phrases(&found));
        assert!(get(&found, "next week").is_some());
    }

    #[test]
    fn commas_and_quotes_do_not_break() {
        let docs = [
            doc("based on non-alliance, non-confrontation and non-targeting"),
            doc("on “non-alliance, non-confrontation” principles"),
        ];
        let found = mine(&docs, &MineOptions::default());
        assert_eq!(phrases(&found), ["non alliance non confrontation"]);
    }

    #[test]
    fn single_source_boilerplate_is_flagged_and_last() {
        let docs = [
            Doc {
                text: "Ties are rock solid.\nMore from South China Morning Post",
                source: Some("South China Morning Post"),
            },
            Doc {
                text: "Relations rock solid.\nMore from South China Morning Post",
                source: Some(" south china morning post "),
            },
            Doc {
                text: "Still rock solid, he said.",
                source: Some("Reuters"),
            },
        ];
        let found = mine(&docs, &MineOptions::default());
        let last = found.last().unwrap();
        // "more" and "from" are stopwords
        assert_eq!(last.phrase, "south china morning post");
        assert!(last.single_source);
        assert_eq!(last.docs, [0, 1]);
        let rock = get(&found, "rock solid").unwrap();
        assert!(!rock.single_source);
        assert_eq!(found[0].phrase, "rock solid");
    }

    #[test]
    fn no_sources_or_one_source_flags_nothing() {
        let texts = ["Read more at Global Times today", "Read more at Global Times now"];
        for source in [None, Some("Post")] {
            let docs: Vec<Doc> = texts.iter().map(|t| Doc { text: t, source }).collect();
            let found = mine(&docs, &MineOptions::default());
            assert!(!found.is_empty());
            assert!(found.iter().all(|p| !p.single_source));
        }
    }

    #[test]
    fn min_docs_and_lengths() {
        let docs: Vec<Doc> = CORPUS.iter().map(|t| doc(t)).collect();
        let three = MineOptions {
            min_docs: 3,
            ..MineOptions::default()
        };
        let found = mine(&docs, &three);
        assert_eq!(phrases(&found), ["foreign minister", "no limits", "rock solid"]);
        let long = MineOptions {
            min_len: 3,
            ..MineOptions::default()
        };
        let found = mine(&docs, &long);
        assert!(found.iter().all(|p| p.phrase.split(' ').count() >= 3));
        assert!(get(&found, "foreign minister wang yi").is_some());
        let short = MineOptions {
            max_len: 2,
            ..MineOptions::default()
        };
        let found = mine(&docs, &short);
        assert!(found.iter().all(|p| p.phrase.split(' ').count() == 2));
        // without "foreign minister wang yi" to cover it, "wang yi" is back
        assert!(get(&found, "wang yi").is_some());
        let few = MineOptions {
            max_phrases: 1,
            ..MineOptions::default()
        };
        assert_eq!(mine(&docs, &few).len(), 1);
    }

    #[test]
    fn tokens_normalised_as_the_finder_does() {
        let docs = [
            doc("Hege\u{ad}mony rules in İstanbul talks"),
            doc("hegemony rules; ISTANBUL TALKS"),
        ];
        let found = mine(&docs, &MineOptions::default());
        assert_eq!(phrases(&found), ["hegemony rules", "istanbul talks"]);
        for p in &found {
            for &d in &p.docs {
                assert_eq!(
                    super::super::find_phrase(docs[d as usize].text, &p.phrase).len(),
                    1
                );
            }
        }
    }

    #[test]
    fn single_words_with_min_len_one() {
        let docs = [doc("Hegemony, again."), doc("hegemony and the rest")];
        let opts = MineOptions {
            min_len: 1,
            ..MineOptions::default()
        };
        assert_eq!(phrases(&mine(&docs, &opts)), ["hegemony"]);
    }

    #[test]
    fn repeated_words_count_occurrences() {
        let docs = [doc("no limits no limits no limits"), doc("no limits")];
        let found = mine(&docs, &MineOptions::default());
        let p = get(&found, "no limits").unwrap();
        assert_eq!(p.occurrences, 4);
        assert_eq!(p.docs, [0, 1]);
    }

    #[test]
    fn empty_inputs() {
        assert!(mine(&[], &MineOptions::default()).is_empty());
        assert!(mine(&[doc("")], &MineOptions::default()).is_empty());
        assert!(mine(&[doc("rock solid")], &MineOptions::default()).is_empty());
        assert!(mine(&[doc(""), doc("")], &MineOptions::default()).is_empty());
        let none = MineOptions {
            max_phrases: 0,
            ..MineOptions::default()
        };
        assert!(mine(&[doc("a b"), doc("a b")], &none).is_empty());
    }

    #[test]
    fn c_value_score() {
        let docs = [
            doc("alpha beta gamma. alpha beta."),
            doc("alpha beta gamma"),
            doc("alpha beta"),
        ];
        let found = mine(&docs, &MineOptions::default());
        assert_eq!(phrases(&found), ["alpha beta", "alpha beta gamma"]);
        // log2(2) × (4 occurrences − 2, the mean of "alpha beta gamma")
        assert_eq!(found[0].score, 2.0);
        assert_eq!(found[0].occurrences, 4);
        // log2(3) × 2, nothing longer
        assert!((found[1].score - 3f64.log2() * 2.0).abs() < 1e-9);
    }

    #[test]
    fn same_range_ranked_by_score() {
        let docs = [
            doc("zeta eta. delta epsilon. delta epsilon"),
            doc("delta epsilon; zeta eta"),
        ];
        let found = mine(&docs, &MineOptions::default());
        assert_eq!(phrases(&found), ["delta epsilon", "zeta eta"]);
        assert!(found[0].score > found[1].score);
    }

    #[test]
    fn deterministic_across_thread_counts() {
        let c = crate::synth::corpus(60, 200, 3);
        let docs: Vec<Doc> = c.files.iter().map(|(_, t)| doc(t)).collect();
        let a = mine(&docs, &MineOptions::default());
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let b = pool.install(|| mine(&docs, &MineOptions::default()));
        assert_eq!(a, b);
        assert!(!a.is_empty());
    }

    #[test]
    fn sharded_counting_gives_the_same_result() {
        let c = crate::synth::corpus(40, 300, 5);
        let docs: Vec<Doc> = c.files.iter().map(|(_, t)| doc(t)).collect();
        let opts = MineOptions::default();
        let whole = mine(&docs, &opts);
        assert!(whole.len() > 50);
        for shard in [1, 100, 5000] {
            assert_eq!(mine_sharded(&docs, &opts, shard), whole, "{shard}");
        }
    }

    #[test]
    fn dates_numbers_and_metadata_lines_are_not_mined() {
        let docs = [
            doc("Ferries return to Lake Orla\n\nTue 14 Mar 2023 07.30 GMT\n\nFerry season opens early."),
            doc(
                "Lake Orla welcomes the ferries\nSource: Orla Herald | 2023-03-14\nFerry season opens early.",
            ),
            doc(
                "Talks ended on 14 March 2023 after 12 rounds. The ferry season opens early, 12 rounds later.",
            ),
            doc("Voting closed on 14 March 2023 after 12 rounds."),
        ];
        let found = mine(&docs, &MineOptions::default());
        for p in &found {
            assert!(p.phrase.split(' ').any(plain_word), "{}", p.phrase);
        }
        assert!(get(&found, "2023 07").is_none() && get(&found, "14 march 2023").is_none());
        assert!(
            get(&found, "ferry season opens early").is_some(),
            "{:?}",
            phrases(&found)
        );
        // a date inside a sentence is part of the phrase around it
        assert!(
            get(&found, "14 march 2023 after 12 rounds").is_some(),
            "{:?}",
            phrases(&found)
        );
        // the metadata lines are not mined: "orla herald" is in one, and
        // "mar 2023" is in the dateline only
        let lines =
            |t: &str| -> Vec<String> { metadata_lines(t).into_iter().map(|r| t[r].to_string()).collect() };
        assert_eq!(lines(docs[0].text), ["Tue 14 Mar 2023 07.30 GMT"]);
        assert_eq!(lines(docs[1].text), ["Source: Orla Herald | 2023-03-14"]);
        assert!(lines(docs[2].text).is_empty());
        assert_eq!(
            lines("March 5, 2023\nUpdated 10:42 BST"),
            ["March 5, 2023", "Updated 10:42 BST"]
        );
        // a short sentence with a date, and a headline with a year, are prose
        assert!(lines("Talks end on 5 March 2023.\nXi to visit Moscow again in 2023 for talks").is_empty());
    }

    #[test]
    fn metadata_lines_break_a_hard_wrapped_paragraph() {
        let line = "words of a paragraph wrapped at a fixed width here";
        let text = format!("{line}\n{line}\n{line}\nrock solid\n14 March 2023\nties {line}\n{line}\n{line}");
        let docs = [doc(&text), doc(&text)];
        let found = mine(&docs, &MineOptions::default());
        assert!(
            found.iter().all(|p| !p.phrase.contains("solid ties")),
            "{:?}",
            phrases(&found)
        );
        assert!(
            found.iter().any(|p| p.phrase.contains("here rock solid")),
            "{:?}",
            phrases(&found)
        );
    }

    #[test]
    fn reporting_frames_are_not_phrases() {
        let docs = [
            doc(
                "The envoy told reporters on Monday that the harbour deal stood. Speaking to journalists, she smiled.",
            ),
            doc(
                "The mayor told reporters that the harbour deal stood, speaking to journalists at a news conference.",
            ),
            doc("He told a news conference the harbour deal stood."),
        ];
        let found = mine(&docs, &MineOptions::default());
        for frame in ["told reporters", "news conference", "speaking to journalists"] {
            assert!(get(&found, frame).is_none(), "{frame}: {:?}", phrases(&found));
        }
        assert!(
            get(&found, "harbour deal stood").is_some(),
            "{:?}",
            phrases(&found)
        );
        assert!(is_reporting("told") && !is_reporting("harbour"));
        assert!(is_date_word("2023") && is_date_word("mar") && is_date_word("gmt") && !is_date_word("deal"));
    }

    #[test]
    fn balanced_ranges_cover_everything() {
        let w = [5, 1, 1, 1, 10, 0, 3];
        for parts in 1..10 {
            let r = balanced_ranges(&w, parts);
            assert_eq!(r.first().unwrap().start, 0);
            assert_eq!(r.last().unwrap().end, w.len());
            assert!(r.windows(2).all(|x| x[0].end == x[1].start));
            assert!(r.iter().all(|x| !x.is_empty()));
        }
        assert!(balanced_ranges(&[], 4).is_empty());
    }
}
