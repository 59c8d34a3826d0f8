//! Every style the screen uses, from one theme. Three themes: `color` (the 16 ANSI colours, which
//! every terminal has and the user's palette controls), `mono` (no colour at all: bold, reverse
//! and underline only — for `NO_COLOR`, and because crossterm turns any colour into a full reset
//! under `NO_COLOR`, which would also wipe reverse and bold), and `auto` (mono when `NO_COLOR` is set).

use ratatui::style::{Color, Modifier, Style};

/// Which theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    /// `mono` when `NO_COLOR` is set, else `color`.
    #[default]
    Auto,
    /// 16 ANSI colours.
    Color,
    /// No colours: bold, reverse, underline.
    Mono,
}

/// The styles of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// True when the theme has no colours: markers must carry the meaning.
    pub mono: bool,
    pub base: Style,
    pub header: Style,
    pub header_label: Style,
    pub group: Style,
    pub selected: Style,
    pub overdue: Style,
    pub blocked: Style,
    pub done: Style,
    pub dim: Style,
    pub matched: Style,
    pub key: Style,
    pub error: Style,
    pub info: Style,
    pub border: Style,
    pub title: Style,
    pub column_header: Style,
}

impl Theme {
    /// Resolves a theme name, looking at `NO_COLOR` for `auto`.
    pub fn from_name(name: ThemeName, no_color: bool) -> Self {
        match name {
            ThemeName::Mono => Self::mono(),
            ThemeName::Color => Self::color(),
            ThemeName::Auto if no_color => Self::mono(),
            ThemeName::Auto => Self::color(),
        }
    }

    /// The 16-colour theme.
    pub fn color() -> Self {
        let plain = Style::new();
        Theme {
            mono: false,
            base: plain,
            header: Style::new().fg(Color::Black).bg(Color::Cyan),
            header_label: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            group: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            overdue: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            blocked: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            done: Style::new().fg(Color::Green),
            dim: Style::new().fg(Color::DarkGray),
            matched: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            info: Style::new().fg(Color::Green),
            border: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            column_header: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// The theme without colours.
    pub fn mono() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            mono: true,
            base: Style::new(),
            header: Style::new().add_modifier(Modifier::REVERSED),
            header_label: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            group: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED),
            overdue: bold,
            blocked: bold,
            done: Style::new(),
            dim: Style::new(),
            matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            key: bold,
            error: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            info: Style::new(),
            border: Style::new(),
            title: bold,
            column_header: Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mono_has_no_colour_anywhere() {
        let t = Theme::mono();
        for s in [
            t.base,
            t.header,
            t.header_label,
            t.group,
            t.selected,
            t.overdue,
            t.blocked,
            t.done,
            t.dim,
            t.matched,
            t.key,
            t.error,
            t.info,
            t.border,
            t.title,
            t.column_header,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(Theme::from_name(ThemeName::Auto, true), t);
        assert_eq!(Theme::from_name(ThemeName::Auto, false), Theme::color());
    }
}
