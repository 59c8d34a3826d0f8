//! The user's settings file, `config.toml` in the platform config directory (next to
//! `keymap.toml`):
//!
//! ```toml
//! lang = "en"        # vi (default) or en
//! theme = "mono"     # auto (default), color, mono
//! keymap = "vim"     # a preset name or a keymap file
//!
//! [papers]           # who issues the papers `export` drafts (each line optional)
//! issuer = "BỘ TƯ PHÁP"
//! parent = ""        # a body above the issuer, if any
//! symbol = "BTP"     # "Số: …/TB-BTP"
//! place = "Hà Nội"
//! chair_title = "Thứ trưởng"
//! signer_title = ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]
//! signer_name = "Nguyễn Văn A"   # default: the meeting's chair
//! recipients = ["Bộ trưởng (để báo cáo)", "Các đơn vị thuộc Bộ"]
//! archive = "VT, CNTT"
//! ```
//!
//! Command-line flags and environment variables win over the file.

use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::file_error::FileError;
use crate::i18n::Lang;
use crate::i18n::papers::Letterhead;

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
    /// Who issues the papers.
    pub papers: Option<Papers>,
}

/// The `[papers]` section: who issues the papers and how they are signed; what is not given is
/// the 2025 plan's issuer ([`Letterhead::default_for`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Papers {
    /// The issuing body.
    pub issuer: Option<String>,
    /// The body above it ("" for none).
    pub parent: Option<String>,
    /// The issuer's abbreviation in the number.
    pub symbol: Option<String>,
    /// Where papers are issued.
    pub place: Option<String>,
    /// The chair's title in the notice's summary line.
    pub chair_title: Option<String>,
    /// The signer's title block, line by line.
    pub signer_title: Option<Vec<String>>,
    /// The signer's name.
    pub signer_name: Option<String>,
    /// "Nơi nhận:" lines.
    pub recipients: Option<Vec<String>>,
    /// The archive line's units.
    pub archive: Option<String>,
}

impl Papers {
    /// The letterhead: these settings over the default in `lang`.
    pub fn letterhead(&self, lang: Lang) -> Letterhead {
        let mut l = Letterhead::default_for(lang);
        let set = |slot: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                slot.clone_from(v);
            }
        };
        set(&mut l.issuer, &self.issuer);
        set(&mut l.symbol, &self.symbol);
        set(&mut l.place, &self.place);
        set(&mut l.chair_title, &self.chair_title);
        set(&mut l.archive, &self.archive);
        if let Some(p) = &self.parent {
            l.parent = Some(p.clone()).filter(|p| !p.trim().is_empty());
        }
        if let Some(t) = &self.signer_title {
            l.signer_title.clone_from(t);
        }
        if let Some(n) = &self.signer_name {
            l.signer_name = Some(n.clone()).filter(|n| !n.trim().is_empty());
        }
        if let Some(r) = &self.recipients {
            l.recipients.clone_from(r);
        }
        l
    }
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
    fn a_papers_section_over_the_default_issuer() {
        let c = Config::parse(
            "[papers]\nissuer = \"BAN CHỈ ĐẠO\"\nparent = \"BỘ TƯ PHÁP\"\nrecipients = [\"A\"]\n",
            "c.toml",
        )
        .expect("valid");
        let l = c.papers.unwrap_or_default().letterhead(Lang::Vi);
        assert_eq!(l.issuer, "BAN CHỈ ĐẠO");
        assert_eq!(l.parent.as_deref(), Some("BỘ TƯ PHÁP"));
        assert_eq!(l.recipients, ["A"]);
        assert_eq!(l.place, "Hà Nội");
        assert_eq!(l.signer_title, ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]);
        let e = Config::parse("[papers]\nplace = 1\nsigner = \"x\"\n", "c.toml").expect_err("bad");
        assert!(e.to_string().starts_with("c.toml:2:9"), "{e}");
        let e = Config::parse("[papers]\nsigner = \"x\"\n", "c.toml").expect_err("unknown");
        assert!(e.to_string().contains("unknown field `signer`"), "{e}");
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
