//! The export prompt, drawn in the status bar's place: what is exported,
//! the formats (the chosen one marked), the file name being typed, and the
//! last error; or the question whether to overwrite a file.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{App, ExportPrompt, Stage};
use crate::export::ExportFormat;
use crate::store::escape_controls;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, prompt: &ExportPrompt, theme: &Theme) {
    let hints: Vec<(String, String)> = app.hints();
    let hint_text: String = hints.iter().map(|(k, what)| format!("  {k} {what}")).collect();
    let mut spans: Vec<Span> = Vec::new();
    match &prompt.stage {
        Stage::Overwrite(path, _) => {
            let name = escape_controls(&path.display().to_string()).into_owned();
            spans.push(Span::styled(" overwrite ", theme.error));
            spans.push(Span::raw(format!("{name}? ")));
            spans.push(Span::styled("y/n", theme.key));
            frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
        }
        Stage::Name => {
            spans.push(Span::raw(format!(" export {} as ", prompt.what)));
            for f in ExportFormat::ALL {
                if f == prompt.chosen_format() {
                    spans.push(Span::styled(format!("[{}]", f.label()), theme.key));
                } else {
                    spans.push(Span::styled(format!(" {} ", f.label()), theme.dim));
                }
            }
            spans.push(Span::raw(" to: "));
            let before: usize = spans.iter().map(|s| s.content.width()).sum();
            // the name, its end in view when it does not fit
            let error = prompt
                .error
                .as_deref()
                .map(|e| format!("  {e}"))
                .unwrap_or_default();
            let room = usize::from(area.width).saturating_sub(before + 1);
            let typed: String = prompt.name.chars().take(prompt.cursor).collect();
            let (name, skipped) = tail_fitting(&prompt.name, &typed, room);
            let cursor_x = before + typed.width().saturating_sub(skipped);
            spans.push(Span::raw(name));
            if error.is_empty() {
                spans.push(Span::styled(hint_text, theme.dim));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
            if !error.is_empty() {
                // the error always shows, at the right edge, over the rest
                let line = Line::from(Span::styled(format!("{error} "), theme.error))
                    .alignment(ratatui::layout::Alignment::Right);
                frame.render_widget(Paragraph::new(line), area);
            }
            let x = area.x.saturating_add(cursor_x as u16);
            if x < area.right() {
                frame.set_cursor_position(Position { x, y: area.y });
            }
        }
    }
}

/// `name` cut at the left so that the cursor (after `typed`) stays within
/// `room` columns: the part shown and the columns cut.
fn tail_fitting(name: &str, typed: &str, room: usize) -> (String, usize) {
    let mut skipped = 0;
    let mut chars = name.chars();
    let mut shown = name;
    while typed.width().saturating_sub(skipped) >= room.max(1) {
        let Some(c) = chars.next() else { break };
        skipped += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        shown = chars.as_str();
    }
    (shown.to_string(), skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_keeps_the_cursor_in_view() {
        assert_eq!(tail_fitting("abc", "abc", 10), ("abc".into(), 0));
        let (shown, skipped) = tail_fitting("abcdefghij", "abcdefghij", 5);
        assert_eq!((shown.as_str(), skipped), ("ghij", 6));
    }
}
