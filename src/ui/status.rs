//! The status bar (counts, messages, key hints) and the query line.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::App;
use crate::loader::Phase;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut left: Vec<Span> = Vec::new();
    let total = app.index.corpus().live_len();
    let shown = app.filter.hits.len();
    let count = if app.filter.is_active() {
        format!(" {shown} of {total} articles")
    } else {
        format!(" {total} articles")
    };
    left.push(Span::raw(count));
    if let Some(p) = &app.progress {
        let frac = if p.bytes > 0 {
            p.bytes_done as f64 / p.bytes as f64
        } else if p.files > 0 {
            p.files_done as f64 / p.files as f64
        } else {
            0.0
        };
        let filled = (frac.clamp(0.0, 1.0) * 12.0).round() as usize;
        left.push(Span::raw(" · "));
        left.push(Span::styled("█".repeat(filled), theme.key));
        left.push(Span::styled("░".repeat(12 - filled), theme.dim));
        left.push(Span::raw(if p.phase == Phase::Reading {
            format!(
                " reading {}/{} files, {:.1}/{:.1} MB",
                p.files_done,
                p.files,
                p.bytes_done as f64 / 1e6,
                p.bytes as f64 / 1e6
            )
        } else {
            format!(" {} {}/{} articles", p.phase.label(), p.files_done, p.files)
        }));
    }
    if let Some(p) = app.filter.progress() {
        left.push(Span::styled(format!(" · filtering {:.0}%", p * 100.0), theme.key));
    }
    if !app.filter.input.is_empty() && !app.input_open {
        left.push(Span::raw(format!(" · filter: {}", app.filter.input)));
    }
    let skipped = app.issues.len();
    if skipped > 0 {
        left.push(Span::styled(format!(" · {skipped} load issues (i)"), theme.error));
    }
    if let Some(m) = &app.message {
        left.push(Span::raw(format!(" · {m}")));
    }
    // as many hints as fit beside the counts and message, most useful first
    let left_w: usize = left.iter().map(|s| s.content.width()).sum();
    let width = usize::from(area.width);
    let mut right: Vec<Span> = Vec::new();
    let mut right_w = 0;
    for (k, what) in app.hints() {
        let what = format!(" {what}  ");
        let w = k.width() + what.width();
        if left_w + right_w + w >= width {
            break;
        }
        right_w += w;
        right.push(Span::styled(k, theme.key));
        right.push(Span::raw(what));
    }
    let mut spans = left;
    if !right.is_empty() {
        spans.push(Span::raw(" ".repeat(width - left_w - right_w)));
        spans.extend(right);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
}

/// The query line: the prompt, the text, the cursor, and an error if any.
pub fn draw_input(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let f = &app.filter;
    let mut spans = vec![Span::styled("/", theme.key), Span::raw(f.input.as_str())];
    // an error that would not fit after the text (a long paste) shows at
    // the right edge, over the text
    let mut at_edge = None;
    if let Some(e) = &f.error {
        let error = format!("   {e}");
        if 1 + f.input.width() + error.width() > usize::from(area.width) {
            at_edge = Some(error);
        } else {
            spans.push(Span::styled(error, theme.error));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    if let Some(error) = at_edge {
        let line = Line::from(Span::styled(error, theme.error)).alignment(ratatui::layout::Alignment::Right);
        frame.render_widget(Paragraph::new(line), area);
    }
    let before: String = f.input.chars().take(f.cursor).collect();
    let x = area.x.saturating_add(1).saturating_add(before.width() as u16);
    if x < area.right() {
        frame.set_cursor_position(Position { x, y: area.y });
    }
}
