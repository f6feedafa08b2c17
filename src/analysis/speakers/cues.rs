//! Attribution cues: a reporting verb with its speaker phrase ("Wang said",
//! "said Wang", "according to Xinhua", "Kremlin: ..."), and the text each
//! one attributes.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::Gazetteer;
use super::layout::{Layout, Sent, namey, trim_range};
use super::lexicon::{self, Verb};
use super::phrase::{Np, Phrase, analyse, scan_back, scan_fwd};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// "Wang said ...", "“...,” Wang said", "..., Wang said"
    Verb,
    /// "“...,” said Wang", "..., says top diplomat Wang Yi"
    Inversion,
    /// "according to Xinhua"
    According,
    /// ", noting that ...": the speaker is the clause's subject
    Participle,
    /// "Beijing avoided X and urged Y": the speaker is the clause's subject
    Coordinated,
    /// "... was highlighted in the ministry’s readout"
    Passive,
    /// "Kremlin: Xi backs ..." (a headline convention)
    Headline,
    /// "Carina Lau celebrates ...: 'Congratulations'" (a headline convention)
    ColonQuote,
    /// "Wang’s remarks that ..."
    Remarks,
}

#[derive(Debug, Clone)]
pub struct Cue {
    pub kind: CueKind,
    /// the speaker phrase (for "which"/"that", the antecedent's)
    pub phrase: Phrase,
    /// a role given apart from the name ("Denisov, the Russian ambassador, said")
    pub role: Option<String>,
    /// the speaker is that of this other cue (index in the cue list)
    pub same_as: Option<usize>,
    pub sent: usize,
    /// where the cue is, for ordering
    pub anchor: usize,
    /// where this cue's clause starts: content of an earlier cue ends there
    pub clause_start: usize,
    /// the attributed text
    pub content: Range<usize>,
    /// the content follows the cue
    pub forward: bool,
    /// the content is exactly this quotation
    pub direct: Option<usize>,
    /// "X said:" with the quotation in what follows
    pub pending: bool,
    /// only relays another cue's speaker ("Sputnik said Wang told ...")
    pub relay: bool,
}

impl Cue {
    /// A cue in the common shape: no separate role, its own speaker, found
    /// at `at` (where its clause starts too), the content given, the quotation
    /// in it (if any) as the direct part.
    fn simple(
        kind: CueKind,
        phrase: Phrase,
        sent: usize,
        at: usize,
        l: &Layout,
        content: Range<usize>,
        forward: bool,
    ) -> Cue {
        Cue {
            kind,
            phrase,
            role: None,
            same_as: None,
            sent,
            anchor: at,
            clause_start: at,
            direct: direct_of(l, content.clone()),
            content,
            forward,
            pending: false,
            relay: false,
        }
    }
}

impl Cue {
    fn explicit(&self) -> bool {
        matches!(
            self.kind,
            CueKind::Verb | CueKind::Inversion | CueKind::According | CueKind::Headline | CueKind::Remarks
        ) && !self.phrase.is_none()
    }

    /// Where the attribution starts when it opens a clause.
    fn lead(&self, l: &Layout) -> Option<usize> {
        match (self.kind, self.forward, self.direct) {
            (CueKind::Verb | CueKind::Headline | CueKind::Remarks, true, _) => Some(self.phrase.range.start),
            (CueKind::Verb | CueKind::Inversion, false, Some(s)) => Some(l.spans[s].open),
            _ => None,
        }
    }
}

fn lower_is(t: &str, w: &str) -> bool {
    t.eq_ignore_ascii_case(w)
}

fn has_comma(s: &str) -> bool {
    s.contains([',', ';', ':', '(', '–', '—'])
}

/// "This article appeared in the … print edition as: <headline>": a note
/// about where the text was printed, quoting the headline, never a quote.
static PRINT_EDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bappeared in (?:the )?.{2,60}? print edition\b").expect("valid regex")
});

/// Finds the cues of every sentence.
pub fn find(l: &Layout, g: &Gazetteer) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    for (si, s) in l.sents.iter().enumerate() {
        if s.toks.is_empty() || PRINT_EDITION.is_match(&l.text[s.start..s.end]) {
            continue;
        }
        let first = out.len();
        if let Some(c) = headline(l, g, si, s) {
            out.push(c);
        }
        for i in s.toks.clone() {
            let t = &l.toks[i];
            if t.quoted {
                continue;
            }
            if lower_is(t.text, "according")
                && l.toks.get(i + 1).is_some_and(|n| n.text == "to" && n.sent == si)
            {
                if let Some(c) = according(l, g, si, s, i) {
                    out.push(c);
                }
                continue;
            }
            if lexicon::is_possessive(t.text)
                && let Some(c) = remarks(l, g, si, s, i)
            {
                out.push(c);
                continue;
            }
            let Some(verb) = t.e.verb() else { continue };
            if t.cap && !s.headline_case {
                continue;
            }
            // "the Sputnik report said": a noun before a verb
            if t.e.has(lexicon::DOC)
                && l.toks
                    .get(i + 1)
                    .is_some_and(|n| n.sent == si && n.e.has(lexicon::VERB | lexicon::AUX) && !n.cap)
            {
                continue;
            }
            if let Some(c) = verb_cue(VerbAt { l, g, si, s, i, verb }, &out[first..], first) {
                out.push(c);
            }
        }
        if out.len() == first
            && let Some(c) = colon_quote(l, g, si, s)
        {
            out.push(c);
        }
        settle(l, &mut out[first..]);
    }
    out
}

/// A speaker phrase that shows a person speaking for themself (a name with
/// person evidence, a description, he/she): such a speaker does not relay
/// another's words, so a cue inside their content is part of what they said.
fn own_voice(p: &Phrase) -> bool {
    match &p.np {
        Np::Name { person, org, .. } => *person && !*org,
        Np::Desc { .. } | Np::Pronoun { .. } => true,
        _ => false,
    }
}

/// Relays and clause boundaries within one sentence.
fn settle(l: &Layout, cues: &mut [Cue]) {
    let n = cues.len();
    let mut inner = vec![false; n];
    for a in 0..n {
        let content = cues[a].content.clone();
        if content.is_empty() {
            continue;
        }
        let inside = |b: usize| {
            if cues[a].forward {
                cues[b].lead(l) == Some(content.start)
            } else {
                let r = &cues[b].phrase.range;
                r.start >= content.start && r.end <= content.end
            }
        };
        let verb_cue = matches!(cues[a].kind, CueKind::Verb | CueKind::Inversion);
        if verb_cue && own_voice(&cues[a].phrase) {
            // "China calls on all sides to ..., spokeswoman Hua Lihong told a
            // briefing"; "Ishii said that the government would maintain ...":
            // the inner verb is the person's words, not another attribution
            for b in (0..n).filter(|&b| b != a && cues[b].explicit() && inside(b)) {
                if matches!(cues[b].kind, CueKind::Verb | CueKind::Inversion) && !own_voice(&cues[b].phrase) {
                    inner[b] = true;
                }
            }
            continue;
        }
        let relay = (0..n).filter(|&b| b != a && cues[b].explicit()).any(inside);
        cues[a].relay = relay
            && matches!(
                cues[a].kind,
                CueKind::Verb | CueKind::Inversion | CueKind::According | CueKind::Headline
            );
    }
    for (c, &drop) in cues.iter_mut().zip(&inner) {
        if drop {
            c.relay = true;
            c.content = c.content.start..c.content.start;
        }
    }
    for a in 0..n {
        if !cues[a].forward || cues[a].content.is_empty() {
            continue;
        }
        let c = cues[a].content.clone();
        let end = cues
            .iter()
            .enumerate()
            .filter(|&(b, cue)| b != a && cue.explicit())
            .map(|(_, cue)| cue.clause_start)
            .filter(|&cs| cs > c.start)
            .fold(c.end, usize::min);
        if end != c.end {
            cues[a].content = trim_clause_end(l, c.start..end);
            cues[a].direct = direct_of(l, cues[a].content.clone());
        }
    }
}

