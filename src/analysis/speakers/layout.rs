//! The layout of a text as the rules see it: paragraphs, quotations (with
//! the news convention for quotes running over several paragraphs),
//! sentences, and words with their lexicon entries.

use std::ops::Range;

use crate::analysis::text::words;

use super::lexicon::{self, Entry, Lexicon};

/// A word of the text.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub e: Entry,
    /// starts with an uppercase letter
    pub cap: bool,
    /// inside a quotation
    pub quoted: bool,
    /// the place this word names, if any ("Beijing’s", "Chinese")
    pub place: Option<u8>,
    /// index of its sentence
    pub sent: usize,
}

/// A top-level quotation: “double” or ‘single’ (or straight) quotes; single
/// quotes inside double ones are part of the outer quotation.
#[derive(Debug, Clone)]
pub struct Span {
    /// byte of the opening mark
    pub open: usize,
    /// the quoted text (between the marks)
    pub start: usize,
    pub end: usize,
    /// end of the closing mark; `None` when the quote was never closed (it
    /// then ends with its paragraph)
    pub close_end: Option<usize>,
    pub double: bool,
    pub first_para: usize,
    pub last_para: usize,
}

impl Span {
    /// The end of the quotation including its closing mark.
    pub fn outer_end(&self) -> usize {
        self.close_end.unwrap_or(self.end)
    }
}

#[derive(Debug, Clone)]
pub struct Sent {
    pub start: usize,
    pub end: usize,
    /// token indices
    pub toks: Range<usize>,
    pub para: usize,
    /// Title Case Like A Headline
    pub headline_case: bool,
}

#[derive(Debug)]
pub struct Layout<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
    pub spans: Vec<Span>,
    pub sents: Vec<Sent>,
    /// sentences that open with a dateline ("Paris (AFP) –", "MOSCOW, March 3")
    pub datelined: Vec<usize>,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sen", "rep", "gov", "insp",
    "supt", "sgt", "cpl", "capt", "cmdr", "det", "const", "cllr", "coun", "hon", "rev", "atty", "adm", "maj",
    "pte", "fr", "msgr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "etc", "inc", "co", "corp", "ltd", "approx", "est", "fig", "vol", "op", "cf", "eg", "ie",
    "al",
];

