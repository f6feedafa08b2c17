//! The speakers pane and the quotes view.

use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Wrap};

use super::Theme;
use super::picker::{self, PickerView};
use crate::analysis::speakers::QuoteKind;
use crate::app::{App, QuotesState, SpeakersState, layout};

/// Lines under the quotes list for the selected quote in full.
pub const PREVIEW_LINES: u16 = layout::QUOTE_PREVIEW_LINES;

pub fn draw_speakers(frame: &mut Frame, app: &App, s: &SpeakersState, theme: &Theme) {
    let area = app.env().main_area();
    let h = usize::from(layout::picker_rows(area, 0).height);
    let rows = s
        .picker
        .window(h)
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
        footer: super::footer(app, s),
        below: 0,
        in_articles: false,
    };
    picker::draw(frame, app, area, view, &s.picker, theme);
}

pub fn draw_quotes(frame: &mut Frame, app: &App, q: &QuotesState, theme: &Theme) {
    let area = app.env().main_area();
    let h = usize::from(layout::picker_rows(area, PREVIEW_LINES).height);
    let name = app.index.speaker(q.speaker).map_or("", |s| s.name.as_str());
    let rows = q
        .picker
        .window(h)
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
        footer: super::footer(app, q),
        below: PREVIEW_LINES,
        in_articles: true,
    };
    let below = picker::draw(frame, app, area, view, &q.picker, theme);
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
