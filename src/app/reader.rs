//! The reading pane's state: the open article wrapped to the pane's width,
//! the scroll position and what to highlight. Wrapping happens here, in
//! update (when the article or the width changes), never while drawing.

use std::ops::Range;
use std::sync::Arc;

use crate::store::{Article, ArticleId};

/// One screen line: a byte range of the body (empty for the blank line
/// between paragraphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrappedLine {
    pub start: usize,
    pub end: usize,
}

/// What a highlight means; the theme decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HlKind {
    /// A match of the filter query.
    Query,
    /// The current query match (n/N).
    Current,
    /// A curated phrase family, by id.
    Family(u16),
    /// A mined recurring phrase.
    Mined,
    /// A passage shared with the other article in the compare view, by number.
    Passage(u16),
    /// A quote, by speaker id (attribution on).
    Quote(u32),
    /// Compare view (issue 15): a sentence the other article says in other
    /// words, by pair number.
    Reworded(u16),
    /// Compare view (issue 15): words that differ inside a shared passage.
    Diff,
}

/// A highlighted byte range of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub kind: HlKind,
}

/// State of the reading pane.
#[derive(Debug, Default, Clone)]
pub struct ReaderState {
    pub article: Option<ArticleId>,
    /// The width the lines were wrapped to.
    pub width: u16,
    pub lines: Vec<WrappedLine>,
    /// First line shown.
    pub scroll: usize,
    /// Highlights sorted by start.
    pub highlights: Vec<Highlight>,
    /// Query matches, for n/N.
    pub matches: Vec<Range<usize>>,
    pub current_match: Option<usize>,
    /// Start of the phrase occurrence last jumped to (`]`/`[`).
    pub phrase_cursor: Option<usize>,
    /// The text being shown, held to wrap more of it as it scrolls.
    pub body: Option<Arc<str>>,
    /// How far into `body` the lines are wrapped (a long text is wrapped
    /// [`WRAP_AHEAD`] bytes at a time, as it scrolls).
    pub wrapped_to: usize,
    /// A Markdown text's markup, hidden and styled by the reader.
    pub markdown: Option<Arc<crate::store::markdown::Rendering>>,
}

/// Bytes of text wrapped at a time: a long text opens at once, and is
/// wrapped further as it scrolls.
pub const WRAP_AHEAD: usize = 256 << 10;

/// A paragraph longer than this is wrapped in pieces of this size, greedily
/// (first fit: optimal fit costs too much on a huge paragraph).
const LONG_PARAGRAPH: usize = 64 << 10;

impl ReaderState {
    /// Shows `article` wrapped to `width`, with the given highlights.
    pub fn open(
        &mut self,
        article: &Article,
        width: u16,
        matches: Vec<Range<usize>>,
        mut highlights: Vec<Highlight>,
    ) {
        let same = self.article == Some(article.id);
        // the same text shown again (new highlights after analysis, a
        // filter applied again): the match and phrase last jumped to stay
        let same_text = same && !self.lines.is_empty();
        let current = self
            .current_match
            .filter(|_| same_text)
            .and_then(|i| self.matches.get(i).cloned());
        self.article = Some(article.id);
        if !same || self.width != width || self.lines.is_empty() {
            self.start_wrap(article, width);
        }
        if !same {
            self.scroll = 0;
        }
        self.current_match = current.and_then(|c| matches.iter().position(|m| *m == c));
        highlights.extend(matches.iter().enumerate().map(|(i, r)| Highlight {
            range: r.clone(),
            kind: if Some(i) == self.current_match {
                HlKind::Current
            } else {
                HlKind::Query
            },
        }));
        highlights.sort_by_key(|h| h.range.start);
        self.highlights = highlights;
        self.matches = matches;
        if !same_text {
            self.phrase_cursor = None;
        }
    }

    pub fn close(&mut self) {
        *self = ReaderState::default();
    }

    /// Re-wraps to a new width, keeping the same text at the top.
    pub fn rewrap(&mut self, article: &Article, width: u16) {
        if width == self.width && !self.lines.is_empty() {
            return;
        }
        let top = self.lines.get(self.scroll).map(|l| l.start);
        self.start_wrap(article, width);
        if let Some(top) = top {
            self.ensure_offset(top);
            self.scroll = self.line_of(top);
        }
    }

