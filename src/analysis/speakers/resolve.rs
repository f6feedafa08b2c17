//! Who the speaker phrases are: short names ("Wang") resolved to the full
//! name used elsewhere in the article, descriptions ("the Chinese foreign
//! minister") to the person named with that role, pronouns to the latest
//! speaker; then the quotations without a cue of their own.

use std::ops::Range;

use super::cues::{Cue, CueKind};
use super::gazetteer::{Gazetteer, Gender, Known};
use super::layout::{Layout, namey};
use super::lexicon::{self, RoleClass};
use super::phrase::{Np, Phrase, analyse, scan_back};
use super::{Quote, QuoteKind, SpeakerKind};

/// A person named in the article.
#[derive(Debug, Clone)]
struct Mention {
    pos: usize,
    display: String,
    /// folded name tokens
    tokens: Vec<String>,
    role: Option<String>,
    nat: Option<u8>,
    classes: RoleClass,
    gender: Option<Gender>,
    /// no person evidence of its own: a lone surname makes it a person
    weak: bool,
    /// the first name of its sentence (a likely subject)
    first_in_sentence: bool,
    /// its paragraph
    para: usize,
    /// where the name ends
    end: usize,
}

/// A resolved speaker.
#[derive(Debug, Clone)]
struct Speaker {
    display: String,
    kind: SpeakerKind,
    role: Option<String>,
    cue: Range<usize>,
    gender: Option<Gender>,
    /// lowercase display, to match "the ministry" with an earlier ministry
    key: String,
}

struct Ctx<'l, 'a> {
    l: &'l Layout<'a>,
    g: &'l Gazetteer,
    mentions: Vec<Mention>,
    persons: Vec<Speaker>,
    orgs: Vec<Speaker>,
    /// organisations named in the article: (position, display)
    org_names: Vec<(usize, String)>,
    last_doc: Option<Vec<Speaker>>,
}

/// Everything after finding the cues: resolution, quotations without cues,
/// duplicates.
pub fn quotes(l: &Layout, g: &Gazetteer, cues: &[Cue]) -> Vec<Quote> {
    let mut ctx = Ctx {
        l,
        g,
        mentions: mentions(l, g),
        persons: Vec::new(),
        orgs: Vec::new(),
        org_names: org_names(l, g),
        last_doc: None,
    };
    let mut order: Vec<usize> = (0..cues.len()).collect();
    order.sort_by_key(|&i| (cues[i].anchor, i));
    let mut resolved: Vec<Option<Vec<Speaker>>> = vec![None; cues.len()];
    let mut out: Vec<Quote> = Vec::new();
    // (end of cue or quote, paragraph, speakers): what a quotation without
    // a cue may continue
    let mut attrs: Vec<(usize, usize, Vec<Speaker>)> = Vec::new();
    for &ci in &order {
        let c = &cues[ci];
        if c.relay {
            continue;
        }
        // a headline that opens with its speaker ("Kremlin says no plans for
        // ...", "China urges restraint ...") is no quote; the
        // trailing form ("..., foreign minister says") is kept as the
        // bundled annotation counts it
        if c.kind == CueKind::Verb
            && c.forward
            && c.phrase.initial
            && l.sents[c.sent].para == 0
            && !terminated(l, c.sent)
        {
            continue;
        }
        let mut speakers = match c.same_as.and_then(|m| resolved.get(m).cloned().flatten()) {
            Some(s) => s,
            None => ctx.resolve(&c.phrase, c.anchor, c.role.as_deref()),
        };
        // a headline, a related-story blurb or a caption names whom it
        // quotes: an unnamed source there is no quote
        if !terminated(l, c.sent) {
            speakers.retain(|s| s.kind != SpeakerKind::Unnamed);
        }
        if speakers.is_empty() {
            continue;
        }
        for s in &speakers {
            match s.kind {
                SpeakerKind::Person => ctx.persons.push(s.clone()),
                SpeakerKind::Organisation => ctx.orgs.push(s.clone()),
                // "a spokeswoman said ... She added": a singular source
                // can be "he" or "she" later
                SpeakerKind::Unnamed if !plural(&s.display) => ctx.persons.push(s.clone()),
                SpeakerKind::Unnamed => {}
            }
        }
        if matches!(c.phrase.np, Np::Doc { .. }) || authors_document(l, &c.phrase) {
            ctx.last_doc = Some(speakers.clone());
        }
        let para = l.sents[c.sent].para;
        if !c.content.is_empty() {
            let (range, kind) = match c.direct {
                Some(sp) => (direct_range(l, sp), QuoteKind::Direct),
                None => (c.content.clone(), QuoteKind::Reported),
            };
            if !range.is_empty() {
                for s in &speakers {
                    out.push(quote(s, kind, range.clone()));
                }
            }
        }
        let end = c.content.end.max(c.anchor);
        attrs.push((end, para, speakers.clone()));
        resolved[ci] = Some(speakers);
    }
    attrs.sort_by_key(|a| a.0);
    continuations(l, &mut out, &mut attrs, &ctx.mentions);
    dedupe(&mut out);
    merge_short_names(g, &mut out);
    out
}

