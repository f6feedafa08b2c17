//! The compare view: two articles side by side with their shared passages
//! marked, scrolled together or apart, jumping from passage to passage.
//! Beyond verbatim (issue 15): the sentences the two say in other words
//! (reworded pairs) are marked too and jumped to with the passages, the
//! words that differ inside a passage are marked, and `v` shows each
//! side's speakers (quotes aligned) and formulas instead of the texts.

use ratatui::layout::{Position, Rect};

use super::layout::{self, CompareAreas};
use super::screen::{Env, Outcome, Pane, Screen};
use super::{Action, App, Context, Highlight, HlKind, Keys, ReaderState};
use crate::analysis::reuse::{self, Comparison, Reworded};
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
    /// The mark last jumped to (an index into `jumps`).
    pub current: Option<usize>,
    /// Sentence pairs said in other words (issue 15).
    pub reworded: Vec<Reworded>,
    /// Passages and reworded pairs in A's order: what n/N jump through.
    pub jumps: Vec<Jump>,
    /// The speakers and formulas page (`v`), once asked for, at a width.
    pub sides: Option<(u16, Vec<super::SideLine>)>,
    /// That page is shown instead of the texts.
    pub show_sides: bool,
    /// Its first line shown.
    pub sides_scroll: usize,
}

/// A place n/N jump to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// A shared passage, by index.
    Passage(usize),
    /// A reworded sentence pair, by index.
    Reworded(usize),
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
        let reworded = reuse::reworded(&art_a.body, &art_b.body, &comparison.passages);
        let areas = self.env().compare_areas();
        let side = |art: &crate::store::Article, pane: Rect, on_a: bool| {
            // shared passages, with the phrase highlights over them
            let pick = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
                if on_a { a.clone() } else { b.clone() }
            };
            let mut highlights: Vec<Highlight> = comparison
                .passages
                .iter()
                .enumerate()
                .map(|(i, p)| Highlight {
                    range: pick(&p.a, &p.b),
                    kind: HlKind::Passage(i as u16),
                })
                .collect();
            // beyond verbatim: the words differing inside passages, the
            // sentences reworded
            highlights.extend(comparison.passages.iter().flat_map(|p| {
                p.diffs.iter().map(|d| Highlight {
                    range: pick(&d.a, &d.b),
                    kind: HlKind::Diff,
                })
            }));
            highlights.extend(reworded.iter().enumerate().map(|(i, r)| Highlight {
                range: pick(&r.a, &r.b),
                kind: HlKind::Reworded(i as u16),
            }));
            highlights.extend(self.article_highlights(art));
            let matches = self.query_ranges(art);
            let mut r = ReaderState::default();
            r.open(art, layout::pane_text(pane).width, matches, highlights);
            r
        };
        let mut jumps: Vec<(usize, Jump)> = comparison
            .passages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.a.start, Jump::Passage(i)))
            .chain(
                reworded
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.a.start, Jump::Reworded(i))),
            )
            .collect();
        jumps.sort_by_key(|j| j.0);
        let state = CompareState {
            a: side(art_a, areas.a, true),
            b: side(art_b, areas.b, false),
            comparison,
            locked: true,
            side: Side::A,
            current: None,
            reworded,
            jumps: jumps.into_iter().map(|j| j.1).collect(),
            sides: None,
            show_sides: false,
            sides_scroll: 0,
        };
        self.push(Screen::Compare(Box::new(state)));
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
        // the keys named as the user's keymap has them
        let keys = self.keys();
        let key = |a| self.keymap.key_for(&keys, a).unwrap_or_else(|| "?".into());
        let (mark, compare) = (key(Action::ToggleMark), key(Action::Compare));
        self.message = Some(match self.marks.len() {
            0 => "no article marked".into(),
            1 => format!("marked A; mark another ({mark}) or select one, then {compare} to compare"),
            _ => format!("marked A and B; {compare} compares them"),
        });
    }
}

