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
    /// The wrapped lines of `body[base..wrapped_to]`.
    pub lines: Vec<WrappedLine>,
    /// First line shown (an index into `lines`).
    pub scroll: usize,
    /// Where `lines` start in the text: 0 unless a long text was entered
    /// far from its start (`G`, a match near its end), when the lines above
    /// are wrapped only as the view scrolls up to them.
    pub base: usize,
    /// The line number of `lines[0]` in the whole text: estimated when
    /// `base` is not 0.
    pub line_base: usize,
    /// Highlights sorted by start: those found in `hl_window`, and the
    /// query matches there.
    pub highlights: Vec<Highlight>,
    /// The part of the text whose highlights are in `highlights`: all of a
    /// text of up to [`HIGHLIGHT_WHOLE`] bytes, else a window around the view.
    pub hl_window: Range<usize>,
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
    /// Lines are set apart by a blank line only where the text has one
    /// (Markdown: a list's items follow one another); otherwise every line
    /// is a paragraph with a blank line before it.
    pub tight: bool,
}

/// Bytes of text wrapped at a time: a long text opens at once, and is
/// wrapped further as it scrolls.
pub const WRAP_AHEAD: usize = 256 << 10;

/// A text up to this long has its highlights found all at once; a longer
/// one around the view ([`HIGHLIGHT_MARGIN`] either side), again as the
/// view leaves that window.
pub const HIGHLIGHT_WHOLE: usize = 1 << 20;
pub const HIGHLIGHT_MARGIN: usize = 256 << 10;

/// A paragraph longer than this is wrapped in pieces of this size, greedily
/// (first fit: optimal fit costs too much on a huge paragraph).
const LONG_PARAGRAPH: usize = 64 << 10;

impl ReaderState {
    /// Shows `article` wrapped to `width`, with the given highlights (found
    /// in the whole text).
    pub fn open(
        &mut self,
        article: &Article,
        width: u16,
        matches: Vec<Range<usize>>,
        highlights: Vec<Highlight>,
    ) {
        self.open_in(article, width, matches, highlights, 0..article.body.len());
    }

    /// Shows `article` wrapped to `width`, with the highlights found in
    /// `window` of its text.
    pub fn open_in(
        &mut self,
        article: &Article,
        width: u16,
        matches: Vec<Range<usize>>,
        highlights: Vec<Highlight>,
        window: Range<usize>,
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
        self.matches = matches;
        self.set_highlights(window, highlights);
        if !same_text {
            self.phrase_cursor = None;
        }
    }

    /// Takes the highlights found in `window` of the text, adding the query
    /// matches there (the current one marked).
    pub fn set_highlights(&mut self, window: Range<usize>, mut highlights: Vec<Highlight>) {
        let touches = |r: &Range<usize>| r.end > window.start && r.start < window.end;
        highlights.extend(
            self.matches
                .iter()
                .enumerate()
                .filter(|(_, r)| touches(r) || r.is_empty() && r.start == window.start)
                .map(|(i, r)| Highlight {
                    range: r.clone(),
                    kind: if Some(i) == self.current_match {
                        HlKind::Current
                    } else {
                        HlKind::Query
                    },
                }),
        );
        highlights.sort_by_key(|h| h.range.start);
        self.highlights = highlights;
        self.hl_window = window;
    }

    /// The bytes of the text the view shows (its first line's start to its
    /// last line's end).
    pub fn view_bytes(&self, height: usize) -> Range<usize> {
        let first = self.lines.get(self.scroll).map_or(self.base, |l| l.start);
        let last = self
            .lines
            .get(self.scroll + height.max(1))
            .or(self.lines.last())
            .map_or(first, |l| l.end);
        first..last.max(first)
    }

    /// True when the highlights held cover the whole text.
    pub fn highlights_whole(&self) -> bool {
        self.body
            .as_ref()
            .is_none_or(|b| self.hl_window.start == 0 && self.hl_window.end >= b.len())
    }

