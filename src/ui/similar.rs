//! The most-similar list.

use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

use super::Theme;
use crate::app::{App, SimilarState, layout};

pub fn draw(frame: &mut Frame, app: &App, s: &SimilarState, theme: &Theme) {
    let area = app.env().main_area();
    let source = app.index.article(s.source).map_or("", |a| a.meta.title.as_str());
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" Most similar to: {source} "), theme.title))
        .title_bottom(super::footer_line(super::footer(app, s), area.width, theme));
    if s.waiting.is_some() || s.results.is_empty() {
        let text = if s.waiting.is_some() {
            format!("ranking… {}", app.stories_progress())
        } else {
            "No other article shares a passage or a story with this one.".into()
        };
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.dim))
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let h = usize::from(layout::list_rows(area).height);
    let rows: Vec<Row> = s.results[s.cursor.window(s.results.len(), h)]
        .iter()
        .filter_map(|r| {
            let a = app.index.article(r.id)?;
            let shared = if r.passages == 0 {
                String::new()
            } else {
                format!(
                    "{:>3.0}%/{:.0}% in {}",
                    r.a_shared * 100.0,
                    r.b_shared * 100.0,
                    r.passages
                )
            };
            Some(Row::new(vec![
                Line::styled(format!("{:>3.0}%", r.story * 100.0), theme.key),
                Line::styled(shared, theme.dim),
                Line::raw(a.meta.title.as_str()),
                Line::styled(a.meta.source.clone().unwrap_or_default(), theme.dim),
                Line::styled(a.meta.date.clone().unwrap_or_default(), theme.dim),
            ]))
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(5),
            Constraint::Length(14),
            Constraint::Fill(1),
            Constraint::Length(20),
            Constraint::Length(10),
        ],
    )
    .header(Row::new(vec!["Story", "Shared A/B", "Title", "Source", "Date"]).style(theme.header))
    .block(block)
    .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(s.cursor.on_screen()));
    frame.render_stateful_widget(table, area, &mut state);
}
