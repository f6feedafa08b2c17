//! What the analyses find in one article, computed where the article is
//! read (a loader or watcher thread, on all cores) so that the UI thread only
//! stores results. Each part is optional: a headless command computes only
//! what it prints or filters on, and the TUI computes the costly parts in
//! later loading phases. Domain only.

use crate::analysis::reuse::Sketch;
use crate::analysis::speakers::{Extractor, Quote};
use crate::store::Article;

/// Which per-article analyses to run.
#[derive(Debug, Clone, Copy)]
pub struct Analyzer {
    extractor: &'static Extractor,
    /// MinHash sketches for the most-similar list.
    pub sketches: bool,
    /// Quote and speaker extraction.
    pub quotes: bool,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// One article's analysis results; `None` where that analysis did not run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Its MinHash sketch, for the most-similar list.
    pub sketch: Option<Sketch>,
    /// Who is quoted, saying what (byte ranges into the body).
    pub quotes: Option<Vec<Quote>>,
}

impl Analyzer {
    /// Every analysis.
    pub fn new() -> Analyzer {
        Analyzer {
            extractor: Extractor::shared(),
            sketches: true,
            quotes: true,
        }
    }

    /// No analysis: articles only.
    pub fn none() -> Analyzer {
        Analyzer {
            sketches: false,
            quotes: false,
            ..Analyzer::new()
        }
    }

    /// This analyzer with only the given analyses on.
    pub fn only(self, sketches: bool, quotes: bool) -> Analyzer {
        Analyzer {
            sketches,
            quotes,
            ..self
        }
    }

    pub fn extractor(&self) -> &'static Extractor {
        self.extractor
    }

    /// True when nothing is to be computed.
    pub fn is_empty(&self) -> bool {
        !self.sketches && !self.quotes
    }

    /// Analyses one article.
    pub fn facts(&self, article: &Article) -> Facts {
        self.facts_of(&article.body)
    }

    /// Analyses one article's text.
    pub fn facts_of(&self, body: &str) -> Facts {
        Facts {
            sketch: self.sketches.then(|| Sketch::of(body)),
            quotes: self.quotes.then(|| self.extractor.extract(body)),
        }
    }

    /// Analyses many, on all cores.
    pub fn facts_all(&self, articles: &[Article]) -> Vec<Facts> {
        use rayon::prelude::*;
        articles.par_iter().map(|a| self.facts(a)).collect()
    }
}
