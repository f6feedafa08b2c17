//! Taking things out of the app (issue 17): exporting what a screen shows
//! to a file (the prompt asking for the format and the name, and whether
//! to overwrite), copying the selection to the clipboard (OSC 52), and
//! handing an article to `$PAGER`, `$EDITOR` or a browser.
//!
//! Every screen answers for what it shows through [`Pane`](super::Pane)'s
//! `export`, `copy_text` and `selected_article` (the main list and reader
//! through the same methods on [`App`]); this file does the rest. The
//! terminal work (writing the copy's escape sequence, handing the terminal
//! over) is asked for as an [`Effect::Handoff`](super::Effect) and done by
//! the event loop ([`crate::tui`]).

use std::path::{Path, PathBuf};

use super::{Action, App, Context, Focus, InputEdit, Keys};
use super::{Env, one_line};
use crate::export::{
    ArticleRecord, ExportError, ExportFormat, ExportTable, KeynessRow, KwicRecord, OutletCell, PassageRecord,
    PhraseRecord, QuoteRecord, SpeakerRecord, StoryArticle, StoryArticleRow, StoryRecord, TagRecord,
    TimelineCell,
};
use crate::handoff::{self, Launch, Multiplexer};
use crate::store::{Article, ArticleId, escape_controls};

/// OSC 52 copies larger than this are refused by some terminals (many cap
/// the sequence at about 100 KB): the status bar says so.
pub const COPY_WARN_BYTES: usize = 100_000;

/// The export prompt, shown in the status bar's place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPrompt {
    /// What is exported, for the prompt: "42 quotes".
    pub what: String,
    /// The name offered, while it is not edited: another format offers
    /// another new name (`readout-quotes.json`, `-2.json` if taken).
    pub offered: Option<(&'static str, String)>,
    pub format: ExportFormat,
    /// The file name as typed (relative names are in `dir`).
    pub name: String,
    /// The cursor in `name`, in chars.
    pub cursor: usize,
    /// The folder relative names are in (the current one when asked).
    pub dir: PathBuf,
    pub stage: Stage,
    /// Why the last try failed (shown in the prompt, which stays open).
    pub error: Option<String>,
}

/// What the prompt asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The file name (and format).
    Name,
    /// The file exists: overwrite it (y/n)?
    Overwrite(PathBuf, ExportFormat),
}

impl ExportPrompt {
    /// How the prompt reads keys: the name is typed; the question takes y/n.
    pub fn keys(&self) -> Keys {
        match self.stage {
            Stage::Name => Keys::typing(&[Context::Export]),
            Stage::Overwrite(..) => Keys::typing(&[Context::Confirm]),
        }
    }

    pub fn context(&self) -> Context {
        match self.stage {
            Stage::Name => Context::Export,
            Stage::Overwrite(..) => Context::Confirm,
        }
    }

    /// The file the name means, and the format it is written in (its
    /// extension's, else the one chosen).
    pub fn target(&self) -> Result<(PathBuf, ExportFormat), String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err("type a file name".into());
        }
        let path = expand_home(name, std::env::var_os("HOME").map(PathBuf::from));
        let path = if path.is_absolute() {
            path
        } else {
            self.dir.join(path)
        };
        let format = ExportFormat::of_path(&path).unwrap_or(self.format);
        Ok((path, format))
    }

    /// The format the file will be written in: the typed name's
    /// extension's, else the one chosen with Tab (what the prompt marks).
    pub fn chosen_format(&self) -> ExportFormat {
        ExportFormat::of_path(Path::new(self.name.trim())).unwrap_or(self.format)
    }

    /// The next format after the one marked: the name offered is offered
    /// anew, a name ending in a format's extension takes the new one.
    fn next_format(&mut self) {
        self.format = self.chosen_format().next();
        if let Some((what, query)) = &self.offered {
            let path = crate::export::suggest_path(&self.dir, what, query, self.format);
            if let Some(name) = path.file_name() {
                self.name = name.to_string_lossy().into_owned();
                self.cursor = self.name.chars().count();
                return;
            }
        }
        if ExportFormat::of_path(Path::new(&self.name)).is_some()
            && let Some(dot) = self.name.rfind('.')
        {
            self.name.truncate(dot + 1);
            self.name.push_str(self.format.extension());
            self.cursor = self.name.chars().count();
        }
    }
}

