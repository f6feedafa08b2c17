//! Speaker phrases: finding the words that name a speaker next to a
//! reporting verb, and reading them as a name with its role, a description
//! ("the Chinese foreign minister"), an organisation, a document, a pronoun.

use std::ops::Range;

use super::gazetteer::{Gazetteer, Known};
use super::layout::{Layout, Tok, namey};
use super::lexicon::{self, RoleClass};

/// What a speaker phrase says about its speaker.
#[derive(Debug, Clone, PartialEq)]
pub enum Np {
    /// no single speaker (a group, a common noun, nothing)
    None,
    /// he, she (`female`: Some(true) for she)
    Pronoun { female: bool },
    /// it
    It,
    /// who, which, that: resolved by the cue rules to an antecedent
    Relative,
    /// a proper name, with the role words before it; `person`: the phrase
    /// itself shows a person (a given name, an initial, a title or role,
    /// an honorific, a known person)
    Name {
        name: Range<usize>,
        role: Option<String>,
        org: bool,
        person: bool,
    },
    /// an unnamed source: "a hospital spokesperson", "some voters",
    /// "sources familiar with the talks" (the words as written)
    Unnamed { text: String },
    /// a person described by role: "the Chinese foreign minister"
    Desc {
        nat: Option<u8>,
        classes: RoleClass,
        text: String,
        definite: bool,
    },
    /// an organisation described in lowercase: "Russia’s foreign ministry"
    OrgDesc {
        display: String,
        head: String,
        qualified: bool,
    },
    /// a document: "the Xinhua report", "a joint statement"
    Doc {
        owner: Option<Box<Phrase>>,
        definite: bool,
    },
    /// several speakers joined by "and": "Xi and Putin"
    Multi(Vec<Phrase>),
}

/// A speaker phrase and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub np: Np,
    /// bytes of the phrase in the text (the cue)
    pub range: Range<usize>,
    /// its tokens
    pub toks: Range<usize>,
    /// the phrase opens its sentence
    pub initial: bool,
}

impl Phrase {
    pub fn is_none(&self) -> bool {
        matches!(self.np, Np::None)
    }
}

const MAX_NP: usize = 12;

/// Whether the gap between two words of one phrase keeps them together:
/// spaces, a hyphen, or the dot of an initial ("U.S. Ambassador").
fn joins(l: &Layout, left: usize) -> bool {
    let t = &l.toks[left];
    let Some(n) = l.toks.get(left + 1) else {
        return false;
    };
    if n.sent != t.sent {
        return false;
    }
    let g = l.gap(t.end, n.start);
    let core = g.trim();
    match core {
        "" => true,
        "-" | "‑" => true,
        "." => t.cap && (t.text.chars().count() == 1 || t.e.has(lexicon::TITLE_ABBR)),
        _ => false,
    }
}

fn np_word(t: &Tok) -> bool {
    !t.quoted
        && (t.cap
            || t.place.is_some()
            || t.e
                .has(lexicon::ROLE | lexicon::ORG | lexicon::DOC | lexicon::DET))
        && (!t.e.has(lexicon::GROUP) || t.cap)
}

