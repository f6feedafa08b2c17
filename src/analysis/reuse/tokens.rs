//! Word normalisation and hashing shared by [`compare`](super::compare) and
//! the [`SimilarityIndex`](super::SimilarityIndex).
//!
//! Words come from [`text::words`](crate::analysis::text::words). Each word is
//! normalised the way [`normalize_word`](crate::analysis::text::normalize_word)
//! does it (lowercase, curly apostrophes made straight), but on the stack
//! (short ASCII words) or into a reused buffer, so that no word allocates,
//! and then, optionally, transliteration
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
        let mut buf = Vec::new();
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
    let mut buf = Vec::new();
    out.extend(words(text).map(|w| word_hash(w.text, fold, &mut buf)));
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Writes the normalised form of `word` into `buf` (cleared first, UTF-8):
/// the same text as `normalize_word(word)`, then transliteration folding if
/// `fold`.
pub(crate) fn normalize_into(word: &str, fold: bool, buf: &mut Vec<u8>) {
    buf.clear();
    let mut utf8 = [0u8; 4];
    for c in word.chars() {
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase() as u8);
        } else if is_apostrophe(c) {
            buf.push(b'\'');
        } else {
            for l in c.to_lowercase() {
                buf.extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
            }
        }
    }
    if fold {
        let n = fold_transliteration(buf);
        buf.truncate(n);
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
///
/// Works in place on the (lowercase, UTF-8) bytes of a word and returns the
/// new length; only ASCII bytes move, so the result stays UTF-8.
pub(crate) fn fold_transliteration(w: &mut [u8]) -> usize {
    let len = w.len();
    let (stem_len, cut) = fold_cut(w);
    // at least three characters left (not just bytes)
    if cut == stem_len || w[..cut].iter().filter(|&&b| (b as i8) >= -0x40).count() < 3 {
        return len;
    }
    w.copy_within(stem_len..len, cut);
    cut + (len - stem_len)
}

/// (length of the stem before any possessive `'s`, where the fold cuts it):
/// equal when there is nothing to fold. Case-insensitive, on the bytes of a
/// word, so the ASCII fast path can use it before lowercasing.
fn fold_cut(w: &[u8]) -> (usize, usize) {
    let len = w.len();
    let stem_len = if len >= 2 && w[len - 2] == b'\'' && w[len - 1] | 0x20 == b's' {
        len - 2
    } else {
        len
    };
    let yi = |b: u8| matches!(b | 0x20, b'y' | b'i');
    if stem_len <= 3 || !yi(w[stem_len - 1]) || w.eq_ignore_ascii_case(b"they") {
        return (stem_len, stem_len);
    }
    let mut cut = stem_len;
    while cut > 3 && yi(w[cut - 1]) {
        cut -= 1;
    }
    (stem_len, cut)
}

/// Longest word normalised on the stack by the ASCII fast path.
const FAST: usize = 32;

/// The hash of one word after normalisation. `buf` is scratch space for
/// words that are not short ASCII.
pub(crate) fn word_hash(word: &str, fold: bool, buf: &mut Vec<u8>) -> u64 {
    let bytes = word.as_bytes();
    if bytes.len() <= FAST && bytes.is_ascii() {
        // short ASCII: hash the lowercased bytes as they are loaded, cut
        // where the fold would (a fold before an `'s` moves bytes: rare,
        // done on a copy)
        let (stem_len, cut) = if fold {
            fold_cut(bytes)
        } else {
            (bytes.len(), bytes.len())
        };
        if cut == stem_len {
            return hash_chunks(bytes, lower8);
        }
        if stem_len == bytes.len() {
            return hash_chunks(&bytes[..cut], lower8);
        }
        let mut w = [0u8; FAST];
        w[..cut].copy_from_slice(&bytes[..cut]);
        w[cut..cut + 2].copy_from_slice(&bytes[stem_len..]);
        return hash_chunks(&w[..cut + 2], lower8);
    }
    normalize_into(word, fold, buf);
    hash_bytes(buf)
}

/// Lowercases eight ASCII bytes at once.
fn lower8(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // each byte is below 0x80, so no addition carries into the next byte
    let at_least_a = v + ONES * (0x80 - u64::from(b'A'));
    let above_z = v + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !above_z & (ONES * 0x80);
    v | (upper >> 2)
}

/// A 64-bit hash of a byte string, eight bytes at a time, then a strong
/// finaliser so that every bit of the result depends on every input byte.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_chunks(bytes, |v| v)
}

