//! State that lasts, in the app: read or unread, stars, tags and notes on
//! articles, and the query line's history and saved queries, kept in the
//! state store ([`crate::state::Store`]).
//!
//! The store is opened once at start ([`App::open_store`]); a store that
//! cannot be opened is reported (status bar and the issues list) and the app
//! runs on without it. Each change is one small SQLite transaction on the UI
//! thread (well under a millisecond in WAL mode; see the README). Each
//! article's state is kept per article id in an [`ArticleStates`] shared
//! with the filter, so `tag:`, `is:` and `has:` terms see it.
//!
//! Text is typed into a [`Prompt`] drawn over the status bar: the tags of
//! an article, its note, a name for a saved query, and the history search
//! (Ctrl-R in the query line).

use std::path::Path;
use std::sync::Arc;

use super::{Action, App, Focus, InputEdit};
use crate::state::{ArticleState, ArticleStates, ContentHash, Store};
use crate::store::{ArticleId, Issue, IssueKind};

/// How long a change waits for another process writing to the store
/// before it is given up (and reported).
const STORE_WAIT: std::time::Duration = std::time::Duration::from_millis(200);

/// Queries of the history kept in memory for Up/Down and Ctrl-R.
const HISTORY_SHOWN: usize = 500;

/// The state store as the app uses it.
#[derive(Debug, Default)]
pub struct Annotations {
    pub(super) store: Option<Store>,
    /// Each article's content hash, by id, once worked out.
    pub(super) hashes: Vec<Option<ContentHash>>,
    /// Each article's state, shared with the filter's matcher.
    pub states: Arc<ArticleStates>,
    /// The query history, newest first, each query once.
    pub history: Vec<String>,
    /// Where Up/Down is in the history (None: at the line as typed), and
    /// the line as typed before walking.
    pub(super) history_pos: Option<usize>,
    pub(super) draft: String,
    /// The saved queries (name, query), by name.
    pub saved: Vec<(String, String)>,
    /// The article last marked read as the reader showed it (U marks it
    /// unread again while it stays there).
    pub(super) seen: Option<ArticleId>,
}

impl Annotations {
    /// Whether there is a store to keep things in.
    pub fn is_open(&self) -> bool {
        self.store.is_some()
    }

    /// One article's state (the default when nothing is stored).
    pub fn get(&self, id: ArticleId) -> ArticleState {
        self.states.get(id).cloned().unwrap_or_default()
    }

    /// Whether the article has a star, tags or a note (the reader shows
    /// them on a line of their own).
    pub fn has_marks(&self, id: ArticleId) -> bool {
        self.states
            .get(id)
            .is_some_and(|s| s.starred || !s.tags.is_empty() || s.note.is_some())
    }

    /// The query `pos` steps back in the history (0: the newest).
    fn history_at(&self, pos: usize) -> Option<&str> {
        self.history.get(pos).map(String::as_str)
    }
}

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// An article's tags, as a space-separated list (edited in place).
    Tags { article: ArticleId, before: Vec<String> },
    /// An article's note (empty: none).
    Note { article: ArticleId, before: String },
    /// A name to save the query under.
    SaveQuery { query: String },
    /// Searching the query history (Ctrl-R): the `skip`-th match of the
    /// text is shown in the query line; `original` comes back on Esc.
    Search {
        original: String,
        skip: usize,
        found: bool,
    },
}

/// A line of text being typed, over the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// Cursor position in `text`, in chars.
    pub cursor: usize,
    /// Why the text cannot be used, if it cannot.
    pub error: Option<String>,
}

impl Prompt {
    fn new(kind: PromptKind, text: String) -> Prompt {
        Prompt {
            kind,
            cursor: text.chars().count(),
            text,
            error: None,
        }
    }

    /// What the prompt says before the text.
    pub fn label(&self) -> String {
        match &self.kind {
            PromptKind::Tags { .. } => "tags: ".into(),
            PromptKind::Note { .. } => "note: ".into(),
            PromptKind::SaveQuery { .. } => "save query as: ".into(),
            PromptKind::Search { found: true, .. } => "history search: ".into(),
            PromptKind::Search { found: false, .. } => "history search (no match): ".into(),
        }
    }

    /// Applies an edit to the text (the query line's editing keys).
    pub fn edit(&mut self, edit: InputEdit) {
        super::filter::edit_line(&mut self.text, &mut self.cursor, edit);
        self.error = None;
    }
}

