//! The one place state changes: events become actions, actions change state.

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::cursor::scrolled;
use super::screen::{Outcome, Screen};
use super::{Action, App, Context, Focus, HlKind, InputEdit, Keys, Overlay, PhrasesState, SpeakersState};
use crate::store::ArticleId;

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
        self.keymap.action(&self.keys(), key)
    }

    /// How the screen shown reads keys.
    pub fn keys(&self) -> Keys {
        if let Some(prompt) = &self.export_prompt {
            return prompt.keys();
        }
        if self.prompt.is_some() {
            return Keys::typing(&[Context::Prompt]);
        }
        match self.screen().pane() {
            Some(pane) => pane.keys(),
            None if self.input_open => Keys::typing(&[Context::Input]),
            None => Keys::of(&[self.main_context()]),
        }
    }

    /// The keymap context of the screen shown, for its hints.
    pub fn context(&self) -> Context {
        if let Some(prompt) = &self.export_prompt {
            return prompt.context();
        }
        if self.prompt.is_some() {
            return Context::Prompt;
        }
        match self.screen().pane() {
            Some(pane) if pane.keys().typing => Context::Narrow,
            Some(pane) => pane.context(),
            None if self.input_open => Context::Input,
            None => self.main_context(),
        }
    }

    fn main_context(&self) -> Context {
        match self.focus {
            Focus::List => Context::List,
            Focus::Reader => Context::Reader,
        }
    }

    /// The status bar's key hints for the screen shown.
    pub fn hints(&self) -> Vec<(String, String)> {
        // n/N only where there are query matches to jump to
        let no_matches = self.reader.matches.is_empty();
        // the history's keys only with a state store to keep it
        let no_store = !self.annotations.is_open();
        let history = [Action::HistoryPrev, Action::HistorySearch, Action::SaveQuery];
        self.keymap.hints(&self.keys(), self.context(), |h| {
            let no_match_keys = no_matches && h.actions.contains(&Action::NextMatch);
            let no_history_keys = no_store && h.actions.iter().any(|a| history.contains(a));
            // a prompt's Tab completes tags, its Ctrl-R searches further back
            let other_prompt = |a: &Action| match (a, self.prompt.as_ref().map(|p| &p.kind)) {
                (Action::Complete, Some(k)) => !matches!(k, super::PromptKind::Tags { .. }),
                (Action::HistorySearch, Some(k)) => !matches!(k, super::PromptKind::Search { .. }),
                _ => false,
            };
            !(no_match_keys || no_history_keys || h.actions.iter().any(other_prompt))
        })
    }

    /// Handles one terminal event. Returns true if it changed anything.
    pub fn handle_event(&mut self, event: &Event) -> bool {
        if let Event::Paste(text) = event {
            if let Some(p) = self
                .export_prompt
                .as_mut()
                .filter(|p| p.stage == super::Stage::Name)
            {
                for c in text.chars().filter(|c| !c.is_control()) {
                    super::takeout::edit_line(&mut p.name, &mut p.cursor, InputEdit::Insert(c));
                }
                return true;
            }
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
            && !matches!(action, Action::Quit | Action::Resize(..) | Action::Redraw)
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
        // the export prompt takes every key but quitting and redrawing
        if self.export_prompt.is_some()
            && !matches!(action, Action::Quit | Action::Resize(..) | Action::Redraw)
        {
            self.update_export_prompt(action);
            return;
        }
        // state that lasts: an open prompt takes the keys; the query
        // line's history keys
        if self.update_workbench_first(action) {
            return;
        }
        // app-wide actions, whatever the screen
        match action {
            Action::Quit => self.should_quit = true,
            Action::Redraw => self.request_redraw(),
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ShowIssues => {
                if self.issues.is_empty() {
                    self.message = Some("every file loaded cleanly".into());
                } else {
                    self.overlay = Some(Overlay::Issues { scroll: 0 });
                }
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.after_resize();
            }
            Action::Export
            | Action::Copy
            | Action::CopyUrl
            | Action::Pager
            | Action::Editor
            | Action::Browse => self.take_out(action),
            _ => {
                let (env, screens) = self.screens_mut();
                match screens.last_mut().and_then(Screen::pane_mut) {
                    Some(pane) => {
                        let outcome = pane.update(action, &env);
                        self.apply(outcome);
                    }
                    None => self.update_main(action),
                }
            }
        }
        // an article shown in the reading pane is read
        self.mark_read_if_reading();
        self.refresh_highlights();
    }

    /// Does what a pane's update asked for.
    fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Ignored | Outcome::Handled => {}
            Outcome::Say(message) => self.message = Some(message),
            Outcome::Push(screen) => self.push(*screen),
            Outcome::Pop => self.pop(),
            Outcome::Filter(query) => {
                self.screens.truncate(1);
                self.set_filter(&query);
                // an applied query joins the history
                self.record_query();
            }
            Outcome::Read(article, range) => self.show_in_reader(article, range),
            Outcome::Compare(a, b) => self.open_compare(a, b),
            Outcome::SaveMined { mined, hide } => self.save_phrase(mined, hide),
        }
    }

    /// The article list and the reading pane.
    fn update_main(&mut self, action: Action) {
        match action {
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
                if self.screens.len() > 1 {
                    // an article opened from a pane (quotes, concordance):
                    // back to the pane as it was
                    self.pop();
                } else if self.focus == Focus::Reader {
                    self.focus = Focus::List;
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
                // a query that does not work stays on the query line with
                // its error (the list keeps its last results): never
                // closed as if it applied
                self.settle();
                if self.filter.error.is_none() {
                    // typing runs an open quote to the end; kept, it must
                    // be closed, as everywhere else
                    if let Err(e) = crate::query::parse(&self.filter.input) {
                        self.filter.error = Some(e.to_string());
                    }
                }
                if self.filter.error.is_some() {
                    self.message = Some("fix the query, or Esc to clear it".into());
                } else {
                    self.input_open = false;
                    self.after_resize();
                }
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
                // from the list as from the reader (as ]/[ do)
                if self.reader.article.is_some() {
                    self.focus = Focus::Reader;
                }
                let (h, _) = self.reader_size();
                if !self.reader.jump_match(action == Action::NextMatch, h) {
                    self.message = Some(
                        "no query matches in this article (filter with \"phrase\", 'word or #family)".into(),
                    );
                }
            }
            Action::Reload => self.request_reload(),
            Action::ToggleMark => self.toggle_mark(),
            Action::Compare => self.compare_marked(),
            Action::Similar => self.open_similar(),
            // stories (issue 15)
            Action::Stories => self.open_stories(),
            Action::Speakers => match SpeakersState::new(&self.index) {
                Some(s) => self.push(Screen::Speakers(s)),
                None => self.message = Some("nobody is quoted in these articles (yet)".into()),
            },
            Action::Phrases => match PhrasesState::new(&self.index) {
                Some(s) => self.push(Screen::Phrases(s)),
                None => self.message = Some("no phrases yet".into()),
            },
            Action::NextPhrase | Action::PrevPhrase => {
                let (h, _) = self.reader_size();
                if self.reader.article.is_some() {
                    self.focus = Focus::Reader;
                }
                match self.jump_phrase(action == Action::NextPhrase, h) {
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
            // issue 14: list order and split, the outlet and period views
            Action::CycleSort
            | Action::WidenList
            | Action::NarrowList
            | Action::Outlets
            | Action::Keyness
            | Action::Timeline => self.update_survey(action),
            Action::Left | Action::Right | Action::ToggleNumbers => {}
            Action::ToggleLock
            | Action::NextPassage
            | Action::PrevPassage
            | Action::Drill
            | Action::SaveFamily
            | Action::HidePhrase => {}
            // the compare view's (issue 15)
            Action::ToggleSides => {}
            Action::Quit | Action::Redraw | Action::ToggleHelp | Action::ShowIssues | Action::Resize(..) => {}
            // (taking things out is app-wide: `take_out`; the prompt's keys go to it)
            Action::Export
            | Action::Copy
            | Action::CopyUrl
            | Action::Pager
            | Action::Editor
            | Action::Browse
            | Action::NextFormat
            | Action::Yes
            | Action::No => {}
            Action::ScrollAt { x, y, lines } => self.scroll_at(x, y, lines),
            // state that lasts (annotations.rs)
            Action::ToggleStar | Action::ToggleRead | Action::EditTags | Action::EditNote | Action::Tags => {
                self.update_annotations(action)
            }
            // the query line's history keys are taken before (annotations.rs)
            Action::HistoryPrev
            | Action::HistoryNext
            | Action::HistorySearch
            | Action::SaveQuery
            | Action::Complete => {}
            Action::ClickAt { x, y } => self.click_at(x, y),
        }
    }

    /// Overlays take movement and closing keys. Returns true if handled.
    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> bool {
        let (Overlay::Help { scroll } | Overlay::Issues { scroll }) = overlay;
        // (as drawn: a resize may have moved the end)
        let max = self.overlay_max_scroll.get();
        let page = (self.overlay_page.get().max(1)) as isize;
        let lines = match action {
            Action::Back => {
                self.overlay = None;
                return true;
            }
            Action::ToggleHelp if matches!(overlay, Overlay::Help { .. }) => {
                self.overlay = None;
                return true;
            }
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            Action::ScrollAt { lines, .. } => lines as isize,
            Action::Quit | Action::Redraw | Action::Resize(..) => return false,
            _ => return true,
        };
        let new_scroll = scrolled(scroll.min(max), lines, max);
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
            Focus::List => self.select((self.list.selected as isize).saturating_add(delta)),
            Focus::Reader => {
                let (h, _) = self.reader_size();
                self.reader.scroll_by(delta, h);
            }
        }
    }

    /// Selects a row of the list (clamped) and shows its article.
    pub fn select(&mut self, row: isize) {
        let (len, h) = (self.filter.hits.len(), self.list_height());
        self.list.select(row, len, h);
        self.sync_reader();
    }

    /// Selects `keep` again in the list as it is now, wherever its row went
    /// (the first row when it is gone), and shows it. Every change of the
    /// list (filtering, loading, live reload) keeps the selection this way.
    pub(super) fn reselect(&mut self, keep: Option<ArticleId>) {
        // the list's order (`o`) applies to every change of the list here
        super::sort_hits(&mut self.filter.hits, self.sort, &self.index);
        let row = keep
            .and_then(|id| self.filter.hits.iter().position(|h| h.id == id))
            .unwrap_or(0);
        self.select(row as isize);
    }

    /// The selected article, to [`reselect`](Self::reselect) after a change.
    pub(super) fn kept(&self) -> Option<ArticleId> {
        self.selected_article().map(|a| a.id)
    }

    /// Shows the selected article in the reading pane with its highlights.
    pub fn sync_reader(&mut self) {
        let (_, width) = self.reader_size();
        let hit = self.filter.hits.get(self.list.selected);
        let Some(article) = hit.and_then(|h| self.index.article(h.id)) else {
            self.reader.close();
            return;
        };
        let matches = self.query_ranges(article);
        if article.body.len() <= super::reader::HIGHLIGHT_WHOLE {
            let highlights = self.article_highlights(article);
            self.reader.open(article, width, matches, highlights);
        } else {
            // a long text: the highlights around the view only, found next
            self.reader.open_in(article, width, matches, Vec::new(), 0..0);
            self.refresh_highlights();
        }
    }

    /// Finds the open article's highlights around the view when the view
    /// has left the part of a long text they were found in (a text of up to
    /// [`HIGHLIGHT_WHOLE`](super::reader::HIGHLIGHT_WHOLE) bytes has them
    /// all from the start).
    pub(super) fn refresh_highlights(&mut self) {
        let (h, _) = self.reader_size();
        let Some(window) = self.reader.highlight_window(h) else {
            return;
        };
        let Some(article) = self.reader.article.and_then(|id| self.index.article(id)) else {
            return;
        };
        let found = self.highlights_in(article, window.clone());
        self.reader.set_highlights(window, found);
    }

    /// The next (previous) phrase occurrence, `]`/`[`: in a long text whose
    /// highlights are found around the view, the windows after (before) it
    /// are searched in turn, then from the other end of the text.
    fn jump_phrase(&mut self, forward: bool, h: usize) -> Option<std::ops::Range<usize>> {
        if self.reader.highlights_whole() {
            return self.reader.jump_phrase(forward, h);
        }
        let article = self.reader.article.and_then(|id| self.index.article(id))?;
        let mut wrapped = false;
        loop {
            if let Some(r) = self.reader.jump_phrase_in(forward, h, wrapped) {
                return Some(r);
            }
            let next = match self.reader.next_window(forward) {
                Some(w) => w,
                None if !wrapped => {
                    wrapped = true;
                    self.reader.end_window(forward)?
                }
                None => return None,
            };
            let found = self.highlights_in(article, next.clone());
            self.reader.set_highlights(next, found);
        }
    }

    /// Where the filter's query matches an article's text (for n/N): its
    /// phrases and words, and the occurrences of the families it names.
    pub fn query_ranges(&self, article: &crate::store::Article) -> Vec<std::ops::Range<usize>> {
        let Some(matcher) = self.filter.matcher.as_ref() else {
            return Vec::new();
        };
        let mut out = matcher.body_ranges(&article.body);
        let families = self.query_families();
        if !families.is_empty() {
            out.extend(
                self.index
                    .book()
                    .find(&article.body)
                    .into_iter()
                    .filter(|m| families.contains(&m.family))
                    .map(|m| m.range),
            );
            out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
            out.dedup();
        }
        out
    }

    /// The phrase families the filter asks for (`#rock-solid`, not `!#…`).
    fn query_families(&self) -> Vec<usize> {
        let Ok(query) = crate::query::parse_lenient(&self.filter.input) else {
            return Vec::new();
        };
        query
            .groups
            .iter()
            .flatten()
            .filter(|t| !t.negated)
            .filter_map(|t| match &t.kind {
                crate::query::TermKind::Family(label) => self.index.family_id(label),
                _ => None,
            })
            .map(usize::from)
            .collect()
    }

    /// What to highlight in an article besides query matches: phrase
    /// families and mined phrases, and quotes when shown attributed.
    pub fn article_highlights(&self, article: &crate::store::Article) -> Vec<super::Highlight> {
        self.highlights_in(article, 0..article.body.len())
    }

    /// The highlights found in `window` of an article's text (whose ends
    /// are character boundaries), as ranges of the whole text.
    pub fn highlights_in(
        &self,
        article: &crate::store::Article,
        window: std::ops::Range<usize>,
    ) -> Vec<super::Highlight> {
        let mut out = Vec::new();
        let Some(text) = article.body.get(window.clone()) else {
            return out;
        };
        if !self.highlights_on {
            return out;
        }
        let at = window.start;
        let shift = |r: std::ops::Range<usize>| r.start + at..r.end + at;
        if self.attribution {
            out.extend(
                self.index
                    .quotes_of(article.id)
                    .iter()
                    .filter(|q| q.range.end > window.start && q.range.start < window.end)
                    .map(|q| super::Highlight {
                        range: q.range.clone(),
                        kind: super::HlKind::Quote(q.speaker),
                    }),
            );
        }
        out.extend(
            self.index
                .book()
                .find(text)
                .into_iter()
                .map(|m| super::Highlight {
                    range: shift(m.range),
                    kind: super::HlKind::Family(m.family as u16),
                }),
        );
        if let Some(finder) = self.index.mined_finder() {
            let mined = self.index.mined();
            out.extend(
                finder
                    .find(text)
                    .into_iter()
                    .filter(|(i, _)| mined.get(*i).is_some_and(|m| m.underlined()))
                    .map(|(_, range)| super::Highlight {
                        range: shift(range),
                        kind: super::HlKind::Mined,
                    }),
            );
        }
        out
    }

    pub(super) fn after_resize(&mut self) {
        let (h, width) = self.reader_size();
        if let Some(id) = self.reader.article
            && let Some(article) = self.index.article(id)
        {
            self.reader.rewrap(article, width);
            self.reader.scroll_by(0, h);
        }
        let (len, h) = (self.filter.hits.len(), self.list_height());
        self.list.keep_visible(len, h);
        let (env, screens) = self.screens_mut();
        for pane in screens.iter_mut().filter_map(Screen::pane_mut) {
            pane.resized(&env);
        }
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
        let keep = self.kept();
        self.filter.apply(&self.index);
        self.list.offset = 0;
        self.reselect(keep);
    }

    pub(super) fn clear_filter(&mut self) {
        let keep = self.kept();
        self.filter.clear(&self.index);
        self.reselect(keep);
    }

    fn scroll_at(&mut self, x: u16, y: u16, lines: i16) {
        let a = self.areas();
        let p = Position { x, y };
        if a.list.contains(p) {
            let (len, h) = (self.filter.hits.len(), self.list_height());
            if self.list.scroll(isize::from(lines), len, h) {
                self.sync_reader();
            }
        } else if a.reader.contains(p) {
            let (h, _) = self.reader_size();
            self.reader.scroll_by(isize::from(lines), h);
        }
    }

    fn click_at(&mut self, x: u16, y: u16) {
        let a = self.areas();
        let p = Position { x, y };
        let rows: Rect = super::layout::list_rows(a.list);
        if rows.contains(p) {
            self.focus = Focus::List;
            if let Some(row) = self.list.row_at(usize::from(y - rows.y), self.filter.hits.len()) {
                self.select(row as isize);
            }
        } else if a.list.contains(p) {
            self.focus = Focus::List;
        } else if a.reader.contains(p) && self.reader.article.is_some() {
            self.focus = Focus::Reader;
        }
    }
}

impl App {
    /// Shows `article` in the reading pane with `range` in view and marked
    /// (clearing the filter if it hides the article), on a main screen
    /// pushed over the pane it came from: `Esc` goes back there.
    pub fn show_in_reader(&mut self, article: ArticleId, range: std::ops::Range<usize>) {
        self.push(Screen::Main);
        if !self.filter.hits.iter().any(|h| h.id == article) {
            self.clear_filter();
        }
        if let Some(row) = self.filter.hits.iter().position(|h| h.id == article) {
            self.select(row as isize);
        }
        self.focus = Focus::Reader;
        let (h, _) = self.reader_size();
        self.reader.reveal(range.start, h);
        // (a long text's highlights are found around the view it moved to)
        self.refresh_highlights();
        self.reader.highlights.push(super::Highlight {
            range: range.clone(),
            kind: HlKind::Current,
        });
        self.reader.highlights.sort_by_key(|h| h.range.start);
    }

    /// Sets the filter text and applies it, as if typed.
    pub fn set_filter(&mut self, text: &str) {
        self.filter.edit(InputEdit::Clear);
        for c in text.chars() {
            self.filter.edit(InputEdit::Insert(c));
        }
        self.refilter();
        self.focus = Focus::List;
    }
}
