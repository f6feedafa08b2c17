//! The article list: title (with fuzzy matches marked), source, date, words.
//! Only the visible rows are built, so the cost does not grow with the corpus.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Row, Table, TableState};

use super::{Theme, highlight};
use crate::app::{App, Focus, layout};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::List && app.overlay.is_none();
    let total = app.index.corpus().live_len();
    let shown = app.filter.hits.len();
    let title = if app.filter.is_active() {
        format!(" Articles {shown}/{total} ")
    } else {
        format!(" Articles {total} ")
    };
    let block = Block::bordered()
        .title(Line::styled(title, theme.title))
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        });
    let rows_area = layout::list_rows(area);
    let height = usize::from(rows_area.height);
    let inner_w = layout::inner(area).width;
    let wide = inner_w >= 70;
    let show_words = inner_w >= 44;
    let rows: Vec<Row> = app.filter.hits[app.list.window(shown, height)]
        .iter()
        .filter_map(|hit| app.index.article(hit.id))
        .map(|a| {
            let indices = app
                .filter
                .matcher
                .as_ref()
                .map(|m| m.title_indices(&a.meta.title))
                .unwrap_or_default();
            let title = highlight::chars(
                &a.meta.title,
                &indices,
                super::annotations::title_style(app, a.id),
                theme.fuzzy_match,
            );
            let mark = match app.marks.iter().position(|&m| m == a.id) {
                Some(0) => "A",
                Some(_) => "B",
                None => "",
            };
            // the compare mark, then star, tags and note (with a state store)
            let mut mark = Line::styled(mark, theme.key);
            if let Some(m) = super::annotations::markers(app, a.id) {
                mark = Line::from(vec![
                    ratatui::text::Span::styled(format!("{:1}", mark.to_string()), theme.key),
                    ratatui::text::Span::styled(m, theme.key),
                ]);
            }
            let mut cells = vec![
                ratatui::widgets::Cell::from(mark),
                ratatui::widgets::Cell::from(title),
            ];
            cells.push(Line::styled(a.meta.source.clone().unwrap_or_default(), theme.dim).into());
            if wide {
                cells.push(Line::styled(a.meta.date.clone().unwrap_or_default(), theme.dim).into());
            }
            if show_words {
                let words = if a.words >= 1_000_000 {
                    format!("{:.1}M", a.words as f64 / 1e6)
                } else if a.words >= 100_000 {
                    format!("{}k", a.words / 1000)
                } else {
                    a.words.to_string()
                };
                cells.push(Line::styled(words, theme.dim).right_aligned().into());
            }
            if show_words {
                let fams = app.index.families_of(a.id);
                let cell = match fams.first() {
                    Some(&f) => Line::styled(fams.len().to_string(), theme.family(f)).right_aligned(),
                    None => Line::raw(""),
                };
                cells.push(cell.into());
            }
            Row::new(cells)
        })
        .collect();
    let src_w = if wide { 18 } else { 13 };
    let markers = if app.annotations.is_open() {
        super::annotations::MARKERS
    } else {
        0
    };
    let mut widths = vec![
        Constraint::Length(1 + markers),
        Constraint::Fill(1),
        Constraint::Length(src_w),
    ];
    let mut header = vec!["", "Title", "Source"];
    if wide {
        widths.push(Constraint::Length(10));
        header.push("Date");
    }
    if show_words {
        widths.push(Constraint::Length(6));
        header.push(" Words");
        // how many phrase families each article contains
        widths.push(Constraint::Length(3));
        header.push(" Ph");
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header))
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut state = TableState::default();
    if shown > 0 {
        state.select(Some(app.list.on_screen()));
    }
    frame.render_stateful_widget(table, area, &mut state);
    if shown == 0 && height > 0 {
        let msg = if total == 0 {
            "no articles loaded"
        } else {
            "no article matches the filter"
        };
        frame.render_widget(
            Line::styled(format!(" {msg}"), theme.dim),
            Rect {
                height: 1,
                ..rows_area
            },
        );
    }
}