impl<'a> Layout<'a> {
    pub fn new(text: &'a str, lx: &Lexicon, place: impl Fn(&str) -> Option<u8>) -> Layout<'a> {
        let para_ranges = paragraphs(text);
        let spans = quote_spans(text, &para_ranges);
        let mut toks: Vec<Tok<'a>> = Vec::with_capacity(text.len() / 6);
        let mut si = 0;
        for w in words(text) {
            while si < spans.len() && spans[si].end <= w.start {
                si += 1;
            }
            let quoted = spans
                .get(si)
                .is_some_and(|s| s.start <= w.start && w.start < s.end);
            let mut e = lx.get(w.text);
            // "Seo-yeon", "Jong-un": a lowercase part hyphened to a
            // capitalised one belongs to the name
            let hyphened = toks
                .last()
                .is_some_and(|p: &Tok| p.cap && p.end + 1 == w.start && text.as_bytes()[p.end] == b'-');
            let cap = w.text.chars().next().is_some_and(char::is_uppercase)
                || hyphened && w.text.chars().next().is_some_and(char::is_lowercase);
            if hyphened && cap {
                // part of a hyphenated name ("Min-jun"), not a word of its own
                e = Entry::default();
            }
            let place = if cap { place(w.text) } else { None };
            toks.push(Tok {
                start: w.start,
                end: w.end,
                text: w.text,
                e,
                cap,
                quoted,
                place,
                sent: 0,
            });
        }
        let mut layout = Layout {
            text,
            toks,
            spans,
            sents: Vec::new(),
            datelined: Vec::new(),
        };
        layout.split_sentences(&para_ranges);
        layout.mark_datelines();
        layout
    }

    /// "BEIJING, July 24 -", "HALDEN CROSSING —", "WASHINGTON (AP) —": a
    /// place in capitals opening a paragraph never speaks nor names anyone.
    fn mark_datelines(&mut self) {
        for si in 0..self.sents.len() {
            let s = &self.sents[si];
            if si > 0 && self.sents[si - 1].para == s.para {
                continue;
            }
            let mut e = s.toks.start;
            while e < s.toks.end && e - s.toks.start < 4 {
                let t = &self.toks[e];
                let caps = t.text.chars().count() >= 2 && t.text.chars().all(|c| c.is_uppercase());
                // "Moscow ( – ...": a known place written as a name
                let place = e == s.toks.start && t.place.is_some();
                if !(caps || place) || t.quoted {
                    break;
                }
                if e > s.toks.start && !self.gap(self.toks[e - 1].end, t.start).trim().is_empty() {
                    break;
                }
                e += 1;
            }
            if e == s.toks.start {
                continue;
            }
            let after = match self.toks.get(e) {
                Some(n) => self.gap(self.toks[e - 1].end, n.start),
                None => "",
            };
            let caps = self.toks[s.toks.start].text.chars().all(|c| !c.is_lowercase());
            let mark = if caps {
                after.trim_start().starts_with([',', '—', '–', '-', '(', '/'])
            } else {
                after.trim_start().starts_with(['—', '–', '('])
            };
            if mark {
                self.datelined.push(si);
                for t in &mut self.toks[s.toks.start..e] {
                    t.e.flags |= lexicon::STOP;
                    t.place = None;
                }
            }
        }
    }

    fn split_sentences(&mut self, para_ranges: &[Range<usize>]) {
        let text = self.text;
        let mut ti = 0;
        for (pi, pr) in para_ranges.iter().enumerate() {
            while ti < self.toks.len() && self.toks[ti].start < pr.start {
                ti += 1;
            }
            let first = ti;
            while ti < self.toks.len() && self.toks[ti].start < pr.end {
                ti += 1;
            }
            let last = ti;
            let sent_first = self.sents.len();
            let mut s_start = pr.start;
            let mut s_tok = first;
            let mut span_i = self.spans.partition_point(|s| s.end < pr.start);
            for k in first..last.saturating_sub(1) {
                let gap = self.toks[k].end..self.toks[k + 1].start;
                while span_i < self.spans.len() && self.spans[span_i].end < gap.start {
                    span_i += 1;
                }
                let inside = self
                    .spans
                    .get(span_i)
                    .is_some_and(|s| s.start <= gap.start && gap.end <= s.end);
                if inside {
                    continue;
                }
                if let Some(end) = sentence_break(text, &self.toks[k], &self.toks[k + 1], gap) {
                    self.push_sent(s_start, end, s_tok..k + 1, pi);
                    s_start = first_non_space(text, end, self.toks[k + 1].start);
                    s_tok = k + 1;
                }
            }
            if s_tok < last || self.sents.len() == sent_first {
                self.push_sent(s_start, pr.end, s_tok..last, pi);
            }
        }
    }

    fn push_sent(&mut self, start: usize, end: usize, toks: Range<usize>, para: usize) {
        let idx = self.sents.len();
        for t in &mut self.toks[toks.clone()] {
            t.sent = idx;
        }
        let headline_case = headline_case(&self.toks[toks.clone()], self.text[start..end].trim_end());
        self.sents.push(Sent {
            start,
            end,
            toks,
            para,
            headline_case,
        });
    }

    /// The top-level quotation whose text contains byte `pos`.
    pub fn span_at(&self, pos: usize) -> Option<usize> {
        let i = self.spans.partition_point(|s| s.outer_end() <= pos);
        self.spans
            .get(i)
            .filter(|s| s.open <= pos && pos < s.outer_end().max(s.end))
            .map(|_| i)
    }

    /// The text between two byte offsets (empty if out of order).
    pub fn gap(&self, from: usize, to: usize) -> &'a str {
        if from < to { &self.text[from..to] } else { "" }
    }

    /// The text between token `i` and the next one (or the sentence end).
    pub fn gap_after(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        let s = &self.sents[t.sent];
        let next = if i + 1 < s.toks.end {
            self.toks[i + 1].start
        } else {
            s.end
        };
        self.gap(t.end, next)
    }

    /// The text between the previous token (or the sentence start) and token `i`.
    pub fn gap_before(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        let s = &self.sents[t.sent];
        let prev = if i > s.toks.start {
            self.toks[i - 1].end
        } else {
            s.start
        };
        self.gap(prev, t.start)
    }
}

fn first_non_space(text: &str, from: usize, limit: usize) -> usize {
    let mut p = from;
    for (i, c) in text[from..limit].char_indices() {
        if !c.is_whitespace() {
            return from + i;
        }
        p = from + i + c.len_utf8();
    }
    p
}

