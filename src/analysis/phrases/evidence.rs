//! Is a mined phrase a formula or a name, and how strong is the evidence
//! that it is a formula? Facts gathered at each occurrence (while
//! [`recount`](super::recount) finds them), then weighed per phrase.
//!
//! # At each occurrence
//!
//! - **Quoted**: it lies inside quotation marks (“…”, "…", ‘…’, «…»), be
//!   they scare quotes around the phrase itself or a speaker's quote.
//! - **Capitalised**: its content words (not stopwords) start with a capital
//!   where they are not at the start of a sentence, a line or a quote, and
//!   not in a headline-like line (most of its words capitalised). Words at
//!   those places say nothing and are left out; an occurrence with none
//!   left says nothing either.
//! - **Cuts a name**: it ends with a capitalised word followed by another
//!   ("chinese foreign" + "Minister"), or starts with one preceded by
//!   another ("minister wang" after "Foreign").
//!
//! # Per phrase ([`weigh`])
//!
//! 1. **Fragments** that cut a name in at least half of their occurrences
//!    are dropped.
//! 2. **Variants** are merged into one row: phrases with the same
//!    [`variant_key`](super::fold::variant_key) (function words, numbers,
//!    British/American spelling, inflection), and shifted forms of one long
//!    phrase (the end of one is the start of the other, over at least three
//!    words, in nearly the same articles). The row reads as its most
//!    widespread variant and lists the others. Romanised spellings of a
//!    name ("sergei"/"sergey") share a key where the words are proper
//!    nouns ([`variant_key_with`](super::fold::variant_key_with)), and a
//!    name row that is another row plus words around the name ("chinese
//!    president xi jinping met") is folded into it.
//! 3. **Kind**: a *formula* when it holds a negation in lower case ("not
//!    an alliance"); else a *name* when most of the occurrences that say something
//!    are capitalised, or when it holds a known person's name (the speaker
//!    gazetteer), or when all its content words are titles, places,
//!    nationalities or organisation words ("foreign minister", "chinese
//!    president"); else a *formula*.
//! 4. **Weight**, the evidence that a phrase is a formula, the product of:
//!    - range across outlets: `ln(1 + outlets)`;
//!    - quotation: `1 + 2 × quoted / articles` (articles where it is inside
//!      quotation marks);
//!    - fixedness: `0.5 + share`, where `share` is the largest share of a
//!      content word's occurrences (in the mined articles) that fall inside
//!      this phrase: "limits" mostly occurs in "no limits", "year" in many
//!      phrases besides "last year";
//!    - keyness against general English: `max(0.3, rarity − 2.5)`, the
//!      rarity (−log10 frequency in the background list) of its rarest
//!      content word: "confrontation" 5.3, "limits" 4.5, "year" 3.0.
//! 5. **Order**: formulas by weight; then formulas all of whose articles
//!    come from one outlet (likely boilerplate); then names by weight.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::background::rarity;
use super::fold::{variant_key, variant_key_with};
use super::mine::{MinedPhrase, is_stopword};
use crate::analysis::speakers::{Extractor, NameWord};
use crate::analysis::text::words;

/// Formula or name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PhraseKind {
    /// A turn of phrase an analyst would follow ("no limits").
    #[default]
    Formula,
    /// A person, a title, a place or an organisation ("xi jinping",
    /// "foreign minister", "shanghai cooperation organisation").
    Name,
}

/// What the occurrences of a phrase showed, summed by
/// [`recount`](super::recount).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Evidence {
    /// The articles (positions in the docs) where it occurs inside
    /// quotation marks at least once, ascending.
    pub quoted_docs: Vec<u32>,
    /// Occurrences whose capitalisation says something.
    pub caps_known: u32,
    /// Of those, the ones that are capitalised.
    pub caps: u32,
    /// Occurrences that cut a name.
    pub cuts: u32,
    /// Occurrences whose capitals all say nothing (a headline or byline
    /// line, a sentence start), and of those the ones with every content
    /// word capitalised.
    pub silent: u32,
    pub silent_caps: u32,
    /// The articles where two forms merged into this row both occur (their
    /// counts are made again, the forms together).
    pub shared_docs: Vec<u32>,
    /// Per word of the phrase (in order): (occurrences where its capital
    /// says something, of those the capitalised ones).
    pub word_caps: Vec<(u32, u32)>,
}

impl Evidence {
    /// Is the phrase's `i`th word a proper noun here: capitalised in most
    /// of the occurrences where that says something?
    pub fn proper(&self, i: usize) -> bool {
        self.word_caps.get(i).is_some_and(|&(k, c)| k > 0 && c * 2 > k)
    }
}

// ---------------------------------------------------------------------------
// quotation marks

/// The byte ranges of `text` inside quotation marks: curly double quotes
/// “…”, guillemets «…», curly single quotes ‘…’ (closed by a ’ not followed
/// by a letter: "China’s" is an apostrophe), and straight double quotes
/// paired within a line. An unclosed quote ends at the end of its line.
pub fn quote_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // (closing char, start of the content)
    let mut open: Option<(char, usize)> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev: char = ' ';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        match open {
            None => match c {
                '“' | '„' => open = Some(('”', i + c.len_utf8())),
                '«' => open = Some(('»', i + c.len_utf8())),
                '‘' if !prev.is_alphanumeric() => open = Some(('’', i + c.len_utf8())),
                '"' => open = Some(('"', i + 1)),
                _ => {}
            },
            Some((close, start)) => {
                let closes = if close == '’' {
                    c == '’' && !next.is_alphanumeric()
                } else if close == '”' {
                    // some texts close with a straight quote
                    c == '”' || c == '"'
                } else {
                    c == close
                };
                if closes {
                    out.push(start..i);
                    open = None;
                } else if c == '\n' && (close == '"' || close == '’') {
                    // straight and single quotes do not run across lines
                    out.push(start..i);
                    open = None;
                } else if c == '\n' {
                    // a quote spanning paragraphs reopens with “ on the next:
                    // end it here either way
                    out.push(start..i);
                    open = None;
                }
            }
        }
        prev = c;
    }
    if let Some((_, start)) = open {
        out.push(start..text.len());
    }
    out
}