/// The tags a tags prompt's text names, each once (any case), in order.
pub fn parse_tags(text: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for t in text.split_whitespace() {
        crate::state::check_tag(t)?;
        if !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t.to_string());
        }
    }
    Ok(out)
}

/// What changes from the tags `before` to the tags `after`: (added, removed),
/// compared without case.
pub fn tag_changes(before: &[String], after: &[String]) -> (Vec<String>, Vec<String>) {
    let has = |list: &[String], t: &str| list.iter().any(|x| x.to_lowercase() == t.to_lowercase());
    let added = after.iter().filter(|t| !has(before, t)).cloned().collect();
    let removed = before.iter().filter(|t| !has(after, t)).cloned().collect();
    (added, removed)
}

/// The tags prompt's text with its last word completed from `known` (the
/// first known tag, in the order given, that starts with it and is not in
/// the list yet), or None when nothing completes it.
pub fn complete_tag(text: &str, known: &[String]) -> Option<String> {
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let (head, word) = text.split_at(start);
    let lower = word.to_lowercase();
    let listed: Vec<String> = head.split_whitespace().map(str::to_lowercase).collect();
    let tag = known.iter().find(|t| {
        let l = t.to_lowercase();
        l.starts_with(&lower) && l != lower && !listed.contains(&l)
    })?;
    Some(format!("{head}{tag} "))
}

/// The `skip`-th entry of `history` (newest first) containing `needle`
/// (any case), if there is one.
pub fn search_history<'a>(history: &'a [String], needle: &str, skip: usize) -> Option<&'a str> {
    let needle = needle.to_lowercase();
    history
        .iter()
        .filter(|q| q.to_lowercase().contains(&needle))
        .nth(skip)
        .map(String::as_str)
}

impl App {
    /// Opens the state store in `dir` (None: no folder for it). A store that
    /// cannot be opened is reported in the status bar and the issues list;
    /// the app runs on without it.
    pub fn open_store(&mut self, dir: Option<&Path>) {
        let opened = match dir {
            Some(d) => Store::open(d),
            None => Err(crate::state::StateError::NoDir),
        };
        match opened {
            Ok(store) => {
                // a write waits a moment at most for another readout's
                // (the keys never wait long: it is the UI thread)
                let _ = store.set_busy_timeout(STORE_WAIT);
                self.annotations.store = Some(store);
                self.load_history();
                self.resolve_states();
            }
            Err(e) => {
                let path = dir.map_or_else(
                    || "state store".to_string(),
                    |d| crate::store::shown_path(&Store::file_in(d)),
                );
                let message = format!("{e}; tags, stars, notes and query history are off this time");
                self.issues.push(Issue {
                    path: crate::store::escape_controls(&path).into_owned(),
                    kind: IssueKind::Warning,
                    message: crate::store::escape_controls(&message).into_owned(),
                });
                self.message = Some(crate::store::escape_controls(&message).into_owned());
            }
        }
    }

    /// The config file's problems, listed with the load issues (`i`).
    pub fn config_problems(&mut self, config: &crate::config::Config) {
        let file = config
            .file
            .as_deref()
            .map_or_else(|| "config".to_string(), crate::store::shown_path);
        for p in &config.problems {
            let message = if p.line == 0 {
                p.message.clone()
            } else {
                p.to_string()
            };
            self.issues.push(Issue {
                path: crate::store::escape_controls(&file).into_owned(),
                kind: IssueKind::Warning,
                message: crate::store::escape_controls(&message).into_owned(),
            });
        }
    }

    fn load_history(&mut self) {
        let Some(store) = &self.annotations.store else {
            return;
        };
        self.annotations.history = store.history(HISTORY_SHOWN).unwrap_or_default();
        self.annotations.saved = store.saved_queries().unwrap_or_default();
    }

