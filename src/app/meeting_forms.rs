//! The meeting screen's forms: a new meeting (its agenda proposed from the plan), the
//! conclusion on an agenda item, and an action item assigned under it.

use super::{Action, App, Mode, TextInput, Tone};
use crate::domain::meeting::propose_agenda;
use crate::i18n::meet::{Word, t as word};
use crate::i18n::meeting::W;
use crate::store::DeskChange;

/// The new meeting form's fields.
pub const NEW_FIELDS: [W; 3] = [W::Title, W::Date, W::Chair];

impl App {
    /// The form of a new meeting: the default title, the review date, the chair to type.
    pub(super) fn open_new_meeting(&mut self) {
        if self.cfg.read_only {
            self.say(Tone::Error, self.cfg.lang.t(crate::i18n::Msg::ReadOnly));
            return;
        }
        let value = |s: &str| {
            let mut t = TextInput::default();
            t.set(s);
            t
        };
        self.meet.form = vec![
            value(crate::i18n::meeting::word(self.cfg.lang, W::DefaultTitle)),
            value(&crate::i18n::format::date(self.cfg.as_of)),
            TextInput::default(),
        ];
        self.meet.field = 2;
        self.meet.editing = None;
        self.open_popup(Mode::NewMeeting);
    }

    /// The same form on the meeting shown, to correct its title, date or chair.
    pub(super) fn open_edit_meeting(&mut self) {
        let Some(m) = self.meeting_to_write() else {
            return;
        };
        let value = |s: &str| {
            let mut t = TextInput::default();
            t.set(s);
            t
        };
        self.meet.form = vec![
            value(&m.title),
            value(&crate::i18n::format::date(m.date)),
            value(&m.chair),
        ];
        self.meet.field = 0;
        self.meet.editing = Some(m.id);
        self.open_popup(Mode::NewMeeting);
    }

    /// The form of an action item under the agenda item on screen.
    pub(super) fn open_assign(&mut self) {
        if self.meeting_to_write().is_none() {
            return;
        }
        if self.agenda_task().is_none() {
            let key = self.key_for(Mode::Normal, Action::AddToAgenda);
            let text = word(self.cfg.lang, Word::EmptyAgenda).replace("{key}", &key);
            self.say(Tone::Error, text);
            return;
        }
        self.meet.form = vec![TextInput::default(); 4];
        self.meet.field = 0;
        self.open_popup(Mode::Assign);
    }

