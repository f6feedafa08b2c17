//! Phrases that are copies, not formulas: a passage republished word for
//! word (a wire story, a press release) makes every window of it recur in
//! the articles that carry it ("relations between moscow and beijing were
//! rock solid", "beijing were rock solid and that the partnership", ...).
//! That is reuse, which compare shows as a shared passage; a formula is a
//! turn of phrase writers pick up on their own.
//!
//! A mined phrase of three words or more is *copied* when every occurrence of it, in every one of
//! its articles, lies inside a passage of at least [`PASSAGE_WORDS`] words
//! that the article shares word for word with another article of the
//! phrase (its first, or its second for the first itself), up to a word
//! changed here and there ("as he prepared to fly to" / "... to travel
//! to": at most two such edits each side, the changed words not counted).
//! Words are compared as compare's tokens are (case, apostrophes, and the
//! transliteration endings of names folded: "Sergey"/"Sergei"), whatever
//! the punctuation and sentence ends between them. A phrase that one
//! article uses on its own (outside the copied passage) is not copied:
//! "rock solid" in thirteen articles, two of them sharing a passage, stays.

use std::ops::Range;

use rayon::prelude::*;

use super::{Doc, MinedPhrase, find_phrase};
use crate::analysis::reuse::tokens::word_hash;
use crate::analysis::text::words;

/// Words a shared passage holds at least for the phrases inside it to be
/// copies: twice the longest phrase mined by default (8), so a formula
/// quoted with a few words of context in two reports stays.
pub const PASSAGE_WORDS: usize = 16;

/// Bytes looked at each side of an occurrence for its context (words of
/// about 6 bytes: room for [`PASSAGE_WORDS`] of long ones).
const CONTEXT_BYTES: usize = PASSAGE_WORDS * 24;

/// One occurrence: its length in words and the hashes of the words around
/// it, nearest first on each side.
struct Occurrence {
    len: usize,
    left: Vec<u64>,
    right: Vec<u64>,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn occurrence(text: &str, range: Range<usize>, buf: &mut Vec<u8>) -> Occurrence {
    let from = floor_boundary(text, range.start.saturating_sub(CONTEXT_BYTES));
    let before: Vec<&str> = words(&text[from..range.start]).map(|w| w.text).collect();
    // (a word cut by the window's start is not one of the text's words)
    let skip = usize::from(from > 0);
    let left = before
        .iter()
        .skip(skip)
        .rev()
        .take(PASSAGE_WORDS)
        .map(|w| word_hash(w, true, buf))
        .collect();
    let to = ceil_boundary(text, range.end.saturating_add(CONTEXT_BYTES));
    let after: Vec<&str> = words(&text[range.end..to]).map(|w| w.text).collect();
    let keep = if to < text.len() {
        after.len().saturating_sub(1)
    } else {
        after.len()
    };
    let right = after[..keep]
        .iter()
        .take(PASSAGE_WORDS)
        .map(|w| word_hash(w, true, buf))
        .collect();
    Occurrence {
        len: words(&text[range]).count(),
        left,
        right,
    }
}

/// Words one side of two occurrences share, nearest first: matching words
/// up to the first two mismatches in a row; a single word changed between
/// matching ones ("prepared to fly to" / "prepared to travel to") is an
/// edit the copy made, skipped and not counted.
fn common(a: &[u64], b: &[u64]) -> usize {
    let mut matched = 0;
    let mut edits = 0;
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        if x == y {
            matched += 1;
        } else if edits < MAX_EDITS && a.get(i + 1).is_some() && a.get(i + 1) == b.get(i + 1) {
            edits += 1;
        } else {
            break;
        }
    }
    matched
}

/// Single-word edits skipped on each side of an occurrence.
const MAX_EDITS: usize = 2;

/// The words of the passage two occurrences share around the phrase.
fn shared(a: &Occurrence, b: &Occurrence) -> usize {
    common(&a.left, &b.left) + a.len.min(b.len) + common(&a.right, &b.right)
}

fn occurrences(text: &str, phrase: &str, buf: &mut Vec<u8>) -> Vec<Occurrence> {
    find_phrase(text, phrase)
        .into_iter()
        .map(|r| occurrence(text, r, buf))
        .collect()
}

/// Is `m` (counted: `docs` are positions in `docs`) a copied phrase (see
/// the module docs)?
pub fn copied(docs: &[Doc], m: &MinedPhrase) -> bool {
    let [first, second, ..] = m.docs[..] else {
        return false;
    };
    // (most mined phrases are two words, rarely found only inside copies:
    // they are not searched again, which keeps this cheap)
    if m.phrase.split(' ').count() < MIN_WORDS {
        return false;
    }
    let text = |d: u32| docs.get(d as usize).map_or("", |x| x.text);
    let mut buf = Vec::new();
    let a = occurrences(text(first), &m.phrase, &mut buf);
    let b = occurrences(text(second), &m.phrase, &mut buf);
    let bound = |occ: &[Occurrence], partner: &[Occurrence]| {
        !occ.is_empty()
            && occ
                .iter()
                .all(|o| partner.iter().any(|p| shared(o, p) >= PASSAGE_WORDS))
    };
    if !bound(&a, &b) || !bound(&b, &a) {
        return false;
    }
    // (a phrase in very many articles is judged on an even sample of them)
    let rest = &m.docs[2..];
    let step = rest.len().div_ceil(CHECKED).max(1);
    rest.iter()
        .rev()
        .step_by(step)
        .all(|&d| bound(&occurrences(text(d), &m.phrase, &mut buf), &a))
}

/// Shortest phrase judged, in words.
const MIN_WORDS: usize = 3;

