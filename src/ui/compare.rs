//! The compare view: a header with both titles and the similarity both
//! ways, then A and B with each shared passage in its own colour.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Theme, reader};
use crate::app::{App, CompareState, ReaderState, Side, layout};

pub fn draw(frame: &mut Frame, app: &App, c: &CompareState, theme: &Theme) {
    let areas = app.env().compare_areas();
    let (Some(a), Some(b)) = (
        c.a.article.and_then(|id| app.index.article(id)),
        c.b.article.and_then(|id| app.index.article(id)),
    ) else {
        return;
    };
    let n = c.comparison.passages.len();
    let shared_words: usize = c.comparison.passages.iter().map(|p| p.words).sum();
    let header = vec![
        Line::from(vec![
            Span::styled(" A ", theme.key),
            Span::styled(a.meta.title.as_str(), theme.title),
            Span::styled(
                format!("  {:.0}% of A is shared with B", c.comparison.a_shared * 100.0),
                theme.dim,
            ),
        ]),
        Line::from(vec![
            Span::styled(" B ", theme.key),
            Span::styled(b.meta.title.as_str(), theme.title),
            Span::styled(
                format!(
                    "  {:.0}% of B is shared with A · {n} shared passage{}, {shared_words} words",
                    c.comparison.b_shared * 100.0,
                    if n == 1 { "" } else { "s" }
                ),
                theme.dim,
            ),
        ]),
    ];
    frame.render_widget(Paragraph::new(header), areas.header);
    pane(frame, areas.a, "A", a, &c.a, c, Side::A, theme);
    pane(frame, areas.b, "B", b, &c.b, c, Side::B, theme);
}

#[allow(clippy::too_many_arguments)]
fn pane(
    frame: &mut Frame,
    area: ratatui::layout::Rect,
    name: &str,
    article: &crate::store::Article,
    r: &ReaderState,
    c: &CompareState,
    side: Side,
    theme: &Theme,
) {
    let text_area = layout::pane_text(area);
    let focused = !c.locked && c.side == side;
    let mut bottom = format!(" {} ", reader::position(r, usize::from(text_area.height)));
    if let Some(i) = c.current {
        bottom = format!(
            " passage {}/{} · {}",
            i + 1,
            c.comparison.passages.len(),
            bottom.trim_start()
        );
    }
    if c.locked {
        bottom = format!(" locked ·{bottom}");
    }
    let source = article.meta.source.as_deref().unwrap_or("");
    let block = Block::bordered()
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Line::from(vec![
            Span::styled(format!(" {name} "), theme.key),
            Span::styled(format!("{} ", source), theme.dim),
        ]))
        .title_bottom(Line::styled(bottom, theme.dim).right_aligned());
    frame.render_widget(block, area);
    reader::text(frame, area, text_area, &article.body, r, theme);
}
