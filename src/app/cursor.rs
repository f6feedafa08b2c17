//! A selection in a scrolled list: the selected row, the first row shown,
//! and keeping the one in view of the other. The article list, the picker
//! panes and the most-similar list all move this way; views without a
//! selection (the help and issues popups, the reader and the compare
//! view's sides) scroll with [`scrolled`].

use super::Action;

/// The rows a movement action moves a selection by in a window of
/// `height` rows (a page, half a page, to either end, the wheel's lines);
/// none for other actions.
pub fn movement(action: Action, height: usize) -> Option<isize> {
    let h = height.max(1) as isize;
    let half = (h / 2).max(1);
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => h,
        Action::PageUp => -h,
        Action::HalfPageDown => half,
        Action::HalfPageUp => -half,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        Action::ScrollAt { lines, .. } => isize::from(lines),
        _ => return None,
    })
}

/// A selected row and the first row shown, in a list of `len` rows seen
/// through a window of `height` rows. Methods take both (lists grow and
/// narrow, terminals resize) and keep `selected < len` (0 when empty) and
/// the selection inside the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    /// Selects `row`, clamped to the list, and scrolls it into view.
    pub fn select(&mut self, row: isize, len: usize, height: usize) {
        self.selected = if len == 0 {
            0
        } else {
            row.clamp(0, len as isize - 1) as usize
        };
        self.keep_visible(len, height);
    }

    /// Moves the selection by `delta` rows (clamped), scrolling with it.
    pub fn move_by(&mut self, delta: isize, len: usize, height: usize) {
        self.select((self.selected as isize).saturating_add(delta), len, height);
    }

    /// Moves the selection for a movement action ([`movement`]) over `len`
    /// rows seen `height` at a time; false for other actions.
    pub fn navigate(&mut self, action: Action, len: usize, height: usize) -> bool {
        match movement(action, height) {
            Some(delta) => {
                self.move_by(delta, len, height.max(1));
                true
            }
            None => false,
        }
    }

    /// Scrolls the window so the selection is in it, and not past the end
    /// of the list.
    pub fn keep_visible(&mut self, len: usize, height: usize) {
        let h = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + h {
            self.offset = self.selected + 1 - h;
        }
        self.offset = self.offset.min(len.saturating_sub(h));
    }

    /// Scrolls the window by `lines` (the mouse wheel); the selection stays
    /// on screen, moved to the nearest row shown. True when it moved.
    pub fn scroll(&mut self, lines: isize, len: usize, height: usize) -> bool {
        let h = height.max(1);
        self.offset = scrolled(self.offset, lines, len.saturating_sub(h));
        let row = self.selected.clamp(self.offset, self.offset + h - 1);
        let row = row.min(len.saturating_sub(1));
        let moved = row != self.selected;
        self.selected = row;
        moved
    }

    /// The row at `y` rows below the top of the window, if there is one.
    pub fn row_at(&self, y: usize, len: usize) -> Option<usize> {
        let row = self.offset + y;
        (row < len).then_some(row)
    }

    /// The rows of a list of `len` shown in a window of `height`.
    pub fn window(&self, len: usize, height: usize) -> std::ops::Range<usize> {
        let start = self.offset.min(len);
        start..(start + height).min(len)
    }

    /// Where the selection is drawn in the window.
    pub fn on_screen(&self) -> usize {
        self.selected.saturating_sub(self.offset)
    }
}