/// The name an acronym stands for where the article spells it out: "NDMA"
/// after "The National Disaster Management Authority (NDMA) said". The
/// capitalised words before "(NDMA)" must have its letters as initials
/// (lowercase joining words such as "of" and "and" may stand between).
fn expand_acronym(text: &str, acronym: &str) -> Option<String> {
    let letters: Vec<char> = acronym.chars().collect();
    if !(2..=8).contains(&letters.len()) || !letters.iter().all(char::is_ascii_uppercase) {
        return None;
    }
    let at = text.find(&format!("({acronym})"))?;
    let before = text[..at].trim_end();
    let mut words: Vec<&str> = Vec::new();
    let mut caps = 0;
    for w in before.rsplit(' ') {
        if caps == letters.len() {
            break;
        }
        let first = w.chars().next()?;
        if first.is_uppercase() {
            if !first.eq_ignore_ascii_case(&letters[letters.len() - 1 - caps]) {
                return None;
            }
            caps += 1;
        } else if !matches!(w, "of" | "and" | "for" | "on" | "the" | "de" | "in" | "&") || words.is_empty() {
            return None;
        }
        words.push(w);
    }
    (caps == letters.len()).then(|| words.iter().rev().copied().collect::<Vec<_>>().join(" "))
}

/// One person, two names in one article: a name that abbreviates a fuller
/// one ("J.R. Tillman", "Hector Villanueva" for "Hector M. Villanueva") is
/// shown as the fuller one.
fn merge_short_names(g: &Gazetteer, out: &mut [Quote]) {
    let mut names: Vec<(String, Vec<String>)> = Vec::new();
    for q in out.iter() {
        if q.speaker_kind == SpeakerKind::Person && !names.iter().any(|(n, _)| *n == q.speaker) {
            let toks = g.fold(&q.speaker).split(' ').map(str::to_string).collect();
            names.push((q.speaker.clone(), toks));
        }
    }
    if names.len() < 2 {
        return;
    }
    for q in out.iter_mut() {
        if q.speaker_kind != SpeakerKind::Person {
            continue;
        }
        let Some((_, mine)) = names.iter().find(|(n, _)| *n == q.speaker) else {
            continue;
        };
        let fuller = names
            .iter()
            .filter(|(n, t)| *n != q.speaker && abbreviates(mine, t))
            .max_by_key(|(n, t)| (t.len(), n.len()));
        if let Some((n, _)) = fuller {
            q.speaker = n.clone();
        }
    }
}

/// Name tokens `short` abbreviate `full`: the same last name, and each
/// earlier token equal to, or the initial of, a token of `full` in order
/// ("j r tillman" / "jerome ray tillman", "hector villanueva" / "hector m
/// villanueva"). Folded tokens.
fn abbreviates(short: &[String], full: &[String]) -> bool {
    if short.len() > full.len() || short == full || short.len() < 2 {
        return false;
    }
    let (Some(a), Some(b)) = (short.last(), full.last()) else {
        return false;
    };
    if a != b {
        return false;
    }
    let mut j = 0;
    let rest = &full[..full.len() - 1];
    // "jr" (from "J.R.") is two initials when it is no name of `full`
    let mut parts: Vec<String> = Vec::new();
    for t in &short[..short.len() - 1] {
        let n = t.chars().count();
        if (2..=3).contains(&n) && !rest.contains(t) {
            parts.extend(t.chars().map(String::from));
        } else {
            parts.push(t.clone());
        }
    }
    for t in &parts {
        let initial = t.chars().count() == 1;
        match rest[j..]
            .iter()
            .position(|f| f == t || initial && f.starts_with(t.as_str()))
        {
            Some(k) => j += k + 1,
            None => return false,
        }
    }
    // a short form keeps the first name or its initial
    parts[0] == full[0] || parts[0].chars().count() == 1 && full[0].starts_with(parts[0].as_str())
}

