//! Key spec parsing, printing and event normalisation.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

/// Specs that parse, and how they print.
const VALID: &[(&str, &str)] = &[
    ("j", "j"),
    ("G", "G"),
    ("shift-g", "G"),
    ("shift-G", "G"),
    ("?", "?"),
    ("/", "/"),
    ("]", "]"),
    ("-", "-"),
    ("space", "space"),
    (" ", "space"),
    ("enter", "enter"),
    ("Enter", "enter"),
    ("esc", "esc"),
    ("tab", "tab"),
    ("backtab", "shift-tab"),
    ("shift-tab", "shift-tab"),
    ("backspace", "backspace"),
    ("delete", "delete"),
    ("insert", "insert"),
    ("up", "up"),
    ("down", "down"),
    ("left", "left"),
    ("right", "right"),
    ("home", "home"),
    ("end", "end"),
    ("pageup", "pageup"),
    ("PageDown", "pagedown"),
    ("f1", "f1"),
    ("F12", "f12"),
    ("ctrl-r", "ctrl-r"),
    ("Ctrl-r", "ctrl-r"),
    ("ctrl-space", "ctrl-space"),
    ("ctrl-alt-x", "ctrl-alt-x"),
    ("alt-ctrl-x", "ctrl-alt-x"),
    ("alt-G", "alt-G"),
    ("alt-shift-g", "alt-G"),
    ("alt--", "alt--"),
    ("alt-enter", "alt-enter"),
    ("alt-backspace", "alt-backspace"),
    ("shift-up", "shift-up"),
    ("ctrl-pagedown", "ctrl-pagedown"),
    ("alt-f4", "alt-f4"),
    ("đ", "đ"),
    ("shift-đ", "Đ"),
];

