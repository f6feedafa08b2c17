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
/// Month names, lowercase, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lowercase, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A month's three-letter abbreviation ("jan", "may", "sep") or "sept".
pub fn is_month_abbreviation(w: &str) -> bool {
    w == "sept" || (w.len() == 3 && MONTHS.iter().any(|m| m.starts_with(w)))
}

/// A month or weekday name or its usual abbreviation ("sept", "mon"), as
/// written (lowercase).
pub fn is_calendar_word(w: &str) -> bool {
    MONTHS.contains(&w)
        || WEEKDAYS.contains(&w)
        || is_month_abbreviation(w)
        || (w.len() == 3 && WEEKDAYS.iter().any(|d| d.starts_with(w)))
}

/// The number of words in `text`, as [`words`] would count them, but faster.
///
/// A word starts at an alphanumeric char unless the char before is
/// alphanumeric or is an apostrophe that follows one ("don't" is one word).
/// That rule looks back two chars only, so ASCII runs are judged sixteen
/// bytes at a time from bit masks; other chars are decoded one by one.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    // classes of the two chars before `i`: alphanumeric, apostrophe
    let (mut a1, mut p1, mut a2) = (false, false, false);
    let mut count = 0usize;
    let mut i = 0;
    while i < n {
        if let Some(block) = bytes.get(i..i + 16) {
            let m = block_masks(block.try_into().unwrap_or([0; 16]));
            // the ASCII bytes before the first other one, all when none
            let run = m.high.trailing_zeros().min(16);
            let keep = if run == 16 { u32::MAX } else { (1u32 << run) - 1 };
            let (a, p) = (u32::from(m.alnum), u32::from(m.apos));
            let before1 = (a << 1) | u32::from(a1);
            let apos_before1 = (p << 1) | u32::from(p1);
            let before2 = (a << 2) | (u32::from(a1) << 1) | u32::from(a2);
            let starts = a & !before1 & !(apos_before1 & before2) & keep;
            count += starts.count_ones() as usize;
            if let Some(last) = run.checked_sub(1) {
                a2 = before1 >> last & 1 == 1;
                a1 = a >> last & 1 == 1;
                p1 = p >> last & 1 == 1;
            }
            i += run as usize;
            if run == 16 {
                continue;
            }
        }
        // one char the masks do not cover: non-ASCII, or near the end
        let (c, w) = match bytes[i] {
            b if b < 0x80 => (b as char, 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            }
        };
        // news text's usual non-ASCII chars are quotes and dashes (General
        // Punctuation, which holds no letters): no table lookup for them
        let a = !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric();
        count += usize::from(a && !a1 && !(p1 && a2));
        a2 = a1;
        a1 = a;
        p1 = is_apostrophe(c);
        i += w;
    }
    count
}

/// Bit `k` of each mask tells about byte `k` of a block.
struct Masks {
    /// Not ASCII.
    high: u16,
    /// ASCII letter or digit.
    alnum: u16,
    /// ASCII apostrophe.
    apos: u16,
}

#[cfg(target_arch = "x86_64")]
fn block_masks(block: [u8; 16]) -> Masks {
    // SSE2 is part of every x86_64 CPU
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is always enabled on x86_64; the load reads the 16 bytes
    // of `block`, unaligned loads being allowed.
    unsafe {
        let x = _mm_loadu_si128(block.as_ptr().cast());
        // `y - lo <= len - 1` as unsigned bytes: min(y, len - 1) == y
        let within = |y: __m128i, lo: u8, span: u8| {
            let d = _mm_sub_epi8(y, _mm_set1_epi8(lo as i8));
            _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((span - 1) as i8)), d)
        };
        let letter = within(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', 26);
        let digit = within(x, b'0', 10);
        let apos = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\'' as i8));
        Masks {
            high: _mm_movemask_epi8(x) as u16,
            alnum: _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u16,
            apos: _mm_movemask_epi8(apos) as u16,
        }
    }
}

#[cfg(not(target_arch = "x86_64"))]
fn block_masks(block: [u8; 16]) -> Masks {
    block_masks_portable(block)
}

#[cfg(any(test, not(target_arch = "x86_64")))]
fn block_masks_portable(block: [u8; 16]) -> Masks {
    let mut m = Masks {
        high: 0,
        alnum: 0,
        apos: 0,
    };
    for (k, b) in block.into_iter().enumerate() {
        m.high |= u16::from(b >= 0x80) << k;
        m.alnum |= u16::from(b.is_ascii_alphanumeric()) << k;
        m.apos |= u16::from(b == b'\'') << k;
    }
    m
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

    #[test]
    fn calendar_words_are_month_and_weekday_names_and_their_abbreviations() {
        for w in ["january", "may", "sep", "sept", "dec", "monday", "sun", "thu"] {
            assert!(is_calendar_word(w), "{w}");
        }
        for w in ["mayor", "se", "septe", "mond", "summit", "Monday"] {
            assert!(!is_calendar_word(w), "{w}");
        }
        assert!(is_month_abbreviation("jun") && !is_month_abbreviation("mon"));
    }

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
    fn general_punctuation_holds_no_letters() {
        assert!(('\u{2000}'..='\u{206f}').all(|c| !c.is_alphanumeric()));
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

        // long runs of letters, apostrophes and a few other chars, so that
        // words and apostrophes straddle the 16-byte blocks
        #[test]
        fn count_words_matches_words_across_blocks(s in "[a-z0-9' ’ʼé中,.-]{0,200}") {
            proptest::prop_assert_eq!(count_words(&s), words(&s).count());
        }

        #[test]
        fn block_masks_agree_with_the_portable_ones(block in proptest::array::uniform16(proptest::num::u8::ANY)) {
            let (m, p) = (block_masks(block), block_masks_portable(block));
            proptest::prop_assert_eq!((m.high, m.alnum, m.apos), (p.high, p.alnum, p.apos));
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