    /// Wraps the start of `article` to `width`; the rest waits for scrolling.
    fn start_wrap(&mut self, article: &Article, width: u16) {
        self.lines.clear();
        self.width = width;
        self.wrapped_to = wrap_part(&article.body, 0, WRAP_AHEAD, width, &mut self.lines);
        self.body = Some(Arc::clone(&article.body));
        // made again with the lines: a reloaded file keeps its id, not its text
        self.markdown = (article.format == crate::store::Format::Markdown)
            .then(|| Arc::new(crate::store::markdown::render(&article.body)));
    }

    /// True when the whole text is wrapped.
    fn complete(&self) -> bool {
        self.body.as_ref().is_none_or(|b| self.wrapped_to >= b.len())
    }

    /// Wraps more of the text (a step of [`WRAP_AHEAD`] bytes).
    fn wrap_more(&mut self) {
        if let Some(body) = self.body.clone() {
            let until = self.wrapped_to.saturating_add(WRAP_AHEAD);
            self.wrapped_to = wrap_part(&body, self.wrapped_to, until, self.width, &mut self.lines);
        }
    }

    /// Wraps until there are `n` lines (or the text ends).
    fn ensure_lines(&mut self, n: usize) {
        while self.lines.len() < n && !self.complete() {
            self.wrap_more();
        }
    }

    /// Wraps until byte `offset` is on a line (or the text ends).
    fn ensure_offset(&mut self, offset: usize) {
        while self.wrapped_to <= offset && !self.complete() {
            self.wrap_more();
        }
    }

    /// The number of lines: counted once all is wrapped, else estimated
    /// from the part wrapped so far.
    pub fn total_lines(&self) -> usize {
        match &self.body {
            Some(b) if !self.complete() && self.wrapped_to > 0 => {
                (self.lines.len() as f64 * b.len() as f64 / self.wrapped_to as f64) as usize
            }
            _ => self.lines.len(),
        }
    }

    /// The index of the line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }

