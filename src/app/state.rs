use ratatui::layout::Rect;

use super::layout::{self, Areas};
use super::screen::{Env, Screen};
use super::{Cursor, FilterState, Keymap, ReaderState};
use crate::index::Index;
use crate::loader::Phase;
use crate::store::{Article, ArticleId, Issue};

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// A view drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Issues { scroll: usize },
}

/// How far background loading has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub files: usize,
    pub files_done: usize,
    pub bytes: u64,
    pub bytes_done: u64,
}

/// Everything the app knows. Changed only by [`App::update`]; drawn by `ui`.
#[derive(Debug)]
pub struct App {
    pub index: Index,
    /// Files skipped or loaded with warnings.
    pub issues: Vec<Issue>,
    pub keymap: Keymap,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    /// How far the overlay on screen can scroll, as last drawn (its lines
    /// are wrapped to the popup's width when drawn): keys stop there.
    pub overlay_max_scroll: std::cell::Cell<usize>,
    /// Lines the overlay shows at once, as last drawn (a page).
    pub overlay_page: std::cell::Cell<usize>,
    /// The query line is open and takes the keys.
    pub input_open: bool,
    pub filter: FilterState,
    /// The selected row of the (filtered) article list, and the first shown.
    pub list: Cursor,
    pub reader: ReaderState,
    /// Terminal size.
    pub size: (u16, u16),
    /// A one-off message for the status bar.
    pub message: Option<String>,
    /// Where the phrases pane saves families and hidden phrases (none: it
    /// cannot).
    pub phrases_file: Option<std::path::PathBuf>,
    /// Background loading, while it runs.
    pub progress: Option<Progress>,
    /// Article ids in the order the loader sent them (maps its later-phase
    /// results to articles); emptied when loading is done.
    pub load_order: Vec<ArticleId>,
    /// Files changed while loading: the loader's date order is stale.
    pub changed_while_loading: bool,
    /// The filter was typed into and is not evaluated yet: keys that arrive
    /// together (scripted, or faster than frames) are evaluated once, before
    /// the next frame or the next other action ([`App::settle`]).
    pub filter_pending: bool,
    /// Work for the event loop to do (reloading files).
    pub(super) effects: Vec<super::Effect>,
    pub should_quit: bool,
    /// The screen is to be drawn afresh (Ctrl-L): [`App::take_redraw`].
    redraw: bool,
    /// Quotes shown attributed in the reader (speaker in the margin, a colour each).
    pub attribution: bool,
    /// Phrase and quote highlighting in the reader (query matches always show).
    pub highlights_on: bool,
    /// The screens, [`Screen::Main`] at the bottom, the one shown on top.
    pub(super) screens: Vec<Screen>,
    /// Articles marked for comparison (at most two, oldest first).
    pub marks: Vec<ArticleId>,
    /// The process exit code once the app quits (2: nothing could be read).
    pub exit_code: u8,
    // -- taking things out (issue 17)
    /// The export prompt, while open (it takes the keys).
    pub export_prompt: Option<super::ExportPrompt>,
    /// Reads the environment for the pager, editor, browser and tmux
    /// (tests give their own).
    pub handoff_env: fn(&str) -> Option<String>,
    /// State that lasts: the store, each article's read/star/tags/note,
    /// the query history and saved queries.
    pub annotations: super::Annotations,
    /// A line being typed over the status bar (tags, a note, a name, the
    /// history search); it takes the keys.
    pub prompt: Option<super::Prompt>,
    /// The story index and the stories and similar lists being made off
    /// the UI thread (issue 15).
    pub story_work: super::StoryWork,
    // --- issue 14 ---
    /// The article list's order (`o`).
    pub sort: super::SortOrder,
    /// The list's share of the screen in percent once moved with `<` / `>`
    /// (None: the default proportions), kept for the session.
    pub list_split: Option<u16>,
    /// The per-article word counts keyness reads: made once per corpus, on
    /// a worker thread, shared with the keyness views.
    pub survey_words: super::WordCounts,
    /// Corpora bigger than this are surveyed on a worker thread (the
    /// outlets, keyness and timeline views).
    pub survey_at_once: usize,
    // --- end issue 14 ---
}

