//! Word tokenisation and normalisation shared by the analyses.
//!
//! A *word* is a maximal run of alphanumeric characters, apostrophes inside a
//! word included ("Beijing’s" is one word). Hyphens, dashes, quotes and
//! punctuation separate words, so "rock-solid" is the two words "rock" and
//! "solid". Every word comes with its byte range in the original text, which
//! always lies on char boundaries.

use std::ops::Range;

/// A word of the text: its byte range and the text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Iterates over the words of `text` with their byte ranges.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator returned by [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let rest = &self.text[self.pos..];
        let (skip, _) = rest.char_indices().find(|&(_, c)| c.is_alphanumeric())?;
        let start = self.pos + skip;
        let mut end = start;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                end = start + i + c.len_utf8();
            } else if is_apostrophe(c) {
                // keep an apostrophe only between two letters: "Beijing’s", "don't"
                match chars.peek() {
                    Some(&(_, n)) if n.is_alphanumeric() => continue,
                    _ => break,
                }
            } else {
                break;
            }
        }
        self.pos = end;
        Some(Word {
            start,
            end,
            text: &self.text[start..end],
        })
    }
}

/// The normalised form of a word used for matching: lowercase, curly
/// apostrophes made straight.
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Rounds `i` down to the nearest char boundary of `text` (clamped to its length).
pub fn floor_char_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Rounds `i` up to the nearest char boundary of `text` (clamped to its length).
pub fn ceil_char_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let mut i = i;
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).map(|w| w.text).collect()
    }

    #[test]
    fn splits_on_hyphens_and_punctuation() {
        assert_eq!(
            texts("rock-solid, “no limits”!"),
            ["rock", "solid", "no", "limits"]
        );
    }

    #[test]
    fn keeps_inner_apostrophes() {
        assert_eq!(texts("Beijing’s don't ’tis’"), ["Beijing’s", "don't", "tis"]);
    }

    #[test]
    fn ranges_point_into_text() {
        let s = "Ван И — said “ок”";
        for w in words(s) {
            assert_eq!(&s[w.range()], w.text);
        }
        assert_eq!(texts(s), ["Ван", "И", "said", "ок"]);
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(texts("").is_empty());
        assert!(texts(" -- ,, ").is_empty());
    }

    #[test]
    fn normalizes_case_and_apostrophes() {
        assert_eq!(normalize_word("Beijing’s"), "beijing's");
        assert_eq!(normalize_word("ÉTÉ"), "été");
    }

    #[test]
    fn boundaries() {
        let s = "aé";
        assert_eq!(floor_char_boundary(s, 2), 1);
        assert_eq!(ceil_char_boundary(s, 2), 3);
        assert_eq!(ceil_char_boundary(s, 99), 3);
    }
}