    /// A window of highlights next to the one held (after it, or before),
    /// overlapping it a little; None at the text's end (start).
    pub fn next_window(&self, forward: bool) -> Option<Range<usize>> {
        let body = self.body.as_ref()?;
        let (len, held) = (body.len(), &self.hl_window);
        let step = 2 * HIGHLIGHT_MARGIN;
        let (mut start, mut end) = if forward {
            if held.end >= len {
                return None;
            }
            let start = held.end.saturating_sub(1024).max(held.start);
            (start, start.saturating_add(step).min(len))
        } else {
            if held.start == 0 {
                return None;
            }
            let end = held.start.saturating_add(1024).min(held.end).min(len);
            (end.saturating_sub(step), end)
        };
        while !body.is_char_boundary(start) {
            start -= 1;
        }
        while !body.is_char_boundary(end) {
            end += 1;
        }
        Some(start..end)
    }

    /// The first (or last) window of a long text's highlights.
    pub fn end_window(&self, first: bool) -> Option<Range<usize>> {
        let body = self.body.as_ref()?;
        let len = body.len();
        let step = 2 * HIGHLIGHT_MARGIN;
        let (mut start, mut end) = if first {
            (0, step.min(len))
        } else {
            (len.saturating_sub(step), len)
        };
        while !body.is_char_boundary(start) {
            start -= 1;
        }
        while !body.is_char_boundary(end) {
            end += 1;
        }
        Some(start..end)
    }