/// Whether the gap between two words ends a sentence; if so, the end of the
/// sentence (after its terminator and closing marks).
fn sentence_break(text: &str, before: &Tok, after: &Tok, gap: Range<usize>) -> Option<usize> {
    let g = &text[gap.clone()];
    let term = g.find(['.', '!', '?'])?;
    let mut end = gap.start + term + 1;
    let mut saw_space = false;
    for c in g[term + 1..].chars() {
        if c.is_whitespace() {
            saw_space = true;
            break;
        }
        if matches!(
            c,
            '”' | '"' | '’' | '\'' | ')' | ']' | '.' | '!' | '?' | '…' | '»' | '“'
        ) {
            end += c.len_utf8();
        } else {
            return None;
        }
    }
    if !saw_space {
        return None;
    }
    let rest = &text[end..gap.end];
    // "HARRISBURG, Pa. (AP) —": a sentence does not open with a bracket
    if rest.trim_start().starts_with('(') {
        return None;
    }
    let opener = rest.contains(['“', '"', '‘', '-', '–', '—', '•', '«', '„']);
    if !(after.cap || opener) {
        return None;
    }
    if term == 0 {
        // a dot right after the word: an abbreviation or an initial?
        let w = before.text;
        if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
            return None;
        }
        if w.len() <= 5 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w)) {
            return None;
        }
    }
    Some(end)
}

fn headline_case(toks: &[Tok], text: &str) -> bool {
    if text.ends_with(['.', '!', '?']) {
        return false;
    }
    let long: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.text.len() >= 4 && t.text.chars().all(char::is_alphabetic))
        .collect();
    if long.len() < 3 {
        return false;
    }
    let caps = long.iter().filter(|t| t.cap).count();
    caps * 10 >= long.len() * 8
}

/// Paragraphs: non-blank lines. A line wrapped inside a sentence (the line
/// does not end a sentence and the next one starts in lowercase) is joined
/// with the next.
fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    let mut prev_adjacent = false;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        let content = trimmed.trim_start();
        if content.is_empty() {
            prev_adjacent = false;
            continue;
        }
        let r = start + lead..start + lead + content.len();
        let joins = prev_adjacent
            && content.chars().next().is_some_and(char::is_lowercase)
            && out.last().is_some_and(|p| {
                !text[p.clone()]
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', '”', '"', '’', ')'])
            });
        match out.last_mut() {
            Some(last) if joins => last.end = r.end,
            _ => out.push(r),
        }
        prev_adjacent = true;
    }
    out
}

struct OpenDouble {
    open: usize,
    start: usize,
    depth: u32,
    first_para: usize,
    /// opened by „ (closed by “ or ”) or « (closed by »)
    mark: char,
}

struct OpenSingle {
    open: usize,
    start: usize,
    nested: bool,
}

