//! Drawing a picker view: border and title, the narrowing query, a header
//! row, and the visible rows (built by the caller for the window only).

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{Action, App, Picker, layout};

pub struct PickerView<'a> {
    pub title: String,
    pub header: Row<'a>,
    pub widths: Vec<Constraint>,
    pub rows: Vec<Row<'a>>,
    pub footer: String,
    /// How many items there are (for the progress of narrowing).
    pub total: usize,
    /// Lines kept at the bottom for the caller (a chart, a preview).
    pub below: u16,
    /// Rows that come from articles: `in:word` narrows by the article.
    pub in_articles: bool,
}

/// Draws the picker in `area` and returns the region kept below, if any.
pub fn draw(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    view: PickerView,
    picker: &Picker,
    theme: &Theme,
) -> Rect {
    let total = view.total;
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(view.title, theme.title))
        .title_bottom(super::footer_line(view.footer, area.width, theme));
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    if inner.height == 0 {
        return Rect::default();
    }
    let article_words = if view.in_articles {
        format!(" · {}word matches the article", crate::app::ARTICLE_PREFIX)
    } else {
        String::new()
    };
    let query = if picker.query.is_empty() && !picker.typing {
        // how to start narrowing: the key that opens the line here
        let open = app
            .keymap
            .key_for(&app.keys(), Action::StartFilter)
            .map_or_else(String::new, |k| format!("{k} to narrow{article_words}"));
        Line::from(vec![Span::styled("› ", theme.key), Span::styled(open, theme.dim)])
    } else if picker.query.is_empty() {
        Line::from(vec![
            Span::styled("› ", theme.key),
            Span::styled(format!("type to narrow{article_words}"), theme.dim),
        ])
    } else {
        Line::from(vec![
            Span::styled("› ", theme.key),
            Span::raw(picker.query.as_str()),
            Span::styled(
                match picker.narrowing() {
                    Some(done) => format!(
                        "   {} so far · narrowing {}%",
                        picker.rows.len(),
                        (done * 100 / total.max(1)).min(99)
                    ),
                    None => format!("   {} of them", picker.rows.len()),
                },
                theme.dim,
            ),
        ])
    };
    frame.render_widget(Paragraph::new(query), Rect { height: 1, ..inner });
    if picker.typing {
        let x = inner
            .x
            .saturating_add(2)
            .saturating_add(picker.query.width() as u16);
        if x < inner.right() {
            frame.set_cursor_position(Position { x, y: inner.y });
        }
    }
    let rows_area = layout::picker_rows(area, view.below);
    let table_area = Rect {
        y: rows_area.y.saturating_sub(1),
        height: rows_area.height + 1,
        ..rows_area
    };
    // the selection is the row's own style, under its spans: a match
    // highlighted in a line keeps its colours when the line is selected
    let selected = Some(picker.cursor.on_screen());
    let rows = view.rows.into_iter().enumerate().map(|(i, row)| {
        if Some(i) == selected {
            row.style(theme.selected)
        } else {
            row
        }
    });
    let table = Table::new(rows, view.widths)
        .header(view.header.style(theme.header))
        .column_spacing(1);
    let mut state = TableState::default();
    if !picker.rows.is_empty() {
        state.select(Some(picker.cursor.on_screen()));
    }
    frame.render_stateful_widget(table, table_area, &mut state);
    Rect {
        y: rows_area.bottom(),
        height: inner.bottom().saturating_sub(rows_area.bottom()),
        ..rows_area
    }
}
