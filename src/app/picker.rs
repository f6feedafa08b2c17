//! A list you narrow by typing: the phrases and speakers panes, the quotes
//! and concordance views. Items are given as labels; typing keeps the ones
//! whose label fuzzily matches, in their original order.

use std::time::Instant;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::query::word_score;

use super::{Action, Context, Cursor, InputEdit, Keys};

/// Labels looked at between two looks at the clock.
const CHUNK: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// What is typed.
    pub query: String,
    /// Indices of the items shown, in order.
    pub rows: Vec<usize>,
    /// The selected position in `rows`, and the first shown.
    pub cursor: Cursor,
    /// The narrowing line is open: keys are typed into the query (`/`
    /// opens it, as the query line in the article list).
    pub typing: bool,
    /// Narrowing under way, when there are too many labels to look at in
    /// one frame (a concordance of 70,000 lines): see [`Picker::step`].
    scan: Option<Scan>,
}

/// The prefix of a narrowing word that matches the row's article.
pub const ARTICLE_PREFIX: &str = "in:";

/// `word` without `prefix` (any case), if it starts with it.
fn split_prefix<'a>(word: &'a str, prefix: &str) -> Option<&'a str> {
    let head = word.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &word[prefix.len()..])
}

/// What a row is narrowed by: its own text, and the article it is from
/// (outlet, date, title), which only words written `in:word` match.
pub trait Label {
    fn text(&self) -> &str;
    fn article(&self) -> &str {
        ""
    }
}

impl Label for String {
    fn text(&self) -> &str {
        self
    }
}

impl Label for &str {
    fn text(&self) -> &str {
        self
    }
}

/// (the row's text, its article)
impl Label for (String, String) {
    fn text(&self) -> &str {
        &self.0
    }
    fn article(&self) -> &str {
        &self.1
    }
}

/// What an action does to a picker's narrowing line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Edit the query this way (narrowing again).
    Edit(InputEdit),
    /// The line opened or closed; nothing else to do.
    Done,
    /// Not the line's: the pane handles it.
    No,
}

#[derive(Debug, Clone, Default)]
struct Scan {
    /// The next label to look at.
    next: usize,
    /// The item selected before the query changed, selected again once found.
    keep: Option<usize>,
}

impl Picker {
    /// A picker showing all `n` items.
    pub fn new(n: usize) -> Picker {
        Picker {
            rows: (0..n).collect(),
            ..Picker::default()
        }
    }

    /// The item under the selection.
    pub fn current(&self) -> Option<usize> {
        self.rows.get(self.cursor.selected).copied()
    }

    /// Applies an edit of the query and narrows the rows again, at once:
    /// for lists whose labels are all made.
    pub fn edit<S: Label>(&mut self, edit: InputEdit, labels: &[S]) {
        if self.edit_query(edit, labels.len()) {
            self.step(labels, labels.len(), None);
        }
    }

    /// Applies an edit of the query to a list of `total` items. True when the
    /// query changed: the rows are then empty until [`step`](Self::step)s
    /// narrow them (with an empty query they are all `total` at once).
    pub fn edit_query(&mut self, edit: InputEdit, total: usize) -> bool {
        let before = self.query.len();
        match edit {
            InputEdit::Insert(c) => self.query.push(c),
            InputEdit::Backspace => {
                self.query.pop();
            }
            InputEdit::Clear => self.query.clear(),
            InputEdit::DeleteWord => {
                let trimmed = self.query.trim_end();
                let cut = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.query.truncate(cut);
            }
            _ => return false,
        }
        if self.query.len() == before && !matches!(edit, InputEdit::Insert(_)) {
            return false;
        }
        self.restart(total);
        true
    }

    /// Sets the query and narrows the rows again, at once.
    pub fn set_query<S: Label>(&mut self, query: String, labels: &[S]) {
        self.query = query;
        self.restart(labels.len());
        self.step(labels, labels.len(), None);
    }

    /// Starts narrowing again for the query as it is now.
    fn restart(&mut self, total: usize) {
        // the item to select again: the one narrowing still looks for, else
        // the one selected (by the user, if they moved meanwhile)
        let keep = match &self.scan {
            Some(scan) => scan.keep.or(self.current()),
            None => self.current(),
        };
        self.cursor = Cursor::default();
        if self.query.trim().is_empty() {
            self.rows = (0..total).collect();
            self.scan = None;
            self.cursor.selected = keep.filter(|&k| k < total).unwrap_or(0);
        } else {
            self.rows.clear();
            self.scan = Some(Scan { next: 0, keep });
        }
    }

