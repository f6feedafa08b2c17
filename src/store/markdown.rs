//! Markdown shown as it reads: the reader hides the markup and styles what
//! it marks, while the article's text stays the Markdown source, so that
//! searches, quotes and every byte offset still refer to it. Everything
//! here is in byte ranges of that source: ranges to hide (`## `, `**`,
//! a link's `](url)`) and ranges to style (a heading, emphasis, a link's
//! text). A line break is never hidden, so the text's lines stay its lines.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// Above this many bytes a Markdown text is shown as it is: rendering is
/// linear, but a reader opening a very large file must not wait for it.
pub const MAX_RENDERED_BYTES: usize = 1 << 20;

/// What a stretch of the text is, for its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Heading(u8),
    Emphasis,
    Strong,
    Strikethrough,
    Code,
    CodeBlock,
    Link,
    Quote,
    /// A list item's `-`, `*` or `1.`.
    ListMarker,
}

/// The markup of a Markdown text, as ranges of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendering {
    /// Sorted, not overlapping, never holding a `\n`.
    pub hidden: Vec<Range<usize>>,
    /// In document order (an inner mark after the one it is inside).
    pub marks: Vec<(Range<usize>, Mark)>,
}

impl Rendering {
    /// The parts of `range` that are shown, in order.
    pub fn visible(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut at = range.start;
        let first = self.hidden.partition_point(|h| h.end <= range.start);
        for h in &self.hidden[first..] {
            if h.start >= range.end {
                break;
            }
            if h.start > at {
                out.push(at..h.start);
            }
            at = at.max(h.end);
        }
        if at < range.end {
            out.push(at..range.end);
        }
        out
    }

    /// The marks covering byte `pos`, outermost first.
    pub fn marks_at(&self, pos: usize) -> impl Iterator<Item = Mark> + '_ {
        self.marks
            .iter()
            .filter(move |(r, _)| r.contains(&pos))
            .map(|(_, m)| *m)
    }

    /// The text shown for `range` (markup hidden).
    pub fn shown(&self, text: &str, range: Range<usize>) -> String {
        self.visible(range).into_iter().map(|r| &text[r]).collect()
    }
}

/// An open element while walking the events: its range, what it marks, and
/// the ranges of its direct content.
struct Open {
    range: Range<usize>,
    mark: Option<Mark>,
    /// Hide what its content does not cover (inline markup, heading markers).
    hides: bool,
    children: Vec<Range<usize>>,
}

/// The markup of `text`. A text above [`MAX_RENDERED_BYTES`] gets none.
pub fn render(text: &str) -> Rendering {
    let mut out = Rendering::default();
    if text.len() > MAX_RENDERED_BYTES {
        return out;
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut hidden: Vec<Range<usize>> = Vec::new();
    let opts = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let (mark, hides) = match &tag {
                    Tag::Heading { level, .. } => (Some(Mark::Heading(*level as u8)), true),
                    Tag::Emphasis => (Some(Mark::Emphasis), true),
                    Tag::Strong => (Some(Mark::Strong), true),
                    Tag::Strikethrough => (Some(Mark::Strikethrough), true),
                    Tag::Link { .. } | Tag::Image { .. } => (Some(Mark::Link), true),
                    Tag::BlockQuote(_) => (Some(Mark::Quote), false),
                    Tag::CodeBlock(_) => (Some(Mark::CodeBlock), false),
                    _ => (None, false),
                };
                if let (Tag::Item, Some(parent)) = (&tag, stack.last())
                    && parent.mark.is_none()
                {
                    let marker_end = text[range.clone()]
                        .find(|c: char| c.is_whitespace())
                        .map_or(range.start, |i| range.start + i);
                    if marker_end > range.start {
                        out.marks.push((range.start..marker_end, Mark::ListMarker));
                    }
                }
                if let Some(m) = mark {
                    out.marks.push((range.clone(), m));
                }
                stack.push(Open {
                    range,
                    mark,
                    hides,
                    children: Vec::new(),
                });
            }
            Event::End(_) => {
                let Some(open) = stack.pop() else { continue };
                if open.hides {
                    let mut at = open.range.start;
                    let mut children = open.children;
                    children.sort_by_key(|r| r.start);
                    for c in children {
                        if c.start > at {
                            hidden.push(at..c.start);
                        }
                        at = at.max(c.end);
                    }
                    if at < open.range.end {
                        hidden.push(at..open.range.end);
                    }
                }
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(open.range);
                }
            }
            Event::Code(_) => {
                // the code without its backticks
                let s = &text[range.clone()];
                let ticks = s.len() - s.trim_start_matches('`').len();
                let inner = range.start + ticks..range.end.saturating_sub(ticks).max(range.start + ticks);
                out.marks.push((inner.clone(), Mark::Code));
                hidden.push(range.start..inner.start);
                hidden.push(inner.end..range.end);
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(range);
                }
            }
            Event::Text(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::TaskListMarker(_)
            | Event::Rule => {
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(range);
                }
            }
        }
    }
    out.hidden = tidy_hidden(text, hidden);
    out
}

