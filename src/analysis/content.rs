//! Content words: the words of a text that say what it is about (names,
//! places, numbers and ordinary words that are not stopwords), each with a
//! normalised key, so that two reports of one event can be compared beyond
//! their verbatim passages ([`stories`](super::stories), reworded sentences
//! in [`reuse`](super::reuse)).
//!
//! A word is one of [`text::words`](super::text::words). Its key is the hash
//! of its normalised form: lowercase, curly apostrophes straight,
//! transliteration endings folded as [`reuse`](super::reuse) folds them
//! (Sergey/Sergei), a possessive `'s` dropped and a plural `s` dropped from
//! words of five letters or more ("documents" and "document" are one key,
//! "ceilings" and "ceiling"). Digits separated by a thousands comma or point
//! are one number ("2,600" is 2600); a number with a unit glued to it
//! ("24bn", "19%") is keyed by its digits.
//!
//! Each content word has a [`Kind`]: a *name* is a capitalised word that
//! does not open a sentence (or any capitalised word the text also writes
//! capitalised elsewhere mid-sentence), but not a month or a weekday; a
//! *number* has digits; anything else is a *word*. Stopwords (the mined phrases' list and a few reporting
//! words: "said", "told", "according") and one-letter words are left out.

use std::ops::Range;

use super::phrases::is_stopword;
use super::reuse::tokens::{hash_bytes, normalize_into};
use super::text::words;

/// What a content word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A capitalised word inside a sentence: a person, a place, an organisation.
    Name,
    /// A number ("19", "2,600", "24bn").
    Number,
    /// Any other content word.
    Word,
}

/// One content word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentWord {
    /// Byte range in the text, on char boundaries.
    pub range: Range<usize>,
    /// Hash of the normalised form (see the module documentation).
    pub key: u64,
    pub kind: Kind,
}

/// Reporting words and other function words of news prose that say nothing
/// about the event, on top of [`is_stopword`].
const EXTRA_STOP: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "according",
    "added",
    "also",
    "would",
    "could",
    "one",
    "mr",
    "ms",
    "mrs",
    "per",
    "cent",
    "percent",
    "yet",
    "still",
    "well",
    "like",
    "many",
    "much",
    "however",
    "although",
    "though",
    "since",
    "among",
    "amid",
    "via",
];

/// The content words of `text`, in order.
pub fn content_words(text: &str) -> Vec<ContentWord> {
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let bytes = text.as_bytes();
    let mut iter = words(text).peekable();
    while let Some(w) = iter.next() {
        let mut range = w.range();
        let first = w.text.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() {
            // "2,600" / "2.600.000": thousands groups glued back on
            while let Some(next) = iter.peek() {
                let gap = &bytes[range.end..next.start];
                let lead = next.text.bytes().take_while(u8::is_ascii_digit).count();
                let digits = lead == 3;
                if (gap == b"," || gap == b".")
                    && digits
                    && bytes[range.clone()]
                        .iter()
                        .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
                {
                    range.end = next.end;
                    iter.next();
                } else {
                    break;
                }
            }
            let digits: Vec<u8> = text[range.clone()].bytes().filter(u8::is_ascii_digit).collect();
            // a unit glued to the number ("24bn", "19%") is not part of its key
            let lead = text[range.clone()]
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
                .filter(u8::is_ascii_digit)
                .count();
            let key_digits = &digits[..lead.min(digits.len())];
            let mut key = vec![b'#'];
            key.extend_from_slice(key_digits.strip_prefix(b"0").unwrap_or(key_digits));
            out.push(ContentWord {
                range,
                key: hash_bytes(&key),
                kind: Kind::Number,
            });
            continue;
        }
        normalize_into(w.text, true, &mut buf);
        stem(&mut buf);
        let Ok(norm) = std::str::from_utf8(&buf) else {
            continue;
        };
        if norm.chars().count() < 2 || is_stopword(norm) || EXTRA_STOP.contains(&norm) {
            continue;
        }
        let kind = if first.is_uppercase()
            && !opens_sentence(text, range.start)
            && !is_calendar_word(&w.text.to_lowercase())
        {
            Kind::Name
        } else {
            Kind::Word
        };
        out.push(ContentWord {
            range,
            key: hash_bytes(&buf),
            kind,
        });
    }
    // a capitalised word opening a sentence is a name when the text also
    // writes it capitalised mid-sentence ("Bereth said ..." after "Ruslan Bereth")
    let names: std::collections::HashSet<u64> = out
        .iter()
        .filter(|w| w.kind == Kind::Name)
        .map(|w| w.key)
        .collect();
    for w in &mut out {
        if w.kind == Kind::Word
            && names.contains(&w.key)
            && !is_calendar_word(&text[w.range.clone()].to_lowercase())
            && text[w.range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            w.kind = Kind::Name;
        }
    }
    out
}

