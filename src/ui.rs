//! Drawing. Everything here reads [`App`] state and writes to a ratatui
//! `Frame`; nothing changes state.

mod annotations;
mod compare;
mod help;
pub mod highlight;
mod list;
mod phrases;
mod picker;
mod prompt;
mod reader;
mod similar;
mod speakers;
mod status;
mod stories;
pub mod theme;
mod width;
// issue 14: the outlet and period views
mod survey;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Pane, Screen};
pub use theme::Theme;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    let areas = app.areas();
    if areas.too_small {
        let msg = format!(
            "Terminal too small ({}x{}). readout needs {MIN_WIDTH}x{MIN_HEIGHT}.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center),
            area,
        );
        return;
    }
    match app.screen() {
        Screen::Main => {
            list::draw(frame, areas.list, app, theme);
            reader::draw(frame, areas.reader, app, theme);
        }
        Screen::Compare(c) => compare::draw(frame, app, c, theme),
        Screen::Similar(s) => similar::draw(frame, app, s, theme),
        Screen::Speakers(s) => speakers::draw_speakers(frame, app, s, theme),
        Screen::Quotes(q) => speakers::draw_quotes(frame, app, q, theme),
        Screen::Phrases(s) => phrases::draw_phrases(frame, app, s, theme),
        Screen::Kwic(k) => phrases::draw_kwic(frame, app, k, theme),
        Screen::Tags(t) => annotations::draw_tags(frame, app, t, theme),
        Screen::Stories(s) => stories::draw_stories(frame, app, s, theme),
        Screen::Story(s) => stories::draw_story(frame, app, s, theme),
        Screen::Outlets(s) => survey::draw_outlets(frame, app, s, theme),
        Screen::Keyness(s) => survey::draw_keyness(frame, app, s, theme),
        Screen::Timeline(s) => survey::draw_timeline(frame, app, s, theme),
    }
    if let Some(input) = areas.input {
        status::draw_input(frame, input, app, theme);
    }
    if let Some(p) = &app.export_prompt {
        // the export prompt takes the status bar's place
        prompt::draw(frame, areas.status, app, p, theme);
    } else if let Some(p) = &app.prompt {
        // a prompt (tags, a note, history search) over the status bar
        annotations::draw_prompt(frame, areas.status, app, p, theme);
    } else {
        status::draw(frame, areas.status, app, theme);
    }
    if let Some(overlay) = app.overlay {
        help::draw_overlay(frame, popup(area), app, overlay, theme);
    }
    // emoji sequences as wide as every terminal draws them
    width::agree(frame.buffer_mut());
}

/// A pane's footer, from the keymap: " Enter filters articles · Esc back ".
/// It names the keys as they act with the narrowing line closed.
fn footer(app: &App, pane: &dyn Pane) -> String {
    app.keymap
        .footer(&crate::app::Keys::of(&[pane.context()]), pane.context())
}

/// A pane's key hints on its bottom border, right-aligned: the hints that
/// fit in `width` (the pane's, with its corners), first ones first, so a
/// narrow pane drops the last hints whole rather than cutting the first.
fn footer_line(hints: String, width: u16, theme: &Theme) -> ratatui::text::Line<'static> {
    ratatui::text::Line::styled(fit_hints(&hints, usize::from(width).saturating_sub(2)), theme.dim)
        .right_aligned()
}

/// The leading " · "-separated hints of ` a · b · c ` that fit in `width`.
fn fit_hints(hints: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if hints.width() <= width {
        return hints.to_string();
    }
    let mut out = String::new();
    for part in hints.trim().split(" · ") {
        let next = if out.is_empty() {
            format!(" {part} ")
        } else {
            format!("{} · {part} ", out.trim_end())
        };
        if next.width() > width {
            break;
        }
        out = next;
    }
    out
}

/// A centred rectangle for overlays.
fn popup(area: Rect) -> Rect {
    let w = (area.width * 4 / 5).max(area.width.min(60)).min(area.width);
    let h = (area.height * 4 / 5).max(area.height.min(16)).min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A scrollbar on the right border of a bordered `area`, when `max_scroll`
/// is above zero.
fn scrollbar(frame: &mut Frame, area: Rect, max_scroll: usize, scroll: usize) {
    use ratatui::layout::Margin;
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};
    if max_scroll == 0 || area.height <= 2 {
        return;
    }
    let mut state = ScrollbarState::new(max_scroll).position(scroll);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None),
        area.inner(Margin {
            horizontal: 0,
            vertical: 1,
        }),
        &mut state,
    );
}

#[cfg(test)]
mod tests {
    use super::fit_hints;

    #[test]
    fn hints_that_do_not_fit_are_dropped_whole_from_the_end() {
        let hints = " Enter filters articles · Tab concordance · / narrow · Esc back ";
        assert_eq!(fit_hints(hints, 80), hints);
        assert_eq!(fit_hints(hints, 44), " Enter filters articles · Tab concordance ");
        assert_eq!(fit_hints(hints, 25), " Enter filters articles ");
        assert_eq!(fit_hints(hints, 10), "");
        assert_eq!(fit_hints("", 10), "");
    }
}
