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

use std::cell::RefCell;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::normalize::{Normalized, is_apostrophe, normalize_into, normalize_phrase};

/// See the module documentation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    /// The caller's group of each automaton pattern.
    groups: Vec<u32>,
}

thread_local! {
    /// A reusable buffer so a corpus-wide pass does not allocate per article.
    static BUFFER: RefCell<Normalized> = RefCell::new(Normalized::default());
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
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&canon)?;
        Ok(Matcher {
            ac: Some(ac),
            groups,
        })
    }

    /// Number of distinct canonical patterns.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Finds the occurrences in `text`: `(group, byte range in text)`,
    /// sorted by start, non-overlapping, ranges on char boundaries.
    pub fn find(&self, text: &str) -> Vec<(u32, Range<usize>)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        BUFFER.with(|buf| match buf.try_borrow_mut() {
            Ok(mut norm) => {
                normalize_into(text, &mut norm);
                self.find_normalized(ac, text, &norm)
            }
            // re-entered on this thread (cannot happen today): use a fresh buffer
            Err(_) => {
                let mut norm = Normalized::default();
                normalize_into(text, &mut norm);
                self.find_normalized(ac, text, &norm)
            }
        })
    }

    fn find_normalized(
        &self,
        ac: &AhoCorasick,
        text: &str,
        norm: &Normalized,
    ) -> Vec<(u32, Range<usize>)> {
        // (start, end, pattern) in original offsets
        let mut cands: Vec<(usize, usize, u32)> = Vec::new();
        for m in ac.find_overlapping_iter(&norm.text) {
            let (s, e) = (m.start(), m.end());
            if !norm.starts_char(s) || !norm.ends_char(e) || !canonical_boundaries(&norm.text, s, e)
            {
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
    !(last.is_some_and(char::is_alphanumeric)
        && norm[e..].chars().next().is_some_and(char::is_alphanumeric))
}

/// The same test on the original text, which catches letters whose
/// lowercase form is not a letter-only string.
fn original_boundaries(text: &str, s: usize, e: usize) -> bool {
    if text[s..].chars().next().is_some_and(char::is_alphanumeric) {
        let mut before = text[..s].chars().rev();
        match before.next() {
            Some(p) if p.is_alphanumeric() => return false,
            Some(p) if is_apostrophe(p) && before.next().is_some_and(char::is_alphanumeric) => {
                return false;
            }
            _ => {}
        }
    }
    !(text[..e]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && text[e..].chars().next().is_some_and(char::is_alphanumeric))
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
        assert_eq!(
            found(&mt, "a new cold war mentality"),
            [(1, "new cold war")]
        );
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
    fn letters_with_long_lowercase_forms() {
        let mt = m(&["i", "stanbul", "istanbul"]);
        assert_eq!(found(&mt, "İstanbul"), [(2, "İstanbul")]);
        assert_eq!(found(&mt, "say İ now"), [(0, "İ")]);
        assert_eq!(found(&mt, "say i now"), [(0, "i")]);
        assert!(found(&mt, "xİstanbul").is_empty());
    }
}
