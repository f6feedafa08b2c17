use ratatui::layout::Rect;

use super::layout::{self, Areas};
use super::{FilterState, Keymap, ReaderState};
use crate::index::Index;
use crate::loader::Phase;
use crate::store::{Article, ArticleId, Issue};

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// The screen being shown; `Esc` goes back to the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The article list and the reading pane.
    Main,
    Compare,
    Similar,
    Speakers,
    Quotes,
    Phrases,
    Kwic,
}

impl View {
    /// Views whose list narrows as you type (letters do not act as keys there).
    pub fn types(self) -> bool {
        matches!(self, View::Speakers | View::Quotes | View::Phrases | View::Kwic)
    }
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
    /// Selected row of the (filtered) list.
    pub selected: usize,
    /// First row shown in the list.
    pub list_offset: usize,
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
    pub effects: Vec<super::Effect>,
    pub should_quit: bool,
    /// Quotes shown attributed in the reader (speaker in the margin, a colour each).
    pub attribution: bool,
    /// Phrase and quote highlighting in the reader (query matches always show).
    pub highlights_on: bool,
    pub view: View,
    /// Views to go back to.
    pub view_stack: Vec<View>,
    /// Articles marked for comparison (at most two, oldest first).
    pub marks: Vec<ArticleId>,
    pub compare: Option<super::CompareState>,
    pub similar: Option<super::SimilarState>,
    pub speakers_view: Option<super::SpeakersState>,
    pub quotes_view: Option<super::QuotesState>,
    pub phrases_view: Option<super::PhrasesState>,
    pub kwic_view: Option<super::KwicState>,
    /// The process exit code once the app quits (2: nothing could be read).
    pub exit_code: u8,
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
            selected: 0,
            list_offset: 0,
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
            attribution: false,
            highlights_on: true,
            view: View::Main,
            view_stack: Vec::new(),
            marks: Vec::new(),
            compare: None,
            similar: None,
            speakers_view: None,
            quotes_view: None,
            phrases_view: None,
            kwic_view: None,
            exit_code: 0,
        };
        app.filter.clear(&app.index);
        app.sync_reader();
        app
    }

    /// The screen regions for the current size.
    pub fn areas(&self) -> Areas {
        layout::areas(Rect::new(0, 0, self.size.0, self.size.1), self.input_open)
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
        let text = layout::reader_text(self.areas().reader);
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
        let hit = self.filter.hits.get(self.selected)?;
        self.index.article(hit.id)
    }

    /// The article in the reading pane.
    pub fn open_article(&self) -> Option<&Article> {
        self.index.article(self.reader.article?)
    }
}