/// The phrase ending right before token `end` (exclusive), within its
/// sentence; empty when the word before is not part of a name.
pub fn scan_back(l: &Layout, end: usize) -> Range<usize> {
    if end == 0 {
        return 0..0;
    }
    let last = end - 1;
    if l.toks.get(end).is_some_and(|n| n.sent != l.toks[last].sent) {
        return end..end;
    }
    let sent = &l.sents[l.toks[last].sent];
    let t = &l.toks[last];
    if t.quoted {
        return end..end;
    }
    if t.e
        .has(lexicon::PRON_P | lexicon::PRON_IT | lexicon::PRON_X | lexicon::REL)
        && !t.cap
        || (t.cap && t.e.has(lexicon::PRON_P | lexicon::PRON_IT | lexicon::PRON_X))
    {
        return last..end;
    }
    let mut start = end;
    let mut k = end;
    while k > sent.toks.start && end - k < MAX_NP {
        let i = k - 1;
        let t = &l.toks[i];
        if i < last && !joins(l, i) {
            break;
        }
        if t.e.has(lexicon::DET) && !t.cap || t.text == "The" || t.text == "A" || t.text == "An" {
            // "the Federation of the Swiss Watch Industry"
            let inner = !t.cap
                && i >= sent.toks.start + 2
                && matches!(l.toks[i - 1].text, "of" | "for")
                && l.toks[i - 2].cap
                && l.toks[i - 2].e.has(lexicon::ORG)
                && l.toks[i + 1].cap;
            if inner {
                start = i;
                k = i;
                continue;
            }
            start = i;
            break;
        }
        if t.e.has(lexicon::CONN) && !t.cap {
            // "Secretary of State", "Putin and Xi": only between name words
            // "Secretary of State", "Ambassador to NATO": a title on the left;
            // "Putin and Xi": names on both sides
            let left = &l.toks[i.saturating_sub(1)];
            let before_ok = i > sent.toks.start
                && joins(l, i - 1)
                && if t.text == "and" {
                    left.cap
                } else {
                    left.e.has(lexicon::ROLE | lexicon::ORG)
                        || t.text == "of" && left.cap && !left.e.has(lexicon::STOP)
                };
            let after = &l.toks[i + 1];
            let after_ok = after.cap || after.e.has(lexicon::ROLE) && t.text != "and";
            if before_ok && after_ok && start <= i + 1 {
                k = i;
                continue;
            }
            break;
        }
        if t.cap && t.e.has(lexicon::STOP) && !t.e.has(lexicon::ROLE | lexicon::ORG | lexicon::HONORIFIC) {
            break;
        }
        if !np_word(t) || t.e.has(lexicon::VERB) && !t.cap && !t.e.has(lexicon::DOC) {
            break;
        }
        start = i;
        k = i;
    }
    // a phrase never starts with a joining word
    while start < end && l.toks[start].e.has(lexicon::CONN) && !l.toks[start].cap {
        start += 1;
    }
    start..end
}

/// The phrase starting at token `start`, within its sentence.
pub fn scan_fwd(l: &Layout, start: usize) -> Range<usize> {
    let Some(t0) = l.toks.get(start) else {
        return start..start;
    };
    let sent = &l.sents[t0.sent];
    if t0.e.has(lexicon::PRON_P | lexicon::PRON_IT) {
        return start..start + 1;
    }
    let mut end = start;
    let mut i = start;
    while i < sent.toks.end && i - start < MAX_NP {
        let t = &l.toks[i];
        if i > start && !joins(l, i - 1) {
            break;
        }
        if t.e.has(lexicon::DET) && !t.cap && i > start {
            break;
        }
        if t.e.has(lexicon::CONN) && !t.cap {
            let after_ok = i + 1 < sent.toks.end
                && joins(l, i)
                && (l.toks[i + 1].cap || l.toks[i + 1].e.has(lexicon::ROLE))
                && !l.toks[i + 1].e.has(lexicon::DET);
            let left = &l.toks[i.saturating_sub(1)];
            let before_ok = i > start
                && if t.text == "and" {
                    left.cap
                } else {
                    left.e.has(lexicon::ROLE | lexicon::ORG)
                };
            if after_ok && before_ok {
                i += 1;
                continue;
            }
            break;
        }
        if !np_word(t) || t.e.has(lexicon::VERB) && !t.cap && !t.e.has(lexicon::DOC) {
            break;
        }
        if t.cap
            && t.e.has(lexicon::STOP)
            && !t
                .e
                .has(lexicon::ROLE | lexicon::ORG | lexicon::DET | lexicon::HONORIFIC | lexicon::HUMAN)
        {
            break;
        }
        i += 1;
        end = i;
        if lexicon::is_possessive(t.text) && !t.e.has(lexicon::ORG | lexicon::ROLE) && t.place.is_none() {
            // "Wang’s remarks": the name ends at its possessive
            break;
        }
    }
    start..end
}