/// Month and weekday names and their abbreviations: capitalised, common to
/// every report of a day, and no label.
pub fn is_calendar_word(w: &str) -> bool {
    super::text::is_calendar_word(w)
}

/// Drops a possessive `'s` and a plural `s` (words of five letters or more,
/// not ending in "ss", "us" or "is"), in place on a lowercase word.
fn stem(w: &mut Vec<u8>) {
    if w.ends_with(b"'s") {
        w.truncate(w.len() - 2);
    } else if w.ends_with(b"'") {
        w.truncate(w.len() - 1);
    }
    let n = w.len();
    if n >= 5 && w[n - 1] == b's' && !matches!(w[n - 2], b's' | b'u' | b'i') {
        w.truncate(n - 1);
    }
}

/// Whether the word starting at byte `start` opens a sentence: nothing but
/// spaces, quotes and brackets since the start of the text, a blank line,
/// or sentence punctuation.
fn opens_sentence(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let mut newlines = 0;
    for c in before.chars().rev() {
        match c {
            '.' | '!' | '?' | ':' | '—' | '–' => return true,
            '\n' => {
                newlines += 1;
                if newlines >= 2 {
                    return true;
                }
            }
            c if c.is_whitespace() => {}
            '"' | '\'' | '“' | '‘' | '”' | '’' | '(' | '[' | '-' | '|' | '/' => {}
            _ => return newlines > 0 && line_is_short_or_headline(before),
        }
    }
    true
}

/// A single line break after a line that ends without punctuation: a
/// headline or a metadata line, so what follows opens a sentence. (Inside a
/// hard-wrapped paragraph the previous line ends mid-sentence, and the word
/// is judged by its own capital letter, as a name.)
fn line_is_short_or_headline(before: &str) -> bool {
    let prev_line = before.trim_end().rsplit('\n').next().unwrap_or("");
    prev_line.len() < 50
}

/// The keys of the content words, sorted and deduplicated.
pub fn key_set(words: &[ContentWord]) -> Vec<u64> {
    let mut keys: Vec<u64> = words.iter().map(|w| w.key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<(&str, Kind)> {
        content_words(text)
            .into_iter()
            .map(|w| (&text[w.range], w.kind))
            .collect()
    }

    fn key(text: &str) -> u64 {
        content_words(text)[0].key
    }

    #[test]
    fn keeps_names_numbers_and_content_words() {
        let got = shown("The ministers signed four documents in Port Selen on Monday, said Bereth.");
        assert_eq!(
            got,
            [
                ("ministers", Kind::Word),
                ("signed", Kind::Word),
                ("four", Kind::Word),
                ("documents", Kind::Word),
                ("Port", Kind::Name),
                ("Selen", Kind::Name),
                ("Monday", Kind::Word),
                ("Bereth", Kind::Name),
            ]
        );
    }

    #[test]
    fn a_sentence_opener_is_a_name_only_if_capitalised_elsewhere() {
        let got = shown("Bereth spoke. Kestria's minister Ruslan Bereth left. Officials cheered.");
        assert!(got.contains(&("Bereth", Kind::Name)));
        assert_eq!(got[0], ("Bereth", Kind::Name));
        assert!(got.contains(&("Officials", Kind::Word)));
    }

    #[test]
    fn numbers_are_keyed_by_their_digits() {
        let got = shown("a 2,600km pipeline, 38 billion, 19% growth and $24bn");
        assert_eq!(got[0], ("2,600km", Kind::Number));
        assert_eq!(key("2,600km"), key("2600"));
        assert_eq!(key("19%"), key("19"));
        assert_eq!(key("24bn"), key("24"));
        assert_ne!(key("19"), key("190"));
        assert_eq!(key("1,000,000"), key("1000000"));
    }

    #[test]
    fn plurals_possessives_and_transliterations_fold() {
        assert_eq!(key("documents"), key("document"));
        assert_eq!(key("ceilings"), key("ceiling"));
        assert_eq!(key("Kestria's"), key("Kestria"));
        assert_eq!(key("Kestria’s"), key("kestria"));
        assert_eq!(key("Sergey"), key("Sergei"));
        assert_ne!(key("process"), key("proces"));
        assert_eq!(shown("the virus"), [("virus", Kind::Word)]);
    }

    #[test]
    fn stopwords_and_reporting_words_are_left_out() {
        assert!(shown("he said that it was also to be the one").is_empty());
        assert!(shown("").is_empty());
        assert!(shown("— … “”").is_empty());
    }

    #[test]
    fn ranges_hold_on_other_scripts() {
        let text = "Лавров заявил, что «отношения» крепки. 王毅 访问";
        for w in content_words(text) {
            assert!(text.is_char_boundary(w.range.start) && text.is_char_boundary(w.range.end));
        }
    }
}
