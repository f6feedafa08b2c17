//! Application state and behaviour: keys map to [`Action`]s through the
//! [`Keymap`]; [`App::handle`] takes every event in and [`App::update`] is
//! the one place actions change state. Nothing here draws; [`crate::ui`]
//! reads the state.
//!
//! The screens are a stack ([`Screen`]): the article list and reader at the
//! bottom, panes on top, each owning its state. To add a pane:
//!
//! 1. a state type in its own file here, implementing [`Pane`] (its keys
//!    and keymap context, `update(Action) -> Outcome`, and `tick`, `resized`,
//!    `refresh` when it has work between frames or follows the articles);
//! 2. a [`Screen`] variant holding it (and its line in `Screen::pane` and
//!    `Screen::pane_mut`);
//! 3. its widget in a `ui/` file, drawn from the one match in `ui::draw`;
//! 4. a keymap context with its bindings, hints and footer in
//!    `assets/keymap.toml` (a [`Context`] variant, with its help title and
//!    its place in `Context::ALL`);
//!
//! then an action (or another pane's [`Outcome::Push`]) that opens it.

mod action;
mod annotations;
mod compare;
mod cursor;
mod event;
mod filter;
mod keymap;
pub mod layout;
mod loading;
mod narrowing;
mod phrases;
mod picker;
mod reader;
mod screen;
mod sides;
mod similar;
mod speakers;
mod state;
mod stories;
mod tags;
mod takeout;
mod update;
// issue 14: list order and split, the outlet and period views
mod sort;
mod survey;

pub use action::{Action, InputEdit};
pub use cursor::Cursor;
pub use event::AppEvent;
pub use filter::FilterState;
pub use loading::Effect;
pub use screen::{Env, Outcome, Pane, Screen};

pub use annotations::{Annotations, Prompt, PromptKind};
pub use compare::{CompareState, Side};
pub use keymap::{Binding, Context, Hint, Keymap, KeymapError, Keys, key_name};
pub use narrowing::article_label;
pub use phrases::{CHART_LINES, KwicState, PhrasesState};
pub use picker::{ARTICLE_PREFIX, Label, Picker};
pub use reader::{Highlight, HlKind, ReaderState, WrappedLine};
pub use sides::{SideKind, SideLine, side_lines};
pub use similar::SimilarState;
pub use speakers::{QuotesState, SpeakersState, one_line};
pub use state::{App, Focus, Overlay, Progress};
pub use stories::{StoriesState, StoryState, StoryWork};
pub use tags::{TagRow, TagRowKind, TagsState};
pub use takeout::{ExportPrompt, Handoff, Stage, article_text, human_bytes};
// issue 14
pub use sort::{SPLIT_MAX, SPLIT_MIN, SortOrder, sort_hits, split_step};
pub use survey::{
    KeynessState, LEGEND_GAP, OUTLET_CELL_WIDTH, OUTLET_COUNT_WIDTH, OUTLET_NAME_WIDTH, OutletLayout,
    OutletsState, SURVEY_AT_ONCE, Scope, Side as KeynessSide, TimelineState, WordCounts, Work, heat_bucket,
    keyness_areas, keyness_rows, outlet_layout, outlet_legend_entry, pack_lines,
};
