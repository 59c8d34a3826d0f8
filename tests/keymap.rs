//! The keymap: every shipped file loads, the default keeps its invariants, later files override
//! by key, and every invalid fixture in `tests/fixtures/keymaps/` fails with its message.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use steerdeck::app::{Action, Mode};
use steerdeck::keymap::{DEFAULT_KEYMAP, Key, Keymap, PRESETS, accepted, preset_names, spec};

fn manifest(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn default() -> Keymap {
    Keymap::default_keymap().expect("the embedded default keymap loads")
}

fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn keys(keymap: &Keymap, mode: Mode, action: Action) -> Vec<String> {
    keymap
        .keys_for(mode, action)
        .into_iter()
        .map(ToString::to_string)
        .collect()
}

// --- Shipped keymaps -------------------------------------------------------------------------

#[test]
fn every_shipped_keymap_is_embedded_and_loads() {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(manifest("keymaps")).expect("keymaps/ is listed") {
        let path = entry.expect("directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let name = path.file_stem().and_then(|s| s.to_str()).expect("name");
        let text = std::fs::read_to_string(&path).expect("readable");
        if name == "default" {
            assert_eq!(text, DEFAULT_KEYMAP);
        } else {
            let embedded = PRESETS.iter().find(|(n, _)| *n == name);
            assert_eq!(
                embedded.map(|(_, t)| *t),
                Some(text.as_str()),
                "{name} is a preset"
            );
        }
        let loaded = Keymap::load(Some(name), None).map_err(|e| e.to_string());
        assert_eq!(loaded.as_ref().err(), None, "{name} loads");
        let by_path = path.to_str().expect("utf-8 path");
        assert_eq!(
            Keymap::load(Some(by_path), None).map_err(|e| e.to_string()),
            loaded,
            "{name} by path and by name"
        );
        found.push(name.to_string());
    }
    found.sort();
    let mut expected: Vec<String> = preset_names().into_iter().map(String::from).collect();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn no_duplicate_keys_in_default_keymap() {
    let doc: toml::Table = toml::from_str(DEFAULT_KEYMAP).expect("TOML");
    for mode in Mode::ALL {
        let section = doc.get(mode.name()).expect("every mode has a section");
        let entries = section["keymap"].as_array().expect("keymap list");
        let mut seen = HashSet::new();
        for entry in entries {
            let on = entry["on"].as_str().expect("on");
            let key = spec::parse(on).expect("valid key");
            assert!(seen.insert(key), "[{}] binds {key} twice", mode.name());
        }
        assert_eq!(seen.len(), default().bindings(mode).len());
    }
}

#[test]
fn default_binds_every_action_each_mode_accepts_and_nothing_else() {
    let keymap = default();
    for mode in Mode::ALL {
        let bound: BTreeSet<String> = keymap
            .bindings(mode)
            .iter()
            .map(|b| b.action.name())
            .collect();
        let accepted: BTreeSet<String> = accepted(mode).into_iter().map(Action::name).collect();
        assert_eq!(bound, accepted, "[{}]", mode.name());
    }
    let anywhere: HashSet<Action> = Mode::ALL
        .iter()
        .flat_map(|&m| keymap.bindings(m).iter().map(|b| b.action))
        .collect();
    let missing: Vec<Action> = Action::ALL
        .into_iter()
        .filter(|a| *a != Action::Noop && !anywhere.contains(a))
        .collect();
    assert_eq!(missing, []);
    for mode in Mode::ALL {
        assert!(
            !keys(&keymap, mode, Action::Back).is_empty(),
            "{mode:?} has a way back"
        );
    }
}

#[test]
fn default_keys_survive_terminals() {
    let doc: toml::Table = toml::from_str(DEFAULT_KEYMAP).expect("TOML");
    let written: Vec<String> = doc
        .values()
        .flat_map(|section| section["keymap"].as_array().expect("keymap list").clone())
        .map(|entry| entry["on"].as_str().expect("on").to_lowercase())
        .collect();
    assert!(written.len() > 100, "{} keys", written.len());
    for on in &written {
        for bad in [
            "ctrl-shift",
            "shift-ctrl",
            "shift-enter",
            "ctrl-enter",
            "ctrl-tab",
        ] {
            assert!(!on.contains(bad), "{on}");
        }
        assert!(
            !["ctrl-h", "ctrl-i", "ctrl-m", "ctrl-["].contains(&on.as_str()),
            "{on}"
        );
    }
    let keymap = default();
    for mode in Mode::ALL {
        for b in keymap.bindings(mode) {
            assert!(!(b.key.ctrl() && b.key.shift()), "{b:?}");
            assert!(!(b.key.key() == Key::Enter && b.key.shift()), "{b:?}");
            assert_eq!(b.desc, None, "descriptions come from the interface");
            if mode.takes_text() {
                assert_eq!(b.key.text_char(), None, "[{}] {}", mode.name(), b.key);
            }
        }
    }
}

// --- Lookup ----------------------------------------------------------------------------------

#[test]
fn lookup_finds_the_default_actions() {
    let k = default();
    let (none, shift) = (KeyModifiers::NONE, KeyModifiers::SHIFT);
    assert_eq!(k.lookup(Mode::Normal, &ch('j')), Some(Action::MoveDown));
    assert_eq!(
        k.lookup(Mode::Normal, &key(KeyCode::Down, none)),
        Some(Action::MoveDown)
    );
    assert_eq!(
        k.lookup(Mode::Normal, &key(KeyCode::Char('G'), shift)),
        Some(Action::GoBottom)
    );
    assert_eq!(k.lookup(Mode::Normal, &ch('G')), Some(Action::GoBottom));
    assert_eq!(
        k.lookup(Mode::Normal, &key(KeyCode::Char('g'), shift)),
        Some(Action::GoBottom)
    );
    assert_eq!(k.lookup(Mode::Normal, &ch('g')), Some(Action::GoTop));
    assert_eq!(k.lookup(Mode::Normal, &ctrl('r')), Some(Action::Redo));
    assert_eq!(k.lookup(Mode::Normal, &ch('q')), Some(Action::Quit));
    assert_eq!(k.lookup(Mode::Normal, &ctrl('c')), Some(Action::Quit));
    assert_eq!(
        k.lookup(Mode::Normal, &key(KeyCode::Char('?'), shift)),
        Some(Action::Help)
    );
    assert_eq!(k.lookup(Mode::Normal, &ch('w')), None);
    assert_eq!(k.lookup(Mode::Detail, &ch('q')), Some(Action::Back));
    assert_eq!(k.lookup(Mode::Detail, &ch('J')), Some(Action::MoveDown));
    assert_eq!(k.lookup(Mode::Status, &ch('d')), Some(Action::PickDone));
    assert_eq!(k.lookup(Mode::Filter, &ch(' ')), Some(Action::NextValue));
    assert_eq!(k.lookup(Mode::Note, &ctrl('s')), Some(Action::Save));
    assert_eq!(k.lookup(Mode::Note, &key(KeyCode::Enter, none)), None);
    assert_eq!(
        k.lookup(Mode::Progress, &key(KeyCode::Up, none)),
        Some(Action::NextValue)
    );
    assert_eq!(
        k.lookup(Mode::Help, &key(KeyCode::Esc, none)),
        Some(Action::Back)
    );
    assert_eq!(
        k.lookup(Mode::Help, &key(KeyCode::F(1), none)),
        Some(Action::Back)
    );
    let super_j = key(KeyCode::Char('j'), KeyModifiers::SUPER);
    assert_eq!(k.lookup(Mode::Normal, &super_j), None);
}

#[test]
fn characters_are_text_in_modes_that_take_text() {
    // Loading refuses such bindings (see the fixtures); lookup also never asks.
    let k = default();
    for mode in Mode::ALL.into_iter().filter(|m| m.takes_text()) {
        for c in ['q', '?', 'j', 'G', ' ', '1', 'đ'] {
            assert_eq!(k.lookup(mode, &ch(c)), None, "[{}] {c:?}", mode.name());
        }
        let shifted = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(k.lookup(mode, &shifted), None, "[{}] G", mode.name());
    }
    assert_eq!(k.lookup(Mode::Search, &ctrl('n')), Some(Action::MoveDown));
}

#[test]
fn ctrl_h_is_backspace_and_shift_tab_is_backtab() {
    let mut k = default();
    let text = "[normal]\nkeymap = [\n  { on = \"backspace\", run = \"back\" },\n  \
                { on = \"shift-tab\", run = \"cycle_grouping\" },\n]\n";
    k.overlay("test", text).expect("valid");
    assert_eq!(k.lookup(Mode::Normal, &ctrl('h')), Some(Action::Back));
    let backspace = key(KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(k.lookup(Mode::Normal, &backspace), Some(Action::Back));
    let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        k.lookup(Mode::Normal, &backtab),
        Some(Action::CycleGrouping)
    );
    assert_eq!(
        keys(&k, Mode::Normal, Action::CycleGrouping),
        ["tab", "shift-tab"]
    );
}

#[test]
fn bindings_and_keys_keep_file_order() {
    let k = default();
    let first = &k.bindings(Mode::Normal)[0];
    assert_eq!(
        (first.key.to_string(), first.action),
        ("j".to_string(), Action::MoveDown)
    );
    assert_eq!(keys(&k, Mode::Normal, Action::MoveDown), ["j", "down"]);
    assert_eq!(keys(&k, Mode::Normal, Action::Quit), ["q", "ctrl-c"]);
    assert_eq!(keys(&k, Mode::Detail, Action::Back), ["esc", "q", "enter"]);
    assert_eq!(keys(&k, Mode::Note, Action::Save), ["ctrl-s", "ctrl-o"]);
    assert_eq!(keys(&k, Mode::Help, Action::Quit), Vec::<String>::new());
}

// --- Overrides -------------------------------------------------------------------------------

fn fixture(name: &str) -> PathBuf {
    manifest("tests/fixtures/keymaps").join(name)
}

#[test]
fn a_later_file_replaces_by_key_in_place_unbinds_noop_and_appends_new_keys() {
    let base = default();
    let user = Keymap::load(None, Some(&fixture("override.toml"))).expect("valid override");
    let normal = user.bindings(Mode::Normal);
    let at = |keymap: &Keymap, spec: &str| {
        keymap
            .bindings(Mode::Normal)
            .iter()
            .position(|b| b.key.to_string() == spec)
    };
    // Replaced in place, with the file's description.
    assert_eq!(at(&user, "s"), at(&base, "s"));
    let s = &normal[at(&user, "s").expect("s is bound")];
    assert_eq!(s.action, Action::AddNote);
    assert_eq!(s.desc.as_deref(), Some("Ghi chú / Note"));
    assert_eq!(
        (normal[0].key.to_string(), normal[0].action),
        ("j".into(), Action::MoveUp)
    );
    // Unbound; unbinding a key that was not bound changes nothing.
    assert_eq!(at(&user, "q"), None);
    assert_eq!(user.lookup(Mode::Normal, &ch('q')), None);
    assert_eq!(at(&user, "ctrl-e"), None);
    // Appended at the end.
    let last = normal.last().expect("bindings");
    assert_eq!(
        (last.key.to_string(), last.action),
        ("ctrl-q".into(), Action::Quit)
    );
    assert_eq!(normal.len(), base.bindings(Mode::Normal).len());
    assert_eq!(
        keys(&user, Mode::Normal, Action::Quit),
        ["ctrl-c", "ctrl-q"]
    );
    assert_eq!(
        keys(&user, Mode::Note, Action::Save),
        ["ctrl-s", "alt-enter"]
    );
    // Sections the file does not name are untouched.
    for mode in [
        Mode::Detail,
        Mode::Search,
        Mode::Filter,
        Mode::Status,
        Mode::Help,
    ] {
        assert_eq!(user.bindings(mode), base.bindings(mode), "{mode:?}");
    }
    // The same file given as --keymap FILE gives the same keymap.
    let path = fixture("override.toml");
    let as_preset = Keymap::load(Some(path.to_str().expect("utf-8")), None).expect("valid");
    assert_eq!(as_preset, user);
}

#[test]
fn the_user_file_applies_after_the_preset_and_only_if_it_exists() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("keymap.toml");
    let loaded = Keymap::load(None, Some(&missing)).map_err(|e| e.to_string());
    assert_eq!(loaded, Ok(default()));
    let arrows = Keymap::load(Some("arrows"), None).expect("arrows");
    assert_eq!(keys(&arrows, Mode::Normal, Action::SetStatus), ["f2"]);
    assert_eq!(arrows.lookup(Mode::Normal, &ch('s')), None);
    assert_eq!(arrows.lookup(Mode::Normal, &ch('q')), None);
    assert_eq!(
        arrows.lookup(Mode::Normal, &ch('j')),
        Some(Action::MoveDown)
    );
    let user = dir.path().join("mine.toml");
    let text = "[normal]\nkeymap = [{ on = \"f2\", run = \"help\" }, { on = \"s\", run = \"set_status\" }]\n";
    std::fs::write(&user, text).expect("write");
    let both = Keymap::load(Some("arrows"), Some(&user)).expect("valid");
    assert_eq!(keys(&both, Mode::Normal, Action::SetStatus), ["s"]);
    assert_eq!(
        both.lookup(Mode::Normal, &key(KeyCode::F(2), KeyModifiers::NONE)),
        Some(Action::Help)
    );
    let vim = Keymap::load(Some("vim"), None).expect("vim");
    assert_eq!(vim.lookup(Mode::Normal, &ch('l')), Some(Action::OpenDetail));
    assert_eq!(
        vim.lookup(Mode::Progress, &ctrl('a')),
        Some(Action::NextValue)
    );
}

#[test]
fn a_refused_file_changes_nothing() {
    let mut k = default();
    let text = "[normal]\nkeymap = [{ on = \"j\", run = \"quit\" }]\n\
                [note]\nkeymap = [{ on = \"q\", run = \"back\" }]\n";
    let err = k
        .overlay("mine.toml", text)
        .expect_err("q is text in a note");
    assert_eq!(
        err.to_string(),
        "mine.toml:4: [note] entry 1, on = \"q\": [note] takes text, so \"q\" is typed, never \
         looked up: bind a named key (enter, f1, ...) or a character with ctrl- or alt-"
    );
    assert_eq!(k, default());
}

// --- Invalid files ---------------------------------------------------------------------------

#[test]
fn every_invalid_fixture_says_where_and_what() {
    let cases = [
        (
            "unknown_action.toml",
            ":5: [normal] entry 2, on = \"w\": unknown action \"save_note\" (did you mean \
             save, add_note, next_note?)",
        ),
        (
            "bad_key.toml",
            ":6: [note] entry 3, on = \"C-s\": emacs-style key: write \"ctrl-s\"",
        ),
        (
            "duplicate_key.toml",
            ":6: [normal] entry 3, on = \"shift-g\": \"G\" is already bound in this section by \
             entry 1 (line 4)",
        ),
        (
            "unknown_mode.toml",
            ":5: unknown mode section [visual] (modes: normal, detail, search, filter, status, \
             progress, note, done_on, withdraw, help, unit_picker, dashboard, meeting, \
             new_meeting, conclusion, assign, close_meeting, target_value, export)",
        ),
        (
            "text_mode_printable.toml",
            ":4: [help] entry 1, on = \"q\": [help] takes text, so \"q\" is typed, never looked \
             up: bind a named key (enter, f1, ...) or a character with ctrl- or alt-",
        ),
        (
            "syntax_error.toml",
            ":4:21: TOML syntax error: string values must be quoted, expected literal string",
        ),
        (
            "not_accepted.toml",
            ":4: [note] entry 1, on = \"ctrl-q\": \"quit\" does nothing in [note] (actions \
             there: help, back, save, discard_note)",
        ),
        (
            "missing_run.toml",
            ":4: [status] entry 2, on = \"x\": missing `run` (the action, e.g. run = \
             \"move_down\", or \"noop\" to unbind the key)",
        ),
        (
            "key_sequence.toml",
            ":3: [normal] entry 1: key sequences are not supported: `on` is one key",
        ),
        (
            "unknown_field.toml",
            ":3: [normal] entry 1: unknown field `key` (an entry has on, run and desc)",
        ),
        (
            "not_a_list.toml",
            ":2: [normal] unknown key `keys`: a section must hold `keymap = [ { on = \"j\", \
             run = \"move_down\" }, ... ]`",
        ),
    ];
    let mut listed: Vec<String> = std::fs::read_dir(manifest("tests/fixtures/keymaps"))
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "override.toml")
        .collect();
    listed.sort();
    let mut named: Vec<String> = cases.iter().map(|(f, _)| (*f).to_string()).collect();
    named.sort();
    assert_eq!(
        listed, named,
        "every invalid fixture has its expected message"
    );
    for (file, message) in cases {
        let path = fixture(file);
        let err = Keymap::load(None, Some(&path)).expect_err(file);
        assert_eq!(err.to_string(), format!("{}{message}", path.display()));
    }
}

#[test]
fn unknown_presets_and_missing_files_are_named() {
    let err = Keymap::load(Some("emacs"), None).expect_err("no such preset");
    assert_eq!(
        err.to_string(),
        "unknown keymap preset \"emacs\": the presets are default, vim, arrows; or give the path \
         of a .toml file"
    );
    let err = Keymap::load(Some("./nowhere/keys.toml"), None).expect_err("no such file");
    assert!(
        err.to_string()
            .starts_with("./nowhere/keys.toml: cannot read the file: "),
        "{err}"
    );
    let io = std::error::Error::source(&err).and_then(|s| s.downcast_ref::<std::io::Error>());
    assert_eq!(
        io.map(std::io::Error::kind),
        Some(std::io::ErrorKind::NotFound),
        "the io error is kept as the source"
    );
    let mut k = Keymap::empty();
    let err = k
        .overlay(
            "keymaps/vim.toml (embedded)",
            "[normal]\nkeymap = [{ on = \"M-x\", run = \"quit\" }]",
        )
        .expect_err("emacs key");
    assert_eq!(
        err.to_string(),
        "keymaps/vim.toml (embedded):2: [normal] entry 1, on = \"M-x\": emacs-style key: write \
         \"alt-x\""
    );
}

#[test]
fn invalid_fixtures_read_in_vietnamese_too() {
    let cases = [
        (
            "unknown_action.toml",
            ":5: [normal] phần tử 2, on = \"w\": không có thao tác \"save_note\" (có phải ý bạn \
             là save, add_note, next_note?)",
        ),
        (
            "bad_key.toml",
            ":6: [note] phần tử 3, on = \"C-s\": cách viết phím kiểu emacs: hãy viết \"ctrl-s\"",
        ),
        (
            "duplicate_key.toml",
            ":6: [normal] phần tử 3, on = \"shift-g\": \"G\" đã được gán trong mục này ở phần tử \
             1 (dòng 4)",
        ),
        (
            "unknown_mode.toml",
            ":5: mục [visual] không phải là một chế độ (các chế độ: normal, detail, search, \
             filter, status, progress, note, done_on, withdraw, help, unit_picker, dashboard, \
             meeting, new_meeting, conclusion, assign, close_meeting, target_value, export)",
        ),
        (
            "syntax_error.toml",
            ":4:21: lỗi cú pháp TOML: string values must be quoted, expected literal string",
        ),
        (
            "not_accepted.toml",
            ":4: [note] phần tử 1, on = \"ctrl-q\": \"quit\" không có tác dụng trong [note] (các \
             thao tác ở đó: help, back, save, discard_note)",
        ),
        (
            "missing_run.toml",
            ":4: [status] phần tử 2, on = \"x\": thiếu `run` (thao tác, ví dụ run = \
             \"move_down\", hoặc \"noop\" để bỏ gán phím)",
        ),
        (
            "key_sequence.toml",
            ":3: [normal] phần tử 1: không hỗ trợ chuỗi phím: `on` chỉ là một phím",
        ),
        (
            "unknown_field.toml",
            ":3: [normal] phần tử 1: trường `key` không hợp lệ (mỗi phần tử có on, run và desc)",
        ),
        (
            "not_a_list.toml",
            ":2: [normal] khóa `keys` không hợp lệ: mỗi mục phải có dạng `keymap = [ { on = \
             \"j\", run = \"move_down\" }, ... ]`",
        ),
        (
            "text_mode_printable.toml",
            ":4: [help] phần tử 1, on = \"q\": [help] nhận văn bản, nên \"q\" được gõ thành chữ, \
             không bao giờ được tra như phím tắt: hãy gán một phím có tên (enter, f1, ...) hoặc \
             một ký tự kèm ctrl- hay alt-",
        ),
    ];
    for (file, message) in cases {
        let path = fixture(file);
        let err = Keymap::load(None, Some(&path)).expect_err(file);
        assert_eq!(
            err.in_lang(steerdeck::i18n::Lang::Vi),
            format!("{}{message}", path.display())
        );
        assert_eq!(err.in_lang(steerdeck::i18n::Lang::En), err.to_string());
    }
    let err = Keymap::load(Some("emacs"), None).expect_err("no such preset");
    let vi = err.in_lang(steerdeck::i18n::Lang::Vi);
    assert!(
        vi.starts_with("không có bộ phím tắt có sẵn \"emacs\": các bộ có sẵn là "),
        "{vi}"
    );
    assert!(
        err.to_string()
            .starts_with("unknown keymap preset \"emacs\"")
    );
}
