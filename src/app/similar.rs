//! The most-similar list: the other articles ranked by the story similarity
//! and by what compare finds between them ([`rank_similar`]), so it agrees
//! with the compare view; Enter compares the pair. The ranking runs off the
//! UI thread (see [`super::stories`]): the list shows its progress until
//! the results arrive.
//!
//! [`rank_similar`]: crate::analysis::stories::rank_similar

use super::screen::{Env, Outcome, Pane};
use super::{Action, Context, Cursor, Keys};
use crate::analysis::stories::Similar;
use crate::store::ArticleId;

/// State of the most-similar list.
#[derive(Debug, Clone, Default)]
pub struct SimilarState {
    pub source: ArticleId,
    /// The ranking awaited (none: it arrived).
    pub waiting: Option<u64>,
    /// Best first.
    pub results: Vec<Similar>,
    pub cursor: Cursor,
}

impl SimilarState {
    /// A list for `source` waiting for ranking `seq`.
    pub fn waiting(source: ArticleId, seq: u64) -> SimilarState {
        SimilarState {
            source,
            waiting: Some(seq),
            ..SimilarState::default()
        }
    }

    /// The ranking arrived.
    pub fn arrived(&mut self, results: Vec<Similar>) {
        self.waiting = None;
        self.results = results.into_iter().filter(|r| r.id != self.source).collect();
        self.cursor = Cursor::default();
    }

    /// Rows visible in the list.
    pub fn height(env: &Env) -> usize {
        usize::from(super::layout::list_rows(env.main_area()).height).max(1)
    }
}

impl Pane for SimilarState {
    fn keys(&self) -> Keys {
        Keys::of(&[Context::Similar])
    }

    fn context(&self) -> Context {
        Context::Similar
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        if self
            .cursor
            .navigate(action, self.results.len(), Self::height(env))
        {
            return Outcome::Handled;
        }
        match action {
            Action::Open => match self.results.get(self.cursor.selected) {
                Some(r) => Outcome::Compare(self.source, r.id),
                None => Outcome::Handled,
            },
            Action::Back => Outcome::Pop,
            _ => Outcome::Ignored,
        }
    }

    // -- taking things out (issue 17: app/takeout.rs)
    fn selected_article(&self, _env: &Env) -> Option<crate::store::ArticleId> {
        self.selection()
    }
    fn copy_text(&self, env: &Env) -> Option<String> {
        Some(super::article_text(env.index.article(self.selection()?)?))
    }
}
