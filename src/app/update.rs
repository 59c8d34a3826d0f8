//! `App::update`: the one place actions change the state.

use super::menu::{self, Field};
use super::{Action, App, Mode, Row, Tone};
use crate::domain::Status;
use crate::i18n::Msg;
use crate::query::{Due, Filter, Query};

impl App {
    /// Applies an action in the current mode. Actions a mode does not use are ignored.
    pub fn update(&mut self, action: Action) {
        if action != Action::Noop {
            self.message = None;
        }
        match self.mode {
            Mode::Normal | Mode::Detail => self.update_browse(action),
            Mode::Search => self.update_search(action),
            Mode::Filter => self.update_filter(action),
            Mode::Status => self.update_status(action),
            Mode::Progress => self.update_progress(action),
            Mode::Note => self.update_note(action),
            Mode::Help => self.update_help(action),
        }
        self.clamp();
    }

    fn update_browse(&mut self, action: Action) {
        let detail = self.mode == Mode::Detail;
        match action {
            Action::Quit if !detail => self.quit = true,
            Action::Quit | Action::Back if detail => self.mode = Mode::Normal,
            Action::Back if !self.search.is_empty() => self.set_search(""),
            Action::Help => self.open_help(),
            Action::MoveDown if detail => self.step_task(1),
            Action::MoveUp if detail => self.step_task(-1),
            Action::MoveDown => self.selected += 1,
            Action::MoveUp => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected += self.page.max(1),
            Action::PageUp => self.selected = self.selected.saturating_sub(self.page.max(1)),
            Action::GoTop => self.selected = 0,
            Action::GoBottom => self.selected = self.view.rows.len().saturating_sub(1),
            Action::NextGroup => self.jump_group(true),
            Action::PrevGroup => self.jump_group(false),
            Action::ToggleGroup => self.toggle_group(),
            Action::FoldAll => {
                let keys: Vec<String> = self.view.groups.iter().map(|g| g.key.clone()).collect();
                self.folded_mut().extend(keys);
                self.rebuild();
            }
            Action::UnfoldAll => {
                self.folded_mut().clear();
                self.rebuild();
            }
            Action::CycleGrouping => {
                self.grouping = self.grouping.next();
                self.folded_mut().clear();
                self.rebuild();
            }
            Action::OpenDetail | Action::Confirm => match self.view.rows.get(self.selected) {
                Some(Row::Group(_)) => self.toggle_group(),
                Some(Row::Task { .. }) if !detail => {
                    self.detail_scroll = 0;
                    self.mode = Mode::Detail;
                }
                _ => self.mode = Mode::Normal,
            },
            Action::ScrollDown => self.detail_scroll = self.detail_scroll.saturating_add(1),
            Action::ScrollUp => self.detail_scroll = self.detail_scroll.saturating_sub(1),
            Action::Search => {
                self.mode = Mode::Search;
            }
            Action::Filter => self.mode = Mode::Filter,
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.set_search("");
            }
            Action::ViewOverdue => self.preset(Filter {
                due: vec![Due::Overdue],
                ..Filter::default()
            }),
            Action::ViewDueThisQuarter => {
                self.preset(Filter {
                    due: vec![Due::ThisQuarter],
                    ..Filter::default()
                });
            }
            Action::ViewBlocked => {
                self.preset(Filter {
                    statuses: vec![Status::Blocked],
                    ..Filter::default()
                });
            }
            Action::SetStatus => self.open_status(),
            Action::SetProgress => self.open_progress(),
            Action::AddNote => self.open_note(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ToggleLanguage => {
                self.cfg.lang = match self.cfg.lang {
                    crate::i18n::Lang::Vi => crate::i18n::Lang::En,
                    crate::i18n::Lang::En => crate::i18n::Lang::Vi,
                };
                self.rebuild();
            }
            _ => {}
        }
    }

