//! The key under which mined phrases are variants of one another: they
//! differ only by a function word ("non-targeting of any third party" /
//! "non-targeting of third party"), a number ("two sides" / "both sides" do
//! not merge, "2 sides" / "two sides" do), British or American spelling
//! ("neighbourliness" / "neighborliness") or inflection ("third party" /
//! "third parties").
//!
//! Each word of the normalised phrase is dropped if it is a stopword (the
//! negators "no", "not", "non" are kept: "limits" is not "no limits"),
//! made `#` if it is a number, spelled the American way when the British
//! form has a listed American twin (so "four" does not become "for"), and
//! stemmed with the Snowball English stemmer; the stems are joined without
//! spaces, so a compound written in one word or two ("multipolar",
//! "multi-polar") is one phrase.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::background::is_listed;
use super::mine::is_stopword;
use crate::analysis::reuse::tokens::fold_transliteration;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

const NEGATORS: &[&str] = &["no", "not", "non"];

const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
];

/// British suffixes and their American forms, tried in order.
const SUFFIXES: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yse", "yze"),
    ("tres", "ters"),
    ("tre", "ter"),
    ("ences", "enses"),
    ("ence", "ense"),
    ("ogues", "ogs"),
    ("ogue", "og"),
    ("lling", "ling"),
    ("lled", "led"),
    ("ller", "ler"),
];

/// The American spelling of a British word ("neighbourliness" →
/// "neighborliness", "organisation" → "organization"), when that spelling
/// is a listed English word; else the word itself.
pub fn american(word: &str) -> String {
    let mut w = word.to_string();
    // "-our-" after at least three letters ("colour", "neighbour", not
    // "four", "hour", "your")
    if let Some(i) = w.find("our").filter(|&i| i >= 3) {
        let cand = format!("{}or{}", &w[..i], &w[i + 3..]);
        // (rare words are off the list in both spellings)
        if is_listed(&cand) || !is_listed(&w) {
            w = cand;
        }
    }
    for (gb, us) in SUFFIXES {
        if let Some(stem) = w.strip_suffix(gb).filter(|s| s.len() >= 2) {
            let cand = format!("{stem}{us}");
            if is_listed(&cand) || (!is_listed(&w) && stem.len() >= 4) {
                return cand;
            }
            break;
        }
    }
    w
}

/// The merge key of a normalised phrase (words separated by single
/// spaces). Two phrases with the same key are variants of one phrase.
pub fn variant_key(phrase: &str) -> String {
    variant_key_with(phrase, |_| false)
}

/// [`variant_key`], with the romanised names among the words folded as
/// compare and the speakers fold them ("sergey"/"sergei", "dmitry"/
/// "dmitri": see [`fold_transliteration`]): `proper(i)` tells whether the
/// `i`th word of the phrase is a proper noun. (Only those: the fold would
/// also make "policy" of "police".)
pub fn variant_key_with(phrase: &str, proper: impl Fn(usize) -> bool) -> String {
    let mut out: Vec<String> = Vec::new();
    for (i, w) in phrase.split(' ').enumerate().filter(|(_, w)| !w.is_empty()) {
        let w = w.strip_suffix("'s").unwrap_or(w);
        if proper(i) && !is_stopword(w) {
            let mut b = w.as_bytes().to_vec();
            let n = fold_transliteration(&mut b);
            b.truncate(n);
            out.push(String::from_utf8_lossy(&b).into_owned());
        } else if NEGATORS.contains(&w) {
            out.push(w.to_string());
        } else if is_stopword(w) {
            continue;
        } else if NUMBERS.contains(&w) || w.bytes().all(|b| b.is_ascii_digit()) {
            out.push("#".into());
        } else {
            out.push(STEMMER.stem(&american(w)).into_owned());
        }
    }
    // (joined without spaces: "multi-polar" and "multipolar" are one)
    out.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_spellings_fold_to_american() {
        assert_eq!(american("neighbourliness"), "neighborliness");
        assert_eq!(american("colour"), "color");
        assert_eq!(american("organisation"), "organization");
        assert_eq!(american("defence"), "defense");
        assert_eq!(american("centre"), "center");
        assert_eq!(american("four"), "four");
        assert_eq!(american("hour"), "hour");
        assert_eq!(american("rise"), "rise");
        assert_eq!(american("promise"), "promise");
        assert_eq!(american("partnership"), "partnership");
        // off the list in both spellings
        assert_eq!(american("neighbourliness"), "neighborliness");
        assert_eq!(american("hegemonise"), "hegemonize");
    }

    #[test]
    fn romanised_names_fold_when_they_are_proper_nouns() {
        let all = |_| true;
        let none = |_| false;
        assert_eq!(
            variant_key_with("foreign minister sergei lavrov", |i| i >= 2),
            variant_key_with("foreign minister sergey lavrov", |i| i >= 2)
        );
        assert_eq!(
            variant_key_with("dmitri peskov", all),
            variant_key_with("dmitry peskov", all)
        );
        // not without the evidence that they are names
        assert_ne!(
            variant_key_with("sergei lavrov", none),
            variant_key_with("sergey lavrov", none)
        );
        assert_ne!(variant_key("police reform"), variant_key("policy reform"));
        assert_eq!(variant_key_with("third party", none), variant_key("third party"));
    }

    #[test]
    fn variants_share_a_key() {
        let same = [
            ("third party", "third parties"),
            ("good neighbourliness", "good neighborliness"),
            (
                "non targeting of any third party",
                "non targeting of third parties",
            ),
            ("5 principles", "five principles"),
            ("strategic partnerships", "strategic partnership"),
            ("russia's interests", "russia interests"),
            ("multi polar world order", "multipolar world order"),
        ];
        for (a, b) in same {
            assert_eq!(variant_key(a), variant_key(b), "{a} / {b}");
        }
        let apart = [
            ("no limits", "limits"),
            ("rock solid", "solid rock"),
            ("mutual trust", "mutual respect"),
            ("not targeting", "targeting"),
        ];
        for (a, b) in apart {
            assert_ne!(variant_key(a), variant_key(b), "{a} / {b}");
        }
    }
}
