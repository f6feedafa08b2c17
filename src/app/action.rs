use serde::{Deserialize, Serialize};

/// Everything the user can ask for. Keys map to these through the keymap;
/// mouse and resize events become these too; [`App::update`](super::App::update)
/// applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    /// Draw the whole screen again (whatever the terminal shows now).
    Redraw,
    ToggleHelp,
    ShowIssues,
    FocusNext,
    FocusPrev,
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    Open,
    Back,
    StartFilter,
    ConfirmInput,
    CancelInput,
    NextMatch,
    PrevMatch,
    Reload,
    /// Mark or unmark the selected article for comparison.
    ToggleMark,
    /// Compare the two marked articles (or the marked one with the selected).
    Compare,
    /// List the articles most similar to the selected one.
    Similar,
    /// Scroll both sides of the compare view together, or each alone.
    ToggleLock,
    NextPassage,
    PrevPassage,
    /// Open the speakers pane.
    Speakers,
    /// Open the phrases pane.
    Phrases,
    /// Next / previous phrase occurrence in the reader.
    NextPhrase,
    PrevPhrase,
    /// Show quotes attributed in the reader, or not.
    ToggleAttribution,
    /// Phrase and quote highlighting on or off.
    ToggleHighlights,
    /// From a pane, go one level deeper: a speaker's quotes, a phrase's concordance.
    Drill,
    /// Phrases pane: save the mined phrase (and its variants) as a family.
    SaveFamily,
    /// Phrases pane: hide the mined phrase for good.
    HidePhrase,

    // --- issue 14: list order and split, the outlet and period views ---
    /// Next order of the article list (score, date, outlet, words).
    CycleSort,
    /// Give the article list more / less of the screen.
    WidenList,
    NarrowList,
    /// Open the outlets × formulas view, the keyness view, the timeline.
    Outlets,
    Keyness,
    Timeline,
    /// Move the cursor a column left / right (the outlets view).
    Left,
    Right,
    /// Show numbers in the heat map / raw counts in the timeline, or not.
    ToggleNumbers,
    // --- end issue 14 ---
    /// The terminal has this size now.
    #[serde(skip)]
    Resize(u16, u16),
    /// Mouse wheel at a screen position: lines to scroll (negative: up).
    #[serde(skip)]
    ScrollAt {
        x: u16,
        y: u16,
        lines: i16,
    },
    /// A left click at a screen position.
    #[serde(skip)]
    ClickAt {
        x: u16,
        y: u16,
    },
    /// An edit of the open query or narrowing line (`{ input = "delete_word" }`
    /// in the keymap; typed characters are inserted without one).
    Input(InputEdit),
}

/// An edit of the input line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputEdit {
    #[serde(skip)]
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    DeleteWord,
    Clear,
}
