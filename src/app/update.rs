//! `App::update`: the one place actions change the state.

use super::edit::status_index;
use super::menu::{self, Field};
use super::{Action, App, Mode, Row, Tone};
use crate::domain::Status;
use crate::i18n::Msg;
use crate::query::{Due, Filter, Query};

impl App {
    /// Applies an action in the current mode. An action the mode does not accept
    /// ([`Mode::accepts`], the same table the keymap is checked against) changes nothing.
    /// While the terminal is too small to show the screen, only `Quit` acts: nothing may change
    /// behind the "too small" message.
    pub fn update(&mut self, action: Action) {
        // An action sees the rows of the search typed so far.
        self.flush_search();
        if self.too_small {
            if action == Action::Quit {
                self.stash_note();
                self.quit = true;
            }
            return;
        }
        if !self.mode.accepts(action) {
            return;
        }
        if action != Action::Noop {
            self.message = None;
        }
        match self.mode {
            Mode::Normal | Mode::Detail => self.update_browse(action),
            Mode::Search => self.update_search(action),
            Mode::Filter => self.update_filter(action),
            Mode::Status => self.update_status(action),
            Mode::Progress => self.update_progress(action),
            Mode::DoneOn => self.update_done_on(action),
            Mode::Note => self.update_note(action),
            Mode::Withdraw => self.update_withdraw(action),
            Mode::Help => self.update_help(action),
            Mode::UnitPicker => self.update_unit_picker(action),
            Mode::Dashboard => self.update_dashboard(action),
            Mode::Meeting => self.update_meeting(action),
            Mode::NewMeeting | Mode::Assign => self.update_form(action),
            Mode::Conclusion => self.update_conclusion(action),
            Mode::TargetValue => self.update_target_value(action),
            Mode::CloseMeeting => match action {
                Action::Confirm => self.confirm_close(),
                Action::Help => self.open_help(),
                _ => self.close_popup(),
            },
            Mode::Export => self.update_export(action),
        }
        self.clamp();
        self.ensure_history();
    }

    fn update_browse(&mut self, action: Action) {
        if self.mode == Mode::Detail {
            self.update_detail(action);
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Back if !self.search.is_empty() => self.set_search(""),
            Action::Back => self.say(Tone::Info, self.cfg.lang.t(Msg::NothingToClose)),
            Action::Help => self.open_help(),
            Action::MoveDown => self.selected += 1,
            Action::MoveUp => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected += self.page.max(1),
            Action::PageUp => self.selected = self.selected.saturating_sub(self.page.max(1)),
            Action::GoTop => self.selected = 0,
            Action::GoBottom => self.selected = self.view.rows.len().saturating_sub(1),
            Action::NextGroup
            | Action::PrevGroup
            | Action::ToggleGroup
            | Action::FoldAll
            | Action::UnfoldAll
                if self.view.groups.is_empty() =>
            {
                let key = self
                    .cfg
                    .keymap
                    .keys_for(Mode::Normal, Action::CycleGrouping)
                    .first()
                    .map_or_else(String::new, ToString::to_string);
                let text = self.cfg.lang.t(Msg::NoGroups).replace("{key}", &key);
                self.say(Tone::Info, text);
            }
            Action::NextGroup => self.jump_group(true),
            Action::PrevGroup => self.jump_group(false),
            Action::ToggleGroup => self.toggle_group(),
            Action::FoldAll => {
                let keys: Vec<String> = self.view.groups.iter().map(|g| g.key.clone()).collect();
                self.folded.extend(keys);
                self.rebuild();
            }
            Action::UnfoldAll => {
                self.folded.clear();
                self.rebuild();
            }
            Action::CycleGrouping => {
                self.grouping = self.grouping.next(!self.search.is_empty());
                self.folded.clear();
                self.rebuild();
            }
            Action::OpenDetail => match self.view.rows.get(self.selected) {
                Some(Row::Group(_)) => self.toggle_group(),
                Some(Row::Task { .. }) => {
                    self.detail_scroll = 0;
                    self.note_cursor = self.last_current_note();
                    self.mode = Mode::Detail;
                }
                None => self.say(Tone::Info, self.cfg.lang.t(Msg::NothingFound)),
            },
            Action::Search => self.mode = Mode::Search,
            Action::Filter => self.mode = Mode::Filter,
            Action::ClearFilters => self.clear_filters(),
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
            Action::AddNote => self.open_note(None),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ToggleLanguage => self.toggle_language(),
            Action::Dashboard => {
                self.mode = Mode::Dashboard;
                if self.dash_stale {
                    self.refresh_dashboard();
                }
            }
            Action::Meeting => self.enter_meeting(),
            Action::AddToAgenda => self.add_to_agenda(),
            Action::ViewChanged => self.view_changed(),
            Action::ExportMenu => self.open_export(),
            _ => {}
        }
    }

