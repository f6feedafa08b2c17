//! The query line and the filtered article list.

use std::sync::Arc;

use crate::index::Index;
use crate::query::{self, Hit, Matcher, TermCache};

use super::InputEdit;

/// Corpora up to this size are filtered at once on each keystroke; bigger
/// ones a slice at a time between frames, so keys and scrolling never wait.
pub const FILTER_AT_ONCE: usize = 20_000;
/// Articles evaluated per slice of a sliced filter.
const SLICE: usize = 1024;

/// A filter being evaluated a slice at a time (big corpora).
#[derive(Debug)]
struct Pending {
    matcher: Arc<Matcher>,
    input: String,
    /// The articles to evaluate (ascending), and how far it has got.
    ids: Vec<u32>,
    done: usize,
    hits: Vec<Hit>,
    /// Hits of articles not in `ids` that stay (when only new articles are
    /// being evaluated).
    base: Vec<Hit>,
}

/// The filter: what is typed, what it compiled to, what it matched.
#[derive(Debug)]
pub struct FilterState {
    /// The text in the query line.
    pub input: String,
    /// Cursor position in `input`, in chars.
    pub cursor: usize,
    /// Why the current input does not work, if it does not.
    pub error: Option<String>,
    /// The last query that compiled (kept while the input has an error).
    pub matcher: Option<Arc<Matcher>>,
    /// Matching articles in rank order.
    pub hits: Vec<Hit>,
    /// The input the current `hits` answer, when it compiled.
    applied: Option<String>,
    cache: TermCache,
    pending: Option<Pending>,
    /// Corpora bigger than this are filtered in slices ([`FILTER_AT_ONCE`]).
    pub at_once: usize,
    /// The user's marks, for `tag:`, `is:` and `has:` terms (none: no store).
    pub states: Option<Arc<crate::state::ArticleStates>>,
}

impl Default for FilterState {
    fn default() -> Self {
        FilterState {
            input: String::new(),
            cursor: 0,
            error: None,
            matcher: None,
            hits: Vec::new(),
            applied: None,
            cache: TermCache::default(),
            pending: None,
            at_once: FILTER_AT_ONCE,
            states: None,
        }
    }
}

/// Applies an edit to a line of text with its cursor (in chars): the query
/// line's, and a prompt's.
pub(super) fn edit_line(input: &mut String, cursor: &mut usize, edit: InputEdit) {
    let byte = |s: &str, c: usize| s.char_indices().nth(c).map_or(s.len(), |(i, _)| i);
    let len = input.chars().count();
    match edit {
        InputEdit::Insert(c) => {
            let at = byte(input, *cursor);
            input.insert(at, c);
            *cursor += 1;
        }
        InputEdit::Backspace if *cursor > 0 => {
            let at = byte(input, *cursor - 1);
            input.remove(at);
            *cursor -= 1;
        }
        InputEdit::Delete if *cursor < len => {
            let at = byte(input, *cursor);
            input.remove(at);
        }
        InputEdit::Left => *cursor = cursor.saturating_sub(1),
        InputEdit::Right => *cursor = (*cursor + 1).min(len),
        InputEdit::Home => *cursor = 0,
        InputEdit::End => *cursor = len,
        InputEdit::DeleteWord => {
            let chars: Vec<char> = input.chars().collect();
            let mut start = *cursor;
            while start > 0 && chars[start - 1].is_whitespace() {
                start -= 1;
            }
            while start > 0 && !chars[start - 1].is_whitespace() {
                start -= 1;
            }
            let (a, b) = (byte(input, start), byte(input, *cursor));
            input.replace_range(a..b, "");
            *cursor = start;
        }
        InputEdit::Clear => {
            input.clear();
            *cursor = 0;
        }
        InputEdit::Backspace | InputEdit::Delete => {}
    }
}

