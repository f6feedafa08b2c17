//! The one normaliser behind every tolerant phrase search.
//!
//! [`normalize`] turns a text into a *canonical* copy and remembers, for each
//! byte of the copy, where it came from in the original. Two spellings of a
//! phrase that a reader would call the same have the same canonical form:
//!
//! * letters and digits are lowercased (`char::to_lowercase`, as
//!   [`normalize_word`](crate::analysis::text::normalize_word) does);
//! * an apostrophe (`'`, `’`, `ʼ`) between two letters or digits is kept as a
//!   straight `'` ("Beijing’s" → "beijing's");
//! * every other separator, that is whitespace (line breaks included),
//!   hyphens and dashes, quotes of any kind, commas and symbols, is *soft*:
//!   a run of them between two words becomes one space, and they vanish
//!   next to hard punctuation or at the ends;
//! * *hard* punctuation (`. ! ? ; : … ( ) [ ] { }` and their full-width
//!   forms) is kept as it is, with no space around it, so a phrase is never
//!   found across a sentence end unless it spells the punctuation itself;
//! * soft hyphens and zero-width joiners are dropped.
//!
//! So "Rock-\n  Solid", "rock   solid" and "“rock solid”" all read
//! `rock solid`, and "non-alliance,non-confrontation" and "non-alliance,
//! non-confrontation" both read `non alliance non confrontation`.

/// How the normaliser treats a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Letters and digits: lowercased.
    Word,
    /// `'`, `’`, `ʼ`: kept between two word characters, else soft.
    Apostrophe,
    /// Sentence punctuation and brackets: kept, no space around.
    Hard,
    /// Whitespace, hyphens, dashes, quotes, commas, symbols: a word gap.
    Soft,
    /// Invisible characters that may sit inside a word: dropped.
    Ignore,
}

/// Sentence punctuation and brackets, kept by the normaliser. Also where
/// the miner breaks n-grams.
pub(crate) fn is_hard(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '…'
            | '。'
            | '！'
            | '？'
            | '；'
            | '：'
            | '（'
            | '）'
    )
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Soft hyphens, zero-width (non-)joiners, word joiners and byte-order
/// marks: dropped, even inside a word.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

fn class(c: char) -> Class {
    if c.is_alphanumeric() {
        Class::Word
    } else if is_apostrophe(c) {
        Class::Apostrophe
    } else if is_hard(c) {
        Class::Hard
    } else if is_invisible(c) {
        Class::Ignore
    } else {
        Class::Soft
    }
}

/// Classes of the ASCII bytes, so the common case needs no char decoding.
const ASCII: [Class; 128] = {
    let mut t = [Class::Soft; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        t[b] = if c.is_ascii_alphanumeric() {
            Class::Word
        } else if c == '\'' {
            Class::Apostrophe
        } else if matches!(
            c,
            '.' | '!' | '?' | ';' | ':' | '(' | ')' | '[' | ']' | '{' | '}'
        ) {
            Class::Hard
        } else {
            Class::Soft
        };
        b += 1;
    }
    t
};

/// A canonical copy of a text and the way back to the original.
#[derive(Debug, Clone, Default)]
pub(crate) struct Normalized {
    /// The canonical text.
    pub text: String,
    /// `map[i]` is the byte offset, in the original, of the character that
    /// produced byte `i` of `text` (for a gap's space: the gap's first
    /// character).
    pub map: Vec<u32>,
}

impl Normalized {
    /// True when byte `i` of the canonical text is the first one produced by
    /// its original character (a match may start there).
    pub fn starts_char(&self, i: usize) -> bool {
        i == 0 || self.map[i - 1] != self.map[i]
    }

    /// True when byte `i` of the canonical text is just past the last one
    /// produced by an original character (a match may end there).
    pub fn ends_char(&self, i: usize) -> bool {
        i == self.map.len() || (i > 0 && self.map[i] != self.map[i - 1])
    }
}

/// What was emitted last, to decide about gaps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Word,
    Hard,
}

struct Builder<'a> {
    out: &'a mut Normalized,
    /// Original offset of the first soft character since the last output.
    gap: Option<u32>,
    last: Last,
}

impl Builder<'_> {
    #[inline]
    fn before_word(&mut self) {
        if let Some(g) = self.gap.take()
            && self.last == Last::Word
        {
            self.out.text.push(' ');
            self.out.map.push(g);
        }
        self.last = Last::Word;
    }

    #[inline]
    fn push_char(&mut self, c: char, at: u32) {
        self.out.text.push(c);
        self.out.map.extend(std::iter::repeat_n(at, c.len_utf8()));
    }

    #[inline]
    fn soft(&mut self, at: u32) {
        if self.gap.is_none() {
            self.gap = Some(at);
        }
    }

    #[inline]
    fn hard(&mut self, c: char, at: u32) {
        self.gap = None;
        self.last = Last::Hard;
        self.push_char(c, at);
    }
}

