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
    matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
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

/// For each ASCII byte: its lowercase form if it is a letter or digit, else 0.
const ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Is this ASCII byte hard punctuation?
const ASCII_HARD: [bool; 128] = {
    let mut t = [false; 128];
    let hard = b".!?;:()[]{}";
    let mut i = 0;
    while i < hard.len() {
        t[hard[i] as usize] = true;
        i += 1;
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

/// No pending gap.
const NO_GAP: u32 = u32::MAX;

/// Normalises `text` into `out` (cleared first), reusing its buffers.
///
/// Offsets are stored as `u32`: a text of 4 GiB or more is cut at that length.
pub(crate) fn normalize_into(text: &str, out: &mut Normalized) {
    normalize_window(text, 0, usize::MAX, 0, out);
}

/// Normalises part of `text` into `out` (cleared first): from `start`,
/// which must be a char boundary where no word continues from the left
/// (a word start, a separator or hard punctuation), until `extra` more
/// canonical bytes have been produced after passing byte `past` of `text`
/// (or to the end). The map holds offsets into the whole of `text`. The
/// canonical text is exactly the corresponding part of `normalize(text)`,
/// without the gap space that may precede it.
pub(crate) fn normalize_window(text: &str, start: usize, past: usize, extra: usize, out: &mut Normalized) {
    let text = if text.len() >= u32::MAX as usize {
        &text[..crate::analysis::text::floor_char_boundary(text, u32::MAX as usize - 1)]
    } else {
        text
    };
    let bytes = text.as_bytes();
    let mut buf = std::mem::take(&mut out.text).into_bytes();
    buf.clear();
    let map = &mut out.map;
    map.clear();
    let expect = if past == usize::MAX {
        bytes.len().saturating_sub(start)
    } else {
        (past.saturating_sub(start) + extra + 64).min(bytes.len().saturating_sub(start))
    };
    buf.reserve(expect + 16);
    map.reserve(expect + 16);
    // offset of the first soft character since the last output, or NO_GAP
    let mut gap = NO_GAP;
    // the last output was a word character (a gap before a word is a space)
    let mut after_word = false;
    // length of the output when `past` was passed
    let mut stop_at = usize::MAX;
    let mut i = start.min(bytes.len());
    while i < bytes.len() {
        if i > past {
            if stop_at == usize::MAX {
                stop_at = buf.len() + extra;
            }
            if buf.len() >= stop_at {
                break;
            }
        }
        let b = bytes[i];
        if b < 128 {
            let lower = ASCII_WORD[b as usize];
            if lower != 0 {
                if gap != NO_GAP {
                    if after_word {
                        buf.push(b' ');
                        map.push(gap);
                    }
                    gap = NO_GAP;
                }
                // the rest of an ASCII word in one go
                let start = i;
                buf.push(lower);
                i += 1;
                while i < bytes.len() && bytes[i] < 128 {
                    let lower = ASCII_WORD[bytes[i] as usize];
                    if lower == 0 {
                        break;
                    }
                    buf.push(lower);
                    i += 1;
                }
                map.extend(start as u32..i as u32);
                after_word = true;
                continue;
            }
            if ASCII_HARD[b as usize] {
                gap = NO_GAP;
                after_word = false;
                buf.push(b);
                map.push(i as u32);
            } else if b == b'\'' && after_word && gap == NO_GAP && next_is_word(text, i + 1) {
                buf.push(b'\'');
                map.push(i as u32);
            } else if gap == NO_GAP {
                gap = i as u32;
            }
            i += 1;
            continue;
        }
        // a non-ASCII character
        let c = text[i..].chars().next().unwrap_or('\u{fffd}');
        let len = c.len_utf8();
        let at = i as u32;
        match class(c) {
            Class::Word => {
                if gap != NO_GAP {
                    if after_word {
                        buf.push(b' ');
                        map.push(gap);
                    }
                    gap = NO_GAP;
                }
                // Only 'İ' lowercases to more than one char ("i" and a
                // combining dot); keep the letters so the form is stable
                // when normalised again, as mined tokens are.
                let mut pushed = false;
                for l in c.to_lowercase().filter(|l| l.is_alphanumeric()) {
                    push_char(&mut buf, map, l, at);
                    pushed = true;
                }
                if !pushed {
                    push_char(&mut buf, map, c, at);
                }
                after_word = true;
            }
            Class::Apostrophe if after_word && gap == NO_GAP && next_is_word(text, i + len) => {
                buf.push(b'\'');
                map.push(at);
            }
            Class::Hard => {
                gap = NO_GAP;
                after_word = false;
                push_char(&mut buf, map, c, at);
            }
            Class::Ignore => {}
            Class::Apostrophe | Class::Soft => {
                if gap == NO_GAP {
                    gap = at;
                }
            }
        }
        i += len;
    }
    // Only whole chars were pushed, so this is valid UTF-8.
    out.text = String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

#[inline]
fn next_is_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

#[inline]
fn push_char(buf: &mut Vec<u8>, map: &mut Vec<u32>, c: char, at: u32) {
    let mut tmp = [0u8; 4];
    let s = c.encode_utf8(&mut tmp);
    buf.extend_from_slice(s.as_bytes());
    map.extend(std::iter::repeat_n(at, s.len()));
}

/// Normalises `text` into a new [`Normalized`].
pub(crate) fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    out
}

/// The canonical form of a phrase or text, as the tolerant matching sees it:
/// lowercase, apostrophes inside words straight, any run of other
/// separators (whitespace, hyphens, dashes, quotes, commas, symbols) one
/// space between words, sentence punctuation and brackets kept without
/// spaces ("Rock-\n Solid, “yes”." → "rock solid yes."). Empty when the
/// phrase has no letters, digits or hard punctuation. Two phrases match
/// each other's spellings when their canonical forms are equal.
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
        assert_eq!(n("Rock-\n Solid, “yes”."), "rock solid yes.");
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
        for s in ["Rock-Solid", "İstanbul’s “x”", "a . b", "ÉTÉ, ß; Ω", "don't ’tis"] {
            assert_eq!(n(&n(s)), n(s), "{s:?}");
        }
    }
}