    /// The form modes: tab and the arrows move between fields, enter saves.
    pub(super) fn update_form(&mut self, action: Action) {
        let n = self.meet.form.len().max(1);
        match action {
            Action::NextField => self.meet.field = (self.meet.field + 1) % n,
            Action::PrevField => self.meet.field = (self.meet.field + n - 1) % n,
            Action::Confirm if self.mode == Mode::NewMeeting => self.save_new_meeting(),
            Action::Confirm => self.save_assign(),
            Action::Back => self.close_popup(),
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    /// The field being typed in, for text keys.
    pub(super) fn form_field(&mut self) -> Option<&mut TextInput> {
        self.meet.form.get_mut(self.meet.field)
    }

    fn save_new_meeting(&mut self) {
        let text = |i: usize, app: &App| {
            app.meet
                .form
                .get(i)
                .map(|t| t.text().trim().to_string())
                .unwrap_or_default()
        };
        let Some(date) = crate::domain::day::parse_day(&text(1, self)) else {
            self.meet.field = 1;
            self.say(Tone::Error, word(self.cfg.lang, Word::BadDate));
            return;
        };
        if let Some(id) = self.meet.editing.clone() {
            let change = DeskChange::EditMeeting {
                meeting: id.clone(),
                title: Some(text(0, self)),
                date: Some(date),
                chair: Some(text(2, self)),
                attendees: None,
            };
            if self.desk_change(change).is_some() {
                self.close_popup();
                let said = word(self.cfg.lang, Word::Edited).replace("{id}", &id);
                self.say(Tone::Info, said);
            }
            return;
        }
        let changed = self.changed_since_last(date);
        let agenda = propose_agenda(self.tasks(), date, &changed, &self.desk.actions);
        let n = agenda.len();
        let change = DeskChange::NewMeeting {
            title: text(0, self),
            date,
            chair: text(2, self),
            attendees: Vec::new(),
            agenda,
        };
        if let Some(id) = self.desk_change(change) {
            self.close_popup();
            self.mode = Mode::Meeting;
            if !id.is_empty() {
                self.meet.shown = Some(id.clone());
            }
            self.meet.item = 0;
            self.meet.scroll = 0;
            let text = word(self.cfg.lang, Word::Prepared)
                .replace("{id}", &id)
                .replace("{n}", &n.to_string());
            self.say(Tone::Info, text);
        }
    }

    fn save_assign(&mut self) {
        let Some(m) = self.meeting_to_edit() else {
            self.close_popup();
            return;
        };
        let about = self.agenda_task().map(|t| t.def.id.clone());
        let field = |i: usize| {
            self.meet
                .form
                .get(i)
                .map(|t| t.text().trim().to_string())
                .unwrap_or_default()
        };
        let units = |s: String| -> Vec<String> {
            s.split([';', ','])
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(str::to_string)
                .collect()
        };
        let change = DeskChange::Assign {
            meeting: m.id,
            about,
            title: field(0),
            lead: units(field(1)),
            support: units(field(2)),
            timeframe: field(3),
        };
        // Refused (an empty "what"), the form stays open with what was typed.
        if let Some(id) = self.desk_change(change) {
            self.close_popup();
            let text = word(self.cfg.lang, Word::AssignedSaved).replace("{id}", &id);
            self.say(Tone::Info, text);
        }
    }

    /// The deadline the action item form's timeframe reads as, live.
    pub fn assign_deadline(&self) -> Option<crate::domain::TimeframeReading> {
        let text = self.meet.form.get(3)?.text();
        (!text.trim().is_empty()).then(|| crate::domain::read_timeframe(text, self.plan.year))
    }

    /// The conclusion editor on the item: its draft if one was kept, else the conclusion.
    pub(super) fn open_conclusion(&mut self) {
        let Some(m) = self.meeting_to_write() else {
            return;
        };
        let Some(item) = m.agenda.get(self.meet.item).cloned() else {
            let key = self.key_for(Mode::Normal, Action::AddToAgenda);
            let text = word(self.cfg.lang, Word::EmptyAgenda).replace("{key}", &key);
            self.say(Tone::Error, text);
            return;
        };
        let seen = item.conclusion.clone().unwrap_or_default();
        let key = conclusion_key(&m.id, &item.task);
        let text = self.drafts.get(&key).cloned().unwrap_or(seen.clone());
        self.meet.conclusion = editor(&text);
        self.meet.concluding = Some((m.id, item.task, seen));
        self.open_popup(Mode::Conclusion);
    }

    /// Saves the conclusion against the one the editor opened on. Refused because someone
    /// changed it since: the sentence is said, the text stays, and a second save replaces the
    /// new conclusion knowingly.
    fn save_conclusion(&mut self) {
        let Some((meeting, task, seen)) = self.meet.concluding.clone() else {
            return;
        };
        let text = self.meet.conclusion.lines().join("\n");
        let change = DeskChange::Conclude {
            meeting: meeting.clone(),
            task: task.clone(),
            text,
            seen: Some(seen),
        };
        if self.desk_change(change).is_some() {
            self.drafts_changed |= self
                .drafts
                .remove(&conclusion_key(&meeting, &task))
                .is_some();
            self.meet.concluding = None;
            self.meet.conclusion = editor("");
            self.close_popup();
            let text = word(self.cfg.lang, Word::Concluded).replace("{task}", &task);
            self.say(Tone::Info, text);
        } else {
            let now = self
                .desk
                .meeting(&meeting)
                .and_then(|m| m.item(&task))
                .and_then(|i| i.conclusion.clone())
                .unwrap_or_default();
            self.meet.concluding = Some((meeting, task, now));
        }
    }

    pub(super) fn update_conclusion(&mut self, action: Action) {
        match action {
            Action::Save => self.save_conclusion(),
            Action::DiscardNote => {
                if let Some((m, t, _)) = self.meet.concluding.take() {
                    self.drafts_changed |= self.drafts.remove(&conclusion_key(&m, &t)).is_some();
                }
                self.close_popup();
                self.say(
                    Tone::Info,
                    self.cfg.lang.t(crate::i18n::Msg::DraftDiscarded),
                );
            }
            Action::Back => {
                if let Some((m, t, seen)) = self.meet.concluding.clone() {
                    let text = self.meet.conclusion.lines().join("\n");
                    let key = conclusion_key(&m, &t);
                    if text == seen {
                        self.drafts_changed |= self.drafts.remove(&key).is_some();
                    } else {
                        self.drafts_changed |= self.drafts.insert(key, text.clone()) != Some(text);
                        self.say(Tone::Info, word(self.cfg.lang, Word::DraftKept));
                    }
                }
                self.close_popup();
            }
            Action::Help => self.open_help(),
            _ => {}
        }
    }

    /// The terminal went away while a conclusion was being written: it is saved rather than
    /// lost, marked as saved on disconnect (refused if someone changed it since: theirs stands).
    pub(super) fn hang_up_conclusion(&mut self) {
        let writing = self.mode == Mode::Conclusion
            || (self.mode == Mode::Help && self.help.mode == Some(Mode::Conclusion));
        let text = self.meet.conclusion.lines().join("\n");
        let Some((meeting, task, seen)) = self.meet.concluding.clone() else {
            return;
        };
        if self.cfg.read_only || !writing || text.trim().is_empty() || text == seen {
            return;
        }
        let text = format!(
            "{text}\n({})",
            self.cfg.lang.t(crate::i18n::Msg::SavedOnHangup)
        );
        let change = DeskChange::Conclude {
            meeting,
            task,
            text,
            seen: Some(seen),
        };
        let command = crate::store::Command::Desk {
            plan: self.cfg.plan_name.clone(),
            change,
        };
        if self.store.execute(&self.cfg.actor, command).is_ok() {
            self.meet.concluding = None;
        }
    }
}

/// A conclusion draft's key among the drafts kept on disk with the note drafts (whose keys are
/// task ids, `I.2` or `I.2#3`): "H1/I.2/conclusion" cannot be one of them.
fn conclusion_key(meeting: &str, task: &str) -> String {
    format!("{meeting}/{task}/conclusion")
}

fn editor(text: &str) -> ratatui_textarea::TextArea<'static> {
    let mut area = ratatui_textarea::TextArea::from(text.split('\n').map(str::to_string));
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area
}
