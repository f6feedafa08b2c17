//! Publication dates as a type: a year, a year and month, or a full day.
//! Parsed from the forms news text and metadata use ("2023-03-05",
//! "March 5, 2023", "5 March 2023", "Sep 19, 2023", "2023/03/05", partial
//! "2022-12" and "2023", RFC 2822 "Tue, 19 Sep 2023 10:00:00 GMT"), also
//! inside a line ("March 5, 2021 (Xinhua) --"). Dates order as dates
//! (a partial date before the full dates of its period), never as strings.

use std::fmt;
use std::str::FromStr;

use crate::analysis::text::MONTHS;

/// A date, possibly partial. `month` and `day` are 0 when unknown (a day is
/// only known with its month). Derived order: year, then month, then day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Years accepted as news dates (a number outside is not read as a year).
const YEARS: std::ops::RangeInclusive<u16> = 1800..=2200;

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

impl DateError {
    /// The text has a date's form but is not one (a 31 February, an
    /// ambiguous 03/05/2023), as opposed to not being a date at all.
    pub fn is_bad_date(&self) -> bool {
        !(self.0.starts_with("not a date") || self.0 == "empty date")
    }
}

impl Date {
    /// A full date, if it exists on the calendar.
    pub fn ymd(year: u16, month: u8, day: u8) -> Option<Date> {
        (YEARS.contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in(year, month))
            .then_some(Date { year, month, day })
    }

    /// A month of a year.
    pub fn ym(year: u16, month: u8) -> Option<Date> {
        (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(Date { year, month, day: 0 })
    }

    /// A year.
    pub fn y(year: u16) -> Option<Date> {
        YEARS.contains(&year).then_some(Date {
            year,
            month: 0,
            day: 0,
        })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1-12, or None for a year alone.
    pub fn month(self) -> Option<u8> {
        (self.month > 0).then_some(self.month)
    }

    /// 1-31, or None for a partial date.
    pub fn day(self) -> Option<u8> {
        (self.day > 0).then_some(self.day)
    }

    /// This date as one number that orders as the dates do.
    pub fn key(self) -> u32 {
        (u32::from(self.year) << 9) | (u32::from(self.month) << 5) | u32::from(self.day)
    }

    /// The date a [`key`](Self::key) was made from.
    pub fn from_key(key: u32) -> Option<Date> {
        let (year, month, day) = ((key >> 9) as u16, ((key >> 5) & 15) as u8, (key & 31) as u8);
        match (month, day) {
            (0, 0) => Date::y(year),
            (m, 0) => Date::ym(year, m),
            (m, d) => Date::ymd(year, m, d),
        }
    }

    /// The first day this date may mean ("2022-12" → 2022-12-01).
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month.max(1),
            day: self.day.max(1),
        }
    }

