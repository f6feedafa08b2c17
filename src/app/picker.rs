//! A list you narrow by typing: the phrases and speakers panes, the quotes
//! and concordance views. Items are given as labels; typing keeps the ones
//! whose label fuzzily matches, in their original order.

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::query::word_score;

use super::InputEdit;

#[derive(Debug, Clone, Default)]
pub struct Picker {
    /// What is typed.
    pub query: String,
    /// Indices of the items shown, in order.
    pub rows: Vec<usize>,
    /// Selected position in `rows`.
    pub selected: usize,
    /// First position of `rows` shown.
    pub offset: usize,
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
        self.rows.get(self.selected).copied()
    }

    /// Applies an edit of the query and narrows the rows again.
    pub fn edit<S: AsRef<str>>(&mut self, edit: InputEdit, labels: &[S]) {
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
            _ => return,
        }
        self.refilter(labels);
    }

    /// Keeps the items whose label fuzzily matches the query.
    pub fn refilter<S: AsRef<str>>(&mut self, labels: &[S]) {
        let keep = self.current();
        if self.query.trim().is_empty() {
            self.rows = (0..labels.len()).collect();
        } else {
            // every typed word must match the label the way plain query
            // words do: a substring, initials, or a typo within one word
            let m = SkimMatcherV2::default();
            let terms: Vec<(&str, Vec<char>)> = self
                .query
                .split_whitespace()
                .map(|t| (t, t.chars().flat_map(char::to_lowercase).collect()))
                .collect();
            self.rows = labels
                .iter()
                .enumerate()
                .filter(|(_, l)| {
                    terms
                        .iter()
                        .all(|(t, lower)| word_score(&m, l.as_ref(), t, lower).is_some())
                })
                .map(|(i, _)| i)
                .collect();
        }
        self.selected = keep
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
        self.offset = 0;
    }

    /// Moves the selection, keeping it within `height` rows of the offset.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        let n = self.rows.len();
        self.selected = (self.selected as isize + delta).clamp(0, n.saturating_sub(1) as isize) as usize;
        self.keep_visible(height);
    }

    pub fn keep_visible(&mut self, height: usize) {
        let h = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
    }

    /// Selects the row at a screen offset from the top of the list.
    pub fn click(&mut self, row: usize) {
        let i = self.offset + row;
        if i < self.rows.len() {
            self.selected = i;
        }
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

    #[test]
    fn moving_clamps_and_scrolls() {
        let mut p = Picker::new(LABELS.len());
        p.move_by(100, 2);
        assert_eq!((p.selected, p.offset), (3, 2));
        p.move_by(-100, 2);
        assert_eq!((p.selected, p.offset), (0, 0));
        let mut empty = Picker::new(0);
        empty.move_by(1, 2);
        assert_eq!(empty.current(), None);
    }
}
