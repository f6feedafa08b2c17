//! The stories view (groups of articles reporting one event) and one
//! story's articles.

use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

use super::Theme;
use super::picker::{self, PickerView};
use crate::app::{App, StoriesState, StoryState, layout};

pub fn draw_stories(frame: &mut Frame, app: &App, s: &StoriesState, theme: &Theme) {
    let area = app.env().main_area();
    let n = app.filter.hits.len();
    let articles = if n == 1 { "article" } else { "articles" };
    let over = match (s.filtered, n) {
        (true, _) => format!("the filter's {n} {articles}"),
        (false, 1) => "the only article".to_string(),
        (false, _) => format!("all {n} {articles}"),
    };
    if s.rows.is_empty() {
        let text = if s.waiting.is_some() {
            app.stories_progress()
        } else {
            if n < 2 {
                format!(
                    "No stories: a story needs two articles; there {} {n} here.",
                    if n == 1 { "is" } else { "are" }
                )
            } else {
                format!("No stories: no two of {over} report the same event.")
            }
        };
        let block = Block::bordered()
            .border_style(theme.border_focused)
            .title(Line::styled(format!(" Stories · {over} "), theme.title))
            .title_bottom(super::footer_line(super::footer(app, s), area.width, theme));
        frame.render_widget(
            Paragraph::new(Line::styled(text, theme.dim))
                .wrap(Wrap { trim: true })
                .block(block),
            area,
        );
        return;
    }
    let h = usize::from(layout::picker_rows(area, 0).height);
    let rows = s
        .picker
        .window(h)
        .iter()
        .filter_map(|&i| {
            let r = s.rows.get(i)?;
            Some(Row::new(vec![
                Line::raw(r.articles.len().to_string()).right_aligned(),
                Line::styled(StoriesState::span(r), theme.dim),
                Line::styled(r.label.clone(), theme.title),
                Line::styled(r.outlets.join(", "), theme.dim),
            ]))
        })
        .collect();
    let n = s.rows.len();
    // grouping again (the articles or the filter changed): the old groups stay meanwhile
    let again = if s.waiting.is_some() {
        format!("· {} ", app.stories_progress())
    } else {
        String::new()
    };
    let view = PickerView {
        title: format!(
            " Stories · {n} {} over {over} {again}",
            if n == 1 { "group" } else { "groups" }
        ),
        header: Row::new(vec!["Size", "Dates", "Story", "Outlets"]),
        widths: vec![
            Constraint::Length(4),
            Constraint::Length(23),
            Constraint::Fill(3),
            Constraint::Fill(2),
        ],
        rows,
        total: n,
        footer: super::footer(app, s),
        below: 0,
        in_articles: false,
    };
    picker::draw(frame, app, area, view, &s.picker, theme);
}

pub fn draw_story(frame: &mut Frame, app: &App, s: &StoryState, theme: &Theme) {
    let area = app.env().main_area();
    let h = usize::from(layout::list_rows(area).height);
    let n = s.row.articles.len();
    let rows: Vec<Row> = s.row.articles[s.cursor.window(n, h)]
        .iter()
        .filter_map(|&id| {
            let a = app.index.article(id)?;
            let mark = if s.mark == Some(id) { "A" } else { "" };
            Some(Row::new(vec![
                Line::styled(mark, theme.key),
                Line::styled(a.meta.date.clone().unwrap_or_default(), theme.dim),
                Line::styled(a.meta.source.clone().unwrap_or_default(), theme.dim),
                Line::raw(a.meta.title.as_str()),
            ]))
        })
        .collect();
    let span = StoriesState::span(&s.row);
    let span = if span.is_empty() {
        String::new()
    } else {
        format!(" · {span}")
    };
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(
            format!(" Story: {} · {n} articles{span} ", s.row.label),
            theme.title,
        ))
        .title_bottom(super::footer_line(super::footer(app, s), area.width, theme));
    let table = Table::new(
        rows,
        [
            Constraint::Length(1),
            Constraint::Length(10),
            Constraint::Length(20),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new(vec!["", "Date", "Source", "Title"]).style(theme.header))
    .block(block)
    .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(s.cursor.on_screen()));
    frame.render_stateful_widget(table, area, &mut state);
}