/// Reads the tokens `toks` as a speaker phrase.
pub fn analyse(l: &Layout, g: &Gazetteer, toks: Range<usize>) -> Phrase {
    let range = if toks.start < toks.end {
        l.toks[toks.start].start..l.toks[toks.end - 1].end
    } else {
        let at = l.toks.get(toks.start).map_or(l.text.len(), |t| t.start);
        at..at
    };
    let initial = toks.start < l.toks.len() && l.sents[l.toks[toks.start].sent].toks.start == toks.start;
    let np = read(l, g, toks.clone());
    Phrase {
        np,
        range,
        toks,
        initial,
    }
}

fn text_of(l: &Layout, toks: Range<usize>) -> String {
    if toks.start >= toks.end {
        return String::new();
    }
    l.text[l.toks[toks.start].start..l.toks[toks.end - 1].end].to_string()
}

fn read(l: &Layout, g: &Gazetteer, toks: Range<usize>) -> Np {
    let mut a = toks.start;
    let b = toks.end;
    let mut definite = false;
    while a < b {
        let t = &l.toks[a];
        if t.e.has(lexicon::DET) {
            definite |= t.text.eq_ignore_ascii_case("the");
            a += 1;
        } else if t.cap
            && t.e.has(lexicon::STOP)
            && !t
                .e
                .has(lexicon::ROLE | lexicon::ORG | lexicon::PRON_P | lexicon::PRON_IT | lexicon::PRON_X)
        {
            a += 1;
        } else {
            break;
        }
    }
    if a >= b {
        return Np::None;
    }
    if b - a == 1 {
        let t = &l.toks[a];
        if t.e.has(lexicon::PRON_P) {
            return Np::Pronoun {
                female: t.text.eq_ignore_ascii_case("she"),
            };
        }
        if t.e.has(lexicon::PRON_IT) {
            return Np::It;
        }
        if t.e.has(lexicon::REL) && !t.cap {
            return Np::Relative;
        }
        if t.e.has(lexicon::PRON_X) {
            return Np::None;
        }
    }
    // "Xi and Putin"
    if let Some(and) = (a..b).find(|&i| l.toks[i].text == "and") {
        let left = read_part(l, g, a..and);
        let right = read_part(l, g, and + 1..b);
        // "the National Development and Reform Commission", "the Securities
        // and Exchange Commission": capitalised words joined to an
        // organisation's name are part of it
        let right_org = b > and + 1
            && (and + 1..b).all(|i| l.toks[i].cap)
            && l.toks[b - 1].e.has(lexicon::ORG)
            && !matches!(right.as_ref().map(|p| &p.np), Some(Np::Name { person: true, .. }));
        let left_bare = and > a
            && (a..and).all(|i| {
                let t = &l.toks[i];
                t.cap && t.place.is_none() && !t.e.has(lexicon::ORG | lexicon::HONORIFIC)
            })
            && !matches!(left.as_ref().map(|p| &p.np), Some(Np::Name { person: true, .. }));
        if right_org && left_bare {
            return Np::Name {
                name: l.toks[a].start..l.toks[b - 1].end,
                role: None,
                org: true,
                person: false,
            };
        }
        // "union leaders and shipping agents": one unnamed source
        if let (Some(Np::Unnamed { .. }), Some(Np::Unnamed { .. })) =
            (left.as_ref().map(|p| &p.np), right.as_ref().map(|p| &p.np))
        {
            return Np::Unnamed {
                text: text_of(l, toks.start..b),
            };
        }
        return match (left, right) {
            (Some(x), Some(y)) => Np::Multi(vec![x, y]),
            _ => Np::None,
        };
    }
    let last = &l.toks[b - 1];
    let plural_people = last.e.has(lexicon::HUMAN) && last.text.ends_with('s') && !last.text.ends_with("ss");
    if (last.e.has(lexicon::GROUP) || plural_people) && (!last.cap || b - a == 1) {
        if last.e.has(lexicon::HUMAN) {
            return Np::Unnamed {
                text: text_of(l, toks.start..b),
            };
        }
        return Np::None;
    }
    // "The National Weather Service in Wichita", "the ambassador in China":
    // the speaker is the part before the place
    if let Some(c) = (a + 1..b - 1).find(|&c| {
        let t = &l.toks[c];
        !t.cap && matches!(t.text, "in" | "at" | "on")
    }) {
        let head = read(l, g, toks.start..c);
        if !matches!(head, Np::None) {
            return head;
        }
    }
    // "Analyst Jörg Plessing of Dresdner Bank": a person of an organisation
    if let Some(c) = (a + 1..b - 1).find(|&c| {
        let t = &l.toks[c];
        !t.cap && matches!(t.text, "of" | "for" | "from" | "with") && l.toks[c - 1].cap
    }) {
        let head = read(l, g, toks.start..c);
        if matches!(head, Np::Name { person: true, .. }) {
            return head;
        }
    }
    // "a spokeswoman for Health Minister Jane Doe", "a spokesman for the
    // union": the spokesperson speaks, unnamed
    if let Some(c) = (a..b - 1).find(|&c| {
        let t = &l.toks[c];
        t.e.has(lexicon::HUMAN) && !t.cap && matches!(l.toks[c + 1].text, "for" | "of" | "to" | "with")
    }) {
        let _ = c;
        return Np::Unnamed {
            text: text_of(l, toks.start..b),
        };
    }
    // "Office for National Statistics", "Nova Scotia's Department of
    // Municipal Affairs": an organisation's head joined to capitalised words
    if last.cap
        && let Some(o) = (a..b - 1).find(|&o| {
            let t = &l.toks[o];
            t.cap && t.e.has(lexicon::ORG) && l.toks[o + 1].e.has(lexicon::CONN) && !l.toks[o + 1].cap
        })
    {
        let start = (a..=o).rev().take_while(|&i| l.toks[i].cap).last().unwrap_or(o);
        return Np::Name {
            name: l.toks[start].start..last.end,
            role: None,
            org: true,
            person: false,
        };
    }
    if last.e.has(lexicon::DOC) && !(last.cap && last.e.has(lexicon::ORG)) {
        // owner: capitalised or organisation words right before the noun
        let mut o = b - 1;
        while o > a {
            let t = &l.toks[o - 1];
            let ok = t.cap || t.place.is_some() || t.e.has(lexicon::ORG_DESC | lexicon::ROLE);
            if !ok || (t.cap && t.e.has(lexicon::STOP)) {
                break;
            }
            o -= 1;
        }
        let owner = if o < b - 1 {
            let p = analyse(l, g, o..b - 1);
            match &p.np {
                Np::Name { org: true, .. } | Np::OrgDesc { .. } => Some(Box::new(p)),
                Np::Name { org: false, .. } if lexicon::is_possessive(l.toks[b - 2].text) => {
                    Some(Box::new(p))
                }
                _ => None,
            }
        } else {
            None
        };
        return Np::Doc { owner, definite };
    }
    if last.e.has(lexicon::ORG) {
        return org_phrase(l, g, a..b);
    }
    if last.e.has(lexicon::ROLE) && !namey(last) {
        let text = description(l, g, a..b);
        let nat = (a..b).find_map(|i| l.toks[i].place);
        let classes = lexicon::role_classes(&text);
        if classes.is_empty() {
            return Np::None;
        }
        return Np::Desc {
            nat,
            classes,
            text,
            definite,
        };
    }
    if !last.cap {
        return Np::None;
    }
    // a proper name: the capitalised words at the end, after the role words
    let mut s = b;
    while s > a && b - s < 4 && namey(&l.toks[s - 1]) {
        if s < b && !joins(l, s - 1) {
            break;
        }
        // an acronym before a name is an organisation in the role:
        // "Ambassador to NATO Julianne Smith"; but right after a media word
        // it starts the outlet's name: "news agency RIA Novosti"
        let w = l.toks[s - 1].text;
        let after_media = s >= a + 2 && is_media_word(l.toks[s - 2].text);
        if s < b && w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) && !after_media {
            break;
        }
        s -= 1;
    }
    if s == b {
        // no name words: a place speaking for its government ("Moscow said")
        let adjective = last
            .place
            .is_some_and(|p| g.places[p as usize].adjective.eq_ignore_ascii_case(last.text));
        if last.place.is_some() && !adjective && (a..b - 1).all(|i| l.toks[i].place.is_some()) {
            let name = l.toks[a].start..last.end;
            return Np::Name {
                name,
                role: None,
                org: true,
                person: false,
            };
        }
        if last.e.has(lexicon::ORG) {
            return org_phrase(l, g, a..b);
        }
        return Np::None;
    }
    // "Resident Corey Lindahl", "Fiddler Angus Chisholm": capitalised words
    // before the given name are the role
    let names = &g.given_names;
    let given_at = |i: usize| {
        let t = &l.toks[i];
        names.given(t.text).is_some() || initial(l, i)
    };
    let family_first = names.get(l.toks[s].text).is_some_and(|i| i.surname_first);
    if !family_first
        && (b - s >= 3 || (b - s == 2 && !given_at(s)))
        && let Some(f) = (s + 1..b - 1).find(|&i| given_at(i))
        && !(s..f).any(given_at)
    {
        s = f;
    }
    let name = l.toks[s].start..last.end;
    let name_text = &l.text[name.clone()];
    let honorific = (toks.start..s).any(|i| l.toks[i].e.has(lexicon::HONORIFIC));
    let role_toks: Vec<usize> = (a..s).filter(|&i| !l.toks[i].e.has(lexicon::HONORIFIC)).collect();
    let titled = role_toks.iter().any(|&i| {
        let t = &l.toks[i];
        t.e.has(lexicon::ROLE | lexicon::ORG) || t.place.is_some()
    });
    let role = if role_toks.is_empty() || !titled {
        None
    } else {
        Some(text_of(l, role_toks[0]..s))
    };
    let known = g.known(name_text);
    let role_says_org = role.as_deref().is_some_and(|r| {
        let r = r.to_lowercase();
        MEDIA_WORDS.iter().any(|w| r.contains(w))
    });
    let acronym = name_text.len() >= 2
        && name_text.len() <= 6
        && name_text.chars().all(|c| c.is_ascii_uppercase())
        && !matches!(known, Some(Known::Person(_)));
    let org = matches!(known, Some(Known::Org(_))) || role_says_org || acronym;
    let first = &l.toks[s];
    let person = !org
        && (matches!(known, Some(Known::Person(_)))
            || honorific
            || given_at(s)
            || (b - s >= 2 && names.get(first.text).is_some_and(|i| i.surname_first))
            || role_toks.last().is_some_and(|&i| person_title(&l.toks[i])));
    Np::Name {
        name,
        role,
        org,
        person,
    }
}

