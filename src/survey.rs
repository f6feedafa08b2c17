//! Surveys of the corpus by outlet and period: which outlets use which
//! formula ([`outlets`]), what a set of articles says more or less often
//! than the rest ([`keyness`]), and how often, when and where a query's
//! articles appear ([`timeline`]). Pure functions over the [`Index`](crate::index::Index);
//! the TUI and the headless commands share them.

pub mod keyness;
pub mod outlets;
pub mod snapshot;
pub mod terms;
pub mod timeline;

pub use keyness::{KeyTerm, Keyness, KeynessOptions, Reference, TermKind, keyness};
pub use outlets::{Column, OutletOptions, OutletRow, OutletTable, outlet_table};
pub use snapshot::{Snapshot, SnapshotBuilder};
pub use terms::Terms;
pub use timeline::{Series, Step, Timeline, TimelineOptions, timeline};

/// The row name of articles whose outlet is unknown.
pub const UNKNOWN_OUTLET: &str = "(unknown)";

use crate::analysis::phrases::MinedPhrase;
use crate::index::Index;
use crate::store::{ArticleId, Date};

/// What the surveys read of the articles: the [`Index`], or a
/// [`Snapshot`] of it that another thread can own (the TUI computes big
/// surveys on a worker thread).
pub trait SurveyData {
    /// Article ids are `0..len()`.
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn is_live(&self, id: ArticleId) -> bool;
    /// The article's outlet.
    fn source(&self, id: ArticleId) -> Option<&str>;
    fn date_of(&self, id: ArticleId) -> Option<Date>;
    /// Per article id: [`Date::key`], or [`crate::store::UNDATED`].
    fn date_keys(&self) -> &[u32];
    fn family_labels(&self) -> &[String];
    /// Every label and variant of the families, normalised
    /// ([`PhraseBook::forms`](crate::analysis::phrases::PhraseBook::forms)).
    fn curated_forms(&self) -> std::collections::HashSet<String>;
    /// The families found in an article, ascending.
    fn families_of(&self, id: ArticleId) -> &[u16];
    /// The families found in an article with their occurrences.
    fn family_counts_of(&self, id: ArticleId) -> impl Iterator<Item = (u16, u32)> + '_;
    fn mined(&self) -> &[MinedPhrase];
}

impl SurveyData for Index {
    fn len(&self) -> usize {
        Index::len(self)
    }
    fn is_live(&self, id: ArticleId) -> bool {
        Index::is_live(self, id)
    }
    fn source(&self, id: ArticleId) -> Option<&str> {
        self.article(id).and_then(|a| a.meta.source.as_deref())
    }
    fn date_of(&self, id: ArticleId) -> Option<Date> {
        Index::date_of(self, id)
    }
    fn date_keys(&self) -> &[u32] {
        Index::date_keys(self)
    }
    fn family_labels(&self) -> &[String] {
        Index::family_labels(self)
    }
    fn curated_forms(&self) -> std::collections::HashSet<String> {
        self.book().forms()
    }
    fn families_of(&self, id: ArticleId) -> &[u16] {
        Index::families_of(self, id)
    }
    fn family_counts_of(&self, id: ArticleId) -> impl Iterator<Item = (u16, u32)> + '_ {
        Index::family_counts_of(self, id)
    }
    fn mined(&self) -> &[MinedPhrase] {
        Index::mined(self)
    }
}
