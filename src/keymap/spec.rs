//! Key specs as written in keymap files (`"j"`, `"G"`, `"ctrl-r"`, `"pagedown"`, `"f1"`) and as
//! read from the terminal. Both sides meet in one normal form, so that a parsed spec equals the
//! spec of every event that should trigger it:
//!
//! - a letter typed with shift is the upper-case letter (`"G"`, never shift-g);
//! - shift-tab is `BackTab`; ctrl-h is backspace (0x08), ctrl-i tab, ctrl-m enter, ctrl-[ esc;
//! - ctrl with a letter is the lower-case letter (terminals cannot tell ctrl-G from ctrl-g).
//!
//! Parsing refuses what would never arrive through a terminal, SSH and tmux (ctrl-shift,
//! shift-enter, ctrl-tab, ...), with the reason.

use std::fmt;
use std::str::FromStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use super::key::Key;
use super::key::{key_name, modifier_hint};

/// Why a key spec is refused. Messages say what to write instead where there is an answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    /// `on = ""`.
    #[error("empty key")]
    Empty,
    /// `"C-s"`, `"M-x"`.
    #[error("emacs-style key: write \"{0}\"")]
    EmacsStyle(String),
    /// `"<C-s>"`, `"<CR>"`.
    #[error("vim-style key: write keys like \"ctrl-s\", \"enter\", \"esc\"")]
    VimStyle,
    /// A modifier other than ctrl, alt and shift.
    #[error("unknown modifier \"{given}-\" (modifiers are ctrl-, alt-, shift-){hint}")]
    UnknownModifier { given: String, hint: String },
    /// A name that is neither one character nor a named key.
    #[error("unknown key name \"{given}\"{hint}")]
    UnknownName { given: String, hint: String },
    /// `"f13"`.
    #[error("no key \"{0}\": function keys are f1 to f12")]
    FunctionKey(String),
    /// `"ctrl"`, `"alt-"`.
    #[error("a modifier alone is not a key: add one, e.g. \"{0}-s\"")]
    LoneModifier(String),
    /// `"ctrl-ctrl-s"`.
    #[error("{0}- is written twice")]
    RepeatedModifier(String),
    /// `"ctrl-shift-x"`.
    #[error("ctrl-shift does not survive terminals (it arrives as plain ctrl): use ctrl- or alt-")]
    CtrlShift,
    /// A combination that arrives as another key, or not at all.
    #[error("{0}")]
    Unreachable(String),
}

impl SpecError {
    /// The sentence in the interface language; a hint or a reason written with the key stays
    /// as it is.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        if lang == crate::i18n::Lang::En {
            return self.to_string();
        }
        match self {
            SpecError::Empty => "phím để trống".into(),
            SpecError::EmacsStyle(k) => format!("cách viết phím kiểu emacs: hãy viết \"{k}\""),
            SpecError::VimStyle => {
                "cách viết phím kiểu vim: hãy viết phím như \"ctrl-s\", \"enter\", \"esc\"".into()
            }
            SpecError::UnknownModifier { given, hint } => format!(
                "phím bổ trợ \"{given}-\" không hợp lệ (các phím bổ trợ: ctrl-, alt-, shift-){hint}"
            ),
            SpecError::UnknownName { given, hint } => {
                format!("không có phím nào tên \"{given}\"{hint}")
            }
            SpecError::FunctionKey(k) => {
                format!("không có phím \"{k}\": phím chức năng chỉ từ f1 đến f12")
            }
            SpecError::LoneModifier(m) => format!(
                "riêng phím bổ trợ thì chưa phải là một phím: hãy thêm một phím, ví dụ \"{m}-s\""
            ),
            SpecError::RepeatedModifier(m) => format!("{m}- được viết hai lần"),
            SpecError::CtrlShift => "tổ hợp ctrl-shift không đi qua được terminal (nó đến như ctrl thường): hãy dùng ctrl- hoặc alt-".into(),
            SpecError::Unreachable(why) => why.clone(),
        }
    }
}

/// A key with its modifiers, in the normal form described in the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    key: Key,
    ctrl: bool,
    alt: bool,
    shift: bool,
}

