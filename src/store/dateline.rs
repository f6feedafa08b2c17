//! What the first lines of an article say about where and when it comes
//! from, for articles whose metadata does not: wire datelines ("MOSCOW
//! (Reuters) -", "BEIJING, July 24. /TASS/.", "March 5, 2021 (Xinhua) --"),
//! bylines ("By Jane Roe, CNN"), "Source: ..." lines and dated lines
//! ("Published: Sep 19, 2023").

use std::sync::LazyLock;

use regex::Regex;

use super::date::Date;
use super::outlet::Outlets;

/// How far into the text datelines and bylines are looked for.
const HEAD_LINES: usize = 12;
const HEAD_BYTES: usize = 3000;

/// What the head of an article gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The outlet as written (normalise it through the alias table).
    pub outlet: Option<String>,
    pub date: Option<Date>,
    /// A line that is only a date's form but no date ("03/05/2023", which
    /// could be either day first or month first): why it was left out.
    pub bad_date: Option<String>,
}

/// "(Reuters) -", "(Xinhua) --", "(AP) —": an agency in brackets, then a dash.
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\(([A-Za-z][A-Za-z.&'’ -]{0,38}[A-Za-z.])\)\s*(?:--|-|—|–|:)").expect("valid regex")
});
/// "/TASS/." "/Xinhua/ -": an agency between slashes.
static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/([A-Z][A-Za-z-]{1,20})/\s*(?:\.|-|—|–|:)").expect("valid regex"));
/// "By Jane Roe, CNN" / "By Jane Roe and John Doe | Reuters".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][a-z]+ )?(?i:by)\s+[^,|\n]{2,80}?\s*[,|]\s*([A-Z][\w&.'’ -]{0,40}[\w.])\s*$")
        .expect("valid regex")
});
/// "Source: Global Times", "Source | Xinhua".
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:source)\s*[:|]\s*([A-Z][\w&.'’ -]{0,40}[\w.])\s*$").expect("valid regex")
});
/// "Published: ...", "Published on ...", "Posted ...", "Date: ...".
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:published|posted|date|first published|release date)\b").expect("valid regex")
});
static UPDATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:updated|last updated|modified)\b").expect("valid regex"));

/// An agency's name as datelines write it: a known outlet, or one to four
/// capitalised words ("Reuters", "AP", "Kyodo News").
fn plausible(name: &str, outlets: &Outlets) -> bool {
    if outlets.lookup(name).is_some() {
        return true;
    }
    // "(dpa)" is taken because the table knows it; "(local time)" is not
    if name.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !matches!(name, "AFP Photo" | "Photo" | "File" | "Video")
}

/// A short head line made of parts: "Kestrin Gazette | 2023/06/28",
/// "KYODO NEWS - Sep 30, 2024 - 18:42 | Japan", "Selin Aydemir |04.03.2024".
fn has_parts(line: &str) -> bool {
    line.contains('|') || line.contains(" - ") || line.contains(" – ") || line.contains(" — ")
}

/// The parts of such a line, trimmed.
fn parts_of(line: &str) -> impl Iterator<Item = &str> {
    line.split('|')
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" – "))
        .flat_map(|p| p.split(" — "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Published,
    Updated,
}

/// A part's label ("Published: 2023-06-15", "Update : 05.03.2024",
/// "Posted on ...") and what follows it.
fn labelled(part: &str) -> (Option<Label>, &str) {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(published|posted|date|updated|update|last updated|modified)(?:\s+on)?\s*:?\s*)")
            .expect("valid regex")
    });
    match LABEL.captures(part) {
        Some(c) => {
            let label = match c[1].to_lowercase().as_str() {
                "updated" | "update" | "last updated" | "modified" => Label::Updated,
                _ => Label::Published,
            };
            (Some(label), &part[c[0].len()..])
        }
        None => (None, part),
    }
}

/// How many lines at the end are read for a closing "Source: ..." line or
/// a print-edition note.
const FOOT_LINES: usize = 3;

/// "... appeared in the South China Morning Post print edition".
static PRINT_EDITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)appeared in (?:the )?(.{2,60}?) print edition").expect("valid regex"));

