//! Query text → [`Query`]: an AND of OR-groups of (possibly negated) terms.

use std::fmt;

use crate::store::Date;

/// What a term looks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    /// Fuzzy match on title, source and speakers.
    Fuzzy(String),
    /// A phrase in the body, as typed between the quotes.
    Phrase(String),
    /// An exact whole word in the body.
    Word(String),
    /// A quoted speaker, matched fuzzily on the name.
    Speaker(String),
    /// A phrase family, by label.
    Family(String),
    /// What the user marked on the article (`tag:NAME`, `is:starred`...).
    State(StateTerm),
    /// `source:NAME`: the article's outlet, matched as names are (an alias
    /// the outlet table knows names that outlet only).
    Source(String),
    /// `title:WORD`: the title, matched as names are.
    Title(String),
    /// `date:2023`, `date:2022-02..2023-03`, `date:..2022`: articles whose
    /// date lies within (undated ones never do).
    Date(DateRange),
}

/// Dates from `from`'s first day to `to`'s last day; an open end is unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    /// True when all of `date`'s period lies within the range ("2023-03-05"
    /// is in `2023`; "2023" is not in `2023-03`).
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| date.first_day() >= f.first_day())
            && self.to.is_none_or(|t| date.last_day() <= t.last_day())
    }

    /// Reads `2023`, `2022-02..2023-03`, `..2022`, `2023..`, `"March 2023"`.
    pub fn parse(text: &str) -> Result<DateRange, String> {
        let one = |s: &str| -> Result<Option<Date>, String> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            Date::parse(s).map(Some).map_err(|e| e.to_string())
        };
        let (from, to) = match text.split_once("..") {
            Some((a, b)) => (one(a)?, one(b)?),
            None => {
                let d = one(text)?;
                (d, d)
            }
        };
        if from.is_none() && to.is_none() {
            return Err("date: needs a date or a range (2023, 2022-02..2023-03, ..2022)".into());
        }
        if let (Some(f), Some(t)) = (from, to)
            && f.first_day() > t.last_day()
        {
            return Err(format!("date range ends before it starts: {f}..{t}"));
        }
        Ok(DateRange { from, to })
    }
}

/// A term on the user's marks, evaluated from the state store's snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StateTerm {
    /// `tag:NAME`: tagged NAME (any case).
    Tag(String),
    /// `is:starred`
    Starred,
    /// `is:unread`
    Unread,
    /// `is:read`
    Read,
    /// `has:note`
    HasNote,
}

impl StateTerm {
    /// `tag:x`, `is:starred`, `is:unread`, `is:read`, `has:note` (prefixes
    /// in any case). None: not a state term; Err: one that is misspelt.
    fn parse(text: &str) -> Option<Result<StateTerm, String>> {
        let (prefix, rest) = text.split_once(':')?;
        let rest_lower = rest.to_lowercase();
        Some(match prefix.to_lowercase().as_str() {
            "tag" if rest.is_empty() => Err("tag: needs a tag name right after it".into()),
            "tag" => Ok(StateTerm::Tag(rest.to_string())),
            "is" => match rest_lower.as_str() {
                "starred" => Ok(StateTerm::Starred),
                "unread" => Ok(StateTerm::Unread),
                "read" => Ok(StateTerm::Read),
                _ => Err(format!("is:{rest} is unknown: is:starred, is:unread or is:read")),
            },
            "has" => match rest_lower.as_str() {
                "note" => Ok(StateTerm::HasNote),
                _ => Err(format!("has:{rest} is unknown: has:note")),
            },
            _ => return None,
        })
    }
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
}

/// A parsed query: every group must match; a group matches when any of its
/// terms does. The empty query matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Vec<Term>>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.groups.iter().flatten()
    }
}

/// Why a query could not be parsed, and where (a char offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub message: String,
    pub position: usize,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.position + 1)
    }
}

impl std::error::Error for QueryError {}

fn err(message: impl Into<String>, position: usize) -> QueryError {
    QueryError {
        message: message.into(),
        position,
    }
}

/// The longest query taken, in characters: matching costs grow with the
/// length of a term, and no one types a longer one (a pasted article is
/// refused with a message instead of freezing the app).
pub const MAX_QUERY_CHARS: usize = 1_000;