    /// The window to find highlights in for the view as it is now: the
    /// whole of a short text, else the view and a margin either side (on
    /// character boundaries). None when the highlights held cover the view.
    pub fn highlight_window(&self, height: usize) -> Option<Range<usize>> {
        let body = self.body.as_ref()?;
        let len = body.len();
        let view = self.view_bytes(height);
        let held = &self.hl_window;
        if held.start <= view.start && view.end <= held.end && (held.end > held.start || len == 0) {
            return None;
        }
        if len <= HIGHLIGHT_WHOLE {
            return Some(0..len);
        }
        let mut start = view.start.saturating_sub(HIGHLIGHT_MARGIN);
        while !body.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = view.end.saturating_add(HIGHLIGHT_MARGIN).min(len);
        while !body.is_char_boundary(end) {
            end += 1;
        }
        Some(start..end)
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
            self.go_to(top);
            self.scroll = self.line_of(top);
        }
    }

    /// Wraps the start of `article` to `width`; the rest waits for scrolling.
    fn start_wrap(&mut self, article: &Article, width: u16) {
        self.lines.clear();
        self.width = width;
        self.tight = article.format == crate::store::Format::Markdown;
        self.base = 0;
        self.line_base = 0;
        let len = article.body.len();
        self.wrapped_to = wrap_part(
            &article.body,
            0,
            WRAP_AHEAD,
            len,
            width,
            self.tight,
            &mut self.lines,
        );
        self.body = Some(Arc::clone(&article.body));
        // made again with the lines: a reloaded file keeps its id, not its text
        self.markdown = (article.format == crate::store::Format::Markdown)
            .then(|| Arc::new(crate::store::markdown::render(&article.body)));
    }

    /// True when the whole text is wrapped.
    fn complete(&self) -> bool {
        self.base == 0 && self.wrapped_to_end()
    }

    /// True when the lines reach the end of the text.
    fn wrapped_to_end(&self) -> bool {
        self.body.as_ref().is_none_or(|b| self.wrapped_to >= b.len())
    }

    /// Wraps more of the text (a step of [`WRAP_AHEAD`] bytes).
    fn wrap_more(&mut self) {
        if let Some(body) = self.body.clone() {
            let until = self.wrapped_to.saturating_add(WRAP_AHEAD);
            let (len, width, tight) = (body.len(), self.width, self.tight);
            self.wrapped_to = wrap_part(&body, self.wrapped_to, until, len, width, tight, &mut self.lines);
        }
    }

    /// Wraps the step of text before `base` and puts its lines above;
    /// returns how many lines were added.
    fn wrap_back(&mut self) -> usize {
        let Some(body) = self.body.clone() else { return 0 };
        if self.base == 0 {
            return 0;
        }
        let from = line_start_before(&body, self.base.saturating_sub(WRAP_AHEAD));
        let mut above = Vec::new();
        wrap_part(
            &body, from, self.base, self.base, self.width, self.tight, &mut above,
        );
        // the blank line between the paragraph above and the old first line
        let bytes = body.as_bytes();
        let first_is_paragraph = bytes.get(self.base.wrapping_sub(1)) == Some(&b'\n');
        if !above.is_empty()
            && first_is_paragraph
            && self.lines.first().is_some_and(|l| l.start < l.end)
            && (!self.tight || crate::store::markdown::after_blank_line(&body, self.base))
        {
            above.push(WrappedLine {
                start: self.base,
                end: self.base,
            });
        }
        let added = above.len();
        above.append(&mut self.lines);
        self.lines = above;
        self.base = from;
        self.line_base = if from == 0 {
            0
        } else {
            self.line_base.saturating_sub(added)
        };
        self.scroll += added;
        added
    }

    /// Starts the lines afresh near byte `offset` of a long text (the
    /// text before it is wrapped only if the view scrolls up to it), unless
    /// the lines already reach it or soon will.
    fn go_to(&mut self, offset: usize) {
        let Some(body) = self.body.clone() else { return };
        let near = offset >= self.base && offset <= self.wrapped_to.saturating_add(2 * WRAP_AHEAD);
        if near || self.complete() {
            self.ensure_offset(offset);
            return;
        }
        // the lines per byte seen so far, to number the lines estimated
        let rate = self.lines.len() as f64 / (self.wrapped_to - self.base).max(1) as f64;
        let from = line_start_before(&body, offset.saturating_sub(WRAP_AHEAD / 2));
        self.lines.clear();
        self.scroll = 0;
        self.base = from;
        let until = offset.saturating_add(WRAP_AHEAD / 2);
        let (len, width, tight) = (body.len(), self.width, self.tight);
        self.wrapped_to = wrap_part(&body, from, until, len, width, tight, &mut self.lines);
        self.line_base = if from == 0 {
            0
        } else {
            (from as f64 * rate) as usize
        };
        self.ensure_offset(offset);
    }

    /// Wraps until byte `offset` is on a line (or the text ends).
    fn ensure_offset(&mut self, offset: usize) {
        while self.wrapped_to <= offset && !self.wrapped_to_end() {
            self.wrap_more();
        }
        while offset < self.base && self.wrap_back() > 0 {}
    }

    /// Wraps until there are `n` lines (or the text ends).
    fn ensure_lines(&mut self, n: usize) {
        while self.lines.len() < n && !self.wrapped_to_end() {
            self.wrap_more();
        }
    }

    /// The number of lines: counted once all is wrapped, else estimated
    /// from the part wrapped so far.
    pub fn total_lines(&self) -> usize {
        match &self.body {
            Some(b) if !self.complete() && self.wrapped_to > self.base => {
                let rate = self.lines.len() as f64 / (self.wrapped_to - self.base) as f64;
                let after = (b.len() - self.wrapped_to.min(b.len())) as f64 * rate;
                self.line_base + self.lines.len() + after as usize
            }
            _ => self.line_base + self.lines.len(),
        }
    }

    /// The line number of the first line shown, in the whole text
    /// (estimated when the lines start past the text's start).
    pub fn top_line(&self) -> usize {
        self.line_base + self.scroll
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
        let height = height.max(1);
        if !self.complete() {
            if delta >= isize::MAX / 4 {
                // to the end (G) of a text not all wrapped: its last step only
                if let Some(len) = self.body.as_ref().map(|b| b.len()) {
                    self.go_to(len);
                    self.scroll = self.lines.len().saturating_sub(height);
                }
                return;
            }
            if delta <= isize::MIN / 4 && self.base > 0 {
                // to the start (g): wrapped afresh from there
                if let Some(body) = self.body.clone() {
                    self.lines.clear();
                    self.start_wrap_body(body);
                }
                self.scroll = 0;
                return;
            }
            while delta < 0 && (self.scroll as isize) + delta < 0 && self.wrap_back() > 0 {}
        }
        let want = super::cursor::scrolled(self.scroll, delta, usize::MAX);
        self.ensure_lines(want.saturating_add(height));
        let max = self.lines.len().saturating_sub(height);
        self.scroll = super::cursor::scrolled(want, 0, max);
    }

    /// Wraps the start of `body` again (same width and kind).
    fn start_wrap_body(&mut self, body: Arc<str>) {
        self.base = 0;
        self.line_base = 0;
        let len = body.len();
        self.wrapped_to = wrap_part(&body, 0, WRAP_AHEAD, len, self.width, self.tight, &mut self.lines);
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
        self.jump_phrase_in(forward, height, true)
    }

    /// Like [`jump_phrase`](Self::jump_phrase); without `wrap`, None when
    /// the highlights held have no phrase after (before) the starting point.
    pub fn jump_phrase_in(&mut self, forward: bool, height: usize, wrap: bool) -> Option<Range<usize>> {
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
                .or(phrases.first().filter(|_| wrap))
        } else {
            phrases
                .iter()
                .rev()
                .find(|h| h.range.start < from)
                .or(phrases.last().filter(|_| wrap))
        }?;
        let range = next.range.clone();
        self.phrase_cursor = Some(range.start);
        self.reveal(range.start, height);
        Some(range)
    }

    /// Scrolls so that byte `offset` is in view, a third of the way down
    /// unless it is already visible.
    pub fn reveal(&mut self, offset: usize, height: usize) {
        self.go_to(offset);
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
        let top = self.top_line();
        let first = (top + 1).min(total);
        let last = (top + height).min(total);
        (first, last, total)
    }
}