/// Finds the top-level quotations, paragraph by paragraph.
fn quote_spans(text: &str, paras: &[Range<usize>]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut dbl: Option<OpenDouble> = None;
    let mut skip_at: Option<usize> = None;
    for (pi, pr) in paras.iter().enumerate() {
        let mut sgl: Option<OpenSingle> = None;
        let p = &text[pr.clone()];
        // only quote marks matter: jump from one candidate byte to the next
        let bytes = p.as_bytes();
        let mut prev_char: Option<char> = None;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if !(b == b'"' || b == b'\'' || b == 0xE2 || b == 0xC2) {
                i += 1;
                continue;
            }
            let c = match p[i..].chars().next() {
                Some(c) => c,
                None => break,
            };
            let len = c.len_utf8();
            if !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„') {
                i += len;
                continue;
            }
            let abs = pr.start + i;
            prev_char = if i == 0 { None } else { p[..i].chars().next_back() };
            let next_char = p[i + len..].chars().next();
            let next_alnum = next_char.is_some_and(char::is_alphanumeric);
            if skip_at == Some(abs) {
                skip_at = None;
                i += len;
                continue;
            }
            // „low-high“ and «guillemets»: double quotations too
            let c = match (c, &dbl) {
                ('„' | '«', _) => '“',
                ('»', _) => '”',
                ('“', Some(d)) if d.mark == '„' && d.depth == 0 => '”',
                _ => c,
            };
            let mark = p[i..].chars().next().unwrap_or(c);
            match c {
                '“' => match &mut dbl {
                    None => {
                        dbl = Some(OpenDouble {
                            open: abs,
                            start: abs + len,
                            depth: 0,
                            first_para: pi,
                            mark,
                        })
                    }
                    Some(d) => d.depth += 1,
                },
                '”' | '"' => match dbl.take() {
                    Some(mut d) if c == '”' && d.depth > 0 => {
                        d.depth -= 1;
                        dbl = Some(d);
                    }
                    Some(d) => {
                        sgl = sgl.filter(|s| !s.nested);
                        spans.push(Span {
                            open: d.open,
                            start: d.start,
                            end: abs,
                            close_end: Some(abs + len),
                            double: true,
                            first_para: d.first_para,
                            last_para: pi,
                        });
                    }
                    None if c == '"' => {
                        dbl = Some(OpenDouble {
                            open: abs,
                            start: abs + len,
                            depth: 0,
                            first_para: pi,
                            mark,
                        })
                    }
                    None => {}
                },
                '‘' if sgl.is_none() => {
                    sgl = Some(OpenSingle {
                        open: abs,
                        start: abs + len,
                        nested: dbl.is_some(),
                    });
                }
                '’' | '\'' => {
                    let closes = sgl.is_some() && !next_alnum && !prev_char.is_none_or(char::is_whitespace);
                    if closes {
                        let s = sgl.take().expect("checked above");
                        if !s.nested && s.start < abs {
                            spans.push(Span {
                                open: s.open,
                                start: s.start,
                                end: abs,
                                close_end: Some(abs + len),
                                double: false,
                                first_para: pi,
                                last_para: pi,
                            });
                        }
                    } else if c == '\''
                        && sgl.is_none()
                        && next_alnum
                        && prev_char.is_none_or(|pc| pc.is_whitespace() || "([“-—–".contains(pc))
                    {
                        sgl = Some(OpenSingle {
                            open: abs,
                            start: abs + len,
                            nested: dbl.is_some(),
                        });
                    }
                }
                _ => {}
            }
            i += len;
        }
        let _ = prev_char;
        // a double quote still open at the end of a paragraph: continued if
        // the next paragraph opens with a quote mark, else it ends here
        if let Some(d) = dbl.take() {
            let next_opens = paras.get(pi + 1).and_then(|np| {
                let c = text[np.clone()].chars().next()?;
                matches!(c, '“' | '"' | '«' | '„').then_some(np.start)
            });
            match next_opens {
                Some(at) => {
                    skip_at = Some(at);
                    dbl = Some(d);
                }
                None => {
                    // a closing mark forgotten before the attribution:
                    // "It will block the sun, said Jane Doe, who ..."
                    let cut = (d.first_para == pi)
                        .then(|| attribution_after_comma(&text[d.start..pr.end]))
                        .flatten();
                    let (end, close_end) = match cut {
                        Some(c) => (d.start + c, Some(d.start + c + 1)),
                        None => (pr.end, None),
                    };
                    spans.push(Span {
                        open: d.open,
                        start: d.start,
                        end,
                        close_end,
                        double: true,
                        first_para: d.first_para,
                        last_para: pi,
                    })
                }
            }
        }
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// In the text of a quotation left open, the comma before an attribution
/// (", said Jane Doe", ", she said", ", Jane Doe said"): its byte offset.
fn attribution_after_comma(q: &str) -> Option<usize> {
    const VERBS: &[&str] = &["said", "says", "told", "added", "asked", "wrote", "explained"];
    for (c, _) in q.match_indices(',') {
        let words: Vec<&str> = q[c + 1..].split_whitespace().take(4).collect();
        let Some(first) = words.first() else { continue };
        let verb_at = words
            .iter()
            .position(|w| VERBS.contains(&w.trim_end_matches([',', '.'])))
            .filter(|&v| v <= 3);
        let speaker_ok = match verb_at {
            // ", said Jane Doe"
            Some(0) => words
                .get(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)),
            // ", she said", ", Jane Doe said"
            Some(v) => words[..v]
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "he" | "she")),
            None => false,
        };
        if speaker_ok && !first.is_empty() {
            return Some(c);
        }
    }
    None
}

/// Trims whitespace and the given trailing punctuation from a byte range.
pub fn trim_range(text: &str, r: Range<usize>, trailing: &[char]) -> Range<usize> {
    if r.start >= r.end {
        return r.start..r.start;
    }
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s
        .trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || trailing.contains(&c));
    r.start + lead..r.start + lead + t.len()
}