/// True when every article matching `new` must also match `old`, so `new`
/// can be evaluated over `old`'s hits alone: `new` is `old` with more typed at
/// the end, and nothing typed widens the result (no `|`, no `!`, and not the
/// continuation of a word that must be whole: an exact `'word`, or the last
/// word of a phrase still being typed; "rock s" is in no article where
/// "rock solid" is; nor a field or state term, `source:`, `title:`,
/// `date:`, `tag:`, `is:`, `has:`: `is` becoming `is:unread`, `date:2023`
/// becoming `date:2023..`).
fn narrows(old: &str, new: &str) -> bool {
    if old.trim().is_empty() || !new.starts_with(old) || new.len() == old.len() {
        return false;
    }
    if new.contains(['|', '!']) {
        return false;
    }
    let last_term_start = term_start(old);
    let extends_last = !new[old.len()..].starts_with(char::is_whitespace);
    let in_phrase = old.chars().filter(|&c| query::is_quote(c)).count() % 2 == 1;
    let continues_word = old.chars().next_back().is_some_and(char::is_alphanumeric)
        && new[old.len()..].starts_with(char::is_alphanumeric);
    // the term being extended: the last one, or the one whose quoted value is open
    let extended = if in_phrase {
        let quote = old.rfind(query::is_quote).unwrap_or(0);
        Some(term_start(&old[..quote]))
    } else {
        extends_last.then_some(last_term_start)
    };
    let field = extended.is_some_and(|start| is_field_term(&new[start..]));
    !(field || extends_last && old[last_term_start..].starts_with('\'') || in_phrase && continues_word)
}