/// Trims the end of a clipped content: spaces, commas, and a dangling
/// conjunction ("..., while").
fn trim_clause_end(l: &Layout, r: Range<usize>) -> Range<usize> {
    let mut r = trim_range(l.text, r, &[',', ';', '–', '—', ':']);
    loop {
        let s = &l.text[r.clone()];
        let mut cut = None;
        for w in ["while", "and", "but", "as", "whereas", "although", "though"] {
            if let Some(stem) = s.strip_suffix(w)
                && stem.ends_with(|c: char| c.is_whitespace() || c == ',')
            {
                cut = Some(stem.len());
            }
        }
        match cut {
            Some(n) => r = trim_range(l.text, r.start..r.start + n, &[',', ';', '–', '—']),
            None => return r,
        }
    }
}

/// The quotation a content range is exactly, if any.
pub fn direct_of(l: &Layout, r: Range<usize>) -> Option<usize> {
    let r = trim_range(l.text, r, &['.', ',', ';', ':']);
    if r.is_empty() {
        return None;
    }
    let i = l.span_at(r.start)?;
    let s = &l.spans[i];
    (s.open == r.start && s.outer_end() >= r.end).then_some(i)
}

/// The content of a cue, from `start` to the end of the sentence.
fn forward_content(l: &Layout, s: &Sent, start: usize) -> Range<usize> {
    let r = trim_range(l.text, start..s.end.max(start), &['.', ',', ';', ':']);
    strip_dateline(l, r)
}

/// Drops a trailing "(Jun. 16, 2022)" from a related-story headline.
/// The end of a dateline opening a paragraph: "Paris (AFP) – ", "MOSCOW,
/// March 15 (RIA Novosti) - ", "BEIJING, October 14. /TASS/. ", "NEW DELHI: ".
static DATELINE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}.'’ -]{0,40}?(?:,[^()\n/]{1,30}?)?\s*(?:\([^()\n]{1,40}\)\s*(?:--|—|–|-|:)|/[^/\n]{1,20}/\.?|--|—|–|:)\s+",
    )
    .expect("valid regex")
});

/// The first token of a sentence after its dateline, if it has one.
fn first_after_dateline(l: &Layout, s: &Sent) -> usize {
    let first = s.toks.start;
    if first >= s.toks.end || l.datelined.binary_search(&l.toks[first].sent).is_err() {
        return first;
    }
    let r = l.toks[first].start..s.end;
    match DATELINE_END.find(&l.text[r.clone()]) {
        Some(m) => {
            let at = r.start + m.end();
            (first..s.toks.end)
                .find(|&j| l.toks[j].start >= at)
                .unwrap_or(first)
        }
        None => first,
    }
}

/// A reported clause that opens its paragraph starts after the paragraph's
/// dateline (marked by the layout), not with it.
fn after_dateline(l: &Layout, s: &Sent, r: Range<usize>) -> Range<usize> {
    let first = s.toks.start;
    let marked = first < s.toks.end && l.datelined.binary_search(&l.toks[first].sent).is_ok();
    if r.start != l.toks.get(first).map_or(r.start, |t| t.start) || !marked {
        return r;
    }
    match DATELINE_END.find(&l.text[r.clone()]) {
        Some(m) if m.end() < r.len() => r.start + m.end()..r.end,
        _ => r,
    }
}

fn strip_dateline(l: &Layout, r: Range<usize>) -> Range<usize> {
    let c = &l.text[r.clone()];
    if c.ends_with(')')
        && let Some(open) = c.rfind('(')
        && c[open..].contains(|ch: char| ch.is_ascii_digit())
    {
        return trim_range(l.text, r.start..r.start + open, &[]);
    }
    r
}

/// Where the content after a reporting verb starts. `None`: the verb has no
/// content here. `Some((pos, pending))`: pending when the verb ends in a
/// colon with nothing after it.
fn content_start(l: &Layout, s: &Sent, i: usize, verb: &Verb) -> Option<(usize, bool)> {
    let end = s.toks.end;
    let mut j = i + 1;
    let span_later = |from: usize| {
        let i = l.spans.partition_point(|sp| sp.open < from);
        l.spans.get(i).is_some_and(|sp| sp.open < s.end)
    };
    match verb.lemma {
        "point out" => {
            if j < end && lower_is(l.toks[j].text, "out") {
                j += 1;
            } else {
                return None;
            }
        }
        "call" => {
            let n = l.toks.get(j).filter(|_| j < end)?;
            let w = n.text.to_ascii_lowercase();
            if w == "for" || w == "on" {
                j += 1;
            } else if !(matches!(
                w.as_str(),
                "it" | "them"
                    | "him"
                    | "her"
                    | "this"
                    | "that"
                    | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "their"
                    | "its"
                    | "these"
                    | "those"
            ) && span_later(l.toks[i].end))
            {
                return None;
            }
        }
        "describe" => {
            let has_as = (j..end).any(|k| l.toks[k].text == "as" && !l.toks[k].quoted);
            if !has_as && !span_later(l.toks[i].end) {
                return None;
            }
        }
        _ => {}
    }
    let after = if j > i + 1 {
        l.toks[j - 1].end
    } else {
        l.toks[i].end
    };
    let next_start = if j < end { l.toks[j].start } else { s.end };
    let gap = l.gap(after, next_start);
    if let Some(c) = gap.find(':') {
        let p = after + c + 1;
        let r = trim_range(l.text, p..s.end, &[]);
        return Some((r.start, r.is_empty()));
    }
    if j >= end {
        return None;
    }
    let opens_quote = gap.contains(['“', '"', '‘', '«', '„']);
    let nt = &l.toks[j];
    if lower_is(nt.text, "that") && !nt.quoted && !nt.cap {
        return Some((first_non_space(l, nt.end, s.end), false));
    }
    let search = verb.addressee
        || nt.e.has(lexicon::PREP | lexicon::ADV | lexicon::TIME) && (!nt.cap || nt.e.has(lexicon::TIME));
    if search {
        for k in j..end.min(j + 16) {
            let t = &l.toks[k];
            if t.quoted || k > j && has_comma(l.gap_before(k)) {
                break;
            }
            if t.text == "that" {
                return Some((first_non_space(l, t.end, s.end), false));
            }
            if t.e.has(lexicon::VERB) && k > j {
                break;
            }
        }
    }
    // "told the Gazette he had ...", "told reporters she was ...": the
    // addressee, then a clause opened by a pronoun
    if verb.addressee && !opens_quote {
        for k in j..end.min(j + 6) {
            let t = &l.toks[k];
            if t.quoted || k > j && has_comma(l.gap_before(k)) || t.e.has(lexicon::VERB) && !t.cap {
                break;
            }
            if k > j && !t.cap && t.e.has(lexicon::PRON_P | lexicon::PRON_IT)
                || k > j && matches!(t.text, "they" | "we")
            {
                return Some((t.start, false));
            }
        }
    }
    if opens_quote {
        return Some((first_non_space(l, after, s.end), false));
    }
    if verb.bare && !verb.addressee {
        return Some((first_non_space(l, after, s.end), false));
    }
    if verb.bare && verb.addressee && !nt.cap {
        // "warned of", "warned against"
        return Some((first_non_space(l, after, s.end), false));
    }
    None
}

fn first_non_space(l: &Layout, from: usize, limit: usize) -> usize {
    let from = from.min(limit);
    let s = &l.text[from..limit];
    from + (s.len() - s.trim_start().len())
}

/// Whether the phrase before a verb can be its subject: it opens the
/// sentence or a clause, or follows a conjunction or another verb.
fn boundary_ok(l: &Layout, s: &Sent, p: &Range<usize>) -> bool {
    if p.is_empty() {
        return false;
    }
    if p.start <= s.toks.start {
        return true;
    }
    // "In a 1994 interview she said": a pronoun is a subject wherever it is
    if p.len() == 1 && !l.toks[p.start].cap && l.toks[p.start].e.has(lexicon::PRON_P) {
        return true;
    }
    let gap = l.gap_before(p.start);
    if gap.contains([
        ',', ';', ':', '(', '–', '—', '“', '”', '"', '‘', '’', '-', '•', '«', '»', '„',
    ]) {
        return true;
    }
    let prev = &l.toks[p.start - 1];
    // "that Wang told", "said Wang told", "But Lavrov said"
    if prev.e.has(lexicon::BOUND) || prev.e.has(lexicon::VERB) && !prev.cap {
        return true;
    }
    // "a report by US intelligence", "a report from Sputnik"
    if (prev.text == "by" || prev.text == "from") && p.start >= 2 {
        let before = &l.toks[p.start - 2];
        return before.e.has(lexicon::DOC)
            || matches!(
                before.text,
                "published" | "issued" | "released" | "compiled" | "prepared"
            );
    }
    false
}