    /// Works out every article's state from the store again (at start, when
    /// loading is done, after files changed). Hashes are worked out once
    /// per article; `changed` ids have new text.
    pub(super) fn resolve_states(&mut self) {
        let Some(store) = &self.annotations.store else {
            return;
        };
        let snapshot = match store.snapshot() {
            Ok(s) => s,
            Err(e) => {
                self.message = Some(crate::store::escape_controls(&e.to_string()).into_owned());
                return;
            }
        };
        if snapshot.is_empty() {
            self.annotations.states = Arc::new(ArticleStates::default());
        } else {
            let articles = self.index.articles();
            let hashes = &mut self.annotations.hashes;
            hashes.resize(articles.len(), None);
            let keys: Vec<(ContentHash, &str)> = articles
                .iter()
                .zip(hashes.iter_mut())
                .map(|(a, h)| {
                    (
                        *h.get_or_insert_with(|| ContentHash::of(&a.body)),
                        a.path.as_str(),
                    )
                })
                .collect();
            self.annotations.states = Arc::new(snapshot.resolve_paths(&keys));
        }
        self.states_changed(true);
    }

    /// Content hashes the loader worked out, of the articles from `first` on.
    pub(super) fn keep_hashes(&mut self, first: ArticleId, hashes: Vec<Option<ContentHash>>) {
        let have = &mut self.annotations.hashes;
        let end = first as usize + hashes.len();
        if have.len() < end {
            have.resize(end, None);
        }
        for (slot, h) in have[first as usize..end].iter_mut().zip(hashes) {
            if h.is_some() {
                *slot = h;
            }
        }
    }

    /// Articles with new text (live reload): their hashes are worked out again.
    pub(super) fn forget_hashes(&mut self, ids: impl IntoIterator<Item = ArticleId>) {
        for id in ids {
            if let Some(h) = self.annotations.hashes.get_mut(id as usize) {
                *h = None;
            }
        }
    }

    /// The filter sees the states as they are now; with `refilter`, a
    /// query naming them is evaluated again.
    fn states_changed(&mut self, refilter: bool) {
        self.filter.states = Some(self.annotations.states.clone());
        let names_states = self.filter.matcher.as_ref().is_some_and(|m| m.has_state_terms());
        if refilter && names_states {
            self.filter.invalidate();
            self.articles_changed();
        }
    }

    /// The article the keys act on: the one in the reader, else the one selected.
    fn target(&self) -> Option<ArticleId> {
        match self.focus {
            Focus::Reader => self.reader.article.or_else(|| self.kept()),
            Focus::List => self.kept(),
        }
    }

    /// The article's key in the store.
    fn key_of(&mut self, id: ArticleId) -> Option<(ContentHash, String)> {
        let a = self.index.article(id)?;
        let hashes = &mut self.annotations.hashes;
        if hashes.len() <= id as usize {
            hashes.resize(id as usize + 1, None);
        }
        let hash = *hashes[id as usize].get_or_insert_with(|| ContentHash::of(&a.body));
        Some((hash, crate::state::path_hint(&a.path)))
    }

    /// Changes one article's state in the store with `write`, then in the
    /// app (`after` is its state after, unless the write gives it). False,
    /// with a message, when there is no store or the write failed.
    fn change(
        &mut self,
        id: ArticleId,
        refilter: bool,
        write: impl FnOnce(
            &mut Store,
            ContentHash,
            &str,
        ) -> Result<Option<ArticleState>, crate::state::StateError>,
        after: ArticleState,
    ) -> bool {
        let Some((hash, path)) = self.key_of(id) else {
            return false;
        };
        let Some(store) = self.annotations.store.as_mut() else {
            self.message = Some("no state store this time (see i): nothing is kept".into());
            return false;
        };
        match write(store, hash, &path) {
            Ok(state) => {
                Arc::make_mut(&mut self.annotations.states).set(id, state.unwrap_or(after));
                self.states_changed(refilter);
                true
            }
            Err(e) => {
                self.message = Some(format!(
                    "not saved: {}",
                    crate::store::escape_controls(&e.to_string())
                ));
                false
            }
        }
    }

    /// An article shown in the reading pane is read (once each time it is
    /// shown; no re-filtering, so an `is:unread` list does not change under
    /// the reader).
    pub(super) fn mark_read_if_reading(&mut self) {
        let shown = (self.focus == Focus::Reader)
            .then_some(self.reader.article)
            .flatten();
        if shown == self.annotations.seen || !self.annotations.is_open() {
            return;
        }
        self.annotations.seen = shown;
        let Some(id) = shown else { return };
        let mut state = self.annotations.get(id);
        if state.read {
            return;
        }
        state.read = true;
        self.change(id, false, |s, h, p| s.set_read(h, p, true).map(|()| None), state);
    }

