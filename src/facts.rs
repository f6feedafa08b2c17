//! What the analyses find in one article, computed where the article is
//! read (a loader or watcher thread, on all cores) so that the UI thread only
//! stores results. Domain only.

use crate::analysis::reuse::Sketch;
use crate::analysis::speakers::{Extractor, Quote};
use crate::store::Article;

/// The per-article analyses to run.
#[derive(Debug, Clone, Copy)]
pub struct Analyzer {
    extractor: &'static Extractor,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// One article's analysis results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// Its MinHash sketch, for the most-similar list.
    pub sketch: Sketch,
    /// Who is quoted, saying what (byte ranges into the body).
    pub quotes: Vec<Quote>,
}

impl Analyzer {
    pub fn new() -> Analyzer {
        Analyzer {
            extractor: Extractor::shared(),
        }
    }

    pub fn extractor(&self) -> &'static Extractor {
        self.extractor
    }

    /// Analyses one article.
    pub fn facts(&self, article: &Article) -> Facts {
        Facts {
            sketch: Sketch::of(&article.body),
            quotes: self.extractor.extract(&article.body),
        }
    }

    /// Analyses many, on all cores.
    pub fn facts_all(&self, articles: &[Article]) -> Vec<Facts> {
        use rayon::prelude::*;
        articles.par_iter().map(|a| self.facts(a)).collect()
    }
}