/// Words that describe a news outlet ("news agency", "broadcaster"): a
/// name after them is the outlet's.
const MEDIA_WORDS: &[&str] = &[
    "agency",
    "news",
    "newspaper",
    "broadcaster",
    "outlet",
    "daily",
    "wire",
    "channel",
    "television",
    "tabloid",
    "media",
    "network",
    "magazine",
    "website",
];

/// `w` is one of the [`MEDIA_WORDS`] (any case).
fn is_media_word(w: &str) -> bool {
    MEDIA_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// A title or job word right before a name: "Sen.", "spokesman",
/// "Sheriff"; not a modifier such as "national" or "foreign".
fn person_title(t: &Tok) -> bool {
    let w = lexicon::strip_possessive(t.text);
    (t.e.has(lexicon::TITLE_ABBR | lexicon::HUMAN) || t.cap && t.e.has(lexicon::ROLE))
        && !MODIFIERS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// Role words that qualify a title rather than name a job.
const MODIFIERS: &[&str] = &[
    "national",
    "state",
    "foreign",
    "security",
    "special",
    "first",
    "former",
    "acting",
    "top",
    "senior",
    "vice",
    "deputy",
    "prime",
    "permanent",
    "affairs",
    "interior",
    "owned",
    "run",
    "controlled",
    "news",
    "defence",
    "defense",
    "executive",
    "general",
    "head",
    "leadership",
    "assistant",
];

/// Token `i` is an initial: "J." in "Wanda J. Okonkwo" (never "U.S.").
pub fn initial(l: &Layout, i: usize) -> bool {
    let t = &l.toks[i];
    t.cap
        && t.text.chars().count() == 1
        && l.toks.get(i + 1).is_some_and(|n| {
            l.gap(t.end, n.start).trim() == "."
                && n.sent == t.sent
                && (n.text.chars().count() > 1 && namey(n)
                    || n.cap && n.text.chars().count() == 1 && initial(l, i + 1))
        })
}

fn read_part(l: &Layout, g: &Gazetteer, toks: Range<usize>) -> Option<Phrase> {
    if toks.start >= toks.end {
        return None;
    }
    let p = analyse(l, g, toks);
    match p.np {
        Np::Name { .. } | Np::Desc { .. } => Some(p),
        _ => None,
    }
}

/// "the Chinese foreign ministry" → "Chinese Foreign Ministry";
/// "Russia’s Foreign Ministry" → "Russian Foreign Ministry".
fn org_phrase(l: &Layout, g: &Gazetteer, toks: Range<usize>) -> Np {
    let qualified = toks.clone().any(|i| {
        let t = &l.toks[i];
        t.cap || t.place.is_some()
    });
    let mut words: Vec<String> = Vec::new();
    for i in toks.clone() {
        let t = &l.toks[i];
        if t.e.has(lexicon::DET) {
            continue;
        }
        let w = match t.place {
            Some(p) if lexicon::is_possessive(t.text) => g.places[p as usize].adjective.clone(),
            _ => lexicon::strip_possessive(t.text).to_string(),
        };
        words.push(w);
    }
    let last = &l.toks[toks.end - 1];
    let head = lexicon::strip_possessive(last.text).to_lowercase();
    let all_cap = toks
        .clone()
        .filter(|&i| !l.toks[i].e.has(lexicon::DET))
        .all(|i| l.toks[i].cap);
    let display = words.iter().map(|w| title_case(w)).collect::<Vec<_>>().join(" ");
    // "Police said", "Council said" opening a sentence: the common noun
    let lone_initial = words.len() == 1
        && last.place.is_none()
        && l.sents[last.sent].toks.start + usize::from(toks.len() > 1) == toks.end - 1;
    if all_cap && !lone_initial {
        return Np::OrgDesc {
            display,
            head,
            qualified: true,
        };
    }
    Np::OrgDesc {
        display,
        head,
        qualified: qualified && !lone_initial,
    }
}

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => w.to_string(),
    }
}