/// [`hash_bytes`] of the bytes transformed eight at a time by `f` (which must
/// keep zero bytes zero: the last chunk is padded with them).
#[inline(always)]
fn hash_chunks(bytes: &[u8], f: impl Fn(u64) -> u64) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (bytes.len() as u64).wrapping_mul(0xff51_afd7_ed55_8ccd);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = f(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        h = (h ^ v).wrapping_mul(K).rotate_left(31);
    }
    let rest = chunks.remainder().len();
    if rest > 0 {
        // the last bytes, zero-padded to eight, loaded without a copy (a
        // variable-length copy to the stack stalls the load that follows)
        let n = bytes.len();
        let last = if n >= 8 {
            load8(&bytes[n - 8..]) >> (8 * (8 - rest))
        } else {
            load_short(bytes)
        };
        h = (h ^ f(last)).wrapping_mul(K).rotate_left(31);
    }
    mix(h)
}

fn load8(b: &[u8]) -> u64 {
    u64::from_le_bytes(b[..8].try_into().expect("eight bytes"))
}

/// 1 to 7 bytes as a little-endian number.
fn load_short(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        // two overlapping four-byte loads; the overlap holds the same bytes
        let lo = u64::from(u32::from_le_bytes(b[..4].try_into().expect("four")));
        let hi = u64::from(u32::from_le_bytes(b[n - 4..].try_into().expect("four")));
        lo | (hi << (8 * (n - 4)))
    } else {
        let mut v = 0;
        for (i, &x) in b.iter().enumerate() {
            v |= u64::from(x) << (8 * i);
        }
        v
    }
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

    /// Through the general path.
    fn norm(w: &str, fold: bool) -> String {
        let mut buf = Vec::new();
        normalize_into(w, fold, &mut buf);
        String::from_utf8(buf).unwrap()
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
    fn the_ascii_fast_path_agrees_with_the_general_one() {
        let mut buf = Vec::new();
        for w in [
            "Sergey",
            "SERGEI",
            "Nikolay's",
            "they",
            "Yuri",
            "Ivi",
            "x",
            "Beijing's",
            "Beijing’s",
            "Zelenskyy",
            "abcdefghijklmnopqrstuvwxyzabcdefghij",
            "Ü",
            "2022",
            "THEY",
            "They's",
            "NIKOLAY'S",
            "Zelenskiy'S",
            "@[`{Zz",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "Yi's",
            "Ivy's",
            "Sergeyi",
        ] {
            for fold in [false, true] {
                let expect = hash_bytes(norm(w, fold).as_bytes());
                assert_eq!(word_hash(w, fold, &mut buf), expect, "{w} {fold}");
            }
        }
        // a curly apostrophe goes the general way and still meets the ASCII one
        assert_eq!(
            word_hash("Beijing’s", true, &mut buf),
            word_hash("beijing's", true, &mut buf)
        );
    }

    #[test]
    fn lower8_lowercases_only_letters() {
        for b in 0u8..0x80 {
            let v = u64::from_le_bytes([b, b'Q', 0, b'@', b'[', b'z', b'A', b'Z']);
            let expect = u64::from_le_bytes([b.to_ascii_lowercase(), b'q', 0, b'@', b'[', b'z', b'a', b'z']);
            assert_eq!(lower8(v), expect, "{b}");
        }
    }

    #[test]
    fn partial_loads_are_zero_padded() {
        let bytes: Vec<u8> = (1..=23).collect();
        for n in 1..=23 {
            let b = &bytes[..n];
            let r = n % 8;
            if r == 0 {
                continue;
            }
            let mut padded = [0u8; 8];
            padded[..r].copy_from_slice(&b[n - r..]);
            let expect = u64::from_le_bytes(padded);
            let got = if n >= 8 {
                load8(&b[n - 8..]) >> (8 * (8 - r))
            } else {
                load_short(b)
            };
            assert_eq!(got, expect, "{n}");
        }
    }

    #[test]
    fn hash_bytes_sees_every_byte_and_the_length() {
        let h: Vec<u64> = [
            &b""[..],
            b"\0",
            b"a",
            b"a\0",
            b"abcdefgh",
            b"abcdefgi",
            b"abcdefgh\0",
        ]
        .iter()
        .map(|b| hash_bytes(b))
        .collect();
        for i in 0..h.len() {
            for j in i + 1..h.len() {
                assert_ne!(h[i], h[j], "{i} {j}");
            }
        }
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
