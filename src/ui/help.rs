//! Overlays: the help (generated from the keymap) and the load issues.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::Theme;
use crate::app::{App, Context, Overlay, key_name};

const QUERY_HELP: &[(&str, &str)] = &[
    ("word", "fuzzy match on title, source and quoted speakers"),
    (
        "\"rock solid\"",
        "phrase in the text: any case, spaces, line breaks, hyphens",
    ),
    ("'word", "exact whole word in the text"),
    ("@name", "articles quoting a speaker whose name matches"),
    ("#label", "articles containing a phrase family"),
    ("!term", "articles the term does not match"),
    ("a | b", "either term; terms side by side must all match"),
];

/// The help text, generated from the keymap.
pub fn help_lines<'a>(app: &'a App, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    for ctx in Context::ALL {
        lines.push(Line::styled(ctx.title(), theme.title));
        for b in app.keymap.bindings().iter().filter(|b| b.context == ctx) {
            let keys: Vec<String> = b.keys.iter().map(|k| key_name(k)).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys.join(" ")), theme.key),
                Span::raw(b.help.as_str()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Query language", theme.title));
    for (syntax, what) in QUERY_HELP {
        lines.push(Line::from(vec![
            Span::styled(format!("  {syntax:<18}"), theme.key),
            Span::raw(*what),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Mouse: wheel scrolls the pane under the pointer; click selects.",
        theme.dim,
    ));
    lines
}

/// Load issues wrapped in their popup, at most.
const WRAP_ISSUES: usize = 2_000;

pub fn draw_overlay(frame: &mut Frame, area: Rect, app: &App, overlay: Overlay, theme: &Theme) {
    let width = usize::from(area.width.saturating_sub(3)).max(1);
    let (title, lines, scroll) = match overlay {
        Overlay::Help { scroll } => (" Help — Esc closes ", help_lines(app, theme), scroll),
        Overlay::Issues { scroll } => {
            // wrapped, continuation lines indented: a long path stays whole
            // (a line each past a few thousand: this is made every frame)
            let options = textwrap::Options::new(width).subsequent_indent("    ");
            let wrap = app.issues.len() <= WRAP_ISSUES;
            let lines = app
                .issues
                .iter()
                .flat_map(|i| {
                    let text = i.to_string();
                    if !wrap {
                        return vec![Line::raw(text)];
                    }
                    textwrap::wrap(&text, &options)
                        .into_iter()
                        .map(|l| Line::raw(l.into_owned()))
                        .collect::<Vec<_>>()
                })
                .collect();
            (" Load issues — Esc closes ", lines, scroll)
        }
    };
    let inner_h = usize::from(area.height.saturating_sub(2));
    let max_scroll = lines.len().saturating_sub(inner_h);
    app.overlay_max_scroll.set(max_scroll);
    app.overlay_page.set(inner_h);
    let scroll = scroll.min(max_scroll);
    frame.render_widget(Clear, area);
    let mut block = Block::bordered()
        .title(Line::styled(title, theme.title))
        .border_style(theme.border_focused);
    if max_scroll > 0 {
        let last = (scroll + inner_h).min(lines.len());
        block = block.title_bottom(
            Line::styled(
                format!(" {}-{last}/{} · ↑↓ PgUp PgDn ", scroll + 1, lines.len()),
                theme.dim,
            )
            .right_aligned(),
        );
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
    super::scrollbar(frame, area, max_scroll, scroll);
}
