//! Entering and leaving the terminal's interactive state, whatever happens: normal exit, error,
//! panic, or a hangup. Restoring turns off everything we turned on (raw mode, alternate screen,
//! bracketed paste), which `ratatui::restore` alone does not.

use std::io::{Stdout, Write, stdout};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal we draw on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Switches the terminal to the interactive state and installs a panic hook that restores it.
pub fn enter() -> std::io::Result<Term> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(out)).inspect_err(|_| restore())
}

/// Puts the terminal back as it was. Safe to call more than once, and when the terminal is gone.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut out = stdout();
    let _ = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        // The language is not known here: both, Vietnamese first.
        eprintln!(
            "steerdeck dừng vì một lỗi bên trong. Mọi thay đổi màn hình đã báo là đã lưu đều có \
             trong kho dữ liệu; xin báo lại bạn đang làm gì.\n\
             steerdeck stopped on an internal error. Every change the screen showed as saved is \
             in the store; please report what you were doing."
        );
        previous(info);
    }));
}
