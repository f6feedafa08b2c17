//! Helpers shared by the integration tests: drive the app through the real
//! key → action → update path and draw it on a TestBackend.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use readout::app::App;
use readout::index::Index;
use readout::store::{Corpus, bundled_articles};
use readout::ui::{self, Theme};

pub struct Harness {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
    pub theme: Theme,
}

impl Harness {
    /// The bundled articles, analysed as the app analyses them.
    pub fn bundled(w: u16, h: u16) -> Harness {
        let articles = bundled_articles();
        let facts = readout::facts::Analyzer::new().facts_all(&articles);
        let mut index = Index::with_facts(Corpus::new(articles), facts);
        index.mine_phrases(&Default::default());
        Harness::with_index(index, w, h)
    }

    pub fn with_index(index: Index, w: u16, h: u16) -> Harness {
        let app = App::new(index, Vec::new(), (w, h));
        Harness {
            app,
            terminal: Terminal::new(TestBackend::new(w, h)).unwrap(),
            theme: Theme::monochrome(),
        }
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.key_mod(code, KeyModifiers::NONE)
    }

    pub fn key_mod(&mut self, code: KeyCode, mods: KeyModifiers) -> &mut Self {
        self.app.handle_event(&Event::Key(KeyEvent::new(code, mods)));
        self
    }

    /// Types each char as a key press.
    pub fn type_str(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    pub fn event(&mut self, ev: Event) -> &mut Self {
        self.app.handle_event(&ev);
        self
    }

    pub fn resize(&mut self, w: u16, h: u16) -> &mut Self {
        self.terminal.backend_mut().resize(w, h);
        self.event(Event::Resize(w, h))
    }

    /// Draws and returns the screen as text, one line per row.
    /// Work done between frames (sliced searches) is finished first, as the
    /// real loop does before the screen settles.
    pub fn screen(&mut self) -> String {
        while self.app.busy() {
            self.app.tick(std::time::Duration::from_millis(8));
        }
        self.drawn()
    }

    /// Draws the screen as it is now, with any work between frames unfinished.
    pub fn drawn(&mut self) -> String {
        let (app, theme) = (&self.app, &self.theme);
        self.terminal.draw(|f| ui::draw(f, app, theme)).unwrap();
        let buf = self.terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut line = String::new();
            for x in 0..buf.area.width {
                line.push_str(buf[(x, y)].symbol());
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

// ---- shared corpora (the story fixture, two outlets)

/// The articles of fixture folders, sorted by file name, analysed as the
/// app analyses them.
pub fn fixture_index(dirs: &[&str]) -> Index {
    let mut articles: Vec<(String, readout::store::Article)> = Vec::new();
    for dir in dirs {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for e in std::fs::read_dir(root).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                let text = std::fs::read_to_string(&p).unwrap();
                articles.push((
                    name.clone(),
                    readout::store::Article::from_text(name, &text, false),
                ));
            }
        }
    }
    articles.sort_by(|a, b| a.0.cmp(&b.0));
    let articles: Vec<readout::store::Article> = articles
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut a))| {
            a.id = i as u32;
            a
        })
        .collect();
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    Index::with_facts(Corpus::new(articles), facts)
}

/// Twenty articles with front matter, as (file name, text): eight from
/// Xinhua that speak of hegemony, twelve from Reuters that speak of markets.
pub fn two_outlets_files() -> Vec<(String, String)> {
    (0..20)
        .map(|i| {
            let (source, body) = if i < 8 {
                (
                    "Xinhua",
                    "Officials rejected hegemony and spoke of a multipolar world order. The hegemony of one power must end.",
                )
            } else {
                (
                    "Reuters",
                    "Markets rose as investors weighed the talks. Traders said markets were calm after the meeting.",
                )
            };
            let text = format!(
                "---\ntitle: Report {i}\nsource: {source}\ndate: 2023-{:02}-10\n---\n{body} Story number {i} ends here.\n",
                i % 12 + 1
            );
            (format!("a{i}.md"), text)
        })
        .collect()
}

/// Files as (name, text) read, analysed and mined as the app does.
pub fn index_of(files: &[(String, String)]) -> Index {
    let articles: Vec<readout::store::Article> = files
        .iter()
        .map(|(name, text)| readout::store::Article::from_text(name.clone(), text, false))
        .collect();
    let facts = readout::facts::Analyzer::new().facts_all(&articles);
    let mut index = Index::with_facts(Corpus::new(articles), facts);
    index.mine_phrases(&Default::default());
    index
}

/// The twenty articles of [`two_outlets_files`].
pub fn two_outlets() -> Index {
    index_of(&two_outlets_files())
}
