//! How common a word is in general English: a compiled-in list of the
//! 50,000 most frequent words with their frequencies, from the `wordfreq`
//! project's English data (CC BY-SA 4.0; source, licence and format are in
//! the header of `assets/wordfreq_en.txt`). Mined phrases whose words are
//! rare in general English ("no limits", "bloc confrontation") are more
//! likely to be formulas than those made of everyday words ("last year").

use std::collections::HashMap;
use std::sync::LazyLock;

/// The list: one line per frequency bucket, `CB word word ...` (every word
/// on the line has a frequency of 10^(-CB/100)). Derived from wordfreq 3.1.1
/// (Robyn Speer), licensed CC BY-SA 4.0; see the file's header.
const WORDFREQ_EN: &str = include_str!("../../../assets/wordfreq_en.txt");

/// The rarity given to a word that is not on the list (it is rarer than
/// the 50,000th word, whose bucket is 645): Zipf 2.
pub const UNLISTED: f64 = 7.0;

static RARITY: LazyLock<HashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map = HashMap::with_capacity(51_000);
    for line in WORDFREQ_EN.lines() {
        if line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_ascii_whitespace();
        let Some(cb) = parts.next().and_then(|c| c.parse::<u16>().ok()) else {
            continue;
        };
        for w in parts {
            map.entry(w).or_insert(cb);
        }
    }
    map
});

/// How rare a (normalised, lowercase) word is in general English:
/// −log10 of its frequency, from about 1.3 ("the") to [`UNLISTED`] (a word
/// off the list). Numbers count as common words (3.0); a possessive "'s"
/// is ignored.
pub fn rarity(word: &str) -> f64 {
    let w = word.strip_suffix("'s").unwrap_or(word);
    if w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() {
        return 3.0;
    }
    RARITY.get(w).map_or(UNLISTED, |&cb| f64::from(cb) / 100.0)
}

/// Is the word on the background list at all?
pub fn is_listed(word: &str) -> bool {
    RARITY.contains_key(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_less_rare() {
        assert!(rarity("the") < 1.5);
        assert!(rarity("year") < rarity("limits"));
        assert!(rarity("limits") < rarity("confrontation"));
        assert!(rarity("confrontation") < UNLISTED);
        assert_eq!(rarity("zzqxv"), UNLISTED);
        assert_eq!(rarity("2024"), 3.0);
        assert_eq!(rarity("party's"), rarity("party"));
    }

    #[test]
    fn the_list_is_big_and_has_both_spellings() {
        assert!(RARITY.len() >= 50_000, "{}", RARITY.len());
        assert!(is_listed("colour") && is_listed("color"));
        assert!(is_listed("organise") && is_listed("organize"));
    }
}