    /// The state keys of the article list and reader: star, read, tags,
    /// note, the tags pane.
    pub(super) fn update_annotations(&mut self, action: Action) {
        if action == Action::Tags {
            let pane = super::TagsState::new(&self.annotations, self.index.len());
            self.push(super::Screen::Tags(pane));
            return;
        }
        let Some(id) = self.target() else {
            self.message = Some("no article selected".into());
            return;
        };
        let mut state = self.annotations.get(id);
        match action {
            Action::ToggleStar => {
                state.starred = !state.starred;
                let on = state.starred;
                if self.change(id, true, |s, h, p| s.set_starred(h, p, on).map(|()| None), state) {
                    self.message = Some(if on { "starred" } else { "star removed" }.into());
                }
            }
            Action::ToggleRead => {
                state.read = !state.read;
                let on = state.read;
                if self.change(id, true, |s, h, p| s.set_read(h, p, on).map(|()| None), state) {
                    self.message = Some(if on { "marked read" } else { "marked unread" }.into());
                }
            }
            Action::EditTags if self.store_or_say() => {
                let mut text = state.tags.join(" ");
                if !text.is_empty() {
                    text.push(' ');
                }
                self.prompt = Some(Prompt::new(
                    PromptKind::Tags {
                        article: id,
                        before: state.tags,
                    },
                    text,
                ));
            }
            Action::EditNote if self.store_or_say() => {
                let before = state.note.unwrap_or_default();
                // one line: line breaks show as spaces (kept unless edited)
                let text = before.replace(['\n', '\r'], " ");
                self.prompt = Some(Prompt::new(PromptKind::Note { article: id, before }, text));
            }
            _ => {}
        }
    }

    /// True when there is a store; else says there is none.
    fn store_or_say(&mut self) -> bool {
        if !self.annotations.is_open() {
            self.message = Some("no state store this time (see i): nothing is kept".into());
        }
        self.annotations.is_open()
    }

    /// Keys the workbench takes before the screens: the open prompt takes
    /// them all (but quitting, redrawing, resizing); in the query line,
    /// history and saving keys, and an edit leaves the history. Returns true
    /// when the action was taken.
    pub(super) fn update_workbench_first(&mut self, action: Action) -> bool {
        if self.prompt.is_some() {
            return self.update_prompt(action);
        }
        if !self.input_open || !matches!(self.screen(), super::Screen::Main) {
            return false;
        }
        match action {
            Action::Input(_) => {
                self.annotations.history_pos = None;
                false
            }
            Action::ConfirmInput => {
                self.record_query();
                self.annotations.history_pos = None;
                false
            }
            Action::HistoryPrev | Action::HistoryNext => {
                self.walk_history(action == Action::HistoryPrev);
                true
            }
            Action::HistorySearch => {
                let original = self.filter.input.clone();
                self.prompt = Some(Prompt::new(
                    PromptKind::Search {
                        original,
                        skip: 0,
                        found: true,
                    },
                    String::new(),
                ));
                true
            }
            Action::SaveQuery => {
                let query = self.filter.input.trim().to_string();
                if query.is_empty() {
                    self.message = Some("type a query first, then save it".into());
                } else if self.store_or_say() {
                    self.prompt = Some(Prompt::new(PromptKind::SaveQuery { query }, String::new()));
                }
                true
            }
            _ => false,
        }
    }

    /// Adds the query line's text to the history (in the store and here).
    pub(super) fn record_query(&mut self) {
        let query = self.filter.input.trim().to_string();
        if query.is_empty() || self.filter.error.is_some() {
            return;
        }
        let Some(store) = self.annotations.store.as_mut() else {
            return;
        };
        if let Err(e) = store.record_query(&query) {
            self.message = Some(format!(
                "query not kept in the history: {}",
                crate::store::escape_controls(&e.to_string())
            ));
            return;
        }
        let h = &mut self.annotations.history;
        h.retain(|q| *q != query);
        h.insert(0, query);
        h.truncate(HISTORY_SHOWN);
    }