/// `~/x` as `$HOME/x`.
fn expand_home(name: &str, home: Option<PathBuf>) -> PathBuf {
    match (name.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(name),
    }
}

/// An edit of a line of text with a cursor (in chars). Words end at spaces
/// and slashes (a path's folders are deleted one at a time).
pub fn edit_line(text: &mut String, cursor: &mut usize, edit: InputEdit) {
    let byte = |s: &str, c: usize| s.char_indices().nth(c).map_or(s.len(), |(i, _)| i);
    let len = text.chars().count();
    *cursor = (*cursor).min(len);
    match edit {
        InputEdit::Insert(c) if !c.is_control() => {
            text.insert(byte(text, *cursor), c);
            *cursor += 1;
        }
        InputEdit::Backspace if *cursor > 0 => {
            text.remove(byte(text, *cursor - 1));
            *cursor -= 1;
        }
        InputEdit::Delete if *cursor < len => {
            text.remove(byte(text, *cursor));
        }
        InputEdit::Left => *cursor = cursor.saturating_sub(1),
        InputEdit::Right => *cursor = (*cursor + 1).min(len),
        InputEdit::Home => *cursor = 0,
        InputEdit::End => *cursor = len,
        InputEdit::DeleteWord => {
            let chars: Vec<char> = text.chars().collect();
            let boundary = |c: char| c.is_whitespace() || c == '/';
            let mut start = *cursor;
            while start > 0 && boundary(chars[start - 1]) {
                start -= 1;
            }
            while start > 0 && !boundary(chars[start - 1]) {
                start -= 1;
            }
            let (a, b) = (byte(text, start), byte(text, *cursor));
            text.replace_range(a..b, "");
            *cursor = start;
        }
        InputEdit::Clear => {
            text.clear();
            *cursor = 0;
        }
        InputEdit::Insert(_) | InputEdit::Backspace | InputEdit::Delete => {}
    }
}

/// A size for people: "830 bytes", "1.2 KB", "3.4 MB".
pub fn human_bytes(n: usize) -> String {
    if n < 1000 {
        format!("{n} bytes")
    } else if n < 1_000_000 {
        format!("{:.1} KB", n as f64 / 1e3)
    } else {
        format!("{:.1} MB", n as f64 / 1e6)
    }
}

/// A path shown in the status bar: control characters as visible escapes.
pub fn shown_path(path: &Path) -> String {
    escape_controls(&path.display().to_string()).into_owned()
}