/// "a report by US intelligence", "a report from Sputnik": the phrase is a
/// document's author.
fn authors_document(l: &Layout, p: &Phrase) -> bool {
    let i = p.toks.start;
    i >= 2
        && i <= l.toks.len()
        && matches!(l.toks[i - 1].text, "by" | "from")
        && l.toks[i - 2].e.has(lexicon::DOC)
}

fn quote(s: &Speaker, kind: QuoteKind, range: Range<usize>) -> Quote {
    Quote {
        speaker: s.display.clone(),
        role: s.role.clone(),
        speaker_kind: s.kind,
        kind,
        range,
        cue: s.cue.clone(),
    }
}

/// The text of a quotation without the comma before its closing mark.
fn direct_range(l: &Layout, sp: usize) -> Range<usize> {
    let s = &l.spans[sp];
    super::layout::trim_range(l.text, s.start..s.end, &[',', ';', ':'])
}

/// Quotations standing alone in their sentence, right after an attribution
/// in the same or the previous paragraph, are the same speaker's.
fn continuations(
    l: &Layout,
    out: &mut Vec<Quote>,
    attrs: &mut Vec<(usize, usize, Vec<Speaker>)>,
    mentions: &[Mention],
) {
    let mut used: Vec<Range<usize>> = out.iter().map(|q| q.range.clone()).collect();
    used.sort_by_key(|r| r.start);
    for (si, sp) in l.spans.iter().enumerate() {
        if !sp.double || sp.start >= sp.end {
            continue;
        }
        let overlaps = used.iter().any(|r| r.start < sp.end && sp.start < r.end);
        if overlaps {
            continue;
        }
        // the quotation is its whole sentence
        let sent = l.sents.partition_point(|s| s.start <= sp.open);
        let Some(sent) = sent.checked_sub(1) else {
            continue;
        };
        let s = &l.sents[sent];
        let alone = l.toks[s.toks.clone()]
            .iter()
            .all(|t| t.quoted || t.start >= sp.outer_end() || t.end <= sp.open)
            && l.text[sp.outer_end().min(s.end)..s.end]
                .trim()
                .chars()
                .all(|c| !c.is_alphanumeric());
        let lead = l.text[s.start..sp.open].trim();
        // "She was blunt about what changed: “...”"
        let colon_intro = lead.ends_with(':');
        if !alone || lead.chars().any(char::is_alphanumeric) && !colon_intro {
            continue;
        }
        let para = sp.first_para;
        let prev = attrs
            .iter()
            .rev()
            .find(|a| a.0 <= sp.open)
            .filter(|prev| prev.1 + 1 >= para && prev.1 <= para);
        // the person named last as a subject, in this paragraph or the one
        // before ("The chief of staff, Dr. Evelyn Sorensen, has pushed ...
        // She was blunt: “...”")
        let opens_para = l
            .sents
            .get(sent)
            .is_some_and(|s| sent == 0 || l.sents[sent - 1].para != s.para);
        // "Her neighbor, Walt Simmons, disagreed: “...”": the person named in
        // the sentence that introduces the quotation
        let in_lead = colon_intro
            .then(|| {
                mentions[..mentions.partition_point(|m| m.pos < sp.open)]
                    .iter()
                    .rev()
                    .take_while(|m| m.pos >= s.start)
                    .find(|m| !m.weak)
            })
            .flatten();
        let named = in_lead.or_else(|| {
            (colon_intro || opens_para)
                .then(|| {
                    mentions[..mentions.partition_point(|m| m.pos < sp.open)]
                        .iter()
                        .rev()
                        .take_while(|m| m.para + 1 >= para)
                        .find(|m| !m.weak && m.first_in_sentence)
                })
                .flatten()
        });
        let speakers = match (prev, named) {
            (Some(p), Some(m)) if colon_intro && m.end > p.0 => vec![mention_speaker(m)],
            (Some(p), _) => p.2.clone(),
            (None, Some(m)) => vec![mention_speaker(m)],
            (None, None) => continue,
        };
        let range = direct_range(l, si);
        if range.is_empty() {
            continue;
        }
        for s in &speakers {
            out.push(quote(s, QuoteKind::Direct, range.clone()));
        }
        used.push(range.clone());
        let pos = attrs.partition_point(|a| a.0 <= sp.end);
        attrs.insert(pos, (sp.end, sp.last_para.max(para), speakers));
    }
}

/// A person named in the article, as a speaker.
fn mention_speaker(m: &Mention) -> Speaker {
    Speaker {
        key: m.display.to_lowercase(),
        display: m.display.clone(),
        kind: SpeakerKind::Person,
        role: m.role.clone(),
        cue: m.pos..m.end,
        gender: m.gender,
    }
}

