//! The query line and the filtered article list.

use crate::index::Index;
use crate::query::{self, Hit, Matcher, TermCache};

use super::InputEdit;

/// The filter: what is typed, what it compiled to, what it matched.
#[derive(Debug, Default)]
pub struct FilterState {
    /// The text in the query line.
    pub input: String,
    /// Cursor position in `input`, in chars.
    pub cursor: usize,
    /// Why the current input does not work, if it does not.
    pub error: Option<String>,
    /// The last query that compiled (kept while the input has an error).
    pub matcher: Option<Matcher>,
    /// Matching articles in rank order.
    pub hits: Vec<Hit>,
    /// The input the current `hits` answer, when it compiled.
    applied: Option<String>,
    cache: TermCache,
}

/// True when every article matching `new` must also match `old`, so `new`
/// can be evaluated over `old`'s hits alone: `new` is `old` with more typed at
/// the end, and nothing typed widens the result (no `|`, no `!`, and not the
/// continuation of an exact `'word`, which is not monotonic).
fn narrows(old: &str, new: &str) -> bool {
    if old.trim().is_empty() || !new.starts_with(old) || new.len() == old.len() {
        return false;
    }
    if new.contains(['|', '!']) {
        return false;
    }
    let last_term_start = old.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let extends_last = !new[old.len()..].starts_with(char::is_whitespace);
    !(extends_last && old[last_term_start..].starts_with('\''))
}

impl FilterState {
    /// Applies an edit to the input line.
    pub fn edit(&mut self, edit: InputEdit) {
        let byte = |s: &str, c: usize| s.char_indices().nth(c).map_or(s.len(), |(i, _)| i);
        let len = self.input.chars().count();
        match edit {
            InputEdit::Insert(c) => {
                let at = byte(&self.input, self.cursor);
                self.input.insert(at, c);
                self.cursor += 1;
            }
            InputEdit::Backspace if self.cursor > 0 => {
                let at = byte(&self.input, self.cursor - 1);
                self.input.remove(at);
                self.cursor -= 1;
            }
            InputEdit::Delete if self.cursor < len => {
                let at = byte(&self.input, self.cursor);
                self.input.remove(at);
            }
            InputEdit::Left => self.cursor = self.cursor.saturating_sub(1),
            InputEdit::Right => self.cursor = (self.cursor + 1).min(len),
            InputEdit::Home => self.cursor = 0,
            InputEdit::End => self.cursor = len,
            InputEdit::DeleteWord => {
                let chars: Vec<char> = self.input.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                let (a, b) = (byte(&self.input, start), byte(&self.input, self.cursor));
                self.input.replace_range(a..b, "");
                self.cursor = start;
            }
            InputEdit::Clear => {
                self.input.clear();
                self.cursor = 0;
            }
            InputEdit::Backspace | InputEdit::Delete => {}
        }
    }

    /// Re-evaluates the input against `index`. On a parse or compile error
    /// the previous results stay and `error` says why.
    pub fn apply(&mut self, index: &Index) {
        let parsed = query::parse_lenient(&self.input).map_err(|e| e.to_string());
        match parsed.and_then(|q| Matcher::new(&q, index).map_err(|e| e.message)) {
            Ok(m) => {
                let narrowing = self
                    .applied
                    .as_deref()
                    .is_some_and(|old| narrows(old, &self.input));
                self.hits = if narrowing {
                    let mut ids: Vec<u32> = self.hits.iter().map(|h| h.id).collect();
                    ids.sort_unstable();
                    m.eval_within(index, &ids)
                } else {
                    m.eval(index, &mut self.cache)
                };
                self.applied = Some(self.input.clone());
                self.matcher = (!m.is_empty()).then_some(m);
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

    /// Re-evaluates the same input after articles were appended: cached body
    /// terms scan only the new articles.
    pub fn reapply(&mut self, index: &Index) {
        self.applied = None;
        if self.input.trim().is_empty() {
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
        assert!(narrows("\"rock sol", "\"rock solid\""));
        assert!(narrows("'sol", "'sol wang"));
        assert!(!narrows("'sol", "'solid"));
        assert!(!narrows("wang", "wang | lavrov"));
        assert!(!narrows("wang", "wang !tass"));
        assert!(!narrows("wang", "wan"));
        assert!(!narrows("", "w"));
        assert!(!narrows("wang", "wang"));
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