/// An article as text to read or paste: its title, outlet and date, URL,
/// then the body.
pub fn article_text(a: &Article) -> String {
    let body = a.body.trim();
    let title = a.meta.title.trim();
    // many bodies start with their title: it is given once
    let (head, rest) = if !title.is_empty() && body.starts_with(title) {
        body.split_once('\n')
            .map_or((body, ""), |(head, rest)| (head, rest.trim_start()))
    } else {
        (title, body)
    };
    let mut out = String::with_capacity(body.len() + 200);
    if !head.is_empty() {
        out.push_str(head);
        out.push('\n');
    }
    let by: Vec<&str> = [a.meta.source.as_deref(), a.meta.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !by.is_empty() {
        out.push_str(&by.join(" · "));
        out.push('\n');
    }
    if let Some(url) = &a.meta.url {
        out.push_str(url);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(rest);
    out.push('\n');
    out
}

/// What the event loop does for the app with the terminal or the system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handoff {
    /// Write this escape sequence to the terminal (a copy: OSC 52).
    Terminal(String),
    /// Hand the terminal to `launch`, run on a temporary file holding
    /// `text` (never the article's own file), and take it back.
    Run {
        launch: Launch,
        text: String,
        /// For the temporary file's name (readout-NAME-XXXX.txt).
        name: String,
        /// "pager" or "editor", for the status bar.
        role: &'static str,
    },
    /// Start `launch` on its own, not waiting for it (a browser).
    Spawn(Launch),
}

impl App {
    /// What the main screen shows, to export: the articles of the list as
    /// filtered, in its order.
    fn main_export(&self) -> Option<ExportTable<'_>> {
        let records: Vec<ArticleRecord> = self
            .filter
            .hits
            .iter()
            .filter_map(|h| {
                let a = self.index.article(h.id)?;
                Some(ArticleRecord::new(
                    &self.index,
                    a,
                    h.score,
                    self.article_state(h.id),
                ))
            })
            .collect();
        let query = self.filter.input.trim().to_string();
        let title = if query.is_empty() {
            "Articles".to_string()
        } else {
            format!("Articles: {query}")
        };
        Some(ExportTable::new("articles", query, title, records))
    }

    /// The user's marks on an article (tags, star, note) for exports.
    /// None until the state store reaches the app (issue 17 part A adds
    /// it: return the article's state here and the list's exports carry
    /// its tags, star and note).
    pub fn article_state(&self, _id: ArticleId) -> Option<&crate::state::ArticleState> {
        None
    }

    /// The article `y`, `Y`, the pager, the editor and the browser act on:
    /// the open one in the reader, else the one selected (a pane's: the
    /// article of its selected row).
    pub fn takeout_article(&self) -> Option<&Article> {
        let env = self.env();
        let id = match self.screen().pane() {
            Some(pane) => pane.selected_article(&env)?,
            None => match self.focus {
                Focus::Reader => self.reader.article?,
                Focus::List => self.selected_article()?.id,
            },
        };
        self.index.article(id)
    }

    /// The text `y` copies on the screen shown.
    fn copy_text(&self) -> Option<String> {
        let env = self.env();
        match self.screen().pane() {
            Some(pane) => pane.copy_text(&env),
            None => self.takeout_article().map(article_text),
        }
    }

    /// The export, copy and hand-over actions.
    pub(super) fn take_out(&mut self, action: Action) {
        match action {
            Action::Export => self.open_export(),
            Action::Copy => match self.copy_text() {
                Some(text) => self.copy(&text),
                None => self.message = Some("nothing to copy here".into()),
            },
            Action::CopyUrl => match self.takeout_article() {
                Some(a) => match a.meta.url.clone() {
                    Some(url) => {
                        self.copy(&url);
                        if self.message.as_deref().is_some_and(|m| m.starts_with("copied")) {
                            self.message = Some(format!("copied the URL {}", escape_controls(&url)));
                        }
                    }
                    None => self.message = Some("no URL is known for this article".into()),
                },
                None => self.message = Some("no article selected".into()),
            },
            Action::Pager | Action::Editor => {
                let Some(a) = self.takeout_article() else {
                    self.message = Some("no article selected".into());
                    return;
                };
                let (launch, role) = if action == Action::Pager {
                    (handoff::pager(self.handoff_env), "pager")
                } else {
                    (handoff::editor(self.handoff_env), "editor")
                };
                let handoff = Handoff::Run {
                    launch,
                    text: article_text(a),
                    name: crate::export::slug(&a.meta.title),
                    role,
                };
                self.effects.push(super::Effect::Handoff(handoff));
            }
            Action::Browse => {
                let Some(a) = self.takeout_article() else {
                    self.message = Some("no article selected".into());
                    return;
                };
                let Some(url) = a.meta.url.as_deref() else {
                    self.message = Some("no URL is known for this article".into());
                    return;
                };
                match handoff::browser(self.handoff_env, url) {
                    Some(launch) => self.effects.push(super::Effect::Handoff(Handoff::Spawn(launch))),
                    None => {
                        self.message = Some(format!(
                            "not opened: {} is not a web address",
                            escape_controls(url)
                        ))
                    }
                }
            }
            _ => {}
        }
    }

    /// Puts `text` on the clipboard (OSC 52; inside tmux, both plain, for
    /// `set-clipboard on`, and wrapped, for `allow-passthrough on`).
    fn copy(&mut self, text: &str) {
        let tmux = (self.handoff_env)("TMUX").is_some();
        let seq = handoff::osc52(text, Multiplexer::None).and_then(|plain| {
            Ok(if tmux {
                plain + &handoff::osc52(text, Multiplexer::Tmux)?
            } else {
                plain
            })
        });
        match seq {
            Ok(seq) => {
                self.effects.push(super::Effect::Handoff(Handoff::Terminal(seq)));
                let size = human_bytes(text.len());
                self.message = Some(if text.len() > COPY_WARN_BYTES {
                    format!(
                        "copied {size} (OSC 52): many terminals drop copies over about 100 KB; v or e opens the whole text"
                    )
                } else {
                    format!("copied {size}")
                });
            }
            Err(e) => self.message = Some(format!("not copied: {e}")),
        }
    }

    /// What the screen shown has to export, checked: none (with a message
    /// in the status bar) when it has nothing or is still searching.
    fn export_table(&self) -> Result<ExportTable<'_>, String> {
        let env = self.env();
        let table = match self.screen().pane() {
            Some(pane) => {
                if let Some(why) = pane.export_blocked(&env) {
                    return Err(why);
                }
                if pane.busy() {
                    return Err("still searching: export when it is done".into());
                }
                pane.export(&env)
            }
            None => {
                if self.filter.progress().is_some() || self.filter_pending {
                    return Err("still filtering: export when it is done".into());
                }
                self.main_export()
            }
        };
        match table {
            None => Err("nothing to export here".into()),
            Some(t) if t.is_empty() => Err(format!("no {} shown: nothing to export", t.noun())),
            Some(t) => Ok(t),
        }
    }

    /// The `E` key: asks for a file name (a new one offered) and format.
    fn open_export(&mut self) {
        let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let offer = self.export_table().map(|t| {
            (
                t.counted(),
                t.suggest_path(&dir, ExportFormat::Csv),
                (t.what, t.query.clone()),
            )
        });
        let (what, path, offered) = match offer {
            Ok(offer) => offer,
            Err(e) => {
                self.message = Some(e);
                return;
            }
        };
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        self.export_prompt = Some(ExportPrompt {
            what,
            offered: Some(offered),
            format: ExportFormat::Csv,
            cursor: name.chars().count(),
            name,
            dir,
            stage: Stage::Name,
            error: None,
        });
    }

    /// Keys while the export prompt is open.
    pub(super) fn update_export_prompt(&mut self, action: Action) {
        let Some(prompt) = self.export_prompt.as_mut() else {
            return;
        };
        match (&prompt.stage, action) {
            (_, Action::CancelInput) => {
                self.export_prompt = None;
                self.message = Some("export cancelled".into());
            }
            (Stage::Name, Action::Input(edit)) => {
                let before = prompt.name.clone();
                edit_line(&mut prompt.name, &mut prompt.cursor, edit);
                if prompt.name != before {
                    prompt.offered = None;
                }
                prompt.error = None;
            }
            (Stage::Name, Action::NextFormat) => {
                prompt.next_format();
                prompt.error = None;
            }
            (Stage::Name, Action::ConfirmInput) => match prompt.target() {
                Err(e) => prompt.error = Some(e),
                Ok((path, _)) if path.is_dir() => {
                    prompt.error = Some(format!("{} is a folder", shown_path(&path)));
                }
                Ok((path, format)) if path.exists() => {
                    prompt.stage = Stage::Overwrite(path, format);
                }
                Ok((path, format)) => self.write_export(&path, format, false),
            },
            (Stage::Overwrite(path, format), Action::Yes) => {
                let (path, format) = (path.clone(), *format);
                self.write_export(&path, format, true);
            }
            (Stage::Overwrite(path, _), Action::No) => {
                prompt.error = Some(format!("{} left as it was", shown_path(path)));
                prompt.stage = Stage::Name;
            }
            _ => {}
        }
    }

    /// Writes the export; the prompt closes when written and stays open
    /// with the error otherwise.
    fn write_export(&mut self, path: &Path, format: ExportFormat, overwrite: bool) {
        let result = self
            .export_table()
            .and_then(|t| {
                let bytes = t.render(format).map_err(|e| e.to_string())?;
                Ok((t.counted(), bytes))
            })
            .and_then(
                |(counted, bytes)| match crate::export::save(path, &bytes, overwrite) {
                    Ok(()) => Ok(counted),
                    Err(ExportError::Exists(_)) => Err(String::new()),
                    Err(ExportError::Io { source, .. }) => Err(match path.parent() {
                        // the folder it names, when that is what is missing
                        Some(dir)
                            if source.kind() == std::io::ErrorKind::NotFound
                                && !dir.as_os_str().is_empty()
                                && !dir.exists() =>
                        {
                            format!("no such folder: {}", shown_path(dir))
                        }
                        _ => format!("cannot write {}: {}", shown_path(path), io_reason(&source)),
                    }),
                    Err(e) => Err(e.to_string()),
                },
            );
        let Some(prompt) = self.export_prompt.as_mut() else {
            return;
        };
        match result {
            Ok(counted) => {
                let name = path
                    .file_name()
                    .unwrap_or(path.as_os_str())
                    .to_string_lossy()
                    .into_owned();
                let dir = path.parent().unwrap_or(Path::new("/"));
                self.message = Some(format!(
                    "wrote {counted} as {} to {} in {}",
                    format.label(),
                    escape_controls(&name),
                    shown_path(dir)
                ));
                self.export_prompt = None;
            }
            // created meanwhile: ask
            Err(e) if e.is_empty() => prompt.stage = Stage::Overwrite(path.to_path_buf(), format),
            Err(e) => {
                prompt.error = Some(e);
                prompt.stage = Stage::Name;
            }
        }
    }
}