/// Skips back over auxiliaries and adverbs between a subject and its verb.
/// Returns (index of the first skipped word or the verb, negated, passive).
fn skip_aux(l: &Layout, s: &Sent, i: usize) -> (usize, bool, bool) {
    let mut k = i;
    let mut neg = false;
    let mut passive = false;
    while k > s.toks.start {
        let j = k - 1;
        let t = &l.toks[j];
        if t.quoted || !l.gap(t.end, l.toks[k].start).trim().is_empty() {
            break;
        }
        // "Lavrov on Friday accused", "Xinhua last week reported"
        if t.e.has(lexicon::TIME) && j > s.toks.start {
            let p = &l.toks[j - 1];
            if matches!(p.text, "on" | "last" | "this" | "earlier" | "late" | "early")
                && l.gap(p.end, t.start).trim().is_empty()
            {
                k = j - 1;
                continue;
            }
        }
        if t.cap {
            break;
        }
        let lw = t.text;
        let nt = lw.ends_with("n’t") || lw.ends_with("n't");
        let ly = lw.len() > 4 && lw.ends_with("ly") && !t.e.has(lexicon::ROLE | lexicon::ORG);
        if t.e.has(lexicon::AUX | lexicon::ADV | lexicon::NEG) || ly || nt {
            neg |= t.e.has(lexicon::NEG) || nt;
            passive |= matches!(lw, "was" | "were" | "is" | "are" | "been" | "be" | "being");
            k = j;
            continue;
        }
        break;
    }
    (k, neg, passive)
}

/// Where a reporting verb stands: the shared inputs of [`verb_cue`] and the
/// functions it is split into, one per kind of cue.
#[derive(Clone, Copy)]
struct VerbAt<'a, 't> {
    l: &'a Layout<'t>,
    g: &'a Gazetteer,
    /// The sentence (`si` its index).
    si: usize,
    s: &'a Sent,
    /// The verb's token.
    i: usize,
    verb: &'static Verb,
}

/// The cue of the reporting verb `l.toks[i]`, if it attributes anything:
/// "quoted as saying", "with X saying", a participle, an inversion, or the
/// verb after its subject. `earlier` are the sentence's cues so far, the
/// first of them numbered `first`.
fn verb_cue(at: VerbAt, earlier: &[Cue], first: usize) -> Option<Cue> {
    let VerbAt { l, s, i, verb, .. } = at;
    let t = &l.toks[i];
    // "he was quoted as saying ...": the subject of "was quoted" speaks
    if i >= s.toks.start + 2
        && l.toks[i - 1].text == "as"
        && l.toks[i - 2].text == "quoted"
        && verb.lemma == "say"
    {
        return quoted_as_saying(at);
    }
    // "as quoted by", "as reported by": a source, not a speaker
    if i > s.toks.start && l.toks[i - 1].text == "as" {
        return None;
    }
    // "..., with the minister saying ...": the phrase after "with" speaks
    if t.e.has(lexicon::VERB_ING)
        && verb.participle
        && i > s.toks.start
        && let Some(phrase) = speaker_after_with(at)
    {
        return said_forward(at, phrase);
    }
    let gap_before = l.gap_before(i);
    let progressive =
        i > s.toks.start && matches!(l.toks[i - 1].text, "is" | "are" | "was" | "were" | "been" | "be");
    // participle: ", noting that ..."
    if t.e.has(lexicon::VERB_ING) && !progressive {
        return participle_cue(at, gap_before, earlier, first);
    }
    // inversion: "“...,” said Wang"
    let trimmed_gap = gap_before.trim_end();
    if verb.inverts
        && i > s.toks.start
        && (trimmed_gap.ends_with(',') || trimmed_gap.ends_with(['”', '’', '"', '\'']))
        && let Some(cue) = inversion_cue(at)
    {
        return Some(cue);
    }
    subject_cue(at)
}

/// "he was quoted as saying ...": the subject of "was quoted" speaks.
fn quoted_as_saying(at: VerbAt) -> Option<Cue> {
    let VerbAt { l, g, s, i, .. } = at;
    let (k, neg, _) = skip_aux(l, s, i - 2);
    let np = scan_back(l, k);
    if neg || np.is_empty() || !boundary_ok(l, s, &np) {
        return None;
    }
    let phrase = analyse(l, g, np);
    if phrase.is_none() {
        return None;
    }
    said_forward(at, phrase)
}

/// A cue of `phrase` whose content follows the verb.
fn said_forward(at: VerbAt, phrase: Phrase) -> Option<Cue> {
    let VerbAt {
        l, si, s, i, verb, ..
    } = at;
    let (start, _) = content_start(l, s, i, verb)?;
    let content = forward_content(l, s, start);
    if content.is_empty() {
        return None;
    }
    let at = phrase.range.start;
    Some(Cue::simple(CueKind::Verb, phrase, si, at, l, content, true))
}

/// "..., with the minister saying ...": the phrase after "with", when it
/// can speak.
fn speaker_after_with(at: VerbAt) -> Option<Phrase> {
    let VerbAt { l, g, s, i, .. } = at;
    let w = (i.saturating_sub(7).max(s.toks.start)..i)
        .rev()
        .find(|&w| l.toks[w].text == "with" && !l.toks[w].quoted)
        .filter(|&w| {
            (w + 1..i).all(|x| !l.toks[x].e.has(lexicon::VERB | lexicon::AUX) && !has_comma(l.gap_before(x)))
        })?;
    let np = w + 1..i;
    let mut phrase = analyse(l, g, np.clone());
    if phrase.is_none() {
        phrase = descriptor(l, g, np.start, np.end).unwrap_or(phrase);
    }
    (!phrase.is_none() && !matches!(phrase.np, Np::Relative | Np::Pronoun { .. } | Np::It)).then_some(phrase)
}

/// A participle: ", noting that ...": the speaker is the main cue's, or
/// the first entity of the sentence.
fn participle_cue(at: VerbAt, gap_before: &str, earlier: &[Cue], first: usize) -> Option<Cue> {
    let VerbAt { l, g, si, s, i, verb } = at;
    let t = &l.toks[i];
    if !(verb.participle && gap_before.contains(',')) {
        return None;
    }
    let (start, _) = content_start(l, s, i, verb)?;
    let content = forward_content(l, s, start);
    if content.is_empty() {
        return None;
    }
    let main = earlier.iter().rposition(|c| {
        matches!(c.kind, CueKind::Verb | CueKind::Inversion | CueKind::Coordinated) && !c.phrase.is_none()
    });
    let (phrase, same_as) = match main {
        Some(m) => (earlier[m].phrase.clone(), Some(first + m)),
        None => {
            let from = earlier
                .iter()
                .find(|c| c.kind == CueKind::Headline)
                .map_or(s.toks.start, |c| c.phrase.toks.end);
            // the sentence's subject: "Wang Yi emphasized ..., calling it"; not a
            // name inside a common noun phrase ("A rural Pennsylvania county
            // sued ..., accusing") nor a dateline's agency ("HARRISBURG, Pa.
            // (AP) —")
            let subject = first_after_dateline(l, s).max(from);
            let p = first_entity(l, g, s, subject, i)?;
            let opens = p.toks.start >= subject
                && (subject..p.toks.start).all(|j| {
                    let t = &l.toks[j];
                    (t.cap && !lexicon::is_det_indefinite(t.text)) || matches!(t.text, "the" | "and" | "of")
                });
            if !opens {
                return None;
            }
            (p, None)
        }
    };
    Some(Cue {
        kind: CueKind::Participle,
        phrase,
        role: None,
        same_as,
        sent: si,
        anchor: t.start,
        clause_start: t.start,
        direct: direct_of(l, content.clone()),
        content,
        forward: true,
        pending: false,
        relay: false,
    })
}

