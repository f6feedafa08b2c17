//! Keyword in context: one concordance line around a match.

use std::ops::Range;

use crate::analysis::text::{ceil_char_boundary, floor_char_boundary};

/// A concordance line: the match with some context on each side. Whitespace
/// (line breaks included) is folded to single spaces; `left` keeps the space
/// before the match and `right` the one after it, so
/// `format!("{:>w$}{}{}", left, matched, right)` reads naturally.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq, Default)]
pub struct KwicLine {
    pub left: String,
    pub matched: String,
    pub right: String,
}

/// The concordance line for `range` of `text`, with about `context_chars`
/// characters (not bytes) of context on each side, cut at a word boundary
/// where one is in reach (a single word longer than the context is cut
/// inside). Never panics: a range off char boundaries is widened to them, one
/// past the end is clamped.
pub fn kwic(text: &str, range: Range<usize>, context_chars: usize) -> KwicLine {
    let start = floor_char_boundary(text, range.start.min(text.len()));
    let end = ceil_char_boundary(text, range.end.min(text.len())).max(start);
    KwicLine {
        left: left_context(&text[..start], context_chars),
        matched: fold_whitespace(&text[start..end]),
        right: right_context(&text[end..], context_chars),
    }
}

/// `s` with every run of whitespace as one space.
fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Takes up to `n` folded characters from `chars` (walking away from the
/// match), plus whether more non-space text follows right behind the cut
/// (so the cut falls inside a word).
fn take_folded(chars: impl Iterator<Item = char>, n: usize) -> (Vec<char>, bool) {
    let mut out: Vec<char> = Vec::with_capacity(n.min(1024));
    let mut space = false;
    for c in chars {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            if out.len() >= n {
                return (out, false);
            }
            out.push(' ');
            space = false;
        }
        if out.len() >= n {
            return (out, true);
        }
        out.push(c);
    }
    if space && out.len() < n {
        out.push(' ');
    }
    (out, false)
}

/// Drops the partial word at the far end of `kept` (nearest the cut) if a
/// word boundary exists inside `kept`; keeps the space next to the match.
fn cut_at_word(mut kept: Vec<char>, cut_in_word: bool) -> Vec<char> {
    if cut_in_word
        && let Some(sp) = kept.iter().rposition(|&c| c == ' ')
        && sp > 0
    {
        kept.truncate(sp);
    }
    // no leading space on the far side
    while kept.len() > 1 && kept.last() == Some(&' ') {
        kept.pop();
    }
    kept
}

fn left_context(before: &str, n: usize) -> String {
    if n == 0 {
        return String::new();
    }
    let (kept, cut_in_word) = take_folded(before.chars().rev(), n);
    let kept = cut_at_word(kept, cut_in_word);
    let s: String = kept.into_iter().rev().collect();
    if s == " " { String::new() } else { s }
}

fn right_context(after: &str, n: usize) -> String {
    if n == 0 {
        return String::new();
    }
    let (kept, cut_in_word) = take_folded(after.chars(), n);
    let kept = cut_at_word(kept, cut_in_word);
    let s: String = kept.into_iter().collect();
    if s == " " { String::new() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, needle: &str, n: usize) -> KwicLine {
        let s = text.find(needle).unwrap();
        kwic(text, s..s + needle.len(), n)
    }

    #[test]
    fn basic_context() {
        let k = line("one two three rock solid four five six", "rock solid", 100);
        assert_eq!(k.left, "one two three ");
        assert_eq!(k.matched, "rock solid");
        assert_eq!(k.right, " four five six");
    }

    #[test]
    fn cuts_at_word_boundaries() {
        let text = "alpha bravo charlie rock solid delta echo foxtrot";
        let k = line(text, "rock solid", 10);
        // 10 chars left would be "vo charlie ": the partial "vo" goes
        assert_eq!(k.left, "charlie ");
        assert_eq!(k.right, " delta");
        assert!(k.left.chars().count() <= 10 && k.right.chars().count() <= 10);
    }

    #[test]
    fn exact_word_fit_is_kept() {
        let text = "alpha bravo rock solid delta";
        let k = line(text, "rock solid", 6);
        assert_eq!(k.left, "bravo ");
        assert_eq!(k.right, " delta");
    }

    #[test]
    fn folds_newlines_and_runs_of_spaces() {
        let text = "first line\n\n  second   line “rock\n solid”\nthird\tline";
        let k = line(text, "rock\n solid", 100);
        assert_eq!(k.left, "first line second line “");
        assert_eq!(k.matched, "rock solid");
        assert_eq!(k.right, "” third line");
    }

    #[test]
    fn long_word_is_cut_inside() {
        let text = "Supercalifragilisticexpialidocious rock";
        let k = line(text, "rock", 5);
        assert_eq!(k.left, "ious ");
        assert_eq!(k.right, "");
    }

    #[test]
    fn counts_chars_not_bytes() {
        let text = "Ван И сказал: rock solid — отношения крепкие";
        let k = line(text, "rock solid", 12);
        assert_eq!(k.left, "И сказал: ");
        assert_eq!(k.right, " — отношения");
    }

    #[test]
    fn edges_and_zero_context() {
        let text = "rock solid";
        assert_eq!(
            kwic(text, 0..10, 5),
            KwicLine {
                left: String::new(),
                matched: "rock solid".into(),
                right: String::new()
            }
        );
        let k = line("a rock solid b", "rock solid", 0);
        assert_eq!((k.left.as_str(), k.right.as_str()), ("", ""));
        let k = kwic("", 0..0, 10);
        assert_eq!(k, KwicLine::default());
    }

    #[test]
    fn odd_ranges_do_not_panic() {
        let text = "é rock ü";
        for s in 0..=text.len() + 2 {
            for e in 0..=text.len() + 2 {
                let k = kwic(text, s..e, 3);
                assert!(k.left.chars().count() <= 3);
            }
        }
    }
}