/// Is `range` inside one of `spans` (sorted by start, not overlapping)?
pub fn inside(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = spans.partition_point(|s| s.start <= range.start);
    i > 0 && spans[i - 1].end >= range.end
}

// ---------------------------------------------------------------------------
// capitalisation

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn lower_is_stopword(word: &str) -> bool {
    let mut buf = [0u8; 16];
    if word.len() <= buf.len() && word.is_ascii() {
        // (no allocation for the usual short ASCII word)
        for (d, b) in buf.iter_mut().zip(word.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..word.len()]).is_ok_and(is_stopword);
    }
    is_stopword(&crate::analysis::text::normalize_word(word))
}

/// Does the word starting at `start` begin a sentence, a line or a quote
/// (so its capital says nothing)?
fn starts_sentence(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        match c {
            ' ' | '\t' | '\u{a0}' | '(' | '[' => continue,
            '\n' | '\r' | '.' | '!' | '?' | ':' | ';' | '…' | '“' | '"' | '‘' | '«' | '„' | '—' | '–' =>
            {
                return true;
            }
            _ => return false,
        }
    }
    true
}

/// The headline-like lines of `text` (among their first words, most are
/// capitalised: headlines, bylines), in order.
pub fn headline_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if headline(line) {
            out.push(start..end);
        }
        start = end + 1;
    }
    out
}

/// Is this line headline-like?
fn headline(line: &str) -> bool {
    let (mut n, mut caps) = (0, 0);
    for w in words(line).take(16) {
        if !w.text.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        n += 1;
        if capitalised(w.text) {
            caps += 1;
        } else if lower_is_stopword(w.text) {
            // "of", "and" stay lowercase in a headline
            n -= 1;
        }
    }
    n >= 3 && caps * 10 >= n * 8
}

/// The word just after `end` if only spaces or a hyphen separate them.
fn word_after(text: &str, end: usize) -> Option<&str> {
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '-', '\u{a0}']).len();
    if gap == 0 || gap > 3 {
        return None;
    }
    words(&rest[gap..])
        .next()
        .filter(|w| w.start == 0)
        .map(|w| w.text)
}

/// The word just before `start` if only spaces or a hyphen separate them.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let head = &text[..start];
    let trimmed = head.trim_end_matches([' ', '-', '\u{a0}']);
    let gap = head.len() - trimmed.len();
    if gap == 0 || gap > 3 {
        return None;
    }
    // (scanning back over the word only: never the whole text before it)
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '\'' || c == '’')
        .last()
        .map(|(i, _)| i)?;
    Some(&trimmed[start..])
}

/// What one occurrence says: (quoted, capitalised: None if it says
/// nothing, cuts a name, and when it says nothing whether all its content
/// words are capitalised all the same). `word_caps` gets, per word, whether its capital
/// says something and whether it has one.
pub fn occurrence(
    text: &str,
    range: Range<usize>,
    quotes: &[Range<usize>],
    headlines: &[Range<usize>],
    word_caps: &mut Vec<(u32, u32)>,
) -> (bool, Option<bool>, bool, Option<bool>) {
    let quoted = inside(quotes, &range);
    let Some(slice) = text.get(range.clone()) else {
        return (quoted, None, false, None);
    };
    let mut all_caps = true;
    let headline = inside(headlines, &(range.start..range.start));
    let (mut known, mut caps) = (0u32, 0u32);
    let (mut first_cap, mut last_cap) = (false, false);
    let mut first = true;
    for (pos, w) in words(slice).enumerate() {
        let cap = capitalised(w.text);
        if first {
            first_cap = cap;
        }
        last_cap = cap;
        let at = range.start + w.start;
        let silent = headline || (first && starts_sentence(text, at));
        first = false;
        if word_caps.len() <= pos {
            word_caps.resize(pos + 1, (0, 0));
        }
        if !silent {
            word_caps[pos].0 += 1;
            word_caps[pos].1 += u32::from(cap);
        }
        if lower_is_stopword(w.text) || !w.text.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        all_caps &= cap;
        if silent {
            continue;
        }
        known += 1;
        if cap {
            caps += 1;
        }
    }
    let capitalised_occ = (known > 0).then_some(caps * 2 > known);
    let name_word = |w: &str| capitalised(w) && !lower_is_stopword(w);
    let cuts = !headline
        && ((last_cap && word_after(text, range.end).is_some_and(name_word))
            || (first_cap && word_before(text, range.start).is_some_and(name_word)));
    let silent_caps = (known == 0).then_some(all_caps);
    (quoted, capitalised_occ, cuts, silent_caps)
}

// ---------------------------------------------------------------------------
// weighing

/// What [`weigh`] needs to know about the corpus.
pub struct Corpus<'a> {
    /// Each doc's source id (`None`: a source of its own).
    pub sources: &'a [Option<u32>],
    /// Merge keys of phrases hidden for good.
    pub hidden: &'a [String],
}

const NEGATORS: &[&str] = &["no", "not", "non"];

/// A capitalised word rarer than this in general English is a proper noun
/// for sure; a more common one ("Cold", "House") only maybe.
const COMMON: f64 = 4.5;

