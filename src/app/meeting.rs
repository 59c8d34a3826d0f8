//! The meeting on the screen: which meeting is shown, its agenda walked item by item, the agenda
//! edited, the meeting opened and closed, and what changed since the last closed meeting. Every
//! change is a `Command::Desk` to the store, made against what the screen showed (`seen`), so
//! that another session's change since is refused with a sentence rather than overwritten.
//!
//! The forms (a new meeting, a conclusion, an action item) are in `meeting_forms`.

use chrono::NaiveDate;
use std::collections::BTreeSet;

use super::{Action, App, Mode, TextInput, Tone};
use crate::domain::Task;
use crate::domain::meeting::{Desk, Meeting, MeetingState};
use crate::i18n::meet::{Word, t as word};
use crate::store::{Command, DeskChange, Outcome};

/// What the meeting screen keeps besides the App's own state.
#[derive(Default)]
pub struct MeetingView {
    /// The meeting on screen.
    pub(super) shown: Option<String>,
    /// The agenda item on screen.
    pub(super) item: usize,
    /// How far the item is scrolled.
    pub(super) scroll: u16,
    /// The fields of the open form (a new meeting, an action item) and the one typed in.
    pub(super) form: Vec<TextInput>,
    /// The meeting the meeting form corrects (none: the form makes a new one).
    pub(super) editing: Option<String>,
    pub(super) field: usize,
    /// The conclusion being written, the meeting and item it is on, and what it said before.
    pub(super) conclusion: ratatui_textarea::TextArea<'static>,
    pub(super) concluding: Option<(String, String, String)>,
    /// The day of the last meeting closed by the review date, and the tasks changed since.
    pub(super) since: Option<NaiveDate>,
    pub(super) changed: BTreeSet<String>,
}

impl MeetingView {
    /// Everything a user can see change, for the invariant test.
    #[cfg(test)]
    pub(super) fn fingerprint(&self) -> String {
        format!(
            "{:?}",
            (
                &self.shown,
                self.item,
                self.scroll,
                &self.form,
                self.field,
                &self.editing,
                self.conclusion.lines(),
                &self.concluding,
                self.since,
                self.changed.len()
            )
        )
    }
}

impl App {
    /// Takes in the desk of a (re)load: the meeting shown stays, on the item about `keep` if it
    /// is still there; the changed tasks are counted again from the history since the last
    /// closed meeting.
    pub(super) fn load_desk(&mut self, keep: Option<String>) {
        if self
            .meet
            .shown
            .as_deref()
            .is_none_or(|id| self.desk.meeting(id).is_none())
        {
            self.meet.shown = choose(&self.desk);
        }
        if let Some(pos) = keep.and_then(|id| {
            self.shown_meeting()
                .and_then(|m| m.agenda.iter().position(|i| i.task == id))
        }) {
            self.meet.item = pos;
        }
        let n = self.shown_meeting().map_or(0, |m| m.agenda.len());
        self.meet.item = self.meet.item.min(n.saturating_sub(1));
        self.meet.since = self.desk.last_closed_before(self.cfg.as_of).map(|m| m.date);
        self.meet.changed = if self.meet.since.is_some() {
            self.changed_since_last(self.cfg.as_of)
                .into_iter()
                .collect()
        } else {
            BTreeSet::new()
        };
        if self.filter.ids.is_some() {
            self.filter.ids = Some(self.meet.changed.clone());
        }
    }

    /// The meeting on screen.
    pub fn shown_meeting(&self) -> Option<&Meeting> {
        self.desk.meeting(self.meet.shown.as_deref()?)
    }

    /// The task of the agenda item on screen.
    pub fn agenda_task(&self) -> Option<&Task> {
        let m = self.shown_meeting()?;
        let id = &m.agenda.get(self.meet.item)?.task;
        self.tasks().iter().find(|t| t.def.id == *id)
    }

    /// True while the meeting screen is what is shown (also under its popups and help).
    pub fn on_meeting(&self) -> bool {
        let mode = if self.mode == Mode::Help {
            self.help.mode.unwrap_or(Mode::Normal)
        } else {
            self.mode
        };
        match mode {
            Mode::Meeting
            | Mode::NewMeeting
            | Mode::Conclusion
            | Mode::Assign
            | Mode::CloseMeeting => true,
            Mode::Status | Mode::Progress | Mode::DoneOn | Mode::Note | Mode::Withdraw => {
                self.popup_return == Mode::Meeting
            }
            _ => false,
        }
    }

