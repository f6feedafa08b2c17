//! Where each pane goes for a terminal size. Pure arithmetic on `Rect`s,
//! shared by drawing and by mouse hit-testing in update.

use ratatui::layout::Rect;

/// Below this size the app shows a short message instead of its panes.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, list and reader sit side by side; below it they stack.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// The screen regions of the main view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Rect,
    pub reader: Rect,
    pub input: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

/// Below this size only a short message shows.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

pub fn areas(size: Rect, input_open: bool) -> Areas {
    areas_split(size, input_open, None)
}

/// The list's share of the screen in percent when the user never moved the
/// split (`<` / `>`): of the width side by side, of the height stacked.
pub fn default_split(size: Rect) -> u16 {
    if size.width >= SIDE_BY_SIDE_WIDTH { 45 } else { 40 }
}

/// [`areas`] with the list taking `share` percent of the width (side by
/// side) or height (stacked); None: the default proportions. Both panes
/// keep a usable minimum whatever the share.
pub fn areas_split(size: Rect, input_open: bool, share: Option<u16>) -> Areas {
    if too_small(size.width, size.height) {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let status = Rect {
        y: size.bottom() - 1,
        height: 1,
        ..size
    };
    let mut main_h = size.height - 1;
    let input = input_open.then(|| {
        main_h -= 1;
        Rect {
            y: size.y + main_h,
            height: 1,
            ..size
        }
    });
    let main = Rect {
        height: main_h,
        ..size
    };
    let side_by_side = size.width >= SIDE_BY_SIDE_WIDTH;
    let first = match (share, side_by_side) {
        (None, true) => (main.width * 9 / 20).clamp(40, 80),
        (None, false) => (main.height * 2 / 5).max(4),
        // at least 24 columns each; at least 4 rows for the list, 3 for the reader
        (Some(pct), true) => {
            let w = (u32::from(main.width) * u32::from(pct) / 100) as u16;
            w.clamp(24, main.width.saturating_sub(24).max(24))
        }
        (Some(pct), false) => {
            let h = (u32::from(main.height) * u32::from(pct) / 100) as u16;
            h.clamp(4, main.height.saturating_sub(3).max(4))
        }
    };
    let (list, reader) = split(main, first, side_by_side);
    Areas {
        list,
        reader,
        input,
        status,
        too_small: false,
    }
}

/// Splits `r` into a first part `first` columns wide (side by side) or rows
/// high (stacked), and the rest.
fn split(r: Rect, first: u16, side_by_side: bool) -> (Rect, Rect) {
    if side_by_side {
        let w = first.min(r.width);
        (
            Rect { width: w, ..r },
            Rect {
                x: r.x + w,
                width: r.width - w,
                ..r
            },
        )
    } else {
        let h = first.min(r.height);
        (
            Rect { height: h, ..r },
            Rect {
                y: r.y + h,
                height: r.height - h,
                ..r
            },
        )
    }
}

/// Inside a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// The rows of the article list (inside the border, below the header row).
pub fn list_rows(list: Rect) -> Rect {
    let i = inner(list);
    Rect {
        y: i.y.saturating_add(1),
        height: i.height.saturating_sub(1),
        ..i
    }
}

/// The wrapped text of the reading pane: inside the border, one column of
/// padding on each side, below the two header lines (details and a rule).
pub fn reader_text(reader: Rect) -> Rect {
    let i = inner(reader);
    Rect {
        x: i.x.saturating_add(1),
        y: i.y.saturating_add(2),
        width: i.width.saturating_sub(2),
        height: i.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_is_side_by_side() {
        let a = areas(Rect::new(0, 0, 120, 40), false);
        assert_eq!(a.list.y, a.reader.y);
        assert_eq!(a.list.width + a.reader.width, 120);
        assert_eq!(a.status.y, 39);
        assert!(a.input.is_none());
    }

    #[test]
    fn narrow_stacks() {
        let a = areas(Rect::new(0, 0, 80, 30), true);
        assert_eq!(a.list.x, a.reader.x);
        assert_eq!(a.list.height + a.reader.height, 28);
        assert_eq!(a.input.unwrap().y, 28);
    }

    #[test]
    fn tiny_is_too_small() {
        assert!(areas(Rect::new(0, 0, 1, 1), false).too_small);
        assert!(areas(Rect::new(0, 0, 29, 40), false).too_small);
        assert!(!areas(Rect::new(0, 0, 30, 8), true).too_small);
    }

    #[test]
    fn a_moved_split_keeps_both_panes_usable() {
        let size = Rect::new(0, 0, 120, 40);
        let a = areas_split(size, false, Some(60));
        assert_eq!((a.list.width, a.reader.width), (72, 48));
        let a = areas_split(size, false, Some(100));
        assert_eq!(a.reader.width, 24);
        let a = areas_split(size, false, Some(0));
        assert_eq!(a.list.width, 24);
        // stacked: rows
        let size = Rect::new(0, 0, 80, 30);
        let a = areas_split(size, false, Some(70));
        assert_eq!((a.list.height, a.reader.height), (20, 9));
        let a = areas_split(size, false, Some(100));
        assert_eq!(a.reader.height, 3);
        // the smallest terminal: nothing overflows
        for share in [0, 50, 100] {
            let a = areas_split(Rect::new(0, 0, MIN_WIDTH, MIN_HEIGHT), true, Some(share));
            assert!(a.list.width <= MIN_WIDTH && a.reader.width <= MIN_WIDTH);
            assert!(a.list.height + a.reader.height <= MIN_HEIGHT - 2, "{a:?}");
        }
        assert_eq!(areas_split(size, false, None), areas(size, false));
    }

    #[test]
    fn inner_areas_never_underflow() {
        let r = Rect::new(0, 0, 1, 1);
        assert_eq!(reader_text(r).width, 0);
        assert_eq!(list_rows(r).height, 0);
    }
}

/// Everything above the query line and status bar.
pub fn main_area(size: Rect, input_open: bool) -> Rect {
    let a = areas(size, input_open);
    let bottom = a.input.map_or(a.status.y, |i| i.y);
    Rect {
        height: bottom.saturating_sub(size.y),
        ..size
    }
}

/// The compare view: a two-line header, then A and B side by side (or A
/// over B when narrow).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CompareAreas {
    pub header: Rect,
    pub a: Rect,
    pub b: Rect,
}

pub fn compare_areas(size: Rect, input_open: bool) -> CompareAreas {
    let main = main_area(size, input_open);
    let header = Rect {
        height: main.height.min(2),
        ..main
    };
    let body = Rect {
        y: main.y + header.height,
        height: main.height - header.height,
        ..main
    };
    let (a, b) = if main.width >= SIDE_BY_SIDE_WIDTH {
        split(body, body.width / 2, true)
    } else {
        split(body, body.height / 2, false)
    };
    CompareAreas { header, a, b }
}

/// The text of a compare pane: inside the border, one column of padding.
pub fn pane_text(pane: Rect) -> Rect {
    let i = inner(pane);
    Rect {
        x: i.x.saturating_add(1),
        width: i.width.saturating_sub(2),
        ..i
    }
}

/// A picker view (phrases, speakers, quotes, concordance): inside the
/// border, a query line and a header row above the rows. `below` lines at
/// the bottom are kept for a chart.
pub fn picker_rows(main: Rect, below: u16) -> Rect {
    let i = inner(main);
    let top = 2.min(i.height);
    let below = below.min(i.height - top);
    Rect {
        y: i.y + top,
        height: i.height - top - below,
        ..i
    }
}

/// Lines the quotes view keeps under its list for the selected quote in full.
pub const QUOTE_PREVIEW_LINES: u16 = 5;

/// Columns of the reader's speaker margin when quotes are shown attributed.
pub const SPEAKER_MARGIN: u16 = 16;