    /// Up (older) or Down (newer) in the history; below the newest, the
    /// line as it was typed.
    fn walk_history(&mut self, older: bool) {
        let a = &mut self.annotations;
        if a.history.is_empty() {
            self.message = Some(
                if a.is_open() {
                    "no query history yet (Enter keeps a query in it)"
                } else {
                    "no query history: no state store this time (see i)"
                }
                .into(),
            );
            return;
        }
        let next = match (a.history_pos, older) {
            (None, true) => {
                a.draft = self.filter.input.clone();
                Some(0)
            }
            (None, false) => return,
            (Some(p), true) => Some((p + 1).min(a.history.len() - 1)),
            (Some(0), false) => None,
            (Some(p), false) => Some(p - 1),
        };
        a.history_pos = next;
        let text = match next {
            Some(p) => a.history_at(p).unwrap_or("").to_string(),
            None => std::mem::take(&mut a.draft),
        };
        self.replace_filter_text(&text);
    }

    /// The query line's text replaced (evaluated before the next frame).
    fn replace_filter_text(&mut self, text: &str) {
        self.filter.edit(InputEdit::Clear);
        self.filter.insert_text(text);
        self.filter_pending = true;
    }

    /// A key while a prompt is open.
    fn update_prompt(&mut self, action: Action) -> bool {
        let Some(mut prompt) = self.prompt.take() else {
            return false;
        };
        match action {
            Action::Quit | Action::Redraw | Action::Resize(..) => {
                self.prompt = Some(prompt);
                return false;
            }
            Action::Input(edit) => {
                prompt.edit(edit);
                if let PromptKind::Search { skip, .. } = &mut prompt.kind {
                    *skip = 0;
                }
            }
            Action::Complete => {
                if matches!(prompt.kind, PromptKind::Tags { .. }) {
                    let known: Vec<String> = self
                        .annotations
                        .states
                        .tag_counts()
                        .into_iter()
                        .map(|(t, _)| t)
                        .collect();
                    match complete_tag(&prompt.text, &known) {
                        Some(t) => {
                            prompt.cursor = t.chars().count();
                            prompt.text = t;
                        }
                        None => prompt.error = Some("no tag to complete".into()),
                    }
                }
            }
            Action::HistorySearch => {
                if let PromptKind::Search { skip, .. } = &mut prompt.kind {
                    *skip += 1;
                }
            }
            Action::CancelInput | Action::Back => {
                if let PromptKind::Search { original, .. } = &prompt.kind {
                    let original = original.clone();
                    self.replace_filter_text(&original);
                }
                return true;
            }
            Action::ConfirmInput => {
                if let Some(p) = self.confirm_prompt(prompt) {
                    self.prompt = Some(p);
                }
                return true;
            }
            _ => {}
        }
        if let PromptKind::Search { skip, found, .. } = &mut prompt.kind {
            // the match shown in the query line; past the oldest, the last one stays
            let history = &self.annotations.history;
            let mut hit = search_history(history, &prompt.text, *skip);
            if hit.is_none() && *skip > 0 {
                *skip -= 1;
                hit = search_history(history, &prompt.text, *skip);
            }
            *found = hit.is_some();
            if let Some(q) = hit.map(str::to_string) {
                self.replace_filter_text(&q);
            }
        }
        self.prompt = Some(prompt);
        true
    }

