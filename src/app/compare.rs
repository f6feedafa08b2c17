//! The compare view: two articles side by side with their shared passages
//! marked, scrolled together or apart, jumping from passage to passage.

use ratatui::layout::{Position, Rect};

use super::layout::{self, CompareAreas};
use super::screen::{Env, Outcome, Pane, Screen};
use super::{Action, App, Context, Highlight, HlKind, Keys, ReaderState};
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

impl Env<'_> {
    /// Where the compare view's header and sides go.
    pub fn compare_areas(&self) -> CompareAreas {
        layout::compare_areas(Rect::new(0, 0, self.size.0, self.size.1), self.input_open)
    }

    /// Lines of text shown in each side of the compare view.
    fn compare_heights(&self) -> (usize, usize) {
        let areas = self.compare_areas();
        (
            usize::from(layout::pane_text(areas.a).height),
            usize::from(layout::pane_text(areas.b).height),
        )
    }
}

impl App {
    /// Opens the compare view for two articles.
    pub fn open_compare(&mut self, a: ArticleId, b: ArticleId) {
        let (Some(art_a), Some(art_b)) = (self.index.article(a), self.index.article(b)) else {
            return;
        };
        let comparison = reuse::compare(&art_a.body, &art_b.body);
        let areas = self.env().compare_areas();
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
                let matches = self.query_ranges(art);
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
        self.push(Screen::Compare(state));
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
}

impl CompareState {
    fn scroll(&mut self, delta: isize, (ha, hb): (usize, usize)) {
        if self.locked || self.side == Side::A {
            self.a.scroll_by(delta, ha);
        }
        if self.locked || self.side == Side::B {
            self.b.scroll_by(delta, hb);
        }
    }
}

impl Pane for CompareState {
    fn keys(&self) -> Keys {
        Keys::of(&[Context::Compare])
    }

    fn context(&self) -> Context {
        Context::Compare
    }

    fn update(&mut self, action: Action, env: &Env) -> Outcome {
        let heights = env.compare_heights();
        let (ha, hb) = heights;
        let page = ha.min(hb).saturating_sub(1).max(1) as isize;
        match action {
            Action::Down => self.scroll(1, heights),
            Action::Up => self.scroll(-1, heights),
            Action::PageDown => self.scroll(page, heights),
            Action::PageUp => self.scroll(-page, heights),
            Action::HalfPageDown => self.scroll((page / 2).max(1), heights),
            Action::HalfPageUp => self.scroll(-(page / 2).max(1), heights),
            Action::Top => self.scroll(isize::MIN / 2, heights),
            Action::Bottom => self.scroll(isize::MAX / 2, heights),
            Action::FocusNext | Action::FocusPrev => {
                self.side = match self.side {
                    Side::A => Side::B,
                    Side::B => Side::A,
                };
                if self.locked {
                    return Outcome::Say("the sides scroll together; L unlocks them".into());
                }
            }
            Action::ToggleLock => {
                self.locked = !self.locked;
                return Outcome::Say(
                    if self.locked {
                        "scrolling locked"
                    } else {
                        "scrolling unlocked"
                    }
                    .into(),
                );
            }
            Action::NextPassage | Action::PrevPassage => {
                let n = self.comparison.passages.len();
                if n == 0 {
                    return Outcome::Say("these two articles share no passage".into());
                }
                let next = match (self.current, action == Action::NextPassage) {
                    (Some(i), true) => (i + 1) % n,
                    (Some(i), false) => (i + n - 1) % n,
                    (None, true) => 0,
                    (None, false) => n - 1,
                };
                self.current = Some(next);
                let p = self.comparison.passages[next].clone();
                self.a.reveal(p.a.start, ha);
                self.b.reveal(p.b.start, hb);
            }
            Action::ScrollAt { x, y, lines } => {
                let areas = env.compare_areas();
                let pos = Position { x, y };
                let lines = isize::from(lines);
                if self.locked {
                    self.scroll(lines, heights);
                } else if areas.a.contains(pos) {
                    self.a.scroll_by(lines, ha);
                } else if areas.b.contains(pos) {
                    self.b.scroll_by(lines, hb);
                }
            }
            Action::Back => return Outcome::Pop,
            _ => return Outcome::Ignored,
        }
        Outcome::Handled
    }

    /// Re-wraps both sides.
    fn resized(&mut self, env: &Env) {
        let areas = env.compare_areas();
        let (ha, hb) = env.compare_heights();
        for (r, pane, h) in [(&mut self.a, areas.a, ha), (&mut self.b, areas.b, hb)] {
            if let Some(art) = r.article.and_then(|id| env.index.article(id)) {
                r.rewrap(art, layout::pane_text(pane).width);
                r.scroll_by(0, h);
            }
        }
    }

    // -- taking things out (issue 17: app/takeout.rs)
    fn export<'a>(&'a self, env: &Env<'a>) -> Option<crate::export::ExportTable<'a>> {
        self.shown(env)
    }
    fn copy_text(&self, env: &Env) -> Option<String> {
        self.clip(env)
    }
    fn selected_article(&self, _env: &Env) -> Option<crate::store::ArticleId> {
        self.selection()
    }
}