/// Reads the head of `body` (and, for the outlet, its last lines).
pub fn read_head(body: &str, outlets: &Outlets) -> Head {
    let mut head = Head::default();
    let mut published = None;
    let mut dateline_date = None;
    let mut bare_date = None;
    let mut updated = None;
    let mut dated_line = None;
    let mut weak_outlet = None;
    let end = body.len().min(HEAD_BYTES);
    let end = (0..=end).rev().find(|&i| body.is_char_boundary(i)).unwrap_or(0);
    let lines: Vec<&str> = body[..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    for (n, &line) in lines.iter().enumerate() {
        // the opening of a line only: a bracket deep in a paragraph is no dateline
        let opening = match line.char_indices().nth(90) {
            Some((i, _)) => &line[..i],
            None => line,
        };
        // a short line under the headline: a byline, an outlet's name, "Name | date"
        let short = n > 0 && line.chars().count() <= 80;
        let mut line_date = None;
        if short && has_parts(line) {
            for part in parts_of(line) {
                let (label, rest) = labelled(part);
                if let Ok(d) = Date::parse(rest)
                    && d.month().is_some()
                {
                    if label == Some(Label::Updated) {
                        updated.get_or_insert(d);
                    } else {
                        line_date.get_or_insert(d);
                    }
                }
            }
        }
        if head.outlet.is_none() {
            let found = BRACKETED
                .captures(opening)
                .or_else(|| SLASHED.captures(opening))
                .map(|c| c[1].trim().to_string())
                .filter(|n| plausible(n, outlets))
                .or_else(|| {
                    BYLINE
                        .captures(line)
                        .or_else(|| SOURCE.captures(line))
                        .map(|c| c[1].trim().to_string())
                        .filter(|n| byline_outlet(n, outlets))
                });
            if let Some(o) = found {
                head.outlet = Some(o);
                if let Some((d, _)) = Date::find(opening) {
                    dateline_date.get_or_insert(d);
                }
            } else if short && let Some(o) = outlet_in_line(line, outlets, line_date.is_some()) {
                // an unknown name beside a date ("Kestrin Gazette | 2023/06/28", but
                // also "Selin Aydemir |04.03.2024") yields to a dateline further down
                if outlets.lookup(&o).is_some() {
                    head.outlet = Some(o);
                } else {
                    weak_outlet.get_or_insert(o);
                }
            }
        }
        if let Some(d) = line_date {
            published.get_or_insert(d);
        } else if PUBLISHED.is_match(line) {
            if let Some((d, _)) = Date::find(line) {
                published.get_or_insert(d);
            }
        } else if UPDATED.is_match(line) {
            if let Some((d, _)) = Date::find(line) {
                updated.get_or_insert(d);
            }
        } else if bare_date.is_none()
            && line.len() <= 60
            && let Some(d) = bare(line, &mut head.bad_date)
        {
            bare_date = Some(d);
        } else if short
            && n <= 4
            && dated_line.is_none()
            && !line.ends_with(['.', '!', '?', '"', '”'])
            && let Some((d, _)) = Date::find(line)
        {
            // "December 2, 2024 at 7:14 AM UTC", "Selin Aydemir |04.03.2024 - Update : 05.03.2024"
            dated_line = Some(d);
        }
    }
    if head.outlet.is_none() && lines.len() > 1 {
        head.outlet = read_foot(body, outlets).or(weak_outlet);
    }
    head.date = published
        .or(dateline_date)
        .or(bare_date)
        .or(dated_line)
        .or(updated);
    head
}

/// A line that is only a date (with a month), or none; a line of a date's
/// form that is no date notes why in `bad` (the first such line).
fn bare(line: &str, bad: &mut Option<String>) -> Option<Date> {
    match Date::parse(line.trim_start_matches(|c: char| !c.is_alphanumeric())) {
        Ok(d) => d.month().is_some().then_some(d),
        Err(e) => {
            if e.is_bad_date() {
                bad.get_or_insert(e.0);
            }
            None
        }
    }
}

/// A closing "Source: Al Jazeera and news agencies" line, or "This article
/// appeared in the South China Morning Post print edition": known outlets only.
fn read_foot(body: &str, outlets: &Outlets) -> Option<String> {
    for line in body
        .lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(FOOT_LINES)
    {
        if let Some(c) = PRINT_EDITION.captures(line)
            && outlets.lookup(&c[1]).is_some()
        {
            return Some(c[1].to_string());
        }
        if let Some(c) = SOURCE_LINE.captures(line) {
            let name = strip_agencies(&c[1]);
            if outlets.lookup(name).is_some() {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// "Source: Al Jazeera and news agencies", "Source: Xinhua".
static SOURCE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:source)\s*[:|]\s*(.{2,60}?)\s*$").expect("valid regex"));

fn strip_agencies(name: &str) -> &str {
    let lower = name.to_lowercase();
    for tail in [
        " and news agencies",
        " and agencies",
        " with agencies",
        " staff and agencies",
        " staff",
    ] {
        if lower.ends_with(tail) && name.is_char_boundary(name.len() - tail.len()) {
            return name[..name.len() - tail.len()].trim();
        }
    }
    name
}

/// The outlet a short line under the headline names: "Associated Press",
/// "BBC News, Kestrin", "Grace Tan in Valdor / South China Morning Post",
/// "Grace Tan in Valdor | SCMP", "Julia Marr, Guardian diplomatic editor",
/// "Guardian staff and agencies", "Source: Xinhua | 2024-04-10". A part
/// must be a known outlet, or begin with one and go on in lowercase words
/// (a role); with `dated` (the line holds a date: "Kestrin Gazette |
/// 2023/06/28") a plausible unknown name is taken too.
fn outlet_in_line(line: &str, outlets: &Outlets, dated: bool) -> Option<String> {
    if line.ends_with(['.', '!', '?', '"', '”', ':']) {
        return None;
    }
    let parts: Vec<&str> = parts_of(line)
        .flat_map(|p| p.split(" / "))
        .flat_map(|p| p.split(", "))
        .map(|p| {
            let p = p.trim();
            let p = SOURCE_PREFIX.find(p).map_or(p, |m| &p[m.end()..]);
            // "By Al Jazeera Staff"
            let p = p
                .strip_prefix("By ")
                .or_else(|| p.strip_prefix("by "))
                .unwrap_or(p);
            strip_agencies(p)
        })
        .filter(|p| !p.is_empty())
        .collect();
    for part in &parts {
        if outlets.lookup(part).is_some() {
            return Some(part.to_string());
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.len() > 6 {
            continue;
        }
        for k in (1..words.len()).rev() {
            let name = words[..k].join(" ");
            // "Guardian diplomatic editor", "BBC News NI health correspondent":
            // the rest ends in a lowercase word (the job) and has no sentence in it
            let rest = &words[k..];
            let rest_is_role = rest
                .last()
                .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()))
                && rest.len() <= 4
                && rest.iter().all(|w| !w.ends_with(['.', '!', '?']));
            if rest_is_role && outlets.lookup(&name).is_some() {
                return Some(name);
            }
        }
    }
    if dated {
        return parts
            .iter()
            .find(|p| Date::parse(p).is_err() && plausible(p, outlets) && !p.contains(':'))
            .map(|p| p.to_string());
    }
    None
}

static SOURCE_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:source)\s*:\s*").expect("valid regex"));

/// A byline's last part names an outlet only when the table knows it or it
/// is an abbreviation ("CNN"): "By Jane Roe, Senior Correspondent" does not.
fn byline_outlet(name: &str, outlets: &Outlets) -> bool {
    outlets.lookup(name).is_some()
        || (name.len() <= 6 && name.len() >= 2 && name.chars().all(|c| c.is_ascii_uppercase()))
        || newspaper_name(name)
}

/// Words a newspaper's or broadcaster's name ends with ("The Millbrook
/// Courier", "Northport Herald", "Valley News").
const MASTHEAD_WORDS: &[&str] = &[
    "Advertiser",
    "Advocate",
    "Argus",
    "Banner",
    "Beacon",
    "Bulletin",
    "Chronicle",
    "Citizen",
    "Courant",
    "Courier",
    "Daily",
    "Dispatch",
    "Enquirer",
    "Examiner",
    "Express",
    "Gazette",
    "Globe",
    "Guardian",
    "Herald",
    "Independent",
    "Inquirer",
    "Journal",
    "Leader",
    "Ledger",
    "Mail",
    "Mercury",
    "Mirror",
    "Monitor",
    "News",
    "Observer",
    "Post",
    "Press",
    "Record",
    "Register",
    "Reporter",
    "Republic",
    "Review",
    "Sentinel",
    "Standard",
    "Star",
    "Statesman",
    "Sun",
    "Telegram",
    "Telegraph",
    "Times",
    "Tribune",
    "Weekly",
];

/// A byline's last part that reads as a masthead: two to five capitalised
/// words ending in a masthead word ("The Millbrook Courier").
fn newspaper_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.last().is_some_and(|w| MASTHEAD_WORDS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(text: &str) -> (Option<String>, Option<String>) {
        let o = Outlets::bundled();
        let h = read_head(text, &o);
        (h.outlet.map(|s| o.normalise(&s)), h.date.map(|d| d.to_string()))
    }

    fn both(o: &str, d: &str) -> (Option<String>, Option<String>) {
        (Some(o.into()), Some(d.into()))
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            head("Ministers meet in the capital\n\nMOSCOW (Reuters) - Two ministers met on Monday."),
            (Some("Reuters".into()), None)
        );
        assert_eq!(
            head("Talks go on\n\nBEIJING, July 24. /TASS/. The talks went on."),
            (Some("TASS".into()), None)
        );
        assert_eq!(
            head("A meeting\nMarch 5, 2021 (Xinhua) -- Officials met in the city."),
            both("Xinhua", "2021-03-05")
        );
        assert_eq!(
            head("Headline\n\nSEOUL, Jan. 9 (Yonhap) -- The ministry said."),
            (Some("Yonhap".into()), None)
        );
        assert_eq!(
            head("Headline\n\nWASHINGTON (AP) — Lawmakers voted."),
            (Some("AP".into()), None)
        );
    }

    #[test]
    fn bylines_and_published_lines() {
        assert_eq!(
            head("Headline here\nBy Jane Roe and Sam Poe, CNN\nPublished: Sep 19, 2023\n\nText."),
            both("CNN", "2023-09-19")
        );
        assert_eq!(
            head("Headline here\nBy Jane Roe, Senior Correspondent\n\nText."),
            (None, None),
            "a job title is no outlet"
        );
        assert_eq!(
            head("Headline\nSource: Global Times\n\nText."),
            (Some("Global Times".into()), None)
        );
        assert_eq!(
            head("Headline\nUpdated: 20 September 2023\nPublished on 19 September 2023\n\nText."),
            (None, Some("2023-09-19".into())),
            "published beats updated"
        );
        assert_eq!(
            head("Headline\n5 March 2023\n\nText."),
            (None, Some("2023-03-05".into()))
        );
    }

    #[test]
    fn outlets_on_short_lines_under_the_headline() {
        let h = |s: &str| head(s).0;
        assert_eq!(
            h("Harbour reopens\n\nBy ANNA LIND\nAssociated Press\n\nText."),
            Some("AP".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nBy Ola Berg\nBBC News, Oslo\n\nText."),
            Some("BBC".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nMing Lau in Taipei / South China Morning Post\n\nText."),
            Some("South China Morning Post".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nMing Lau in Taipei | SCMP\n\nText."),
            Some("South China Morning Post".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nOla Berg, Guardian economics editor\n\nText."),
            Some("The Guardian".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nGuardian staff and agencies\n\nText."),
            Some("The Guardian".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nBy Reuters Staff\n\nText."),
            Some("Reuters".into())
        );
        assert_eq!(h("Harbour reopens\n\nBy Ola Berg\n\nText."), None);
        assert_eq!(
            h("Harbour reopens\n\nAnalysis by Ming Lau, Reuters\n\nText."),
            Some("Reuters".into())
        );
        assert_eq!(
            head("Harbour reopens\n\nNorthport Herald | 2022/11/04\n\nText."),
            both("Northport Herald", "2022-11-04")
        );
        assert_eq!(
            head("Harbour reopens\n\nSource: Xinhua | 2022-11-04 08:12:00\n\nText."),
            both("Xinhua", "2022-11-04")
        );
        // a sentence that starts with an outlet's name is no byline
        assert_eq!(h("Harbour reopens\n\nReuters reported the news.\n\nText."), None);
        assert_eq!(
            h("Harbour reopens\n\nNorthport Herald\n\nText."),
            None,
            "unknown, undated"
        );
    }

    #[test]
    fn agencies_and_date_lines_of_other_conventions() {
        assert_eq!(
            head("Trains cut\n\nTuesday, 12 November 2024\n\nBerlin (dpa) - Fewer trains will run."),
            both("dpa", "2024-11-12")
        );
        assert_eq!(
            head("Trade up\n\nSelin Aydemir |04.03.2024 - Update : 05.03.2024\n\nANKARA (AA) - Trade rose."),
            both("Anadolu Agency", "2024-03-04"),
            "a dateline's agency beats a name beside a date; the update date loses"
        );
        assert_eq!(
            head(
                "New leader\n\nKYODO NEWS - Sep 30, 2024 - 18:42 | Japan, World\n\nTOKYO - The party voted."
            ),
            both("Kyodo", "2024-09-30")
        );
        assert_eq!(
            head("Oil slips\n\nDecember 2, 2024 at 7:14 AM UTC\n\n(Bloomberg) -- Oil fell."),
            both("Bloomberg", "2024-12-02")
        );
        assert_eq!(
            head("Schools shut\n\nAFP | Published: 2023-06-15\n\nNEW DELHI: Schools shut."),
            both("AFP", "2023-06-15")
        );
        assert_eq!(
            head("Labels\n\nBy LI MENG | China Daily | Updated: 2025-01-08 09:12\n\nText."),
            both("China Daily", "2025-01-08")
        );
        assert_eq!(
            head("Fireworks off\n\nBy Tessa Nguyen, The Millbrook Courier\nPublished July 1, 2025\n\nText."),
            both("The Millbrook Courier", "2025-07-01")
        );
        assert_eq!(
            head("Waits\n\nBy Fiona Gallagher\nBBC News NI health correspondent\n\nText."),
            (Some("BBC".into()), None)
        );
        assert_eq!(
            head("Labels\n\nThe Canadian Press\nPosted Mar 21, 2025 3:05 pm EDT\n\nOTTAWA — Text."),
            both("The Canadian Press", "2025-03-21")
        );
        // a sentence in the head with a date in it is no date line
        assert_eq!(
            head("Headline\n\nThe talks began on March 5, 2021.\n\nText."),
            (None, None)
        );
    }

    #[test]
    fn closing_source_lines() {
        let h = |s: &str| head(s).0;
        assert_eq!(
            h("Harbour reopens\n\nText here.\n\nSource: Al Jazeera and news agencies"),
            Some("Al Jazeera".into())
        );
        assert_eq!(
            h(
                "Harbour reopens\n\nText here.\n\nThis article appeared in the South China Morning Post print edition as: Harbour"
            ),
            Some("South China Morning Post".into())
        );
        assert_eq!(
            h("Harbour reopens\n\nText here.\n\nAdditional reporting by Reuters"),
            None
        );
    }

    #[test]
    fn brackets_in_ordinary_text_are_no_dateline() {
        assert_eq!(
            head("Headline\n\nThe minister said (local time) - nothing."),
            (None, None)
        );
        let deep = format!("Headline\n\n{} (Reuters) - late.", "word ".repeat(30));
        assert_eq!(head(&deep), (None, None));
        let far = format!("{}MOSCOW (Reuters) - too far down.", "Line of text.\n".repeat(20));
        assert_eq!(head(&far), (None, None));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,400}") {
            let _ = read_head(&s, &Outlets::bundled());
        }
    }
}
