//! The most-similar list: the other articles ranked by how much text they
//! share with one article (MinHash estimate); Enter compares the pair.

use super::screen::{Env, Outcome, Pane};
use super::{Action, Context, Cursor, Keys};
use crate::index::Index;
use crate::store::ArticleId;

/// How many similar articles the list shows.
const LIMIT: usize = 200;

/// State of the most-similar list.
#[derive(Debug, Clone, Default)]
pub struct SimilarState {
    pub source: ArticleId,
    /// (article, estimated resemblance 0..=1), best first.
    pub results: Vec<(ArticleId, f64)>,
    pub cursor: Cursor,
}

impl SimilarState {
    /// The articles most similar to `source`; none when no other shares text.
    pub fn new(index: &Index, source: ArticleId) -> Option<SimilarState> {
        let results: Vec<(ArticleId, f64)> = index
            .similarity()
            .most_similar(source, LIMIT * 2)
            .into_iter()
            .filter(|(id, _)| index.is_live(*id))
            .take(LIMIT)
            .collect();
        (!results.is_empty()).then(|| SimilarState {
            source,
            results,
            cursor: Cursor::default(),
        })
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
        let h = Self::height(env);
        let (n, hi) = (self.results.len(), h as isize);
        let half = (hi / 2).max(1);
        let mut go = |delta: isize| self.cursor.move_by(delta, n, h);
        match action {
            Action::Down => go(1),
            Action::Up => go(-1),
            Action::PageDown => go(hi),
            Action::PageUp => go(-hi),
            Action::HalfPageDown => go(half),
            Action::HalfPageUp => go(-half),
            Action::Top => go(isize::MIN / 2),
            Action::Bottom => go(isize::MAX / 2),
            Action::ScrollAt { lines, .. } => go(isize::from(lines)),
            Action::Open => {
                if let Some(&(b, _)) = self.results.get(self.cursor.selected) {
                    return Outcome::Compare(self.source, b);
                }
            }
            Action::Back => return Outcome::Pop,
            _ => return Outcome::Ignored,
        }
        Outcome::Handled
    }

    // -- taking things out (issue 17: app/takeout.rs)
    fn selected_article(&self, _env: &Env) -> Option<crate::store::ArticleId> {
        self.selection()
    }
    fn copy_text(&self, env: &Env) -> Option<String> {
        Some(super::article_text(env.index.article(self.selection()?)?))
    }
}