    /// Narrows on: looks at the labels not yet looked at (there may be fewer
    /// than `total` so far), checking `deadline` every few hundred. Every
    /// typed word must match a label the way plain query words do: a
    /// substring, initials, or a typo within one word; a word written
    /// `in:word` matches the article the row is from instead ([`Label`]).
    /// Narrowing ends once all `total` labels were looked at. True when
    /// rows were added.
    pub fn step<S: Label>(&mut self, labels: &[S], total: usize, deadline: Option<Instant>) -> bool {
        let Some(scan) = self.scan.as_mut() else {
            return false;
        };
        let m = SkimMatcherV2::default();
        let terms: Vec<(bool, &str, Vec<char>)> = self
            .query
            .split_whitespace()
            .filter_map(|t| {
                let (in_article, t) = match split_prefix(t, ARTICLE_PREFIX) {
                    Some(rest) => (true, rest),
                    None => (false, t),
                };
                // "in:" alone, while the word after it is still to come
                (!t.is_empty()).then(|| (in_article, t, t.chars().flat_map(char::to_lowercase).collect()))
            })
            .collect();
        let before = self.rows.len();
        let end = labels.len().min(total);
        while scan.next < end {
            let stop = (scan.next + CHUNK).min(end);
            for (i, label) in labels[scan.next..stop].iter().enumerate() {
                let i = scan.next + i;
                if terms.iter().all(|(in_article, t, lower)| {
                    let field = if *in_article {
                        label.article()
                    } else {
                        label.text()
                    };
                    word_score(&m, field, t, lower).is_some()
                }) {
                    if scan.keep == Some(i) {
                        self.cursor.selected = self.rows.len();
                    }
                    self.rows.push(i);
                }
            }
            scan.next = stop;
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
        }
        if scan.next >= total {
            self.scan = None;
        }
        self.rows.len() > before
    }

    /// Labels looked at so far while narrowing is under way.
    pub fn narrowing(&self) -> Option<usize> {
        self.scan.as_ref().map(|s| s.next)
    }

