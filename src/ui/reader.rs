//! The reading pane: the open article's details, then its text wrapped to
//! the pane, with highlights. Lines were wrapped in update; this only slices.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{Theme, highlight};
use crate::app::{App, Focus, ReaderState, layout};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Reader && app.overlay.is_none();
    let mut block = Block::bordered().border_style(if focused {
        theme.border_focused
    } else {
        theme.border
    });
    let Some(article) = app.open_article() else {
        frame.render_widget(block.title(" Reader "), area);
        return;
    };
    let (margin, text_area) = app.reader_text_rects();
    let height = usize::from(text_area.height);
    let r = &app.reader;
    let mut pos = format!(" {} ", position(r, height));
    if let Some(i) = r.current_match {
        pos = format!(" match {}/{} ·{pos}", i + 1, r.matches.len());
    } else if r.matches.len() == 1 {
        pos = format!(" 1 match ·{pos}");
    } else if !r.matches.is_empty() {
        pos = format!(" {} matches ·{pos}", r.matches.len());
    }
    block = block
        .title(Line::styled(format!(" {} ", article.meta.title), theme.title))
        .title_bottom(Line::styled(pos, theme.dim).right_aligned());
    frame.render_widget(block, area);

    let inner = layout::inner(area).inner(Margin {
        horizontal: 1,
        vertical: 0,
    });
    let mut details: Vec<Span> = Vec::new();
    let mut push = |s: String| {
        if !details.is_empty() {
            details.push(Span::styled(" · ", theme.dim));
        }
        details.push(Span::styled(s, theme.dim));
    };
    if let Some(s) = &article.meta.source {
        push(s.clone());
    }
    if let Some(d) = &article.meta.date {
        push(d.clone());
    }
    if let Some(a) = &article.meta.author {
        push(format!("by {a}"));
    }
    push(format!("{} words", article.words));
    push(crate::store::escape_controls(&article.path).into_owned());
    if let Some(enc) = article.encoding {
        push(format!("read as {enc}"));
    } else if article.lossy {
        push("not UTF-8: decoded lossily".into());
    }
    if let Some(u) = &article.meta.url {
        push(u.clone());
    }
    // the legend: the phrase families in this article, in their colours
    let legend = if app.highlights_on {
        let families: Vec<(u16, &str)> = app
            .index
            .families_of(article.id)
            .iter()
            .map(|&f| {
                let label = app.index.family_labels().get(usize::from(f));
                (f, label.map_or("", String::as_str))
            })
            .collect();
        legend(
            &families,
            app.index.mined_finder().is_some(),
            usize::from(inner.width),
            theme,
        )
    } else {
        Vec::new()
    };
    let second = if legend.is_empty() {
        Line::styled("─".repeat(usize::from(inner.width)), theme.border)
    } else {
        Line::from(legend)
    };
    let mut header = vec![Line::from(details)];
    // the user's star, tags and note, under the details
    header.extend(super::annotations::marks_line(app, article.id, theme));
    header.push(second);
    let lines = header.len() as u16;
    frame.render_widget(
        Paragraph::new(header),
        Rect {
            height: inner.height.min(lines),
            ..inner
        },
    );

    text(frame, area, text_area, &article.body, r, theme);
    if margin.width > 0 {
        speaker_margin(frame, margin, app, article.id, theme);
    }
}

/// The legend line: "■ label" for each family, then how mined phrases look,
/// in `width` columns. When it does not fit, the mined phrases' note gets
/// short, then the families that do not fit (in order, shorter ones after
/// a long one may) are counted ("+3 more") rather than cut.
fn legend<'a>(families: &[(u16, &'a str)], mined: bool, width: usize, theme: &Theme) -> Vec<Span<'a>> {
    let item = |label: &str| 2 + label.width() + 2;
    let notes: &[&str] = if mined {
        &["mined recurring phrase", "mined"]
    } else {
        &[""]
    };
    let all: usize = families.iter().map(|(_, l)| item(l)).sum();
    let shown: Vec<bool> = match notes.iter().find(|n| all + n.width() <= width) {
        Some(_) => vec![true; families.len()],
        None => {
            // the families that fit, in order, beside "+N more" and the note
            let room = width
                .saturating_sub(notes[notes.len() - 1].width())
                .saturating_sub(format!("+{} more  ", families.len()).width());
            let mut used = 0;
            families
                .iter()
                .map(|(_, label)| {
                    let fits = used + item(label) <= room;
                    if fits {
                        used += item(label);
                    }
                    fits
                })
                .collect()
        }
    };
    let note = notes
        .iter()
        .find(|n| all + n.width() <= width)
        .unwrap_or(&notes[notes.len() - 1]);
    let mut spans = Vec::new();
    for (&(f, label), _) in families.iter().zip(&shown).filter(|(_, s)| **s) {
        spans.push(Span::styled("■ ", theme.family(f)));
        spans.push(Span::styled(format!("{label}  "), theme.dim));
    }
    let left_out = shown.iter().filter(|s| !**s).count();
    if left_out > 0 {
        spans.push(Span::styled(format!("+{left_out} more  "), theme.dim));
    }
    if let Some(word) = note.strip_prefix("mined") {
        spans.push(Span::styled("mined", theme.mined));
        spans.push(Span::styled(word.to_string(), theme.dim));
    }
    spans
}