/// An inversion: "“...,” said Wang". None when the
/// words after the verb are not its speaker.
fn inversion_cue(at: VerbAt) -> Option<Cue> {
    let VerbAt { l, g, si, s, i, .. } = at;
    let t = &l.toks[i];
    let np = scan_fwd(l, i + 1);
    let clause_ends = np.end >= s.toks.end || {
        let n = &l.toks[np.end];
        has_comma(l.gap_before(np.end))
            || n.e.has(lexicon::PREP | lexicon::TIME | lexicon::ADV) && !n.e.has(lexicon::AUX)
            // "said Analyst Jörg Plessing of Dresdner Bank"
            || matches!(n.text, "of" | "for" | "from" | "with")
    };
    // "asked its secretary general, Marc Bellamy": a possessive opens a description
    let possessive = np.len() == 1
        && matches!(
            l.toks[np.start].text.to_ascii_lowercase().as_str(),
            "its" | "his" | "her" | "their"
        );
    let described = if np.is_empty() || possessive || analyse(l, g, np.clone()).is_none() {
        // the descriptor must end the clause: "said one mother waiting
        // outside", never "said the patient had returned"
        descriptor_fwd(l, g, s, i + 1).filter(|d| {
            let e = d.toks.end;
            e >= s.toks.end || {
                let n = &l.toks[e];
                let verb_like = n.e.has(lexicon::AUX | lexicon::VERB | lexicon::NEG)
                    || n.text.ends_with("ed")
                    || n.text.ends_with('s') && !n.cap && !n.e.has(lexicon::PREP);
                has_comma(l.gap_before(e)) || !verb_like
            }
        })
    } else {
        None
    };
    // "said retired machinist Ed Kowalczyk, 80", "said market analyst
    // Corinne Blackwood of Prairie Grain": lowercase words, then a name
    let named_after = || {
        let mut j = i + 1;
        while j < s.toks.end && j - i <= 4 {
            let t = &l.toks[j];
            if t.quoted || has_comma(l.gap_before(j)) || t.e.has(lexicon::VERB | lexicon::AUX) && !t.cap {
                return None;
            }
            if t.cap {
                let np = scan_fwd(l, j);
                if np.is_empty() {
                    return None;
                }
                let ends = np.end >= s.toks.end || {
                    let n = &l.toks[np.end];
                    has_comma(l.gap_before(np.end)) || matches!(n.text, "of" | "for" | "from" | "with" | "at")
                };
                let p = analyse(l, g, np);
                return (ends && matches!(p.np, Np::Name { person: true, .. })).then_some(p);
            }
            j += 1;
        }
        None
    };
    let described = match described {
        Some(d) if d.toks.end < s.toks.end && l.toks[d.toks.end].cap => named_after().or(Some(d)),
        None if np.is_empty() => named_after(),
        other => other,
    };
    if let Some(mut phrase) = described {
        // "said the alliance's chief executive, Malcolm Fairweather"
        let e = phrase.toks.end;
        if e < s.toks.end && l.gap_before(e).trim() == "," {
            let named = scan_fwd(l, e);
            let ends = named.end >= s.toks.end || has_comma(l.gap_before(named.end));
            if !named.is_empty() && ends {
                let p2 = analyse(l, g, named);
                if matches!(p2.np, Np::Name { org: false, .. }) {
                    phrase = p2;
                }
            }
        }
        let content = trim_range(l.text, s.start..t.start, &[',', ' ']);
        return Some(Cue::simple(
            CueKind::Inversion,
            phrase,
            si,
            t.start,
            l,
            content,
            false,
        ));
    }
    if !np.is_empty() && clause_ends {
        let mut phrase = analyse(l, g, np.clone());
        // "said the alliance's chief executive, Malcolm Fairweather"
        if matches!(
            phrase.np,
            Np::Desc { .. } | Np::Unnamed { .. } | Np::OrgDesc { .. }
        ) && np.end < s.toks.end
            && l.gap_before(np.end).trim() == ","
        {
            let named = scan_fwd(l, np.end);
            let ends = named.end >= s.toks.end || has_comma(l.gap_before(named.end));
            if !named.is_empty() && ends {
                let p2 = analyse(l, g, named);
                if matches!(p2.np, Np::Name { org: false, .. }) {
                    phrase = p2;
                }
            }
        }
        if !phrase.is_none() && !matches!(phrase.np, Np::Relative | Np::Pronoun { .. } | Np::It) {
            let content = trim_range(l.text, s.start..t.start, &[',', ' ']);
            return Some(Cue::simple(
                CueKind::Inversion,
                phrase,
                si,
                t.start,
                l,
                content,
                false,
            ));
        }
    }
    None
}

/// The verb after its subject ("Wang said", "Denisov, the Russian
/// ambassador, said"), passive ("was told by"), or coordinated ("and
/// said"); its content placed by [`place_content`].
fn subject_cue(at: VerbAt) -> Option<Cue> {
    let VerbAt { l, g, si, s, i, verb } = at;
    let t = &l.toks[i];
    let (k, neg, passive) = skip_aux(l, s, i);
    if neg {
        return None;
    }
    if passive && !t.e.has(lexicon::VERB_ING) {
        return passive_cue(l, g, si, s, i, k);
    }
    // a comma between the phrase and the verb: the phrase is a parenthesis
    // ("Denisov, the Russian ambassador in China, said")
    let np = if has_comma(l.gap_before(k)) {
        k..k
    } else {
        scan_back(l, k)
    };
    let mut role = None;
    // the first word of the subject where it stands in the sentence
    let mut subject_tok;
    let phrase = if np.is_empty() {
        // "Medvedev, who ..., wrote" / "Denisov, the Russian ambassador, said"
        if let Some((p, r)) = appositive(l, g, s, k) {
            role = r;
            subject_tok = p.toks.start;
            p
        } else if k > s.toks.start
            && matches!(l.toks[k - 1].text, "and" | "but")
            && verb.bare
            && l.gap(l.toks[k - 1].end, l.toks[k].start).trim().is_empty()
        {
            let subject = clause_subject(l, g, s, k - 1)?;
            let (start, _) = content_start(l, s, i, verb)?;
            let content = forward_content(l, s, start);
            if content.is_empty() {
                return None;
            }
            return Some(Cue::simple(
                CueKind::Coordinated,
                subject,
                si,
                t.start,
                l,
                content,
                true,
            ));
        } else if let Some(p) = descriptor_back(l, g, s, k) {
            subject_tok = p.toks.start;
            p
        } else {
            return None;
        }
    } else {
        let relative = np.len() == 1 && l.toks[np.start].e.has(lexicon::REL) && !l.toks[np.start].cap;
        let p = analyse(l, g, np.clone());
        // "Opposition housing spokesman Rhys Carrow conceded", "Australian
        // miner Coraline Resources said": lowercase words before a name
        let titled_name = matches!(p.np, Np::Name { .. } | Np::OrgDesc { .. })
            && modifiers_before(l, s, np.start, matches!(p.np, Np::Name { person: true, .. }));
        if !relative && !boundary_ok(l, s, &np) && !titled_name {
            let d = descriptor_back(l, g, s, k)?;
            subject_tok = d.toks.start;
            d
        } else {
            subject_tok = np.start;
            // "“...,” Yindarra elder Beatrice Cole told AFP": the clause
            // opens with the modifiers
            if titled_name && !boundary_ok(l, s, &np) {
                while subject_tok > s.toks.start
                    && np.start - subject_tok < 8
                    && !l.toks[subject_tok - 1].quoted
                    && l.gap(l.toks[subject_tok - 1].end, l.toks[subject_tok].start)
                        .trim()
                        .is_empty()
                {
                    subject_tok -= 1;
                }
            }
            match p.np {
                Np::None => {
                    let d = descriptor_back(l, g, s, k)?;
                    subject_tok = d.toks.start;
                    d
                }
                Np::Relative => antecedent(l, g, s, p.toks.start)?,
                _ => p,
            }
        }
    };
    let subj_start = l.toks[subject_tok].start;
    let cue = Cue {
        kind: CueKind::Verb,
        role,
        same_as: None,
        sent: si,
        anchor: t.start,
        clause_start: subj_start,
        content: t.end..t.end,
        forward: true,
        direct: None,
        pending: false,
        relay: false,
        phrase,
    };
    place_content(at, cue, subject_tok)
}