    /// Moves the selection, keeping it within `height` rows of the offset.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        // the user chose: narrowing on no longer moves the selection
        if let Some(scan) = &mut self.scan {
            scan.keep = None;
        }
        self.cursor.move_by(delta, self.rows.len(), height);
    }

    /// Scrolls the selection into a window of `height` rows.
    pub fn keep_visible(&mut self, height: usize) {
        self.cursor.keep_visible(self.rows.len(), height);
    }

    /// Selects the item shown at position `pos` of the rows, if it is there.
    pub fn select_row(&mut self, pos: usize) {
        if pos < self.rows.len() {
            if let Some(scan) = &mut self.scan {
                scan.keep = None;
            }
            self.cursor.selected = pos;
        }
    }

    /// The narrowing line: `/` opens it, Enter closes it keeping the query,
    /// Esc clears the query and closes it; acting on the selection closes
    /// it too (the query stays: coming back shows the list as it was).
    pub fn line(&mut self, action: Action) -> Line {
        match action {
            Action::StartFilter => self.typing = true,
            Action::ConfirmInput => self.typing = false,
            Action::CancelInput => {
                self.typing = false;
                return Line::Edit(InputEdit::Clear);
            }
            Action::Input(edit) => return Line::Edit(edit),
            Action::Open | Action::Drill => {
                self.typing = false;
                return Line::No;
            }
            _ => return Line::No,
        }
        Line::Done
    }

    /// How a pane with this picker reads keys: letters move and act until
    /// `/` opens the narrowing line, then they are typed.
    pub fn keys(&self, pane: Context) -> Keys {
        if self.typing {
            Keys::typing(&[Context::Narrow, pane, Context::Input])
        } else {
            Keys::of(&[pane])
        }
    }

    /// Movement in a window of `height` rows. True when the action moved.
    pub fn navigate(&mut self, action: Action, height: usize) -> bool {
        match super::cursor::movement(action, height) {
            Some(delta) => {
                self.move_by(delta, height);
                true
            }
            None => false,
        }
    }

    /// The narrowing line and movement of a pane whose labels are all
    /// there (narrowed at once): an edit narrows them and keeps the
    /// selection in view, `/`, Enter and Esc open and close the line, the
    /// movement keys move. True when the action was one of these.
    pub fn narrow_or_move<S: Label>(&mut self, action: Action, labels: &[S], height: usize) -> bool {
        match self.line(action) {
            Line::Edit(edit) => {
                self.edit(edit, labels);
                self.keep_visible(height);
                true
            }
            Line::Done => true,
            Line::No => self.navigate(action, height),
        }
    }

    /// The window of rows to draw in `height` lines.
    pub fn window(&self, height: usize) -> &[usize] {
        &self.rows[self.cursor.window(self.rows.len(), height)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: &[&str] = &["Wang Yi", "Sergey Lavrov", "Nikolai Patrushev", "Wang Wenbin"];

    #[test]
    fn typing_narrows_in_order() {
        let mut p = Picker::new(LABELS.len());
        for c in "wang".chars() {
            p.edit(InputEdit::Insert(c), LABELS);
        }
        assert_eq!(p.rows, [0, 3]);
        p.edit(InputEdit::Backspace, LABELS);
        p.edit(InputEdit::Clear, LABELS);
        assert_eq!(p.rows, [0, 1, 2, 3]);
    }

    #[test]
    fn selection_follows_the_item() {
        let mut p = Picker::new(LABELS.len());
        p.move_by(3, 10);
        assert_eq!(p.current(), Some(3));
        p.edit(InputEdit::Insert('w'), LABELS);
        assert_eq!(p.current(), Some(3), "Wang Wenbin is still there");
    }

    /// Many labels: "item N", every seventh also "wang".
    fn many(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                if i % 7 == 0 {
                    format!("item {i} wang")
                } else {
                    format!("item {i}")
                }
            })
            .collect()
    }

    #[test]
    fn narrowing_in_slices_finds_what_narrowing_at_once_does() {
        let labels = many(5000);
        let mut at_once = Picker::new(labels.len());
        at_once.edit(InputEdit::Insert('w'), &labels);
        let mut sliced = Picker::new(labels.len());
        assert!(sliced.edit_query(InputEdit::Insert('w'), labels.len()));
        assert!(sliced.rows.is_empty());
        let past = Instant::now();
        let mut steps = 0;
        while sliced.narrowing().is_some() {
            sliced.step(&labels, labels.len(), Some(past));
            steps += 1;
        }
        // one chunk per step when the deadline has passed
        assert_eq!(steps, labels.len().div_ceil(CHUNK));
        assert_eq!(sliced.rows, at_once.rows);
        assert_eq!(sliced.rows.len(), labels.len().div_ceil(7));
    }

    #[test]
    fn narrowing_waits_for_labels_still_to_come() {
        let labels = many(1000);
        let mut p = Picker::new(labels.len());
        p.edit_query(InputEdit::Insert('w'), labels.len());
        p.step(&labels[..300], labels.len(), None);
        assert_eq!(p.narrowing(), Some(300));
        p.step(&labels, labels.len(), None);
        assert_eq!(p.narrowing(), None);
        assert_eq!(p.rows.len(), 1000usize.div_ceil(7));
    }

    #[test]
    fn narrowing_selects_the_item_again_unless_the_user_moved() {
        let labels = many(5000);
        let mut p = Picker::new(labels.len());
        p.move_by(4200, 10);
        assert_eq!(p.current(), Some(4200));
        p.edit_query(InputEdit::Insert('w'), labels.len());
        let past = Instant::now();
        p.step(&labels, labels.len(), Some(past));
        assert_eq!(p.cursor.selected, 0, "not found yet");
        while p.narrowing().is_some() {
            p.step(&labels, labels.len(), Some(past));
        }
        assert_eq!(p.current(), Some(4200));
        // moving while narrowing: the selection stays where the user put it
        p.edit_query(InputEdit::Insert('a'), labels.len());
        p.step(&labels, labels.len(), Some(past));
        p.move_by(1, 10);
        while p.narrowing().is_some() {
            p.step(&labels, labels.len(), Some(past));
        }
        assert_eq!(p.cursor.selected, 1);
    }

    #[test]
    fn moving_while_narrowing_is_remembered_by_the_next_key() {
        let labels = many(5000);
        let n = labels.len();
        let mut p = Picker::new(n);
        p.edit_query(InputEdit::Insert('w'), n);
        let past = Instant::now();
        p.step(&labels, n, Some(past));
        p.move_by(3, 10);
        let chosen = p.current();
        assert!(chosen.is_some());
        p.edit_query(InputEdit::Insert('a'), n);
        while p.narrowing().is_some() {
            p.step(&labels, n, Some(past));
        }
        assert_eq!(p.current(), chosen);
    }

    #[test]
    fn an_empty_query_shows_everything_at_once() {
        let labels = many(5000);
        let mut p = Picker::new(labels.len());
        p.edit_query(InputEdit::Insert('w'), labels.len());
        assert!(p.edit_query(InputEdit::Backspace, labels.len()));
        assert_eq!(p.narrowing(), None);
        assert_eq!(p.rows.len(), 5000);
        assert!(
            !p.edit_query(InputEdit::Backspace, labels.len()),
            "nothing to delete"
        );
    }

    #[test]
    fn in_words_match_the_article_other_words_the_text() {
        let labels: Vec<(String, String)> = [
            ("relations are rock solid", "TASS 2023-03-01 Wang in Moscow"),
            ("we will not be swayed", "SCMP 2023-03-02 Rock solid ties"),
            ("a rock solid partnership", "SCMP 2023-03-03 Summit"),
        ]
        .iter()
        .map(|(t, a)| (t.to_string(), a.to_string()))
        .collect();
        let mut p = Picker::new(labels.len());
        p.set_query("rock solid".into(), &labels);
        assert_eq!(p.rows, [0, 2], "the titles are not the quotes");
        p.set_query("rock In:scmp".into(), &labels);
        assert_eq!(p.rows, [2]);
        p.set_query("in:rock".into(), &labels);
        assert_eq!(p.rows, [1]);
        // "in:" alone, the word still to come, narrows nothing yet
        p.set_query("in:".into(), &labels);
        assert_eq!(p.rows, [0, 1, 2]);
    }

    #[test]
    fn moving_clamps_and_scrolls() {
        let mut p = Picker::new(LABELS.len());
        p.move_by(100, 2);
        assert_eq!((p.cursor.selected, p.cursor.offset), (3, 2));
        p.move_by(-100, 2);
        assert_eq!((p.cursor.selected, p.cursor.offset), (0, 0));
        let mut empty = Picker::new(0);
        empty.move_by(1, 2);
        assert_eq!(empty.current(), None);
    }
}