impl App {
    pub fn new(index: Index, issues: Vec<Issue>, size: (u16, u16)) -> App {
        let mut app = App {
            index,
            issues,
            keymap: Keymap::bundled(),
            focus: Focus::List,
            overlay: None,
            overlay_max_scroll: std::cell::Cell::new(usize::MAX / 2),
            overlay_page: std::cell::Cell::new(1),
            input_open: false,
            filter: FilterState::default(),
            list: Cursor::default(),
            reader: ReaderState::default(),
            size,
            message: None,
            phrases_file: None,
            progress: None,
            effects: Vec::new(),
            load_order: Vec::new(),
            changed_while_loading: false,
            filter_pending: false,

            should_quit: false,
            redraw: false,
            attribution: false,
            highlights_on: true,
            screens: vec![Screen::Main],
            marks: Vec::new(),
            exit_code: 0,
            export_prompt: None,
            handoff_env: crate::handoff::process_env,
            annotations: super::Annotations::default(),
            prompt: None,
            story_work: super::StoryWork::default(),
            sort: super::SortOrder::default(),
            list_split: None,
            survey_words: super::WordCounts::default(),
            survey_at_once: super::SURVEY_AT_ONCE,
        };
        app.filter.clear(&app.index);
        app.sync_reader();
        app
    }

    /// The screen shown.
    pub fn screen(&self) -> &Screen {
        self.screens.last().unwrap_or(&Screen::Main)
    }

    /// Opens a screen on top of the one shown.
    pub fn push(&mut self, screen: Screen) {
        self.screens.push(screen);
    }

    /// Closes the screen shown (never the main one) and drops its state.
    pub fn pop(&mut self) {
        if self.screens.len() > 1 {
            self.screens.pop();
        }
    }

    /// What the panes read from the app.
    pub fn env(&self) -> Env<'_> {
        Env {
            index: &self.index,
            size: self.size,
            input_open: self.input_open,
        }
    }

    /// The screens, to change, beside what their panes read.
    pub(super) fn screens_mut(&mut self) -> (Env<'_>, &mut Vec<Screen>) {
        let env = Env {
            index: &self.index,
            size: self.size,
            input_open: self.input_open,
        };
        // (not `self.env()`: that would borrow all of `self`)
        (env, &mut self.screens)
    }

    /// Rows visible in a picker pane keeping `below` lines under its list.
    pub fn picker_height(&self, below: u16) -> usize {
        self.env().picker_height(below)
    }

    /// Asks for the whole screen to be drawn again.
    pub(super) fn request_redraw(&mut self) {
        self.redraw = true;
    }

    /// Whether the whole screen is to be drawn afresh (the terminal cleared
    /// first), asked once.
    pub fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }

    /// Work for the event loop to do, taken.
    pub fn take_effects(&mut self) -> Vec<super::Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The screen regions for the current size.
    pub fn areas(&self) -> Areas {
        layout::areas_split(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.input_open,
            self.list_split,
        )
    }

    /// Visible rows of the article list.
    pub fn list_height(&self) -> usize {
        usize::from(layout::list_rows(self.areas().list).height)
    }

    /// Visible lines of the reading pane, and its text width.
    pub fn reader_size(&self) -> (usize, u16) {
        let r = self.reader_text_rects().1;
        (usize::from(r.height), r.width)
    }

    /// The reading pane's speaker margin (empty unless quotes are shown
    /// attributed) and its text.
    pub fn reader_text_rects(&self) -> (Rect, Rect) {
        let mut text = layout::reader_text(self.areas().reader);
        // a line for the user's star, tags and note under the details
        if self
            .reader
            .article
            .is_some_and(|id| self.annotations.has_marks(id))
            && text.height > 1
        {
            text.y += 1;
            text.height -= 1;
        }
        if !self.attribution || text.width < 40 {
            return (Rect { width: 0, ..text }, text);
        }
        let m = layout::SPEAKER_MARGIN;
        (
            Rect { width: m, ..text },
            Rect {
                x: text.x + m,
                width: text.width - m,
                ..text
            },
        )
    }

    /// The article under the list selection.
    pub fn selected_article(&self) -> Option<&Article> {
        let hit = self.filter.hits.get(self.list.selected)?;
        self.index.article(hit.id)
    }

    /// The article in the reading pane.
    pub fn open_article(&self) -> Option<&Article> {
        self.index.article(self.reader.article?)
    }
}