    /// The detail: keys move within the task's text; J/K step to the next or previous task.
    fn update_detail(&mut self, action: Action) {
        let page = u16::try_from(self.page.max(1)).unwrap_or(u16::MAX);
        match action {
            Action::Quit | Action::Back => self.mode = Mode::Normal,
            Action::Help => self.open_help(),
            Action::MoveDown => self.step_task(1),
            Action::MoveUp => self.step_task(-1),
            Action::ScrollDown => self.detail_scroll = self.detail_scroll.saturating_add(1),
            Action::ScrollUp => self.detail_scroll = self.detail_scroll.saturating_sub(1),
            Action::PageDown => self.detail_scroll = self.detail_scroll.saturating_add(page),
            Action::PageUp => self.detail_scroll = self.detail_scroll.saturating_sub(page),
            Action::GoTop => self.detail_scroll = 0,
            Action::GoBottom => self.detail_scroll = u16::MAX,
            Action::NextNote => self.step_note(true),
            Action::PrevNote => self.step_note(false),
            Action::CorrectNote => {
                let cursor = self.note_cursor;
                match cursor {
                    Some(i) => self.open_note(Some(i)),
                    None => self.say(Tone::Error, self.cfg.lang.t(Msg::NoNoteSelected)),
                }
            }
            Action::WithdrawNote => self.open_withdraw(),
            Action::SetStatus => self.open_status(),
            Action::SetProgress => self.open_progress(),
            Action::AddNote => self.open_note(None),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ToggleLanguage => self.toggle_language(),
            _ => {}
        }
    }

    fn clear_filters(&mut self) {
        if self.filter.is_empty() && self.search.is_empty() {
            self.say(Tone::Info, self.cfg.lang.t(Msg::NothingToClear));
            return;
        }
        self.filter = Filter::default();
        self.set_search("");
    }

    /// A status letter in the picker highlights that status (Enter saves it).
    fn pick(&mut self, status: Status) {
        let i = status_index(status);
        if self.status_cursor == i {
            self.say(Tone::Info, self.cfg.lang.t(Msg::AlreadyPicked));
        }
        self.status_cursor = i;
    }