/// The speaker of each quote beside its first line, a thin rule beside the rest.
fn speaker_margin(frame: &mut Frame, margin: Rect, app: &App, id: crate::store::ArticleId, theme: &Theme) {
    let r = &app.reader;
    let quotes = app.index.quotes_of(id);
    let w = usize::from(margin.width.saturating_sub(2));
    let lines: Vec<Line> = r
        .lines
        .iter()
        .skip(r.scroll)
        .take(usize::from(margin.height))
        .map(|l| {
            if l.start == l.end {
                return Line::raw("");
            }
            let starting = quotes
                .iter()
                .find(|q| q.range.start >= l.start && q.range.start < l.end);
            if let Some(q) = starting {
                let name = app.index.speaker(q.speaker).map_or("", |s| s.name.as_str());
                let short: String = name.chars().take(w).collect();
                return Line::styled(format!("{short:>w$} ┆"), theme.speaker(q.speaker));
            }
            let inside = quotes
                .iter()
                .find(|q| q.range.start < l.start && q.range.end > l.start);
            match inside {
                Some(q) => Line::styled(format!("{:>w$} ┆", ""), theme.speaker(q.speaker)),
                None => Line::raw(""),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), margin);
}

/// The wrapped, highlighted lines of `r` in `text_area`, with a scrollbar
/// on the right border of `area` when the text is longer than the pane.
pub fn text(frame: &mut Frame, area: Rect, text_area: Rect, body: &str, r: &ReaderState, theme: &Theme) {
    let height = usize::from(text_area.height);
    let lines: Vec<Line> = r
        .lines
        .iter()
        .skip(r.scroll)
        .take(height)
        .map(|l| match &r.markdown {
            Some(md) => highlight::markdown_line(body, l.start, l.end, &r.highlights, md, theme),
            None => highlight::line(body, l.start, l.end, &r.highlights, theme),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text_area);
    super::scrollbar(frame, area, r.max_scroll(height), r.top_line());
}

/// "12-40/340 45%": the lines shown and how far down.
pub fn position(r: &ReaderState, height: usize) -> String {
    let (first, last, total) = r.position(height);
    let pct = if total <= height {
        100
    } else {
        last * 100 / total.max(1)
    };
    format!("{first}-{last}/{total} {pct}%")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_legend_that_does_not_fit_counts_what_it_leaves_out() {
        let t = Theme::monochrome();
        let families = [
            (0, "rock solid"),
            (1, "no limits"),
            (2, "hegemony"),
            (3, "cold war mentality"),
        ];
        let full = text(&legend(&families, true, 200, &t));
        assert_eq!(
            full,
            "■ rock solid  ■ no limits  ■ hegemony  ■ cold war mentality  mined recurring phrase"
        );
        for width in [10, 20, 30, 40, 50, 60, 70, 80] {
            let l = text(&legend(&families, true, width, &t));
            assert!(l.width() <= width.max(14), "{width}: {l}");
            // labels are whole, and those left out are counted
            let shown = families
                .iter()
                .filter(|(_, label)| l.contains(&format!("■ {label}  ")))
                .count();
            assert_eq!(shown, l.matches('■').count(), "{width}: {l}");
            if shown < families.len() {
                let more = format!("+{} more", families.len() - shown);
                assert!(l.contains(&more), "{width}: {l}");
            }
        }
        assert_eq!(text(&legend(&[], false, 40, &t)), "");
    }
}
