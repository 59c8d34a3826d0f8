//! Keys without modifiers: their names in keymap files, and the names people write instead.

use super::spec::SpecError;

/// A key without its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A character; `' '` is written `space`.
    Char(char),
    /// Enter (also Return, ctrl-m).
    Enter,
    /// Escape (also ctrl-[).
    Esc,
    /// Tab (also ctrl-i).
    Tab,
    /// Shift-tab, which terminals send as a key of its own.
    BackTab,
    /// Backspace (also ctrl-h, 0x08).
    Backspace,
    /// Delete.
    Delete,
    /// Insert.
    Insert,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// A function key, f1 to f12.
    F(u8),
}

impl Key {
    /// The canonical name of a named key (`"pagedown"`); `None` for characters and function
    /// keys, which `KeySpec`'s `Display` prints itself.
    pub(super) fn name(self) -> Option<&'static str> {
        NAMED.iter().find(|(_, k)| *k == self).map(|(n, _)| *n)
    }
}

/// Named keys as written in keymap files (the canonical spelling).
const NAMED: [(&str, Key); 16] = [
    ("space", Key::Char(' ')),
    ("enter", Key::Enter),
    ("esc", Key::Esc),
    ("tab", Key::Tab),
    ("backtab", Key::BackTab),
    ("backspace", Key::Backspace),
    ("delete", Key::Delete),
    ("insert", Key::Insert),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("home", Key::Home),
    ("end", Key::End),
    ("pageup", Key::PageUp),
    ("pagedown", Key::PageDown),
];

/// Spellings people write for a key or a modifier, and the steerdeck spelling.
const ALIASES: [(&str, &str); 20] = [
    ("pgdn", "pagedown"),
    ("pgdown", "pagedown"),
    ("page_down", "pagedown"),
    ("page-down", "pagedown"),
    ("pgup", "pageup"),
    ("page_up", "pageup"),
    ("page-up", "pageup"),
    ("return", "enter"),
    ("cr", "enter"),
    ("escape", "esc"),
    ("del", "delete"),
    ("ins", "insert"),
    ("bs", "backspace"),
    ("bksp", "backspace"),
    ("spc", "space"),
    ("ctl", "ctrl-"),
    ("control", "ctrl-"),
    ("meta", "alt-"),
    ("opt", "alt-"),
    ("option", "alt-"),
];

/// Modifiers that never reach a program running in a terminal.
const DESKTOP_MODIFIERS: [&str; 4] = ["super", "cmd", "win", "hyper"];

/// A hint for a known misspelling of a key or a modifier, starting with ": ".
fn hint(lower: &str) -> Option<String> {
    if DESKTOP_MODIFIERS.contains(&lower) {
        return Some(": super/cmd keys do not reach terminal programs".to_string());
    }
    ALIASES
        .iter()
        .find(|(wrong, _)| *wrong == lower)
        .map(|(_, right)| format!(": did you mean \"{right}\"?"))
}

/// A hint if `lower` (the part before a `-`) is a misspelt modifier.
pub(super) fn modifier_hint(lower: &str) -> Option<String> {
    let is_modifier = DESKTOP_MODIFIERS.contains(&lower)
        || ALIASES
            .iter()
            .any(|(wrong, right)| *wrong == lower && right.ends_with('-'));
    is_modifier.then(|| hint(lower)).flatten()
}

/// The key a name (without modifiers) stands for.
pub(super) fn key_name(name: &str) -> Result<Key, SpecError> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(Key::Char(c));
    }
    let lower = name.to_lowercase();
    if let Some((_, key)) = NAMED.iter().find(|(n, _)| *n == lower) {
        return Ok(*key);
    }
    if matches!(lower.as_str(), "ctrl" | "alt" | "shift") {
        return Err(SpecError::LoneModifier(lower));
    }
    let digits = lower
        .strip_prefix('f')
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()));
    if let Some(n) = digits.and_then(|n| n.parse::<u8>().ok()) {
        return match n {
            1..=12 => Ok(Key::F(n)),
            _ => Err(SpecError::FunctionKey(name.to_string())),
        };
    }
    let hint = hint(&lower).unwrap_or_else(|| {
        " (a key is one character, or space, enter, esc, tab, backtab, backspace, \
               delete, insert, up, down, left, right, home, end, pageup, pagedown, f1 to f12)"
            .to_string()
    });
    Err(SpecError::UnknownName {
        given: name.to_string(),
        hint,
    })
}