/// An I/O error in words ("no such folder", not "os error 2").
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

// What each pane shows, copies and points at (its `Pane` methods call these).

/// "no limits", or "no limits (narrowed: tass)".
fn narrowed(what: &str, query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        what.to_string()
    } else {
        format!("{what} (narrowed: {query})")
    }
}

/// What narrowed a view, for its file name: what it is of, then the query.
fn name_query(of: &str, query: &str) -> String {
    format!("{of} {}", query.trim()).trim().to_string()
}

impl super::KwicState {
    pub(super) fn shown<'a>(&'a self, env: &Env<'a>) -> Option<ExportTable<'a>> {
        let index = env.index;
        let records: Vec<KwicRecord> = self
            .occ
            .window(index, &self.picker.rows)
            .into_iter()
            .flatten()
            .filter_map(|(id, range)| Some(KwicRecord::new(index.article(id)?, range, self.context)))
            .collect();
        Some(ExportTable::new(
            "kwic",
            name_query(&self.title, &self.picker.query),
            format!("Concordance: {}", narrowed(&self.title, &self.picker.query)),
            records,
        ))
    }

    pub(super) fn selection(&self, env: &Env) -> Option<ArticleId> {
        Some(self.occ.get(env.index, self.picker.current()?)?.0)
    }

