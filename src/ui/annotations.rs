//! State that lasts, on screen: the list's markers (star, tags, note;
//! unread titles in bold), the reader's line of marks under the details,
//! the prompt over the status bar, and the tags pane.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{App, Prompt, TagRowKind, TagsState, layout};
use crate::store::{ArticleId, escape_controls};

/// Columns the list's markers take ("*#✎"), when the store is open.
pub const MARKERS: u16 = 3;

/// The list's markers for an article: `*` starred, `#` tagged, `✎` with
/// a note (spaces where not), or None without a store.
pub fn markers(app: &App, id: ArticleId) -> Option<String> {
    if !app.annotations.is_open() {
        return None;
    }
    let s = app.annotations.states.get(id);
    let star = s.is_some_and(|s| s.starred);
    let tags = s.is_some_and(|s| !s.tags.is_empty());
    let note = s.is_some_and(|s| s.note.is_some());
    Some(format!(
        "{}{}{}",
        if star { '*' } else { ' ' },
        if tags { '#' } else { ' ' },
        if note { '✎' } else { ' ' }
    ))
}

/// The style of an article's title in the list: bold while unread (with a store).
pub fn title_style(app: &App, id: ArticleId) -> Style {
    let unread = app.annotations.is_open() && !app.annotations.states.get(id).is_some_and(|s| s.read);
    if unread {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    }
}

/// The reader's line under the details: star, tags and the note, when the
/// article has any.
pub fn marks_line<'a>(app: &'a App, id: ArticleId, theme: &Theme) -> Option<Line<'a>> {
    let s = app.annotations.states.get(id)?;
    if !s.starred && s.tags.is_empty() && s.note.is_none() {
        return None;
    }
    let mut spans: Vec<Span> = Vec::new();
    if s.starred {
        spans.push(Span::styled("* starred", theme.key));
    }
    if !s.tags.is_empty() {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim));
        }
        let tags: Vec<String> = s
            .tags
            .iter()
            .map(|t| format!("#{}", escape_controls(t)))
            .collect();
        spans.push(Span::styled(tags.join(" "), theme.key));
    }
    if let Some(n) = &s.note {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim));
        }
        // one line: the note's line breaks as " / "
        let one: String = escape_controls(&n.replace("\r\n", "\n").replace(['\n', '\r'], " / ")).into_owned();
        spans.push(Span::raw(format!("✎ {one}")));
    }
    Some(Line::from(spans))
}

/// The prompt over the status bar: its label, the text, the cursor, an error.
pub fn draw_prompt(frame: &mut Frame, area: Rect, app: &App, p: &Prompt, theme: &Theme) {
    let label = p.label();
    let text = escape_controls(&p.text).into_owned();
    let mut spans = vec![Span::styled(label.clone(), theme.key), Span::raw(text)];
    if let Some(e) = &p.error {
        spans.push(Span::styled(format!("   {}", escape_controls(e)), theme.error));
    }
    // the prompt's keys at the right, as many as fit
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let mut right: Vec<Span> = Vec::new();
    let mut right_w = 0;
    for (k, what) in app.hints() {
        let what = format!(" {what}  ");
        let w = k.width() + what.width();
        if used + right_w + w + 2 > usize::from(area.width) {
            break;
        }
        right_w += w;
        right.push(Span::styled(k, theme.key));
        right.push(Span::raw(what));
    }
    if !right.is_empty() {
        spans.push(Span::raw(" ".repeat(usize::from(area.width) - used - right_w)));
        spans.extend(right);
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.status), area);
    let before: String = p.text.chars().take(p.cursor).collect();
    let x = area
        .x
        .saturating_add(label.width() as u16)
        .saturating_add(escape_controls(&before).width() as u16);
    if x < area.right() {
        frame.set_cursor_position(Position { x, y: area.y });
    }
}

/// The tags pane: tags with counts, the starred, unread and annotated
/// articles, the saved queries.
pub fn draw_tags(frame: &mut Frame, app: &App, t: &TagsState, theme: &Theme) {
    let area = app.env().main_area();
    let h = usize::from(layout::list_rows(area).height);
    let rows: Vec<Row> = t.rows[t.cursor.window(t.rows.len(), h)]
        .iter()
        .map(|r| {
            let (kind, style) = match r.kind {
                TagRowKind::Tag => ("tag", theme.key),
                TagRowKind::Mark => ("mark", theme.dim),
                TagRowKind::Saved => ("saved", theme.dim),
            };
            Row::new(vec![
                Line::styled(kind, theme.dim),
                Line::styled(escape_controls(&r.label).into_owned(), style),
                Line::raw(r.count.map_or_else(String::new, |n| n.to_string())).right_aligned(),
                Line::styled(escape_controls(&r.query).into_owned(), theme.dim),
            ])
        })
        .collect();
    let title = if app.annotations.is_open() {
        " Tags, marks and saved queries ".to_string()
    } else {
        " Tags — no state store this time (see i) ".to_string()
    };
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.title))
        .title_bottom(super::footer_line(super::footer(app, t), area.width, theme));
    let table = Table::new(
        rows,
        [
            Constraint::Length(5),
            Constraint::Fill(1),
            Constraint::Length(8),
            Constraint::Fill(1),
        ],
    )
    .header(Row::new(vec!["", "Name", "Articles", "Query"]).style(theme.header))
    .block(block)
    .column_spacing(1)
    .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(t.cursor.on_screen()));
    frame.render_stateful_widget(table, area, &mut state);
}