    fn update_search(&mut self, action: Action) {
        match action {
            Action::Confirm => self.mode = Mode::Normal,
            Action::Back => {
                self.set_search("");
                self.mode = Mode::Normal;
            }
            Action::MoveDown => self.selected += 1,
            Action::MoveUp => self.selected = self.selected.saturating_sub(1),
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_filter(&mut self, action: Action) {
        let n = Field::ALL.len();
        match action {
            Action::NextField | Action::MoveDown => self.menu.field = (self.menu.field + 1) % n,
            Action::PrevField | Action::MoveUp => self.menu.field = (self.menu.field + n - 1) % n,
            Action::NextValue => self.cycle_value(true),
            Action::PrevValue => self.cycle_value(false),
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.rebuild();
            }
            Action::Confirm | Action::Back | Action::Filter => self.mode = Mode::Normal,
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_status(&mut self, action: Action) {
        let pick = |s: Status| Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
        match action {
            Action::PickNotStarted => self.status_cursor = pick(Status::NotStarted),
            Action::PickInProgress => self.status_cursor = pick(Status::InProgress),
            Action::PickBlocked => self.status_cursor = pick(Status::Blocked),
            Action::PickDone => self.status_cursor = pick(Status::Done),
            Action::PickCancelled => self.status_cursor = pick(Status::Cancelled),
            Action::MoveDown | Action::NextValue => {
                self.status_cursor = (self.status_cursor + 1) % Status::ALL.len();
            }
            Action::MoveUp | Action::PrevValue => {
                self.status_cursor =
                    (self.status_cursor + Status::ALL.len() - 1) % Status::ALL.len();
            }
            Action::Confirm => {
                let status = Status::ALL[self.status_cursor.min(Status::ALL.len() - 1)];
                self.close_popup();
                self.edit_status(status);
            }
            Action::Back => self.close_popup(),
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_progress(&mut self, action: Action) {
        match action {
            Action::NextValue | Action::MoveUp => self.nudge_progress(10),
            Action::PrevValue | Action::MoveDown => self.nudge_progress(-10),
            Action::Confirm => match self
                .progress_input
                .text()
                .trim()
                .trim_end_matches('%')
                .parse::<u8>()
            {
                Ok(p) if p <= 100 => {
                    self.close_popup();
                    self.edit_progress(p);
                }
                _ => self.say(Tone::Error, self.cfg.lang.t(Msg::BadProgress)),
            },
            Action::Back => self.close_popup(),
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_note(&mut self, action: Action) {
        match action {
            Action::Save | Action::Confirm => self.save_note(),
            Action::Back => {
                self.close_popup();
                if !self.note.is_empty() {
                    self.say(Tone::Info, self.cfg.lang.t(Msg::DraftKept));
                }
            }
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_help(&mut self, action: Action) {
        match action {
            Action::Back | Action::Help | Action::Quit => {
                self.mode = self.help.mode.take().unwrap_or(Mode::Normal);
            }
            Action::ScrollDown | Action::MoveDown => {
                self.help.scroll = self.help.scroll.saturating_add(1);
            }
            Action::ScrollUp | Action::MoveUp => {
                self.help.scroll = self.help.scroll.saturating_sub(1);
            }
            Action::PageDown => self.help.scroll = self.help.scroll.saturating_add(10),
            Action::PageUp => self.help.scroll = self.help.scroll.saturating_sub(10),
            _ => {}
        }
    }

    /// Types text (a key or a paste) into the field of the current mode. Pasted line breaks
    /// stay line breaks in a note and become spaces elsewhere; everything is kept in NFC.
    pub fn type_text(&mut self, text: &str) {
        if self.mode == Mode::Note {
            let clean = crate::domain::text::nfc(&text.replace("\r\n", "\n").replace('\r', "\n"));
            self.note.insert_str(clean);
            return;
        }
        self.edit_field(|f| f.insert(text));
    }

    /// Applies an editing key to the one-line field of the current mode.
    pub fn text_key(&mut self, key: super::input::TextKey) {
        self.edit_field(|f| f.key(key));
    }

    /// Passes a key to the note editor (arrows, Enter for a new line, Backspace, Ctrl+H ...).
    pub fn note_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        if self.mode == Mode::Note {
            self.note.input(key);
        }
    }

    fn edit_field(&mut self, edit: impl FnOnce(&mut super::TextInput)) {
        match self.mode {
            Mode::Search => {
                let mut s = self.search.clone();
                edit(&mut s);
                if s != self.search {
                    self.apply_search(s);
                }
            }
            Mode::Progress => edit(&mut self.progress_input),
            Mode::Help => {
                edit(&mut self.help.query);
                self.help.scroll = 0;
            }
            _ => {}
        }
    }

    /// Sets the search text and re-filters.
    pub fn set_search(&mut self, text: &str) {
        let mut s = self.search.clone();
        s.set(text);
        self.apply_search(s);
    }

    fn apply_search(&mut self, input: super::TextInput) {
        self.search = input;
        self.query = Query::new(self.search.text());
        self.rebuild();
        // While searching, the best match is what one wants selected.
        if !self.search.is_empty() {
            self.selected = self
                .view
                .rows
                .iter()
                .position(|r| matches!(r, Row::Task { .. }))
                .unwrap_or(0);
        }
    }

    fn preset(&mut self, filter: Filter) {
        self.filter = if self.filter == filter {
            Filter::default()
        } else {
            filter
        };
        self.rebuild();
    }

    fn cycle_value(&mut self, forward: bool) {
        let field = Field::ALL[self.menu.field.min(Field::ALL.len() - 1)];
        let values = menu::values(field, &self.plan, self.tasks(), &self.cfg.registry);
        let now = menu::current(field, &self.filter);
        let pos = values.iter().position(|v| *v == now).unwrap_or(0);
        let n = values.len();
        let next = if forward {
            (pos + 1) % n
        } else {
            (pos + n - 1) % n
        };
        menu::apply(field, values[next].clone(), &mut self.filter);
        self.rebuild();
    }

    fn open_help(&mut self) {
        self.help.mode = Some(self.mode);
        self.help.query.clear();
        self.help.scroll = 0;
        self.mode = Mode::Help;
    }

    fn toggle_group(&mut self) {
        let group = match self.view.rows.get(self.selected) {
            Some(Row::Group(g)) => Some(*g),
            Some(Row::Task { .. }) => {
                self.view.rows[..self.selected]
                    .iter()
                    .rev()
                    .find_map(|r| match r {
                        Row::Group(g) => Some(*g),
                        Row::Task { .. } => None,
                    })
            }
            None => None,
        };
        if let Some(g) = group {
            let key = self.view.groups[g].key.clone();
            if !self.folded_mut().remove(&key) {
                self.folded_mut().insert(key.clone());
            }
            self.rebuild();
            if let Some(pos) = self
                .view
                .rows
                .iter()
                .position(|r| matches!(r, Row::Group(i) if self.view.groups[*i].key == key))
            {
                self.selected = pos;
            }
        }
    }

    fn jump_group(&mut self, forward: bool) {
        let is_group = |r: &Row| matches!(r, Row::Group(_));
        let found = if forward {
            self.view
                .rows
                .iter()
                .enumerate()
                .skip(self.selected + 1)
                .find(|(_, r)| is_group(r))
        } else {
            self.view
                .rows
                .iter()
                .enumerate()
                .take(self.selected)
                .rev()
                .find(|(_, r)| is_group(r))
        };
        if let Some((i, _)) = found {
            self.selected = i;
        }
    }

    /// In the detail: the next or previous task, skipping group headers.
    fn step_task(&mut self, dir: isize) {
        let mut i = self.selected;
        loop {
            let Some(next) = i
                .checked_add_signed(dir)
                .filter(|n| *n < self.view.rows.len())
            else {
                return;
            };
            i = next;
            if matches!(self.view.rows[i], Row::Task { .. }) {
                self.selected = i;
                self.detail_scroll = 0;
                return;
            }
        }
    }

    fn folded_mut(&mut self) -> &mut std::collections::HashSet<String> {
        &mut self.folded
    }

    /// Leaves a popup for the screen it was opened from.
    fn close_popup(&mut self) {
        self.mode = self.popup_return;
    }
}
