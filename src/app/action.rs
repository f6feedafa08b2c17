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

    // -- taking things out (issue 17): export, copy, pager, editor, browser
    /// Export what the screen shows (after narrowing) to a file: asks for
    /// the format and the file name.
    Export,
    /// The export prompt: the next file format.
    NextFormat,
    /// Answer yes to the question asked (overwrite the file).
    Yes,
    /// Answer no.
    No,
    /// Copy the selection to the clipboard (OSC 52).
    Copy,
    /// Copy the selected article's URL.
    CopyUrl,
    /// Read the selected article in `$PAGER`.
    Pager,
    /// Open a copy of the selected article in `$EDITOR`.
    Editor,
    /// Open the selected article's URL in the browser.
    Browse,
    // ---- state that lasts (read, stars, tags, notes, query history) ----
    /// Star or unstar the article.
    ToggleStar,
    /// Mark the article read or unread.
    ToggleRead,
    /// Edit the article's tags (a prompt).
    EditTags,
    /// Write the article's note (a prompt).
    EditNote,
    /// Open the tags pane (tags, starred, unread, saved queries).
    Tags,
    /// Query line: the previous (older) / next query of the history.
    HistoryPrev,
    HistoryNext,
    /// Query line: search the history (again: an older match).
    HistorySearch,
    /// Query line: save the query under a name.
    SaveQuery,
    /// Tags prompt: complete the tag being typed.
    Complete,
    // stories and compare beyond verbatim (issue 15)
    /// Open the stories view: groups of articles reporting one event.
    Stories,
    /// Compare view: the text, or each side's speakers and formulas.
    ToggleSides,

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