/// Where the content of a subject-verb cue is: before it, right after a
/// quotation (1) or as the reported clause (2), or after it (3).
fn place_content(at: VerbAt, mut cue: Cue, subject_tok: usize) -> Option<Cue> {
    let VerbAt {
        l, si, s, i, verb, ..
    } = at;
    let subj_start = cue.clause_start;
    // 1. right after a quotation: "“...,” Wang said"
    let before_subject = l.spans.partition_point(|sp| sp.outer_end() <= subj_start);
    if before_subject > 0 {
        let sp_i = before_subject - 1;
        let sp = &l.spans[sp_i];
        let between = l.gap(sp.outer_end(), subj_start);
        let adjacent = sp.close_end.is_some()
            && between
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–'))
            && sp.outer_end() >= s.start;
        if adjacent && sp.open <= first_non_space(l, s.start, s.end) {
            cue.content = sp.start..sp.end;
            cue.direct = Some(sp_i);
            cue.forward = false;
            return Some(cue);
        }
        if adjacent {
            cue.content = trim_range(l.text, s.start..sp.outer_end(), &[]);
            cue.direct = None;
            cue.forward = false;
            return Some(cue);
        }
    }
    // 2. after the reported clause: "..., Beijing’s top diplomat has said during ..."
    let np_first = subject_tok;
    let ends_here = i + 1 >= s.toks.end || {
        let n = &l.toks[i + 1];
        let g_after = l.gap_after(i);
        (has_comma(g_after) && !g_after.contains(':'))
            || (n.e.has(lexicon::PREP | lexicon::ADV | lexicon::TIME)
                && (!n.cap || n.e.has(lexicon::TIME))
                && n.text != "that"
                && {
                    // no "that" coming: "told attendees at ... on Sunday"
                    !(i + 1..s.toks.end).any(|x| l.toks[x].text == "that" && !l.toks[x].quoted)
                })
            || (verb.addressee && !(i + 1..s.toks.end).any(|x| l.toks[x].text == "that"))
    };
    // "In a statement, he called on ...": a short opening phrase of place,
    // time or manner is no reported clause
    let opener = {
        let first = first_after_dateline(l, s);
        np_first > first
            && np_first - first <= 5
            && l.toks[first].e.has(lexicon::PREP | lexicon::TIME)
            && !(first..np_first).any(|x| l.toks[x].quoted || l.toks[x].e.has(lexicon::VERB))
    };
    if np_first > s.toks.start && has_comma(l.gap_before(np_first)) && ends_here && !opener {
        let content = trim_range(l.text, s.start..l.toks[np_first].start, &[',', ';', '–', '—']);
        // "This year, organizers say, more than half ...": a cue set off
        // after a short opening; what is said follows it
        let short = np_first - s.toks.start <= 3 && !l.text[content.clone()].contains(['“', '"', '«', '„']);
        let rest = if i + 1 < s.toks.end && l.gap_after(i).trim() == "," {
            forward_content(l, s, l.toks[i + 1].start)
        } else {
            0..0
        };
        if short && rest.len() > content.len() {
            cue.direct = direct_of(l, rest.clone());
            cue.content = rest;
            return Some(cue);
        }
        let content = after_dateline(l, s, content);
        if !content.is_empty() {
            cue.direct = direct_of(l, content.clone());
            cue.content = content;
            cue.forward = false;
            return Some(cue);
        }
    }
    // 3. the content follows
    match content_start(l, s, i, verb) {
        Some((start, pending)) => {
            cue.pending = pending;
            cue.content = if pending {
                start..start
            } else {
                forward_content(l, s, start)
            };
            cue.direct = direct_of(l, cue.content.clone());
            Some(cue)
        }
        None => {
            // "“... today.” Wang said." split over two sentences
            if cue.phrase.initial && ends_here && verb.inverts && si > 0 {
                let prev = &l.sents[si - 1];
                if prev.para == s.para {
                    let prev_text = l.text[prev.start..prev.end].trim_end();
                    if prev_text.ends_with(['”', '"', '»', '“']) {
                        let sp_i = l.span_at(prev.start + prev_text.len() - 1)?;
                        let sp = &l.spans[sp_i];
                        if sp.open <= prev.start {
                            cue.content = sp.start..sp.end;
                            cue.direct = Some(sp_i);
                            cue.forward = false;
                            return Some(cue);
                        }
                    }
                }
            }
            if ends_here {
                // a cue without words: "Wang said on Sunday." Keeps the
                // speaker for a quotation in the next paragraph.
                cue.pending = l.text[l.toks[i].end..s.end].trim_end().ends_with(':');
                return Some(cue);
            }
            None
        }
    }
}

fn passive_cue(l: &Layout, g: &Gazetteer, si: usize, s: &Sent, i: usize, k: usize) -> Option<Cue> {
    let n = l.toks.get(i + 1).filter(|_| i + 1 < s.toks.end)?;
    if !(n.text == "in" || n.text == "by") {
        return None;
    }
    let np = scan_fwd(l, i + 2);
    if np.is_empty() {
        return None;
    }
    let phrase = analyse(l, g, np);
    let ok = match &phrase.np {
        Np::Doc { owner, .. } => owner.is_some(),
        Np::Name { .. } | Np::OrgDesc { .. } | Np::Desc { .. } => n.text == "by",
        _ => false,
    };
    if !ok {
        return None;
    }
    let content = trim_range(l.text, s.start..l.toks[k].start, &[',']);
    if content.is_empty() {
        return None;
    }
    Some(Cue {
        kind: CueKind::Passive,
        phrase,
        role: None,
        same_as: None,
        sent: si,
        anchor: l.toks[i].start,
        clause_start: s.start,
        direct: None,
        content,
        forward: false,
        pending: false,
        relay: false,
    })
}

/// "Name, who ..., said" / "Name, the ambassador, said": the phrase before
/// the parenthesis, and the role the parenthesis gives.
fn appositive(l: &Layout, g: &Gazetteer, s: &Sent, k: usize) -> Option<(Phrase, Option<String>)> {
    if k <= s.toks.start || !l.gap_before(k).contains(',') {
        return None;
    }
    let mut j = k - 1;
    let lowest = k.saturating_sub(30).max(s.toks.start);
    loop {
        if l.toks[j].quoted {
            return None;
        }
        if j > lowest && l.gap_before(j).contains(',') {
            break;
        }
        if j <= lowest {
            return None;
        }
        j -= 1;
    }
    // "Sen. Marian Feldhaus, D-Conn., said", "Wendell Foy, 50, says": an age
    // or a party tag between commas stands for no one
    if is_tag(l, j..k) {
        let before = skip_tags(l, s, j);
        let np = scan_back(l, before);
        if np.is_empty() || !(boundary_ok(l, s, &np) || modifiers_only(l, s, np.start)) {
            return None;
        }
        let p = analyse(l, g, np);
        return matches!(p.np, Np::Name { .. }).then_some((p, None));
    }
    let head = &l.toks[j];
    // "Her lawyer, Denise Arcand, told", "A company spokeswoman, Tessa
    // Marlowe, said": the name between the commas speaks, the words before
    // are the role
    if (head.cap || head.e.has(lexicon::ROLE) && !head.e.has(lexicon::DET))
        && (!head.e.has(lexicon::STOP | lexicon::DET) || head.e.has(lexicon::HONORIFIC | lexicon::TITLE_ABBR))
        && j > s.toks.start
    {
        let p = analyse(l, g, j..k);
        let role_start = clause_start_before(l, s, j);
        let role = trim_range(l.text, l.toks[role_start].start..l.toks[j - 1].end, &[',']);
        let role_text = &l.text[role.clone()];
        let role_words = (role_start..j).any(|x| l.toks[x].e.has(lexicon::ROLE | lexicon::HUMAN));
        if let Np::Name {
            org: false, person, ..
        } = &p.np
            && (*person || role_words)
            && scan_fwd(l, j).end == k
        {
            let role = role_words.then(|| {
                let r = role_text.trim_start_matches(|c: char| !c.is_alphanumeric());
                let r = ["The ", "the ", "A ", "a ", "An ", "an "]
                    .iter()
                    .find_map(|d| r.strip_prefix(d))
                    .unwrap_or(r);
                r.to_string()
            });
            let mut p = p;
            if let Np::Name { person, .. } = &mut p.np {
                *person = true;
            }
            return Some((p, role));
        }
        // "The terminal operator, Westquay Logistics, said": the organisation
        // between the commas speaks
        let org = matches!(
            p.np,
            Np::Name { org: true, .. } | Np::OrgDesc { qualified: true, .. }
        );
        let no_person = matches!(p.np, Np::Name { person: false, .. }) && !role_words;
        if (org || no_person) && scan_fwd(l, j).end == k {
            return Some((p, None));
        }
    }
    let apposition = head.e.has(lexicon::DET) || head.e.has(lexicon::ROLE);
    // "One resident, who asked not to be named, said", "Residents in
    // Hollins Green, one of the worst-hit areas, said": an unnamed source
    // before the parenthesis
    if let Some(p) = descriptor_back(l, g, s, skip_tags(l, s, j)) {
        let np_first = p.toks.start;
        let opens = np_first == s.toks.start || has_comma(l.gap_before(np_first)) || {
            let pt = &l.toks[np_first - 1];
            pt.e.has(lexicon::BOUND) && !pt.cap
        };
        if np_first < j && opens {
            return Some((p, None));
        }
    }
    // "Putin, speaking at a forum, said"
    let participial = !head.cap && (head.text.ends_with("ing") || head.text.ends_with("ed"));
    let who = lower_is(head.text, "who") || lower_is(head.text, "whose");
    let which = lower_is(head.text, "which");
    if !(who || which || apposition || participial) {
        return None;
    }
    let np = scan_back(l, skip_tags(l, s, j));
    if np.is_empty() || !(boundary_ok(l, s, &np) || modifiers_only(l, s, np.start)) {
        return None;
    }
    let p = analyse(l, g, np);
    let person = matches!(
        p.np,
        Np::Name { org: false, .. } | Np::Desc { .. } | Np::Unnamed { .. }
    );
    let org = matches!(
        p.np,
        Np::Name { org: true, .. } | Np::OrgDesc { .. } | Np::Name { person: false, .. }
    );
    let fits = person && !which || org && !who;
    if !fits {
        return None;
    }
    let role = if apposition && (j..k).any(|x| l.toks[x].e.has(lexicon::ROLE)) {
        let start = if head.e.has(lexicon::DET) { j + 1 } else { j };
        let r = trim_range(l.text, l.toks[start].start..l.toks[k - 1].end, &[',']);
        Some(l.text[r].to_string())
    } else {
        None
    };
    Some((p, role))
}