/// Where the last whitespace-separated term of `s` starts (a byte offset).
fn term_start(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether `term` is a field or state term (`source:`, `tag:`...), its
/// value typed or not yet.
fn is_field_term(term: &str) -> bool {
    const FIELDS: [&str; 6] = ["source", "title", "date", "tag", "is", "has"];
    term.split_once(':')
        .is_some_and(|(name, _)| FIELDS.iter().any(|f| f.eq_ignore_ascii_case(name)))
}

impl FilterState {
    /// Inserts `text` at the cursor in one step (a paste: a character at a
    /// time would cost a walk along the line each).
    pub fn insert_text(&mut self, text: &str) {
        let at = self
            .input
            .char_indices()
            .nth(self.cursor)
            .map_or(self.input.len(), |(i, _)| i);
        self.input.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    /// Applies an edit to the input line.
    pub fn edit(&mut self, edit: InputEdit) {
        edit_line(&mut self.input, &mut self.cursor, edit);
    }

    /// Re-evaluates the input against `index`. On a parse or compile error
    /// the previous results stay and `error` says why.
    pub fn apply(&mut self, index: &Index) {
        let parsed = query::parse_lenient(&self.input).map_err(|e| e.to_string());
        // evaluated over the last hits alone when the query only narrowed
        // (not while an evaluation is under way: its articles are not all
        // in the hits yet)
        let narrowing = self.pending.is_none()
            && self
                .applied
                .as_deref()
                .is_some_and(|old| narrows(old, &self.input));
        let states = self.states.clone();
        let with_states = |m: Matcher| match states {
            Some(s) => m.with_states(s),
            None => m,
        };
        match parsed.and_then(|q| Matcher::new(&q, index).map(with_states).map_err(|e| e.message)) {
            Ok(m) if index.len() > self.at_once && !m.is_empty() => {
                // big corpus: evaluate in slices from `step`, keep showing the
                // last results meanwhile
                let ids: Vec<u32> = if narrowing {
                    let mut ids: Vec<u32> = self.hits.iter().map(|h| h.id).collect();
                    ids.sort_unstable();
                    ids
                } else {
                    (0..index.len() as u32).collect()
                };
                let m = Arc::new(m);
                self.pending = Some(Pending {
                    matcher: m.clone(),
                    input: self.input.clone(),
                    ids,
                    done: 0,
                    hits: Vec::new(),
                    base: Vec::new(),
                });
                self.matcher = Some(m);
                self.error = None;
            }
            Ok(m) => {
                self.pending = None;
                self.hits = if narrowing {
                    let mut ids: Vec<u32> = self.hits.iter().map(|h| h.id).collect();
                    ids.sort_unstable();
                    m.eval_within(index, &ids)
                } else {
                    m.eval(index, &mut self.cache)
                };
                self.applied = Some(self.input.clone());
                self.matcher = (!m.is_empty()).then(|| Arc::new(m));
                self.error = None;
            }
            Err(e) => {
                self.error = Some(e);
                self.applied = None;
                if self.matcher.is_none() && self.hits.len() != index.len() {
                    self.hits = all(index);
                }
            }
        }
    }

    /// Works on a sliced evaluation for about `budget`. Returns true when it
    /// finished (the hits changed).
    pub fn step(&mut self, index: &Index, budget: std::time::Duration) -> bool {
        let started = std::time::Instant::now();
        let Some(p) = self.pending.as_mut() else {
            return false;
        };
        while p.done < p.ids.len() {
            let end = (p.done + SLICE).min(p.ids.len());
            p.hits.extend(p.matcher.eval_slice(index, &p.ids[p.done..end]));
            p.done = end;
            if started.elapsed() >= budget {
                break;
            }
        }
        if p.done < p.ids.len() {
            return false;
        }
        let Some(mut p) = self.pending.take() else {
            return false;
        };
        p.hits.append(&mut p.base);
        p.hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.id.cmp(&b.id)));
        self.hits = p.hits;
        self.applied = Some(p.input);
        true
    }

    /// How far a sliced evaluation has got (0..=1), while one runs.
    pub fn progress(&self) -> Option<f64> {
        self.pending
            .as_ref()
            .map(|p| p.done as f64 / p.ids.len().max(1) as f64)
    }

    /// Takes in articles appended from id `from` on (background loading):
    /// on a big corpus only they are evaluated, in slices, and join the hits.
    pub fn appended(&mut self, index: &Index, from: u32) {
        if self.input.trim().is_empty() {
            self.pending = None;
            self.hits = all(index);
            return;
        }
        if self.error.is_some() || self.matcher.is_none() {
            self.reapply(index);
            return;
        }
        // only the new articles are evaluated; they join the hits
        let new_ids = from..index.len() as u32;
        if let Some(p) = self.pending.as_mut() {
            p.ids.extend(new_ids);
        } else {
            // compiled again: the new articles may quote new speakers
            let parsed = query::parse_lenient(&self.input).ok();
            if let Some(m) = parsed.and_then(|q| Matcher::new(&q, index).ok()) {
                let m = match &self.states {
                    Some(s) => m.with_states(s.clone()),
                    None => m,
                };
                self.pending = Some(Pending {
                    matcher: Arc::new(m),
                    input: self.input.clone(),
                    ids: new_ids.collect(),
                    done: 0,
                    hits: Vec::new(),
                    // the hits stay on screen until the new ones join them
                    base: self.hits.clone(),
                });
            }
        }
        // a small corpus: at once; a big one: in slices between frames
        if index.len() <= self.at_once {
            self.step(index, std::time::Duration::MAX);
        }
    }

    /// Re-evaluates the same input after articles were appended: cached body
    /// terms scan only the new articles.
    pub fn reapply(&mut self, index: &Index) {
        self.applied = None;
        if self.input.trim().is_empty() {
            self.pending = None;
            self.hits = all(index);
        } else {
            self.apply(index);
        }
    }

    /// Clears the query: every article, in corpus order.
    pub fn clear(&mut self, index: &Index) {
        self.input.clear();
        self.cursor = 0;
        self.error = None;
        self.matcher = None;
        self.applied = None;
        self.pending = None;
        self.hits = all(index);
    }

    /// Forgets cached term results (after articles changed).
    pub fn invalidate(&mut self) {
        self.cache.clear();
        self.applied = None;
    }

    pub fn is_active(&self) -> bool {
        self.matcher.is_some()
    }
}

