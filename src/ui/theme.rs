//! Every colour and style the app uses, in one place. `NO_COLOR` (see
//! no-color.org) gives a monochrome theme that marks things with bold,
//! underline and reverse video instead.

use ratatui::style::{Color, Modifier, Style};

use crate::app::HlKind;

#[derive(Debug, Clone)]
pub struct Theme {
    pub color: bool,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub header: Style,
    pub dim: Style,
    pub selected: Style,
    pub fuzzy_match: Style,
    pub status: Style,
    pub key: Style,
    pub error: Style,
    pub query: Style,
    pub current: Style,
    pub mined: Style,
    /// Colours of the phrase families, by family id.
    pub families: Vec<Color>,
    pub passages: Vec<Color>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::colored()
    }
}

impl Theme {
    /// The theme for this environment: monochrome when `NO_COLOR` is set.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::monochrome(),
            _ => Theme::colored(),
        }
    }

    pub fn colored() -> Theme {
        Theme {
            color: true,
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            header: Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new()
                .bg(Color::Rgb(40, 50, 70))
                .add_modifier(Modifier::BOLD),
            fuzzy_match: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            status: Style::new().bg(Color::Rgb(30, 30, 40)).fg(Color::Gray),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::LightRed),
            query: Style::new().bg(Color::Yellow).fg(Color::Black),
            current: Style::new()
                .bg(Color::LightMagenta)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            mined: Style::new().add_modifier(Modifier::UNDERLINED),
            families: Vec::new(),
            passages: vec![
                Color::Rgb(60, 80, 40),
                Color::Rgb(40, 60, 90),
                Color::Rgb(90, 60, 30),
                Color::Rgb(70, 40, 80),
                Color::Rgb(30, 80, 80),
                Color::Rgb(90, 40, 50),
            ],
        }
    }

    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            color: false,
            border: plain,
            border_focused: plain.add_modifier(Modifier::BOLD),
            title: plain.add_modifier(Modifier::BOLD),
            header: plain.add_modifier(Modifier::BOLD),
            dim: plain,
            selected: plain.add_modifier(Modifier::REVERSED),
            fuzzy_match: plain.add_modifier(Modifier::UNDERLINED),
            status: plain.add_modifier(Modifier::REVERSED),
            key: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD),
            query: plain.add_modifier(Modifier::REVERSED),
            current: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            mined: plain.add_modifier(Modifier::UNDERLINED),
            families: Vec::new(),
            passages: Vec::new(),
        }
    }

    /// Sets the family colours from their names ("red", "#ff8700"); an
    /// unknown name falls back to a default colour.
    pub fn with_family_colors<S: AsRef<str>>(mut self, names: &[S]) -> Theme {
        self.families = names
            .iter()
            .map(|n| n.as_ref().parse::<Color>().unwrap_or(Color::LightBlue))
            .collect();
        self
    }

    /// The style of a phrase family's text (also used for its legend).
    pub fn family(&self, id: u16) -> Style {
        if !self.color {
            return Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        }
        let c = self
            .families
            .get(usize::from(id))
            .copied()
            .unwrap_or(Color::LightBlue);
        Style::new().fg(c).add_modifier(Modifier::BOLD)
    }

    /// The style of a shared passage (compare view).
    pub fn passage(&self, n: u16) -> Style {
        if self.passages.is_empty() {
            return Style::new().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED);
        }
        Style::new().bg(self.passages[usize::from(n) % self.passages.len()])
    }

    /// The colour of a speaker's quotes (attribution on).
    pub fn speaker(&self, id: u32) -> Style {
        const PALETTE: [Color; 6] = [
            Color::LightCyan,
            Color::LightGreen,
            Color::LightMagenta,
            Color::LightYellow,
            Color::LightBlue,
            Color::LightRed,
        ];
        if !self.color {
            return Style::new().add_modifier(Modifier::ITALIC);
        }
        Style::new().fg(PALETTE[id as usize % PALETTE.len()])
    }

    /// The style of a Markdown mark in the reader: modifiers only, so it
    /// shows without colour too and highlights keep their colours over it.
    pub fn markdown(&self, mark: crate::store::markdown::Mark) -> Style {
        use crate::store::markdown::Mark;
        let m = match mark {
            Mark::Heading(1) => Modifier::BOLD | Modifier::UNDERLINED,
            Mark::Heading(_) | Mark::Strong => Modifier::BOLD,
            Mark::Emphasis | Mark::Quote => Modifier::ITALIC,
            Mark::Strikethrough => Modifier::CROSSED_OUT,
            Mark::Link => Modifier::UNDERLINED,
            Mark::Code | Mark::CodeBlock | Mark::ListMarker => Modifier::DIM,
        };
        Style::new().add_modifier(m)
    }

    /// The style for a highlight kind.
    pub fn highlight(&self, kind: HlKind) -> Style {
        match kind {
            HlKind::Query => self.query,
            HlKind::Current => self.current,
            HlKind::Family(id) => self.family(id),
            HlKind::Mined => self.mined,
            HlKind::Passage(n) => self.passage(n),
            HlKind::Quote(s) => self.speaker(s),
        }
    }

    // --- issue 14: the outlets heat map and the timeline's lines ---

    /// A heat-map cell of bucket 0 (none) to 4 (half or more of the
    /// outlet's articles; see `app::heat_bucket`). Without colour the cell's
    /// shade character carries the bucket.
    pub fn heat(&self, bucket: u8) -> Style {
        const HEAT: [Color; 5] = [
            Color::Reset,
            Color::Rgb(40, 60, 90),
            Color::Rgb(40, 110, 140),
            Color::Rgb(200, 140, 40),
            Color::Rgb(220, 70, 50),
        ];
        if !self.color {
            return Style::new();
        }
        match bucket {
            0 => self.dim,
            b => Style::new().fg(HEAT[usize::from(b.min(4))]).bg(Color::Reset),
        }
    }

    /// A heat-map cell showing its number: the bucket's colour behind it.
    pub fn heat_number(&self, bucket: u8) -> Style {
        if !self.color || bucket == 0 {
            return self.heat(bucket);
        }
        let fg = self.heat(bucket).fg.unwrap_or(Color::Reset);
        Style::new().bg(fg).fg(Color::Black)
    }

    /// The style of the timeline's `n`th line (0: every outlet together).
    pub fn series(&self, n: usize) -> Style {
        const LINES: [Color; 6] = [
            Color::White,
            Color::LightCyan,
            Color::LightYellow,
            Color::LightGreen,
            Color::LightMagenta,
            Color::LightRed,
        ];
        if !self.color {
            return if n == 0 {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
        }
        Style::new().fg(LINES[n % LINES.len()])
    }
}