/// Is a (normalised) word part of a name, a title or a place?
fn name_word(word: &str) -> Option<NameWord> {
    Extractor::shared().word_kind(word)
}

fn content_words(phrase: &str) -> impl Iterator<Item = &str> {
    phrase.split(' ').filter(|w| !w.is_empty() && !is_stopword(w))
}

/// Name or formula, from the occurrences' evidence and the words.
fn kind_of(m: &MinedPhrase) -> PhraseKind {
    let e = &m.evidence;
    // a name does not negate: "not an alliance", "no first use" are
    // formulas whatever their other words ("Non-Aligned Movement", with a
    // capital, is a name)
    if m.phrase
        .split(' ')
        .enumerate()
        .any(|(i, w)| NEGATORS.contains(&w) && !e.proper(i))
    {
        return PhraseKind::Formula;
    }
    // only seen where capitals say nothing (headlines, bylines), and
    // capitalised there every time
    if e.silent > 0 && e.silent_caps == e.silent && e.word_caps.iter().all(|&(k, _)| k == 0) {
        return PhraseKind::Name;
    }
    // proper nouns (capitalised here, or known places and organisations)
    // at least half of the content words, or all of them, or with titles
    // more than half. A capitalised word that is common in general English
    // ("Cold", "War", "House") weighs half: "Cold War mentality" is a
    // formula, "Cold War" and "White House" are names.
    let (mut n, mut halves, mut all_proper, mut titles) = (0usize, 0usize, true, 0usize);
    for (i, w) in m.phrase.split(' ').enumerate() {
        if w.is_empty() || is_stopword(w) {
            continue;
        }
        n += 1;
        match name_word(w) {
            Some(NameWord::Person) => return PhraseKind::Name,
            Some(NameWord::Place | NameWord::Org) => halves += 2,
            _ if e.proper(i) => halves += if rarity(w) < COMMON { 1 } else { 2 },
            Some(NameWord::Title) => {
                titles += 1;
                all_proper = false;
            }
            None => all_proper = false,
        }
    }
    if n > 0 && ((halves > 0 && halves >= n) || all_proper) {
        return PhraseKind::Name;
    }
    let named = halves.div_ceil(2) + titles;
    if n > 0 && named * 2 > n {
        PhraseKind::Name
    } else {
        PhraseKind::Formula
    }
}

/// The rarity of the phrase's rarest content word (0 if it has none).
pub fn keyness(phrase: &str) -> f64 {
    content_words(phrase).map(rarity).fold(0.0, f64::max)
}

/// [`keyness`] leaving out proper nouns (a place's name is rare in
/// general English, which says nothing about the phrase).
fn keyness_of(m: &MinedPhrase) -> f64 {
    m.phrase
        .split(' ')
        .enumerate()
        .filter(|&(i, w)| !w.is_empty() && !is_stopword(w) && !m.evidence.proper(i))
        .map(|(_, w)| rarity(w))
        .fold(0.0, f64::max)
}

/// Distinct outlets among `docs`.
fn outlets(docs: &[u32], sources: &[Option<u32>]) -> usize {
    let mut seen: Vec<u32> = Vec::new();
    let mut own = 0;
    for &d in docs {
        match sources.get(d as usize).copied().flatten() {
            Some(s) => seen.push(s),
            None => own += 1,
        }
    }
    seen.sort_unstable();
    seen.dedup();
    seen.len() + own
}

/// The weight of a phrase (see the module docs).
pub fn weight(m: &MinedPhrase) -> f64 {
    let articles = m.docs.len().max(1) as f64;
    let range = (1.0 + m.outlets as f64).ln();
    let quoted = 1.0 + 2.0 * (m.quoted as f64 / articles).min(1.0);
    let fixed = 0.5 + m.fixedness.clamp(0.0, 1.0);
    let key = (m.keyness - 2.5).max(0.3);
    range * quoted * fixed * key
}

/// Merges two sorted doc lists with their counts (summed where both have a
/// doc; `max` instead where the phrases overlap in the text).
fn union_counts(a: (&[u32], &[u32]), b: (&[u32], &[u32]), overlap: bool) -> (Vec<u32>, Vec<u32>) {
    let counted = a.0.len() == a.1.len() && b.0.len() == b.1.len();
    let (mut docs, mut counts) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    let c = |s: &[u32], k: usize| if counted { s[k] } else { 0 };
    while i < a.0.len() || j < b.0.len() {
        let take_a = j >= b.0.len() || (i < a.0.len() && a.0[i] <= b.0[j]);
        let take_b = i >= a.0.len() || (j < b.0.len() && b.0[j] <= a.0[i]);
        if take_a && take_b {
            docs.push(a.0[i]);
            let (x, y) = (c(a.1, i), c(b.1, j));
            counts.push(if overlap { x.max(y) } else { x + y });
            i += 1;
            j += 1;
        } else if take_a {
            docs.push(a.0[i]);
            counts.push(c(a.1, i));
            i += 1;
        } else {
            docs.push(b.0[j]);
            counts.push(c(b.1, j));
            j += 1;
        }
    }
    if !counted {
        counts.clear();
    }
    (docs, counts)
}

fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut v: Vec<u32> = a.iter().chain(b).copied().collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Folds `from` into `into` (one row, `into`'s text).
fn absorb(into: &mut MinedPhrase, from: MinedPhrase, overlap: bool) {
    // articles holding both: their count is made again from the text
    let both: Vec<u32> = into
        .docs
        .iter()
        .copied()
        .filter(|d| from.docs.binary_search(d).is_ok())
        .collect();
    into.evidence.shared_docs = union(&into.evidence.shared_docs, &both);
    into.evidence.shared_docs = union(&into.evidence.shared_docs, &from.evidence.shared_docs);
    let (docs, counts) = union_counts((&into.docs, &into.counts), (&from.docs, &from.counts), overlap);
    into.occurrences = if counts.len() == docs.len() && !counts.is_empty() {
        counts.iter().map(|&c| c as usize).sum()
    } else if overlap {
        into.occurrences.max(from.occurrences)
    } else {
        into.occurrences + from.occurrences
    };
    into.docs = docs;
    into.counts = counts;
    into.evidence.quoted_docs = union(&into.evidence.quoted_docs, &from.evidence.quoted_docs);
    into.evidence.caps_known += from.evidence.caps_known;
    into.evidence.caps += from.evidence.caps;
    into.evidence.cuts += from.evidence.cuts;
    into.evidence.silent += from.evidence.silent;
    into.evidence.silent_caps += from.evidence.silent_caps;
    // (word_caps stay the head's: its words)
    into.fixedness = into.fixedness.max(from.fixedness);
    into.score = into.score.max(from.score);
    into.variants.push(from.phrase);
    into.variants.extend(from.variants);
}

/// Which phrase of a group reads best: the most widespread, then the most
/// frequent, then the shortest, then the first in text order.
fn better(a: &MinedPhrase, b: &MinedPhrase) -> bool {
    (
        b.docs.len(),
        b.occurrences,
        std::cmp::Reverse(b.phrase.len()),
        &b.phrase,
    ) < (
        a.docs.len(),
        a.occurrences,
        std::cmp::Reverse(a.phrase.len()),
        &a.phrase,
    )
}

/// The member of a group that reads best by [`better`].
fn best_reading(group: &[MinedPhrase]) -> usize {
    (0..group.len())
        .reduce(|a, b| if better(&group[b], &group[a]) { b } else { a })
        .unwrap_or(0)
}

/// One group as one phrase: member `head` takes in the others, in phrase
/// order (`overlap`: their articles may hold the same occurrences, see
/// [`absorb`]).
fn fold_group(mut group: Vec<MinedPhrase>, head: usize, overlap: bool) -> MinedPhrase {
    let mut head = group.swap_remove(head);
    group.sort_by(|a, b| a.phrase.cmp(&b.phrase));
    for g in group {
        absorb(&mut head, g, overlap);
    }
    head
}

/// The phrases grouped by their union-find root, groups in root order and
/// members in their order in `mined`.
fn grouped(mined: Vec<MinedPhrase>, parent: &mut [usize]) -> Vec<Vec<MinedPhrase>> {
    let roots: Vec<usize> = (0..mined.len()).map(|i| union_root(parent, i)).collect();
    let mut groups: BTreeMap<usize, Vec<MinedPhrase>> = BTreeMap::new();
    for (m, r) in mined.into_iter().zip(roots) {
        groups.entry(r).or_default().push(m);
    }
    groups.into_values().collect()
}

/// The root of `i` in a union-find forest, halving paths on the way.
fn union_root(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

/// Merges phrases with the same variant key.
fn merge_variants(mined: Vec<MinedPhrase>) -> Vec<MinedPhrase> {
    let mut groups: HashMap<String, Vec<MinedPhrase>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for m in mined {
        let key = variant_key_with(&m.phrase, |i| m.evidence.proper(i));
        groups
            .entry(key.clone())
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(m);
    }
    let mut out = Vec::with_capacity(order.len());
    for key in order {
        if let Some(group) = groups.remove(&key) {
            let best = best_reading(&group);
            out.push(fold_group(group, best, false));
        }
    }
    out
}

/// Merges shifted forms of one long phrase: the last words of one are the
/// first words of another (at least three, and all but two of the shorter
/// one's), and each is in at least 80% of the articles of the other.
fn merge_shifted(mined: Vec<MinedPhrase>) -> Vec<MinedPhrase> {
    let toks: Vec<Vec<&str>> = mined.iter().map(|m| m.phrase.split(' ').collect()).collect();
    // the phrases starting with each pair of words
    let mut by_start: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, t) in toks.iter().enumerate() {
        if t.len() >= 3 && mined[i].kind == PhraseKind::Formula {
            by_start.entry((t[0], t[1])).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..mined.len()).collect();
    for (a, ta) in toks.iter().enumerate() {
        if ta.len() < 4 || mined[a].kind != PhraseKind::Formula {
            continue;
        }
        for k in 1..ta.len() - 2 {
            let Some(cands) = by_start.get(&(ta[k], ta[k + 1])) else {
                continue;
            };
            for &b in cands {
                let tb = &toks[b];
                let overlap = ta.len() - k;
                if b == a || tb.len() <= overlap || tb[..overlap] != ta[k..] {
                    continue;
                }
                if overlap + 2 < ta.len().min(tb.len()) {
                    continue;
                }
                let shared = mined[a]
                    .docs
                    .iter()
                    .filter(|d| mined[b].docs.binary_search(d).is_ok())
                    .count();
                let most = mined[a].docs.len().max(mined[b].docs.len());
                if shared * 10 >= most * 8 {
                    let (ra, rb) = (union_root(&mut parent, a), union_root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    grouped(mined, &mut parent)
        .into_iter()
        .map(|group| {
            let best = best_reading(&group);
            fold_group(group, best, true)
        })
        .collect()
}

/// Merges a formula into a longer one that holds it: when at least 60%
/// as many occurrences of the longer one are counted ("third party" inside
/// "not directed against any third party"), or when the longer one is a
/// one-word extension found in at most a third of the articles ("shown
/// back to back strategic support" of "back to back strategic support"). A group reads as its longest member with at
/// least 60% of the group's largest number of occurrences.
fn merge_contained(mined: Vec<MinedPhrase>) -> Vec<MinedPhrase> {
    let forms: Vec<Vec<String>> = mined
        .iter()
        .map(|m| {
            std::iter::once(&m.phrase)
                .chain(&m.variants)
                .map(|f| format!(" {f} "))
                .collect()
        })
        .collect();
    let words = |f: &str| f.split(' ').filter(|w| !w.is_empty()).count();
    // every contiguous sub-phrase of every formula's forms → the formulas
    let mut holders: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, fs) in forms.iter().enumerate() {
        if mined[i].kind != PhraseKind::Formula {
            continue;
        }
        for f in fs {
            let spaces: Vec<usize> = f.match_indices(' ').map(|(k, _)| k).collect();
            for a in 0..spaces.len() {
                for b in a + 2..spaces.len() {
                    if a == 0 && b == spaces.len() - 1 {
                        continue;
                    }
                    let v = holders.entry(&f[spaces[a]..=spaces[b]]).or_default();
                    if v.last() != Some(&i) {
                        v.push(i);
                    }
                }
            }
        }
    }
    let mut parent: Vec<usize> = (0..mined.len()).collect();
    for (a, fs) in forms.iter().enumerate() {
        if mined[a].kind != PhraseKind::Formula {
            continue;
        }
        let len_a = words(&mined[a].phrase);
        for f in fs {
            let Some(hs) = holders.get(f.as_str()) else {
                continue;
            };
            for &b in hs {
                if b == a {
                    continue;
                }
                let most = mined[b].occurrences * 10 >= mined[a].occurrences * 6;
                // (a rare extension only: else a common phrase would
                // gather every phrase built on it)
                let one_more =
                    words(&mined[b].phrase) == len_a + 1 && mined[b].docs.len() * 3 <= mined[a].docs.len();
                if most || one_more {
                    let (ra, rb) = (union_root(&mut parent, a), union_root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    grouped(mined, &mut parent)
        .into_iter()
        .map(|group| {
            let most = group.iter().map(|m| m.occurrences).max().unwrap_or(0);
            let best = (0..group.len())
                .filter(|&i| group[i].occurrences * 10 >= most * 6)
                .max_by(|&x, &y| {
                    let (mx, my) = (&group[x], &group[y]);
                    words(&mx.phrase)
                        .cmp(&words(&my.phrase))
                        .then(mx.occurrences.cmp(&my.occurrences))
                        .then(my.phrase.cmp(&mx.phrase))
                })
                .unwrap_or(0);
            fold_group(group, best, true)
        })
        .collect()
}

/// A name row's words without the words around the name: the leading and
/// trailing words that are stopwords, or lowercase where they occur (or,
/// trailing where no capital says anything, common English words) and
/// neither a name nor a title word ("chinese president xi jinping met" →
/// "chinese president xi jinping"). None when nothing is cut or fewer than
/// two words are left.
fn name_core(m: &MinedPhrase) -> Option<String> {
    let ws: Vec<&str> = m.phrase.split(' ').collect();
    // (`tail`: a word seen only where capitals say nothing, a headline,
    // is taken to be lowercase if it is a common English word; a name may
    // start with one, "Port Selen", but a verb follows it)
    let outside = |i: usize, tail: bool| {
        let w = ws[i];
        let lowercase = match m.evidence.word_caps.get(i) {
            Some(&(k, _)) if k > 0 => !m.evidence.proper(i),
            _ => tail && rarity(w) < COMMON,
        };
        is_stopword(w) || (lowercase && name_word(w).is_none())
    };
    let mut a = 0;
    while a < ws.len() && outside(a, false) {
        a += 1;
    }
    let mut b = ws.len();
    while b > a && outside(b - 1, true) {
        b -= 1;
    }
    (b - a >= 2 && b - a < ws.len()).then(|| ws[a..b].join(" "))
}

/// Folds a name row that is another row plus words around the name
/// ("kremlin spokesman dmitry peskov said the date", "chinese president xi
/// jinping met") into that row, as a variant.
fn merge_name_tails(mined: Vec<MinedPhrase>) -> Vec<MinedPhrase> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    for (i, m) in mined.iter().enumerate() {
        at.entry(m.phrase.as_str()).or_insert(i);
        for v in &m.variants {
            at.entry(v.as_str()).or_insert(i);
        }
    }
    let mut parent: Vec<usize> = (0..mined.len()).collect();
    for (i, m) in mined.iter().enumerate() {
        if m.kind != PhraseKind::Name {
            continue;
        }
        if let Some(&j) = name_core(m).as_deref().and_then(|c| at.get(c))
            && j != i
        {
            let (ri, rj) = (union_root(&mut parent, i), union_root(&mut parent, j));
            parent[ri] = rj;
        }
    }
    let roots: Vec<usize> = (0..mined.len()).map(|i| union_root(&mut parent, i)).collect();
    let mut groups: BTreeMap<usize, Vec<MinedPhrase>> = BTreeMap::new();
    let mut heads: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, (m, r)) in mined.into_iter().zip(roots).enumerate() {
        let g = groups.entry(r).or_default();
        if i == r {
            heads.insert(r, g.len());
        }
        g.push(m);
    }
    groups
        .into_iter()
        .map(|(r, group)| {
            let head = heads.get(&r).copied().unwrap_or(0);
            fold_group(group, head, true)
        })
        .collect()
}

/// The final order: formulas, then one-source formulas, then names; each
/// by weight, range and text.
pub fn order(a: &MinedPhrase, b: &MinedPhrase) -> std::cmp::Ordering {
    let class = |m: &MinedPhrase| match (m.kind, m.single_source) {
        (PhraseKind::Formula, false) => 0,
        (PhraseKind::Formula, true) => 1,
        (PhraseKind::Name, _) => 2,
    };
    class(a)
        .cmp(&class(b))
        .then(b.weight.total_cmp(&a.weight))
        .then(b.docs.len().cmp(&a.docs.len()))
        .then_with(|| a.phrase.cmp(&b.phrase))
}

/// Drops fragments and hidden phrases, merges variants, tells names from
/// formulas, weighs and orders the phrases (see the module docs). The
/// phrases' `docs`, `counts` and `evidence` must be those of
/// [`recount`](super::recount).
pub fn weigh(mut mined: Vec<MinedPhrase>, corpus: &Corpus) -> Vec<MinedPhrase> {
    mined.retain(|m| {
        let e = &m.evidence;
        m.occurrences == 0 || (e.cuts as usize) * 2 < m.occurrences
    });
    let mut mined = merge_variants(mined);
    if !corpus.hidden.is_empty() {
        mined.retain(|m| !corpus.hidden.contains(&variant_key(&m.phrase)));
    }
    for m in &mut mined {
        m.kind = kind_of(m);
    }
    let mined = merge_shifted(mined);
    let mined = merge_contained(mined);
    let mut mined = merge_name_tails(mined);
    // one source for every article (boilerplate), judged again on merged rows
    let several = {
        let mut ids: Vec<Option<u32>> = corpus.sources.to_vec();
        ids.sort_unstable();
        ids.dedup();
        ids.len() >= 2
    };
    for m in &mut mined {
        if !m.variants.is_empty() {
            let first = m
                .docs
                .first()
                .and_then(|&d| corpus.sources.get(d as usize).copied().flatten());
            m.single_source = several
                && m.docs.len() >= 2
                && first.is_some()
                && m.docs
                    .iter()
                    .all(|&d| corpus.sources.get(d as usize).copied().flatten() == first);
        }
        m.variants.sort();
        m.variants.dedup();
        m.quoted = m.evidence.quoted_docs.len();
        m.outlets = outlets(&m.docs, corpus.sources);
        m.keyness = keyness_of(m);
        m.weight = weight(m);
    }
    mined.sort_by(order);
    mined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_of_every_kind() {
        let t = "He said “no limits” and ‘mutual trust’, not China’s \"win-win\" «bloc».";
        let spans: Vec<&str> = quote_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(spans, ["no limits", "mutual trust", "win-win", "bloc"]);
        // an apostrophe does not close a single quote
        let t = "‘China’s no-limits ties’ grew";
        let spans: Vec<&str> = quote_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(spans, ["China’s no-limits ties"]);
        // unclosed: to the end of the line
        let t = "“Mutual trust, he said\nNext";
        let spans: Vec<&str> = quote_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(spans, ["Mutual trust, he said"]);
        assert!(quote_spans("no quotes here").is_empty());
    }

    #[test]
    fn inside_a_span() {
        let spans = [2..10, 20..30];
        assert!(inside(&spans, &(3..9)));
        assert!(inside(&spans, &(20..30)));
        assert!(!inside(&spans, &(9..12)));
        assert!(!inside(&spans, &(0..1)));
        assert!(!inside(&spans, &(31..33)));
    }

    fn occ(text: &str, phrase: &str) -> (bool, Option<bool>, bool) {
        let start = text.find(phrase).unwrap();
        let (q, c, cut, _) = occurrence(
            text,
            start..start + phrase.len(),
            &quote_spans(text),
            &headline_lines(text),
            &mut Vec::new(),
        );
        (q, c, cut)
    }

    #[test]
    fn occurrence_facts() {
        let t = "Ties with “no limits” were praised by Xi Jinping on Monday.";
        assert_eq!(occ(t, "no limits"), (true, Some(false), false));
        assert_eq!(occ(t, "Xi Jinping"), (false, Some(true), false));
        // sentence-initial: the capital says nothing
        let t = "Mutual trust grew. Mutual trust is key, he said.";
        assert_eq!(occ(t, "Mutual trust"), (false, Some(false), false));
        let t = "Mutual respect grew.";
        assert_eq!(occ(t, "Mutual respect"), (false, Some(false), false));
        let t = "Mutual grew.";
        assert_eq!(occ(t, "Mutual"), (false, None, false));
        // a fragment of a name
        let t = "The talks went well, said Chinese Foreign Minister Wang Yi on Monday after a long meeting.";
        assert!(occ(t, "Chinese Foreign").2);
        assert!(occ(t, "Foreign Minister Wang").2);
        assert!(!occ(t, "Chinese Foreign Minister Wang Yi").2);
        // a headline says nothing about capitals
        let t = "China And Russia Hail No Limits Ties\nThe text.";
        assert_eq!(occ(t, "No Limits"), (false, None, false));
        // but it is noted whether every content word had a capital there
        let silent = |t: &str, p: &str| {
            let start = t.find(p).unwrap();
            occurrence(
                t,
                start..start + p.len(),
                &[],
                &headline_lines(t),
                &mut Vec::new(),
            )
            .3
        };
        assert_eq!(silent("By Grace Tan In Valdor\nText.", "Grace Tan"), Some(true));
        // a word whose capital says something: not silent
        assert_eq!(
            silent("Rock solid ties. More text follows here.", "Rock solid"),
            None
        );
        assert_eq!(silent("Ties were rock solid, he said.", "rock solid"), None);
    }

    fn phrase(p: &str, docs: &[u32]) -> MinedPhrase {
        MinedPhrase {
            phrase: p.into(),
            docs: docs.to_vec(),
            occurrences: docs.len(),
            counts: vec![1; docs.len()],
            ..MinedPhrase::default()
        }
    }

    #[test]
    fn variants_merge_into_the_most_widespread() {
        let corpus = Corpus {
            sources: &[Some(0), Some(1), Some(2), None],
            hidden: &[],
        };
        let out = weigh(
            vec![
                phrase("third parties", &[0, 1]),
                phrase("third party", &[1, 2, 3]),
                phrase("good neighbourliness", &[0]),
                phrase("good neighborliness", &[2, 3]),
            ],
            &corpus,
        );
        let third = out.iter().find(|m| m.phrase == "third party").unwrap();
        assert_eq!(third.variants, ["third parties"]);
        assert_eq!(third.docs, [0, 1, 2, 3]);
        assert_eq!(third.counts, [1, 2, 1, 1]);
        assert_eq!(third.occurrences, 5);
        assert_eq!(third.outlets, 4);
        let good = out.iter().find(|m| m.phrase == "good neighborliness").unwrap();
        assert_eq!(good.variants, ["good neighbourliness"]);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn boilerplate_is_judged_again_on_merged_rows() {
        let corpus = Corpus {
            sources: &[Some(0), Some(0), Some(1), Some(1)],
            hidden: &[],
        };
        let mut a = phrase("more stories", &[0]);
        let mut b = phrase("more story", &[1]);
        a.single_source = false;
        b.single_source = false;
        let out = weigh(vec![a, b], &corpus);
        assert!(out[0].single_source, "{out:?}");
        let out = weigh(
            vec![phrase("third party", &[0, 1]), phrase("third parties", &[2])],
            &corpus,
        );
        assert!(!out[0].single_source);
    }

    #[test]
    fn shifted_forms_merge() {
        let corpus = Corpus {
            sources: &[Some(0), Some(1), Some(2)],
            hidden: &[],
        };
        let out = weigh(
            vec![
                phrase(
                    "comprehensive strategic partnership of coordination for a new",
                    &[0, 1, 2],
                ),
                phrase("strategic partnership of coordination for a new era", &[0, 1, 2]),
                phrase("coordination for a new era", &[0, 1, 2]),
                phrase("strategic partnership", &[0, 1, 2, 3, 4, 5]),
                phrase("deepen strategic partnership", &[0]),
            ],
            &corpus,
        );
        let rows: Vec<&str> = out.iter().map(|m| m.phrase.as_str()).collect();
        assert_eq!(rows.len(), 2, "{out:?}");
        // shifted forms, and a form inside them in as many occurrences
        let long = out.iter().find(|m| m.phrase.contains("new")).unwrap();
        assert_eq!(long.variants.len(), 2, "{long:?}");
        assert_eq!(long.counts, [1, 1, 1]);
        // "strategic partnership" occurs more often alone: its own row, with
        // its one-word extension
        let short = out.iter().find(|m| m.phrase == "strategic partnership").unwrap();
        assert_eq!(short.variants, ["deepen strategic partnership"]);
    }

    #[test]
    fn names_and_titles_are_names() {
        let corpus = Corpus {
            sources: &[Some(0), Some(1)],
            hidden: &[],
        };
        // (per word: occurrences where the capital says something, capitalised)
        let with_caps = |p: &str, caps: &[(u32, u32)]| {
            let mut m = phrase(p, &[0, 1]);
            m.evidence.word_caps = caps.to_vec();
            m
        };
        let out = weigh(
            vec![
                with_caps("belt and road initiative", &[(4, 4), (4, 4), (4, 4), (4, 4)]),
                with_caps("no limits", &[(4, 1), (4, 0)]),
                with_caps("cold war mentality", &[(4, 4), (4, 4), (4, 0)]),
                with_caps("cold war", &[(4, 4), (4, 4)]),
                with_caps("kestrian warship", &[(4, 4), (4, 0)]),
                phrase("foreign minister", &[0, 1]),
                phrase("putin's visit", &[0, 1]),
                phrase("chinese president", &[0, 1]),
                phrase("mutual trust", &[0, 1]),
            ],
            &corpus,
        );
        let kind = |p: &str| out.iter().find(|m| m.phrase == p).unwrap().kind;
        assert_eq!(kind("belt and road initiative"), PhraseKind::Name);
        assert_eq!(kind("foreign minister"), PhraseKind::Name);
        assert_eq!(kind("putin's visit"), PhraseKind::Name);
        assert_eq!(kind("chinese president"), PhraseKind::Name);
        assert_eq!(kind("no limits"), PhraseKind::Formula);
        assert_eq!(kind("mutual trust"), PhraseKind::Formula);
        // common words capitalised weigh half a proper noun
        assert_eq!(kind("cold war mentality"), PhraseKind::Formula);
        assert_eq!(kind("cold war"), PhraseKind::Name);
        // a rare capitalised word is a proper noun
        assert_eq!(kind("kestrian warship"), PhraseKind::Name);
        // formulas first
        let formulas = out.iter().filter(|m| m.kind == PhraseKind::Formula).count();
        assert_eq!(formulas, 3);
        assert!(out[..formulas].iter().all(|m| m.kind == PhraseKind::Formula));
        assert!(out[formulas..].iter().all(|m| m.kind == PhraseKind::Name));
    }

    #[test]
    fn a_negation_is_a_formula() {
        let corpus = Corpus {
            sources: &[Some(0), Some(1)],
            hidden: &[],
        };
        let with_caps = |p: &str, caps: &[(u32, u32)]| {
            let mut m = phrase(p, &[0, 1]);
            m.evidence.word_caps = caps.to_vec();
            m
        };
        let out = weigh(
            vec![
                // "alliance" and "council" are organisation words
                with_caps("not an alliance", &[(2, 0), (2, 0), (2, 0)]),
                with_caps("no security council", &[(2, 0), (2, 0), (2, 0)]),
                with_caps("non aligned movement", &[(2, 2), (2, 2), (2, 2)]),
                with_caps("security council", &[(2, 2), (2, 2)]),
            ],
            &corpus,
        );
        let kind = |p: &str| out.iter().find(|m| m.phrase == p).unwrap().kind;
        assert_eq!(kind("not an alliance"), PhraseKind::Formula);
        assert_eq!(kind("no security council"), PhraseKind::Formula);
        assert_eq!(kind("non aligned movement"), PhraseKind::Name);
        assert_eq!(kind("security council"), PhraseKind::Name);
    }

    #[test]
    fn words_around_a_name_fold_into_the_name() {
        let corpus = Corpus {
            sources: &[Some(0), Some(1), Some(2)],
            hidden: &[],
        };
        let with_caps = |p: &str, docs: &[u32], caps: &[(u32, u32)]| {
            let mut m = phrase(p, docs);
            m.evidence.word_caps = caps.to_vec();
            m
        };
        let name = |n: usize| vec![(3, 3); n];
        let headline = |mut m: MinedPhrase| {
            m.evidence.silent = 2;
            m.evidence.silent_caps = 2;
            m
        };
        let out = weigh(
            vec![
                with_caps("chinese president xi jinping", &[0, 1, 2], &name(4)),
                with_caps(
                    "chinese president xi jinping met",
                    &[0, 1],
                    &[(2, 2), (2, 2), (2, 2), (2, 2), (2, 0)],
                ),
                with_caps(
                    "harbour master ivo tanner said the date",
                    &[1, 2],
                    &[(2, 2), (2, 2), (2, 2), (2, 2), (2, 0), (2, 0), (2, 0)],
                ),
                with_caps("harbour master ivo tanner", &[0, 1, 2], &name(4)),
                // seen only in headline-like lines: "met" is a common word
                headline(with_caps("port warden ivo tanner met", &[0, 1], &[(0, 0); 5])),
                headline(with_caps("port warden ivo tanner", &[0, 1, 2], &[(0, 0); 4])),
                // the core is not a row: left alone
                with_caps(
                    "mayor olga brandt visited",
                    &[0, 1],
                    &[(2, 2), (2, 2), (2, 2), (2, 0)],
                ),
            ],
            &corpus,
        );
        let rows: Vec<&str> = out.iter().map(|m| m.phrase.as_str()).collect();
        assert_eq!(out.len(), 4, "{rows:?}");
        let warden = out.iter().find(|m| m.phrase == "port warden ivo tanner").unwrap();
        assert_eq!(warden.variants, ["port warden ivo tanner met"]);
        let xi = out
            .iter()
            .find(|m| m.phrase == "chinese president xi jinping")
            .unwrap();
        assert_eq!(xi.variants, ["chinese president xi jinping met"]);
        assert_eq!(xi.docs, [0, 1, 2]);
        assert_eq!(xi.counts, [1, 1, 1]);
        let tanner = out
            .iter()
            .find(|m| m.phrase == "harbour master ivo tanner")
            .unwrap();
        assert_eq!(tanner.variants, ["harbour master ivo tanner said the date"]);
        assert!(rows.contains(&"mayor olga brandt visited"));
    }

    #[test]
    fn romanised_spellings_of_a_name_are_one_row() {
        let corpus = Corpus {
            sources: &[Some(0), Some(1), Some(2), Some(3)],
            hidden: &[],
        };
        let caps = vec![(3, 3); 4];
        let mut a = phrase("port warden sergei volkov", &[0, 1, 2]);
        a.evidence.word_caps = caps.clone();
        let mut b = phrase("port warden sergey volkov", &[3]);
        b.evidence.word_caps = caps;
        let out = weigh(vec![a, b], &corpus);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].phrase, "port warden sergei volkov");
        assert_eq!(out[0].variants, ["port warden sergey volkov"]);
        assert_eq!(out[0].docs, [0, 1, 2, 3]);
        // lowercase (no evidence of a name): not folded
        let out = weigh(
            vec![phrase("policy reform", &[0, 1]), phrase("police reform", &[2, 3])],
            &corpus,
        );
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn fragments_and_hidden_phrases_go() {
        let mut cut = phrase("chinese foreign", &[0, 1]);
        cut.evidence.cuts = 2;
        let hidden = vec![variant_key("last year")];
        let corpus = Corpus {
            sources: &[Some(0), Some(1)],
            hidden: &hidden,
        };
        let out = weigh(
            vec![cut, phrase("last years", &[0, 1]), phrase("no limits", &[0, 1])],
            &corpus,
        );
        let left: Vec<&str> = out.iter().map(|m| m.phrase.as_str()).collect();
        assert_eq!(left, ["no limits"]);
    }

    #[test]
    fn evidence_raises_the_weight() {
        let base = MinedPhrase {
            docs: vec![0, 1, 2, 3],
            outlets: 2,
            keyness: 4.0,
            ..phrase("x", &[])
        };
        let w = weight(&base);
        assert!(
            weight(&MinedPhrase {
                outlets: 4,
                ..base.clone()
            }) > w
        );
        assert!(
            weight(&MinedPhrase {
                quoted: 2,
                ..base.clone()
            }) > w
        );
        assert!(
            weight(&MinedPhrase {
                keyness: 5.0,
                ..base.clone()
            }) > w
        );
        assert!(
            weight(&MinedPhrase {
                fixedness: 0.8,
                ..base.clone()
            }) > w
        );
        assert!(keyness("no limits") > keyness("last year"));
        assert!(keyness("bloc confrontation") > keyness("two countries"));
    }
}