    /// The line, then where it is from.
    pub(super) fn clip(&self, env: &Env) -> Option<String> {
        let (id, range) = self.occ.get(env.index, self.picker.current()?)?;
        let a = env.index.article(id)?;
        let r = KwicRecord::new(a, range, self.context);
        let line = one_line(&format!("{}{}{}", r.left, r.matched, r.right));
        Some(format!("{line} — {}", super::article_label(a)))
    }
}

impl super::QuotesState {
    pub(super) fn shown<'a>(&'a self, env: &Env<'a>) -> Option<ExportTable<'a>> {
        let index = env.index;
        let records: Vec<QuoteRecord> = self
            .picker
            .rows
            .iter()
            .filter_map(|&i| self.items.get(i))
            .filter_map(|&(id, qi)| QuoteRecord::new(index, id, qi))
            .collect();
        let speaker = index.speaker(self.speaker).map_or("", |s| s.name.as_str());
        Some(ExportTable::new(
            "quotes",
            name_query(speaker, &self.picker.query),
            format!("Quotes: {}", narrowed(speaker, &self.picker.query)),
            records,
        ))
    }

    pub(super) fn selection(&self) -> Option<ArticleId> {
        Some(self.items.get(self.picker.current()?)?.0)
    }

    /// “The quote” — speaker, outlet, date.
    pub(super) fn clip(&self, env: &Env) -> Option<String> {
        let &(id, qi) = self.items.get(self.picker.current()?)?;
        Some(QuoteRecord::new(env.index, id, qi)?.citation())
    }
}

