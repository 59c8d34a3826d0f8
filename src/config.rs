//! The user's settings file, `config.toml` in the platform config directory (next to
//! `keymap.toml`):
//!
//! ```toml
//! lang = "en"        # vi (default) or en
//! theme = "mono"     # auto (default), color, mono
//! keymap = "vim"     # a preset name or a keymap file
//! ```
//!
//! Command-line flags and environment variables win over the file.

use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;

/// Settings from the file; every one optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Interface language.
    pub lang: Option<Lang>,
    /// Theme name: auto, color, mono.
    pub theme: Option<String>,
    /// Keymap preset or file.
    pub keymap: Option<String>,
}

/// A settings file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{file}: cannot read the settings file: {message}")]
    Read { file: String, message: String },
    #[error("{file}:{line}:{column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Where the settings file lives.
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "steerdeck").map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Reads the settings file; a missing file is an empty configuration.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let file = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(ConfigError::Read {
                    file,
                    message: e.to_string(),
                });
            }
        };
        Self::parse(&text, &file)
    }

    /// Parses settings text.
    pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| crate::domain::text::line_col(text, s.start));
            ConfigError::Syntax {
                file: file.to_string(),
                line,
                column,
                message: e.message().to_string(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings_and_names_bad_lines() {
        let c = Config::parse("lang = \"en\"\ntheme = \"mono\"\n", "c.toml").expect("valid");
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.theme.as_deref(), Some("mono"));
        let e = Config::parse("lang = \"fr\"\n", "c.toml").expect_err("bad lang");
        assert!(
            e.to_string()
                .starts_with("c.toml:1:8: unknown variant `fr`"),
            "{e}"
        );
        let e = Config::parse("\ncolour = 1\n", "c.toml").expect_err("unknown key");
        assert!(
            e.to_string()
                .starts_with("c.toml:2:1: unknown field `colour`"),
            "{e}"
        );
        assert_eq!(
            Config::load(Some(Path::new("/nonexistent/config.toml"))).expect("missing"),
            Config::default()
        );
    }
}