impl KeySpec {
    /// A key without modifiers.
    pub const fn plain(key: Key) -> KeySpec {
        KeySpec {
            key,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// The key, without its modifiers.
    pub fn key(&self) -> Key {
        self.key
    }

    /// Whether ctrl is held.
    pub fn ctrl(&self) -> bool {
        self.ctrl
    }

    /// Whether alt is held.
    pub fn alt(&self) -> bool {
        self.alt
    }

    /// Whether shift is held (only with named keys: a shifted letter is its capital).
    pub fn shift(&self) -> bool {
        self.shift
    }

    /// The character this key types, if it is a plain printable character (no ctrl, no alt).
    /// In modes that take text such keys are text, never commands.
    pub fn text_char(&self) -> Option<char> {
        match self.key {
            Key::Char(c) if !self.ctrl && !self.alt && !c.is_control() => Some(c),
            _ => None,
        }
    }

    /// The spec of a terminal key event, normalised (see the module documentation), or `None`
    /// for keys no spec can name (media keys, modifier keys alone, caps lock, f13 and above).
    /// Super, hyper and meta are dropped here; `Keymap::lookup` ignores events carrying them.
    /// The event's kind (press, repeat, release) is the caller's business.
    pub fn from_event(event: &KeyEvent) -> Option<KeySpec> {
        let m = event.modifiers;
        let ctrl = m.contains(KeyModifiers::CONTROL);
        let alt = m.contains(KeyModifiers::ALT);
        let shift = m.contains(KeyModifiers::SHIFT);
        let spec = |key, ctrl, shift| KeySpec {
            key,
            ctrl,
            alt,
            shift,
        };
        Some(match event.code {
            KeyCode::Char(c) if ctrl => match c.to_ascii_lowercase() {
                'h' => spec(Key::Backspace, false, false),
                'i' => spec(Key::Tab, false, false),
                'm' => spec(Key::Enter, false, false),
                '[' => spec(Key::Esc, false, false),
                lower => spec(Key::Char(lower), true, false),
            },
            KeyCode::Char(c) if shift => spec(Key::Char(upper(c).unwrap_or(c)), false, false),
            KeyCode::Char(c) => spec(Key::Char(c), false, false),
            KeyCode::Tab if shift => KeySpec::plain(Key::BackTab),
            KeyCode::BackTab => KeySpec::plain(Key::BackTab),
            KeyCode::Esc => KeySpec::plain(Key::Esc),
            KeyCode::Tab => spec(Key::Tab, false, false),
            KeyCode::Enter => spec(Key::Enter, false, false),
            KeyCode::Backspace => spec(Key::Backspace, false, false),
            KeyCode::Delete => spec(Key::Delete, ctrl, shift),
            KeyCode::Insert => spec(Key::Insert, ctrl, shift),
            KeyCode::Up => spec(Key::Up, ctrl, shift),
            KeyCode::Down => spec(Key::Down, ctrl, shift),
            KeyCode::Left => spec(Key::Left, ctrl, shift),
            KeyCode::Right => spec(Key::Right, ctrl, shift),
            KeyCode::Home => spec(Key::Home, ctrl, shift),
            KeyCode::End => spec(Key::End, ctrl, shift),
            KeyCode::PageUp => spec(Key::PageUp, ctrl, shift),
            KeyCode::PageDown => spec(Key::PageDown, ctrl, shift),
            KeyCode::F(n @ 1..=12) => spec(Key::F(n), ctrl, shift),
            _ => return None,
        })
    }
}

/// The capital of a letter, when it has exactly one.
fn upper(c: char) -> Option<char> {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) if c.is_lowercase() => Some(u),
        _ => None,
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (on, name) in [
            (self.ctrl, "ctrl-"),
            (self.alt, "alt-"),
            (self.shift, "shift-"),
        ] {
            if on {
                f.write_str(name)?;
            }
        }
        match self.key {
            Key::Char(' ') => f.write_str("space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::BackTab => f.write_str("shift-tab"),
            Key::F(n) => write!(f, "f{n}"),
            key => f.write_str(key.name().unwrap_or("?")),
        }
    }
}

impl FromStr for KeySpec {
    type Err = SpecError;

