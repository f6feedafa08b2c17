//! Application state and behaviour: keys map to [`Action`]s through the
//! [`Keymap`]; [`App::update`] is the one place state changes. Nothing here
//! draws; [`crate::ui`] reads the state.

mod action;
mod compare;
mod filter;
mod keymap;
pub mod layout;
mod loading;
mod narrowing;
mod phrases;
mod picker;
mod reader;
mod similar;
mod speakers;
mod state;
mod update;

pub use action::{Action, InputEdit};
pub use filter::FilterState;
pub use loading::Effect;

pub use compare::{CompareState, Side};
pub use keymap::{Binding, Context, Keymap, KeymapError, key_name};
pub use phrases::{CHART_LINES, KwicState, PhrasesState};
pub use picker::Picker;
pub use reader::{Highlight, HlKind, ReaderState, WrappedLine};
pub use similar::SimilarState;
pub use speakers::{QuotesState, SpeakersState, one_line};
pub use state::{App, Focus, Overlay, Progress, View};
