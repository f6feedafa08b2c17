//! A compiled, tolerant multi-phrase matcher shared by
//! [`PhraseBook`](super::PhraseBook) and [`PhraseFinder`](super::PhraseFinder).
//!
//! Patterns are normalised with [`normalize`](super::normalize), the text is
//! normalised the same way, and an Aho-Corasick automaton finds every
//! (overlapping) occurrence in the canonical copy. An occurrence counts when
//!
//! * it starts and ends on whole original characters (never on part of
//!   what one character lowercased to);
//! * it is not glued to a word on either side, judged on both the canonical
//!   and the original text: "hegemony" is not found in "hegemonyx" or
//!   "xhegemony", but is found in "hegemony’s" (a possessive or contraction
//!   after the match is allowed, a word before an apostrophe is not).
//!
//! Of the occurrences left, the leftmost wins, then the longest, then the
//! pattern given first: the result is sorted and never overlaps. Checking
//! boundaries before choosing (rather than using a leftmost-longest
//! automaton and filtering after) means a rejected candidate can never hide
//! a good one that overlaps it.
//!
//! # Anchors: normalising only where a match can be
//!
//! Most of an article cannot hold any pattern, so the whole text is not
//! normalised. Each pattern has an *anchor*: its longest plain ASCII word
//! ("solid" for "solid as a rock"). A second automaton finds the anchors in
//! an ASCII-lowercased copy of the original text (same offsets, and a
//! case-sensitive automaton keeps its SIMD prefilter); around each one
//! that is a whole word, a *window* is normalised, starting as many words
//! back as the anchor can be into one of its patterns and ending as far
//! after it as one of them reaches. Close windows are merged. The occurrences
//! found in the windows are exactly those the whole text would give, so
//! the result is the same (a property test checks it). The whole text is
//! normalised instead when the anchors are so common that the windows would
//! cover most of it, and when the windows could miss something: a pattern
//! with sentence punctuation or without a plain ASCII word, or a text with
//! characters that vanish or lowercase to ASCII letters (soft hyphens and
//! zero-width joiners, "İ", the Kelvin sign).

use std::cell::RefCell;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::normalize::{
    Normalized, is_apostrophe, is_hard, normalize_into, normalize_phrase, normalize_window,
};

/// See the module documentation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    /// The caller's group of each automaton pattern.
    groups: Vec<u32>,
    /// None: always normalise the whole text.
    anchors: Option<Anchors>,
}

#[derive(Debug, Clone)]
struct Anchors {
    /// The anchor words (lowercase ASCII), searched in a lowercased copy.
    ac: AhoCorasick,
    /// For each anchor, the most words a pattern has before it.
    back: Vec<u32>,
    /// For each anchor, the most canonical bytes a pattern has from the
    /// anchor's start to its own end.
    fwd: Vec<u32>,
    /// About how many bytes of text a window around one anchor spans.
    reach: usize,
}

/// Windows closer than this (bytes) beyond the reach of the previous one are
/// normalised as one.
const MERGE: usize = 48;