    fn from_str(s: &str) -> Result<KeySpec, SpecError> {
        parse(s)
    }
}

/// Parses a key spec as written in a keymap file.
pub fn parse(s: &str) -> Result<KeySpec, SpecError> {
    if s.is_empty() {
        return Err(SpecError::Empty);
    }
    if s.len() > 2 && s.starts_with('<') && s.ends_with('>') {
        return Err(SpecError::VimStyle);
    }
    if let Some(written) = emacs_style(s) {
        return Err(SpecError::EmacsStyle(written));
    }
    let (mut ctrl, mut alt, mut shift) = (false, false, false);
    let mut rest = s;
    while rest.chars().count() > 1 {
        let Some((head, tail)) = rest.split_once('-') else {
            break;
        };
        let flag = match head.to_lowercase().as_str() {
            "ctrl" => &mut ctrl,
            "alt" => &mut alt,
            "shift" => &mut shift,
            other => match modifier_hint(other) {
                Some(hint) => {
                    return Err(SpecError::UnknownModifier {
                        given: head.to_string(),
                        hint,
                    });
                }
                _ => break,
            },
        };
        if *flag {
            return Err(SpecError::RepeatedModifier(head.to_lowercase()));
        }
        *flag = true;
        if tail.is_empty() {
            return Err(SpecError::LoneModifier(head.to_lowercase()));
        }
        rest = tail;
    }
    let key = key_name(rest)?;
    validate(KeySpec {
        key,
        ctrl,
        alt,
        shift,
    })
}

/// `"C-M-x"` written the steerdeck way (`"ctrl-alt-x"`), if `s` is emacs style.
fn emacs_style(s: &str) -> Option<String> {
    let mut rest = s;
    let mut written = String::new();
    while let Some(tail) = rest
        .get(2..)
        .filter(|t| !t.is_empty() && rest.as_bytes()[1] == b'-')
    {
        let name = match rest.as_bytes()[0] {
            b'C' => "ctrl-",
            b'M' | b'A' => "alt-",
            b'S' => "shift-",
            _ => break,
        };
        written.push_str(name);
        rest = tail;
    }
    (!written.is_empty()).then(|| written + rest)
}

/// Refuses what terminals cannot deliver and brings the rest to the normal form.
fn validate(spec: KeySpec) -> Result<KeySpec, SpecError> {
    if spec.ctrl && spec.shift {
        return Err(SpecError::CtrlShift);
    }
    let spec = shifted(spec)?;
    let unreachable = |why: String| Err(SpecError::Unreachable(why));
    let KeySpec {
        key,
        ctrl,
        alt,
        shift,
    } = spec;
    match key {
        Key::Char(c) if ctrl => match c {
            'h' => unreachable("ctrl-h is backspace in terminals: write \"backspace\"".into()),
            'i' => unreachable("ctrl-i is tab in terminals: write \"tab\"".into()),
            'm' => unreachable("ctrl-m is enter in terminals: write \"enter\"".into()),
            '[' => unreachable("ctrl-[ is esc in terminals: write \"esc\"".into()),
            'a'..='z' | ' ' => Ok(spec),
            c if c.is_uppercase() => {
                let lower: String = c.to_lowercase().collect();
                unreachable(format!(
                    "terminals cannot tell ctrl-{c} from ctrl-{lower}: write \"ctrl-{lower}\""
                ))
            }
            _ => unreachable("ctrl works only with a to z and space in terminals".into()),
        },
        Key::Char('[' | 'O') if alt => {
            unreachable("alt-[ and alt-O start escape sequences in terminals".into())
        }
        Key::Enter | Key::Backspace | Key::Tab if ctrl || shift => unreachable(format!(
            "{spec} does not survive terminals: it arrives as \"{}\" (alt- works)",
            KeySpec::plain(key)
        )),
        Key::Esc | Key::BackTab if ctrl || alt || shift => unreachable(format!(
            "{spec} does not survive terminals: bind \"{}\" alone",
            KeySpec::plain(key)
        )),
        _ => Ok(spec),
    }
}

/// Folds shift into the key where terminals do: a shifted letter is its capital, shift-tab is
/// backtab. Shift with any other character is refused.
fn shifted(spec: KeySpec) -> Result<KeySpec, SpecError> {
    if !spec.shift {
        return Ok(spec);
    }
    let unshifted = |key| {
        Ok(KeySpec {
            key,
            shift: false,
            ..spec
        })
    };
    match spec.key {
        Key::Char(c) if c.is_uppercase() => unshifted(Key::Char(c)),
        Key::Char(c) => match upper(c) {
            Some(u) => unshifted(Key::Char(u)),
            None if c == ' ' => Err(SpecError::Unreachable(
                "shift-space arrives as space: write \"space\"".into(),
            )),
            None => Err(SpecError::Unreachable(
                "shift with a character does not survive terminals: write the character it \
                 types, e.g. \"?\""
                    .into(),
            )),
        },
        Key::Tab if !spec.alt => unshifted(Key::BackTab),
        _ => Ok(spec),
    }
}

#[cfg(test)]
#[path = "spec_tests.rs"]
mod tests;