/// Specs that are refused, and the message.
const INVALID: &[(&str, &str)] = &[
    ("", "empty key"),
    ("C-s", "emacs-style key: write \"ctrl-s\""),
    ("M-x", "emacs-style key: write \"alt-x\""),
    ("C-M-x", "emacs-style key: write \"ctrl-alt-x\""),
    ("S-tab", "emacs-style key: write \"shift-tab\""),
    (
        "<C-s>",
        "vim-style key: write keys like \"ctrl-s\", \"enter\", \"esc\"",
    ),
    (
        "ctl-s",
        "unknown modifier \"ctl-\" (modifiers are ctrl-, alt-, shift-): did you mean \"ctrl-\"?",
    ),
    (
        "super-s",
        "unknown modifier \"super-\" (modifiers are ctrl-, alt-, shift-): super/cmd keys do not \
         reach terminal programs",
    ),
    (
        "pgdn",
        "unknown key name \"pgdn\": did you mean \"pagedown\"?",
    ),
    (
        "ctrl-pgup",
        "unknown key name \"pgup\": did you mean \"pageup\"?",
    ),
    (
        "page-down",
        "unknown key name \"page-down\": did you mean \"pagedown\"?",
    ),
    (
        "Return",
        "unknown key name \"Return\": did you mean \"enter\"?",
    ),
    (
        "foo",
        "unknown key name \"foo\" (a key is one character, or space, enter, esc, tab, backtab, \
         backspace, delete, insert, up, down, left, right, home, end, pageup, pagedown, f1 to f12)",
    ),
    ("f13", "no key \"f13\": function keys are f1 to f12"),
    ("f0", "no key \"f0\": function keys are f1 to f12"),
    (
        "ctrl",
        "a modifier alone is not a key: add one, e.g. \"ctrl-s\"",
    ),
    (
        "ctrl-",
        "a modifier alone is not a key: add one, e.g. \"ctrl-s\"",
    ),
    (
        "Alt",
        "a modifier alone is not a key: add one, e.g. \"alt-s\"",
    ),
    ("ctrl-ctrl-s", "ctrl- is written twice"),
    (
        "ctrl-shift-x",
        "ctrl-shift does not survive terminals (it arrives as plain ctrl): use ctrl- or alt-",
    ),
    (
        "shift-ctrl-up",
        "ctrl-shift does not survive terminals (it arrives as plain ctrl): use ctrl- or alt-",
    ),
    (
        "shift-enter",
        "shift-enter does not survive terminals: it arrives as \"enter\" (alt- works)",
    ),
    (
        "ctrl-enter",
        "ctrl-enter does not survive terminals: it arrives as \"enter\" (alt- works)",
    ),
    (
        "ctrl-tab",
        "ctrl-tab does not survive terminals: it arrives as \"tab\" (alt- works)",
    ),
    (
        "ctrl-backspace",
        "ctrl-backspace does not survive terminals: it arrives as \"backspace\" (alt- works)",
    ),
    (
        "alt-esc",
        "alt-esc does not survive terminals: bind \"esc\" alone",
    ),
    (
        "ctrl-h",
        "ctrl-h is backspace in terminals: write \"backspace\"",
    ),
    ("ctrl-i", "ctrl-i is tab in terminals: write \"tab\""),
    ("ctrl-m", "ctrl-m is enter in terminals: write \"enter\""),
    ("ctrl-[", "ctrl-[ is esc in terminals: write \"esc\""),
    (
        "ctrl-G",
        "terminals cannot tell ctrl-G from ctrl-g: write \"ctrl-g\"",
    ),
    (
        "ctrl-1",
        "ctrl works only with a to z and space in terminals",
    ),
    (
        "ctrl-đ",
        "ctrl works only with a to z and space in terminals",
    ),
    (
        "f+1",
        "unknown key name \"f+1\" (a key is one character, or space, enter, esc, tab, \
         backtab, backspace, delete, insert, up, down, left, right, home, end, pageup, \
         pagedown, f1 to f12)",
    ),
    (
        "del-x",
        "unknown key name \"del-x\" (a key is one character, or space, enter, esc, tab, \
         backtab, backspace, delete, insert, up, down, left, right, home, end, pageup, \
         pagedown, f1 to f12)",
    ),
    (
        "shift-1",
        "shift with a character does not survive terminals: write the character it types, \
         e.g. \"?\"",
    ),
    (
        "shift-space",
        "shift-space arrives as space: write \"space\"",
    ),
    (
        "alt-[",
        "alt-[ and alt-O start escape sequences in terminals",
    ),
    (
        "alt-shift-o",
        "alt-[ and alt-O start escape sequences in terminals",
    ),
];

#[test]
fn valid_specs_parse_and_print_canonically() {
    for (written, printed) in VALID {
        let spec = parse(written).map(|s| s.to_string());
        assert_eq!(spec, Ok((*printed).to_string()), "{written:?}");
    }
}

#[test]
fn invalid_specs_say_why() {
    for (written, message) in INVALID {
        let err = parse(written).expect_err(written);
        assert_eq!(err.to_string(), *message, "{written:?}");
    }
}

#[test]
fn display_round_trips() {
    for (written, _) in VALID {
        let spec: KeySpec = written.parse().expect("valid");
        assert_eq!(parse(&spec.to_string()), Ok(spec), "{written:?}");
    }
}

/// An event as a terminal would send it for a spec.
fn event_for(spec: KeySpec) -> KeyEvent {
    let code = match spec.key() {
        Key::Char(c) => KeyCode::Char(c),
        Key::Enter => KeyCode::Enter,
        Key::Esc => KeyCode::Esc,
        Key::Tab => KeyCode::Tab,
        Key::BackTab => KeyCode::BackTab,
        Key::Backspace => KeyCode::Backspace,
        Key::Delete => KeyCode::Delete,
        Key::Insert => KeyCode::Insert,
        Key::Up => KeyCode::Up,
        Key::Down => KeyCode::Down,
        Key::Left => KeyCode::Left,
        Key::Right => KeyCode::Right,
        Key::Home => KeyCode::Home,
        Key::End => KeyCode::End,
        Key::PageUp => KeyCode::PageUp,
        Key::PageDown => KeyCode::PageDown,
        Key::F(n) => KeyCode::F(n),
    };
    let mut mods = KeyModifiers::NONE;
    mods.set(KeyModifiers::CONTROL, spec.ctrl());
    mods.set(KeyModifiers::ALT, spec.alt());
    mods.set(KeyModifiers::SHIFT, spec.shift());
    KeyEvent::new(code, mods)
}