/// Drops a quotation inside another of the same speaker, and duplicates.
fn dedupe(out: &mut Vec<Quote>) {
    out.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.end.cmp(&a.range.end))
            .then(a.speaker.cmp(&b.speaker))
    });
    let mut keep: Vec<Quote> = Vec::with_capacity(out.len());
    for q in out.drain(..) {
        let inside = keep
            .iter()
            .any(|k| k.speaker == q.speaker && k.range.start <= q.range.start && q.range.end <= k.range.end);
        if !inside {
            keep.push(q);
        }
    }
    *out = keep;
}

impl Ctx<'_, '_> {
    fn resolve(&mut self, p: &Phrase, pos: usize, role: Option<&str>) -> Vec<Speaker> {
        let l = self.l;
        match &p.np {
            Np::Name {
                name,
                role: r,
                org,
                person,
            } => {
                let text = lexicon::strip_possessive(&l.text[name.clone()]);
                let evidence = *person || role.is_some();
                let role = role.map(str::to_string).or_else(|| r.clone());
                if *org {
                    return vec![self.org(text, role, p.range.clone())];
                }
                self.person(text, role, p, pos, evidence).into_iter().collect()
            }
            Np::Unnamed { text } => match self.by_role_words(text, pos) {
                // "..., the education minister said" ... "Education Minister
                // Claire Dutertre": a definite description that is the role
                // the article gives a named person
                Some(m) => vec![Speaker {
                    key: m.display.to_lowercase(),
                    display: m.display.clone(),
                    kind: SpeakerKind::Person,
                    role: m.role.clone(),
                    cue: p.range.clone(),
                    gender: m.gender,
                }],
                None => vec![unnamed(text, p.range.clone())],
            },
            Np::Desc {
                nat,
                classes,
                text,
                definite,
            } => {
                let head = text.rsplit(' ').next().unwrap_or(text);
                let found = self.by_role(*nat, *classes, head, pos);
                match found {
                    Some(m) => vec![Speaker {
                        key: m.display.to_lowercase(),
                        display: m.display.clone(),
                        kind: SpeakerKind::Person,
                        role: Some(role.unwrap_or(text).to_string()),
                        cue: p.range.clone(),
                        gender: m.gender,
                    }],
                    None => match self.last_speaker_near(*definite, text, pos) {
                        // "Spokeswoman Hua Lihong told a briefing ... “...,” the
                        // diplomat said": a bare definite job is the person who
                        // just spoke
                        Some(s) => vec![Speaker {
                            cue: p.range.clone(),
                            ..s
                        }],
                        None => vec![unnamed(&l.text[p.range.clone()], p.range.clone())],
                    },
                }
            }
            Np::OrgDesc {
                display,
                head,
                qualified,
            } => {
                if *qualified {
                    return vec![self.org(display, role.map(str::to_string), p.range.clone())];
                }
                let head = head.trim_end_matches('s');
                if let Some(o) = self.orgs.iter().rev().find(|o| o.key.contains(head)) {
                    return vec![Speaker {
                        cue: p.range.clone(),
                        ..o.clone()
                    }];
                }
                // "the credit union said": the organisation named with that
                // word; "the company said": the latest organisation named
                let generic = matches!(
                    head,
                    "company"
                        | "firm"
                        | "group"
                        | "business"
                        | "utility"
                        | "charity"
                        | "organisation"
                        | "organization"
                        | "department"
                        | "agency"
                        | "regulator"
                        | "watchdog"
                );
                let named = self
                    .org_names
                    .iter()
                    .rev()
                    .filter(|(at, _)| *at < pos)
                    .find(|(_, n)| n.to_lowercase().contains(head))
                    .or_else(|| {
                        generic
                            .then(|| self.org_names.iter().rev().find(|(at, _)| *at < pos))
                            .flatten()
                    });
                let named = named.map(|(_, n)| n.as_str()).or_else(|| {
                    // a name with no person evidence: "Swiss watchmaker Maison
                    // Vautrin ... the company said"
                    generic
                        .then(|| {
                            self.mentions
                                .iter()
                                .rev()
                                .find(|m| m.pos < pos && m.weak && m.role.is_none())
                        })
                        .flatten()
                        .map(|m| m.display.as_str())
                });
                match named {
                    Some(n) => vec![self.org(n, role.map(str::to_string), p.range.clone())],
                    // "the library board": the organisation as the article calls it
                    None => vec![self.org(display, role.map(str::to_string), p.range.clone())],
                }
            }
            Np::Doc { owner, definite } => match owner {
                Some(o) => self.resolve(o, pos, None),
                None if *definite => self
                    .last_doc
                    .clone()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|s| Speaker {
                        cue: p.range.clone(),
                        ..s
                    })
                    .collect(),
                None => Vec::new(),
            },
            Np::Pronoun { female } => {
                let want = if *female { Gender::Female } else { Gender::Male };
                let fits = |g: Option<Gender>| g.is_none_or(|g| g == want);
                let spoke = self.persons.iter().rev().find(|s| fits(s.gender));
                // a person named as the subject of a sentence after the
                // latest speaker's cue ("Paramedic Joanne Kasprzak recalled
                // ... “...,” she said")
                let since = spoke.map_or(0, |s| s.cue.end);
                let before = &self.mentions[..self.mentions.partition_point(|m| m.pos < pos)];
                let named = before
                    .iter()
                    .rev()
                    .take_while(|m| m.pos >= since)
                    .find(|m| !m.weak && m.first_in_sentence && fits(m.gender));
                if let (Some(s), None) = (spoke, named) {
                    return vec![Speaker {
                        cue: p.range.clone(),
                        ..s.clone()
                    }];
                }
                let named = named.or_else(|| before.iter().rev().find(|m| !m.weak && fits(m.gender)));
                match named {
                    Some(m) => vec![Speaker {
                        key: m.display.to_lowercase(),
                        display: m.display.clone(),
                        kind: SpeakerKind::Person,
                        role: m.role.clone(),
                        cue: p.range.clone(),
                        gender: m.gender,
                    }],
                    None => Vec::new(),
                }
            }
            Np::It => match self.orgs.last() {
                Some(o) => vec![Speaker {
                    cue: p.range.clone(),
                    ..o.clone()
                }],
                None => match self.org_names.iter().rev().find(|(at, _)| *at < pos) {
                    Some((_, n)) => vec![self.org(n, None, p.range.clone())],
                    None => Vec::new(),
                },
            },
            Np::Multi(parts) => {
                let mut v = Vec::new();
                for part in parts {
                    v.extend(self.resolve(part, pos, None));
                }
                v
            }
            Np::Relative | Np::None => Vec::new(),
        }
    }

    /// The organisation named before `pos` with this word among its own
    /// ("Brenhold" for "Brenhold Foods Inc."), or a name without person
    /// evidence that has it ("Hallberg" for "Hallberg Antriebstechnik").
    fn org_named(&self, key: &str, pos: usize) -> Option<String> {
        let g = self.g;
        let before = &self.org_names[..self.org_names.partition_point(|(at, _)| *at < pos)];
        if let Some((_, n)) = before
            .iter()
            .rev()
            .find(|(_, n)| g.fold(n).split(' ').next() == Some(key))
        {
            return Some(n.clone());
        }
        let before = &self.mentions[..self.mentions.partition_point(|m| m.pos < pos)];
        before
            .iter()
            .rev()
            .find(|m| m.weak && m.tokens.len() > 1 && m.tokens[0] == key)
            .map(|m| m.display.clone())
    }

    fn org(&self, text: &str, role: Option<String>, cue: Range<usize>) -> Speaker {
        let expanded = expand_acronym(self.l.text, text);
        let display = self.g.canonical(expanded.as_deref().unwrap_or(text));
        Speaker {
            key: display.to_lowercase(),
            display,
            kind: SpeakerKind::Organisation,
            role,
            cue,
            gender: None,
        }
    }

    /// A person's name: a lone name is looked up among the article's full
    /// names (any of their words: "Wang" ↔ "Wang Yi", "Xi" ↔ "Xi Jinping"),
    /// then in the gazetteer.
    fn person(
        &self,
        text: &str,
        role: Option<String>,
        p: &Phrase,
        pos: usize,
        evidence: bool,
    ) -> Option<Speaker> {
        let g = self.g;
        let key = g.fold(text);
        let parts: Vec<&str> = key.split(' ').collect();
        let mut gender = None;
        let mut mention_role = None;
        // a short form of a fuller name in the article: "Wang" ↔ "Wang Yi",
        // "Adu-Boateng" ↔ "Kwame Adu-Boateng", "Moreno-Grant" ↔ "Alicia
        // Moreno-Grant"; a name without person evidence of its own only by
        // its last words (a surname)
        let owned: Vec<String> = parts.iter().map(|t| t.to_string()).collect();
        let short = |m: &&Mention| {
            (parts.len() >= 2 && !m.weak && abbreviates(&owned, &m.tokens))
                || m.tokens.len() > parts.len()
                    && if m.weak {
                        m.tokens
                            .ends_with(&parts.iter().map(|t| t.to_string()).collect::<Vec<_>>())
                    } else if parts.len() == 1 {
                        m.tokens.contains(&key)
                    } else {
                        m.tokens
                            .windows(parts.len())
                            .any(|w| w.iter().zip(&parts).all(|(a, b)| a == b))
                    }
        };
        let candidates = parts.len() <= 3;
        let m = candidates
            .then(|| {
                self.mentions
                    .iter()
                    .rev()
                    .find(|m| m.pos < pos && short(m))
                    .or_else(|| self.mentions.iter().find(|m| m.pos >= pos && short(m)))
            })
            .flatten();
        let single = parts.len() == 1 || (parts.len() == 2 && !text.contains(char::is_whitespace));
        // "The Courier said": a name with no person evidence, after "the"
        let determiner = p.toks.start < l_len(self.l) && self.l.toks[p.toks.start].e.has(lexicon::DET);
        if let Some(m) = m
            && m.weak
            && determiner
        {
            return Some(self.org(&m.display, role, p.range.clone()));
        }
        let display = match m {
            Some(m) => {
                gender = m.gender;
                mention_role = m.role.clone();
                m.display.clone()
            }
            None if single => match g.known(text) {
                Some(Known::Person(i)) => g.persons[i as usize].name.clone(),
                Some(Known::Org(_)) => return Some(self.org(text, role, p.range.clone())),
                None => match g.person_by_token(text) {
                    Some(i) => g.persons[i as usize].name.clone(),
                    // an unknown lone capitalised word opening a sentence
                    // is more likely not a name ("Officials said")
                    None if !evidence && let Some(o) = self.org_named(&key, pos) => {
                        return Some(self.org(&o, role, p.range.clone()));
                    }
                    None if p.initial && !evidence => return None,
                    None if evidence => g.canonical(text),
                    // no person evidence: a company, a party, a place
                    None => return Some(self.org(text, role, p.range.clone())),
                },
            },
            None => {
                let exact = self
                    .mentions
                    .iter()
                    .find(|m| !m.weak && m.tokens.iter().map(String::as_str).eq(key.split(' ')));
                match g.known(text) {
                    Some(Known::Person(i)) => g.persons[i as usize].name.clone(),
                    _ if evidence || exact.is_some() => g.canonical(text),
                    _ => return Some(self.org(text, role, p.range.clone())),
                }
            }
        };
        let key = g.fold(&display);
        if gender.is_none()
            && let Some(Known::Person(i)) = g.known(&display)
        {
            gender = g.persons[i as usize].gender;
        }
        if gender.is_none() {
            gender = given_gender(g, &display);
        }
        let role = role.or(mention_role).or_else(|| {
            self.mentions
                .iter()
                .find(|m| m.role.is_some() && m.tokens.iter().map(String::as_str).eq(key.split(' ')))
                .and_then(|m| m.role.clone())
        });
        Some(Speaker {
            key: display.to_lowercase(),
            display,
            kind: SpeakerKind::Person,
            role,
            cue: p.range.clone(),
            gender,
        })
    }

    /// The person named in the article with this kind of job: the latest
    /// before `pos`, else the first after.
    /// The person who spoke last, in this paragraph or the one before, when
    /// `text` is a bare definite job ("the diplomat", "the official").
    fn last_speaker_near(&self, definite: bool, text: &str, pos: usize) -> Option<Speaker> {
        let words = text
            .split_whitespace()
            .filter(|w| !w.eq_ignore_ascii_case("the"))
            .count();
        if !definite || words != 1 {
            return None;
        }
        let s = self.persons.last().filter(|s| s.kind == SpeakerKind::Person)?;
        let para = |at: usize| {
            let i = self.l.sents.partition_point(|x| x.start <= at);
            self.l.sents.get(i.saturating_sub(1)).map_or(0, |x| x.para)
        };
        (para(s.cue.start) + 1 >= para(pos)).then(|| s.clone())
    }

    /// The person whose role, as the article gives it, has every word of a
    /// definite description ("the education minister" → "Education Minister
    /// Claire Dutertre"): the latest before `pos`, else the first after.
    fn by_role_words(&self, text: &str, pos: usize) -> Option<&Mention> {
        let lower = text.to_lowercase();
        let rest = lower.strip_prefix("the ")?;
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 {
            return None;
        }
        let fits = |m: &&Mention| {
            m.role.as_deref().is_some_and(|r| {
                let r = r.to_lowercase();
                let role_words: Vec<&str> = r.split_whitespace().collect();
                words.iter().all(|w| role_words.contains(w))
            })
        };
        let mut matching = self.mentions.iter().filter(fits);
        let first = matching.next()?;
        // one person only: two people with that role leave it unnamed
        if self
            .mentions
            .iter()
            .filter(fits)
            .any(|m| m.display != first.display)
        {
            return None;
        }
        self.mentions
            .iter()
            .rev()
            .find(|m| m.pos < pos && fits(m))
            .or(Some(first))
    }

    fn by_role(&self, nat: Option<u8>, classes: RoleClass, head: &str, pos: usize) -> Option<&Mention> {
        // a job with no class of its own ("negotiator", "official") must be
        // the word of the person's role
        let generic = !classes.contains(RoleClass::OFFICIAL) || classes == RoleClass::OFFICIAL;
        let fits = |m: &&Mention| {
            let job = if generic {
                m.role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().split(' ').any(|w| w == head))
            } else {
                m.classes.contains(classes)
            };
            job && (nat.is_none() || m.nat.is_none() || m.nat == nat)
        };
        self.mentions
            .iter()
            .rev()
            .find(|m| m.pos < pos && fits(m))
            .or_else(|| self.mentions.iter().find(|m| m.pos >= pos && fits(m)))
    }
}