/// True when the line starting at byte `line_start` is set apart from the
/// line before it by a blank line: Markdown's break between blocks. Lines
/// that follow one another directly in the source (a list's items, a
/// paragraph's or a quote's lines) are shown one under the other, with no
/// blank line between them.
pub fn after_blank_line(text: &str, line_start: usize) -> bool {
    let Some(before) = text.get(..line_start) else {
        return false;
    };
    // the line before this one (`before` ends with its `\n`)
    let Some(prev) = before.strip_suffix('\n') else {
        return false;
    };
    let prev_line = prev.rsplit_once('\n').map_or(prev, |(_, l)| l);
    prev_line.trim().is_empty() && !prev.trim().is_empty()
}

/// Sorted, merged, and split around line breaks (which stay shown).
fn tidy_hidden(text: &str, mut hidden: Vec<Range<usize>>) -> Vec<Range<usize>> {
    hidden.retain(|r| r.start < r.end && r.end <= text.len());
    hidden.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(hidden.len());
    for r in hidden {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = Vec::with_capacity(merged.len());
    for r in merged {
        let mut at = r.start;
        for (i, _) in text[r.clone()].match_indices('\n') {
            let nl = r.start + i;
            if nl > at {
                out.push(at..nl);
            }
            at = nl + 1;
        }
        if at < r.end {
            out.push(at..r.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        let r = render(text);
        r.shown(text, 0..text.len())
    }

    #[test]
    fn markup_is_hidden_text_kept() {
        assert_eq!(
            shown("# Rock solid ties\n\nSome **bold** and *soft* words."),
            "Rock solid ties\n\nSome bold and soft words."
        );
        assert_eq!(
            shown("See [the statement](https://x.example/s \"t\") today."),
            "See the statement today."
        );
        assert_eq!(shown("Run `cargo test` now"), "Run cargo test now");
        assert_eq!(shown("## Closed ##\ntext"), "Closed\ntext");
        assert_eq!(shown("Title\n=====\n\nbody"), "Title\n\n\nbody");
        assert_eq!(shown("~~gone~~ kept"), "gone kept");
    }

    #[test]
    fn lists_and_quotes_keep_their_markers_styled() {
        let text = "- one\n- two **2**\n\n> quoted line\n";
        let r = render(text);
        assert_eq!(r.shown(text, 0..text.len()), "- one\n- two 2\n\n> quoted line\n");
        let dash = text.find('-').unwrap();
        assert!(r.marks_at(dash).any(|m| m == Mark::ListMarker));
        let q = text.find("quoted").unwrap();
        assert!(r.marks_at(q).any(|m| m == Mark::Quote));
    }

    #[test]
    fn marks_cover_the_text_they_style() {
        let text = "A **strong *both*** end";
        let r = render(text);
        let both = text.find("both").unwrap();
        let at: Vec<Mark> = r.marks_at(both).collect();
        assert_eq!(at, [Mark::Strong, Mark::Emphasis]);
        assert!(r.marks_at(0).next().is_none());
        let h = render("### Third\n");
        assert!(h.marks_at(5).any(|m| m == Mark::Heading(3)));
    }

    #[test]
    fn visible_parts_of_a_line() {
        let text = "x **b** y";
        let r = render(text);
        assert_eq!(r.visible(0..text.len()), [0..2, 4..5, 7..9]);
        assert_eq!(r.visible(3..6), vec![Range { start: 4, end: 5 }]);
        assert_eq!(r.visible(5..5), Vec::<Range<usize>>::new());
    }

    #[test]
    fn blocks_are_set_apart_by_blank_lines_only() {
        let text = "# Title\n\nOne line\nand its next\n\n\n- one\n- two\n  \n> quote";
        let starts: Vec<(&str, bool)> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .filter(|&i| text[i..].lines().next().is_some_and(|l| !l.trim().is_empty()))
            .map(|i| (text[i..].lines().next().unwrap_or(""), after_blank_line(text, i)))
            .collect();
        assert_eq!(
            starts,
            [
                ("# Title", false),
                ("One line", true),
                ("and its next", false),
                ("- one", true),
                ("- two", false),
                ("> quote", true),
            ]
        );
        assert!(!after_blank_line("é", 1), "not a char boundary");
        assert!(!after_blank_line("a", 9));
    }

    #[test]
    fn plain_text_has_no_markup() {
        let text = "He said: “rock solid”. Then 3 * 4 = 12, and_so_on.";
        let r = render(text);
        assert!(r.hidden.is_empty(), "{:?}", r.hidden);
        assert_eq!(shown(text), text);
    }

    proptest::proptest! {
        #[test]
        fn hidden_ranges_are_sorted_on_char_boundaries_and_keep_line_breaks(
            s in "([#*_`\\[\\]()>~ -]|[a-zé—“”]|\n){0,80}"
        ) {
            let r = render(&s);
            let mut last = 0;
            for h in &r.hidden {
                proptest::prop_assert!(h.start >= last && h.start < h.end && h.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(h.start) && s.is_char_boundary(h.end));
                proptest::prop_assert!(!s[h.clone()].contains('\n'));
                last = h.end;
            }
            for (m, _) in &r.marks {
                proptest::prop_assert!(m.end <= s.len() && s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            }
            // the shown text has every line break of the source
            let shown = r.shown(&s, 0..s.len());
            proptest::prop_assert_eq!(shown.matches('\n').count(), s.matches('\n').count());
        }
    }
}