/// The subject of the main clause of a sentence, for a verb coordinated with
/// an earlier one ("Beijing avoided X and urged Y").
fn clause_subject(l: &Layout, g: &Gazetteer, s: &Sent, before: usize) -> Option<Phrase> {
    let mut a = s.toks.start;
    let t0 = &l.toks[a];
    let subordinate = [
        "when",
        "while",
        "although",
        "though",
        "after",
        "before",
        "as",
        "if",
        "since",
        "because",
        "during",
        "in",
        "on",
        "at",
        "despite",
        "following",
        "amid",
        "with",
        "for",
    ];
    if t0.cap && subordinate.iter().any(|w| lower_is(t0.text, w)) {
        // a leading adverbial clause: start after its comma
        if let Some(j) = (a + 1..before).find(|&j| l.gap_before(j).contains(',')) {
            a = j;
        }
    }
    while a < before && l.toks[a].cap && l.toks[a].e.has(lexicon::STOP) && !l.toks[a].e.has(lexicon::DET) {
        a += 1;
    }
    if a >= before {
        return None;
    }
    let np = scan_fwd(l, a);
    if np.is_empty() || np.end > before {
        return None;
    }
    let p = analyse(l, g, np);
    match p.np {
        Np::Name { .. }
        | Np::OrgDesc { .. }
        | Np::Desc { .. }
        | Np::Pronoun { .. }
        | Np::Multi(_)
        | Np::Unnamed { .. } => Some(p),
        _ => None,
    }
}

/// The first name of a sentence after `from` and before `to`; in Title Case
/// headlines only known names count ("Xi Backs Putin’s ..." → Xi).
fn first_entity(l: &Layout, g: &Gazetteer, s: &Sent, from: usize, to: usize) -> Option<Phrase> {
    // a dateline: "MOSCOW, March 3 (Reuters) - "
    let mut from = from;
    if from == s.toks.start
        && let Some(d) = (from..to).find(|&j| {
            let g = l.gap_after(j);
            g.contains(" - ") || g.contains(" – ") || g.contains(" — ")
        })
    {
        let t0 = l.toks[from].text;
        if t0.len() > 2 && t0.chars().all(|c| !c.is_lowercase()) && d - from < 8 {
            from = d + 1;
        }
    }
    for j in from..to {
        let t = &l.toks[j];
        if t.quoted || !t.cap || t.e.has(lexicon::STOP) {
            continue;
        }
        if s.headline_case {
            for len in (1..=3).rev() {
                if j + len > to {
                    continue;
                }
                let r = l.toks[j].start..l.toks[j + len - 1].end;
                let text = lexicon::strip_possessive(&l.text[r]);
                let known = g.known(text).is_some()
                    || (len == 1 && (g.person_by_token(text).is_some() || t.place.is_some()));
                if known {
                    let p = analyse(l, g, j..j + len);
                    if !p.is_none() {
                        return Some(p);
                    }
                }
            }
            continue;
        }
        if namey(t) || t.place.is_some() || t.e.has(lexicon::ORG | lexicon::ROLE) {
            let np = scan_fwd(l, j);
            let p = analyse(l, g, np);
            if !p.is_none() {
                return Some(p);
            }
        }
    }
    None
}

/// The antecedent of "which"/"that"/"who" at token `r`: a document and its
/// author ("a joint statement that declared"), or the phrase before.
pub(super) fn antecedent(l: &Layout, g: &Gazetteer, s: &Sent, r: usize) -> Option<Phrase> {
    let word = l.toks[r].text.to_ascii_lowercase();
    let comma = l.gap_before(r).contains(',');
    if word == "who" {
        let np = scan_back(l, r);
        let p = analyse(l, g, np);
        return matches!(p.np, Np::Name { .. } | Np::Desc { .. }).then_some(p);
    }
    let lowest = r.saturating_sub(15).max(s.toks.start);
    let doc = (lowest..r)
        .rev()
        .find(|&d| l.toks[d].e.has(lexicon::DOC) && !l.toks[d].quoted && !l.toks[d].cap);
    if let Some(d) = doc {
        let mut np = scan_back(l, d + 1);
        // "a joint statement": adjectives and the article before the noun
        while np.start > s.toks.start && d + 1 - np.start < 6 && !l.toks[np.start].e.has(lexicon::DET) {
            let t = &l.toks[np.start - 1];
            if t.cap || t.quoted || !l.gap_before(np.start).trim().is_empty() {
                break;
            }
            if t.e.has(lexicon::DET) {
                np.start -= 1;
                break;
            }
            if t.e.flags != 0 {
                break;
            }
            np.start -= 1;
        }
        let p = analyse(l, g, np.clone());
        if let Np::Doc { owner, definite } = &p.np {
            if owner.is_some() {
                return Some(p);
            }
            // the document's author: the subject of the verb before it
            if np.start > s.toks.start {
                let gv = np.start - 1;
                let gt = &l.toks[gv];
                if !gt.cap && !gt.e.has(lexicon::VERB) && l.gap_before(np.start).trim().is_empty() {
                    let (k, _, _) = skip_aux(l, s, gv);
                    let subj = scan_back(l, k);
                    if !subj.is_empty() && boundary_ok(l, s, &subj) {
                        let sp = analyse(l, g, subj);
                        if matches!(
                            sp.np,
                            Np::Name { .. } | Np::Multi(_) | Np::OrgDesc { .. } | Np::Desc { .. }
                        ) {
                            return Some(Phrase {
                                np: Np::Doc {
                                    owner: Some(Box::new(sp)),
                                    definite: *definite,
                                },
                                ..p
                            });
                        }
                    }
                }
            }
            if *definite {
                return Some(p);
            }
        }
        return None;
    }
    if comma {
        let np = scan_back(l, r);
        let p = analyse(l, g, np);
        return matches!(p.np, Np::Name { org: true, .. } | Np::OrgDesc { .. }).then_some(p);
    }
    None
}

