//! What the analyses find in one article, computed where the article is
//! read (a loader or watcher thread, on all cores) so that the UI thread only
//! stores results. Each part is optional: a headless command computes only
//! what it prints or filters on, and the TUI computes the costly parts in
//! later loading phases. Domain only.

use std::sync::Arc;

use crate::analysis::phrases::PhraseBook;
use crate::analysis::reuse::Sketch;
use crate::analysis::speakers::{Extractor, Quote};
use crate::state::ContentHash;
use crate::store::Article;

/// Speakers and quotes are looked for in an article's first this many bytes
/// (the extraction's cost grows faster than the length; a news article is a
/// few kilobytes): the loader reports each article it bounds.
pub const MAX_QUOTE_BODY: usize = crate::store::QUOTES_BOUND;

/// The bundled phrase families, compiled once per process.
pub fn bundled_book() -> Arc<PhraseBook> {
    static BUNDLED: std::sync::OnceLock<Arc<PhraseBook>> = std::sync::OnceLock::new();
    BUNDLED.get_or_init(|| Arc::new(PhraseBook::bundled())).clone()
}

/// Terms counted in each article as it is read (the query's
/// `TermCounter` is one). A trait here, below the query language, so that
/// per-article facts do not depend on the query module, which depends on the
/// index built from them.
pub trait TermCount: std::fmt::Debug + Send + Sync {
    /// True when there is nothing to count.
    fn is_empty(&self) -> bool;
    /// Each term's matches in `body`.
    fn count(&self, body: &str) -> Vec<u32>;
}

/// Which per-article analyses to run.
#[derive(Debug, Clone)]
pub struct Analyzer {
    book: Arc<PhraseBook>,
    /// Curated phrase families.
    pub families: bool,
    /// MinHash sketches for the most-similar list.
    pub sketches: bool,
    /// Quote and speaker extraction.
    pub quotes: bool,
    /// A query's body terms to count (a one-shot listing).
    terms: Option<Arc<dyn TermCount>>,
    /// The text's content hash (the state store's key).
    pub hashes: bool,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// One article's analysis results; `None` where that analysis did not run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Its MinHash sketch, for the most-similar list (boxed: facts travel
    /// in vectors, most without a sketch).
    pub sketch: Option<Box<Sketch>>,
    /// Who is quoted, saying what (byte ranges into the body).
    pub quotes: Option<Vec<Quote>>,
    /// The curated phrase families it contains: (family id, occurrences).
    pub families: Option<Vec<(u16, u32)>>,
    /// Matches of each of the analyzer's query terms ([`TermCount::count`]).
    pub terms: Option<Vec<u32>>,
    /// The text's content hash, the state store's key ([`ContentHash`]).
    pub hash: Option<ContentHash>,
}

impl Analyzer {
    /// Every analysis.
    /// Cheap: the speaker extractor is built on first use, on the thread
    /// that first analyses (never the UI thread).
    pub fn new() -> Analyzer {
        Analyzer {
            book: bundled_book(),
            families: true,
            sketches: true,
            quotes: true,
            terms: None,
            hashes: false,
        }
    }

    /// No analysis: articles only.
    pub fn none() -> Analyzer {
        Analyzer {
            sketches: false,
            quotes: false,
            families: false,
            ..Analyzer::new()
        }
    }

    /// This analyzer with another phrase book (a user's `--phrases` file).
    pub fn with_book(self, book: Arc<PhraseBook>) -> Analyzer {
        Analyzer { book, ..self }
    }

    /// This analyzer with phrase families on or off.
    pub fn with_families(self, families: bool) -> Analyzer {
        Analyzer { families, ..self }
    }

    /// This analyzer counting the body terms of a query too.
    pub fn with_terms(self, terms: impl TermCount + 'static) -> Analyzer {
        let terms = (!terms.is_empty()).then(|| Arc::new(terms) as Arc<dyn TermCount>);
        Analyzer { terms, ..self }
    }

    /// This analyzer hashing each text too (for the state store).
    pub fn with_hashes(self, hashes: bool) -> Analyzer {
        Analyzer { hashes, ..self }
    }

    /// The phrase families matched.
    pub fn book(&self) -> &Arc<PhraseBook> {
        &self.book
    }

    /// This analyzer with sketches and quotes set as given (families as they are).
    pub fn only(self, sketches: bool, quotes: bool) -> Analyzer {
        Analyzer {
            sketches,
            quotes,
            ..self
        }
    }

    pub fn extractor(&self) -> &'static Extractor {
        Extractor::shared()
    }

    /// True when nothing is to be computed.
    pub fn is_empty(&self) -> bool {
        !self.sketches && !self.quotes && !self.families && self.terms.is_none() && !self.hashes
    }

    /// Analyses one article.
    pub fn facts(&self, article: &Article) -> Facts {
        self.facts_of(&article.body)
    }

    /// Analyses one article's text.
    pub fn facts_of(&self, body: &str) -> Facts {
        Facts {
            sketch: self.sketches.then(|| Box::new(Sketch::of(body))),
            quotes: self
                .quotes
                .then(|| Extractor::shared().extract(crate::store::analysed_part(body))),
            families: self.families.then(|| family_counts(&self.book, body)),
            terms: self.terms.as_ref().map(|t| t.count(body)),
            hash: self.hashes.then(|| ContentHash::of(body)),
        }
    }

    /// Analyses many, on all cores.
    pub fn facts_all(&self, articles: &[Article]) -> Vec<Facts> {
        use rayon::prelude::*;
        articles.par_iter().map(|a| self.facts(a)).collect()
    }
}

/// (family id, occurrences) of each curated family in `body`.
pub fn family_counts(book: &PhraseBook, body: &str) -> Vec<(u16, u32)> {
    let mut counts: Vec<(u16, u32)> = Vec::new();
    for m in book.find(body) {
        let f = m.family as u16;
        match counts.iter_mut().find(|(id, _)| *id == f) {
            Some((_, n)) => *n += 1,
            None => counts.push((f, 1)),
        }
    }
    counts.sort_unstable();
    counts
}
