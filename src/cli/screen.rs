//! Opening the interactive screen from the command line.

use super::{Cli, CliError};
use crate::app::{App, AppConfig};
use crate::config::{Config, config_path};
use crate::file_error::FileError;
use crate::keymap::{Keymap, user_keymap_path};
use crate::session::Session;
use crate::ui::{Theme, ThemeName};

/// Why the screen could not open.
#[derive(Debug, thiserror::Error)]
pub enum ScreenError {
    #[error(transparent)]
    Cli(#[from] CliError),
    #[error(transparent)]
    Keymap(#[from] Box<crate::keymap::KeymapError>),
    #[error(transparent)]
    Tui(#[from] crate::tui::TuiError),
    #[error(transparent)]
    Config(#[from] FileError),
    #[error("unknown theme '{0}' in the settings file (themes: auto, color, mono)")]
    Theme(String),
    #[error("{0}; move the file away to start without the drafts")]
    Drafts(String),
}

impl ScreenError {
    /// The sentence in the interface language.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        match self {
            ScreenError::Cli(e) => e.in_lang(lang),
            ScreenError::Keymap(e) => e.in_lang(lang),
            ScreenError::Config(e) => e.in_lang(lang),
            ScreenError::Theme(name) if lang == crate::i18n::Lang::Vi => format!(
                "tệp cài đặt ghi giao diện màu '{name}', nhưng không có giao diện này (các giao diện: auto, color, mono)"
            ),
            ScreenError::Drafts(e) if lang == crate::i18n::Lang::Vi => format!(
                "{e}; hãy chuyển tệp này sang chỗ khác để mở màn hình mà không có bản nháp"
            ),
            ScreenError::Tui(crate::tui::TuiError::NotATerminal) if lang == crate::i18n::Lang::Vi => {
                "màn hình tương tác cần một cửa sổ dòng lệnh (terminal); trong script hãy dùng lệnh, ví dụ `steerdeck list`".into()
            }
            other => other.to_string(),
        }
    }
}

/// Opens the store and runs the interactive screen.
#[allow(clippy::result_large_err)] // called once per process; the error is printed and the process ends
pub fn open(cli: &Cli) -> Result<(), ScreenError> {
    // The keymap is checked before the store is touched: a bad file changes nothing.
    crate::tui::check_terminal()?;
    let config = Config::load(config_path().as_deref())?;
    let preset = cli.keymap.as_deref().or(config.keymap.as_deref());
    let keymap = Keymap::load(preset, user_keymap_path().as_deref()).map_err(Box::new)?;
    let theme_name = match (cli.theme, config.theme.as_deref()) {
        (Some(t), _) => t,
        (None, Some(name)) => <ThemeName as clap::ValueEnum>::from_str(name, true)
            .map_err(|_| ScreenError::Theme(name.to_string()))?,
        (None, None) => ThemeName::Auto,
    };
    let dir = crate::session::db_dir(cli.db.as_deref()).map_err(CliError::from)?;
    let session = Session::open(
        &dir,
        cli.user.as_deref(),
        cli.as_of,
        cli.lang.or(config.lang).unwrap_or_default(),
    )
    .map_err(CliError::from)?;
    let plan_name = session
        .plan_name(cli.plan.as_deref())
        .map_err(CliError::from)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_name(theme_name, no_color);
    let Session {
        store,
        actor,
        as_of,
        lang,
        registry,
        ..
    } = session;
    // A peer the server lets read but not edit gets a read-only screen.
    let read_only = cli.read_only || !store.may_edit();
    let app = App::new(
        store,
        AppConfig {
            actor,
            as_of,
            lang,
            read_only,
            keymap,
            registry,
            plan_name,
            zone: cli.zone.unwrap_or_default(),
        },
    )
    .map_err(CliError::from)?;
    let drafts_path = crate::tui::drafts::default_path(&dir, app.plan_name());
    let app = match drafts_path.as_deref().map(crate::tui::drafts::load) {
        Some(Ok(d)) => app.with_drafts(d),
        Some(Err(e)) => {
            // Unreadable drafts are left where they are, never overwritten.
            return Err(ScreenError::Drafts(e));
        }
        None => app,
    };
    crate::tui::run(app, &theme, Some(&dir), drafts_path.as_deref())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_screen_refuses_a_bad_theme_in_either_language() {
        let e = ScreenError::Theme("pink".into());
        assert_eq!(
            e.in_lang(Lang::En),
            "unknown theme 'pink' in the settings file (themes: auto, color, mono)"
        );
        assert_eq!(
            e.in_lang(Lang::Vi),
            "tệp cài đặt ghi giao diện màu 'pink', nhưng không có giao diện này (các giao diện: auto, color, mono)"
        );
        let e = ScreenError::Keymap(Box::new(crate::keymap::KeymapError::UnknownPreset {
            name: "emacs".into(),
            known: vec!["vim", "arrows"],
        }));
        assert_eq!(
            e.in_lang(Lang::Vi),
            "không có bộ phím tắt có sẵn \"emacs\": các bộ có sẵn là vim, arrows; hoặc hãy cho đường dẫn tới một tệp .toml"
        );
    }
}
