//! Colours as a config file writes them: a name (`red`, `lightblue`,
//! `dark-gray`), `#rrggbb`, `#rgb`, or a 256-colour index (`0`–`255`).
//! Plain data: the UI turns them into terminal colours.

use std::fmt;

/// One colour of the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// The terminal's own foreground or background.
    Reset,
    /// One of the 16 named terminal colours.
    Named(Named),
    /// A 256-colour palette index.
    Indexed(u8),
    Rgb(u8, u8, u8),
}

/// The 16 terminal colours, as ratatui and most terminals name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

const NAMES: [(&str, Named); 16] = [
    ("black", Named::Black),
    ("red", Named::Red),
    ("green", Named::Green),
    ("yellow", Named::Yellow),
    ("blue", Named::Blue),
    ("magenta", Named::Magenta),
    ("cyan", Named::Cyan),
    ("gray", Named::Gray),
    ("darkgray", Named::DarkGray),
    ("lightred", Named::LightRed),
    ("lightgreen", Named::LightGreen),
    ("lightyellow", Named::LightYellow),
    ("lightblue", Named::LightBlue),
    ("lightmagenta", Named::LightMagenta),
    ("lightcyan", Named::LightCyan),
    ("white", Named::White),
];

impl Named {
    /// The canonical name ("darkgray").
    pub fn name(self) -> &'static str {
        NAMES.iter().find(|(_, n)| *n == self).map_or("white", |(s, _)| s)
    }
}

impl Colour {
    /// Parses a colour; the error says what is accepted.
    pub fn parse(text: &str) -> Result<Colour, String> {
        let t = text.trim();
        if let Some(hex) = t.strip_prefix('#') {
            return parse_hex(hex).ok_or_else(|| format!("'{text}' is not a #rrggbb or #rgb colour"));
        }
        if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
            return t
                .parse::<u8>()
                .map(Colour::Indexed)
                .map_err(|_| format!("colour index {t} is out of range (0-255)"));
        }
        // "dark-gray", "Dark Gray", "light_blue", "grey" all name the same
        let folded: String = t
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect::<String>()
            .replace("grey", "gray")
            .replace("bright", "light");
        if matches!(folded.as_str(), "reset" | "default" | "none") {
            return Ok(Colour::Reset);
        }
        NAMES
            .iter()
            .find(|(n, _)| *n == folded)
            .map(|(_, c)| Colour::Named(*c))
            .ok_or_else(|| {
                format!("unknown colour '{text}' (a name such as red or lightblue, #rrggbb, or 0-255)")
            })
    }
}

fn parse_hex(hex: &str) -> Option<Colour> {
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some(Colour::Rgb(
            byte(&hex[0..2])?,
            byte(&hex[2..4])?,
            byte(&hex[4..6])?,
        )),
        3 => {
            let d = |i: usize| byte(&hex[i..=i]).map(|v| v * 17);
            Some(Colour::Rgb(d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}

impl fmt::Display for Colour {
    /// As a config file would write it (it parses back to the same colour).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Colour::Reset => f.write_str("reset"),
            Colour::Named(n) => f.write_str(n.name()),
            Colour::Indexed(i) => write!(f, "{i}"),
            Colour::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_spelling() {
        for s in ["darkgray", "dark-gray", "Dark Gray", "dark_grey", "DARKGREY"] {
            assert_eq!(Colour::parse(s), Ok(Colour::Named(Named::DarkGray)), "{s}");
        }
        assert_eq!(Colour::parse("red"), Ok(Colour::Named(Named::Red)));
        assert_eq!(Colour::parse("bright-red"), Ok(Colour::Named(Named::LightRed)));
        assert_eq!(Colour::parse("default"), Ok(Colour::Reset));
    }

    #[test]
    fn hex_and_indexed() {
        assert_eq!(Colour::parse("#ff8700"), Ok(Colour::Rgb(255, 135, 0)));
        assert_eq!(Colour::parse("#F80"), Ok(Colour::Rgb(255, 136, 0)));
        assert_eq!(Colour::parse("208"), Ok(Colour::Indexed(208)));
    }

    #[test]
    fn bad_colours_say_why() {
        assert!(Colour::parse("#ff87").unwrap_err().contains("#rrggbb"));
        assert!(Colour::parse("#gggggg").unwrap_err().contains("#rrggbb"));
        assert!(Colour::parse("#ééé").is_err());
        assert!(Colour::parse("256").unwrap_err().contains("0-255"));
        assert!(
            Colour::parse("mauve")
                .unwrap_err()
                .contains("unknown colour 'mauve'")
        );
        assert!(Colour::parse("").is_err());
    }

    #[test]
    fn display_parses_back() {
        for c in [
            Colour::Reset,
            Colour::Named(Named::LightMagenta),
            Colour::Indexed(7),
            Colour::Rgb(1, 2, 255),
        ] {
            assert_eq!(Colour::parse(&c.to_string()), Ok(c));
        }
        for (name, n) in NAMES {
            assert_eq!(n.name(), name);
        }
    }
}
