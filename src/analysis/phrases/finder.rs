//! Finding arbitrary phrases (typically mined ones) in an article, with the
//! same tolerant matching as the curated families.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use super::MinedPhrase;
use super::matcher::Matcher;

/// A compiled matcher for a list of phrases.
///
/// Built once for, say, the mined phrases of a corpus, then run on each
/// article for highlighting or a concordance.
#[derive(Debug, Clone, Default)]
pub struct PhraseFinder {
    matcher: Matcher,
}

impl PhraseFinder {
    /// Compiles `phrases`. Phrases with no words are ignored; two phrases
    /// with the same canonical form report the index of the first.
    pub fn new<S: AsRef<str>>(phrases: &[S]) -> Self {
        let matcher = Matcher::new(phrases.iter().enumerate().map(|(i, p)| (p.as_ref(), i as u32)))
            // Only a list far beyond any real one fails to compile: find nothing.
            .unwrap_or_default();
        PhraseFinder { matcher }
    }

    /// Compiles phrases that report the given ids: several phrases (the
    /// variants of one mined row) may share an id. Phrases with no words are
    /// ignored; two phrases with the same canonical form report the id of
    /// the first.
    pub fn with_ids<'a>(phrases: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let matcher = Matcher::new(phrases.into_iter().map(|(p, i)| (p, i as u32))).unwrap_or_default();
        PhraseFinder { matcher }
    }

    /// The automaton that finds `mined` phrases in a text (for highlighting):
    /// each phrase reports its position in `mined`, and so do its variants.
    /// None when nothing was mined.
    pub fn for_mined(mined: &[MinedPhrase]) -> Option<Arc<PhraseFinder>> {
        let phrases = mined.iter().enumerate().flat_map(|(i, m)| {
            std::iter::once(m.phrase.as_str())
                .chain(m.variants.iter().map(String::as_str))
                .map(move |p| (p, i))
        });
        (!mined.is_empty()).then(|| Arc::new(PhraseFinder::with_ids(phrases)))
    }

    /// Number of distinct phrases compiled (after normalisation; empty
    /// phrases and duplicates do not count).
    pub fn len(&self) -> usize {
        self.matcher.len()
    }

    /// True when no phrase was compiled: [`find`](PhraseFinder::find) finds nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The occurrences in `text`: `(index into the phrases, byte range)`,
    /// sorted by start, non-overlapping (leftmost, then longest), on char
    /// boundaries.
    pub fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        self.matcher
            .find(text)
            .into_iter()
            .map(|(i, r)| (i as usize, r))
            .collect()
    }

    /// Each phrase's occurrences in `text` as if it were searched for alone
    /// (as [`find_phrase`] finds them): `(index into the phrases, byte
    /// range)`, by phrase then start. Unlike [`find`](PhraseFinder::find),
    /// a phrase inside a longer one found there counts too.
    pub fn find_each(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        self.matcher
            .find_each(text)
            .into_iter()
            .map(|(i, r)| (i as usize, r))
            .collect()
    }

    /// [`find`](PhraseFinder::find) over many texts, in parallel (rayon):
    /// the occurrences in each text, in order.
    pub fn find_many<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<(usize, Range<usize>)>> {
        use rayon::prelude::*;
        texts.par_iter().map(|t| self.find(t.as_ref())).collect()
    }
}

thread_local! {
    /// The finders of the last phrases [`find_phrase`] was asked for on this
    /// thread, most recent first: a search over many articles compiles its
    /// phrase once per thread.
    static RECENT: RefCell<Vec<(String, Rc<PhraseFinder>)>> = const { RefCell::new(Vec::new()) };
}

/// How many compiled phrases [`find_phrase`] keeps per thread.
const RECENT_LEN: usize = 4;

/// The occurrences of one phrase in `text` (tolerant as [`PhraseFinder`]).
///
/// The compiled phrase is cached per thread, so calling this for each
/// article of a corpus costs one compilation, not one per article.
pub fn find_phrase(text: &str, phrase: &str) -> Vec<Range<usize>> {
    let finder = RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        if let Some(i) = recent.iter().position(|(p, _)| p == phrase) {
            let hit = recent.remove(i);
            let f = Rc::clone(&hit.1);
            recent.insert(0, hit);
            return f;
        }
        let f = Rc::new(PhraseFinder::new(&[phrase]));
        recent.insert(0, (phrase.to_string(), Rc::clone(&f)));
        recent.truncate(RECENT_LEN);
        f
    });
    finder.find(text).into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mined_phrases_in_original_spelling() {
        let text = "Relations are “Rock-Solid”. Wang Yi said so;\nWANG\nYI  again.";
        let f = PhraseFinder::new(&["rock solid", "wang yi"]);
        let got: Vec<(usize, &str)> = f.find(text).into_iter().map(|(i, r)| (i, &text[r])).collect();
        assert_eq!(got, [(0, "Rock-Solid"), (1, "Wang Yi"), (1, "WANG\nYI")]);
    }

    #[test]
    fn mined_phrase_without_commas_matches_text_with_them() {
        let text = "based on non-alliance, non-confrontation and non-targeting";
        let r = find_phrase(text, "non alliance non confrontation");
        assert_eq!(r.len(), 1);
        assert_eq!(&text[r[0].clone()], "non-alliance, non-confrontation");
    }

    #[test]
    fn find_phrase_cache_keeps_phrases_apart() {
        let text = "rock solid, no limits, mutual trust, new cold war, hegemony";
        for _ in 0..3 {
            for (p, want) in [
                ("rock solid", "rock solid"),
                ("no limits", "no limits"),
                ("mutual trust", "mutual trust"),
                ("cold war", "cold war"),
                ("hegemony", "hegemony"),
                ("rock-solid", "rock solid"),
            ] {
                let r = find_phrase(text, p);
                assert_eq!(r.len(), 1, "{p}");
                assert_eq!(&text[r[0].clone()], want);
            }
        }
    }

    #[test]
    fn empty_phrase_finds_nothing() {
        assert!(find_phrase("anything", "").is_empty());
        assert!(PhraseFinder::new::<&str>(&[]).find("anything").is_empty());
        assert!(PhraseFinder::new(&["", " “ ” "]).is_empty());
        assert_eq!(PhraseFinder::new(&["a-b", "A B", "c"]).len(), 2);
    }

    #[test]
    fn overlapping_phrases_do_not_overlap_in_results() {
        let f = PhraseFinder::new(&["foreign minister", "chinese foreign minister wang yi"]);
        let text = "Chinese Foreign Minister Wang Yi met the Russian foreign minister.";
        let got: Vec<(usize, &str)> = f.find(text).into_iter().map(|(i, r)| (i, &text[r])).collect();
        assert_eq!(
            got,
            [(1, "Chinese Foreign Minister Wang Yi"), (0, "foreign minister")]
        );
    }

    #[test]
    fn find_many_is_find_on_each() {
        let f = PhraseFinder::new(&["wang yi"]);
        let texts = vec!["Wang Yi".to_string(), "nothing".into(), "wang-yi, Wang Yi".into()];
        let many = f.find_many(&texts);
        assert_eq!(many.iter().map(Vec::len).collect::<Vec<_>>(), [1, 0, 2]);
    }

    #[test]
    fn duplicates_report_the_first_index() {
        let f = PhraseFinder::new(&["Rock solid", "rock-solid"]);
        assert_eq!(f.find("rock solid"), [(0, 0..10)]);
    }
}