/// The word is a capitalised word that can be part of a name.
pub fn namey(t: &Tok) -> bool {
    t.cap
        && !t.e.has(
            lexicon::ROLE
                | lexicon::ORG
                | lexicon::DOC
                | lexicon::STOP
                | lexicon::TIME
                | lexicon::HONORIFIC
                | lexicon::VERB,
        )
        && t.place.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Layout<'_> {
        let lx = Lexicon::new();
        let lx: &'static Lexicon = Box::leak(Box::new(lx));
        Layout::new(text, lx, |_| None)
    }

    fn quoted(l: &Layout, i: usize) -> String {
        let s = &l.spans[i];
        l.text[s.start..s.end].to_string()
    }

    #[test]
    fn nested_and_curly_quotes() {
        let l = layout("He said “ties are ‘rock solid’ now,” and left. Beijing’s view.");
        assert_eq!(l.spans.len(), 1);
        assert_eq!(quoted(&l, 0), "ties are ‘rock solid’ now,");
        assert!(l.spans[0].double);
    }

    #[test]
    fn straight_quotes_and_apostrophes() {
        let l = layout("\"We're ready,\" he said. Tony Leung's wife: 'Congratulations, Dr Leung'");
        assert_eq!(l.spans.len(), 2);
        assert_eq!(quoted(&l, 0), "We're ready,");
        assert_eq!(quoted(&l, 1), "Congratulations, Dr Leung");
    }

    #[test]
    fn quote_continued_over_paragraphs() {
        let t = "“First part of it.\n\n“Second part,” Wang said.\n\nNext.";
        let l = layout(t);
        assert_eq!(l.spans.len(), 1);
        let s = &l.spans[0];
        assert_eq!(&t[s.start..s.end], "First part of it.\n\n“Second part,");
        assert_eq!((s.first_para, s.last_para), (0, 1));
    }

    #[test]
    fn guillemets_and_low_high_quotes() {
        let t = "Er sagte „Wir haben keine Wahl“ und ging. Elle a dit «Nous partons» hier.";
        let l = layout(t);
        assert_eq!(l.spans.len(), 2);
        assert_eq!(quoted(&l, 0), "Wir haben keine Wahl");
        assert_eq!(quoted(&l, 1), "Nous partons");
        let t = "„Not closed the German way” he said.";
        assert_eq!(quoted(&layout(t), 0), "Not closed the German way");
    }

    #[test]
    fn unclosed_quote_ends_before_its_attribution() {
        let t = "\"It will block the sun, said Jane Doe, who lives there. She left.\nNext.";
        let l = layout(t);
        assert_eq!(quoted(&l, 0), "It will block the sun");
        assert_eq!(attribution_after_comma("a, b, she said"), Some(4));
        assert_eq!(attribution_after_comma("red, white and blue"), None);
    }

    #[test]
    fn unclosed_quote_ends_with_paragraph() {
        let t = "He said “never closed\nNext paragraph.";
        let l = layout(t);
        assert_eq!(quoted(&l, 0), "never closed");
        assert_eq!(l.spans[0].close_end, None);
    }

    #[test]
    fn sentences_skip_abbreviations_and_quotes() {
        let t = "U.S. Ambassador Smith spoke on Sept. 8 in Washington. “We see it. We act,” she said. Then Mr. Li left.";
        let l = layout(t);
        let s: Vec<&str> = l.sents.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            s,
            [
                "U.S. Ambassador Smith spoke on Sept. 8 in Washington.",
                "“We see it. We act,” she said.",
                "Then Mr. Li left."
            ]
        );
    }

    #[test]
    fn sentence_ends_after_closing_quote() {
        let t = "It is “the best today.” Wang left.";
        let l = layout(t);
        assert_eq!(l.sents.len(), 2);
        assert_eq!(&t[l.sents[0].start..l.sents[0].end], "It is “the best today.”");
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let t = "Lavrov said the talks\nwere useful.\nNew paragraph here.";
        let l = layout(t);
        assert_eq!(l.sents.last().map(|s| s.para), Some(1));
    }

    #[test]
    fn headline_case_detection() {
        let l = layout(
            "Kremlin: Xi Backs Putin’s Invasion of Ukraine, Noting Legitimacy\nThe talks were held in the city on Monday.",
        );
        assert!(l.sents[0].headline_case);
        assert!(!l.sents[1].headline_case);
    }
}