fn according(l: &Layout, g: &Gazetteer, si: usize, s: &Sent, i: usize) -> Option<Cue> {
    let np = scan_fwd(l, i + 2);
    if np.is_empty() {
        return None;
    }
    let mut phrase = analyse(l, g, np.clone());
    // "according to a transcript published by the ministry"
    if let Np::Doc {
        owner: None,
        definite,
    } = phrase.np
    {
        let mut j = np.end;
        if j < s.toks.end && matches!(l.toks[j].text, "published" | "issued" | "released" | "compiled") {
            j += 1;
        }
        if j < s.toks.end && matches!(l.toks[j].text, "by" | "from") {
            let o = scan_fwd(l, j + 1);
            if !o.is_empty() {
                let op = analyse(l, g, o);
                if !op.is_none() {
                    phrase.np = Np::Doc {
                        owner: Some(Box::new(op)),
                        definite,
                    };
                }
            }
        }
    }
    if matches!(phrase.np, Np::None | Np::Relative | Np::It) {
        return None;
    }
    let t = &l.toks[i];
    // at the start of the sentence: the rest is attributed
    let leading = (s.toks.start..i).all(|x| l.toks[x].e.has(lexicon::STOP | lexicon::ADV));
    let (content, forward) = if leading {
        // content after the comma closing the phrase
        let mut j = np.end;
        while j < s.toks.end && !has_comma(l.gap_before(j)) {
            j += 1;
        }
        let from = if j < s.toks.end { l.toks[j].start } else { s.end };
        (forward_content(l, s, from), true)
    } else {
        (trim_range(l.text, s.start..t.start, &[',', ';', '–', '—']), false)
    };
    if content.is_empty() {
        return None;
    }
    let direct = direct_of(l, content.clone());
    Some(Cue {
        kind: CueKind::According,
        phrase,
        role: None,
        same_as: None,
        sent: si,
        anchor: t.start,
        clause_start: t.start,
        direct,
        content,
        forward,
        pending: false,
        relay: false,
    })
}

/// "Kremlin: Xi backs ..." at the start of a paragraph.
fn headline(l: &Layout, g: &Gazetteer, si: usize, s: &Sent) -> Option<Cue> {
    let a = s.toks.start;
    let np = scan_fwd(l, a);
    if np.is_empty() || np.len() > 4 {
        return None;
    }
    if (np.clone()).any(|x| l.toks[x].e.has(lexicon::KICKER)) {
        return None;
    }
    let gap = l.gap_after(np.end - 1);
    if !gap.trim_start().starts_with(':') {
        return None;
    }
    let before = l.gap(s.start, l.toks[a].start);
    if !before.trim().is_empty() {
        return None;
    }
    let phrase = analyse(l, g, np.clone());
    if !matches!(phrase.np, Np::Name { .. } | Np::OrgDesc { .. }) {
        return None;
    }
    let colon = l.toks[np.end - 1].end + gap.find(':')? + 1;
    let content = strip_dateline(l, trim_range(l.text, colon..s.end, &['.']));
    if content.is_empty() {
        return None;
    }
    let at = phrase.range.start;
    Some(Cue::simple(CueKind::Headline, phrase, si, at, l, content, true))
}

/// "Carina Lau celebrates ...: 'Congratulations, Dr Leung'".
fn colon_quote(l: &Layout, g: &Gazetteer, si: usize, s: &Sent) -> Option<Cue> {
    let end = l.text[s.start..s.end].trim_end().len() + s.start;
    let sp_i = l.span_at(end.saturating_sub(1))?;
    let sp = &l.spans[sp_i];
    if sp.open < s.start || !l.text[s.start..sp.open].trim_end().ends_with(':') {
        return None;
    }
    let mut np = scan_fwd(l, s.toks.start);
    let mut role = None;
    // "Her neighbor, Walt Simmons, disagreed: “...”": the name set off after
    // a short description
    if let Some(j) =
        (s.toks.start + 1..s.toks.end.min(s.toks.start + 5)).find(|&j| l.gap_before(j).trim() == ",")
    {
        let inner = scan_fwd(l, j);
        if !inner.is_empty()
            && inner.end < s.toks.end
            && l.gap_before(inner.end).trim() == ","
            && !(s.toks.start..j).any(|x| l.toks[x].quoted || l.toks[x].e.has(lexicon::VERB))
            && matches!(analyse(l, g, inner.clone()).np, Np::Name { org: false, .. })
        {
            let r = trim_range(l.text, l.toks[s.toks.start].start..l.toks[j - 1].end, &[',']);
            role = Some(l.text[r].to_string());
            np = inner;
        }
    }
    if np.is_empty() || np.end >= s.toks.end {
        return None;
    }
    let after = &l.toks[np.end];
    if after.cap || after.quoted || l.toks[np.end - 1].end > sp.open {
        return None;
    }
    let phrase = analyse(l, g, np);
    let Np::Name { name, org: false, .. } = &phrase.np else {
        return None;
    };
    let name_text = &l.text[name.clone()];
    if !name_text.contains(' ') && g.known(name_text).is_none() {
        return None;
    }
    Some(Cue {
        kind: CueKind::ColonQuote,
        anchor: phrase.range.start,
        clause_start: phrase.range.start,
        phrase,
        role,
        same_as: None,
        sent: si,
        direct: Some(sp_i),
        content: sp.start..sp.end,
        forward: false,
        pending: false,
        relay: false,
    })
}

/// "Wang’s remarks that ..." / "Wang’s comments: “...”".
fn remarks(l: &Layout, g: &Gazetteer, si: usize, s: &Sent, i: usize) -> Option<Cue> {
    let n = l.toks.get(i + 1).filter(|_| i + 1 < s.toks.end)?;
    if !n.e.has(lexicon::REMARKS) || n.cap || n.quoted {
        return None;
    }
    let gap = l.gap_after(i + 1);
    let start = if gap.contains(':') || gap.contains(['“', '"']) {
        first_non_space(l, n.end + gap.find([':', '“', '"'])? + 1, s.end)
    } else if l
        .toks
        .get(i + 2)
        .is_some_and(|t| t.text == "that" && i + 2 < s.toks.end)
    {
        first_non_space(l, l.toks[i + 2].end, s.end)
    } else {
        return None;
    };
    let np = scan_back(l, i + 1);
    if np.is_empty() {
        return None;
    }
    let phrase = analyse(l, g, np);
    if !matches!(phrase.np, Np::Name { .. } | Np::Desc { .. }) {
        return None;
    }
    let content = forward_content(l, s, start);
    if content.is_empty() {
        return None;
    }
    let at = phrase.range.start;
    Some(Cue::simple(CueKind::Remarks, phrase, si, at, l, content, true))
}

/// The tokens `r` are an age ("50") or a party tag ("D-Conn.", "R-Texas"),
/// set off by commas.
fn is_tag(l: &Layout, r: Range<usize>) -> bool {
    if r.is_empty() || r.len() > 3 {
        return false;
    }
    let text = l.text[l.toks[r.start].start..l.toks[r.end - 1].end].trim();
    if text.len() <= 3 && text.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let mut parts = text.splitn(2, ['-', '–']);
    match (parts.next(), parts.next()) {
        (Some(party), Some(state)) => {
            matches!(party, "D" | "R" | "I" | "Ind" | "Dem" | "Rep")
                && state.chars().next().is_some_and(char::is_uppercase)
                && state.len() <= 6
        }
        _ => false,
    }
}

/// Before token `j` (the first word after a comma), skips back over ages
/// and party tags set off by commas: the token where the phrase before them
/// ends (exclusive).
fn skip_tags(l: &Layout, s: &Sent, j: usize) -> usize {
    let mut end = j;
    for _ in 0..2 {
        if end <= s.toks.start + 1 || !l.gap_before(end).contains(',') {
            break;
        }
        // the tag: back to the comma before it
        let mut a = end - 1;
        while a > s.toks.start && !l.gap_before(a).contains(',') && end - a < 3 {
            a -= 1;
        }
        if a > s.toks.start && l.gap_before(a).contains(',') && is_tag(l, a..end) {
            end = a;
        } else {
            break;
        }
    }
    end
}

/// The first token of the clause that token `j` is in: after the latest
/// comma, semicolon or dash before it, or the sentence start.
fn clause_start_before(l: &Layout, s: &Sent, j: usize) -> usize {
    let mut a = j - 1;
    while a > s.toks.start && !has_comma(l.gap_before(a)) && j - a < 14 {
        a -= 1;
    }
    a
}