    /// Enter in a prompt: does what it asked. Returns the prompt to keep
    /// open (with an error) when its text cannot be used.
    fn confirm_prompt(&mut self, mut prompt: Prompt) -> Option<Prompt> {
        match prompt.kind.clone() {
            PromptKind::Search { .. } => {}
            PromptKind::Tags { article, before } => {
                let after = match parse_tags(&prompt.text) {
                    Ok(t) => t,
                    Err(e) => {
                        prompt.error = Some(e);
                        return Some(prompt);
                    }
                };
                let (added, removed) = tag_changes(&before, &after);
                if added.is_empty() && removed.is_empty() {
                    return None;
                }
                let mut state = self.annotations.get(article);
                state.tags = after;
                state.tags.sort_by_key(|t| t.to_lowercase());
                let done = self.change(
                    article,
                    true,
                    |s, h, p| {
                        if !removed.is_empty() {
                            s.remove_tags(h, p, &removed)?;
                        }
                        if added.is_empty() {
                            Ok(None)
                        } else {
                            s.add_tags(h, p, &added).map(Some)
                        }
                    },
                    state,
                );
                if done {
                    let mut parts = Vec::new();
                    if !added.is_empty() {
                        parts.push(format!("tagged {}", added.join(" ")));
                    }
                    if !removed.is_empty() {
                        parts.push(format!("untagged {}", removed.join(" ")));
                    }
                    self.message = Some(crate::store::escape_controls(&parts.join("; ")).into_owned());
                }
            }
            PromptKind::Note { article, before } => {
                if prompt.text == before.replace(['\n', '\r'], " ") {
                    return None;
                }
                let text = prompt.text.trim().to_string();
                let mut state = self.annotations.get(article);
                state.note = (!text.is_empty()).then(|| text.clone());
                let note = state.note.clone();
                if self.change(
                    article,
                    true,
                    |s, h, p| s.set_note(h, p, note.as_deref()).map(Some),
                    state,
                ) {
                    self.message = Some(
                        if text.is_empty() {
                            "note removed"
                        } else {
                            "note kept"
                        }
                        .into(),
                    );
                }
            }
            PromptKind::SaveQuery { query } => {
                let name = prompt.text.trim().to_string();
                if name.is_empty() {
                    prompt.error = Some("a saved query needs a name".into());
                    return Some(prompt);
                }
                let store = self.annotations.store.as_mut()?;
                match store.save_query(&name, &query) {
                    Ok(()) => {
                        let saved = &mut self.annotations.saved;
                        saved.retain(|(n, _)| *n != name);
                        saved.push((name.clone(), query));
                        saved.sort();
                        self.message = Some(format!(
                            "query saved as '{}' (# lists saved queries)",
                            crate::store::escape_controls(&name)
                        ));
                    }
                    Err(e) => {
                        prompt.error = Some(crate::store::escape_controls(&e.to_string()).into_owned());
                        return Some(prompt);
                    }
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn tags_are_words_each_once() {
        assert_eq!(
            parse_tags(" ukraine  wire Ukraine "),
            Ok(strings(&["ukraine", "wire"]))
        );
        assert_eq!(parse_tags(""), Ok(vec![]));
        assert!(parse_tags("ok !neg").is_err());
        assert!(parse_tags("a|b").is_err());
    }

    #[test]
    fn tag_changes_ignore_case() {
        let (a, r) = tag_changes(&strings(&["Wire", "old"]), &strings(&["wire", "new"]));
        assert_eq!(a, strings(&["new"]));
        assert_eq!(r, strings(&["old"]));
    }

    #[test]
    fn completion_takes_the_first_known_tag_not_listed() {
        let known = strings(&["ukraine", "uk", "wire"]);
        assert_eq!(complete_tag("u", &known).as_deref(), Some("ukraine "));
        assert_eq!(complete_tag("ukraine u", &known).as_deref(), Some("ukraine uk "));
        assert_eq!(complete_tag("wire W", &known), None);
        assert_eq!(complete_tag("z", &known), None);
        assert_eq!(complete_tag("", &known).as_deref(), Some("ukraine "));
        // non-ASCII words complete on char boundaries
        assert_eq!(complete_tag("yé", &strings(&["yéti"])).as_deref(), Some("yéti "));
    }

    #[test]
    fn history_search_counts_matches_newest_first() {
        let h = strings(&["rock solid", "tag:x", "\"Rock\" wang"]);
        assert_eq!(search_history(&h, "rock", 0), Some("rock solid"));
        assert_eq!(search_history(&h, "ROCK", 1), Some("\"Rock\" wang"));
        assert_eq!(search_history(&h, "rock", 2), None);
        assert_eq!(search_history(&h, "", 1), Some("tag:x"));
    }

    proptest::proptest! {
        /// Completing any text with any known tags never panics and keeps
        /// the words before the one completed.
        #[test]
        fn completion_keeps_the_head(text in "\\PC{0,20}", known in proptest::collection::vec("\\PC{0,6}", 0..4)) {
            if let Some(done) = complete_tag(&text, &known) {
                let head_end = text
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                proptest::prop_assert!(done.starts_with(&text[..head_end]));
                proptest::prop_assert!(done.ends_with(' '));
            }
        }
    }

    #[test]
    fn prompt_edits_like_the_query_line() {
        let mut p = Prompt::new(PromptKind::SaveQuery { query: "q".into() }, "ab".into());
        p.edit(InputEdit::Insert('é'));
        p.edit(InputEdit::Left);
        p.edit(InputEdit::Backspace);
        assert_eq!((p.text.as_str(), p.cursor), ("aé", 1));
        p.edit(InputEdit::Clear);
        assert_eq!(p.text, "");
    }
}
