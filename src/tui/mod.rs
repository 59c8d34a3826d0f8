//! The interactive screen's runtime: one loop that waits on a channel fed by an input thread and
//! a signal thread. It draws only after something happened: idle means no CPU.

pub mod drafts;
mod terminal;

use std::sync::mpsc;
use std::thread;

use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind};

use crate::action::Mode;
use crate::app::{App, TextKey, Tone};
use crate::keymap::{Key, KeySpec};
use crate::ui::{self, Theme};

/// Why the screen could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error(
        "the interactive screen needs a terminal (use a command such as `steerdeck list` in scripts)"
    )]
    NotATerminal,
    #[error("terminal: {0}")]
    Io(#[from] std::io::Error),
}

enum Msg {
    Input(Event),
    InputClosed,
    Signal,
    /// Another session changed the store, or the connection to the server changed.
    #[cfg(target_os = "linux")]
    Store(crate::server::WatchEvent),
}

/// Checks there is a terminal to draw on (call before opening anything).
pub fn check_terminal() -> Result<(), TuiError> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(TuiError::NotATerminal)
    }
}

/// Runs the screen until the user quits, the terminal goes away, or a signal ends it. With the
/// store directory `db`, changes made by other sessions appear as they happen.
pub fn run(
    mut app: App,
    theme: &Theme,
    db: Option<&std::path::Path>,
    drafts: Option<&std::path::Path>,
) -> Result<(), TuiError> {
    check_terminal()?;
    let (tx, rx) = mpsc::channel();
    spawn_signals(tx.clone())?;
    #[cfg(target_os = "linux")]
    let _watcher = db.map(|dir| {
        let tx = tx.clone();
        let mut options = crate::server::ConnectOptions::new(dir).lang(app.lang());
        options.server_exe = std::env::current_exe().ok();
        crate::server::watch_with(options, move |e| {
            let _ = tx.send(Msg::Store(e));
        })
    });
    #[cfg(not(target_os = "linux"))]
    let _ = db;
    let mut term = terminal::enter()?;
    spawn_input(tx);
    let result = (|| -> Result<(), TuiError> {
        let size = term.size()?;
        app.set_size(size.width, size.height);
        loop {
            if let (Some(path), Some(d)) = (drafts, app.take_changed_drafts())
                && let Err(e) = self::drafts::save(path, d)
            {
                app.notify(Tone::Error, format!("{}: {e}", path.display()));
            }
            term.draw(|f| ui::draw(f, &app, theme))?;
            app.drawn();
            let Ok(mut msg) = rx.recv() else {
                return Ok(());
            };
            // Everything already waiting (keys typed in one burst) is handled before the next
            // frame: one frame for the burst, not one per key, and one search.
            app.begin_burst();
            loop {
                match msg {
                    Msg::Input(Event::Resize(w, h)) => {
                        app.set_size(w, h);
                        term.autoresize()?;
                    }
                    Msg::Input(Event::Key(key)) => handle_key(&mut app, key),
                    Msg::Input(Event::Paste(text)) => app.type_text(&text),
                    Msg::Input(_) => {}
                    #[cfg(target_os = "linux")]
                    Msg::Store(event) => store_event(&mut app, event),
                    Msg::InputClosed | Msg::Signal => {
                        app.hang_up();
                        return Ok(());
                    }
                }
                if app.wants_to_quit() {
                    if let (Some(path), Some(d)) = (drafts, app.take_changed_drafts()) {
                        let _ = self::drafts::save(path, d);
                    }
                    return Ok(());
                }
                match rx.try_recv() {
                    Ok(next) => msg = next,
                    Err(_) => break,
                }
            }
            app.end_burst();
        }
    })();
    if result.is_err() {
        // The terminal failed under us (most often: it is gone). Keep what was being typed.
        app.hang_up();
    }
    terminal::restore();
    result
}

/// Follows the store: another session's change is loaded without losing the place; a lost
/// connection is said on the status line until it is back.
#[cfg(target_os = "linux")]
fn store_event(app: &mut App, event: crate::server::WatchEvent) {
    use crate::server::WatchEvent;
    let reload = |app: &mut App| {
        if let Err(e) = app.reload() {
            let said = crate::i18n::errors::store(app.lang(), &e);
            app.notify(Tone::Error, said);
        }
    };
    match event {
        WatchEvent::Connected { seq } | WatchEvent::Changed { seq } if seq > app.last_seq() => {
            reload(app);
        }
        WatchEvent::Connected { .. } | WatchEvent::Changed { .. } => {}
        WatchEvent::Lost { message } => app.notify(Tone::Error, message),
        WatchEvent::Reconnected { .. } => {
            reload(app);
            app.notify(Tone::Info, app.lang().t(crate::i18n::Msg::Reconnected));
        }
    }
}

/// Maps a key to an action through the keymap; in text-taking modes, other keys are text.
fn handle_key(app: &mut App, key: KeyEvent) {
    if key.kind != KeyEventKind::Press {
        return;
    }
    // Behind the "too small" message only quitting works: the quit key of this screen, or of
    // the plan table (so q and Ctrl+C work even where letters are text).
    if app.too_small() {
        let quits = |mode| app.keymap().lookup(mode, &key) == Some(crate::action::Action::Quit);
        if quits(app.mode()) || quits(Mode::Normal) {
            app.update(crate::action::Action::Quit);
        }
        return;
    }
    if let Some(action) = app.keymap().lookup(app.mode(), &key) {
        app.update(action);
        return;
    }
    if !app.mode().takes_text() {
        return;
    }
    if matches!(app.mode(), Mode::Note | Mode::Conclusion) {
        app.note_key(key);
        return;
    }
    // Normalised: Ctrl+H (0x08, what input methods send) is Backspace here.
    let Some(spec) = KeySpec::from_event(&key) else {
        return;
    };
    let text_key = match (spec.text_char(), spec.key()) {
        (Some(c), _) => Some(TextKey::Char(c)),
        (None, Key::Char('w')) if spec.ctrl() => Some(TextKey::DeleteWord),
        (None, Key::Char('u')) if spec.ctrl() => Some(TextKey::Clear),
        (None, Key::Backspace) => Some(TextKey::Backspace),
        (None, Key::Delete) => Some(TextKey::Delete),
        (None, Key::Left) => Some(TextKey::Left),
        (None, Key::Right) => Some(TextKey::Right),
        (None, Key::Home) => Some(TextKey::Home),
        (None, Key::End) => Some(TextKey::End),
        _ => None,
    };
    if let Some(k) = text_key {
        app.text_key(k);
    }
}

fn spawn_input(tx: mpsc::Sender<Msg>) {
    thread::spawn(move || {
        loop {
            // An error means the terminal is gone (SSH disconnect): stop reading instead of
            // spinning on it.
            let Ok(ev) = event::read() else {
                let _ = tx.send(Msg::InputClosed);
                return;
            };
            if tx.send(Msg::Input(ev)).is_err() {
                return;
            }
        }
    });
}

fn spawn_signals(tx: mpsc::Sender<Msg>) -> Result<(), TuiError> {
    use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGQUIT])?;
    thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = sig;
            let _ = tx.send(Msg::Signal);
        }
    });
    Ok(())
}
