//! The compare view: two articles side by side with their shared passages
//! marked, scrolled together or apart, jumping from passage to passage.

use ratatui::layout::Rect;

use super::layout::{self, CompareAreas};
use super::state::View;
use super::{Action, App, Highlight, HlKind, ReaderState};
use crate::analysis::reuse::{self, Comparison};
use crate::store::ArticleId;

/// Which side keys scroll when the sides are not locked together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// State of the compare view.
#[derive(Debug, Clone)]
pub struct CompareState {
    pub comparison: Comparison,
    pub a: ReaderState,
    pub b: ReaderState,
    pub locked: bool,
    pub side: Side,
    /// The passage last jumped to.
    pub current: Option<usize>,
}

impl App {
    pub fn compare_areas(&self) -> CompareAreas {
        layout::compare_areas(Rect::new(0, 0, self.size.0, self.size.1), self.input_open)
    }

    /// Opens the compare view for two articles.
    pub fn open_compare(&mut self, a: ArticleId, b: ArticleId) {
        let (Some(art_a), Some(art_b)) = (self.index.article(a), self.index.article(b)) else {
            return;
        };
        let comparison = reuse::compare(&art_a.body, &art_b.body);
        let areas = self.compare_areas();
        let side =
            |art: &crate::store::Article, pane: Rect, pick: fn(&reuse::Passage) -> std::ops::Range<usize>| {
                // shared passages, with the phrase highlights over them
                let mut highlights: Vec<Highlight> = comparison
                    .passages
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Highlight {
                        range: pick(p),
                        kind: HlKind::Passage(i as u16),
                    })
                    .collect();
                highlights.extend(self.article_highlights(art));
                let matches = self
                    .filter
                    .matcher
                    .as_ref()
                    .map(|m| m.body_ranges(&art.body))
                    .unwrap_or_default();
                let mut r = ReaderState::default();
                r.open(art, layout::pane_text(pane).width, matches, highlights);
                r
            };
        let state = CompareState {
            a: side(art_a, areas.a, |p| p.a.clone()),
            b: side(art_b, areas.b, |p| p.b.clone()),
            comparison,
            locked: true,
            side: Side::A,
            current: None,
        };
        self.compare = Some(state);
        self.push_view(View::Compare);
    }

    /// The `c` key: the two marked articles, or the marked one and the selected one.
    pub fn compare_marked(&mut self) {
        let selected = self.selected_article().map(|a| a.id);
        let pair = match (self.marks.as_slice(), selected) {
            ([a, b], _) => Some((*a, *b)),
            ([a], Some(s)) if *a != s => Some((*a, s)),
            _ => None,
        };
        match pair {
            Some((a, b)) => self.open_compare(a, b),
            None => {
                self.message =
                    Some("mark two articles with m (or mark one and select another), then c".into())
            }
        }
    }

    /// The `m` key: marks or unmarks the selected article; a third mark
    /// replaces the oldest.
    pub fn toggle_mark(&mut self) {
        let Some(id) = self.selected_article().map(|a| a.id) else {
            return;
        };
        if let Some(pos) = self.marks.iter().position(|&m| m == id) {
            self.marks.remove(pos);
        } else {
            if self.marks.len() == 2 {
                self.marks.remove(0);
            }
            self.marks.push(id);
        }
        self.message = Some(match self.marks.len() {
            0 => "no article marked".into(),
            1 => "marked A; mark another (m) or select one, then c to compare".into(),
            _ => "marked A and B; c compares them".into(),
        });
    }

    fn compare_heights(&self) -> (usize, usize) {
        let areas = self.compare_areas();
        (
            usize::from(layout::pane_text(areas.a).height),
            usize::from(layout::pane_text(areas.b).height),
        )
    }

    /// Handles an action in the compare view. Returns false for actions
    /// that are not the view's own (quit, help, resize...).
    pub(super) fn update_compare(&mut self, action: Action) -> bool {
        let (ha, hb) = self.compare_heights();
        let Some(c) = self.compare.as_mut() else {
            return false;
        };
        let page = ha.min(hb).saturating_sub(1).max(1) as isize;
        let scroll = |c: &mut CompareState, delta: isize| {
            if c.locked || c.side == Side::A {
                c.a.scroll_by(delta, ha);
            }
            if c.locked || c.side == Side::B {
                c.b.scroll_by(delta, hb);
            }
        };
        match action {
            Action::Down => scroll(c, 1),
            Action::Up => scroll(c, -1),
            Action::PageDown => scroll(c, page),
            Action::PageUp => scroll(c, -page),
            Action::HalfPageDown => scroll(c, (page / 2).max(1)),
            Action::HalfPageUp => scroll(c, -(page / 2).max(1)),
            Action::Top => scroll(c, isize::MIN / 2),
            Action::Bottom => scroll(c, isize::MAX / 2),
            Action::FocusNext | Action::FocusPrev => {
                c.side = match c.side {
                    Side::A => Side::B,
                    Side::B => Side::A,
                };
                if c.locked {
                    self.message = Some("the sides scroll together; L unlocks them".into());
                }
            }
            Action::ToggleLock => {
                c.locked = !c.locked;
                self.message = Some(
                    if c.locked {
                        "scrolling locked"
                    } else {
                        "scrolling unlocked"
                    }
                    .into(),
                );
            }
            Action::NextPassage | Action::PrevPassage => {
                let n = c.comparison.passages.len();
                if n == 0 {
                    self.message = Some("these two articles share no passage".into());
                    return true;
                }
                let next = match (c.current, action == Action::NextPassage) {
                    (Some(i), true) => (i + 1) % n,
                    (Some(i), false) => (i + n - 1) % n,
                    (None, true) => 0,
                    (None, false) => n - 1,
                };
                c.current = Some(next);
                let p = c.comparison.passages[next].clone();
                c.a.reveal(p.a.start, ha);
                c.b.reveal(p.b.start, hb);
            }
            Action::ScrollAt { x, y, lines } => {
                let areas = layout::compare_areas(Rect::new(0, 0, self.size.0, self.size.1), self.input_open);
                let pos = ratatui::layout::Position { x, y };
                if c.locked {
                    scroll(c, lines as isize);
                } else if areas.a.contains(pos) {
                    c.a.scroll_by(lines as isize, ha);
                } else if areas.b.contains(pos) {
                    c.b.scroll_by(lines as isize, hb);
                }
            }
            Action::Resize(..) => return false,
            Action::Back => self.pop_view(),
            Action::Quit | Action::ToggleHelp | Action::ShowIssues => return false,
            _ => {}
        }
        true
    }

    /// Re-wraps both sides after a resize.
    pub(super) fn resize_compare(&mut self) {
        let areas = self.compare_areas();
        let (ha, hb) = self.compare_heights();
        let Some(c) = self.compare.as_mut() else { return };
        for (r, pane, h) in [(&mut c.a, areas.a, ha), (&mut c.b, areas.b, hb)] {
            if let Some(art) = r.article.and_then(|id| self.index.article(id)) {
                r.rewrap(art, layout::pane_text(pane).width);
                r.scroll_by(0, h);
            }
        }
    }

    pub(super) fn push_view(&mut self, view: View) {
        if self.view != view {
            self.view_stack.push(self.view);
        }
        self.view = view;
    }

    pub(super) fn pop_view(&mut self) {
        self.view = self.view_stack.pop().unwrap_or(View::Main);
    }
}