/// The people named in the article, with the roles given to them there and
/// in the gazetteer.
fn mentions(l: &Layout, g: &Gazetteer) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let n = l.toks.len();
    let mut i = 0;
    while i < n {
        let t = &l.toks[i];
        if t.quoted || !namey(t) {
            i += 1;
            continue;
        }
        // a run of name words
        let mut e = i + 1;
        while e < n
            && e - i < 4
            && namey(&l.toks[e])
            && !l.toks[e].quoted
            && l.toks[e].sent == t.sent
            && {
                let gap = l.gap(l.toks[e - 1].end, l.toks[e].start).trim();
                gap.is_empty() || gap == "-" || gap == "." && super::phrase::initial(l, e - 1)
            }
            && !lexicon::is_possessive(l.toks[e - 1].text)
        {
            e += 1;
        }
        let run = i..e;
        i = e;
        let np = scan_back(l, run.end);
        // "Gordon Fairclough and Nadia Haddad": each name on its own
        let start = if (np.start..run.start).any(|x| l.toks[x].text == "and") {
            run.start
        } else {
            np.start.min(run.start)
        };
        let p = analyse(l, g, start..run.end);
        let Np::Name {
            name,
            role,
            org: false,
            person,
        } = &p.np
        else {
            continue;
        };
        let text = lexicon::strip_possessive(&l.text[name.clone()]);
        let known = g.known(text);
        let headline = l.sents[t.sent].headline_case;
        let (display, gz) = match known {
            Some(Known::Person(k)) => (g.persons[k as usize].name.clone(), Some(k)),
            Some(Known::Org(_)) => continue,
            // a lone name is the gazetteer's person only when the article
            // has named no one else by it ("Zhao Meiling ... Zhao said")
            None if run.len() == 1 => {
                let key = g.fold(text);
                if out.iter().any(|m| m.tokens.contains(&key)) {
                    continue;
                }
                match g.person_by_token(text) {
                    Some(k) => (g.persons[k as usize].name.clone(), Some(k)),
                    None => continue,
                }
            }
            None if headline && role.is_none() => continue,
            None => (g.canonical(text), None),
        };
        let mut role = role.clone();
        if role.is_none() {
            role = apposition_role(l, run.end);
        }
        // a role counts as evidence only when it is a job ("charity" is not)
        let job = role
            .as_deref()
            .is_some_and(|r| !lexicon::role_classes(r).is_empty());
        let weak = !(*person || job || gz.is_some() || age_after(l, run.end));
        let first_in_sentence = !out.iter().rev().find(|m| !m.weak).is_some_and(|m: &Mention| {
            let prev = l.toks.partition_point(|t| t.start < m.pos);
            l.toks.get(prev).is_some_and(|pt| pt.sent == t.sent)
        });
        let mut classes = role.as_deref().map(lexicon::role_classes).unwrap_or_default();
        let mut nat = role
            .as_deref()
            .and_then(|r| crate::analysis::text::words(r).find_map(|w| g.place(w.text)));
        let mut gender = None;
        if let Some(k) = gz {
            let gp = &g.persons[k as usize];
            classes |= gp.classes;
            nat = nat.or(gp.country);
            gender = gp.gender;
        }
        if gender.is_none() {
            gender = given_gender(g, &display);
        }
        let tokens = g.fold(&display).split(' ').map(str::to_string).collect();
        out.push(Mention {
            pos: l.toks[run.start].start,
            display,
            tokens,
            role,
            nat,
            classes,
            gender,
            weak,
            first_in_sentence,
            para: l.sents[t.sent].para,
            end: l.toks[run.end - 1].end,
        });
    }
    out
}