/// Only lowercase modifiers stand between the clause start and token `j`
/// ("Opposition housing spokesman Rhys Carrow conceded").
fn modifiers_only(l: &Layout, s: &Sent, j: usize) -> bool {
    modifiers_before(l, s, j, false)
}

/// [`modifiers_only`], for a name with person evidence when `person`:
/// then "Director of education Fiona Castellano" and "Amalgamated Transit
/// Union Local 1622 president Kofi Mensah-Darko" count too.
fn modifiers_before(l: &Layout, s: &Sent, j: usize, person: bool) -> bool {
    let mut a = j;
    while a > s.toks.start {
        let t = &l.toks[a - 1];
        if has_comma(l.gap(t.end, l.toks[a].start)) {
            return true;
        }
        let far = if person { 8 } else { 4 };
        if t.quoted
            || t.e
                .has(lexicon::VERB | lexicon::AUX | lexicon::BOUND | lexicon::PREP)
                && !t.cap
            || j - a >= far
        {
            return false;
        }
        // "a spokesperson for the ministry": the name is not the subject
        if !person && !t.cap && t.e.has(lexicon::CONN | lexicon::HUMAN) {
            return false;
        }
        if t.e.has(lexicon::DET) && !person {
            return a - 1 == s.toks.start || has_comma(l.gap_before(a - 1));
        }
        if person && !t.cap && t.e.has(lexicon::HUMAN) && matches!(l.toks[a].text, "for" | "of" | "to") {
            return false;
        }
        a -= 1;
    }
    // the sentence start
    true
}

/// Words that open an unnamed source: "a", "some", "one", "two"...
fn opens_descriptor(t: &super::layout::Tok) -> bool {
    t.e.has(lexicon::DET | lexicon::NUMBER)
        || matches!(
            t.text.to_ascii_lowercase().as_str(),
            "one"
                | "another"
                | "other"
                | "most"
                | "few"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "local"
                | "many"
        )
}

/// An unnamed source ending right before token `end`: "a hospital
/// spokesperson", "Some parents", "Sources familiar with the talks",
/// "Utility officials". It opens the sentence or a clause and has a word
/// for people among its first words.
fn descriptor_back(l: &Layout, g: &Gazetteer, s: &Sent, end: usize) -> Option<Phrase> {
    if end <= s.toks.start {
        return None;
    }
    let mut a = end;
    while a > s.toks.start && end - a < 16 {
        let t = &l.toks[a - 1];
        if t.quoted
            || (t.e.has(lexicon::VERB | lexicon::AUX) && !t.cap)
            || (t.e.has(lexicon::BOUND) && !t.cap && t.text != "as")
            || t.e
                .has(lexicon::PRON_P | lexicon::PRON_IT | lexicon::PRON_X | lexicon::REL)
                && !(t.text == "one" && a >= 2 && l.toks[a - 2].e.has(lexicon::CONN))
        {
            break;
        }
        if a < end && has_comma(l.gap(t.end, l.toks[a].start)) {
            break;
        }
        a -= 1;
        if has_comma(l.gap_before(a)) {
            break;
        }
    }
    if a >= end {
        return None;
    }
    // the clause must start here
    let at_start = a == s.toks.start || has_comma(l.gap_before(a)) || {
        let p = &l.toks[a - 1];
        p.e.has(lexicon::BOUND | lexicon::VERB) && !p.cap
    };
    if !at_start {
        return None;
    }
    descriptor(l, g, a, end)
}

/// An unnamed source starting at token `start`: "one mother waiting ...",
/// "a spokesman for the union".
fn descriptor_fwd(l: &Layout, g: &Gazetteer, s: &Sent, start: usize) -> Option<Phrase> {
    let mut e = start;
    let mut head = None;
    while e < s.toks.end && e - start < 10 {
        let t = &l.toks[e];
        if t.quoted || (e > start && has_comma(l.gap_before(e))) {
            break;
        }
        if head.is_none() {
            if t.e.has(lexicon::HUMAN) && !t.cap || t.e.has(lexicon::HUMAN) && e == start {
                head = Some(e);
            } else if e - start >= 4
                || t.e.has(lexicon::VERB | lexicon::AUX | lexicon::PREP) && !opens_descriptor(t)
            {
                return None;
            }
        } else {
            // "for the union", "of the group", "at the hospital"
            let joiner = matches!(t.text, "for" | "of" | "with" | "at" | "to" | "from" | "in");
            if e == head.unwrap_or(e) + 1 && !joiner {
                break;
            }
            if e > head.unwrap_or(e) + 1
                && (t
                    .e
                    .has(lexicon::VERB | lexicon::AUX | lexicon::BOUND | lexicon::REL)
                    && !t.cap)
            {
                break;
            }
            if t.text.ends_with("ing") && !t.cap {
                break;
            }
        }
        e += 1;
    }
    head?;
    descriptor(l, g, start, e)
}

fn descriptor(l: &Layout, g: &Gazetteer, a: usize, end: usize) -> Option<Phrase> {
    // "Some clients say", "Many shop owners said": a quantifier and a plural
    let quantified = || {
        let q = l.toks[a].text.to_ascii_lowercase();
        let last = &l.toks[end - 1];
        matches!(q.as_str(), "some" | "many" | "several" | "most" | "few" | "other")
            && end - a <= 4
            && !last.cap
            && last.text.ends_with('s')
            && !last.text.ends_with("ss")
            && (a + 1..end).all(|x| !l.toks[x].e.has(lexicon::VERB | lexicon::PREP | lexicon::CONN))
    };
    // "Some said", "Others say"
    let lone = end == a + 1
        && matches!(
            l.toks[a].text.to_ascii_lowercase().as_str(),
            "some" | "many" | "others" | "most" | "several"
        );
    let head = match (a..end.min(a + 5)).find(|&x| l.toks[x].e.has(lexicon::HUMAN)) {
        Some(h) => h,
        None if end > a && (quantified() || lone) => end - 1,
        None => {
            // "The artistic director of the Lantern Bay Playhouse": a job,
            // to be matched with the person named with it
            let h = (a..end.min(a + 5)).find(|&x| {
                let t = &l.toks[x];
                !t.cap && t.e.has(lexicon::ROLE) && !lexicon::role_classes(t.text).is_empty()
            })?;
            let first = &l.toks[a];
            if !first.e.has(lexicon::DET)
                || h + 1 >= end
                || !matches!(l.toks[h + 1].text, "of" | "for" | "at")
            {
                return None;
            }
            let p = analyse(l, g, a..h + 1);
            let range = trim_range(l.text, l.toks[a].start..l.toks[end - 1].end, &[',']);
            return matches!(p.np, Np::Desc { .. }).then(|| Phrase {
                np: p.np,
                range,
                toks: a..end,
                initial: p.initial,
            });
        }
    };
    // before the head: an opener, adjectives, nouns, capitalised words
    let ok_before = (a..head).all(|x| {
        let t = &l.toks[x];
        opens_descriptor(t)
            || !t.e.has(lexicon::VERB | lexicon::PREP | lexicon::STOP)
            || t.cap && !t.e.has(lexicon::STOP)
    });
    let first = &l.toks[a];
    let opens =
        opens_descriptor(first) || head == a || first.cap || first.e.has(lexicon::ROLE | lexicon::HUMAN);
    if !ok_before || !opens {
        return None;
    }
    // a named person is not an unnamed source ("Paramedic Joanne Kasprzak",
    // "Finance Minister Daljit Sandhu"); a name after "for", "of", "in"...
    // is where the source works or lives ("a spokesman for the GMB union")
    let mut joined = false;
    for x in a..end {
        let t = &l.toks[x];
        if !t.cap && matches!(t.text, "for" | "of" | "at" | "with" | "to" | "in" | "from" | "on") {
            joined = true;
        }
        if !joined && x > a && namey(t) {
            return None;
        }
    }
    let range = trim_range(l.text, l.toks[a].start..l.toks[end - 1].end, &[',']);
    let initial = a == l.sents[l.toks[a].sent].toks.start;
    Some(Phrase {
        np: Np::Unnamed {
            text: l.text[range.clone()].to_string(),
        },
        range,
        toks: a..end,
        initial,
    })
}
