//! Every colour and style the app uses, in one place. `NO_COLOR` (see
//! no-color.org) gives a monochrome theme that marks things with bold,
//! underline and reverse video instead.

use ratatui::style::{Color, Modifier, Style};

use crate::app::HlKind;

/// A config colour as the terminal's.
pub fn color(c: crate::config::Colour) -> Color {
    use crate::config::{Colour, Named};
    match c {
        Colour::Reset => Color::Reset,
        Colour::Indexed(i) => Color::Indexed(i),
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
        Colour::Named(n) => match n {
            Named::Black => Color::Black,
            Named::Red => Color::Red,
            Named::Green => Color::Green,
            Named::Yellow => Color::Yellow,
            Named::Blue => Color::Blue,
            Named::Magenta => Color::Magenta,
            Named::Cyan => Color::Cyan,
            Named::Gray => Color::Gray,
            Named::DarkGray => Color::DarkGray,
            Named::LightRed => Color::LightRed,
            Named::LightGreen => Color::LightGreen,
            Named::LightYellow => Color::LightYellow,
            Named::LightBlue => Color::LightBlue,
            Named::LightMagenta => Color::LightMagenta,
            Named::LightCyan => Color::LightCyan,
            Named::White => Color::White,
        },
    }
}

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
    /// Compare view (issue 15): a sentence the other side says in other
    /// words, and the words that differ inside a shared passage.
    pub reworded: Style,
    pub diff: Style,
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

    /// The theme a config asks for: monochrome with `NO_COLOR` (or
    /// `no-color = true`), else the bundled dark theme with the named
    /// theme's colours and the user's `[colors]` set over its roles.
    pub fn from_config(config: &crate::config::Config) -> Theme {
        if config.no_color {
            return Theme::monochrome();
        }
        let mut theme = Theme::colored();
        if config.theme == crate::config::ThemeName::Light {
            // pale backgrounds, so dark text stays readable on them
            theme.passages = vec![
                Color::Rgb(214, 234, 200),
                Color::Rgb(204, 222, 244),
                Color::Rgb(246, 222, 196),
                Color::Rgb(230, 212, 240),
                Color::Rgb(200, 236, 236),
                Color::Rgb(244, 208, 214),
            ];
        }
        for (role, spec) in config.palette() {
            if let Some(style) = theme.role_mut(&role) {
                if let Some(fg) = spec.fg {
                    *style = style.fg(color(fg));
                }
                if let Some(bg) = spec.bg {
                    *style = style.bg(color(bg));
                }
            }
        }
        theme
    }

    /// The style of a role by its config name ([`crate::config::ROLES`]).
    fn role_mut(&mut self, role: &str) -> Option<&mut Style> {
        Some(match role {
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "title" => &mut self.title,
            "header" => &mut self.header,
            "dim" => &mut self.dim,
            "selected" => &mut self.selected,
            "fuzzy_match" => &mut self.fuzzy_match,
            "status" => &mut self.status,
            "key" => &mut self.key,
            "error" => &mut self.error,
            "query" => &mut self.query,
            "current" => &mut self.current,
            "mined" => &mut self.mined,
            _ => return None,
        })
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
            reworded: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::UNDERLINED),
            diff: Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD),
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
            reworded: plain.add_modifier(Modifier::UNDERLINED),
            diff: plain.add_modifier(Modifier::BOLD),
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
            HlKind::Reworded(_) => self.reworded,
            HlKind::Diff => self.diff,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn every_config_role_is_a_theme_role() {
        let mut t = Theme::colored();
        for role in crate::config::ROLES {
            assert!(t.role_mut(role).is_some(), "{role}");
        }
        assert!(t.role_mut("bogus").is_none());
    }

    #[test]
    fn the_light_theme_and_user_colours_reach_the_styles() {
        let mut c = Config::from_toml("theme = \"light\"\n[colors]\nkey = \"red\"\n");
        c.no_color = false;
        let t = Theme::from_config(&c);
        assert!(t.color);
        assert_eq!(t.selected.bg, Some(Color::Rgb(0xd0, 0xdc, 0xec)));
        assert_eq!(t.key.fg, Some(Color::Red));
        // the modifiers of a role stay
        assert!(t.key.add_modifier.contains(Modifier::BOLD));
        let dark = Theme::from_config(&Config {
            no_color: false,
            ..Config::default()
        });
        assert_eq!(dark.selected, Theme::colored().selected);
    }

    #[test]
    fn no_color_wins() {
        let mut c = Config::from_toml("theme = \"light\"\n[colors]\nkey = \"red\"\n");
        c.no_color = true;
        let t = Theme::from_config(&c);
        assert!(!t.color);
        assert_eq!(t.key.fg, None);
        assert_eq!(t.selected.bg, None);
    }
}