/// The organisations named in the article (outside quotations), in order:
/// names headed by an organisation word ("Brenhold Foods Inc.", "St.
/// Brigid's Hospital") and known ones.
fn org_names(l: &Layout, g: &Gazetteer) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut last_end = 0;
    for (i, t) in l.toks.iter().enumerate() {
        if t.quoted || !t.cap || t.start < last_end || !t.e.has(lexicon::ORG) {
            continue;
        }
        let np = scan_back(l, i + 1);
        if np.is_empty() {
            continue;
        }
        let p = analyse(l, g, np);
        let display = match &p.np {
            Np::Name { name, org: true, .. } => g.canonical(lexicon::strip_possessive(&l.text[name.clone()])),
            Np::OrgDesc {
                display,
                qualified: true,
                ..
            } => display.clone(),
            _ => continue,
        };
        last_end = p.range.end;
        out.push((p.range.start, display));
    }
    out
}

/// The paragraph of sentence `si` ends like running text (a full stop, a
/// closing quote...), not like a headline or a blurb.
fn terminated(l: &Layout, si: usize) -> bool {
    let para = l.sents[si].para;
    let mut last = si;
    while last + 1 < l.sents.len() && l.sents[last + 1].para == para {
        last += 1;
    }
    let s = &l.sents[last];
    l.text[s.start..s.end]
        .trim_end()
        .ends_with(['.', '!', '?', '”', '"', '’', '\'', '»', '“', ':', ')', '…'])
}