    /// The furthest the view can scroll (estimated while the text is not all wrapped).
    pub fn max_scroll(&self, height: usize) -> usize {
        self.total_lines().saturating_sub(height.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let want = super::cursor::scrolled(self.scroll, delta, usize::MAX);
        self.ensure_lines(want.saturating_add(height.max(1)));
        let max = self.lines.len().saturating_sub(height.max(1));
        self.scroll = super::cursor::scrolled(want, 0, max);
    }

    /// Moves to the next (or previous) query match and scrolls it into view,
    /// a third of the way down the pane. Returns false when there is none.
    pub fn jump_match(&mut self, forward: bool, height: usize) -> bool {
        let n = self.matches.len();
        if n == 0 {
            return false;
        }
        let next = match self.current_match {
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => {
                // the first match at or below the top of the view (or above, backwards)
                let top = self.lines.get(self.scroll).map_or(0, |l| l.start);
                if forward {
                    self.matches.iter().position(|m| m.start >= top).unwrap_or(0)
                } else {
                    self.matches.iter().rposition(|m| m.start < top).unwrap_or(n - 1)
                }
            }
        };
        self.current_match = Some(next);
        let range = self.matches[next].clone();
        for h in &mut self.highlights {
            if h.kind == HlKind::Current {
                h.kind = HlKind::Query;
            }
            if h.kind == HlKind::Query && h.range == range {
                h.kind = HlKind::Current;
            }
        }
        self.reveal(range.start, height);
        true
    }

    /// Moves to the next (or previous) phrase occurrence (a family or a mined
    /// phrase) after (before) the last one jumped to, or the top of the view;
    /// returns its range.
    pub fn jump_phrase(&mut self, forward: bool, height: usize) -> Option<Range<usize>> {
        let is_phrase = |h: &&Highlight| matches!(h.kind, HlKind::Family(_) | HlKind::Mined);
        // after scrolling away from the last one, start from the view again
        if let Some(c) = self.phrase_cursor {
            let line = self.line_of(c);
            if line < self.scroll || line >= self.scroll + height.max(1) {
                self.phrase_cursor = None;
            }
        }
        let from = self
            .phrase_cursor
            .or_else(|| {
                self.lines.get(self.scroll).map(|l| {
                    if forward {
                        l.start.saturating_sub(1)
                    } else {
                        l.start
                    }
                })
            })
            .unwrap_or(0);
        let phrases: Vec<&Highlight> = self.highlights.iter().filter(is_phrase).collect();
        let next = if forward {
            phrases
                .iter()
                .find(|h| h.range.start > from || (self.phrase_cursor.is_none() && h.range.start >= from))
                .or(phrases.first())
        } else {
            phrases
                .iter()
                .rev()
                .find(|h| h.range.start < from)
                .or(phrases.last())
        }?;
        let range = next.range.clone();
        self.phrase_cursor = Some(range.start);
        self.reveal(range.start, height);
        Some(range)
    }

    /// Scrolls so that byte `offset` is in view, a third of the way down
    /// unless it is already visible.
    pub fn reveal(&mut self, offset: usize, height: usize) {
        self.ensure_offset(offset);
        let line = self.line_of(offset);
        let height = height.max(1);
        self.ensure_lines(line.saturating_add(height));
        if line < self.scroll || line >= self.scroll + height {
            let max = self.lines.len().saturating_sub(height);
            self.scroll = line.saturating_sub(height / 3).min(max);
        }
    }

    /// "line 12/340" style position: (first visible line, last visible line, total).
    pub fn position(&self, height: usize) -> (usize, usize, usize) {
        let total = self.total_lines();
        let first = (self.scroll + 1).min(total);
        let last = (self.scroll + height).min(total);
        (first, last, total)
    }
}

/// Wraps `body` to `width` columns: each non-blank line is a paragraph,
/// paragraphs are separated by one blank line (all at once: the reader
/// wraps as it scrolls, with [`wrap_part`]).
#[cfg(test)]
fn wrap(body: &str, width: u16) -> Vec<WrappedLine> {
    let mut out = Vec::new();
    wrap_part(body, 0, body.len(), width, &mut out);
    out
}

/// Wraps `body` from byte `from` (where an earlier call stopped) until at
/// least byte `until`, onto `out`; returns where it stopped: a paragraph's
/// start, or a piece's start inside a long paragraph.
fn wrap_part(body: &str, from: usize, until: usize, width: u16, out: &mut Vec<WrappedLine>) -> usize {
    let width = usize::from(width.max(1));
    let options = textwrap::Options::new(width)
        .break_words(true)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    let greedy = options.clone().wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let bytes = body.as_bytes();
    let mut at = from;
    while at < body.len() && at < until {
        let para_end = memchr::memchr(b'\n', &bytes[at..]).map_or(body.len(), |i| at + i);
        // a piece of a paragraph cut by the previous step
        let continuing = at > 0 && bytes[at - 1] != b'\n';
        let long = para_end - at > LONG_PARAGRAPH;
        let end = if long {
            let mut cut = at + LONG_PARAGRAPH;
            while !body.is_char_boundary(cut) {
                cut -= 1;
            }
            body[at..cut].rfind(' ').map_or(cut, |i| at + i + 1)
        } else {
            para_end
        };
        let para = &body[at..end];
        let para_start = at;
        at = if end == para_end { para_end + 1 } else { end };
        if para.trim().is_empty() {
            continue;
        }
        if !out.is_empty() && !continuing {
            out.push(WrappedLine {
                start: para_start,
                end: para_start,
            });
        }
        let mut cursor = 0;
        let opts = if long || continuing { &greedy } else { &options };
        for line in textwrap::wrap(para, opts) {
            let start = match line {
                std::borrow::Cow::Borrowed(s) => {
                    let p = s.as_ptr() as usize - para.as_ptr() as usize;
                    if p <= para.len() { Some(p) } else { None }
                }
                std::borrow::Cow::Owned(ref s) => para[cursor..].find(s.as_str()).map(|i| cursor + i),
            };
            let Some(start) = start else { continue };
            let end = start + line.len();
            cursor = end;
            out.push(WrappedLine {
                start: para_start + start,
                end: para_start + end,
            });
        }
    }
    at.min(body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(body: &'a str, lines: &[WrappedLine]) -> Vec<&'a str> {
        lines.iter().map(|l| &body[l.start..l.end]).collect()
    }

    #[test]
    fn wraps_paragraphs_with_blank_lines_between() {
        let body = "one two three four\nfive six\n\n\nseven";
        let lines = wrap(body, 9);
        assert_eq!(
            texts(body, &lines),
            ["one two", "three", "four", "", "five six", "", "seven"]
        );
    }

    #[test]
    fn long_words_break() {
        let body = "abcdefghij";
        assert_eq!(texts(body, &wrap(body, 4)), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn unicode_and_wide_chars() {
        let body = "王毅说中俄关系坚如磐石 Лавров сказал";
        for w in 1..20 {
            let lines = wrap(body, w);
            for l in &lines {
                assert!(body.is_char_boundary(l.start) && body.is_char_boundary(l.end));
            }
            let joined: String = texts(body, &lines).concat();
            assert_eq!(joined.replace(' ', ""), body.replace(' ', ""), "width {w}");
        }
    }

    #[test]
    fn width_zero_does_not_panic() {
        assert!(!wrap("a b c", 0).is_empty());
    }

    #[test]
    fn opening_the_same_text_again_keeps_the_match_jumped_to() {
        let a = Article::from_text(
            "a.txt",
            "Title\n\nrock solid, then rock solid again, rock solid",
            false,
        );
        let ranges = |body: &str| -> Vec<Range<usize>> {
            body.match_indices("rock solid")
                .map(|(i, m)| i..i + m.len())
                .collect()
        };
        let mut r = ReaderState::default();
        r.open(&a, 40, ranges(&a.body), Vec::new());
        assert!(r.jump_match(true, 10));
        assert!(r.jump_match(true, 10));
        assert_eq!(r.current_match, Some(1));
        // new highlights arrive (analysis finished): still match 2
        r.open(&a, 40, ranges(&a.body), Vec::new());
        assert_eq!(r.current_match, Some(1));
        let current: Vec<_> = r
            .highlights
            .iter()
            .filter(|h| h.kind == HlKind::Current)
            .collect();
        assert_eq!(current.len(), 1);
        assert_eq!(current[0].range, r.matches[1]);
        // a query that no longer matches there: no current match
        r.open(&a, 40, ranges(&a.body)[..1].to_vec(), Vec::new());
        assert_eq!(r.current_match, None);
        // another article starts afresh
        let mut b = Article::from_text("b.txt", "Other\n\nrock solid", false);
        b.id = a.id + 1;
        r.jump_match(true, 10);
        r.open(&b, 40, ranges(&b.body), Vec::new());
        assert_eq!(r.current_match, None);
    }

    #[test]
    fn a_long_text_is_wrapped_as_it_scrolls() {
        let mut text = String::from("Title\n\n");
        // one huge paragraph, then short ones
        while text.len() < 3 * WRAP_AHEAD {
            text.push_str("rock solid ties between the two sides ");
        }
        text.push_str("\n\nlast paragraph\n\nthe end");
        let a = Article::from_text("big.txt", &text, false);
        let mut r = ReaderState::default();
        r.open(&a, 40, Vec::new(), Vec::new());
        assert!(!r.complete(), "only the start is wrapped on opening");
        let first = r.lines.len();
        assert!(r.total_lines() > 2 * first, "the total is estimated");
        r.scroll_by(first as isize, 20);
        assert!(r.lines.len() > first, "scrolling wraps more");
        assert!(r.lines.len() >= r.scroll + 20);
        // revealing the end wraps to it; the lines are those of a whole wrap
        let end = a.body.len() - 3;
        r.reveal(end, 20);
        assert!(r.complete());
        assert_eq!(r.lines, wrap(&a.body, 40));
        assert_eq!(&a.body[r.lines[r.line_of(end)].start..], "the end");
        assert_eq!(r.position(20).2, r.lines.len());
        // every line fits and no text is lost
        for l in &r.lines {
            assert!(a.body[l.start..l.end].chars().count() <= 40);
        }
        let words: usize = r
            .lines
            .iter()
            .map(|l| a.body[l.start..l.end].split_whitespace().count())
            .sum();
        assert_eq!(words, a.body.split_whitespace().count());
    }

    #[test]
    fn line_of_offsets() {
        let body = "aaa bbb\nccc";
        let mut r = ReaderState {
            lines: wrap(body, 3),
            ..Default::default()
        };
        assert_eq!(texts(body, &r.lines), ["aaa", "bbb", "", "ccc"]);
        assert_eq!(r.line_of(0), 0);
        assert_eq!(r.line_of(5), 1);
        assert_eq!(r.line_of(8), 3);
        r.scroll = 0;
        r.reveal(8, 2);
        assert_eq!(r.scroll, 2);
    }
}