fn all(index: &Index) -> Vec<Hit> {
    (0..index.len() as u32)
        .filter(|&id| index.is_live(id))
        .map(|id| Hit { id, score: 0 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> FilterState {
        let mut f = FilterState::default();
        for c in s.chars() {
            f.edit(InputEdit::Insert(c));
        }
        f
    }

    #[test]
    fn narrowing_rules() {
        assert!(narrows("wan", "wang"));
        assert!(narrows("wang", "wang \"rock"));
        assert!(!narrows("\"rock sol", "\"rock solid\""));
        assert!(narrows("\"rock solid", "\"rock solid\""));
        assert!(narrows("\"rock", "\"rock solid"));
        assert!(narrows("\"rock ", "\"rock s"));
        assert!(!narrows("\"rock s", "\"rock so"));
        assert!(narrows("\"rock solid\" wan", "\"rock solid\" wang"));
        assert!(narrows("'sol", "'sol wang"));
        assert!(!narrows("'sol", "'solid"));
        assert!(!narrows("wang", "wang | lavrov"));
        assert!(!narrows("wang", "wang !tass"));
        assert!(!narrows("wang", "wan"));
        assert!(!narrows("", "w"));
        assert!(!narrows("wang", "wang"));
    }

    #[test]
    fn field_and_state_terms_re_evaluate_while_typed() {
        // `is` (a fuzzy word) becoming `is:unread` is no narrowing
        assert!(narrows("i", "is"));
        assert!(!narrows("is", "is:"));
        assert!(!narrows("is:", "is:u"));
        assert!(!narrows("is:unre", "is:unread"));
        assert!(!narrows("wang ta", "wang tag:x"));
        assert!(!narrows("tag:follow", "tag:follow-up"));
        assert!(!narrows("Has:no", "Has:note"));
        assert!(!narrows("source:ta", "source:tass"));
        assert!(!narrows("date:2023", "date:2023.."));
        assert!(!narrows("title:\"rock", "title:\"rock solid"));
        // a finished field term, then more terms: those narrow
        assert!(narrows("is:unread", "is:unread wang"));
        assert!(narrows("source:tass ", "source:tass w"));
        // a colon in a plain word is no field
        assert!(narrows("10:3", "10:30"));
        // a wide space before the last term (no slicing inside it)
        assert!(narrows("wang\u{3000}ta", "wang\u{3000}tas"));
        assert!(!narrows("wang\u{3000}is", "wang\u{3000}is:"));
    }

    #[test]
    fn typing_a_state_term_equals_full_evaluation() {
        use crate::store::{Article, Corpus};
        // "wang" holds no fuzzy `is`; with no store both articles are unread
        let index = Index::new(Corpus::new(vec![
            Article::from_text("a.txt", "Wang met them.", false),
            Article::from_text("b.txt", "This is it.", false),
        ]));
        let mut f = FilterState::default();
        f.insert_text("is");
        f.apply(&index);
        assert_eq!(f.hits.len(), 1, "{:?}", f.hits);
        // the rest arrives before the next evaluation (a fast typist, a paste)
        f.insert_text(":unread");
        f.apply(&index);
        assert!(f.error.is_none(), "{:?}", f.error);
        assert_eq!(f.hits.len(), 2, "{:?}", f.hits);
    }

    #[test]
    fn narrowed_results_equal_full_evaluation() {
        let index = Index::new(crate::store::Corpus::new(crate::store::bundled_articles()));
        let mut typed_f = FilterState::default();
        for c in "wang \"rock sol".chars() {
            typed_f.edit(InputEdit::Insert(c));
            typed_f.apply(&index);
            let mut fresh = FilterState {
                input: typed_f.input.clone(),
                ..Default::default()
            };
            fresh.apply(&index);
            if typed_f.error.is_some() {
                continue; // an error keeps the last results on screen
            }
            assert_eq!(typed_f.hits, fresh.hits, "after typing {:?}", typed_f.input);
        }
    }

    #[test]
    fn sliced_filtering_gives_the_same_hits() {
        let index = Index::new(crate::store::Corpus::new(crate::store::bundled_articles()));
        for q in ["\"rock solid\"", "china", "'hegemony !scmp", "rus | wang"] {
            let mut at_once = typed(q);
            at_once.apply(&index);
            let mut sliced = typed(q);
            sliced.at_once = 1;
            sliced.apply(&index);
            assert!(sliced.progress().is_some());
            while !sliced.step(&index, std::time::Duration::ZERO) {}
            assert_eq!(sliced.hits, at_once.hits, "{q}");
            assert!(sliced.progress().is_none());
        }
    }

    #[test]
    fn appended_articles_join_a_sliced_filter() {
        let articles = crate::store::bundled_articles();
        let mut index = Index::new(crate::store::Corpus::new(articles[..2].to_vec()));
        let mut f = typed("china");
        f.at_once = 1;
        f.apply(&index);
        while !f.step(&index, std::time::Duration::ZERO) {}
        index.append(articles[2..].to_vec(), Vec::new());
        f.appended(&index, 2);
        while !f.step(&index, std::time::Duration::ZERO) {}
        let mut fresh = typed("china");
        fresh.apply(&index);
        assert_eq!(f.hits, fresh.hits);
    }

    #[test]
    fn appended_articles_join_a_small_filter_at_once() {
        let articles = crate::store::bundled_articles();
        for q in ["china", "\"rock solid\" | wang", "!tass"] {
            let mut index = Index::new(crate::store::Corpus::new(articles[..2].to_vec()));
            let mut f = typed(q);
            f.apply(&index);
            index.append(articles[2..].to_vec(), Vec::new());
            f.appended(&index, 2);
            assert!(f.progress().is_none(), "{q}");
            let mut fresh = typed(q);
            fresh.apply(&index);
            assert_eq!(f.hits, fresh.hits, "{q}");
        }
    }

    #[test]
    fn editing() {
        let mut f = typed("rock sólid");
        f.edit(InputEdit::Backspace);
        assert_eq!(f.input, "rock sóli");
        f.edit(InputEdit::Home);
        f.edit(InputEdit::Delete);
        assert_eq!(f.input, "ock sóli");
        f.edit(InputEdit::End);
        f.edit(InputEdit::Left);
        f.edit(InputEdit::Insert('X'));
        assert_eq!(f.input, "ock sólXi");
        f.edit(InputEdit::End);
        f.edit(InputEdit::DeleteWord);
        assert_eq!(f.input, "ock ");
        f.edit(InputEdit::Clear);
        assert_eq!((f.input.as_str(), f.cursor), ("", 0));
    }

    #[test]
    fn backspace_at_start_is_harmless() {
        let mut f = FilterState::default();
        f.edit(InputEdit::Backspace);
        f.edit(InputEdit::Delete);
        f.edit(InputEdit::Left);
        f.edit(InputEdit::DeleteWord);
        assert_eq!(f.input, "");
    }

    #[test]
    fn errors_keep_previous_results() {
        let index = Index::new(crate::store::Corpus::new(crate::store::bundled_articles()));
        let mut f = typed("wang");
        f.apply(&index);
        let before = f.hits.clone();
        assert!(f.error.is_none());
        f.edit(InputEdit::Insert(' '));
        f.edit(InputEdit::Insert('|'));
        f.apply(&index);
        assert_eq!(
            f.error.as_deref(),
            Some("'|' needs a term on each side (at character 6)")
        );
        assert_eq!(f.hits, before);
    }
}
