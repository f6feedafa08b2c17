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
    let order = app.sort.label(app.filter.is_active());
    let title = if app.filter.is_active() {
        format!(" Articles {shown}/{total} · {order} ")
    } else {
        format!(" Articles {total} · {order} ")
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
    // star, tags and note before the title (with a state store)
    let markers = if app.annotations.is_open() {
        super::annotations::MARKERS
    } else {
        0
    };
    let cols = Columns::for_width(layout::inner(area).width.saturating_sub(markers));
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
            if cols.date {
                // the parsed date (a date that does not parse shows none)
                let date = a.date.map(|d| d.to_string()).unwrap_or_default();
                cells.push(Line::styled(date, theme.dim).into());
            }
            if cols.source > 0 {
                cells.push(Line::styled(a.meta.source.clone().unwrap_or_default(), theme.dim).into());
            }
            if cols.words {
                let words = if a.words >= 1_000_000 {
                    format!("{:.1}M", a.words as f64 / 1e6)
                } else if a.words >= 100_000 {
                    format!("{}k", a.words / 1000)
                } else {
                    a.words.to_string()
                };
                cells.push(Line::styled(words, theme.dim).right_aligned().into());
            }
            if cols.families {
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
    let mut widths = vec![Constraint::Length(1 + markers), Constraint::Fill(1)];
    let mut header = vec!["", "Title"];
    if cols.date {
        widths.push(Constraint::Length(DATE_WIDTH));
        header.push("Date");
    }
    if cols.source > 0 {
        widths.push(Constraint::Length(cols.source));
        header.push("Source");
    }
    if cols.words {
        widths.push(Constraint::Length(6));
        header.push(" Words");
    }
    if cols.families {
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

/// Columns of a date ("2023-03-05").
const DATE_WIDTH: u16 = 10;
/// The title keeps at least this many columns.
const TITLE_MIN: u16 = 22;

/// Which columns the list shows at a width (inside its border), most
/// useful first: the title (at least 22 columns), the date, the outlet
/// (7 to 12 columns), words, phrase families, then a wider outlet (to 18).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    date: bool,
    /// The outlet's width (0: not shown).
    source: u16,
    words: bool,
    families: bool,
}

impl Columns {
    fn for_width(inner: u16) -> Columns {
        // the mark and a space before the title
        let mut room = inner.saturating_sub(2 + TITLE_MIN);
        fn take(room: &mut u16, w: u16) -> bool {
            let fits = *room > w;
            if fits {
                *room -= w + 1;
            }
            fits
        }
        let date = take(&mut room, DATE_WIDTH);
        let mut source = if take(&mut room, 7) { 7 } else { 0 };
        if source > 0 {
            let grow = room.min(4);
            // (7 + 4: "South China" at 120 columns)
            source += grow;
            room -= grow;
        }
        let words = take(&mut room, 6);
        let families = take(&mut room, 3);
        if source > 0 {
            source += room.min(18 - source);
        }
        Columns {
            date,
            source,
            words,
            families,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_stays_at_common_widths() {
        // 80 columns stack the panes (78 inside); 100 and 120 put the list
        // beside the reader (43 and 52 inside); a moved split narrower still
        for inner in [78, 52, 43, 36] {
            let c = Columns::for_width(inner);
            assert!(c.date, "{inner}: {c:?}");
        }
        let c = Columns::for_width(78);
        assert_eq!(
            c,
            Columns {
                date: true,
                source: 18,
                words: true,
                families: true
            }
        );
        let c = Columns::for_width(52);
        assert!(c.date && c.source == 12 && c.families, "{c:?}");
        // 100 columns: the outlet before the words
        let c = Columns::for_width(43);
        assert!(c.date && c.source == 7 && !c.words, "{c:?}");
        // the columns never take the title's room
        for inner in 0..200u16 {
            let c = Columns::for_width(inner);
            let used = 2
                + if c.date { DATE_WIDTH + 1 } else { 0 }
                + if c.source > 0 { c.source + 1 } else { 0 }
                + if c.words { 7 } else { 0 }
                + if c.families { 4 } else { 0 };
            assert!(used + TITLE_MIN <= inner.max(2 + TITLE_MIN), "{inner}: {c:?}");
        }
        // very narrow: the title alone
        assert_eq!(
            Columns::for_width(26),
            Columns {
                date: false,
                source: 0,
                words: false,
                families: false
            }
        );
    }
}