    /// The last day this date may mean ("2022-12" → 2022-12-31).
    pub fn last_day(self) -> Date {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in(self.year, month)
        } else {
            self.day
        };
        Date {
            year: self.year,
            month,
            day,
        }
    }

    /// Days since 1970-01-01 of [`first_day`](Self::first_day) (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil
        let d = self.first_day();
        let (m, day) = (i64::from(d.month), i64::from(d.day));
        let y = i64::from(d.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` after 1970-01-01 (None outside the years accepted).
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::ymd(u16::try_from(year).ok()?, month as u8, day as u8)
    }

    /// The ISO week (year, week 1-53) of [`first_day`](Self::first_day).
    pub fn iso_week(self) -> (u16, u8) {
        let days = self.days();
        // 1970-01-01 was a Thursday; Monday = 0
        let weekday = (days + 3).rem_euclid(7);
        let thursday = days - weekday + 3;
        let year = civil_year(thursday);
        let jan1 = Date {
            year,
            month: 1,
            day: 1,
        }
        .days();
        (year, ((thursday - jan1) / 7 + 1) as u8)
    }

    /// Reads a whole string as a date (surrounding spaces, a leading weekday
    /// and a trailing time or zone are allowed).
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let toks = tokens(s.trim());
        if toks.is_empty() {
            return Err(DateError("empty date".into()));
        }
        let mut at = skip_weekday(&toks, 0);
        let found = match_at(&toks, at, true)?;
        let Some((date, next)) = found else {
            return Err(DateError(format!("not a date: \"{}\"", shorten(s))));
        };
        at = next;
        if at < toks.len() && !is_time_tail(&toks[at..], s.trim()) {
            return Err(DateError(format!("not a date: \"{}\"", shorten(s))));
        }
        Ok(date)
    }

    /// The first date written in `line` with a year (at least a month and a
    /// year: "March 5, 2021 (Xinhua) --", "Published: Sep 19, 2023 10:04"),
    /// with its byte range.
    pub fn find(line: &str) -> Option<(Date, std::ops::Range<usize>)> {
        let toks = tokens(line);
        for i in 0..toks.len() {
            if let Ok(Some((d, next))) = match_at(&toks, i, false)
                && d.month > 0
            {
                return Some((d, toks[i].start..toks[next - 1].end));
            }
        }
        None
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (0, _) => write!(f, "{:04}", self.year),
            (m, 0) => write!(f, "{:04}-{m:02}", self.year),
            (m, d) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
        }
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn is_leap(y: u16) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn civil_year(days: i64) -> u16 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2)) as u16
}

fn shorten(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Digits: value and how many.
    Num(u32, usize),
    /// A month name.
    Month(u8),
    /// A weekday name.
    Weekday,
    /// Any other word.
    Word,
    /// One punctuation character.
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

fn month_of(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u8 + 1)
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = word.to_ascii_lowercase();
    DAYS.iter()
        .any(|d| *d == w || (w.len() >= 3 && w.len() <= 4 && d.starts_with(&w)))
}

/// Splits into numbers, words and single punctuation marks ("Sep." keeps
/// no dot: a dot after a month name is dropped). Spaces separate.
fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                chars.next();
            }
            let digits = &s[i..end];
            let value = digits.parse::<u32>().unwrap_or(u32::MAX);
            out.push(Tok {
                kind: Kind::Num(value, digits.len()),
                start: i,
                end,
            });
            // "5th", "1st": the suffix belongs to the number
            let rest = &s[end..];
            for suffix in ["st", "nd", "rd", "th"] {
                if rest.len() >= 2
                    && rest.is_char_boundary(2)
                    && rest[..2].eq_ignore_ascii_case(suffix)
                    && !rest[2..].starts_with(|c: char| c.is_alphabetic())
                {
                    for _ in 0..2 {
                        chars.next();
                    }
                    break;
                }
            }
        } else if c.is_alphabetic() && !matches!(c, '年' | '月' | '日') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() || matches!(d, '年' | '月' | '日') {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = &s[i..end];
            let kind = if let Some(m) = month_of(word) {
                Kind::Month(m)
            } else if is_weekday(word) {
                Kind::Weekday
            } else {
                Kind::Word
            };
            out.push(Tok { kind, start: i, end });
            if matches!(kind, Kind::Month(_) | Kind::Weekday) && chars.peek().is_some_and(|&(_, d)| d == '.')
            {
                chars.next();
            }
        } else {
            out.push(Tok {
                kind: Kind::Punct(c),
                start: i,
                end: i + c.len_utf8(),
            });
        }
    }
    out
}

fn skip_weekday(toks: &[Tok], mut at: usize) -> usize {
    if matches!(toks.get(at).map(|t| t.kind), Some(Kind::Weekday)) {
        at += 1;
        if matches!(toks.get(at).map(|t| t.kind), Some(Kind::Punct(','))) {
            at += 1;
        }
    }
    at
}

/// A time and zone after a date: "10:00:00 GMT", "T12:30:00Z",
/// "+08:00", "12:30 pm EST", "(UTC)", "+0000". Other words are not.
fn is_time_tail(toks: &[Tok], s: &str) -> bool {
    let word_ok = |t: &Tok| {
        let w = &s[t.start..t.end];
        matches!(
            w.to_ascii_lowercase().as_str(),
            "t" | "z" | "am" | "pm" | "a" | "m" | "p"
        ) || (w.len() <= 5 && w.chars().all(|c| c.is_ascii_uppercase()))
    };
    for (k, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Num(_, n) => {
                // a number is a time's part, or a zone offset after a sign
                let signed = k > 0 && matches!(toks[k - 1].kind, Kind::Punct('+' | '-'));
                // "10:00", and "06.00" as British papers write it
                let in_time = toks.iter().any(|t| matches!(t.kind, Kind::Punct(':' | '.')));
                if !(in_time || (signed && n == 4)) {
                    return false;
                }
            }
            Kind::Punct(':') => {}
            Kind::Punct('+' | '-' | '.' | ',' | '(' | ')') => {}
            Kind::Punct(_) => return false,
            Kind::Word | Kind::Month(_) | Kind::Weekday => {
                if !word_ok(t) {
                    return false;
                }
            }
        }
    }
    true
}

fn num(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    match toks.get(i)?.kind {
        Kind::Num(v, n) => Some((v, n)),
        _ => None,
    }
}

fn punct(toks: &[Tok], i: usize) -> Option<char> {
    match toks.get(i)?.kind {
        Kind::Punct(c) => Some(c),
        _ => None,
    }
}

fn month(toks: &[Tok], i: usize) -> Option<u8> {
    match toks.get(i)?.kind {
        Kind::Month(m) => Some(m),
        _ => None,
    }
}

fn year_of(v: u32, n: usize) -> Option<u16> {
    (n == 4).then_some(v as u16).filter(|y| YEARS.contains(y))
}

/// Tokens `a` and `b` touch (no space between): "2023-03-05" is one run.
fn adjacent(toks: &[Tok], a: usize, b: usize) -> bool {
    matches!((toks.get(a), toks.get(b)), (Some(x), Some(y)) if x.end == y.start)
}

/// A date starting at token `i`: (date, index after it). `whole` reads the
/// string as a date, and then a form that looks like a date but is not one
/// (a 31 February, an ambiguous 03/05/2023) is an error; otherwise a
/// form is read only when complete, and errors are no match.
fn match_at(toks: &[Tok], i: usize, whole: bool) -> Result<Option<(Date, usize)>, DateError> {
    let bad = |m: String| if whole { Err(DateError(m)) } else { Ok(None) };
    // numeric forms beginning with a year: 2023-03-05, 2023/03/05, 2023.03.05, 2022-12, 2023,
    // and 2023年3月5日
    if let Some((v, n)) = num(toks, i)
        && let Some(y) = year_of(v, n)
    {
        let sep =
            punct(toks, i + 1).filter(|c| matches!(c, '-' | '/' | '.' | '年') && adjacent(toks, i, i + 1));
        if let Some(sep) = sep
            && let Some((m, _)) = num(toks, i + 2).filter(|_| adjacent(toks, i + 1, i + 2))
        {
            let sep2 = punct(toks, i + 3)
                .filter(|c| (*c == sep || (sep == '年' && *c == '月')) && adjacent(toks, i + 2, i + 3));
            if sep2.is_some()
                && let Some((d, _)) = num(toks, i + 4).filter(|_| adjacent(toks, i + 3, i + 4))
            {
                let mut next = i + 5;
                if sep == '年' && punct(toks, next) == Some('日') {
                    next += 1;
                }
                return match Date::ymd(y, m.min(99) as u8, d.min(99) as u8) {
                    Some(date) => Ok(Some((date, next))),
                    None => bad(format!("no such day: {y}-{m:02}-{d:02}")),
                };
            }
            let mut next = i + 3;
            if sep == '年' && punct(toks, next) == Some('月') {
                next += 1;
            }
            if !whole && sep != '年' {
                // "2022-12" inside a line is too easily something else
                return Ok(None);
            }
            return match Date::ym(y, m.min(99) as u8) {
                Some(date) => Ok(Some((date, next))),
                None => bad(format!("no such month: {y}-{m:02}")),
            };
        }
        if !whole {
            return Ok(None);
        }
        // a year alone (followed by nothing, or a time)
        return Ok(Date::y(y).map(|d| (d, i + 1)));
    }
    // day/month/year or month/day/year: only when unambiguous
    if let Some((a, an)) = num(toks, i)
        && an <= 2
        && let Some(sep) = punct(toks, i + 1).filter(|c| matches!(c, '/' | '.' | '-'))
        && let Some((b, bn)) = num(toks, i + 2)
        && bn <= 2
        && punct(toks, i + 3) == Some(sep)
        && let Some((y, yn)) = num(toks, i + 4)
        && let Some(y) = year_of(y, yn)
        && adjacent(toks, i, i + 1)
        && adjacent(toks, i + 3, i + 4)
    {
        let (a, b) = (a as u8, b as u8);
        let date = match (a > 12, b > 12) {
            (true, false) => Date::ymd(y, b, a),
            (false, true) => Date::ymd(y, a, b),
            // 05.03.2023 is European: dots mean day first
            (false, false) if sep == '.' => Date::ymd(y, b, a),
            (false, false) if a == b => Date::ymd(y, a, b),
            (false, false) => {
                return bad(format!(
                    "ambiguous: {a}{sep}{b}{sep}{y} could be day first or month first (write {y}-MM-DD)"
                ));
            }
            (true, true) => None,
        };
        return match date {
            Some(d) => Ok(Some((d, i + 5))),
            None => bad(format!("no such day: {a}{sep}{b}{sep}{y}")),
        };
    }
    // Month D, YYYY / Month D YYYY / Month YYYY
    if let Some(m) = month(toks, i) {
        let mut j = i + 1;
        if let Some((d, dn)) = num(toks, j)
            && dn <= 2
        {
            j += 1;
            if punct(toks, j) == Some(',') {
                j += 1;
            }
            if let Some((y, yn)) = num(toks, j)
                && let Some(y) = year_of(y, yn)
            {
                return match Date::ymd(y, m, d as u8) {
                    Some(date) => Ok(Some((date, j + 1))),
                    None => bad(format!("no such day: {} {d}, {y}", MONTHS[m as usize - 1])),
                };
            }
            return Ok(None);
        }
        if punct(toks, j) == Some(',') {
            j += 1;
        }
        if let Some((y, yn)) = num(toks, j)
            && let Some(y) = year_of(y, yn)
        {
            return Ok(Date::ym(y, m).map(|d| (d, j + 1)));
        }
        return Ok(None);
    }
    // D Month YYYY / D-Mon-YYYY
    if let Some((d, dn)) = num(toks, i)
        && dn <= 2
    {
        let mut j = i + 1;
        if matches!(punct(toks, j), Some('-' | '/')) {
            j += 1;
        }
        if let Some(m) = month(toks, j) {
            j += 1;
            if matches!(punct(toks, j), Some('-' | '/' | ',')) {
                j += 1;
            }
            if let Some((y, yn)) = num(toks, j)
                && let Some(y) = year_of(y, yn)
            {
                return match Date::ymd(y, m, d as u8) {
                    Some(date) => Ok(Some((date, j + 1))),
                    None => bad(format!("no such day: {d} {} {y}", MONTHS[m as usize - 1])),
                };
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        match Date::parse(s) {
            Ok(d) => d.to_string(),
            Err(e) => format!("ERR {e}"),
        }
    }

    #[test]
    fn iso_and_partial() {
        assert_eq!(p("2023-03-05"), "2023-03-05");
        assert_eq!(p(" 2022-12 "), "2022-12");
        assert_eq!(p("2023"), "2023");
        assert_eq!(p("2023-03-05T10:20:00Z"), "2023-03-05");
        assert_eq!(p("2023-03-05T10:20:00+08:00"), "2023-03-05");
        assert_eq!(p("2023-03-05 10:20"), "2023-03-05");
        assert_eq!(p("2023/03/05"), "2023-03-05");
        assert_eq!(p("2023.3.5"), "2023-03-05");
        assert_eq!(p("2023年3月5日"), "2023-03-05");
    }

    #[test]
    fn written_forms() {
        assert_eq!(p("March 5, 2023"), "2023-03-05");
        assert_eq!(p("5 March 2023"), "2023-03-05");
        assert_eq!(p("Sep 19, 2023"), "2023-09-19");
        assert_eq!(p("Sept. 19, 2023"), "2023-09-19");
        assert_eq!(p("Mar. 5 2023"), "2023-03-05");
        assert_eq!(p("March 2023"), "2023-03");
        assert_eq!(p("5th March 2023"), "2023-03-05");
        assert_eq!(p("05-Mar-2023"), "2023-03-05");
        assert_eq!(p("Sunday, March 5, 2023"), "2023-03-05");
        assert_eq!(p("Tue, 19 Sep 2023 10:00:00 GMT"), "2023-09-19");
        assert_eq!(p("Sep 19, 2023 10:04 am EST"), "2023-09-19");
        assert_eq!(p("Mon 20 Nov 2023 06.00 GMT"), "2023-11-20");
        assert!(p("20 Nov 2023 06").starts_with("ERR"), "a number that is no time");
    }

    #[test]
    fn numeric_day_month_order() {
        assert_eq!(p("25/02/2023"), "2023-02-25");
        assert_eq!(p("02/25/2023"), "2023-02-25");
        assert_eq!(p("05.03.2023"), "2023-03-05");
        assert!(
            p("03/05/2023").starts_with("ERR ambiguous"),
            "{}",
            p("03/05/2023")
        );
    }

    #[test]
    fn bad_dates_are_errors() {
        assert!(p("2023-02-30").starts_with("ERR no such day"));
        assert!(p("2023-13").starts_with("ERR no such month"));
        assert!(p("yesterday").starts_with("ERR not a date"));
        assert!(p("March 5").starts_with("ERR not a date"), "no year");
        assert!(p("2023-03-05 and more words").starts_with("ERR"));
        assert!(p("").starts_with("ERR empty"));
        assert!(p("12345").starts_with("ERR"));
        assert_eq!(p("2024-02-29"), "2024-02-29");
        assert!(p("2023-02-29").starts_with("ERR"));
    }

    #[test]
    fn finds_dates_inside_lines() {
        let f = |s: &str| Date::find(s).map(|(d, r)| (d.to_string(), s[r].to_string()));
        assert_eq!(
            f("March 5, 2021 (Xinhua) -- China said"),
            Some(("2021-03-05".into(), "March 5, 2021".into()))
        );
        assert_eq!(
            f("Published: Sep 19, 2023 10:04"),
            Some(("2023-09-19".into(), "Sep 19, 2023".into()))
        );
        assert_eq!(
            f("Updated 19 September 2023"),
            Some(("2023-09-19".into(), "19 September 2023".into()))
        );
        assert_eq!(
            f("Posted 2023-09-19"),
            Some(("2023-09-19".into(), "2023-09-19".into()))
        );
        assert_eq!(f("BEIJING, July 24. /TASS/."), None, "no year");
        assert_eq!(f("in 2023 they met"), None, "a year alone is not found in text");
        assert_eq!(
            f("may 2023 be better"),
            Some(("2023-05".into(), "may 2023".into()))
        );
    }

    #[test]
    fn order_is_by_date_not_string() {
        let d = |s: &str| Date::parse(s).unwrap();
        let mut v = [
            d("2023-10-01"),
            d("2023-9-2"),
            d("2023"),
            d("2022-12"),
            d("2023-09"),
        ];
        v.sort();
        let shown: Vec<String> = v.iter().map(Date::to_string).collect();
        assert_eq!(shown, ["2022-12", "2023", "2023-09", "2023-09-02", "2023-10-01"]);
        assert!(d("2023-9-2").key() < d("2023-10-01").key());
        for s in ["2023", "2023-09", "2023-09-02"] {
            assert_eq!(Date::from_key(d(s).key()), Some(d(s)));
        }
        assert_eq!(Date::from_key(u32::MAX), None);
    }

    #[test]
    fn calendar_arithmetic() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2000-03-01").days(), 11_017);
        assert_eq!(d("2023-01-01").iso_week(), (2022, 52));
        assert_eq!(d("2023-01-02").iso_week(), (2023, 1));
        assert_eq!(d("2020-12-31").iso_week(), (2020, 53));
        assert_eq!(d("2022-12").last_day().to_string(), "2022-12-31");
        assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(d("2023").first_day().to_string(), "2023-01-01");
        for s in ["1970-01-01", "2000-02-29", "2023-12-31", "1800-01-01"] {
            assert_eq!(Date::from_days(d(s).days()), Some(d(s)));
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_round_trips(s in "\\PC{0,40}") {
            if let Ok(d) = Date::parse(&s) {
                proptest::prop_assert_eq!(Date::parse(&d.to_string()), Ok(d));
            }
            if let Some((_, r)) = Date::find(&s) {
                proptest::prop_assert!(s.get(r).is_some());
            }
        }

        #[test]
        fn every_calendar_day_round_trips(y in 1900u16..2100, m in 1u8..=12, d in 1u8..=31) {
            if let Some(date) = Date::ymd(y, m, d) {
                proptest::prop_assert_eq!(Date::parse(&date.to_string()), Ok(date));
                let written = format!("{} {d}, {y}", MONTHS[m as usize - 1]);
                proptest::prop_assert_eq!(Date::parse(&written), Ok(date));
            }
        }
    }
}