impl super::PhrasesState {
    pub(super) fn shown<'a>(&'a self, env: &Env<'a>) -> Option<ExportTable<'a>> {
        let records: Vec<PhraseRecord> = self
            .picker
            .rows
            .iter()
            .filter_map(|&i| self.rows.get(i))
            .map(|r| PhraseRecord::new(r, env.index))
            .collect();
        Some(ExportTable::new(
            "phrases",
            name_query("", &self.picker.query),
            narrowed("Phrases", &self.picker.query),
            records,
        ))
    }

    pub(super) fn clip(&self) -> Option<String> {
        Some(self.rows.get(self.picker.current()?)?.text.clone())
    }
}

impl super::SpeakersState {
    pub(super) fn shown<'a>(&'a self, env: &Env<'a>) -> Option<ExportTable<'a>> {
        let records: Vec<SpeakerRecord> = self
            .picker
            .rows
            .iter()
            .filter_map(|&i| self.stats.get(i))
            .filter_map(|s| {
                let sp = env.index.speaker(s.id)?;
                Some(SpeakerRecord {
                    name: &sp.name,
                    kind: sp.kind,
                    role: sp.role.as_deref(),
                    quotes: s.quotes,
                    articles: s.articles.len(),
                })
            })
            .collect();
        Some(ExportTable::new(
            "speakers",
            name_query("", &self.picker.query),
            narrowed("Speakers", &self.picker.query),
            records,
        ))
    }

    pub(super) fn clip(&self, env: &Env) -> Option<String> {
        let s = self.stats.get(self.picker.current()?)?;
        Some(env.index.speaker(s.id)?.name.clone())
    }
}

impl super::CompareState {
    pub(super) fn shown<'a>(&'a self, env: &Env<'a>) -> Option<ExportTable<'a>> {
        let a = env.index.article(self.a.article?)?;
        let b = env.index.article(self.b.article?)?;
        Some(ExportTable::new(
            "compare",
            format!("{} {}", a.meta.title, b.meta.title),
            format!("Compare: {} — {}", a.meta.title, b.meta.title),
            PassageRecord::all(a, b, &self.comparison),
        ))
    }

    /// The side keys scroll (A when locked).
    pub(super) fn selection(&self) -> Option<ArticleId> {
        match self.side {
            super::Side::A => self.a.article,
            super::Side::B => self.b.article,
        }
    }

    /// The passage last jumped to (both sides' words), else the side's article.
    pub(super) fn clip(&self, env: &Env) -> Option<String> {
        let a = env.index.article(self.a.article?)?;
        let b = env.index.article(self.b.article?)?;
        match self.current.and_then(|i| self.comparison.passages.get(i)) {
            Some(p) => {
                let (ta, tb) = (a.body.get(p.a.clone())?, b.body.get(p.b.clone())?);
                Some(if ta == tb {
                    format!("{ta}\n\n— {}; {}\n", a.meta.title, b.meta.title)
                } else {
                    format!("{ta}\n— {}\n\n{tb}\n— {}\n", a.meta.title, b.meta.title)
                })
            }
            None => Some(article_text(env.index.article(self.selection()?)?)),
        }
    }
}