/// Normalises `text` into `out` (cleared first), reusing its buffers.
///
/// Offsets are stored as `u32`: a text of 4 GiB or more is cut at that length.
pub(crate) fn normalize_into(text: &str, out: &mut Normalized) {
    out.text.clear();
    out.map.clear();
    let text = if text.len() > u32::MAX as usize {
        &text[..crate::analysis::text::floor_char_boundary(text, u32::MAX as usize)]
    } else {
        text
    };
    out.text.reserve(text.len());
    out.map.reserve(text.len());
    let bytes = text.as_bytes();
    let mut b = Builder {
        out,
        gap: None,
        last: Last::Nothing,
    };
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let (c, len, cls) = if byte < 128 {
            let cls = ASCII[byte as usize];
            if cls == Class::Word {
                // the common case: a run of ASCII letters and digits
                b.before_word();
                let start = i;
                while i < bytes.len() && bytes[i] < 128 && ASCII[bytes[i] as usize] == Class::Word {
                    i += 1;
                }
                let from = b.out.text.len();
                b.out.text.push_str(&text[start..i]);
                b.out.text[from..].make_ascii_lowercase();
                b.out.map.extend(start as u32..i as u32);
                continue;
            }
            (byte as char, 1, cls)
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{fffd}');
            (c, c.len_utf8(), class(c))
        };
        let at = i as u32;
        match cls {
            Class::Word => {
                b.before_word();
                // Only 'İ' lowercases to more than one char ("i" and a
                // combining dot); keep the letters so the form is stable
                // when normalised again, as mined tokens are.
                let mut pushed = false;
                for l in c.to_lowercase().filter(|l| l.is_alphanumeric()) {
                    b.push_char(l, at);
                    pushed = true;
                }
                if !pushed {
                    b.push_char(c, at);
                }
            }
            Class::Apostrophe => {
                let next_is_word = text[i + len..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric());
                if b.last == Last::Word && b.gap.is_none() && next_is_word {
                    b.push_char('\'', at);
                } else {
                    b.soft(at);
                }
            }
            Class::Hard => b.hard(c, at),
            Class::Soft => b.soft(at),
            Class::Ignore => {}
        }
        i += len;
    }
}

/// Normalises `text` into a new [`Normalized`].
pub(crate) fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    out
}

/// The canonical form of a phrase (what [`normalize`] makes of it, without
/// the offset map). Empty when the phrase has no letters, digits or hard
/// punctuation.
pub fn normalize_phrase(phrase: &str) -> String {
    normalize(phrase).text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize_phrase(s)
    }

    #[test]
    fn lowercases_and_folds_separators() {
        assert_eq!(n("Rock-Solid"), "rock solid");
        assert_eq!(n("rock\n  solid"), "rock solid");
        assert_eq!(n("rock \u{2013} solid"), "rock solid");
        assert_eq!(n("  “rock solid”  "), "rock solid");
        assert_eq!(n("\"rock solid\""), "rock solid");
    }

    #[test]
    fn commas_are_soft() {
        assert_eq!(
            n("non-alliance,non-confrontation"),
            "non alliance non confrontation"
        );
        assert_eq!(
            n("non-alliance, non-confrontation"),
            "non alliance non confrontation"
        );
    }

    #[test]
    fn hard_punctuation_is_kept_without_spaces() {
        assert_eq!(n("rock. Solid"), "rock.solid");
        assert_eq!(n("U.S. officials"), "u.s.officials");
        assert_eq!(n("a ( b ) c"), "a(b)c");
        assert_eq!(n("wait … what"), "wait…what");
    }

    #[test]
    fn apostrophes_inside_words_are_kept_and_straightened() {
        assert_eq!(n("Beijing’s"), "beijing's");
        assert_eq!(n("don't"), "don't");
        assert_eq!(n("‘rock solid’"), "rock solid");
        assert_eq!(n("the ‘ tis"), "the tis");
    }

    #[test]
    fn non_ascii_letters() {
        assert_eq!(n("ÉTÉ Ван-И"), "été ван и");
        assert_eq!(n("Straße"), "straße");
    }

    #[test]
    fn soft_hyphen_and_joiners_are_dropped() {
        assert_eq!(n("hege\u{ad}mony"), "hegemony");
    }

    #[test]
    fn empty_and_separator_only() {
        assert_eq!(n(""), "");
        assert_eq!(n(" - “ ” , "), "");
    }

    #[test]
    fn map_points_back_to_the_original() {
        let s = "“Rock—solid”, Ван";
        let norm = normalize(s);
        assert_eq!(norm.text, "rock solid ван");
        assert_eq!(norm.map.len(), norm.text.len());
        for (i, _) in norm.text.char_indices() {
            assert!(s.is_char_boundary(norm.map[i] as usize));
        }
        // "r" came from "R" after the 3-byte opening quote
        assert_eq!(norm.map[0], 3);
        // the space came from the em dash
        assert_eq!(&s[norm.map[4] as usize..][..3], "—");
    }

    #[test]
    fn multi_byte_lowercase_shares_its_origin() {
        // 'İ' lowercases to "i" and a combining dot; the dot is dropped
        let norm = normalize("İx");
        assert_eq!(norm.text, "ix");
        assert_eq!(norm.map, [0, 2]);
        // 'Ω' (2 bytes) lowercases to 'ω' (2 bytes)
        let norm = normalize("Ωx");
        assert_eq!(norm.text, "ωx");
        assert!(norm.starts_char(0) && !norm.starts_char(1) && norm.starts_char(2));
        assert!(!norm.ends_char(1) && norm.ends_char(2) && norm.ends_char(3));
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for s in [
            "Rock-Solid",
            "İstanbul’s “x”",
            "a . b",
            "ÉTÉ, ß; Ω",
            "don't ’tis",
        ] {
            assert_eq!(n(&n(s)), n(s), "{s:?}");
        }
    }
}
