//! The one place state changes: events become actions, actions change state.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::{Action, App, Context, Focus, HlKind, InputEdit, Overlay, View};

impl App {
    /// Turns a terminal event into an action, if it means one.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.action_for_key(key),
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Some(Action::ScrollAt {
                    x: m.column,
                    y: m.row,
                    lines: 3,
                }),
                MouseEventKind::ScrollUp => Some(Action::ScrollAt {
                    x: m.column,
                    y: m.row,
                    lines: -3,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt {
                    x: m.column,
                    y: m.row,
                }),
                _ => None,
            },
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            _ => None,
        }
    }

    fn action_for_key(&self, key: &KeyEvent) -> Option<Action> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        let typing_context = if self.input_open {
            Some(Context::Input)
        } else {
            match self.view {
                View::Speakers => Some(Context::Speakers),
                View::Quotes => Some(Context::Quotes),
                View::Phrases => Some(Context::Phrases),
                View::Kwic => Some(Context::Kwic),
                _ => None,
            }
        };
        if let Some(context) = typing_context {
            if let Some(a) = self.keymap.action_exact(context, key) {
                return Some(a);
            }
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            let edit = match key.code {
                KeyCode::Char('w') if ctrl => InputEdit::DeleteWord,
                KeyCode::Char('u') if ctrl => InputEdit::Clear,
                KeyCode::Char('a') if ctrl => InputEdit::Home,
                KeyCode::Char('e') if ctrl => InputEdit::End,
                KeyCode::Char(c) if !ctrl => InputEdit::Insert(c),
                KeyCode::Backspace => InputEdit::Backspace,
                KeyCode::Delete => InputEdit::Delete,
                KeyCode::Left => InputEdit::Left,
                KeyCode::Right => InputEdit::Right,
                KeyCode::Home => InputEdit::Home,
                KeyCode::End => InputEdit::End,
                // moving through the list while typing
                KeyCode::Down => return Some(Action::Down),
                KeyCode::Up => return Some(Action::Up),
                KeyCode::PageDown => return Some(Action::PageDown),
                KeyCode::PageUp => return Some(Action::PageUp),
                _ => return None,
            };
            return Some(Action::Input(edit));
        }
        let context = match (self.view, self.focus) {
            (View::Compare, _) => Context::Compare,
            (View::Similar, _) => Context::Similar,
            (View::Speakers, _) => Context::Speakers,
            (View::Quotes, _) => Context::Quotes,
            (View::Phrases, _) => Context::Phrases,
            (View::Kwic, _) => Context::Kwic,
            (View::Main, Focus::List) => Context::List,
            (View::Main, Focus::Reader) => Context::Reader,
        };
        self.keymap.action(context, key)
    }

    /// Handles one terminal event. Returns true if it changed anything.
    pub fn handle_event(&mut self, event: &Event) -> bool {
        if let Event::Paste(text) = event {
            if !self.input_open {
                return false;
            }
            let text: String = text.chars().filter(|c| !c.is_control()).collect();
            self.filter.insert_text(&text);
            self.refilter();
            return true;
        }
        match self.action_for(event) {
            Some(action) => {
                self.update(action);
                true
            }
            None => false,
        }
    }

    /// Applies an action.
    pub fn update(&mut self, action: Action) {
        // too small to show anything: keys would act on what cannot be seen
        if super::layout::too_small(self.size.0, self.size.1)
            && !matches!(action, Action::Quit | Action::Resize(..))
        {
            return;
        }
        // what was typed into the filter applies before any other action
        if !matches!(action, Action::Input(_)) {
            self.settle();
        }
        if !matches!(action, Action::Resize(..) | Action::ScrollAt { .. }) {
            self.message = None;
        }
        if let Some(overlay) = self.overlay
            && self.update_overlay(overlay, action)
        {
            return;
        }
        let handled = match self.view {
            View::Main => false,
            View::Compare => self.update_compare(action),
            View::Similar => self.update_similar(action),
            View::Speakers => self.update_speakers(action),
            View::Quotes => self.update_quotes(action),
            View::Phrases => self.update_phrases(action),
            View::Kwic => self.update_kwic(action),
        };
        if handled {
            return;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ShowIssues => {
                if self.issues.is_empty() {
                    self.message = Some("every file loaded cleanly".into());
                } else {
                    self.overlay = Some(Overlay::Issues { scroll: 0 });
                }
            }
            Action::FocusNext | Action::FocusPrev | Action::Open => {
                self.focus = match (action, self.focus) {
                    (Action::Open, _) => Focus::Reader,
                    (_, Focus::List) => Focus::Reader,
                    (_, Focus::Reader) => Focus::List,
                };
                if self.focus == Focus::Reader && self.reader.article.is_none() {
                    self.focus = Focus::List;
                }
            }
            Action::Back => {
                if self.focus == Focus::Reader {
                    self.focus = Focus::List;
                } else if !self.view_stack.is_empty() {
                    // opened from a pane (quotes, concordance): back to it
                    self.pop_view();
                } else if !self.filter.input.is_empty() {
                    self.clear_filter();
                }
            }
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::HalfPageUp => self.move_by(-(self.page() as isize / 2).max(1)),
            Action::HalfPageDown => self.move_by((self.page() as isize / 2).max(1)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::StartFilter => {
                self.input_open = true;
                self.focus = Focus::List;
                self.filter.cursor = self.filter.input.chars().count();
                self.after_resize();
            }
            Action::ConfirmInput => {
                self.input_open = false;
                self.after_resize();
            }
            Action::CancelInput => {
                self.input_open = false;
                self.clear_filter();
                self.after_resize();
            }
            Action::Input(edit) => {
                self.filter.edit(edit);
                self.filter_pending = true;
            }
            Action::NextMatch | Action::PrevMatch => {
                let (h, _) = self.reader_size();
                if !self.reader.jump_match(action == Action::NextMatch, h) {
                    self.message =
                        Some("no query matches in this article (filter with \"phrase\" or 'word)".into());
                }
            }
            Action::Reload => self.request_reload(),
            Action::ToggleMark => self.toggle_mark(),
            Action::Compare => self.compare_marked(),
            Action::Similar => self.open_similar(),
            Action::Speakers => self.open_speakers(),
            Action::Phrases => self.open_phrases(),
            Action::NextPhrase | Action::PrevPhrase => {
                let (h, _) = self.reader_size();
                if self.reader.article.is_some() {
                    self.focus = Focus::Reader;
                }
                match self.reader.jump_phrase(action == Action::NextPhrase, h) {
                    Some(range) => {
                        let label = self
                            .reader
                            .highlights
                            .iter()
                            .find(|x| x.range == range)
                            .map(|x| x.kind);
                        self.message = Some(match label {
                            Some(HlKind::Family(f)) => {
                                format!(
                                    "phrase family: {}",
                                    self.index.family_labels().get(usize::from(f)).map_or("", |s| s)
                                )
                            }
                            _ => {
                                let text = self
                                    .reader
                                    .article
                                    .and_then(|id| self.index.article(id))
                                    .map_or(String::new(), |a| {
                                        super::one_line(a.body.get(range.clone()).unwrap_or(""))
                                    });
                                format!("recurring phrase: “{text}”")
                            }
                        });
                    }
                    None if !self.highlights_on => self.message = Some("highlights are off (H)".into()),
                    None => self.message = Some("no recurring phrase in this article".into()),
                }
            }
            Action::ToggleAttribution => {
                self.attribution = !self.attribution;
                if self.attribution && !self.highlights_on {
                    self.highlights_on = true;
                }
                self.reader.lines.clear();
                self.sync_reader();
                self.message = Some(
                    if self.attribution {
                        "quotes attributed: speaker in the margin"
                    } else {
                        "quote attribution off"
                    }
                    .into(),
                );
            }
            Action::ToggleHighlights => {
                self.highlights_on = !self.highlights_on;
                self.sync_reader();
                self.message = Some(
                    if self.highlights_on {
                        "highlights on"
                    } else {
                        "highlights off (query matches stay)"
                    }
                    .into(),
                );
            }
            Action::ToggleLock | Action::NextPassage | Action::PrevPassage | Action::Drill => {}
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.after_resize();
            }
            Action::ScrollAt { x, y, lines } => self.scroll_at(x, y, lines),
            Action::ClickAt { x, y } => self.click_at(x, y),
        }
    }

    /// Overlays take movement and closing keys. Returns true if handled.
    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> bool {
        let (Overlay::Help { scroll } | Overlay::Issues { scroll }) = overlay;
        // (as drawn: a resize may have moved the end)
        let scroll = scroll.min(self.overlay_max_scroll.get());
        let page = self.overlay_page.get().max(1);
        let new_scroll = match action {
            Action::Back => {
                self.overlay = None;
                return true;
            }
            Action::ToggleHelp if matches!(overlay, Overlay::Help { .. }) => {
                self.overlay = None;
                return true;
            }
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown => scroll + page,
            Action::PageUp => scroll.saturating_sub(page),
            Action::HalfPageDown => scroll + (page / 2).max(1),
            Action::HalfPageUp => scroll.saturating_sub((page / 2).max(1)),
            Action::Top => 0,
            Action::Bottom => usize::MAX / 2,
            Action::ScrollAt { lines, .. } => scroll.saturating_add_signed(lines as isize),
            Action::Quit | Action::Resize(..) => return false,
            _ => return true,
        };
        let new_scroll = new_scroll.min(self.overlay_max_scroll.get());
        self.overlay = Some(match overlay {
            Overlay::Help { .. } => Overlay::Help { scroll: new_scroll },
            Overlay::Issues { .. } => Overlay::Issues { scroll: new_scroll },
        });
        true
    }

    fn page(&self) -> usize {
        match self.focus {
            Focus::List => self.list_height().max(1),
            Focus::Reader => self.reader_size().0.saturating_sub(1).max(1),
        }
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::List => self.select(self.selected as isize + delta),
            Focus::Reader => {
                let (h, _) = self.reader_size();
                self.reader.scroll_by(delta, h);
            }
        }
    }

    /// Selects a row of the list (clamped) and shows its article.
    pub fn select(&mut self, row: isize) {
        let n = self.filter.hits.len();
        self.selected = if n == 0 {
            0
        } else {
            row.clamp(0, n as isize - 1) as usize
        };
        self.keep_selection_visible();
        self.sync_reader();
    }

    fn keep_selection_visible(&mut self) {
        let h = self.list_height().max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + h {
            self.list_offset = self.selected + 1 - h;
        }
        let max = self.filter.hits.len().saturating_sub(h);
        self.list_offset = self.list_offset.min(max);
    }

    /// Shows the selected article in the reading pane with its highlights.
    pub fn sync_reader(&mut self) {
        let (_, width) = self.reader_size();
        let hit = self.filter.hits.get(self.selected);
        let Some(article) = hit.and_then(|h| self.index.article(h.id)) else {
            self.reader.close();
            return;
        };
        let matches = self
            .filter
            .matcher
            .as_ref()
            .map(|m| m.body_ranges(&article.body))
            .unwrap_or_default();
        let highlights = self.article_highlights(article);
        self.reader.open(article, width, matches, highlights);
    }

    /// What to highlight in an article besides query matches: phrase
    /// families and mined phrases, and quotes when shown attributed.
    pub fn article_highlights(&self, article: &crate::store::Article) -> Vec<super::Highlight> {
        let mut out = Vec::new();
        if !self.highlights_on {
            return out;
        }
        if self.attribution {
            out.extend(self.index.quotes_of(article.id).iter().map(|q| super::Highlight {
                range: q.range.clone(),
                kind: super::HlKind::Quote(q.speaker),
            }));
        }
        out.extend(
            self.index
                .book()
                .find(&article.body)
                .into_iter()
                .map(|m| super::Highlight {
                    range: m.range,
                    kind: super::HlKind::Family(m.family as u16),
                }),
        );
        if let Some(finder) = self.index.mined_finder() {
            let mined = self.index.mined();
            out.extend(
                finder
                    .find(&article.body)
                    .into_iter()
                    .filter(|(i, _)| mined.get(*i).is_some_and(|m| !m.single_source))
                    .map(|(_, range)| super::Highlight {
                        range,
                        kind: super::HlKind::Mined,
                    }),
            );
        }
        out
    }

    fn after_resize(&mut self) {
        let (h, width) = self.reader_size();
        if let Some(id) = self.reader.article
            && let Some(article) = self.index.article(id)
        {
            self.reader.rewrap(article, width);
            self.reader.scroll_by(0, h);
        }
        self.keep_selection_visible();
        self.resize_compare();
    }

    /// Evaluates the filter if it was typed into since: before drawing, and
    /// before any action but typing.
    pub fn settle(&mut self) {
        if std::mem::take(&mut self.filter_pending) {
            self.refilter();
        }
    }

    pub(super) fn refilter(&mut self) {
        self.filter_pending = false;
        let keep = self.selected_article().map(|a| a.id);
        self.filter.apply(&self.index);
        let row = keep
            .and_then(|id| self.filter.hits.iter().position(|h| h.id == id))
            .unwrap_or(0);
        self.list_offset = 0;
        self.select(row as isize);
    }

    pub(super) fn clear_filter(&mut self) {
        let keep = self.selected_article().map(|a| a.id);
        self.filter.clear(&self.index);
        let row = keep.map_or(0, |id| id as usize);
        self.select(row as isize);
    }

    fn scroll_at(&mut self, x: u16, y: u16, lines: i16) {
        let a = self.areas();
        let p = Position { x, y };
        if a.list.contains(p) {
            self.list_offset = self
                .list_offset
                .saturating_add_signed(lines as isize)
                .min(self.filter.hits.len().saturating_sub(self.list_height().max(1)));
            let h = self.list_height().max(1);
            let row = self.selected.clamp(self.list_offset, self.list_offset + h - 1);
            if row != self.selected {
                self.selected = row;
                self.sync_reader();
            }
        } else if a.reader.contains(p) {
            let (h, _) = self.reader_size();
            self.reader.scroll_by(lines as isize, h);
        }
    }

    fn click_at(&mut self, x: u16, y: u16) {
        let a = self.areas();
        let p = Position { x, y };
        let rows: Rect = super::layout::list_rows(a.list);
        if rows.contains(p) {
            self.focus = Focus::List;
            let row = self.list_offset + usize::from(y - rows.y);
            if row < self.filter.hits.len() {
                self.select(row as isize);
            }
        } else if a.list.contains(p) {
            self.focus = Focus::List;
        } else if a.reader.contains(p) && self.reader.article.is_some() {
            self.focus = Focus::Reader;
        }
    }
}
