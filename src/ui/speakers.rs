//! The speakers pane and the quotes view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Wrap};

use super::Theme;
use super::picker::{self, PickerView};
use crate::analysis::speakers::QuoteKind;
use crate::app::{App, layout};

/// Lines under the quotes list for the selected quote in full.
pub const PREVIEW_LINES: u16 = layout::QUOTE_PREVIEW_LINES;

fn main_area(app: &App) -> Rect {
    layout::main_area(Rect::new(0, 0, app.size.0, app.size.1), app.input_open)
}

pub fn draw_speakers(frame: &mut Frame, app: &App, theme: &Theme) {
    let Some(s) = &app.speakers_view else { return };
    let area = main_area(app);
    let h = usize::from(layout::picker_rows(area, 0).height);
    let rows = picker::window(&s.picker, h)
        .iter()
        .filter_map(|&i| {
            let st = &s.stats[i];
            let sp = app.index.speaker(st.id)?;
            let kind = sp.kind.label();
            Some(Row::new(vec![
                Line::styled(sp.name.clone(), theme.title),
                Line::styled(kind, theme.dim),
                Line::styled(sp.role.clone().unwrap_or_default(), theme.dim),
                Line::raw(st.quotes.to_string()).right_aligned(),
                Line::raw(st.articles.len().to_string()).right_aligned(),
            ]))
        })
        .collect();
    let view = PickerView {
        title: format!(" Speakers · {} ", s.stats.len()),
        header: Row::new(vec!["Name", "Kind", "Role", "Quotes", "Articles"]),
        widths: vec![
            Constraint::Fill(2),
            Constraint::Length(12),
            Constraint::Fill(3),
            Constraint::Length(6),
            Constraint::Length(8),
        ],
        rows,
        total: s.stats.len(),
        footer: " Enter filters articles · Tab their quotes · Esc back ",
        below: 0,
    };
    picker::draw(frame, area, view, &s.picker, theme);
}

pub fn draw_quotes(frame: &mut Frame, app: &App, theme: &Theme) {
    let Some(q) = &app.quotes_view else { return };
    let area = main_area(app);
    let h = usize::from(layout::picker_rows(area, PREVIEW_LINES).height);
    let name = app.index.speaker(q.speaker).map_or("", |s| s.name.as_str());
    let rows = picker::window(&q.picker, h)
        .iter()
        .filter_map(|&i| {
            let (aid, _) = q.items[i];
            let a = app.index.article(aid)?;
            Some(Row::new(vec![
                Line::styled(a.meta.title.clone(), theme.dim),
                Line::raw(q.label(&app.index, i)),
            ]))
        })
        .collect();
    let view = PickerView {
        title: format!(" What {name} said · {} quotes ", q.items.len()),
        header: Row::new(vec!["Article", "Quote"]),
        widths: vec![Constraint::Fill(1), Constraint::Fill(3)],
        rows,
        total: q.items.len(),
        footer: " Enter opens the article there · Esc back ",
        below: PREVIEW_LINES,
    };
    let below = picker::draw(frame, area, view, &q.picker, theme);
    // the selected quote in full
    let Some(i) = q.picker.current() else { return };
    let (aid, qi) = q.items[i];
    let (Some(a), Some(sq)) = (app.index.article(aid), app.index.quotes_of(aid).get(qi)) else {
        return;
    };
    let kind = match sq.kind {
        QuoteKind::Direct => "said",
        QuoteKind::Reported => "reportedly said",
    };
    let text = vec![
        Line::styled("─".repeat(usize::from(below.width)), theme.border),
        Line::from(vec![
            Span::styled(format!("{name} {kind}: "), theme.key),
            Span::raw(q.label(&app.index, i)),
        ]),
        Line::styled(
            format!(
                "— {}{}",
                a.meta.title,
                a.meta
                    .source
                    .as_deref()
                    .map(|s| format!(", {s}"))
                    .unwrap_or_default()
            ),
            theme.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), below);
}
