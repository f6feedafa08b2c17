//! The compare view: a header with both titles and the similarity both
//! ways, then A and B with each shared passage in its own colour.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

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
    let (pa, pb) = (c.comparison.a_shared * 100.0, c.comparison.b_shared * 100.0);
    let mut passages = format!(
        "{n} shared passage{}, {shared_words} words",
        if n == 1 { "" } else { "s" }
    );
    // beyond verbatim (issue 15)
    if !c.reworded.is_empty() {
        passages.push_str(&format!(" · {} reworded", c.reworded.len()));
    }
    let width = usize::from(areas.header.width);
    let header = vec![
        header_line(
            "A",
            &a.meta.title,
            [
                format!("{pa:.0}% of A is shared with B"),
                format!("{pa:.0}% shared"),
            ],
            width,
            theme,
        ),
        header_line(
            "B",
            &b.meta.title,
            [
                format!("{pb:.0}% of B is shared with A · {passages}"),
                format!("{pb:.0}% shared · {passages}"),
            ],
            width,
            theme,
        ),
    ];
    frame.render_widget(Paragraph::new(header), areas.header);
    if c.show_sides {
        sides(frame, app, c, areas.a.union(areas.b), theme);
        return;
    }
    pane(frame, areas.a, "A", a, &c.a, c, Side::A, theme);
    pane(frame, areas.b, "B", b, &c.b, c, Side::B, theme);
}

/// Titles shorter than this give way to the full wording of the figures.
const MIN_TITLE: usize = 20;

/// " A title  figures" in `width` columns: the figures always show (in
/// their short wording when the full one leaves the title too little room);
/// the title is cut to what is left.
fn header_line<'a>(
    side: &'a str,
    title: &str,
    figures: [String; 2],
    width: usize,
    theme: &Theme,
) -> Line<'a> {
    let label = format!(" {side} ");
    let fixed = label.width() + 2;
    let [full, short] = figures;
    let room = |f: &str| width.saturating_sub(fixed + f.width());
    let figures = if room(&full) >= MIN_TITLE.min(title.width()) {
        full
    } else {
        short
    };
    let title = super::width::cut(title, room(&figures));
    Line::from(vec![
        Span::styled(label, theme.key),
        Span::styled(title, theme.title),
        Span::styled(format!("  {figures}"), theme.dim),
    ])
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
    if let Some(at) = c.jump_label() {
        bottom = format!(" {at} · {}", bottom.trim_start());
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

/// The speakers and formulas page (`v`), in the body of the view.
fn sides(frame: &mut Frame, app: &App, c: &CompareState, area: ratatui::layout::Rect, theme: &Theme) {
    use crate::app::SideKind;
    let lines: Vec<Line> = c
        .sides
        .as_ref()
        .map(|(_, lines)| {
            lines
                .iter()
                .skip(c.sides_scroll)
                .take(usize::from(area.height))
                .map(|l| {
                    let style = match l.kind {
                        SideKind::Heading => theme.header,
                        SideKind::Speaker => theme.title,
                        SideKind::Quote => ratatui::style::Style::new(),
                        SideKind::Dim => theme.dim,
                    };
                    Line::styled(l.text.as_str(), style)
                })
                .collect()
        })
        .unwrap_or_default();
    let total = c.sides.as_ref().map_or(0, |s| s.1.len());
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(" Speakers and formulas: A │ B ", theme.title))
        .title_bottom(
            Line::styled(
                format!(
                    " {} · {} ",
                    app.keymap
                        .key_for(&app.keys(), crate::app::Action::ToggleSides)
                        .map_or_else(String::new, |k| format!("{k} the texts")),
                    format_args!("line {}/{}", (c.sides_scroll + 1).min(total), total)
                ),
                theme.dim,
            )
            .right_aligned(),
        );
    let inner = layout::pane_text(area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), inner);
    super::scrollbar(
        frame,
        area,
        total.saturating_sub(usize::from(inner.height)),
        c.sides_scroll,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figures_always_show() {
        let t = Theme::monochrome();
        let title = "A very long title of an article about relations and rock solid ties".repeat(2);
        for width in [40, 80, 120, 200] {
            let figures = [
                "12% of B is shared with A · 2 shared passages, 57 words".to_string(),
                "12% shared · 2 shared passages, 57 words".to_string(),
            ];
            let line = header_line("B", &title, figures, width, &t);
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            assert!(text.width() <= width.max(45), "{width}: {text}");
            assert!(text.ends_with("2 shared passages, 57 words"), "{width}: {text}");
        }
    }
}