/// Most articles of a phrase read besides its first two.
const CHECKED: usize = 16;

/// Drops the copied phrases (see the module docs), on all cores.
pub fn drop_copied(docs: &[Doc], mined: &mut Vec<MinedPhrase>) {
    let keep: Vec<bool> = mined.par_iter().map(|m| !copied(docs, m)).collect();
    let mut keep = keep.into_iter();
    mined.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc<'_> {
        Doc { text, source: None }
    }

    fn counted(phrase: &str, docs: &[Doc]) -> MinedPhrase {
        let found: Vec<u32> = (0..docs.len() as u32)
            .filter(|&d| !find_phrase(docs[d as usize].text, phrase).is_empty())
            .collect();
        MinedPhrase {
            phrase: phrase.into(),
            docs: found,
            ..MinedPhrase::default()
        }
    }

    // a passage of 30 words, copied by two outlets (one spelling a name
    // differently), and used on its own by a third
    const WIRE: &str = "Harbour officials in Port Tiven said on Friday that the new ferry line \
        would open in spring and that the fares had been frozen, as the mayor prepared to \
        visit the shipyard.";
    const COPY: &str = "FERRY NEWS\n\nHarbour officials in Port Tiven said on Friday that the new \
        ferry line would open in spring and that the fares had been frozen, as the mayor prepared \
        to tour the shipyard.";
    const OWN: &str = "The fares had been frozen since May, a commuter said, and nobody expects the \
        ferry line to open in spring.";

    #[test]
    fn windows_of_a_copied_passage_are_copies() {
        let docs = [doc(WIRE), doc(COPY), doc(OWN)];
        for p in [
            "new ferry line would open in spring",
            "fares had been frozen as the mayor prepared",
            "harbour officials in port tiven",
        ] {
            let m = counted(p, &docs);
            assert_eq!(m.docs, [0, 1], "{p}");
            assert!(copied(&docs, &m), "{p}");
        }
        // two words: not judged
        let m = counted("harbour officials", &docs);
        assert_eq!(m.docs, [0, 1]);
        assert!(!copied(&docs, &m));
        // also used on its own by a third article: kept
        let m = counted("fares had been frozen", &docs);
        assert_eq!(m.docs, [0, 1, 2]);
        assert!(!copied(&docs, &m));
    }

    #[test]
    fn a_word_changed_here_and_there_is_still_a_copy() {
        let a = [1, 2, 3, 4, 5, 6];
        assert_eq!(common(&a, &[1, 2, 3, 4, 5, 6]), 6);
        // one word changed: skipped, not counted
        assert_eq!(common(&a, &[1, 9, 3, 4, 5, 6]), 5);
        // two in a row: the passage ends there
        assert_eq!(common(&a, &[1, 9, 9, 4, 5, 6]), 1);
        // at most two edits
        assert_eq!(common(&[1, 2, 3, 4, 5, 6, 7], &[9, 2, 9, 4, 9, 6, 7]), 2);
        // a change at the very end of what was read is not skipped
        assert_eq!(common(&[1, 2], &[1, 9]), 1);
        // "fly" / "travel": the passage goes on past the changed word
        let wire = "the accord had no ceiling as he prepared to fly to Vesk for talks with his \
            counterpart Ilse Brandt on Friday.";
        let copy = "the accord had no ceiling as he prepared to travel to Vesk for talks with his \
            counterpart Ilse Brandt next week.";
        let docs = [doc(wire), doc(copy)];
        let m = counted("vesk for talks with his counterpart ilse brandt", &docs);
        assert!(copied(&docs, &m));
    }

    #[test]
    fn a_formula_quoted_in_short_contexts_is_not_a_copy() {
        let docs = [
            doc("The minister called the ties rock solid and said the talks would go on."),
            doc("Ties remain rock solid and said to be growing, the envoy wrote on Monday."),
        ];
        let m = counted("rock solid and said", &docs);
        assert_eq!(m.docs, [0, 1]);
        assert!(!copied(&docs, &m));
    }

    #[test]
    fn transliterated_names_and_punctuation_do_not_break_a_passage() {
        let a = "Foreign Minister Sergei Lavrov met the delegation on Monday, and the two \
            sides signed a memorandum on river transport and customs checks.";
        let b = "Foreign Minister Sergey Lavrov met the delegation on Monday. And the two \
            sides signed a memorandum on river transport and customs checks!";
        let docs = [doc(a), doc(b)];
        let m = counted("memorandum on river transport", &docs);
        assert!(copied(&docs, &m));
    }

    #[test]
    fn every_occurrence_must_be_inside_the_passage() {
        // the second article also uses the phrase elsewhere, on its own
        let b = format!("{COPY} Later, the new ferry line was praised.");
        let docs = [doc(WIRE), doc(&b)];
        let m = counted("new ferry line", &docs);
        assert!(!copied(&docs, &m));
        let docs = [doc(WIRE), doc(COPY)];
        let m = counted("new ferry line", &docs);
        assert!(copied(&docs, &m));
    }

    #[test]
    fn drop_copied_keeps_the_rest_in_order() {
        let docs = [doc(WIRE), doc(COPY), doc(OWN)];
        let mut mined = vec![
            counted("fares had been frozen", &docs),
            counted("new ferry line would open in spring", &docs),
            counted("ferry line", &docs),
        ];
        drop_copied(&docs, &mut mined);
        let left: Vec<&str> = mined.iter().map(|m| m.phrase.as_str()).collect();
        assert_eq!(left, ["fares had been frozen", "ferry line"]);
        // short or odd inputs
        assert!(!copied(&docs, &MinedPhrase::default()));
        let mut none = Vec::new();
        drop_copied(&[], &mut none);
    }
}