    /// `m` from the plan: the open meeting, else the latest planned, else the latest; with no
    /// meeting at all, the form that prepares one.
    pub(super) fn enter_meeting(&mut self) {
        self.meet.shown = choose(&self.desk);
        self.meet.item = 0;
        self.meet.scroll = 0;
        self.note_cursor = None;
        self.mode = Mode::Meeting;
        // The form is the offer: Esc leaves the empty screen, which says how to come back to it.
        if self.meet.shown.is_none() {
            self.open_new_meeting();
        }
    }

    /// The meeting screen's own actions (edits of the item's task go through `edit`).
    pub(super) fn update_meeting(&mut self, action: Action) {
        let page = u16::try_from(self.page.max(1)).unwrap_or(u16::MAX);
        match action {
            Action::Quit => self.quit = true,
            Action::Back | Action::Meeting => self.mode = Mode::Normal,
            Action::Help => self.open_help(),
            Action::NextGroup => self.step_meeting(true),
            Action::PrevGroup => self.step_meeting(false),
            Action::MoveDown => self.step_item(true),
            Action::MoveUp => self.step_item(false),
            Action::ScrollDown => self.meet.scroll = self.meet.scroll.saturating_add(1),
            Action::ScrollUp => self.meet.scroll = self.meet.scroll.saturating_sub(1),
            Action::PageDown => self.meet.scroll = self.meet.scroll.saturating_add(page),
            Action::PageUp => self.meet.scroll = self.meet.scroll.saturating_sub(page),
            Action::SetStatus => self.open_status(),
            Action::SetProgress => self.open_progress(),
            Action::AddNote => self.open_note(None),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ToggleLanguage => self.toggle_language(),
            Action::NewMeeting => self.open_new_meeting(),
            Action::EditMeeting => self.open_edit_meeting(),
            Action::DropItem => self.drop_item(),
            Action::ItemUp => self.move_item(false),
            Action::ItemDown => self.move_item(true),
            Action::Conclude => self.open_conclusion(),
            Action::Assign => self.open_assign(),
            Action::OpenMeeting => self.open_meeting(),
            Action::CloseMeeting => self.ask_close(),
            _ => {}
        }
    }

    /// The next or previous meeting by date.
    fn step_meeting(&mut self, forward: bool) {
        let mut order: Vec<&Meeting> = self.desk.meetings.iter().collect();
        order.sort_by_key(|m| (m.date, m.id.len(), m.id.clone()));
        let pos = order
            .iter()
            .position(|m| Some(&m.id) == self.meet.shown.as_ref());
        let next = match (pos, forward) {
            (Some(p), true) => order.get(p + 1),
            (Some(p), false) => p.checked_sub(1).and_then(|p| order.get(p)),
            (None, _) => order.last(),
        }
        .map(|m| m.id.clone());
        if let Some(id) = next {
            self.meet.shown = Some(id);
            self.meet.item = 0;
            self.meet.scroll = 0;
            self.note_cursor = None;
        } else {
            let w = if forward {
                Word::LastMeeting
            } else {
                Word::FirstMeeting
            };
            self.say(Tone::Info, word(self.cfg.lang, w));
        }
    }

    fn step_item(&mut self, forward: bool) {
        let n = self.shown_meeting().map_or(0, |m| m.agenda.len());
        let next = if forward {
            Some(self.meet.item + 1).filter(|i| *i < n)
        } else {
            self.meet.item.checked_sub(1)
        };
        if let Some(i) = next {
            self.meet.item = i;
            self.meet.scroll = 0;
            self.note_cursor = None;
        } else {
            let w = if forward {
                Word::LastItem
            } else {
                Word::FirstItem
            };
            self.say(Tone::Info, word(self.cfg.lang, w));
        }
    }

    /// The meeting the desk can change, or why not (said).
    pub(super) fn meeting_to_edit(&mut self) -> Option<Meeting> {
        if self.cfg.read_only {
            self.say(Tone::Error, self.cfg.lang.t(crate::i18n::Msg::ReadOnly));
            return None;
        }
        let m = self.shown_meeting().cloned();
        if m.is_none() {
            let key = self.key_for(Mode::Meeting, Action::NewMeeting);
            let text = word(self.cfg.lang, Word::NoMeeting).replace("{key}", &key);
            self.say(Tone::Error, text);
        }
        m
    }

    fn open_meeting(&mut self) {
        let Some(m) = self.meeting_to_edit() else {
            return;
        };
        if m.state == MeetingState::Open {
            let text = word(self.cfg.lang, Word::AlreadyOpen).replace("{id}", &m.id);
            self.say(Tone::Info, text);
            return;
        }
        let change = DeskChange::SetState {
            meeting: m.id.clone(),
            state: MeetingState::Open,
            as_of: None,
            seen: Some(m.state),
        };
        if self.desk_change(change).is_some() {
            let text = word(self.cfg.lang, Word::Opened).replace("{id}", &m.id);
            self.say(Tone::Info, text);
        }
    }