thread_local! {
    /// A reusable buffer so a corpus-wide pass does not allocate per article.
    static BUFFER: RefCell<Normalized> = RefCell::new(Normalized::default());
    /// The text with ASCII letters lowercased, for the anchor search.
    static LOWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Buffers grown beyond this many bytes by a huge text are not kept.
const KEEP: usize = 1 << 22;

/// Runs `f` with this thread's normalisation buffer.
fn with_buffer<R>(f: impl FnOnce(&mut Normalized) -> R) -> R {
    BUFFER.with(|buf| match buf.try_borrow_mut() {
        Ok(mut norm) => {
            let r = f(&mut norm);
            if norm.text.capacity() > KEEP {
                *norm = Normalized::default();
            }
            r
        }
        // re-entered on this thread (cannot happen today): use a fresh buffer
        Err(_) => f(&mut Normalized::default()),
    })
}

impl Matcher {
    /// Compiles `(pattern, group)` pairs. Patterns are normalised here;
    /// empty ones are skipped and a canonical pattern seen before keeps its
    /// first group. Fails only if the automaton cannot be built (far beyond
    /// any realistic phrase list).
    pub fn new<'a>(
        patterns: impl IntoIterator<Item = (&'a str, u32)>,
    ) -> Result<Self, aho_corasick::BuildError> {
        let mut seen = std::collections::HashSet::new();
        let mut canon = Vec::new();
        let mut groups = Vec::new();
        for (p, g) in patterns {
            let c = normalize_phrase(p);
            if !c.is_empty() && seen.insert(c.clone()) {
                canon.push(c);
                groups.push(g);
            }
        }
        if canon.is_empty() {
            return Ok(Matcher::default());
        }
        // No prefilter: this automaton mostly runs over short windows, where
        // starting one costs more than it saves.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .kind(dfa_if_small(&canon))
            .build(&canon)?;
        Ok(Matcher {
            ac: Some(ac),
            groups,
            anchors: anchors(&canon)?,
        })
    }

    /// Number of distinct canonical patterns.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Finds the occurrences in `text`: `(group, byte range in text)`,
    /// sorted by start, non-overlapping, ranges on char boundaries.
    pub fn find(&self, text: &str) -> Vec<(u32, Range<usize>)> {
        self.choose(self.candidates(text))
    }

    /// Every group's occurrences in `text` as if it were searched for alone:
    /// `(group, byte range)`, sorted by group then start; a group's never
    /// overlap each other, but may overlap (or lie inside) another group's.
    pub fn find_each(&self, text: &str) -> Vec<(u32, Range<usize>)> {
        let mut cands: Vec<(u32, usize, usize)> = self
            .candidates(text)
            .into_iter()
            .map(|(s, e, p)| (self.groups[p as usize], s, e))
            .collect();
        // a group's leftmost, then longest, without overlaps
        cands.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
        let mut out: Vec<(u32, Range<usize>)> = Vec::with_capacity(cands.len());
        for (g, s, e) in cands {
            match out.last() {
                Some((last, r)) if *last == g && s < r.end => {}
                _ => out.push((g, s..e)),
            }
        }
        out
    }

    /// The valid occurrences of every pattern, overlapping, as (start, end,
    /// pattern): from windows around the anchors where they can be used.
    fn candidates(&self, text: &str) -> Vec<(usize, usize, u32)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        self.anchors
            .as_ref()
            .and_then(|anchors| self.anchored_candidates(ac, anchors, text, true))
            .unwrap_or_else(|| full_candidates(ac, text))
    }

    /// [`find`](Matcher::find) normalising the whole text.
    #[cfg(test)]
    fn find_full(&self, ac: &AhoCorasick, text: &str) -> Vec<(u32, Range<usize>)> {
        self.choose(full_candidates(ac, text))
    }

    /// [`find`](Matcher::find) normalising windows around the anchors.
    #[cfg(test)]
    fn find_anchored(
        &self,
        ac: &AhoCorasick,
        anchors: &Anchors,
        text: &str,
        may_fall_back: bool,
    ) -> Option<Vec<(u32, Range<usize>)>> {
        self.anchored_candidates(ac, anchors, text, may_fall_back)
            .map(|c| self.choose(c))
    }

    /// The candidates in windows around the anchors. None when the whole
    /// text must be normalised: it has a character the windows cannot
    /// handle, or (if `may_fall_back`) the anchors are so dense that the
    /// whole text is cheaper.
    fn anchored_candidates(
        &self,
        ac: &AhoCorasick,
        anchors: &Anchors,
        text: &str,
        may_fall_back: bool,
    ) -> Option<Vec<(usize, usize, u32)>> {
        if has_special(text) {
            return None;
        }
        // The anchors are lowercase ASCII, searched in an ASCII-lowercased
        // copy (same offsets): a case-sensitive automaton keeps its SIMD
        // prefilter, which a case-insensitive one would lose. Leftmost-longest
        // is enough: where a longer anchor matches, a shorter one at the same
        // place is not a whole word, and a match never hides a word start,
        // anchors being all letters and digits.
        let mut hits: Vec<(usize, u32)> = Vec::new();
        let mut dense = false;
        LOWER.with(|lower| {
            let mut lower = lower.borrow_mut();
            lower.clear();
            lower.extend_from_slice(text.as_bytes());
            lower.make_ascii_lowercase();
            for m in anchors.ac.find_iter(&lower[..]) {
                if starts_word(text, m.start()) && !continues_word(text, m.end()) {
                    hits.push((m.start(), m.pattern().as_u32()));
                    // anchors this dense (common words): windows would
                    // cover most of the text, normalise it whole instead
                    if may_fall_back && hits.len() * anchors.reach > 2 * anchors.reach + m.start() {
                        dense = true;
                        break;
                    }
                }
            }
            if lower.capacity() > KEEP {
                *lower = Vec::new();
            }
        });
        if dense {
            return None;
        }
        if hits.is_empty() {
            return Some(Vec::new());
        }
        hits.sort_unstable();
        // (window start, last anchor in it, canonical bytes needed after it)
        let mut windows: Vec<(usize, usize, usize)> = Vec::new();
        for (p, anchor) in hits {
            let a = anchor as usize;
            let ws = walk_back(text, p, anchors.back[a] as usize);
            // a pattern ends at most fwd canonical bytes after its anchor
            // starts, and canonical offsets grow with original ones, so the
            // largest fwd in a window, counted from its last anchor, covers
            // every anchor's patterns; 8 more see the next character
            let fwd = anchors.fwd[a] as usize + 8;
            match windows.last_mut() {
                Some(w) if ws <= w.1 + w.2 + MERGE => {
                    w.0 = w.0.min(ws);
                    w.1 = w.1.max(p);
                    w.2 = w.2.max(fwd);
                }
                _ => windows.push((ws, p, fwd)),
            }
        }
        let covered: usize = windows.iter().map(|&(start, past, fwd)| past - start + fwd).sum();
        if may_fall_back && covered > text.len() / 2 {
            return None;
        }
        let mut cands = Vec::new();
        with_buffer(|norm| {
            for (start, past, fwd) in windows {
                normalize_window(text, start, past, fwd, norm);
                collect(ac, text, norm, &mut cands);
            }
        });
        Some(cands)
    }

    /// Leftmost, then longest, then first-given candidates, without overlaps.
    fn choose(&self, mut cands: Vec<(usize, usize, u32)>) -> Vec<(u32, Range<usize>)> {
        if cands.is_empty() {
            return Vec::new();
        }
        cands.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out = Vec::with_capacity(cands.len());
        let mut end = 0;
        for (s, e, p) in cands {
            if s >= end {
                out.push((self.groups[p as usize], s..e));
                end = e;
            }
        }
        out
    }
}