#[test]
fn every_valid_spec_is_what_its_event_normalises_to() {
    for (written, _) in VALID {
        let spec = parse(written).expect("valid");
        assert_eq!(
            KeySpec::from_event(&event_for(spec)),
            Some(spec),
            "{written:?}"
        );
    }
}

fn from(code: KeyCode, mods: KeyModifiers) -> Option<String> {
    KeySpec::from_event(&KeyEvent::new(code, mods)).map(|s| s.to_string())
}

#[test]
fn events_normalise_like_terminals_mean_them() {
    let (none, shift, ctrl, alt) = (
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
        KeyModifiers::ALT,
    );
    let cases = [
        // Capitals arrive with or without SHIFT; a shifted small letter is the capital.
        (KeyCode::Char('G'), shift, "G"),
        (KeyCode::Char('G'), none, "G"),
        (KeyCode::Char('g'), shift, "G"),
        (KeyCode::Char('?'), shift, "?"),
        // 0x08 arrives as ctrl-h: it is backspace (input methods send it).
        (KeyCode::Char('h'), ctrl, "backspace"),
        (KeyCode::Char('H'), ctrl | shift, "backspace"),
        (KeyCode::Char('i'), ctrl, "tab"),
        (KeyCode::Char('m'), ctrl, "enter"),
        (KeyCode::Char('['), ctrl, "esc"),
        (KeyCode::Char('h'), ctrl | alt, "alt-backspace"),
        // Ctrl with a capital is ctrl with the letter.
        (KeyCode::Char('R'), ctrl | shift, "ctrl-r"),
        (KeyCode::Char('r'), ctrl, "ctrl-r"),
        (KeyCode::Char(' '), ctrl, "ctrl-space"),
        (KeyCode::Char('x'), alt, "alt-x"),
        (KeyCode::Char('G'), alt | shift, "alt-G"),
        // crossterm sends BackTab with SHIFT; some terminals send Tab with SHIFT.
        (KeyCode::BackTab, shift, "shift-tab"),
        (KeyCode::BackTab, none, "shift-tab"),
        (KeyCode::Tab, shift, "shift-tab"),
        // Modifiers terminals cannot carry are dropped where the key survives.
        (KeyCode::Enter, shift, "enter"),
        (KeyCode::Enter, ctrl, "enter"),
        (KeyCode::Enter, alt, "alt-enter"),
        (KeyCode::Esc, alt, "esc"),
        (KeyCode::Up, shift, "shift-up"),
        (KeyCode::F(5), none, "f5"),
    ];
    for (code, mods, spec) in cases {
        assert_eq!(from(code, mods).as_deref(), Some(spec), "{code:?} {mods:?}");
    }
    assert_eq!(from(KeyCode::F(13), none), None);
    assert_eq!(from(KeyCode::CapsLock, none), None);
    assert_eq!(from(KeyCode::Null, none), None);
}

#[test]
fn text_char_is_only_plain_printable_characters() {
    let text = |s: &str| parse(s).expect("valid").text_char();
    assert_eq!(text("q"), Some('q'));
    assert_eq!(text("G"), Some('G'));
    assert_eq!(text("space"), Some(' '));
    assert_eq!(text("?"), Some('?'));
    assert_eq!(text("ctrl-s"), None);
    assert_eq!(text("alt-x"), None);
    assert_eq!(text("enter"), None);
    assert_eq!(text("f1"), None);
}