/// "Beijing’s Foreign Minister" → "Chinese foreign minister".
fn description(l: &Layout, g: &Gazetteer, toks: Range<usize>) -> String {
    let mut words: Vec<String> = Vec::new();
    for i in toks {
        let t = &l.toks[i];
        if t.e.has(lexicon::DET) {
            continue;
        }
        match t.place {
            Some(p) => words.push(g.places[p as usize].adjective.clone()),
            None if t.e.has(lexicon::ROLE) => words.push(t.text.to_lowercase()),
            None => words.push(lexicon::strip_possessive(t.text).to_string()),
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::gazetteer::BUNDLED;
    use super::super::lexicon::Lexicon;
    use super::*;

    fn with(text: &str, f: impl FnOnce(&Layout, &Gazetteer)) {
        let g = Gazetteer::parse(BUNDLED).unwrap();
        let lx = Lexicon::new();
        let l = Layout::new(text, &lx, |w| g.place(w));
        f(&l, &g);
    }

    /// analyses the phrase right before the first word `verb`
    fn before(text: &str, verb: &str) -> (String, Np) {
        let mut out = (String::new(), Np::None);
        with(text, |l, g| {
            let v = l.toks.iter().position(|t| t.text == verb).unwrap();
            let r = scan_back(l, v);
            let p = analyse(l, g, r);
            out = (l.text[p.range.clone()].to_string(), p.np);
        });
        out
    }

    fn name_and_role(text: &str, verb: &str) -> (String, Option<String>, bool) {
        let (_, np) = before(text, verb);
        match np {
            Np::Name { name, role, org, .. } => (text[name].to_string(), role, org),
            other => panic!("not a name: {other:?}"),
        }
    }

    #[test]
    fn names_with_roles() {
        assert_eq!(
            name_and_role("Chinese Foreign Minister Wang Yi said it.", "said"),
            ("Wang Yi".into(), Some("Chinese Foreign Minister".into()), false)
        );
        assert_eq!(
            name_and_role("On Monday, Kremlin spokesman Dmitry Peskov told them.", "told"),
            ("Dmitry Peskov".into(), Some("Kremlin spokesman".into()), false)
        );
        assert_eq!(
            name_and_role(
                "Then U.S. Ambassador to NATO Julianne Smith asserted it.",
                "asserted"
            ),
            (
                "Julianne Smith".into(),
                Some("U.S. Ambassador to NATO".into()),
                false
            )
        );
        assert_eq!(
            name_and_role(
                "Russia’s Security Council Secretary Nikolai Patrushev said so.",
                "said"
            ),
            (
                "Nikolai Patrushev".into(),
                Some("Russia’s Security Council Secretary".into()),
                false
            )
        );
        assert_eq!(
            name_and_role(
                "In a report, Chinese state-owned news agency Xinhua said so.",
                "said"
            ),
            (
                "Xinhua".into(),
                Some("Chinese state-owned news agency".into()),
                true
            )
        );
    }

    #[test]
    fn descriptions_and_organisations() {
        match before(
            "At the same time, the Chinese foreign minister insisted it.",
            "insisted",
        )
        .1
        {
            Np::Desc { text, classes, .. } => {
                assert_eq!(text, "Chinese foreign minister");
                assert!(classes.contains(RoleClass::FOREIGN_MINISTER));
            }
            other => panic!("{other:?}"),
        }
        match before("Relations are fine, Beijing’s top diplomat has said.", "has").1 {
            Np::Desc { text, .. } => assert_eq!(text, "Chinese top diplomat"),
            other => panic!("{other:?}"),
        }
        match before("Russia’s foreign ministry said it.", "said").1 {
            Np::OrgDesc { display, .. } => assert_eq!(display, "Russian Foreign Ministry"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            before("Then the Kremlin said it.", "said").1,
            Np::OrgDesc { .. } | Np::Name { org: true, .. }
        ));
        assert!(matches!(
            before("Moscow said it.", "said").1,
            Np::Name { org: true, .. }
        ));
    }

    #[test]
    fn not_speakers() {
        assert_eq!(before("However, observers have noted it.", "noted").1, Np::None);
        assert_eq!(before("The two governments said it.", "said").1, Np::None);
        assert_eq!(before("analysts say", "say").1, Np::None);
        assert_eq!(before("They said it.", "said").1, Np::None);
    }

    #[test]
    fn pronouns_documents_and_pairs() {
        assert_eq!(before("“Yes,” she said.", "said").1, Np::Pronoun { female: true });
        match before("He reaffirmed it, the Sputnik report said.", "said").1 {
            Np::Doc {
                owner: Some(o),
                definite: true,
            } => {
                assert!(matches!(o.np, Np::Name { org: true, .. }))
            }
            other => panic!("{other:?}"),
        }
        match before("In 2022, Putin and Xi unveiled a statement.", "unveiled").1 {
            Np::Multi(v) => assert_eq!(v.len(), 2),
            other => panic!("{other:?}"),
        }
    }
}