/// The candidates normalising the whole text.
fn full_candidates(ac: &AhoCorasick, text: &str) -> Vec<(usize, usize, u32)> {
    let mut cands = Vec::new();
    with_buffer(|norm| {
        normalize_into(text, norm);
        collect(ac, text, norm, &mut cands);
    });
    cands
}

/// A full DFA is the fastest automaton; the crate's own choice keeps it to
/// 100 patterns. Up to some 64 KiB of patterns (a few thousand mined
/// phrases) it stays within a few megabytes.
fn dfa_if_small(patterns: &[String]) -> Option<AhoCorasickKind> {
    let bytes: usize = patterns.iter().map(String::len).sum();
    (bytes <= 64 * 1024).then_some(AhoCorasickKind::DFA)
}

/// The anchors of the canonical patterns, or None if one has no usable
/// anchor (then every text is normalised whole).
fn anchors(canon: &[String]) -> Result<Option<Anchors>, aho_corasick::BuildError> {
    let mut words: Vec<String> = Vec::new();
    let mut back: Vec<u32> = Vec::new();
    let mut fwd: Vec<u32> = Vec::new();
    for c in canon {
        let ws: Vec<&str> = c.split(' ').collect();
        // hard punctuation makes word counting unreliable
        if ws
            .iter()
            .any(|w| w.is_empty() || !w.chars().all(|ch| ch.is_alphanumeric() || ch == '\''))
        {
            return Ok(None);
        }
        let Some((k, anchor)) = ws
            .iter()
            .enumerate()
            .filter(|(_, w)| w.bytes().all(|b| b.is_ascii_alphanumeric()))
            .max_by_key(|(k, w)| (w.len(), std::cmp::Reverse(*k)))
        else {
            return Ok(None);
        };
        // byte offset of the anchor in the pattern (words joined by spaces)
        let at: usize = ws[..k].iter().map(|w| w.len() + 1).sum();
        let ahead = (c.len() - at) as u32;
        match words.iter().position(|w| w == anchor) {
            Some(i) => {
                back[i] = back[i].max(k as u32);
                fwd[i] = fwd[i].max(ahead);
            }
            None => {
                words.push(anchor.to_string());
                back.push(k as u32);
                fwd.push(ahead);
            }
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(dfa_if_small(&words))
        .build(&words)?;
    let max_len = canon.iter().map(String::len).max().unwrap_or(0);
    let max_back = back.iter().copied().max().unwrap_or(0) as usize;
    Ok(Some(Anchors {
        ac,
        back,
        fwd,
        reach: max_len + 6 * max_back + 8,
    }))
}

/// Characters for which anchors are not enough: those the normaliser drops
/// (soft hyphen, zero-width joiners, word joiner, byte-order mark) and those
/// that lowercase to an ASCII letter ('İ', the Kelvin sign).
const SPECIAL: [char; 7] = [
    '\u{ad}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', 'İ', '\u{212a}',
];

/// Does `text` hold one of [`SPECIAL`]? Their UTF-8 forms start with one of
/// four lead bytes, rare in English text except 0xE2 (curly quotes,
/// dashes), so a SIMD byte scan finds them quickly.
fn has_special(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(0xC2, 0xC4, 0xE2, bytes)
        .chain(memchr::memchr_iter(0xEF, bytes))
        .any(|i| {
            text.get(i..)
                .and_then(|s| s.chars().next())
                .is_some_and(|c| SPECIAL.contains(&c))
        })
}

/// Does `text` hold one of [`SPECIAL`]? (The slow, obvious way, for tests.)
#[cfg(test)]
fn needs_full_path(text: &str) -> bool {
    text.chars().any(|c| SPECIAL.contains(&c))
}

/// True when the char before `at` is not part of a word running into `at`.
fn starts_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some(p) if p.is_alphanumeric() => false,
        Some(p) if is_apostrophe(p) => !before.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

fn continues_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The start of the word `k` words before the word starting at `at`, or
/// the nearest point after hard punctuation or the text start on the way.
/// Words are those of the normaliser: letters and digits, with apostrophes
/// between them.
fn walk_back(text: &str, at: usize, k: usize) -> usize {
    let mut pos = at;
    for _ in 0..k {
        // back over the separators to the end of the previous word
        let mut it = text[..pos].char_indices().rev().peekable();
        let mut start = loop {
            match it.next() {
                None => return pos,
                Some((_, c)) if is_hard(c) => return pos,
                Some((i, c)) if c.is_alphanumeric() => break i,
                Some(_) => {}
            }
        };
        // back over the word
        while let Some(&(i, c)) = it.peek() {
            if c.is_alphanumeric() {
                start = i;
                it.next();
            } else if is_apostrophe(c) {
                let mut ahead = it.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(j, b)) if b.is_alphanumeric() => {
                        start = j;
                        it = ahead;
                        it.next();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        pos = start;
    }
    pos
}

/// Adds the valid occurrences in the canonical `norm` (of `text`, or of a
/// window of it) to `cands` as (start, end, pattern) in original offsets.
fn collect(ac: &AhoCorasick, text: &str, norm: &Normalized, cands: &mut Vec<(usize, usize, u32)>) {
    for m in ac.find_overlapping_iter(&norm.text) {
        let (s, e) = (m.start(), m.end());
        if !norm.starts_char(s) || !norm.ends_char(e) || !canonical_boundaries(&norm.text, s, e) {
            continue;
        }
        let os = norm.map[s] as usize;
        let last = norm.map[e - 1] as usize;
        let oe = last + text[last..].chars().next().map_or(0, char::len_utf8);
        if !original_boundaries(text, os, oe) {
            continue;
        }
        cands.push((os, oe, m.pattern().as_u32()));
    }
}

/// In the canonical text: no word character just before `s`, and no word
/// character (an apostrophe is allowed) just after `e`.
fn canonical_boundaries(norm: &str, s: usize, e: usize) -> bool {
    let first = norm[s..].chars().next();
    if first.is_some_and(char::is_alphanumeric)
        && norm[..s]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric() || p == '\'')
    {
        return false;
    }
    let last = norm[..e].chars().next_back();
    !(last.is_some_and(char::is_alphanumeric) && norm[e..].chars().next().is_some_and(char::is_alphanumeric))
}

/// The same test on the original text, which catches letters whose
/// lowercase form is not a letter-only string.
fn original_boundaries(text: &str, s: usize, e: usize) -> bool {
    if text[s..].chars().next().is_some_and(char::is_alphanumeric) && !starts_word(text, s) {
        return false;
    }
    !(text[..e].chars().next_back().is_some_and(char::is_alphanumeric) && continues_word(text, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(patterns: &[&str]) -> Matcher {
        Matcher::new(patterns.iter().enumerate().map(|(i, p)| (*p, i as u32))).unwrap()
    }

    fn found<'a>(matcher: &Matcher, text: &'a str) -> Vec<(u32, &'a str)> {
        matcher
            .find(text)
            .into_iter()
            .map(|(g, r)| (g, &text[r]))
            .collect()
    }

    #[test]
    fn tolerant_spellings() {
        let mt = m(&["rock solid"]);
        for t in [
            "rock solid",
            "Rock-Solid",
            "ROCK\n  solid",
            "rock   solid",
            "rock\u{2014}solid",
        ] {
            assert_eq!(found(&mt, t), [(0, t)], "{t:?}");
        }
        assert_eq!(found(&mt, "“Rock Solid,”"), [(0, "Rock Solid")]);
    }

    #[test]
    fn word_boundaries() {
        let mt = m(&["hegemony", "rock"]);
        assert!(found(&mt, "hegemonyx xhegemony rocket").is_empty());
        assert_eq!(found(&mt, "(hegemony)"), [(0, "hegemony")]);
        assert_eq!(found(&mt, "hegemony’s"), [(0, "hegemony")]);
        assert!(found(&mt, "o'hegemony").is_empty());
        assert_eq!(found(&mt, "Ван hegemony Ван"), [(0, "hegemony")]);
        assert!(found(&mt, "Ванhegemony").is_empty());
    }

    #[test]
    fn leftmost_then_longest_then_first() {
        let mt = m(&["cold war", "new cold war", "war mentality", "new cold war"]);
        assert_eq!(found(&mt, "a new cold war mentality"), [(1, "new cold war")]);
        // a rejected candidate does not hide an overlapping good one
        assert_eq!(found(&mt, "scold war mentality"), [(2, "war mentality")]);
    }

    #[test]
    fn duplicate_canonical_patterns_keep_the_first_group() {
        let mt = Matcher::new([("rock-solid", 7), ("Rock Solid", 9)]).unwrap();
        assert_eq!(mt.len(), 1);
        assert_eq!(found(&mt, "rock solid"), [(7, "rock solid")]);
    }

    #[test]
    fn empty_patterns_are_skipped() {
        let mt = m(&["", " - "]);
        assert_eq!(mt.len(), 0);
        assert!(mt.find("anything").is_empty());
    }

    #[test]
    fn not_across_sentence_ends() {
        let mt = m(&["rock solid"]);
        assert!(found(&mt, "a rock. Solid ties").is_empty());
        assert!(found(&mt, "a rock; solid ties").is_empty());
    }

    #[test]
    fn walks_back_whole_words() {
        let t = "Yes. Beijing’s ‘rock-solid’  ties, said";
        let at = t.find("ties").unwrap();
        assert_eq!(&t[walk_back(t, at, 0)..], "ties, said");
        assert_eq!(&t[walk_back(t, at, 1)..], "solid’  ties, said");
        assert_eq!(&t[walk_back(t, at, 2)..], "rock-solid’  ties, said");
        assert_eq!(&t[walk_back(t, at, 3)..], "Beijing’s ‘rock-solid’  ties, said");
        // stops at hard punctuation
        assert_eq!(&t[walk_back(t, at, 9)..], "Beijing’s ‘rock-solid’  ties, said");
        assert_eq!(walk_back("a b", 2, 5), 0);
    }

    #[test]
    fn anchors_pick_the_longest_ascii_word() {
        let mt = m(&["solid as a rock", "rock solid", "no limits", "the end"]);
        let a = mt.anchors.as_ref().unwrap();
        // "solid" (word 1 of "rock solid"), "limits", "the" (a tie goes to
        // the first word)
        assert_eq!(a.back, [1, 1, 0]);
        // "solid as a rock" from "solid", "limits", "the end"
        assert_eq!(a.fwd, [15, 6, 7]);
        assert_eq!(a.ac.patterns_len(), 3);
        // a pattern with hard punctuation: whole texts
        assert!(m(&["u.s. policy"]).anchors.is_none());
        assert!(m(&["Ван И"]).anchors.is_none());
        assert!(m(&["Ван cold"]).anchors.is_some());
    }

    #[test]
    fn texts_needing_the_full_path() {
        let mt = m(&["hegemony", "istanbul", "5 k"]);
        let (ac, anchors) = (mt.ac.as_ref().unwrap(), mt.anchors.as_ref().unwrap());
        let windows = |t: &str| mt.find_anchored(ac, anchors, t, false);
        assert!(windows("plain “quoted” text — with dashes é hegemony").is_some());
        assert!(!has_special("plain “quoted” text — with dashes é ﬁ"));
        for t in [
            "hege\u{ad}mony",
            "İstanbul",
            "5 \u{212a}",
            "\u{feff}bom",
            "a\u{200d}b",
        ] {
            assert!(needs_full_path(t) && has_special(t));
            assert!(windows(t).is_none(), "{t:?}");
        }
        // and they are still matched right
        assert_eq!(found(&mt, "hege\u{ad}mony İstanbul 5 \u{212a}").len(), 3);
    }

    #[test]
    fn windows_cover_far_apart_and_close_anchors() {
        let mt = m(&[
            "comprehensive strategic partnership of coordination",
            "comprehensive strategic partnership",
            "not allies but better than allies",
        ]);
        let filler = "word ".repeat(50);
        let t = format!(
            "{filler}Comprehensive\n strategic partnership of coordination {filler} not allies, but better than ALLIES {filler}comprehensive strategic partnership"
        );
        let got: Vec<u32> = mt.find(&t).into_iter().map(|(g, _)| g).collect();
        assert_eq!(got, [0, 2, 1]);
        let ac = mt.ac.as_ref().unwrap();
        assert_eq!(mt.find(&t), mt.find_full(ac, &t));
    }

    #[test]
    fn letters_with_long_lowercase_forms() {
        let mt = m(&["i", "stanbul", "istanbul"]);
        assert_eq!(found(&mt, "İstanbul"), [(2, "İstanbul")]);
        assert_eq!(found(&mt, "say İ now"), [(0, "İ")]);
        assert_eq!(found(&mt, "say i now"), [(0, "i")]);
        assert!(found(&mt, "xİstanbul").is_empty());
    }

    mod equivalence {
        use super::*;
        use proptest::prelude::*;

        const WORDS: &[&str] = &[
            "rock", "Solid", "SOLID", "as", "a", "no", "limits", "cold", "war", "new", "x", "Ван", "é", "1",
            "allies", "better", "than", "not", "but", "non", "alliance",
        ];
        const SEPS: &[&str] = &[
            " ", "-", "\n", "“", "’", "'", ",", ".", "  ", "—", ";", "é", "\u{301}",
        ];

        static BOOK: std::sync::LazyLock<crate::analysis::phrases::PhraseBook> =
            std::sync::LazyLock::new(crate::analysis::phrases::PhraseBook::bundled);

        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop_oneof![
                    4 => prop::sample::select(WORDS).prop_map(str::to_string),
                    3 => prop::sample::select(SEPS).prop_map(str::to_string),
                    1 => any::<char>().prop_map(|c| c.to_string()),
                ],
                0..60,
            )
            .prop_map(|v| v.concat())
        }

        fn phrase() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(WORDS), 1..5).prop_map(|v| v.join(" "))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(500))]

            #[test]
            fn anchored_windows_find_what_the_whole_text_finds(
                text in text(),
                phrases in prop::collection::vec(phrase(), 1..6),
            ) {
                let mt = Matcher::new(phrases.iter().enumerate().map(|(i, p)| (p.as_str(), i as u32)))
                    .unwrap();
                let ac = mt.ac.as_ref().unwrap();
                if let Some(anchors) = &mt.anchors {
                    let windows = mt.find_anchored(ac, anchors, &text, false);
                    prop_assert_eq!(windows.is_none(), needs_full_path(&text));
                    if let Some(found) = windows {
                        prop_assert_eq!(found, mt.find_full(ac, &text));
                    }
                }
            }

            #[test]
            fn each_phrase_is_found_as_if_searched_for_alone(
                text in text(),
                phrases in prop::collection::vec(phrase(), 1..6),
            ) {
                let mt = Matcher::new(phrases.iter().enumerate().map(|(i, p)| (p.as_str(), i as u32)))
                    .unwrap();
                let each = mt.find_each(&text);
                for r in each.iter().map(|(_, r)| r) {
                    prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                }
                for (i, p) in phrases.iter().enumerate() {
                    // a phrase spelled like an earlier one reports as that one
                    if phrases[..i].iter().any(|q| normalize_phrase(q) == normalize_phrase(p)) {
                        continue;
                    }
                    let alone: Vec<Range<usize>> = Matcher::new([(p.as_str(), 0)])
                        .unwrap()
                        .find(&text)
                        .into_iter()
                        .map(|(_, r)| r)
                        .collect();
                    let mine: Vec<Range<usize>> = each
                        .iter()
                        .filter(|(g, _)| *g == i as u32)
                        .map(|(_, r)| r.clone())
                        .collect();
                    prop_assert_eq!(mine, alone, "{}", p);
                }
            }

            #[test]
            fn bundled_book_same_both_ways(text in text()) {
                let mt = BOOK.matcher();
                let ac = mt.ac.as_ref().unwrap();
                let anchors = mt.anchors.as_ref().unwrap();
                let windows = mt.find_anchored(ac, anchors, &text, false);
                prop_assert_eq!(windows.is_none(), needs_full_path(&text));
                if let Some(found) = windows {
                    prop_assert_eq!(found, mt.find_full(ac, &text));
                }
            }
        }
    }
}
