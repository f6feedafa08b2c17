//! The most-similar list: the other articles ranked by how much text they
//! share with one article (MinHash estimate); Enter compares the pair.

use super::state::View;
use super::{Action, App};
use crate::store::ArticleId;

/// How many similar articles the list shows.
const LIMIT: usize = 200;

/// State of the most-similar list.
#[derive(Debug, Clone, Default)]
pub struct SimilarState {
    pub source: ArticleId,
    /// (article, estimated resemblance 0..=1), best first.
    pub results: Vec<(ArticleId, f64)>,
    pub selected: usize,
    pub offset: usize,
}

impl App {
    /// The `f` key: the articles most similar to the selected (or open) one.
    pub fn open_similar(&mut self) {
        let source = match self.focus {
            super::Focus::Reader => self.reader.article,
            super::Focus::List => self.selected_article().map(|a| a.id),
        };
        let Some(source) = source else { return };
        let results: Vec<(ArticleId, f64)> = self
            .index
            .similarity()
            .most_similar(source, LIMIT * 2)
            .into_iter()
            .filter(|(id, _)| self.index.is_live(*id))
            .take(LIMIT)
            .collect();
        if results.is_empty() {
            self.message = Some("no other article shares text with this one".into());
            return;
        }
        self.similar = Some(SimilarState {
            source,
            results,
            selected: 0,
            offset: 0,
        });
        self.push_view(View::Similar);
    }

    /// Rows visible in the similar list.
    pub fn similar_height(&self) -> usize {
        let main = super::layout::main_area(
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
            self.input_open,
        );
        usize::from(super::layout::list_rows(main).height).max(1)
    }

    pub(super) fn update_similar(&mut self, action: Action) -> bool {
        let h = self.similar_height();
        let Some(s) = self.similar.as_mut() else {
            return false;
        };
        let n = s.results.len();
        let mut go = |delta: isize| {
            s.selected = (s.selected as isize + delta).clamp(0, n.saturating_sub(1) as isize) as usize;
            if s.selected < s.offset {
                s.offset = s.selected;
            } else if s.selected >= s.offset + h {
                s.offset = s.selected + 1 - h;
            }
        };
        match action {
            Action::Down => go(1),
            Action::Up => go(-1),
            Action::PageDown => go(h as isize),
            Action::PageUp => go(-(h as isize)),
            Action::HalfPageDown => go((h / 2).max(1) as isize),
            Action::HalfPageUp => go(-((h / 2).max(1) as isize)),
            Action::Top => go(isize::MIN / 2),
            Action::Bottom => go(isize::MAX / 2),
            Action::ScrollAt { lines, .. } => go(lines as isize),
            Action::Open => {
                let (src, pick) = (s.source, s.results.get(s.selected).map(|r| r.0));
                if let Some(b) = pick {
                    self.open_compare(src, b);
                }
            }
            Action::Back => self.pop_view(),
            Action::Quit | Action::ToggleHelp | Action::ShowIssues | Action::Resize(..) => return false,
            _ => {}
        }
        true
    }
}
