//! Keys to actions, per mode. The keys are data: `keymaps/default.toml` (embedded) is the one
//! source of default keys; a preset (`keymaps/vim.toml`, ...) and then the user's file override
//! it by key, and `run = "noop"` unbinds. Help and the hint bar are built from `bindings`.

mod accepts;
mod error;
mod file;
mod key;
pub mod spec;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

use crate::action::{Action, Mode};
use crate::file_error::FileError;

pub use accepts::{accepted, accepts};
pub use error::{EntryProblem, KeymapError, SectionProblem};
pub use spec::{Key, KeySpec, SpecError};

/// The default keymap, as shipped.
pub const DEFAULT_KEYMAP: &str = include_str!("../../keymaps/default.toml");

/// The embedded presets, by name: partial files applied over the default, like a user file.
pub const PRESETS: [(&str, &str); 2] = [
    ("vim", include_str!("../../keymaps/vim.toml")),
    ("arrows", include_str!("../../keymaps/arrows.toml")),
];

/// One key of one mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The key, in normal form; `Display` prints it for the hint bar and help.
    pub key: KeySpec,
    /// What it does (never `noop`: a `noop` entry removes the binding).
    pub action: Action,
    /// The description written in the file, shown as written; `None` lets the interface
    /// describe the action in its own language.
    pub desc: Option<String>,
}

/// The keys of every mode, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    modes: BTreeMap<Mode, Vec<Binding>>,
}

impl Keymap {
    /// A keymap with no keys at all (the default keymap is `default_keymap`).
    pub fn empty() -> Keymap {
        Keymap {
            modes: BTreeMap::new(),
        }
    }

    /// The embedded default keymap. A broken embedded file fails the test suite; should one be
    /// shipped anyway, this is an error for the caller to report, never a panic.
    pub fn default_keymap() -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::empty();
        keymap.overlay("keymaps/default.toml (embedded)", DEFAULT_KEYMAP)?;
        Ok(keymap)
    }

    /// The default keymap, then `preset` (a preset name such as `"vim"`, or the path of a file),
    /// then `user_file` if it exists (usually `user_keymap_path()`). A preset name wins over a
    /// file of the same name in the working directory: write `./vim` for the file.
    pub fn load(preset: Option<&str>, user_file: Option<&Path>) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default_keymap()?;
        match preset {
            None | Some("default") => {}
            Some(name) => {
                if let Some((_, text)) = PRESETS.iter().find(|(n, _)| *n == name) {
                    keymap.overlay(&format!("keymaps/{name}.toml (embedded)"), text)?;
                } else if looks_like_path(name) {
                    let path = Path::new(name);
                    keymap.overlay(&path.display().to_string(), &read(path)?)?;
                } else {
                    return Err(KeymapError::UnknownPreset {
                        name: name.to_string(),
                        known: preset_names(),
                    });
                }
            }
        }
        if let Some(path) = user_file {
            match std::fs::read_to_string(path) {
                Ok(text) => keymap.overlay(&path.display().to_string(), &text)?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(read_error(path, e)),
            }
        }
        Ok(keymap)
    }

    /// Applies one keymap file's text (named `file` in errors) over this keymap. The whole file
    /// is checked first: on error nothing changes. Per mode, an entry whose key is bound already
    /// replaces that binding in place, `noop` removes it, and a new key is appended.
    pub fn overlay(&mut self, file: &str, text: &str) -> Result<(), KeymapError> {
        for (mode, entries) in file::parse_layer(file, text)? {
            let bindings = self.modes.entry(mode).or_default();
            for entry in entries {
                let at = bindings.iter().position(|b| b.key == entry.key);
                let binding = Binding {
                    key: entry.key,
                    action: entry.action,
                    desc: entry.desc,
                };
                match (at, entry.action) {
                    (Some(i), Action::Noop) => {
                        bindings.remove(i);
                    }
                    (None, Action::Noop) => {}
                    (Some(i), _) => bindings[i] = binding,
                    (None, _) => bindings.push(binding),
                }
            }
        }
        Ok(())
    }

    /// The action bound to a key event in `mode`. In modes that take text, a plain printable
    /// character is text and never an action. Events with super, hyper or meta match nothing.
    /// Filtering by `KeyEventKind` (press, repeat, release) is the caller's business.
    pub fn lookup(&self, mode: Mode, key: &KeyEvent) -> Option<Action> {
        let foreign = KeyModifiers::SUPER | KeyModifiers::HYPER | KeyModifiers::META;
        if key.modifiers.intersects(foreign) {
            return None;
        }
        let spec = KeySpec::from_event(key)?;
        if mode.takes_text() && spec.text_char().is_some() {
            return None;
        }
        self.bindings(mode)
            .iter()
            .find(|b| b.key == spec)
            .map(|b| b.action)
    }

    /// The bindings of `mode`, in file order (defaults first, then keys added by later files).
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.modes.get(&mode).map_or(&[], Vec::as_slice)
    }

    /// The keys bound to `action` in `mode`, in file order: the first is the one to show.
    pub fn keys_for(&self, mode: Mode, action: Action) -> Vec<&KeySpec> {
        self.bindings(mode)
            .iter()
            .filter(|b| b.action == action)
            .map(|b| &b.key)
            .collect()
    }
}

/// The user's keymap file: `keymap.toml` in steerdeck's configuration directory.
pub fn user_keymap_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "steerdeck").map(|d| d.config_dir().join("keymap.toml"))
}

/// The names `Keymap::load` accepts as a preset.
pub fn preset_names() -> Vec<&'static str> {
    std::iter::once("default")
        .chain(PRESETS.iter().map(|(n, _)| *n))
        .collect()
}

fn looks_like_path(name: &str) -> bool {
    let toml = Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    name.contains('/') || name.contains('\\') || toml
}

fn read(path: &Path) -> Result<String, KeymapError> {
    std::fs::read_to_string(path).map_err(|e| read_error(path, e))
}

fn read_error(path: &Path, e: std::io::Error) -> KeymapError {
    FileError::read(&path.display().to_string(), e).into()
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyCode;

    use super::*;

    #[test]
    fn lookup_never_takes_a_character_for_a_command_in_text_modes() {
        // Loading refuses such bindings; lookup holds the line for a keymap built otherwise.
        let q = Binding {
            key: KeySpec::plain(Key::Char('q')),
            action: Action::Back,
            desc: None,
        };
        let keymap = Keymap {
            modes: Mode::ALL
                .into_iter()
                .map(|m| (m, vec![q.clone()]))
                .collect(),
        };
        let event = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        for mode in Mode::ALL {
            let expected = (!mode.takes_text()).then_some(Action::Back);
            assert_eq!(keymap.lookup(mode, &event), expected, "{mode:?}");
        }
    }

    #[test]
    fn user_keymap_path_is_keymap_toml_in_the_config_dir() {
        if let Some(path) = user_keymap_path() {
            assert_eq!(
                path.file_name().and_then(|n| n.to_str()),
                Some("keymap.toml")
            );
            assert!(path.to_string_lossy().to_lowercase().contains("steerdeck"));
        }
    }
}
