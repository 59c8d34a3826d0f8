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

use crate::file_error::FileError;
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

/// Where the settings file lives.
pub fn config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "steerdeck").map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Reads the settings file; a missing file is an empty configuration.
    pub fn load(path: Option<&Path>) -> Result<Config, FileError> {
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let file = path.display().to_string();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(source) => {
                return Err(FileError::Read {
                    file,
                    what: "settings file",
                    source,
                });
            }
        };
        Self::parse(&text, &file)
    }

    /// Parses settings text.
    pub fn parse(text: &str, file: &str) -> Result<Config, FileError> {
        toml::from_str(text).map_err(|e| FileError::toml(file, text, e))
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

    #[test]
    fn a_file_that_cannot_be_read_is_named_with_its_io_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let e = Config::load(Some(dir.path())).expect_err("a directory is not a file");
        let file = dir.path().display().to_string();
        assert!(
            e.to_string()
                .starts_with(&format!("{file}: cannot read the settings file: ")),
            "{e}"
        );
        let source = std::error::Error::source(&e);
        let io = source.and_then(|s| s.downcast_ref::<std::io::Error>());
        assert!(io.is_some(), "{e:?}");
    }
}
