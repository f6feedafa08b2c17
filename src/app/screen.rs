//! The screens the app shows, kept as a stack: the article list and reader
//! ([`Screen::Main`]) at the bottom, each pane opened from there on top of
//! it; `Esc` pops the top one and drops its state.
//!
//! Every pane owns its state and answers for itself through [`Pane`]: how it
//! reads keys and which hints it shows, what an action does to it (an
//! [`Outcome`] tells the app what to do beyond that), the work it does
//! between frames, and what a resize or a change of the articles does to it.
//! The main screen's state (filter, list, reader) lives on [`App`](super::App)
//! because other screens read it too.

use std::ops::Range;
use std::time::Instant;

use ratatui::layout::Rect;

use super::layout;
use super::{
    Action, CompareState, Context, Keys, KwicState, PhrasesState, QuotesState, SimilarState, SpeakersState,
};
use crate::export::ExportTable;
use crate::index::Index;
use crate::store::ArticleId;

/// One screen of the stack.
#[derive(Debug)]
pub enum Screen {
    /// The article list and the reading pane.
    Main,
    Compare(Box<CompareState>),
    Similar(SimilarState),
    Speakers(SpeakersState),
    Quotes(QuotesState),
    Phrases(PhrasesState),
    Kwic(KwicState),
    /// Tags, marks and saved queries (state that lasts).
    Tags(super::TagsState),
    /// The stories view and one story's articles (issue 15).
    Stories(super::StoriesState),
    Story(super::StoryState),
    // issue 14: the outlet and period views
    Outlets(super::OutletsState),
    Keyness(super::KeynessState),
    Timeline(super::TimelineState),
}

impl Screen {
    /// The pane's behaviour (none for the main screen, which the app runs).
    pub fn pane(&self) -> Option<&dyn Pane> {
        Some(match self {
            Screen::Main => return None,
            Screen::Compare(s) => &**s,
            Screen::Similar(s) => s,
            Screen::Speakers(s) => s,
            Screen::Quotes(s) => s,
            Screen::Phrases(s) => s,
            Screen::Kwic(s) => s,
            Screen::Tags(s) => s,
            Screen::Stories(s) => s,
            Screen::Story(s) => s,
            Screen::Outlets(s) => s,
            Screen::Keyness(s) => s,
            Screen::Timeline(s) => s,
        })
    }

    pub fn pane_mut(&mut self) -> Option<&mut dyn Pane> {
        Some(match self {
            Screen::Main => return None,
            Screen::Compare(s) => &mut **s,
            Screen::Similar(s) => s,
            Screen::Speakers(s) => s,
            Screen::Quotes(s) => s,
            Screen::Phrases(s) => s,
            Screen::Kwic(s) => s,
            Screen::Tags(s) => s,
            Screen::Stories(s) => s,
            Screen::Story(s) => s,
            Screen::Outlets(s) => s,
            Screen::Keyness(s) => s,
            Screen::Timeline(s) => s,
        })
    }
}

/// What a pane's update asks of the app.
#[derive(Debug)]
pub enum Outcome {
    /// Not the pane's to handle: nothing happens.
    Ignored,
    /// Done within the pane.
    Handled,
    /// Done; a message for the status bar.
    Say(String),
    /// Open another screen on top.
    Push(Box<Screen>),
    /// Close this screen.
    Pop,
    /// Back to the article list (closing every pane), filtered by this query.
    Filter(String),
    /// The article in the reading pane with this byte range in view and
    /// marked; `Esc` comes back here.
    Read(ArticleId, Range<usize>),
    /// Compare two articles side by side.
    Compare(ArticleId, ArticleId),
    /// Save a mined phrase (its index in the mined list; none: the row is
    /// not one) to the user's phrases file: as a family, or hidden for good.
    SaveMined { mined: Option<usize>, hide: bool },
}

/// What panes read from the app: the articles and the terminal's size.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub index: &'a Index,
    /// The terminal size.
    pub size: (u16, u16),
    /// The query line is open (a line less for the panes).
    pub input_open: bool,
}

impl Env<'_> {
    /// Everything above the query line and the status bar.
    pub fn main_area(&self) -> Rect {
        layout::main_area(Rect::new(0, 0, self.size.0, self.size.1), self.input_open)
    }

    /// Rows visible in a picker pane keeping `below` lines under its list.
    pub fn picker_height(&self, below: u16) -> usize {
        usize::from(layout::picker_rows(self.main_area(), below).height).max(1)
    }
}

/// A pane on the stack (how to add one: the doc comment of [`crate::app`]).
pub trait Pane {
    /// How the pane reads keys.
    fn keys(&self) -> Keys;
    /// The keymap context of its hints and footer.
    fn context(&self) -> Context;
    /// Applies an action; app-wide ones (quit, help, resize) never come here.
    fn update(&mut self, action: Action, env: &Env) -> Outcome;
    /// Whether work goes on between frames (narrowing, a sliced search).
    fn busy(&self) -> bool {
        false
    }
    /// Does some of that work, until `deadline`.
    fn tick(&mut self, _env: &Env, _deadline: Instant) {}
    /// The terminal changed size.
    fn resized(&mut self, _env: &Env) {}
    /// The articles' analysis moved on (more analysed, phrases mined).
    fn refresh(&mut self, _env: &Env) {}

    // -- taking things out (issue 17; see `app/takeout.rs`)
    /// What the pane shows (after narrowing), as records to export; none:
    /// nothing here to export.
    fn export<'a>(&'a self, _env: &Env<'a>) -> Option<ExportTable<'a>> {
        None
    }
    /// Why the pane has nothing whole to export yet (its table is still
    /// being computed, or could not be), in words for the status bar;
    /// none: `export` gives what it shows. A pane that is `busy` and says
    /// nothing here is "still searching".
    fn export_blocked(&self, _env: &Env) -> Option<String> {
        None
    }
    /// The text `y` copies: the selection (a quote with its speaker, a
    /// concordance line, a phrase); none: nothing to copy.
    fn copy_text(&self, _env: &Env) -> Option<String> {
        None
    }
    /// The article of the selection, for copying its URL and opening it in
    /// the pager, editor or browser.
    fn selected_article(&self, _env: &Env) -> Option<ArticleId> {
        None
    }
}