impl CompareState {
    /// The ranges in A and B of a place to jump to.
    pub fn jump_ranges(&self, j: Jump) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        match j {
            Jump::Passage(i) => self
                .comparison
                .passages
                .get(i)
                .map(|p| (p.a.clone(), p.b.clone())),
            Jump::Reworded(i) => self.reworded.get(i).map(|r| (r.a.clone(), r.b.clone())),
        }
    }

    /// "passage 2/5", "reworded 1/3": the place jumped to, counted among its kind.
    pub fn jump_label(&self) -> Option<String> {
        Some(match *self.jumps.get(self.current?)? {
            Jump::Passage(i) => format!("passage {}/{}", i + 1, self.comparison.passages.len()),
            Jump::Reworded(i) => format!("reworded {}/{}", i + 1, self.reworded.len()),
        })
    }

    /// Lines of the speakers and formulas page shown at once.
    fn sides_height(env: &Env) -> usize {
        let areas = env.compare_areas();
        usize::from(areas.a.union(areas.b).height.saturating_sub(2)).max(1)
    }

    /// Makes the speakers and formulas page for the width shown (again
    /// when the width changed).
    fn make_sides(&mut self, env: &Env) {
        let areas = env.compare_areas();
        let width = areas.a.union(areas.b).width.saturating_sub(4);
        if self.sides.as_ref().is_some_and(|s| s.0 == width) {
            return;
        }
        let (Some(a), Some(b)) = (
            self.a.article.and_then(|id| env.index.article(id)),
            self.b.article.and_then(|id| env.index.article(id)),
        ) else {
            return;
        };
        let ex = crate::analysis::speakers::Extractor::shared();
        let (qa, qb) = (ex.extract(&a.body), ex.extract(&b.body));
        let speakers = crate::analysis::sides::speakers(&a.body, &qa, &b.body, &qb, |s| ex.key(s));
        let mined: Vec<&str> = env
            .index
            .mined()
            .iter()
            .filter(|m| m.underlined())
            .map(|m| m.phrase.as_str())
            .collect();
        let formulas = crate::analysis::sides::formulas(&a.body, &b.body, env.index.book(), &mined);
        let lines = super::side_lines(&a.body, &b.body, &speakers, &formulas, usize::from(width));
        self.sides = Some((width, lines));
    }

    fn scroll_sides(&mut self, delta: isize, env: &Env) {
        let n = self.sides.as_ref().map_or(0, |s| s.1.len());
        let max = n.saturating_sub(Self::sides_height(env));
        self.sides_scroll = super::cursor::scrolled(self.sides_scroll, delta, max);
    }

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
        if action == Action::ToggleSides {
            self.show_sides = !self.show_sides;
            if self.show_sides {
                self.make_sides(env);
            }
            return Outcome::Handled;
        }
        if self.show_sides {
            let page = Self::sides_height(env).saturating_sub(1).max(1) as isize;
            match action {
                Action::Down => self.scroll_sides(1, env),
                Action::Up => self.scroll_sides(-1, env),
                Action::PageDown => self.scroll_sides(page, env),
                Action::PageUp => self.scroll_sides(-page, env),
                Action::HalfPageDown => self.scroll_sides((page / 2).max(1), env),
                Action::HalfPageUp => self.scroll_sides(-(page / 2).max(1), env),
                Action::Top => self.scroll_sides(isize::MIN / 2, env),
                Action::Bottom => self.scroll_sides(isize::MAX / 2, env),
                Action::ScrollAt { lines, .. } => self.scroll_sides(isize::from(lines), env),
                Action::Back => self.show_sides = false,
                _ => return Outcome::Ignored,
            }
            return Outcome::Handled;
        }
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
                let n = self.jumps.len();
                if n == 0 {
                    return Outcome::Say(
                        "these two articles share no passage and no sentence in other words".into(),
                    );
                }
                let next = match (self.current, action == Action::NextPassage) {
                    (Some(i), true) => (i + 1) % n,
                    (Some(i), false) => (i + n - 1) % n,
                    (None, true) => 0,
                    (None, false) => n - 1,
                };
                self.current = Some(next);
                if let Some((ra, rb)) = self.jump_ranges(self.jumps[next]) {
                    self.a.reveal(ra.start, ha);
                    self.b.reveal(rb.start, hb);
                }
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
        if self.show_sides {
            self.make_sides(env);
            self.scroll_sides(0, env);
        } else {
            self.sides = None;
        }
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
