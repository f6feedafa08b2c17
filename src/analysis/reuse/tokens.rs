//! Word normalisation and hashing shared by [`compare`](super::compare) and
//! the [`SimilarityIndex`](super::SimilarityIndex).
//!
//! Words come from [`text::words`](crate::analysis::text::words). Each word is
//! normalised the way [`normalize_word`](crate::analysis::text::normalize_word)
//! does it (lowercase, curly apostrophes made straight), but into a reused
//! buffer so that no word allocates, and then, optionally, transliteration
//! variants of names are folded (see [`fold_transliteration`]). The result is
//! hashed to 64 bits; two words are "the same" when their hashes are equal.

use crate::analysis::text::words;

/// The words of a text: normalised hashes and byte ranges, index for index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    pub hashes: Vec<u64>,
    pub starts: Vec<usize>,
    pub ends: Vec<usize>,
}

impl Tokens {
    pub fn new(text: &str, fold: bool) -> Tokens {
        // about one word per six bytes of English prose
        let guess = text.len() / 6 + 1;
        let mut t = Tokens {
            hashes: Vec::with_capacity(guess),
            starts: Vec::with_capacity(guess),
            ends: Vec::with_capacity(guess),
        };
        let mut buf = String::new();
        for w in words(text) {
            t.hashes.push(word_hash(w.text, fold, &mut buf));
            t.starts.push(w.start);
            t.ends.push(w.end);
        }
        t
    }

    pub fn len(&self) -> usize {
        self.hashes.len()
    }
}

/// The hashes of the normalised words of `text`, appended to `out`.
pub(crate) fn word_hashes_into(text: &str, fold: bool, out: &mut Vec<u64>) {
    let mut buf = String::new();
    out.extend(words(text).map(|w| word_hash(w.text, fold, &mut buf)));
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Writes the normalised form of `word` into `buf` (cleared first): the same
/// text as `normalize_word(word)`, then transliteration folding if `fold`.
pub(crate) fn normalize_into(word: &str, fold: bool, buf: &mut String) {
    buf.clear();
    for c in word.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else if is_apostrophe(c) {
            buf.push('\'');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    if fold {
        fold_transliteration(buf);
    }
}

/// Folds the commonest variation in romanised (mostly Russian) names: the
/// ending written "y", "i", "ey", "ei", "iy", "yy"... Every trailing run of
/// `y`/`i` is dropped, keeping at least three characters, and a possessive
/// `'s` is kept: "sergey" and "sergei" → "serge", "dmitry"/"dmitri" →
/// "dmitr", "zelensky"/"zelenskiy"/"zelenskyy" → "zelensk", "nikolay's" →
/// "nikola's". Words of three characters or fewer ("Yi", "Xi", "Li") are left
/// alone, and so is "they" (which would become "the").
///
/// This applies to every word, whatever its case, so that an all-caps
/// headline still matches; it also merges some unrelated words ("party" and
/// "part", "every" and "ever"), which costs nothing in practice: a chance
/// match needs whole n-grams to agree, and one wrong word in a passage is an
/// edit the alignment tolerates anyway.
pub(crate) fn fold_transliteration(buf: &mut String) {
    if buf == "they" {
        return;
    }
    let stem_len = if buf.ends_with("'s") {
        buf.len() - 2
    } else {
        buf.len()
    };
    let stem = &buf.as_bytes()[..stem_len];
    let mut cut = stem_len;
    while cut > 3 && matches!(stem[cut - 1], b'y' | b'i') {
        cut -= 1;
    }
    if cut < stem_len && buf[..cut].chars().count() >= 3 {
        buf.replace_range(cut..stem_len, "");
    }
}

/// The hash of one word after normalisation.
pub(crate) fn word_hash(word: &str, fold: bool, buf: &mut String) -> u64 {
    normalize_into(word, fold, buf);
    hash_bytes(buf.as_bytes())
}

/// FNV-1a over the bytes, then a strong finaliser so that every bit of the
/// result depends on every input byte.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// The splitmix64 / murmur3 finaliser.
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hash of a run of word hashes (an n-gram / shingle). Order matters:
/// "a b" and "b a" hash differently.
pub(crate) fn ngram_hash(words: &[u64]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &w in words {
        h = (h.rotate_left(23) ^ w).wrapping_mul(0xff51_afd7_ed55_8ccd);
    }
    mix(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::normalize_word;

    fn norm(w: &str, fold: bool) -> String {
        let mut buf = String::new();
        normalize_into(w, fold, &mut buf);
        buf
    }

    #[test]
    fn normalisation_matches_the_shared_helper() {
        for w in [
            "Beijing’s",
            "ÉTÉ",
            "don't",
            "Ван",
            "İstanbul",
            "ΣΊΣΥΦΟΣ",
            "x2",
            "ʼtis",
        ] {
            assert_eq!(norm(w, false), normalize_word(w), "{w}");
        }
    }

    #[test]
    fn folds_transliteration_variants_of_names() {
        let same = [
            ("Sergey", "Sergei"),
            ("Dmitry", "Dmitri"),
            ("Nikolay", "Nikolai"),
            ("Yury", "Yuri"),
            ("Zelensky", "Zelenskiy"),
            ("Zelenskyy", "Zelensky"),
            ("Sergey’s", "Sergei's"),
            ("SERGEY", "Sergei"),
        ];
        for (x, y) in same {
            assert_eq!(norm(x, true), norm(y, true), "{x} / {y}");
        }
        assert_eq!(norm("Sergey", true), "serge");
        assert_eq!(norm("Nikolay's", true), "nikola's");
    }

    #[test]
    fn leaves_short_and_lowercase_words_alone() {
        assert_eq!(norm("Yi", true), "yi");
        assert_eq!(norm("Xi", true), "xi");
        assert_eq!(norm("they", true), "they");
        assert_eq!(norm("Sergey", false), "sergey");
        assert_eq!(norm("sergey", true), "serge");
        assert_eq!(norm("party", true), "part");
        assert_eq!(norm("Ivi", true), "ivi");
        assert_eq!(norm("Лавров", true), "лавров");
    }

    #[test]
    fn ngram_hash_depends_on_order() {
        let a = hash_bytes(b"a");
        let b = hash_bytes(b"b");
        assert_ne!(ngram_hash(&[a, b]), ngram_hash(&[b, a]));
        assert_ne!(ngram_hash(&[a]), ngram_hash(&[a, a]));
    }

    #[test]
    fn tokens_keep_ranges() {
        let s = "Sergei Lavrov — “rock-solid”";
        let t = Tokens::new(s, true);
        assert_eq!(t.len(), 4);
        assert_eq!(&s[t.starts[2]..t.ends[2]], "rock");
        let u = Tokens::new("SERGEY LAVROV rock solid", true);
        assert_eq!(t.hashes, u.hashes);
        let v = Tokens::new("Sergei Lavrov rock solid", false);
        assert_ne!(t.hashes[0], v.hashes[0]);
    }
}