/// A scroll position `offset` moved by `lines` (down when positive), kept
/// within `0..=max` (the last position that still fills the window).
pub fn scrolled(offset: usize, lines: isize, max: usize) -> usize {
    offset.saturating_add_signed(lines).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_clamps_to_the_list() {
        let mut c = Cursor::default();
        c.move_by(100, 4, 2);
        assert_eq!(
            c,
            Cursor {
                selected: 3,
                offset: 2
            }
        );
        c.move_by(-100, 4, 2);
        assert_eq!(
            c,
            Cursor {
                selected: 0,
                offset: 0
            }
        );
        c.move_by(isize::MAX, 4, 10);
        assert_eq!(c.selected, 3);
        c.move_by(isize::MIN, 4, 10);
        assert_eq!(c.selected, 0);
    }

    #[test]
    fn movement_actions_move_by_rows_pages_and_ends() {
        let mut c = Cursor::default();
        assert!(c.navigate(Action::Down, 100, 10));
        assert_eq!(c.selected, 1);
        assert!(c.navigate(Action::PageDown, 100, 10));
        assert_eq!(c.selected, 11);
        assert!(c.navigate(Action::HalfPageUp, 100, 10));
        assert_eq!(c.selected, 6);
        assert!(c.navigate(Action::Bottom, 100, 10));
        assert_eq!(
            c,
            Cursor {
                selected: 99,
                offset: 90
            }
        );
        assert!(c.navigate(Action::Top, 100, 0));
        assert_eq!(c.selected, 0);
        // half a page of one row is still a row
        assert_eq!(movement(Action::HalfPageDown, 1), Some(1));
        assert!(!c.navigate(Action::Open, 100, 10));
        assert_eq!(movement(Action::Back, 10), None);
    }

    #[test]
    fn an_empty_list_selects_row_zero() {
        let mut c = Cursor::default();
        c.move_by(1, 0, 5);
        assert_eq!(c, Cursor::default());
        assert!(!c.scroll(3, 0, 5));
        assert_eq!(c.row_at(0, 0), None);
        assert_eq!(c.window(0, 5), 0..0);
    }

    #[test]
    fn the_selection_scrolls_into_view_both_ways() {
        let mut c = Cursor::default();
        c.select(9, 20, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 9,
                offset: 6
            }
        );
        assert_eq!(c.on_screen(), 3);
        c.select(2, 20, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 2,
                offset: 2
            }
        );
    }

    #[test]
    fn a_list_that_shrinks_pulls_the_window_back() {
        let mut c = Cursor {
            selected: 3,
            offset: 30,
        };
        c.keep_visible(10, 4);
        assert_eq!(
            c,
            Cursor {
                selected: 3,
                offset: 3
            }
        );
        let mut c = Cursor {
            selected: 9,
            offset: 8,
        };
        c.keep_visible(10, 5);
        assert_eq!(c.offset, 5, "no empty rows below the end");
    }

    #[test]
    fn the_wheel_scrolls_and_drags_the_selection_along() {
        let mut c = Cursor::default();
        assert!(c.scroll(3, 20, 5));
        assert_eq!(
            c,
            Cursor {
                selected: 3,
                offset: 3
            }
        );
        // scrolling back up leaves it where it is while it is on screen
        assert!(!c.scroll(-1, 20, 5));
        assert_eq!(
            c,
            Cursor {
                selected: 3,
                offset: 2
            }
        );
        // not past the end
        c.scroll(100, 20, 5);
        assert_eq!(c.offset, 15);
        assert_eq!(c.selected, 15);
    }

    #[test]
    fn rows_under_the_pointer() {
        let c = Cursor {
            selected: 5,
            offset: 4,
        };
        assert_eq!(c.row_at(0, 10), Some(4));
        assert_eq!(c.row_at(5, 10), Some(9));
        assert_eq!(c.row_at(6, 10), None);
        assert_eq!(c.window(10, 3), 4..7);
    }

    #[test]
    fn scrolled_stays_between_the_top_and_the_last_full_window() {
        assert_eq!(scrolled(5, 3, 10), 8);
        assert_eq!(scrolled(5, 30, 10), 10);
        assert_eq!(scrolled(5, -30, 10), 0);
        assert_eq!(scrolled(12, 0, 10), 10, "a shrunken view pulls the position back");
        assert_eq!(scrolled(0, isize::MAX / 2, 7), 7);
        assert_eq!(scrolled(3, isize::MIN / 2, 7), 0);
    }
}