    pub(super) fn toggle_language(&mut self) {
        self.cfg.lang = match self.cfg.lang {
            crate::i18n::Lang::Vi => crate::i18n::Lang::En,
            crate::i18n::Lang::En => crate::i18n::Lang::Vi,
        };
        self.rebuild();
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
            Action::PageDown => self.selected += self.page.max(1),
            Action::PageUp => self.selected = self.selected.saturating_sub(self.page.max(1)),
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_filter(&mut self, action: Action) {
        let n = Field::ALL.len();
        let on_lead = Field::ALL.get(self.menu.field) == Some(&Field::Lead);
        match action {
            // The lead unit line opens a picker one types in, instead of cycling ~25 units.
            Action::Confirm | Action::NextValue | Action::PrevValue if on_lead => {
                self.open_unit_picker();
            }
            Action::NextField | Action::MoveDown => self.menu.field = (self.menu.field + 1) % n,
            Action::PrevField | Action::MoveUp => self.menu.field = (self.menu.field + n - 1) % n,
            Action::NextValue => self.cycle_value(true),
            Action::PrevValue => self.cycle_value(false),
            Action::ClearFilters => self.clear_filters(),
            Action::Confirm | Action::Back | Action::Filter => self.mode = Mode::Normal,
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_status(&mut self, action: Action) {
        let n = Status::ALL.len();
        match action {
            Action::PickNotStarted => self.pick(Status::NotStarted),
            Action::PickInProgress => self.pick(Status::InProgress),
            Action::PickBlocked => self.pick(Status::Blocked),
            Action::PickDone => self.pick(Status::Done),
            Action::PickCancelled => self.pick(Status::Cancelled),
            Action::MoveDown => self.status_cursor = (self.status_cursor + 1) % n,
            Action::MoveUp => self.status_cursor = (self.status_cursor + n - 1) % n,
            Action::Confirm => {
                let status = Status::ALL[self.status_cursor.min(n - 1)];
                self.choose_status(status);
            }
            Action::Back => self.close_popup(),
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_progress(&mut self, action: Action) {
        match action {
            Action::NextValue => self.nudge_progress(10),
            Action::PrevValue => self.nudge_progress(-10),
            Action::Confirm => self.confirm_progress(),
            Action::Back => self.close_popup(),
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_done_on(&mut self, action: Action) {
        match action {
            Action::NextValue => self.nudge_done_on(1),
            Action::PrevValue => self.nudge_done_on(-1),
            Action::Confirm => self.confirm_done_on(),
            // Back to the status picker, to choose again.
            Action::Back => self.mode = Mode::Status,
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_note(&mut self, action: Action) {
        match action {
            Action::Save => self.save_note(),
            Action::DiscardNote => self.discard_note(),
            Action::Back => {
                self.stash_note();
                let kept = !self.note.is_empty();
                self.close_popup();
                if kept {
                    self.say(Tone::Info, self.cfg.lang.t(Msg::DraftKept));
                }
            }
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    fn update_withdraw(&mut self, action: Action) {
        match action {
            Action::Confirm => self.confirm_withdraw(),
            Action::Back => self.close_popup(),
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
        if self.too_small {
            return;
        }
        if self.mode == Mode::Note {
            let clean = crate::domain::text::nfc(&text.replace("\r\n", "\n").replace('\r', "\n"));
            self.note.insert_str(clean);
            return;
        }
        if self.mode == Mode::Conclusion {
            let clean = crate::domain::text::nfc(&text.replace("\r\n", "\n").replace('\r', "\n"));
            self.meet.conclusion.insert_str(clean);
            return;
        }
        if !self.fits_field(text) {
            return;
        }
        self.replace_shown_value();
        self.edit_field(|f| f.insert(text));
    }

    /// Applies an editing key to the one-line field of the current mode.
    pub fn text_key(&mut self, key: super::input::TextKey) {
        if self.too_small {
            return;
        }
        match key {
            super::input::TextKey::Char(c) => {
                if !self.fits_field(c.encode_utf8(&mut [0; 4])) {
                    return;
                }
                self.replace_shown_value();
            }
            _ => self.replace_on_type = false,
        }
        self.edit_field(|f| f.key(key));
    }

    /// Number fields take what a number or a day is written with; anything else is refused with
    /// the sentence saying what the field wants.
    fn fits_field(&mut self, text: &str) -> bool {
        let (ok, msg): (fn(char) -> bool, Msg) = match self.mode {
            Mode::Progress => (
                |c| c.is_ascii_digit() || c == '%' || c == ' ',
                Msg::BadProgress,
            ),
            Mode::DoneOn => (|c| c.is_ascii_digit() || "/.- ".contains(c), Msg::BadDay),
            _ => return true,
        };
        if text.chars().all(ok) {
            return true;
        }
        self.say(Tone::Error, self.cfg.lang.t(msg));
        false
    }

    /// In the progress and date popups the value shown on opening is a proposal: the first
    /// character typed replaces it (0% then "40" is 40, not 040).
    fn replace_shown_value(&mut self) {
        if std::mem::take(&mut self.replace_on_type) {
            match self.mode {
                Mode::Progress => self.progress_input.clear(),
                Mode::DoneOn => self.done_input.clear(),
                _ => {}
            }
        }
    }

    /// Passes a key to the note editor (arrows, Enter for a new line, Backspace, Ctrl+H ...).
    pub fn note_key(&mut self, key: ratatui::crossterm::event::KeyEvent) {
        if self.mode == Mode::Note && !self.too_small {
            self.note.input(key);
        } else if self.mode == Mode::Conclusion && !self.too_small {
            self.meet.conclusion.input(key);
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
            Mode::DoneOn => edit(&mut self.done_input),
            Mode::NewMeeting | Mode::Assign => {
                if let Some(f) = self.form_field() {
                    edit(f);
                }
            }
            Mode::TargetValue => {
                if let Some(f) = self.target_field() {
                    edit(f);
                }
            }
            Mode::Help => {
                edit(&mut self.help.query);
                self.help.scroll = 0;
            }
            Mode::UnitPicker => {
                let before = self.unit_query.clone();
                edit(&mut self.unit_query);
                if self.unit_query != before {
                    // The best match of the new words is what one wants highlighted.
                    self.unit_cursor = 0;
                }
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

    /// The runtime is about to handle keys typed in one burst (a paste, fast typing, a line sent
    /// over a slow link): search keys change the text at once but filter the rows once, at
    /// [`App::end_burst`] or before the next action, not once per key.
    pub fn begin_burst(&mut self) {
        self.batching = true;
    }

    /// The burst is handled: the rows follow the search typed, before the frame is drawn.
    pub fn end_burst(&mut self) {
        self.batching = false;
        self.flush_search();
    }

    fn flush_search(&mut self) {
        if std::mem::take(&mut self.search_pending) {
            self.filter_by_search();
        }
    }

    fn apply_search(&mut self, input: super::TextInput) {
        if self.search.is_empty() != input.is_empty() {
            self.search_grouping(!input.is_empty());
        }
        self.search = input;
        self.query = Query::new(self.search.text());
        if self.batching {
            self.search_pending = true;
            return;
        }
        self.filter_by_search();
    }

    fn filter_by_search(&mut self) {
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

    pub(super) fn preset(&mut self, filter: Filter) {
        self.filter = if self.filter == filter {
            Filter::default()
        } else {
            filter
        };
        self.rebuild();
    }

    fn cycle_value(&mut self, forward: bool) {
        let field = Field::ALL[self.menu.field.min(Field::ALL.len() - 1)];
        let values = menu::values(
            field,
            &self.plan,
            self.tasks(),
            &self.cfg.registry,
            self.cfg.as_of,
        );
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

    pub(super) fn open_help(&mut self) {
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
            if !self.folded.remove(&key) {
                self.folded.insert(key.clone());
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
        // The header goes to the top of the list, its tasks below it (as far as the list goes:
        // the last groups cannot scroll higher than the end of the list allows).
        if let Some((i, _)) = found {
            self.selected = i;
            self.offset = i;
        } else {
            let msg = if forward {
                Msg::LastGroup
            } else {
                Msg::FirstGroup
            };
            self.say(Tone::Info, self.cfg.lang.t(msg));
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
                let msg = if dir > 0 {
                    Msg::LastTask
                } else {
                    Msg::FirstTask
                };
                self.say(Tone::Info, self.cfg.lang.t(msg));
                return;
            };
            i = next;
            if matches!(self.view.rows[i], Row::Task { .. }) {
                self.selected = i;
                self.detail_scroll = 0;
                self.note_cursor = self.last_current_note();
                return;
            }
        }
    }

    /// In the detail: the next or previous note that stands.
    fn step_note(&mut self, forward: bool) {
        let Some(task) = self.selected_task() else {
            return;
        };
        let current: Vec<usize> = task.state.current_notes().map(|(i, _)| i).collect();
        if current.is_empty() {
            self.say(Tone::Info, self.cfg.lang.t(Msg::NoNotes));
            return;
        }
        let pos = self
            .note_cursor
            .and_then(|c| current.iter().position(|i| *i == c));
        let n = current.len();
        let next = match (pos, forward) {
            (None, _) => n - 1,
            (Some(p), true) => (p + 1) % n,
            (Some(p), false) => (p + n - 1) % n,
        };
        if self.note_cursor == Some(current[next]) {
            self.say(Tone::Info, self.cfg.lang.t(Msg::OnlyNote));
        }
        self.note_cursor = Some(current[next]);
    }
}

/// The lead unit picker.
impl App {
    fn open_unit_picker(&mut self) {
        self.unit_query.clear();
        let current = self
            .filter
            .lead
            .as_deref()
            .and_then(|l| crate::query::find_unit(&self.cfg.registry, l))
            .map(|u| u.key.clone());
        self.unit_cursor = self
            .unit_choices()
            .iter()
            .position(|c| c.map(|u| &u.key) == current.as_ref())
            .unwrap_or(0);
        self.mode = Mode::UnitPicker;
    }

    fn update_unit_picker(&mut self, action: Action) {
        let choices: Vec<Option<String>> = self
            .unit_choices()
            .into_iter()
            .map(|c| c.map(|u| u.short.clone()))
            .collect();
        let n = choices.len();
        match action {
            Action::MoveDown | Action::MoveUp if n == 0 => {
                self.say(Tone::Info, self.cfg.lang.t(Msg::NoUnitMatches));
            }
            Action::MoveDown => self.unit_cursor = (self.unit_cursor + 1) % n,
            Action::MoveUp => self.unit_cursor = (self.unit_cursor.min(n - 1) + n - 1) % n,
            Action::Confirm => match choices.get(self.unit_cursor) {
                Some(choice) => {
                    self.filter.lead.clone_from(choice);
                    self.mode = Mode::Filter;
                    self.rebuild();
                }
                None => self.say(Tone::Info, self.cfg.lang.t(Msg::NoUnitMatches)),
            },
            Action::Back => self.mode = Mode::Filter,
            Action::Help => self.open_help(),
            _ => {}
        }
    }
}

/// Best first while searching.
impl App {
    /// A search starts ranked (no groups, best match first) and its end brings back the
    /// grouping it replaced, unless `Tab` chose another meanwhile.
    pub(super) fn search_grouping(&mut self, searching: bool) {
        if searching {
            if self.grouping != super::Grouping::Ranked {
                self.grouping_before_search = Some(self.grouping);
                self.grouping = super::Grouping::Ranked;
            }
        } else {
            let before = self.grouping_before_search.take();
            if self.grouping == super::Grouping::Ranked {
                self.grouping = before.unwrap_or_default();
            }
        }
    }
}
