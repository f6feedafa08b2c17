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
        let text = self.text;
        let bytes = text.as_bytes();
        let len = bytes.len();
        // ASCII bytes are judged directly; other chars are decoded
        let char_at = |i: usize| -> (char, usize) {
            let b = bytes[i];
            if b < 0x80 {
                (b as char, 1)
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            }
        };
        let mut i = self.pos;
        while i < len {
            let (c, w) = char_at(i);
            if c.is_alphanumeric() {
                break;
            }
            i += w;
        }
        if i >= len {
            self.pos = len;
            return None;
        }
        let start = i;
        let mut end = i;
        while i < len {
            let (c, w) = char_at(i);
            if c.is_alphanumeric() {
                i += w;
                end = i;
            } else if is_apostrophe(c) && i + w < len && char_at(i + w).0.is_alphanumeric() {
                // keep an apostrophe only between two letters: "Beijing’s", "don't"
                i += w;
            } else {
                break;
            }
        }
        self.pos = end;
        Some(Word {
            start,
            end,
            text: &text[start..end],
        })
    }
}

/// The number of words in `text`, as [`words`] would count them, but faster
/// (a table-driven byte loop; only non-ASCII chars are decoded).
pub fn count_words(text: &str) -> usize {
    // byte classes: 0 separator, 1 ASCII letter or digit, 2 ASCII apostrophe,
    // 3 the start or continuation of a multi-byte char (decoded)
    const CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut k = 0;
        while k < 256 {
            let b = k as u8;
            t[k] = if b.is_ascii_alphanumeric() {
                1
            } else if b == b'\'' {
                2
            } else if b >= 0x80 {
                3
            } else {
                0
            };
            k += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    let n = bytes.len();
    let is_alnum_at = |i: usize| -> bool {
        match CLASS[bytes[i] as usize] {
            1 => true,
            3 => text[i..].chars().next().is_some_and(char::is_alphanumeric),
            _ => false,
        }
    };
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < n {
        match CLASS[bytes[i] as usize] {
            1 => {
                count += usize::from(!in_word);
                in_word = true;
                i += 1;
            }
            0 => {
                in_word = false;
                i += 1;
            }
            2 => {
                // an apostrophe continues a word only between two letters
                in_word = in_word && i + 1 < n && is_alnum_at(i + 1);
                i += 1;
            }
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                let w = c.len_utf8();
                if c.is_alphanumeric() {
                    count += usize::from(!in_word);
                    in_word = true;
                } else if is_apostrophe(c) {
                    in_word = in_word && i + w < n && is_alnum_at(i + w);
                } else {
                    in_word = false;
                }
                i += w;
            }
        }
    }
    count
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
    fn count_words_agrees_with_words() {
        for s in [
            "",
            "rock-solid, “no limits”!",
            "Beijing’s don't ’tis’ it''s x'",
            "Ван И — said “ок” 王毅 说",
            "a'b'c '' ' a",
            "end'",
        ] {
            assert_eq!(count_words(s), words(s).count(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn count_words_matches_any_text(s in "\\PC{0,80}") {
            proptest::prop_assert_eq!(count_words(&s), words(&s).count());
        }

        #[test]
        fn word_ranges_are_char_boundaries(s in "\\PC{0,80}") {
            for w in words(&s) {
                proptest::prop_assert!(s.is_char_boundary(w.start) && s.is_char_boundary(w.end));
                proptest::prop_assert_eq!(&s[w.start..w.end], w.text);
            }
        }
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