fn l_len(l: &Layout) -> usize {
    l.toks.len()
}

/// The gender the given-name list gives the first word of a name.
fn given_gender(g: &Gazetteer, display: &str) -> Option<Gender> {
    let first = display.split(' ').next()?;
    g.given_names.given(first).and_then(|i| i.gender)
}

/// "Jane Doe, 50, said": an age right after the name.
fn age_after(l: &Layout, after: usize) -> bool {
    let (Some(t), Some(prev)) = (l.toks.get(after), after.checked_sub(1).map(|p| &l.toks[p])) else {
        return false;
    };
    t.sent == prev.sent
        && l.gap(prev.end, t.start).trim() == ","
        && t.text.len() <= 3
        && t.text.chars().all(|c| c.is_ascii_digit())
        && l.toks
            .get(after + 1)
            .is_none_or(|n| l.gap(t.end, n.start).trim_start().starts_with([',', ')']))
}

/// An unnamed source under its descriptor as written.
fn unnamed(text: &str, cue: Range<usize>) -> Speaker {
    let display = text.trim().to_string();
    Speaker {
        key: display.to_lowercase(),
        display,
        kind: SpeakerKind::Unnamed,
        role: None,
        cue,
        gender: None,
    }
}

/// A descriptor whose head is plural ("some voters", "officials").
fn plural(descriptor: &str) -> bool {
    let head = descriptor
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take_while(|w| {
            !matches!(
                *w,
                "for" | "of" | "to" | "with" | "at" | "in" | "from" | "familiar" | "close"
            )
        })
        .last()
        .unwrap_or("");
    head.ends_with('s') && !head.ends_with("ss")
        || matches!(head, "people" | "police" | "staff" | "women" | "men")
}

/// "Andrey Denisov, the Russian ambassador in China, said": the role after
/// the name.
fn apposition_role(l: &Layout, after: usize) -> Option<String> {
    let t = l.toks.get(after)?;
    let prev = &l.toks[after - 1];
    if t.sent != prev.sent || !l.gap(prev.end, t.start).trim().starts_with(',') {
        return None;
    }
    if !t.e.has(lexicon::DET) || t.cap {
        return None;
    }
    let s = &l.sents[t.sent];
    let mut j = after + 1;
    while j < s.toks.end && j - after < 8 {
        if l.gap_before(j).contains(',') {
            break;
        }
        j += 1;
    }
    let r = after + 1..j;
    if r.is_empty() || !r.clone().any(|x| l.toks[x].e.has(lexicon::ROLE)) {
        return None;
    }
    Some(l.text[l.toks[r.start].start..l.toks[r.end - 1].end].to_string())
}