// the survey views, the stories and the tags pane: their tables as the
// headless commands print them (`readout outlets|keyness|timeline|stories
// --csv`), the numbers rather than the heat map's shades

/// A survey view's table once computed (none before): `rows` of `result`.
fn computed<'a, R, T: crate::export::Table + 'a>(
    what: &'static str,
    query: &str,
    title: String,
    result: Option<&'a R>,
    rows: impl FnOnce(&'a R) -> Vec<T>,
) -> Option<ExportTable<'a>> {
    Some(ExportTable::new(
        what,
        name_query("", query),
        title,
        rows(result?),
    ))
}

impl super::OutletsState {
    pub(super) fn shown(&self) -> Option<ExportTable<'_>> {
        let title = format!("Outlets: {}", self.scope.describe());
        computed(
            "outlets",
            &self.scope.query,
            title,
            self.table.as_ref(),
            OutletCell::all,
        )
    }
}

impl super::KeynessState {
    pub(super) fn shown(&self) -> Option<ExportTable<'_>> {
        let title = format!("Keyness: {} against the rest", self.scope.describe());
        computed(
            "keyness",
            &self.scope.query,
            title,
            self.result.as_ref(),
            KeynessRow::all,
        )
    }
}

impl super::TimelineState {
    pub(super) fn shown(&self) -> Option<ExportTable<'_>> {
        let title = format!("Timeline: {}", self.title);
        computed(
            "timeline",
            &self.title,
            title,
            self.timeline.as_ref(),
            TimelineCell::all,
        )
    }
}

impl super::StoriesState {
    pub(super) fn shown(&self) -> Option<ExportTable<'_>> {
        let records: Vec<StoryRecord> = self
            .picker
            .rows
            .iter()
            .filter_map(|&i| Some(StoryRecord::new(i + 1, self.rows.get(i)?)))
            .collect();
        let of = if self.filtered {
            format!("Stories of /{}", self.query.trim())
        } else {
            "Stories".to_string()
        };
        Some(ExportTable::new(
            "stories",
            name_query(self.query.trim(), &self.picker.query),
            narrowed(&of, &self.picker.query),
            records,
        ))
    }
}

impl super::StoryState {
    pub(super) fn shown<'a>(&'a self, env: &Env<'a>) -> Option<ExportTable<'a>> {
        let story = StoryRecord::new(self.number, &self.row);
        let records: Vec<StoryArticleRow> = self
            .row
            .articles
            .iter()
            .filter_map(|&id| env.index.article(id))
            .map(|a| StoryArticleRow {
                story,
                article: StoryArticle::new(a),
            })
            .collect();
        Some(ExportTable::new(
            "story",
            self.row.label.clone(),
            format!("Story {}: {}", self.number, self.row.label),
            records,
        ))
    }
}

impl super::TagsState {
    pub(super) fn shown(&self) -> Option<ExportTable<'_>> {
        use super::TagRowKind;
        let records: Vec<TagRecord> = self
            .rows
            .iter()
            .map(|r| TagRecord {
                kind: match r.kind {
                    TagRowKind::Tag => "tag",
                    TagRowKind::Mark => "mark",
                    TagRowKind::Saved => "saved",
                },
                label: &r.label,
                articles: r.count,
                query: &r.query,
            })
            .collect();
        Some(ExportTable::new("tags", "", "Tags", records))
    }
}