/// Parses a query strictly: an unclosed quote is an error.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    check_length(input)?;
    Parser::new(input, false).run()
}

/// Parses a query as it is being typed: an unclosed quote runs to the end.
pub fn parse_lenient(input: &str) -> Result<Query, QueryError> {
    check_length(input)?;
    Parser::new(input, true).run()
}

/// A query over [`MAX_QUERY_CHARS`] is an error (found without reading
/// more of it than that).
pub fn check_length(input: &str) -> Result<(), QueryError> {
    if input.len() > MAX_QUERY_CHARS && input.chars().nth(MAX_QUERY_CHARS).is_some() {
        return Err(err(
            format!("query too long: at most {MAX_QUERY_CHARS} characters"),
            MAX_QUERY_CHARS,
        ));
    }
    Ok(())
}

#[derive(Debug, PartialEq)]
enum Token {
    Or,
    Term(Term),
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    lenient: bool,
}

/// A character that opens a quoted phrase (and, but for „, closes one).
pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

impl Parser {
    fn new(input: &str, lenient: bool) -> Self {
        Parser {
            chars: input.chars().collect(),
            pos: 0,
            lenient,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn run(mut self) -> Result<Query, QueryError> {
        let mut tokens: Vec<(usize, Token)> = Vec::new();
        loop {
            while self.peek().is_some_and(char::is_whitespace) {
                self.pos += 1;
            }
            let start = self.pos;
            let Some(c) = self.peek() else { break };
            if c == '|' {
                self.pos += 1;
                tokens.push((start, Token::Or));
                continue;
            }
            let term = self.term()?;
            tokens.push((start, Token::Term(term)));
        }
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut pending_or: Option<usize> = None;
        let mut last_end_was_term = false;
        for (pos, tok) in tokens {
            match tok {
                Token::Or => {
                    if !last_end_was_term || pending_or.is_some() {
                        return Err(err("'|' needs a term on each side", pos));
                    }
                    pending_or = Some(pos);
                    last_end_was_term = false;
                }
                Token::Term(t) => {
                    if pending_or.take().is_some() {
                        if let Some(g) = groups.last_mut() {
                            g.push(t);
                        }
                    } else {
                        groups.push(vec![t]);
                    }
                    last_end_was_term = true;
                }
            }
        }
        if let Some(pos) = pending_or {
            return Err(err("'|' needs a term on each side", pos));
        }
        Ok(Query { groups })
    }

    fn term(&mut self) -> Result<Term, QueryError> {
        let start = self.pos;
        let mut negated = false;
        if self.peek() == Some('!') {
            negated = true;
            self.pos += 1;
            // one '!' negates: '!!' is no term
            if self
                .peek()
                .is_none_or(|c| c.is_whitespace() || c == '|' || c == '!')
            {
                return Err(err("'!' needs a term right after it", start));
            }
        }
        let sigil_pos = self.pos;
        let kind = match self.peek() {
            Some(c) if is_quote(c) => {
                let text = self.quoted()?;
                if crate::analysis::text::words(&text).next().is_none() {
                    return Err(err("empty phrase: put words between the quotes", sigil_pos));
                }
                TermKind::Phrase(text)
            }
            Some(c @ ('\'' | '@' | '#')) => {
                self.pos += 1;
                let text = if self.peek().is_some_and(is_quote) {
                    self.quoted()?
                } else {
                    self.bare()
                };
                let text = text.trim().to_string();
                let what = match c {
                    '\'' => "a word",
                    '@' => "a speaker's name",
                    _ => "a phrase family label",
                };
                if text.is_empty() {
                    return Err(err(format!("{c} needs {what} right after it"), sigil_pos));
                }
                match c {
                    '\'' => {
                        if crate::analysis::text::words(&text).count() != 1 {
                            return Err(err(
                                "'word matches one whole word; use \"...\" for a phrase",
                                sigil_pos,
                            ));
                        }
                        TermKind::Word(text)
                    }
                    '@' => TermKind::Speaker(text),
                    _ => TermKind::Family(text),
                }
            }
            _ => match self.field() {
                Some(field) => {
                    let value_pos = self.pos;
                    let text = if self.peek().is_some_and(is_quote) {
                        self.quoted()?
                    } else {
                        self.bare()
                    };
                    let text = text.trim().to_string();
                    if text.is_empty() {
                        let example = match field {
                            "date" => "a date or a range (2023, 2022-02..2023-03, ..2022)",
                            "title" => "a word of the title",
                            _ => "an outlet's name",
                        };
                        return Err(err(format!("{field}: needs {example} right after it"), value_pos));
                    }
                    match field {
                        "date" => TermKind::Date(DateRange::parse(&text).map_err(|m| err(m, value_pos))?),
                        "title" => TermKind::Title(text),
                        _ => TermKind::Source(text),
                    }
                }
                None => {
                    let text = self.bare();
                    match StateTerm::parse(&text) {
                        Some(Ok(t)) => TermKind::State(t),
                        Some(Err(e)) => return Err(err(e, sigil_pos)),
                        None => TermKind::Fuzzy(text),
                    }
                }
            },
        };
        Ok(Term { negated, kind })
    }

    /// A field name and its colon (`source:`, `outlet:`, `date:`,
    /// `title:`, any case) at the cursor, consumed; None leaves the cursor.
    fn field(&mut self) -> Option<&'static str> {
        for (name, field) in [
            ("source:", "source"),
            ("outlet:", "source"),
            ("date:", "date"),
            ("title:", "title"),
        ] {
            let n = name.chars().count();
            let Some(here) = self.chars.get(self.pos..self.pos + n) else {
                continue;
            };
            if here.iter().flat_map(|c| c.to_lowercase()).eq(name.chars()) {
                self.pos += n;
                return Some(field);
            }
        }
        None
    }

    /// Text up to whitespace, '|' or a quote (which always opens a phrase:
    /// `rock"` and `x"y` are a word, then an unclosed quote).
    fn bare(&mut self) -> String {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| !c.is_whitespace() && c != '|' && !is_quote(c))
        {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    /// A quoted string; the cursor is on the opening quote.
    fn quoted(&mut self) -> Result<String, QueryError> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        while let Some(c) = self.peek() {
            if is_close_quote(c) {
                let text = self.chars[start..self.pos].iter().collect();
                self.pos += 1;
                return Ok(text);
            }
            self.pos += 1;
        }
        if self.lenient {
            Ok(self.chars[start..].iter().collect())
        } else {
            Err(err("unclosed quote", open))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fuzzy(s: &str) -> Term {
        Term {
            negated: false,
            kind: TermKind::Fuzzy(s.into()),
        }
    }

    fn q(s: &str) -> Vec<Vec<Term>> {
        parse(s).unwrap().groups
    }

    fn e(s: &str) -> String {
        parse(s).unwrap_err().message
    }

    #[test]
    fn empty_query() {
        assert!(parse("").unwrap().is_empty());
        assert!(parse("   ").unwrap().is_empty());
    }

    #[test]
    fn implied_and() {
        assert_eq!(q("wang lavrov"), vec![vec![fuzzy("wang")], vec![fuzzy("lavrov")]]);
    }

    #[test]
    fn or_binds_tighter_than_and() {
        assert_eq!(q("a | b c"), vec![vec![fuzzy("a"), fuzzy("b")], vec![fuzzy("c")]]);
        assert_eq!(q("a|b"), vec![vec![fuzzy("a"), fuzzy("b")]]);
        assert_eq!(q("a | b | c"), vec![vec![fuzzy("a"), fuzzy("b"), fuzzy("c")]]);
    }

    #[test]
    fn phrase() {
        assert_eq!(
            q("\"rock solid\"")[0][0].kind,
            TermKind::Phrase("rock solid".into())
        );
        assert_eq!(
            q("“rock solid”")[0][0].kind,
            TermKind::Phrase("rock solid".into())
        );
    }

    #[test]
    fn phrase_next_to_other_terms() {
        let g = q("scmp \"no limits\" !tass");
        assert_eq!(g.len(), 3);
        assert_eq!(g[1][0].kind, TermKind::Phrase("no limits".into()));
        assert!(g[2][0].negated);
    }

    #[test]
    fn exact_word() {
        assert_eq!(q("'hegemony")[0][0].kind, TermKind::Word("hegemony".into()));
    }

    #[test]
    fn speaker_and_family() {
        assert_eq!(q("@lavrov")[0][0].kind, TermKind::Speaker("lavrov".into()));
        assert_eq!(q("@\"wang yi\"")[0][0].kind, TermKind::Speaker("wang yi".into()));
        assert_eq!(q("#rock-solid")[0][0].kind, TermKind::Family("rock-solid".into()));
        assert_eq!(
            q("#\"no limits\"")[0][0].kind,
            TermKind::Family("no limits".into())
        );
    }

    #[test]
    fn field_terms() {
        let d = |s: &str| Date::parse(s).ok();
        assert_eq!(q("source:scmp")[0][0].kind, TermKind::Source("scmp".into()));
        assert_eq!(
            q("Outlet:\"south china\"")[0][0].kind,
            TermKind::Source("south china".into())
        );
        assert_eq!(q("title:talks")[0][0].kind, TermKind::Title("talks".into()));
        assert_eq!(
            q("date:2023")[0][0].kind,
            TermKind::Date(DateRange {
                from: d("2023"),
                to: d("2023")
            })
        );
        assert_eq!(
            q("date:2022-02..2023-03")[0][0].kind,
            TermKind::Date(DateRange {
                from: d("2022-02"),
                to: d("2023-03")
            })
        );
        assert_eq!(
            q("date:..2022")[0][0].kind,
            TermKind::Date(DateRange {
                from: None,
                to: d("2022")
            })
        );
        assert_eq!(
            q("date:2022..")[0][0].kind,
            TermKind::Date(DateRange {
                from: d("2022"),
                to: None
            })
        );
        assert_eq!(
            q("date:\"March 2023\"")[0][0].kind,
            TermKind::Date(DateRange {
                from: d("2023-03"),
                to: d("2023-03")
            })
        );
        // combinable with everything else
        let g = q("source:tass | source:xinhua date:2023 !\"no limits\" @wang");
        assert_eq!(g.len(), 4);
        assert_eq!(g[0].len(), 2);
        assert!(g[2][0].negated);
        // a word with a colon that is no field stays a word
        assert_eq!(q("http:x")[0][0].kind, TermKind::Fuzzy("http:x".into()));
    }

    #[test]
    fn bad_dates_are_errors_at_the_value() {
        assert_eq!(e("date:2023-13"), "no such month: 2023-13");
        assert_eq!(e("date:soon"), "not a date: \"soon\"");
        assert_eq!(
            e("date:.."),
            "date: needs a date or a range (2023, 2022-02..2023-03, ..2022)"
        );
        assert_eq!(
            e("date:"),
            "date: needs a date or a range (2023, 2022-02..2023-03, ..2022) right after it"
        );
        assert_eq!(
            e("date:2024..2023"),
            "date range ends before it starts: 2024..2023"
        );
        assert_eq!(e("source:"), "source: needs an outlet's name right after it");
        assert_eq!(parse("wang date:x").unwrap_err().position, 10);
    }

    #[test]
    fn date_ranges_hold_whole_periods() {
        let r = |s: &str| DateRange::parse(s).unwrap();
        let d = |s: &str| Date::parse(s).unwrap();
        assert!(r("2023").contains(d("2023-03-05")));
        assert!(r("2023").contains(d("2023")));
        assert!(!r("2023-03").contains(d("2023")));
        assert!(r("2022-02..2023-03").contains(d("2023-03-31")));
        assert!(!r("2022-02..2023-03").contains(d("2023-04-01")));
        assert!(!r("2022-02..2023-03").contains(d("2022-01-31")));
        assert!(r("..2022").contains(d("1999-01-01")));
        assert!(!r("..2022").contains(d("2023-01-01")));
    }

    #[test]
    fn negation() {
        let t = &q("!\"cold war\"")[0][0];
        assert!(t.negated);
        assert_eq!(t.kind, TermKind::Phrase("cold war".into()));
        assert!(q("!@putin")[0][0].negated);
    }

    #[test]
    fn errors_are_clear() {
        assert_eq!(e("\"rock solid"), "unclosed quote");
        assert_eq!(e("!"), "'!' needs a term right after it");
        assert_eq!(e("a ! b"), "'!' needs a term right after it");
        assert_eq!(e("| a"), "'|' needs a term on each side");
        assert_eq!(e("a |"), "'|' needs a term on each side");
        assert_eq!(e("a | | b"), "'|' needs a term on each side");
        assert_eq!(e("\"\""), "empty phrase: put words between the quotes");
        assert_eq!(e("\" -- \""), "empty phrase: put words between the quotes");
        assert_eq!(e("@"), "@ needs a speaker's name right after it");
        assert_eq!(e("#"), "# needs a phrase family label right after it");
        assert_eq!(e("'"), "' needs a word right after it");
        assert_eq!(
            e("'rock-solid"),
            "'word matches one whole word; use \"...\" for a phrase"
        );
    }

    #[test]
    fn quotes_and_bangs_follow_one_rule() {
        // a quote opens a phrase wherever it stands, and must be closed
        assert_eq!(e("rock\""), "unclosed quote");
        assert_eq!(e("x\"y"), "unclosed quote");
        assert_eq!(e("\"rock"), "unclosed quote");
        assert_eq!(
            q("x\"rock solid\""),
            vec![
                vec![fuzzy("x")],
                vec![Term {
                    negated: false,
                    kind: TermKind::Phrase("rock solid".into())
                }]
            ]
        );
        // typed: the phrase runs to the end
        let g = parse_lenient("rock\"sol").unwrap().groups;
        assert_eq!(g[1][0].kind, TermKind::Phrase("sol".into()));
        // one '!' negates; '!!' is as much an error as '!'
        assert_eq!(e("!!"), "'!' needs a term right after it");
        assert_eq!(e("!!rock"), "'!' needs a term right after it");
        assert_eq!(q("yahoo!"), vec![vec![fuzzy("yahoo!")]]);
    }

    #[test]
    fn long_queries_are_refused_with_a_message() {
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert_eq!(e(&long), "query too long: at most 1000 characters");
        assert!(parse_lenient(&format!("\"{long}")).is_err());
        // counted in characters, not bytes
        assert!(parse(&"é".repeat(MAX_QUERY_CHARS)).is_ok());
        // fast for a pasted article
        let huge = "word ".repeat(200_000);
        let t = std::time::Instant::now();
        assert!(parse(&huge).is_err());
        assert!(
            t.elapsed() < std::time::Duration::from_millis(50),
            "{:?}",
            t.elapsed()
        );
    }

    #[test]
    fn error_positions() {
        assert_eq!(parse("ab \"cd").unwrap_err().position, 3);
        assert_eq!(parse("ab |").unwrap_err().position, 3);
        assert_eq!(
            parse("ab \"cd").unwrap_err().to_string(),
            "unclosed quote (at character 4)"
        );
    }

    #[test]
    fn lenient_closes_quotes() {
        let g = parse_lenient("\"rock sol").unwrap().groups;
        assert_eq!(g[0][0].kind, TermKind::Phrase("rock sol".into()));
    }

    #[test]
    fn state_terms() {
        let kind = |s: &str| q(s)[0][0].kind.clone();
        assert_eq!(kind("tag:wire"), TermKind::State(StateTerm::Tag("wire".into())));
        assert_eq!(kind("TAG:Wire"), TermKind::State(StateTerm::Tag("Wire".into())));
        assert_eq!(kind("is:starred"), TermKind::State(StateTerm::Starred));
        assert_eq!(kind("is:Unread"), TermKind::State(StateTerm::Unread));
        assert_eq!(kind("is:read"), TermKind::State(StateTerm::Read));
        assert_eq!(kind("has:note"), TermKind::State(StateTerm::HasNote));
        let t = &q("!tag:done | is:starred")[0];
        assert!(t[0].negated);
        assert_eq!(t[1].kind, TermKind::State(StateTerm::Starred));
        // other words with a colon stay fuzzy
        assert_eq!(kind("10:30"), TermKind::Fuzzy("10:30".into()));
        assert_eq!(e("tag:"), "tag: needs a tag name right after it");
        assert_eq!(
            e("is:stared"),
            "is:stared is unknown: is:starred, is:unread or is:read"
        );
        assert_eq!(e("has:tags"), "has:tags is unknown: has:note");
        assert_eq!(parse("a is:x").unwrap_err().position, 2);
    }

    #[test]
    fn unicode_terms() {
        assert_eq!(q("Лавров"), vec![vec![fuzzy("Лавров")]]);
        assert_eq!(q("\"王毅 说\"")[0][0].kind, TermKind::Phrase("王毅 说".into()));
    }
}