    fn ask_close(&mut self) {
        let Some(m) = self.meeting_to_edit() else {
            return;
        };
        if m.state == MeetingState::Open {
            self.open_popup(Mode::CloseMeeting);
        } else {
            let text = word(self.cfg.lang, Word::NotOpen).replace("{id}", &m.id);
            self.say(Tone::Error, text);
        }
    }

    /// Enter in the confirmation: the meeting is closed, its counts kept as of the review date.
    pub(super) fn confirm_close(&mut self) {
        self.close_popup();
        let Some(m) = self.meeting_to_edit() else {
            return;
        };
        let change = DeskChange::SetState {
            meeting: m.id.clone(),
            state: MeetingState::Closed,
            as_of: Some(self.cfg.as_of),
            seen: Some(MeetingState::Open),
        };
        if self.desk_change(change).is_some() {
            let text = word(self.cfg.lang, Word::ClosedSaved).replace("{id}", &m.id);
            self.say(Tone::Info, text);
        }
    }

    /// Sends a change of the desk and loads what it made. Refused: the sentence is said, the
    /// screen shows the store's record as it is now. Saved, returns the id of what was made
    /// ("" when nothing was).
    pub(super) fn desk_change(&mut self, change: DeskChange) -> Option<String> {
        match self.run_desk(change) {
            Ok(Outcome::Desk { made, .. }) => Some(made.unwrap_or_default()),
            Ok(_) => Some(String::new()),
            Err(e) => {
                let text = self.not_saved(&e);
                self.say(Tone::Error, text);
                None
            }
        }
    }

    /// Runs a change of the meetings or targets, then reads the plan and its desk again (so the
    /// screen shows what the store now holds, refused or not).
    pub(super) fn run_desk(
        &mut self,
        change: DeskChange,
    ) -> Result<Outcome, crate::store::StoreError> {
        let command = Command::Desk {
            plan: self.cfg.plan_name.clone(),
            change,
        };
        let result = self.store.execute(&self.cfg.actor, command);
        if let Err(e) = self.reload() {
            let text = crate::i18n::errors::store(self.cfg.lang, &e);
            self.say(Tone::Error, text);
        }
        result
    }

    /// The meeting shown, if its record may be written to: not while it is closed (said, before
    /// anything is typed that the store would refuse).
    pub(super) fn meeting_to_write(&mut self) -> Option<Meeting> {
        let m = self.meeting_to_edit()?;
        if m.state == MeetingState::Closed {
            let p = crate::store::DeskProblem::Closed {
                meeting: m.id.clone(),
            };
            let text = crate::i18n::meeting::problem(self.cfg.lang, &p);
            self.say(Tone::Error, text);
            return None;
        }
        Some(m)
    }

    /// The first key bound to `action` in `mode`, as the hint bar writes it.
    pub(super) fn key_for(&self, mode: Mode, action: Action) -> String {
        self.cfg
            .keymap
            .keys_for(mode, action)
            .first()
            .map_or_else(String::new, ToString::to_string)
    }
}

/// Read access for drawing.
impl App {
    /// The agenda item on screen (an index into the shown meeting's agenda).
    pub fn agenda_item(&self) -> usize {
        self.meet.item
    }
    /// How far the item is scrolled.
    pub fn meeting_scroll(&self) -> u16 {
        self.meet.scroll
    }
    /// The open form's fields and the one typed in.
    pub fn meeting_form(&self) -> (&[TextInput], usize) {
        (&self.meet.form, self.meet.field)
    }
    /// The meeting the meeting form corrects (none: it prepares a new one).
    pub fn meeting_editing(&self) -> Option<&str> {
        self.meet.editing.as_deref()
    }
    /// The conclusion being written.
    pub fn conclusion_editor(&self) -> &ratatui_textarea::TextArea<'static> {
        &self.meet.conclusion
    }
    /// The agenda item (task id) the conclusion being written is on.
    pub fn concluding(&self) -> Option<&str> {
        self.meet.concluding.as_ref().map(|(_, t, _)| t.as_str())
    }
}

/// The meeting a screen opens on: the open one, else the latest planned, else the latest.
fn choose(desk: &Desk) -> Option<String> {
    editable(desk)
        .or_else(|| desk.latest())
        .map(|m| m.id.clone())
}

/// The meeting an agenda is added to: the open one, else the latest planned.
pub(super) fn editable(desk: &Desk) -> Option<&Meeting> {
    desk.open_meeting().or_else(|| {
        desk.meetings
            .iter()
            .filter(|m| m.state == MeetingState::Planned)
            .max_by_key(|m| (m.date, m.id.len(), m.id.clone()))
    })
}
