//! Byte ranges → styled spans. The analyses return ranges into the text;
//! this turns one screen line of text plus the ranges that touch it into a
//! ratatui `Line`, layering overlapping styles (later kinds on top).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::analysis::text::floor_char_boundary;
use crate::app::{Highlight, HlKind};

use super::Theme;

/// Drawing order: a higher rank paints over a lower one.
fn rank(kind: HlKind) -> u8 {
    match kind {
        HlKind::Passage(_) => 0,
        HlKind::Quote(_) => 0,
        HlKind::Mined => 1,
        HlKind::Family(_) => 2,
        HlKind::Query => 3,
        HlKind::Current => 4,
        HlKind::Reworded(_) => 0,
        HlKind::Diff => 1,
    }
}

/// Styles `body[start..end]`, one screen line, with the highlights that overlap it.
pub fn line<'a>(
    body: &'a str,
    start: usize,
    end: usize,
    highlights: &[Highlight],
    theme: &Theme,
) -> Line<'a> {
    let text = &body[start..end];
    let mut touching: Vec<&Highlight> = highlights
        .iter()
        .take_while(|h| h.range.start < end)
        .filter(|h| h.range.end > start && h.range.start < h.range.end)
        .collect();
    if touching.is_empty() {
        return Line::raw(text);
    }
    touching.sort_by_key(|h| rank(h.kind));
    let mut cuts: Vec<usize> = vec![start, end];
    for h in &touching {
        for b in [h.range.start, h.range.end] {
            if b > start && b < end {
                cuts.push(floor_char_boundary(body, b));
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans: Vec<Span<'a>> = cuts
        .windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let style = touching
                .iter()
                .filter(|h| h.range.start <= w[0] && h.range.end >= w[1])
                .fold(Style::new(), |s, h| s.patch(theme.highlight(h.kind)));
            Span::styled(&body[w[0]..w[1]], style)
        })
        .collect();
    Line::from(spans)
}

/// One line of a Markdown text: its markup hidden, what the markup marks
/// styled, and the highlights over it as in [`line`].
pub fn markdown_line<'a>(
    body: &'a str,
    start: usize,
    end: usize,
    highlights: &[Highlight],
    md: &crate::store::markdown::Rendering,
    theme: &Theme,
) -> Line<'a> {
    let marks: Vec<_> = md
        .marks
        .iter()
        .filter(|(r, _)| r.start < end && r.end > start)
        .collect();
    let mut spans: Vec<Span<'a>> = Vec::new();
    for seg in md.visible(start..end) {
        let mut cuts = vec![seg.start, seg.end];
        for (r, _) in &marks {
            for b in [r.start, r.end] {
                if b > seg.start && b < seg.end {
                    cuts.push(floor_char_boundary(body, b));
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2).filter(|w| w[0] < w[1]) {
            let base = marks
                .iter()
                .filter(|(r, _)| r.contains(&w[0]))
                .fold(Style::new(), |s, (_, m)| s.patch(theme.markdown(*m)));
            for span in line(body, w[0], w[1], highlights, theme).spans {
                let style = base.patch(span.style);
                spans.push(Span::styled(span.content, style));
            }
        }
    }
    Line::from(spans)
}

/// Styles the chars of `text` at the given char indices (fuzzy matches).
pub fn chars<'a>(text: &'a str, indices: &[usize], base: Style, hit: Style) -> Line<'a> {
    if indices.is_empty() {
        return Line::styled(text, base);
    }
    let mut spans = Vec::new();
    let mut run_start = 0;
    let mut run_hit = false;
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        let is_hit = indices.binary_search(&ci).is_ok();
        if is_hit != run_hit && bi > run_start {
            let style = if run_hit { base.patch(hit) } else { base };
            spans.push(Span::styled(&text[run_start..bi], style));
            run_start = bi;
        }
        run_hit = is_hit;
    }
    let style = if run_hit { base.patch(hit) } else { base };
    spans.push(Span::styled(&text[run_start..], style));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hl(a: usize, b: usize, kind: HlKind) -> Highlight {
        Highlight { range: a..b, kind }
    }

    fn texts(l: &Line) -> Vec<String> {
        l.spans.iter().map(|s| s.content.to_string()).collect()
    }

    #[test]
    fn splits_at_range_edges() {
        let t = Theme::colored();
        let body = "relations are rock solid today";
        let l = line(body, 0, body.len(), &[hl(14, 24, HlKind::Query)], &t);
        assert_eq!(texts(&l), ["relations are ", "rock solid", " today"]);
        assert_eq!(l.spans[1].style, t.query);
    }

    #[test]
    fn ranges_crossing_line_edges() {
        let t = Theme::colored();
        let body = "aaa bbb ccc";
        let l = line(body, 4, 7, &[hl(2, 5, HlKind::Query)], &t);
        assert_eq!(texts(&l), ["b", "bb"]);
    }

    #[test]
    fn overlaps_layer_by_rank() {
        let t = Theme::colored();
        let body = "rock solid";
        let l = line(
            body,
            0,
            10,
            &[hl(0, 10, HlKind::Query), hl(0, 4, HlKind::Family(0))],
            &t,
        );
        assert_eq!(texts(&l), ["rock", " solid"]);
        // the query paints over the family
        assert_eq!(l.spans[0].style, t.family(0).patch(t.query));
    }

    #[test]
    fn chars_highlight() {
        let l = chars("Лавров says", &[0, 2], Style::new(), Style::new().bold());
        assert_eq!(texts(&l), ["Л", "а", "в", "ров says"]);
    }
}