impl super::SimilarState {
    pub(super) fn selection(&self) -> Option<ArticleId> {
        Some(self.results.get(self.cursor.selected)?.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_editing() {
        let (mut s, mut c) = (String::from("out/a b.csv"), 11);
        edit_line(&mut s, &mut c, InputEdit::DeleteWord);
        assert_eq!((s.as_str(), c), ("out/a ", 6));
        edit_line(&mut s, &mut c, InputEdit::DeleteWord);
        assert_eq!((s.as_str(), c), ("out/", 4));
        edit_line(&mut s, &mut c, InputEdit::DeleteWord);
        assert_eq!((s.as_str(), c), ("", 0));
        for ch in "Лав.md".chars() {
            edit_line(&mut s, &mut c, InputEdit::Insert(ch));
        }
        edit_line(&mut s, &mut c, InputEdit::Home);
        edit_line(&mut s, &mut c, InputEdit::Delete);
        edit_line(&mut s, &mut c, InputEdit::End);
        edit_line(&mut s, &mut c, InputEdit::Backspace);
        assert_eq!((s.as_str(), c), ("ав.m", 4));
        // control characters are never typed into a file name
        edit_line(&mut s, &mut c, InputEdit::Insert('\u{1b}'));
        assert_eq!(s, "ав.m");
    }

    fn prompt(name: &str) -> ExportPrompt {
        ExportPrompt {
            what: "2 quotes".into(),
            offered: None,
            format: ExportFormat::Csv,
            name: name.into(),
            cursor: name.chars().count(),
            dir: PathBuf::from("/tmp/x"),
            stage: Stage::Name,
            error: None,
        }
    }

    #[test]
    fn the_name_says_where_and_the_extension_how() {
        assert_eq!(
            prompt("a.json").target(),
            Ok((PathBuf::from("/tmp/x/a.json"), ExportFormat::Json))
        );
        assert_eq!(
            prompt("/srv/a").target(),
            Ok((PathBuf::from("/srv/a"), ExportFormat::Csv))
        );
        assert_eq!(prompt("  ").target(), Err("type a file name".into()));
        assert_eq!(
            expand_home("~/a.md", Some(PathBuf::from("/home/u"))),
            PathBuf::from("/home/u/a.md")
        );
        assert_eq!(expand_home("~/a.md", None), PathBuf::from("~/a.md"));
        assert_eq!(expand_home("a~/b", Some("/h".into())), PathBuf::from("a~/b"));
    }

    #[test]
    fn tab_changes_the_format_and_the_extension() {
        let mut p = prompt("readout-kwic-no-limits.csv");
        p.next_format();
        assert_eq!(
            (p.format, p.name.as_str()),
            (ExportFormat::Json, "readout-kwic-no-limits.json")
        );
        p.next_format();
        assert_eq!(
            (p.format, p.name.as_str()),
            (ExportFormat::Markdown, "readout-kwic-no-limits.md")
        );
        p.next_format();
        assert_eq!(p.format, ExportFormat::Csv);
        // a typed extension is the format marked, and Tab goes on from it
        let mut p = prompt("y.md");
        assert_eq!(
            (p.format, p.chosen_format()),
            (ExportFormat::Csv, ExportFormat::Markdown)
        );
        p.next_format();
        assert_eq!((p.chosen_format(), p.name.as_str()), (ExportFormat::Csv, "y.csv"));
        // a name of the user's own, without a format's extension, stays
        let mut p = prompt("notes.txt");
        p.next_format();
        assert_eq!((p.format, p.name.as_str()), (ExportFormat::Json, "notes.txt"));
    }

    #[test]
    fn an_article_as_text_to_read_or_paste() {
        let mut a = Article::from_text(
            "a.txt",
            "---\ntitle: Talks\nsource: TASS\ndate: 2024-05-01\nurl: https://tass.com/1\n---\nThe ministers met.\n",
            false,
        );
        assert_eq!(
            article_text(&a),
            "Talks\nTASS · 2024-05-01\nhttps://tass.com/1\n\nThe ministers met.\n"
        );
        // a body that starts with its title has it once
        a.body = "Talks\n\nThe ministers met.".into();
        a.meta.source = None;
        a.meta.url = None;
        assert_eq!(article_text(&a), "Talks\n2024-05-01\n\nThe ministers met.\n");
    }

    #[test]
    fn sizes_and_paths_for_the_status_bar() {
        assert_eq!(human_bytes(830), "830 bytes");
        assert_eq!(human_bytes(1234), "1.2 KB");
        assert_eq!(human_bytes(3_400_000), "3.4 MB");
        assert_eq!(shown_path(Path::new("/tmp/a\u{1b}[2Jb")), "/tmp/a\\u{1b}[2Jb");
    }
}
