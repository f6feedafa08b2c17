//! Query text → [`Query`]: an AND of OR-groups of (possibly negated) terms.

use std::fmt;

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
            _ => TermKind::Fuzzy(self.bare()),
        };
        Ok(Term { negated, kind })
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
    fn unicode_terms() {
        assert_eq!(q("Лавров"), vec![vec![fuzzy("Лавров")]]);
        assert_eq!(q("\"王毅 说\"")[0][0].kind, TermKind::Phrase("王毅 说".into()));
    }
}