/// Wraps `body` to `width` columns: each non-blank line is a paragraph,
/// paragraphs are separated by one blank line (all at once: the reader
/// wraps as it scrolls, with [`wrap_part`]).
#[cfg(test)]
fn wrap(body: &str, width: u16) -> Vec<WrappedLine> {
    let mut out = Vec::new();
    wrap_part(body, 0, body.len(), body.len(), width, false, &mut out);
    out
}

/// Wraps `body` from byte `from` (where an earlier call stopped) until at
/// least byte `until` (never past `limit`), onto `out`; returns where it
/// stopped: a paragraph's start, or a piece's start inside a long paragraph.
/// `tight`: a blank line between two lines only where the text has one
/// (Markdown).
fn wrap_part(
    body: &str,
    from: usize,
    until: usize,
    limit: usize,
    width: u16,
    tight: bool,
    out: &mut Vec<WrappedLine>,
) -> usize {
    let width = usize::from(width.max(1));
    let options = textwrap::Options::new(width)
        .break_words(true)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    let greedy = options.clone().wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let bytes = body.as_bytes();
    let limit = limit.min(body.len());
    let mut at = from;
    while at < limit && at < until {
        let para_end = memchr::memchr(b'\n', &bytes[at..limit]).map_or(limit, |i| at + i);
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
        at = if end == para_end && bytes.get(para_end) == Some(&b'\n') {
            para_end + 1
        } else {
            end
        };
        if para.trim().is_empty() {
            continue;
        }
        if !out.is_empty()
            && !continuing
            && (!tight || crate::store::markdown::after_blank_line(body, para_start))
        {
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
    at.min(limit)
}

/// The start of a line at or before `offset` within a step of it (a
/// paragraph's start), else the start of a word there: where wrapping can
/// begin in the middle of a long text.
fn line_start_before(body: &str, offset: usize) -> usize {
    let offset = offset.min(body.len());
    let bytes = body.as_bytes();
    let from = offset.saturating_sub(WRAP_AHEAD / 4);
    if let Some(nl) = memchr::memrchr(b'\n', &bytes[from..offset]) {
        return from + nl + 1;
    }
    if offset == 0 {
        return 0;
    }
    match memchr::memrchr(b' ', &bytes[from..offset]) {
        Some(sp) => from + sp + 1,
        None => {
            let mut at = offset;
            while !body.is_char_boundary(at) {
                at -= 1;
            }
            at
        }
    }
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

    /// Lines in order, each after the one before, with only spaces and
    /// line breaks between them.
    fn assert_contiguous(body: &str, lines: &[WrappedLine]) {
        for w in lines.windows(2) {
            assert!(w[1].start >= w[0].end, "{:?}", w);
            assert!(body[w[0].end..w[1].start].trim().is_empty(), "{:?}", w);
        }
    }

    fn long_text() -> String {
        let mut text = String::from("Title\n\n");
        let mut i = 0;
        while text.len() < 10 * WRAP_AHEAD {
            text.push_str(&format!("word{i} rock solid ties between the two sides "));
            i += 1;
            if i % 20_000 == 0 {
                text.push_str("\n\nanother paragraph ");
            }
        }
        text.push_str("\n\nlast paragraph\n\nthe end");
        text
    }

    #[test]
    fn the_end_of_a_long_text_is_reached_without_wrapping_it_all() {
        let text = long_text();
        let a = Article::from_text("big.txt", &text, false);
        let mut r = ReaderState::default();
        r.open(&a, 40, Vec::new(), Vec::new());
        r.scroll_by(isize::MAX / 2, 20);
        assert!(r.base > a.body.len() / 2, "only the last part is wrapped");
        assert!(r.lines.len() < wrap(&a.body, 40).len() / 4);
        let last = r.lines.last().unwrap();
        assert_eq!(&a.body[last.start..last.end], "the end");
        assert_eq!(r.scroll + 20, r.lines.len());
        let (first, shown_last, total) = r.position(20);
        assert_eq!((shown_last, total), (first + 19, r.total_lines()));
        assert!(r.top_line() > 1000, "numbered as estimated: {}", r.top_line());
        assert_contiguous(&a.body, &r.lines);
        // scrolling up wraps the text above, the view stays put
        let top = r.lines[r.scroll].start;
        r.scroll_by(-5, 20);
        assert!(r.lines[r.scroll].start < top);
        r.scroll_by(5, 20);
        assert_eq!(r.lines[r.scroll].start, top);
        while r.base > 0 {
            r.scroll_by(-(r.scroll as isize) - 1, 20);
        }
        assert_contiguous(&a.body, &r.lines);
        let words: usize = r
            .lines
            .iter()
            .map(|l| a.body[l.start..l.end].split_whitespace().count())
            .sum();
        assert_eq!(
            words,
            a.body.split_whitespace().count(),
            "no word lost or doubled"
        );
        // g goes back to the start, wrapped afresh
        r.scroll_by(isize::MAX / 2, 20);
        r.scroll_by(isize::MIN / 2, 20);
        assert_eq!((r.base, r.scroll, r.top_line()), (0, 0, 0));
        assert_eq!(&a.body[r.lines[0].start..r.lines[0].end], "Title");
    }

    #[test]
    fn a_far_offset_is_revealed_where_it_is() {
        let text = long_text();
        let a = Article::from_text("big.txt", &text, false);
        let mut r = ReaderState::default();
        r.open(&a, 40, Vec::new(), Vec::new());
        let far = a.body.find("word40007 ").unwrap();
        r.reveal(far, 20);
        assert!(r.base > 0 && r.base <= far);
        let line = r.lines[r.line_of(far)];
        assert!(
            a.body[line.start..line.end].contains("word40007"),
            "{:?}",
            &a.body[line.start..line.end]
        );
        assert!(r.line_of(far) >= r.scroll && r.line_of(far) < r.scroll + 20);
        assert_contiguous(&a.body, &r.lines);
        // and a resize keeps it at the top
        let top = r.lines[r.scroll].start;
        r.rewrap(&a, 60);
        assert!(r.lines[r.scroll].start <= top && top < r.lines[r.scroll].end.max(top + 1));
    }

    #[test]
    fn a_long_texts_highlights_are_found_around_the_view() {
        let text = long_text();
        let a = Article::from_text("big.txt", &text, false);
        let mut r = ReaderState::default();
        r.open_in(&a, 40, Vec::new(), Vec::new(), 0..0);
        let w = r.highlight_window(20).expect("none held");
        assert_eq!(w.start, 0);
        assert!(w.end > HIGHLIGHT_MARGIN && w.end < 2 * HIGHLIGHT_MARGIN);
        r.set_highlights(w.clone(), Vec::new());
        assert_eq!(r.highlight_window(20), None, "the view is covered");
        assert!(!r.highlights_whole());
        r.scroll_by(isize::MAX / 2, 20);
        let w = r.highlight_window(20).expect("the view moved out");
        assert_eq!(w.end, a.body.len());
        assert!(w.start > a.body.len() - 2 * HIGHLIGHT_MARGIN);
        r.set_highlights(w.clone(), Vec::new());
        assert_eq!(r.next_window(true), None);
        let back = r.next_window(false).unwrap();
        assert!(back.end > w.start && back.start < w.start);
        // a short text has them all at once
        let mut short = Article::from_text("s.txt", "Title\n\nrock solid", false);
        short.id = a.id + 1;
        r.open_in(&short, 40, std::iter::once(7..17).collect(), Vec::new(), 0..0);
        assert_eq!(r.highlight_window(20), Some(0..short.body.len()));
        r.set_highlights(0..short.body.len(), Vec::new());
        assert!(r.highlights_whole());
        assert_eq!(r.highlights.len(), 1, "the query match is added");
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
